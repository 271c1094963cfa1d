/* hex: digits and MAC addresses. */
#include <string.h>

#include "check.h"
#include "keel/hex.h"

int main(void)
{
	uint8_t mac[6] = { 9, 9, 9, 9, 9, 9 };
	const char *good = "52:54:00:4B:0a:ff";

	CHECK_EQ_INT(hex_digit('0'), 0);
	CHECK_EQ_INT(hex_digit('f'), 15);
	CHECK_EQ_INT(hex_digit('A'), 10);
	CHECK_EQ_INT(hex_digit('g'), -1);
	CHECK_EQ_INT(hex_digit(':'), -1);

	CHECK_EQ_INT(mac_parse(good, strlen(good), mac), 0);
	CHECK(mac[0] == 0x52 && mac[3] == 0x4b && mac[4] == 0x0a && mac[5] == 0xff);
	/* Wrong length, separator or digit: refused, mac untouched. */
	memset(mac, 7, sizeof(mac));
	CHECK_EQ_INT(mac_parse(good, 16, mac), -1);
	CHECK_EQ_INT(mac_parse("52-54-00-4b-0a-ff", 17, mac), -1);
	CHECK_EQ_INT(mac_parse("52:54:00:4b:0a:fg", 17, mac), -1);
	CHECK_EQ_INT(mac_parse("52:54:00:4b:0a:ff:", 18, mac), -1);
	CHECK_EQ_INT(mac_parse("", 0, mac), -1);
	CHECK(mac[0] == 7 && mac[5] == 7);
	return check_done();
}
