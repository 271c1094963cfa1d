/* bundle header: round trip, every refusal, and the exact byte layout
 * docs/bundle.md promises. */
#include <string.h>

#include "check.h"
#include "keel/bundle.h"

static struct bundle_header sample(void)
{
	struct bundle_header h;

	memset(&h, 0, sizeof(h));
	h.format = BUNDLE_FORMAT;
	h.version_number = 1700000123;
	h.created = 0x0102030405060708ull;
	/* The slot layout: squashfs, then info block + kernel (docs/ab-layout.md). */
	h.segment_count = 2;
	h.segment[0] = (struct bundle_segment){ 0, 831488 };
	h.segment[1] = (struct bundle_segment){ (32u << 20) - 4096, 2577408 };
	h.payload_size = 831488 + 2577408;
	memcpy(h.key_id, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	strcpy(h.board, "qemu-x86_64");
	strcpy(h.version, "v1.2-3-gabcdef");
	for (int i = 0; i < 64; i++)
		h.payload_sha512[i] = (uint8_t)(0xa0 + i);
	return h;
}

/* A copy of good with the segment fields at 208.. replaced. */
static int parse_segments(const uint8_t good[BUNDLE_HEADER_SIZE], uint32_t count,
			  const uint64_t seg[4], uint64_t payload_size)
{
	uint8_t b[BUNDLE_HEADER_SIZE];
	struct bundle_header out;

	memcpy(b, good, sizeof(b));
	for (int i = 0; i < 4; i++)
		b[211 - i] = (uint8_t)(count >> (8 * i));
	for (int k = 0; k < 4; k++)
		for (int i = 0; i < 8; i++)
			b[216 + 8 * k + 7 - i] = (uint8_t)(seg[k] >> (8 * i));
	for (int i = 0; i < 8; i++)
		b[32 + 7 - i] = (uint8_t)(payload_size >> (8 * i));
	return bundle_header_parse(b, sizeof(b), &out);
}

int main(void)
{
	struct bundle_header h = sample(), back;
	uint8_t buf[BUNDLE_HEADER_SIZE], bad[BUNDLE_HEADER_SIZE];

	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_OK);
	CHECK_EQ_INT(bundle_header_parse(buf, sizeof(buf), &back), BUNDLE_OK);
	CHECK(memcmp(&h, &back, sizeof(h)) == 0);

	/* Layout: magic, big-endian integers, fixed offsets. */
	CHECK_MEM(buf, 8, "KEELBNDL", 8);
	CHECK_MEM(buf + 8, 4, "\0\0\0\2", 4);
	CHECK_MEM(buf + 12, 4, "\0\0\1\0", 4);
	CHECK_MEM(buf + 24, 8, "\1\2\3\4\5\6\7\10", 8);
	CHECK_MEM(buf + 48, 12, "qemu-x86_64\0", 12);
	CHECK_MEM(buf + 80, 15, "v1.2-3-gabcdef\0", 15);
	CHECK_EQ_UINT(buf[144], 0xa0);
	CHECK_MEM(buf + 32, 8, "\0\0\0\0\0\x34\x04\0", 8);
	CHECK_MEM(buf + 208, 8, "\0\0\0\2\0\0\0\0", 8);
	CHECK_MEM(buf + 216, 16, "\0\0\0\0\0\0\0\0" "\0\0\0\0\0\x0c\xb0\0", 16);
	CHECK_MEM(buf + 232, 16, "\0\0\0\0\x01\xff\xf0\0" "\0\0\0\0\0\x27\x54\0", 16);
	for (size_t i = 248; i < BUNDLE_HEADER_SIZE; i++)
		CHECK_EQ_UINT(buf[i], 0);
	CHECK_EQ_UINT(bundle_slot_end(&back), (32u << 20) - 4096 + 2577408);

	/* Short input, at every length. */
	for (size_t n = 0; n < BUNDLE_HEADER_SIZE; n++)
		CHECK_EQ_INT(bundle_header_parse(buf, n, &back), BUNDLE_ERR_SHORT);

	memcpy(bad, buf, sizeof(bad));
	bad[0] = 'X';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_MAGIC);
	memcpy(bad, buf, sizeof(bad));
	bad[11] = 3;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_FORMAT);
	/* Format 1 (the whole slot image, zeros where the segments are now)
	 * gets a message that says what to do. */
	memcpy(bad, buf, sizeof(bad));
	bad[11] = 1;
	memset(bad + 208, 0, 48);
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_FORMAT_OLD);
	CHECK(strstr(bundle_strerror(BUNDLE_ERR_FORMAT_OLD), "format 1 is no longer supported; "
		     "rebuild it with this keel-bundle") != NULL);
	memcpy(bad, buf, sizeof(bad));
	bad[14] = 2;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_HEADER_SIZE);
	memcpy(bad, buf, sizeof(bad));
	memset(bad + 32, 0, 8);
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_PAYLOAD_SIZE);
	memcpy(bad, buf, sizeof(bad));
	bad[39]++;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_PAYLOAD_SIZE);

	/* Segments: one is enough, adjacent is fine, up to the 64-bit end. */
	CHECK_EQ_INT(parse_segments(buf, 1, (uint64_t[4]){ 0, 5, 0, 0 }, 5), BUNDLE_OK);
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 5, 5, 7 }, 12), BUNDLE_OK);
	CHECK_EQ_INT(parse_segments(buf, 1, (uint64_t[4]){ UINT64_MAX - 9, 9, 0, 0 }, 9),
		     BUNDLE_OK);
	/* Count 0 or past the maximum. */
	CHECK_EQ_INT(parse_segments(buf, 0, (uint64_t[4]){ 0, 0, 0, 0 }, 0),
		     BUNDLE_ERR_SEGMENT_COUNT);
	CHECK_EQ_INT(parse_segments(buf, 3, (uint64_t[4]){ 0, 5, 5, 7 }, 12),
		     BUNDLE_ERR_SEGMENT_COUNT);
	CHECK_EQ_INT(parse_segments(buf, 0xffffffffu, (uint64_t[4]){ 0, 5, 5, 7 }, 12),
		     BUNDLE_ERR_SEGMENT_COUNT);
	/* Empty, first or second. */
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 0, 5, 7 }, 7),
		     BUNDLE_ERR_SEGMENT_EMPTY);
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 5, 9, 0 }, 5),
		     BUNDLE_ERR_SEGMENT_EMPTY);
	/* Overlapping, or out of order. */
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 6, 5, 7 }, 13),
		     BUNDLE_ERR_SEGMENT_ORDER);
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 100, 5, 0, 7 }, 12),
		     BUNDLE_ERR_SEGMENT_ORDER);
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 100, 5, 100, 5 }, 10),
		     BUNDLE_ERR_SEGMENT_ORDER);
	/* Past 2^64: the end would wrap to a small offset. */
	CHECK_EQ_INT(parse_segments(buf, 1, (uint64_t[4]){ UINT64_MAX - 9, 10, 0, 0 }, 10),
		     BUNDLE_ERR_SEGMENT_END);
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 5, UINT64_MAX, 2 }, 7),
		     BUNDLE_ERR_SEGMENT_END);
	/* An unused entry must be zero. */
	CHECK_EQ_INT(parse_segments(buf, 1, (uint64_t[4]){ 0, 5, 0, 1 }, 5), BUNDLE_ERR_RESERVED);
	CHECK_EQ_INT(parse_segments(buf, 1, (uint64_t[4]){ 0, 5, 8, 0 }, 5), BUNDLE_ERR_RESERVED);
	/* The payload size is the sum, no more and no less. */
	CHECK_EQ_INT(parse_segments(buf, 2, (uint64_t[4]){ 0, 5, 5, 7 }, 13),
		     BUNDLE_ERR_PAYLOAD_SIZE);
	memcpy(bad, buf, sizeof(bad));
	bad[213] = 1;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_RESERVED);
	/* Board: upper case, empty, unterminated, bytes hidden after the NUL. */
	memcpy(bad, buf, sizeof(bad));
	bad[48] = 'Q';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_BOARD);
	memcpy(bad, buf, sizeof(bad));
	bad[48] = 0;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_BOARD);
	memcpy(bad, buf, sizeof(bad));
	memset(bad + 48, 'a', 32);
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_BOARD);
	memcpy(bad, buf, sizeof(bad));
	bad[79] = 'x';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_BOARD);
	/* Version: a space or a control character could forge log output. */
	memcpy(bad, buf, sizeof(bad));
	bad[81] = ' ';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_VERSION);
	memcpy(bad, buf, sizeof(bad));
	bad[81] = '\n';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_VERSION);
	memcpy(bad, buf, sizeof(bad));
	bad[143] = '1';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_VERSION);
	memcpy(bad, buf, sizeof(bad));
	bad[255] = 1;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_RESERVED);

	/* The longest names fit; one more does not. */
	memset(h.board, 'b', 31);
	h.board[31] = 0;
	memset(h.version, 'v', 63);
	h.version[63] = 0;
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_OK);
	CHECK_EQ_INT(bundle_header_parse(buf, sizeof(buf), &back), BUNDLE_OK);
	CHECK_STR(back.board, h.board);
	CHECK_STR(back.version, h.version);
	h.board[31] = 'b';
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_ERR_BOARD);
	h = sample();
	h.format = 7;
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_ERR_FORMAT);
	/* The writer refuses what the reader would, and writes nothing. */
	h = sample();
	h.segment[1].offset = 100;
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_ERR_SEGMENT_ORDER);
	CHECK_EQ_UINT(buf[0], 0);
	h = sample();
	h.segment_count = 1;
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_ERR_RESERVED);
	h.segment[1] = (struct bundle_segment){ 0, 0 };
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_ERR_PAYLOAD_SIZE);
	h.payload_size = h.segment[0].length;
	CHECK_EQ_INT(bundle_header_serialize(&h, buf), BUNDLE_OK);
	CHECK_EQ_INT(bundle_header_parse(buf, sizeof(buf), &back), BUNDLE_OK);
	CHECK(memcmp(&h, &back, sizeof(h)) == 0);

	CHECK(strstr(bundle_strerror(BUNDLE_ERR_SHORT), "truncated") != NULL);
	CHECK(strcmp(bundle_strerror(-99), "unknown bundle error") == 0);
	return check_done();
}
