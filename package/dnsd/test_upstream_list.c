/*
 * test_upstream_list.c - the upstream servers file: addresses, ports,
 * comments, junk lines and the table limit.
 */
#include <string.h>

#include "check.h"
#include "upstream_list.h"

static size_t parse(const char *text, struct endpoint *out, size_t max,
		    size_t *bad)
{
	return upstream_list_parse(text, strlen(text), out, max, bad);
}

int main(void)
{
	struct endpoint out[3];
	size_t bad, n;

	n = parse("192.0.2.1\n", out, 3, &bad);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(bad, 0);
	CHECK_STR(out[0].text, "192.0.2.1:53");

	/* What udhcpc's script writes, plus comments, CRs and spaces. */
	n = parse("# from the WAN lease\n 192.0.2.1 \r\n\n2001:db8::53\n[2001:db8::1]:5353",
		  out, 3, &bad);
	CHECK_EQ_UINT(n, 3);
	CHECK_EQ_UINT(bad, 0);
	CHECK_STR(out[1].text, "[2001:db8::53]:53");
	CHECK_STR(out[2].text, "[2001:db8::1]:5353");

	/* Junk and wildcards cost their own line only. */
	n = parse("nameserver 1.1.1.1\n0.0.0.0\n192.0.2.9:99999\n192.0.2.7\n",
		  out, 3, &bad);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(bad, 3);
	CHECK_STR(out[0].text, "192.0.2.7:53");

	/* Past the table: counted, not stored. */
	n = parse("192.0.2.1\n192.0.2.2\n192.0.2.3\n192.0.2.4\n", out, 3, &bad);
	CHECK_EQ_UINT(n, 3);
	CHECK_EQ_UINT(bad, 1);

	/* Empty file, and a file with no newline at all. */
	CHECK_EQ_UINT(parse("", out, 3, &bad), 0);
	CHECK_EQ_UINT(bad, 0);
	CHECK_EQ_UINT(upstream_list_parse("192.0.2.5", 9, out, 3, &bad), 1);
	return check_done();
}
