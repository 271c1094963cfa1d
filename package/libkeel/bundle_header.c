/*
 * bundle_header.c - the signed bundle's fixed 256-byte header: all integers
 * big-endian, strings NUL-padded, unused bytes zero (docs/bundle.md).
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
	OFF_RESERVED = OFF_HASH + BUNDLE_HASH_SIZE,		/* 208 */
};

_Static_assert(OFF_RESERVED <= BUNDLE_HEADER_SIZE, "header fields overflow");

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

int bundle_header_parse(const uint8_t *p, size_t n, struct bundle_header *out)
{
	struct bundle_header h;
	size_t board_len, version_len;

	if (n < BUNDLE_HEADER_SIZE)
		return BUNDLE_ERR_SHORT;
	if (memcmp(p + OFF_MAGIC, BUNDLE_MAGIC, 8) != 0)
		return BUNDLE_ERR_MAGIC;
	h.format = get32(p + OFF_FORMAT);
	if (h.format != BUNDLE_FORMAT)
		return BUNDLE_ERR_FORMAT;
	if (get32(p + OFF_HEADER_SIZE) != BUNDLE_HEADER_SIZE)
		return BUNDLE_ERR_HEADER_SIZE;
	h.version_number = get64(p + OFF_VERSION_NUMBER);
	h.created = get64(p + OFF_CREATED);
	h.payload_size = get64(p + OFF_PAYLOAD_SIZE);
	if (h.payload_size == 0)
		return BUNDLE_ERR_PAYLOAD_SIZE;
	memcpy(h.key_id, p + OFF_KEY_ID, BUNDLE_KEY_ID_SIZE);

	board_len = padded_len(p + OFF_BOARD, BUNDLE_BOARD_MAX);
	if (!bundle_board_valid((const char *)p + OFF_BOARD, board_len))
		return BUNDLE_ERR_BOARD;
	memset(h.board, 0, sizeof(h.board));
	memcpy(h.board, p + OFF_BOARD, board_len);

	version_len = padded_len(p + OFF_VERSION, BUNDLE_VERSION_MAX);
	if (!version_valid((const char *)p + OFF_VERSION, version_len))
		return BUNDLE_ERR_VERSION;
	memset(h.version, 0, sizeof(h.version));
	memcpy(h.version, p + OFF_VERSION, version_len);

	memcpy(h.payload_sha512, p + OFF_HASH, BUNDLE_HASH_SIZE);
	for (size_t i = OFF_RESERVED; i < BUNDLE_HEADER_SIZE; i++)
		if (p[i] != 0)
			return BUNDLE_ERR_RESERVED;
	*out = h;
	return BUNDLE_OK;
}

int bundle_header_serialize(const struct bundle_header *h, uint8_t out[BUNDLE_HEADER_SIZE])
{
	size_t board_len = strnlen(h->board, BUNDLE_BOARD_MAX);
	size_t version_len = strnlen(h->version, BUNDLE_VERSION_MAX);

	if (h->format != BUNDLE_FORMAT)
		return BUNDLE_ERR_FORMAT;
	if (h->payload_size == 0)
		return BUNDLE_ERR_PAYLOAD_SIZE;
	if (!bundle_board_valid(h->board, board_len))
		return BUNDLE_ERR_BOARD;
	if (!version_valid(h->version, version_len))
		return BUNDLE_ERR_VERSION;
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
	return BUNDLE_OK;
}

const char *bundle_strerror(int err)
{
	switch (err) {
	case BUNDLE_OK: return "ok";
	case BUNDLE_ERR_SHORT: return "file ends inside the bundle header (truncated)";
	case BUNDLE_ERR_MAGIC: return "not a Keel bundle (bad magic)";
	case BUNDLE_ERR_FORMAT: return "unknown bundle format version";
	case BUNDLE_ERR_HEADER_SIZE: return "bad header size field";
	case BUNDLE_ERR_BOARD: return "bad board name in header";
	case BUNDLE_ERR_VERSION: return "bad version string in header";
	case BUNDLE_ERR_PAYLOAD_SIZE: return "payload size is zero";
	case BUNDLE_ERR_RESERVED: return "reserved header bytes are not zero";
	}
	return "unknown bundle error";
}
