/*
 * test_numarg.c - sizes with k/m suffixes and bounded counts.
 */
#include "check.h"
#include "keel/numarg.h"

int main(void)
{
	size_t size;
	uint32_t v;

	CHECK_EQ_INT(parse_size("1048576", &size), 0);
	CHECK_EQ_UINT(size, 1048576);
	CHECK_EQ_INT(parse_size("256k", &size), 0);
	CHECK_EQ_UINT(size, 256 * 1024);
	CHECK_EQ_INT(parse_size("4M", &size), 0);
	CHECK_EQ_UINT(size, 4 << 20);
	CHECK_EQ_INT(parse_size("-1", &size), -1);
	CHECK_EQ_INT(parse_size("12q", &size), -1);
	CHECK_EQ_INT(parse_size("", &size), -1);
	CHECK_EQ_INT(parse_size("2000000m", &size), -1);	/* over 1 TiB */

	CHECK_EQ_INT(parse_u32("600", 86400, &v), 0);
	CHECK_EQ_UINT(v, 600);
	CHECK_EQ_INT(parse_u32("86401", 86400, &v), -1);
	CHECK_EQ_INT(parse_u32("-5", 86400, &v), -1);
	CHECK_EQ_INT(parse_u32("5s", 86400, &v), -1);
	CHECK_EQ_INT(parse_u32("", 86400, &v), -1);
	return check_done();
}
