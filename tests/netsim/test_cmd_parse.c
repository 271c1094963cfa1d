/* Unit tests for netsim's command-line parsers. */
#include "check.h"
#include "cmd_parse.h"

static void test_split(void)
{
	char line[] = "  tcp-connect h1 10.0.0.1:80 send \"a b\"\texpect x\r\n";
	char bad[] = "send \"open";
	char many[] = "a b c";
	char *argv[8];

	CHECK_EQ_INT(cmd_split(line, argv, 8), 7);
	CHECK_STR(argv[0], "tcp-connect");
	CHECK_STR(argv[4], "a b");
	CHECK_STR(argv[6], "x");
	CHECK_EQ_INT(cmd_split(bad, argv, 8), -1);
	CHECK_EQ_INT(cmd_split(many, argv, 2), -1);
}

static void test_mac(void)
{
	uint8_t mac[6];

	CHECK_EQ_INT(parse_mac("02:00:00:0a:Ff:01", mac), 0);
	CHECK_EQ_INT(mac[4], 0xff);
	CHECK_EQ_INT(parse_mac("02:00:00:0a:ff", mac), -1);
	CHECK_EQ_INT(parse_mac("02:00:00:0a:ff:01:", mac), -1);
	CHECK_EQ_INT(parse_mac("02-00-00-0a-ff-01", mac), -1);
	CHECK_EQ_INT(parse_mac("", mac), -1);
}

static void test_prefix(void)
{
	ip_addr_t ip;
	int plen;

	CHECK_EQ_INT(parse_prefix("10.0.0.2/24", &ip, &plen), 0);
	CHECK(IP_IS_V4(&ip));
	CHECK_EQ_INT(plen, 24);
	CHECK_EQ_INT(parse_prefix("2001:db8::2/64", &ip, &plen), 0);
	CHECK(IP_IS_V6(&ip));
	CHECK_EQ_INT(plen, 64);
	CHECK_EQ_INT(parse_prefix("10.0.0.2", &ip, &plen), 0);
	CHECK_EQ_INT(plen, 32);
	CHECK_EQ_INT(parse_prefix("10.0.0.2/33", &ip, &plen), -1);
	CHECK_EQ_INT(parse_prefix("10.0.0.2/", &ip, &plen), -1);
	CHECK_EQ_INT(parse_prefix("nonsense/8", &ip, &plen), -1);
}

static void test_endpoint(void)
{
	ip_addr_t ip;
	uint16_t port;

	CHECK_EQ_INT(parse_endpoint("192.0.2.1:80", &ip, &port), 0);
	CHECK_EQ_INT(port, 80);
	CHECK(IP_IS_V4(&ip));
	CHECK_EQ_INT(parse_endpoint("[2001:db8::1]:443", &ip, &port), 0);
	CHECK(IP_IS_V6(&ip));
	CHECK_EQ_INT(port, 443);
	CHECK_EQ_INT(parse_endpoint("192.0.2.1:0", &ip, &port), -1);
	CHECK_EQ_INT(parse_endpoint("192.0.2.1:65536", &ip, &port), -1);
	CHECK_EQ_INT(parse_endpoint("2001:db8::1:80", &ip, &port), -1);
	CHECK_EQ_INT(parse_endpoint("[2001:db8::1]80", &ip, &port), -1);
	CHECK_EQ_INT(parse_endpoint("[10.0.0.1]:80", &ip, &port), -1);
	CHECK_EQ_INT(parse_endpoint("192.0.2.1", &ip, &port), -1);
}

static void test_opt(void)
{
	char *argv[] = { "ping", "h1", "10.0.0.1", "timeout", "3", "count" };

	CHECK_STR(opt_value(6, argv, 3, "timeout"), "3");
	CHECK(opt_value(6, argv, 3, "count") == NULL);
	CHECK(opt_value(6, argv, 3, "h1") == NULL);
}

int main(void)
{
	test_split();
	test_mac();
	test_prefix();
	test_endpoint();
	test_opt();
	return check_done();
}
