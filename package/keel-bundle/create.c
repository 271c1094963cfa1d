/*
 * create.c - keel-bundle create: find the slot image's segments (everything
 * but the zero gap after the squashfs), hash them, sign the header, write
 * header + signature + segments to a temp file and rename it, so a bundle
 * on disk is always whole.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "commands.h"
#include "keel/bundle.h"
#include "keel/file.h"
#include "keys.h"
#include "slot_segments.h"

/* A slot partition is 40 MiB (docs/ab-layout.md); this only stops a wrong
 * file from being read into memory whole. */
#define SLOT_IMAGE_MAX (1ull << 30)

/* Reads path whole; returns the buffer (free it) and its size, or NULL. */
static uint8_t *read_image(const char *path, uint64_t *size)
{
	struct stat st;
	uint8_t *img;
	ssize_t got;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0) {
		fprintf(stderr, "keel-bundle: cannot open %s: %s\n", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uint64_t)st.st_size > SLOT_IMAGE_MAX) {
		fprintf(stderr, "keel-bundle: %s: not a slot image (a regular file of 1 byte to "
			"%llu bytes)\n", path, SLOT_IMAGE_MAX);
		close(fd);
		return NULL;
	}
	*size = (uint64_t)st.st_size;
	img = malloc(*size);
	got = img ? fd_read_upto(fd, img, *size) : -1;
	if (got < 0 || (uint64_t)got != *size) {
		fprintf(stderr, "keel-bundle: reading %s: %s\n", path,
			got < 0 ? strerror(errno) : "file changed while read");
		free(img);
		close(fd);
		return NULL;
	}
	close(fd);
	return img;
}

static int write_full(int fd, const uint8_t *p, uint64_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n > (1u << 30) ? (1u << 30) : (size_t)n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (uint64_t)w;
	}
	return 0;
}

static int write_bundle(const char *path, const uint8_t prefix[BUNDLE_PREFIX_SIZE],
			const uint8_t *img, const struct bundle_header *h)
{
	char tmp[4096];
	int out, bad;

	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	out = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (out < 0) {
		fprintf(stderr, "keel-bundle: cannot create %s: %s\n", tmp, strerror(errno));
		return -1;
	}
	bad = write_full(out, prefix, BUNDLE_PREFIX_SIZE) != 0;
	for (uint32_t i = 0; i < h->segment_count && !bad; i++)
		bad = write_full(out, img + h->segment[i].offset, h->segment[i].length) != 0;
	if (bad || fsync(out) != 0 || close(out) != 0 || rename(tmp, path) != 0) {
		fprintf(stderr, "keel-bundle: writing %s: %s\n", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

int bundle_create(const struct create_args *a)
{
	uint8_t secret[SECRET_SIZE], prefix[BUNDLE_PREFIX_SIZE];
	crypto_hash_sha512_state st;
	struct bundle_header h;
	uint64_t size = 0;
	uint8_t *img;
	int err;

	if (load_secret(a->key, secret) != 0)
		return 1;
	img = read_image(a->slot_image, &size);
	if (!img) {
		sodium_memzero(secret, sizeof(secret));
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
	slot_segments(img, size, h.segment, &h.segment_count);
	crypto_hash_sha512_init(&st);
	for (uint32_t i = 0; i < h.segment_count; i++) {
		crypto_hash_sha512_update(&st, img + h.segment[i].offset, h.segment[i].length);
		h.payload_size += h.segment[i].length;
	}
	crypto_hash_sha512_final(&st, h.payload_sha512);
	err = strlen(a->board) >= sizeof(h.board) ? BUNDLE_ERR_BOARD :
	      strlen(a->version) >= sizeof(h.version) ? BUNDLE_ERR_VERSION :
	      bundle_header_serialize(&h, prefix);
	if (err != BUNDLE_OK) {
		fprintf(stderr, "keel-bundle: cannot make a header: %s\n", bundle_strerror(err));
		sodium_memzero(secret, sizeof(secret));
		free(img);
		return 1;
	}
	crypto_sign_detached(prefix + BUNDLE_HEADER_SIZE, NULL, prefix, BUNDLE_HEADER_SIZE, secret);
	sodium_memzero(secret, sizeof(secret));
	err = write_bundle(a->out, prefix, img, &h);
	free(img);
	if (err != 0)
		return 1;
	printf("%s: Keel %s (%llu) for %s, payload %llu bytes of a %llu-byte slot image "
	       "(%u segment%s), signed\n", a->out, h.version,
	       (unsigned long long)h.version_number, h.board, (unsigned long long)h.payload_size,
	       (unsigned long long)size, h.segment_count, h.segment_count == 1 ? "" : "s");
	return 0;
}
