/*
 * test_endpoint.c - ADDR[:PORT] parsing: both families, ports, junk.
 */
#include "check.h"
#include "keel/endpoint.h"

static void ok(const char *in, uint16_t def, const char *want)
{
	struct endpoint e;

	CHECK_EQ_INT(endpoint_parse(in, def, &e), 0);
	CHECK_STR(e.text, want);
}

static void bad(const char *in)
{
	struct endpoint e;

	CHECK_EQ_INT(endpoint_parse(in, 53, &e), -1);
	CHECK_EQ_INT(e.len, 0);
}

int main(void)
{
	struct endpoint e;

	ok("192.0.2.1", 53, "192.0.2.1:53");
	ok("192.0.2.1:5353", 53, "192.0.2.1:5353");
	ok("::1", 514, "[::1]:514");
	ok("[2001:db8::1]:2055", 9, "[2001:db8::1]:2055");
	ok("[fd00::1]", 22, "[fd00::1]:22");
	bad("");
	bad("host.example");
	bad("192.0.2.1:0");
	bad("192.0.2.1:65536");
	bad("192.0.2.1:+53");
	bad("192.0.2.1:53x");
	bad("[::1");
	bad("[::1]x");
	bad("[::1]:");
	bad("300.1.1.1");
	bad("[aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa]:1");

	CHECK_EQ_INT(endpoint_parse("0.0.0.0", 53, &e), 0);
	CHECK(endpoint_is_wildcard(&e));
	CHECK_EQ_INT(endpoint_parse("[::]:53", 53, &e), 0);
	CHECK(endpoint_is_wildcard(&e));
	CHECK_EQ_INT(endpoint_parse("10.0.0.1", 53, &e), 0);
	CHECK(!endpoint_is_wildcard(&e));
	return check_done();
}
