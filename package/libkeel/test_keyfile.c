/* keyfile: one-line hex keys, round trip and refusals. */
#include <string.h>

#include "check.h"
#include "keel/keyfile.h"

int main(void)
{
	uint8_t key[4] = { 0 }, back[4] = { 9, 9, 9, 9 };
	char hex[9];
	const uint8_t want[4] = { 0xde, 0xad, 0x00, 0x1f };

	hex_encode(want, 4, hex);
	CHECK_STR(hex, "dead001f");
	CHECK_EQ_INT(keyfile_parse("dead001f\n", 9, key, 4), 0);
	CHECK_MEM(key, 4, want, 4);
	CHECK_EQ_INT(keyfile_parse("  DEAD001F \r\n\n", 14, key, 4), 0);
	CHECK_MEM(key, 4, want, 4);
	/* Too short, too long, a bad digit, two keys: refused, untouched. */
	CHECK_EQ_INT(keyfile_parse("dead001", 7, back, 4), -1);
	CHECK_EQ_INT(keyfile_parse("dead001f00", 10, back, 4), -1);
	CHECK_EQ_INT(keyfile_parse("dead001g", 8, back, 4), -1);
	CHECK_EQ_INT(keyfile_parse("dead 01f", 8, back, 4), -1);
	CHECK_EQ_INT(keyfile_parse("", 0, back, 4), -1);
	CHECK(back[0] == 9 && back[3] == 9);
	return check_done();
}
