/*
 * verify.c - keel-bundle verify: the checks keel-upgrade makes (header and
 * its segments, signature, payload size and SHA-512) on the build machine,
 * and the header printed. Only the slot's size is left to the device.
 */
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "commands.h"
#include "keel/bundle.h"
#include "keel/file.h"
#include "keel/keyfile.h"
#include "keys.h"

#define CHUNK (1u << 20)

static uint8_t chunk[CHUNK];

int bundle_verify(const char *pubkey_path, const char *path)
{
	uint8_t pub[PUBKEY_SIZE], prefix[BUNDLE_PREFIX_SIZE], digest[BUNDLE_HASH_SIZE];
	char hex[2 * BUNDLE_HASH_SIZE + 1];
	crypto_hash_sha512_state st;
	struct bundle_header h;
	uint64_t done = 0;
	ssize_t n;
	int fd, err;

	if (load_public(pubkey_path, pub) != 0)
		return 1;
	fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, "keel-bundle: cannot open %s: %s\n", path, strerror(errno));
		return 1;
	}
	n = fd_read_upto(fd, prefix, sizeof(prefix));
	err = n < 0 ? BUNDLE_ERR_SHORT : bundle_header_parse(prefix, (size_t)n, &h);
	if (err == BUNDLE_OK && n < (ssize_t)sizeof(prefix))
		err = BUNDLE_ERR_SHORT;
	if (err != BUNDLE_OK) {
		fprintf(stderr, "keel-bundle: %s: %s\n", path, bundle_strerror(err));
		return 1;
	}
	if (crypto_sign_verify_detached(prefix + BUNDLE_HEADER_SIZE, prefix, BUNDLE_HEADER_SIZE,
					pub) != 0) {
		fprintf(stderr, "keel-bundle: %s: bad signature (not signed by %s)\n", path,
			pubkey_path);
		return 1;
	}
	crypto_hash_sha512_init(&st);
	while (done < h.payload_size) {
		uint64_t left = h.payload_size - done;
		size_t want = left < sizeof(chunk) ? (size_t)left : sizeof(chunk);

		n = fd_read_upto(fd, chunk, want);
		if (n < 0) {
			fprintf(stderr, "keel-bundle: reading %s: %s\n", path, strerror(errno));
			return 1;
		}
		crypto_hash_sha512_update(&st, chunk, (size_t)n);
		done += (uint64_t)n;
		if ((size_t)n < want) {
			fprintf(stderr, "keel-bundle: %s: truncated: payload ends after %llu of %llu "
				"bytes\n", path, (unsigned long long)done,
				(unsigned long long)h.payload_size);
			return 1;
		}
	}
	if (fd_read_upto(fd, chunk, 1) != 0) {
		fprintf(stderr, "keel-bundle: %s: bytes after the payload\n", path);
		return 1;
	}
	crypto_hash_sha512_final(&st, digest);
	if (sodium_memcmp(digest, h.payload_sha512, sizeof(digest)) != 0) {
		fprintf(stderr, "keel-bundle: %s: payload SHA-512 does not match the header "
			"(corrupt)\n", path);
		return 1;
	}
	hex_encode(h.payload_sha512, sizeof(h.payload_sha512), hex);
	printf("format: %u\nboard: %s\nversion: %s\nversion_number: %llu\ncreated: %llu\n"
	       "payload_size: %llu\npayload_sha512: %s\n", h.format, h.board, h.version,
	       (unsigned long long)h.version_number, (unsigned long long)h.created,
	       (unsigned long long)h.payload_size, hex);
	for (uint32_t i = 0; i < h.segment_count; i++)
		printf("segment: offset %llu length %llu\n",
		       (unsigned long long)h.segment[i].offset,
		       (unsigned long long)h.segment[i].length);
	printf("slot_end: %llu\n", (unsigned long long)bundle_slot_end(&h));
	hex_encode(h.key_id, sizeof(h.key_id), hex);
	printf("key_id: %s\nsignature: good\n", hex);
	if (fd > 0)
		close(fd);
	return 0;
}
