/*
 * keel/bundle.h - the signed update bundle's fixed header (docs/bundle.md).
 *
 * A bundle is: a 256-byte header, a 64-byte ed25519 signature over exactly
 * those 256 bytes, then the payload: the bytes of up to BUNDLE_SEGMENTS_MAX
 * segments (offset, length) of a slot image, concatenated. The header
 * carries the segments, the payload's size and its SHA-512, so the
 * signature covers every byte the bootloader will ever read. Parsing and
 * serializing are pure; signing and hashing live with the programs that
 * link libsodium.
 */
#ifndef KEEL_BUNDLE_H
#define KEEL_BUNDLE_H

#include <stddef.h>
#include <stdint.h>

#define BUNDLE_MAGIC		"KEELBNDL"
#define BUNDLE_FORMAT		2u	/* 1 (the whole slot image) is refused */
#define BUNDLE_HEADER_SIZE	256u
#define BUNDLE_SIG_SIZE		64u
#define BUNDLE_PREFIX_SIZE	(BUNDLE_HEADER_SIZE + BUNDLE_SIG_SIZE)
#define BUNDLE_KEY_ID_SIZE	8u
#define BUNDLE_BOARD_MAX	32u	/* field size; the name is at most 31 */
#define BUNDLE_VERSION_MAX	64u	/* field size; the string is at most 63 */
#define BUNDLE_HASH_SIZE	64u	/* SHA-512 */
/* The slot layout needs two: the squashfs, and the slot info block with the
 * kernel (docs/ab-layout.md). They fit in what format 1 kept reserved. */
#define BUNDLE_SEGMENTS_MAX	2u

/* length bytes of the payload go to the slot at offset. */
struct bundle_segment {
	uint64_t offset;
	uint64_t length;
};

struct bundle_header {
	uint32_t format;
	uint32_t segment_count;		/* 1..BUNDLE_SEGMENTS_MAX */
	uint64_t version_number;	/* monotonic: newer builds are larger */
	uint64_t created;		/* Unix seconds */
	uint64_t payload_size;		/* the sum of the segments' lengths */
	uint8_t key_id[BUNDLE_KEY_ID_SIZE];	/* signer's public key, first bytes */
	char board[BUNDLE_BOARD_MAX];		/* NUL-terminated */
	char version[BUNDLE_VERSION_MAX];	/* NUL-terminated */
	uint8_t payload_sha512[BUNDLE_HASH_SIZE];
	/* Sorted by offset, non-empty, non-overlapping; unused ones zero. */
	struct bundle_segment segment[BUNDLE_SEGMENTS_MAX];
};

enum bundle_error {
	BUNDLE_OK = 0,
	BUNDLE_ERR_SHORT = -1,		/* fewer than BUNDLE_HEADER_SIZE bytes */
	BUNDLE_ERR_MAGIC = -2,		/* not a Keel bundle at all */
	BUNDLE_ERR_FORMAT = -3,		/* a format this build does not know */
	BUNDLE_ERR_HEADER_SIZE = -4,
	BUNDLE_ERR_BOARD = -5,		/* empty, unterminated or bad characters */
	BUNDLE_ERR_VERSION = -6,
	BUNDLE_ERR_PAYLOAD_SIZE = -7,	/* not the sum of the segment lengths */
	BUNDLE_ERR_RESERVED = -8,	/* reserved bytes or unused segments not zero */
	BUNDLE_ERR_FORMAT_OLD = -9,	/* format 1: the whole slot image */
	BUNDLE_ERR_SEGMENT_COUNT = -10,	/* 0 or more than BUNDLE_SEGMENTS_MAX */
	BUNDLE_ERR_SEGMENT_EMPTY = -11,	/* a segment of length 0 */
	BUNDLE_ERR_SEGMENT_END = -12,	/* offset + length past 2^64 */
	BUNDLE_ERR_SEGMENT_ORDER = -13,	/* overlapping or not sorted by offset */
};

/* Parses the first BUNDLE_HEADER_SIZE bytes of p. Pure; out is filled only
 * on success. The header is NOT yet trusted: check the signature over the
 * same bytes before acting on any field. Returns BUNDLE_OK or an error. */
int bundle_header_parse(const uint8_t *p, size_t n, struct bundle_header *out);

/* Writes h as exactly BUNDLE_HEADER_SIZE bytes. Refuses (returns the error
 * the parser gives, out all zeros) what bundle_header_parse would refuse:
 * it parses what it wrote, so every header written parses back. */
int bundle_header_serialize(const struct bundle_header *h,
			    uint8_t out[BUNDLE_HEADER_SIZE]);

/* Where the last segment ends: the slot must hold at least this many bytes.
 * Only for a header that parsed. */
uint64_t bundle_slot_end(const struct bundle_header *h);

/* A one-line English description of an error code. */
const char *bundle_strerror(int err);

/* Board names: 1-31 of [a-z0-9_-]. Pure. */
int bundle_board_valid(const char *s, size_t len);

#endif /* KEEL_BUNDLE_H */
