/*
 * create.c - keel-bundle create: hash the slot image, sign the header,
 * write header + signature + payload to a temp file and rename it, so a
 * bundle on disk is always whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "keel/bundle.h"
#include "keys.h"

#define CHUNK (1u << 20)

static uint8_t chunk[CHUNK];

/* Hashes fd from the start; returns its length or -1. */
static int64_t hash_file(int fd, uint8_t digest[BUNDLE_HASH_SIZE])
{
	crypto_hash_sha512_state st;
	int64_t total = 0;
	ssize_t n;

	crypto_hash_sha512_init(&st);
	while ((n = read(fd, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		crypto_hash_sha512_update(&st, chunk, (size_t)n);
		total += n;
	}
	crypto_hash_sha512_final(&st, digest);
	return total;
}

static int copy_fd(int in, int out)
{
	ssize_t n;

	if (lseek(in, 0, SEEK_SET) != 0)
		return -1;
	while ((n = read(in, chunk, sizeof(chunk))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 || write(out, chunk, (size_t)n) != n)
			return -1;
	}
	return 0;
}

int bundle_create(const struct create_args *a)
{
	uint8_t secret[SECRET_SIZE], prefix[BUNDLE_PREFIX_SIZE];
	struct bundle_header h;
	char tmp[4096];
	int in, out, err;
	int64_t size;

	if (load_secret(a->key, secret) != 0)
		return 1;
	in = open(a->slot_image, O_RDONLY | O_CLOEXEC);
	if (in < 0) {
		fprintf(stderr, "keel-bundle: cannot open %s: %s\n", a->slot_image, strerror(errno));
		return 1;
	}
	memset(&h, 0, sizeof(h));
	h.format = BUNDLE_FORMAT;
	h.version_number = a->version_number;
	h.created = a->created;
	/* libsodium's secret key ends with the public key. */
	memcpy(h.key_id, secret + SEED_SIZE, BUNDLE_KEY_ID_SIZE);
	snprintf(h.board, sizeof(h.board), "%s", a->board);
	snprintf(h.version, sizeof(h.version), "%s", a->version);
	size = hash_file(in, h.payload_sha512);
	if (size < 0) {
		fprintf(stderr, "keel-bundle: reading %s: %s\n", a->slot_image, strerror(errno));
		close(in);
		return 1;
	}
	h.payload_size = (uint64_t)size;
	err = strlen(a->board) >= sizeof(h.board) ? BUNDLE_ERR_BOARD :
	      strlen(a->version) >= sizeof(h.version) ? BUNDLE_ERR_VERSION :
	      bundle_header_serialize(&h, prefix);
	if (err != BUNDLE_OK) {
		fprintf(stderr, "keel-bundle: cannot make a header: %s\n", bundle_strerror(err));
		close(in);
		return 1;
	}
	crypto_sign_detached(prefix + BUNDLE_HEADER_SIZE, NULL, prefix, BUNDLE_HEADER_SIZE, secret);
	sodium_memzero(secret, sizeof(secret));

	snprintf(tmp, sizeof(tmp), "%s.tmp", a->out);
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		fprintf(stderr, "keel-bundle: cannot create %s: %s\n", tmp, strerror(errno));
		close(in);
		return 1;
	}
	if (write(out, prefix, sizeof(prefix)) != (ssize_t)sizeof(prefix) || copy_fd(in, out) != 0 ||
	    fsync(out) != 0 || close(out) != 0 || rename(tmp, a->out) != 0) {
		fprintf(stderr, "keel-bundle: writing %s: %s\n", a->out, strerror(errno));
		unlink(tmp);
		close(in);
		return 1;
	}
	close(in);
	printf("%s: Keel %s (%llu) for %s, payload %llu bytes, signed\n", a->out, h.version,
	       (unsigned long long)h.version_number, h.board, (unsigned long long)h.payload_size);
	return 0;
}
