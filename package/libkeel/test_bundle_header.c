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
	h.payload_size = 40u << 20;
	memcpy(h.key_id, "\x11\x22\x33\x44\x55\x66\x77\x88", 8);
	strcpy(h.board, "qemu-x86_64");
	strcpy(h.version, "v1.2-3-gabcdef");
	for (int i = 0; i < 64; i++)
		h.payload_sha512[i] = (uint8_t)(0xa0 + i);
	return h;
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
	CHECK_MEM(buf + 8, 4, "\0\0\0\1", 4);
	CHECK_MEM(buf + 12, 4, "\0\0\1\0", 4);
	CHECK_MEM(buf + 24, 8, "\1\2\3\4\5\6\7\10", 8);
	CHECK_MEM(buf + 48, 12, "qemu-x86_64\0", 12);
	CHECK_MEM(buf + 80, 15, "v1.2-3-gabcdef\0", 15);
	CHECK_EQ_UINT(buf[144], 0xa0);
	for (size_t i = 208; i < BUNDLE_HEADER_SIZE; i++)
		CHECK_EQ_UINT(buf[i], 0);

	/* Short input, at every length. */
	for (size_t n = 0; n < BUNDLE_HEADER_SIZE; n++)
		CHECK_EQ_INT(bundle_header_parse(buf, n, &back), BUNDLE_ERR_SHORT);

	memcpy(bad, buf, sizeof(bad));
	bad[0] = 'X';
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_MAGIC);
	memcpy(bad, buf, sizeof(bad));
	bad[11] = 2;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_FORMAT);
	memcpy(bad, buf, sizeof(bad));
	bad[14] = 2;
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_HEADER_SIZE);
	memcpy(bad, buf, sizeof(bad));
	memset(bad + 32, 0, 8);
	CHECK_EQ_INT(bundle_header_parse(bad, sizeof(bad), &back), BUNDLE_ERR_PAYLOAD_SIZE);
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

	CHECK(strstr(bundle_strerror(BUNDLE_ERR_SHORT), "truncated") != NULL);
	CHECK(strcmp(bundle_strerror(-99), "unknown bundle error") == 0);
	return check_done();
}
