/*
 * bundle_header.c - the signed bundle's fixed 256-byte header: all integers
 * big-endian, strings NUL-padded, unused bytes zero (docs/bundle.md).
 * Format 2: the payload is up to BUNDLE_SEGMENTS_MAX segments of the slot
 * image, so a bundle no longer carries the slot's zero gap.
 */
#include <string.h>

#include "keel/bundle.h"

enum {
	OFF_MAGIC = 0,
	OFF_FORMAT = 8,
	OFF_HEADER_SIZE = 12,
	OFF_VERSION_NUMBER = 16,
	OFF_CREATED = 24,
	OFF_PAYLOAD_SIZE = 32,
	OFF_KEY_ID = 40,
	OFF_BOARD = 48,
	OFF_VERSION = OFF_BOARD + BUNDLE_BOARD_MAX,		/* 80 */
	OFF_HASH = OFF_VERSION + BUNDLE_VERSION_MAX,		/* 144 */
	OFF_SEGMENT_COUNT = OFF_HASH + BUNDLE_HASH_SIZE,	/* 208 */
	OFF_SEGMENT_PAD = OFF_SEGMENT_COUNT + 4,		/* 212, 4 zero bytes */
	OFF_SEGMENTS = OFF_SEGMENT_PAD + 4,			/* 216, 16 bytes each */
	OFF_RESERVED = OFF_SEGMENTS + 16 * BUNDLE_SEGMENTS_MAX,	/* 248 */
};

_Static_assert(OFF_RESERVED <= BUNDLE_HEADER_SIZE, "header fields overflow");

/* Format 1 had zeros where format 2 keeps its segments: say what to do
 * rather than "unknown format" (no format 1 bundle was ever deployed). */
#define BUNDLE_FORMAT_WHOLE_SLOT 1u

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint64_t get64(const uint8_t *p)
{
	return (uint64_t)get32(p) << 32 | get32(p + 4);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void put64(uint8_t *p, uint64_t v)
{
	put32(p, (uint32_t)(v >> 32));
	put32(p + 4, (uint32_t)v);
}

int bundle_board_valid(const char *s, size_t len)
{
	if (len == 0 || len >= BUNDLE_BOARD_MAX)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];

		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return 0;
	}
	return 1;
}

/* Printable ASCII without spaces, so the string is safe in a log line. */
static int version_valid(const char *s, size_t len)
{
	if (len == 0 || len >= BUNDLE_VERSION_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (s[i] < 0x21 || s[i] > 0x7e)
			return 0;
	return 1;
}

/* A NUL-padded field: the string, then only NULs (at least one). Returns the
 * string's length, or field size when it is unterminated or has bytes after
 * the first NUL (two headers must never differ only in hidden bytes). */
static size_t padded_len(const uint8_t *p, size_t size)
{
	size_t len = 0;

	while (len < size && p[len] != 0)
		len++;
	for (size_t i = len; i < size; i++)
		if (p[i] != 0)
			return size;
	return len;
}

/* Segment i (0-based) of a parsed header, given where the one before it
 * ends (0 for the first): non-empty, inside 64-bit offsets, after the one
 * before. The slot's size is the device's to check (bundle_slot_end). */
static int bundle_segment_check(const struct bundle_segment *s, uint32_t i, uint64_t prev_end)
{
	if (s->length == 0)
		return BUNDLE_ERR_SEGMENT_EMPTY;
	if (s->offset > UINT64_MAX - s->length)
		return BUNDLE_ERR_SEGMENT_END;
	if (i > 0 && s->offset < prev_end)
		return BUNDLE_ERR_SEGMENT_ORDER;
	return BUNDLE_OK;
}

int bundle_header_parse(const uint8_t *p, size_t n, struct bundle_header *out)
{
	struct bundle_header h;
	size_t board_len, version_len;
	uint64_t sum = 0, end = 0;
	int err;

	if (n < BUNDLE_HEADER_SIZE)
		return BUNDLE_ERR_SHORT;
	if (memcmp(p + OFF_MAGIC, BUNDLE_MAGIC, 8) != 0)
		return BUNDLE_ERR_MAGIC;
	memset(&h, 0, sizeof(h));
	h.format = get32(p + OFF_FORMAT);
	if (h.format == BUNDLE_FORMAT_WHOLE_SLOT)
		return BUNDLE_ERR_FORMAT_OLD;
	if (h.format != BUNDLE_FORMAT)
		return BUNDLE_ERR_FORMAT;
	if (get32(p + OFF_HEADER_SIZE) != BUNDLE_HEADER_SIZE)
		return BUNDLE_ERR_HEADER_SIZE;
	h.version_number = get64(p + OFF_VERSION_NUMBER);
	h.created = get64(p + OFF_CREATED);
	memcpy(h.key_id, p + OFF_KEY_ID, BUNDLE_KEY_ID_SIZE);

	board_len = padded_len(p + OFF_BOARD, BUNDLE_BOARD_MAX);
	if (!bundle_board_valid((const char *)p + OFF_BOARD, board_len))
		return BUNDLE_ERR_BOARD;
	memcpy(h.board, p + OFF_BOARD, board_len);

	version_len = padded_len(p + OFF_VERSION, BUNDLE_VERSION_MAX);
	if (!version_valid((const char *)p + OFF_VERSION, version_len))
		return BUNDLE_ERR_VERSION;
	memcpy(h.version, p + OFF_VERSION, version_len);

	memcpy(h.payload_sha512, p + OFF_HASH, BUNDLE_HASH_SIZE);

	h.segment_count = get32(p + OFF_SEGMENT_COUNT);
	if (h.segment_count == 0 || h.segment_count > BUNDLE_SEGMENTS_MAX)
		return BUNDLE_ERR_SEGMENT_COUNT;
	for (uint32_t i = 0; i < BUNDLE_SEGMENTS_MAX; i++) {
		struct bundle_segment *s = &h.segment[i];

		s->offset = get64(p + OFF_SEGMENTS + 16 * i);
		s->length = get64(p + OFF_SEGMENTS + 16 * i + 8);
		if (i >= h.segment_count) {
			/* Unused entries are zero: no hidden bytes under the signature. */
			if (s->offset != 0 || s->length != 0)
				return BUNDLE_ERR_RESERVED;
			continue;
		}
		err = bundle_segment_check(s, i, end);
		if (err != BUNDLE_OK)
			return err;
		end = s->offset + s->length;
		sum += s->length;	/* no overflow: sum <= end */
	}
	h.payload_size = get64(p + OFF_PAYLOAD_SIZE);
	if (h.payload_size != sum)
		return BUNDLE_ERR_PAYLOAD_SIZE;

	if (get32(p + OFF_SEGMENT_PAD) != 0)
		return BUNDLE_ERR_RESERVED;
	for (size_t i = OFF_RESERVED; i < BUNDLE_HEADER_SIZE; i++)
		if (p[i] != 0)
			return BUNDLE_ERR_RESERVED;
	*out = h;
	return BUNDLE_OK;
}

uint64_t bundle_slot_end(const struct bundle_header *h)
{
	const struct bundle_segment *last = &h->segment[h->segment_count - 1];

	return last->offset + last->length;
}

int bundle_header_serialize(const struct bundle_header *h, uint8_t out[BUNDLE_HEADER_SIZE])
{
	size_t board_len = strnlen(h->board, BUNDLE_BOARD_MAX);
	size_t version_len = strnlen(h->version, BUNDLE_VERSION_MAX);
	struct bundle_header back;
	int err;

	memset(out, 0, BUNDLE_HEADER_SIZE);
	memcpy(out + OFF_MAGIC, BUNDLE_MAGIC, 8);
	put32(out + OFF_FORMAT, h->format);
	put32(out + OFF_HEADER_SIZE, BUNDLE_HEADER_SIZE);
	put64(out + OFF_VERSION_NUMBER, h->version_number);
	put64(out + OFF_CREATED, h->created);
	put64(out + OFF_PAYLOAD_SIZE, h->payload_size);
	memcpy(out + OFF_KEY_ID, h->key_id, BUNDLE_KEY_ID_SIZE);
	memcpy(out + OFF_BOARD, h->board, board_len);
	memcpy(out + OFF_VERSION, h->version, version_len);
	memcpy(out + OFF_HASH, h->payload_sha512, BUNDLE_HASH_SIZE);
	put32(out + OFF_SEGMENT_COUNT, h->segment_count);
	for (uint32_t i = 0; i < BUNDLE_SEGMENTS_MAX; i++) {
		put64(out + OFF_SEGMENTS + 16 * i, h->segment[i].offset);
		put64(out + OFF_SEGMENTS + 16 * i + 8, h->segment[i].length);
	}
	/* The parser is the one definition of a valid header: never write
	 * bytes it would refuse. */
	err = bundle_header_parse(out, BUNDLE_HEADER_SIZE, &back);
	if (err != BUNDLE_OK)
		memset(out, 0, BUNDLE_HEADER_SIZE);
	return err;
}

const char *bundle_strerror(int err)
{
	switch (err) {
	case BUNDLE_OK: return "ok";
	case BUNDLE_ERR_SHORT: return "file ends inside the bundle header (truncated)";
	case BUNDLE_ERR_MAGIC: return "not a Keel bundle (bad magic)";
	case BUNDLE_ERR_FORMAT: return "unknown bundle format version";
	case BUNDLE_ERR_FORMAT_OLD:
		return "bundle format 1 is no longer supported; rebuild it with this keel-bundle";
	case BUNDLE_ERR_HEADER_SIZE: return "bad header size field";
	case BUNDLE_ERR_BOARD: return "bad board name in header";
	case BUNDLE_ERR_VERSION: return "bad version string in header";
	case BUNDLE_ERR_PAYLOAD_SIZE:
		return "payload size is not the sum of the segment lengths";
	case BUNDLE_ERR_RESERVED: return "reserved header bytes or unused segments are not zero";
	case BUNDLE_ERR_SEGMENT_COUNT: return "segment count is not 1 or 2";
	case BUNDLE_ERR_SEGMENT_EMPTY: return "a segment is empty (length 0)";
	case BUNDLE_ERR_SEGMENT_END: return "a segment ends past the largest offset (2^64)";
	case BUNDLE_ERR_SEGMENT_ORDER:
		return "segments overlap or are not sorted by slot offset";
	}
	return "unknown bundle error";
}
