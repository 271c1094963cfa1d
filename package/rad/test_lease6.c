/* Unit tests for lease6.c: wan6's lease file, one LAN's lines. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "lease6.h"

#define NOW	1000000ull	/* boot time in ms */

static enum lease6_status parse(const char *text, struct lease6 *l)
{
	return lease6_parse(text, strlen(text), "lan", NOW, l);
}

static const char *addr_of(const struct lease6_prefix *p)
{
	static char a[INET6_ADDRSTRLEN];

	return inet_ntop(AF_INET6, p->addr, a, sizeof(a));
}

static void test_example(void)
{
	struct lease6 l;
	/* The format as wan6 writes it, two LANs. */
	static const char text[] =
		"wan6 1\n"
		"iface ppp0\n"
		"state bound\n"
		"updated-ms 999000\n"
		"address 2001:db8:0:1::1000/128 4600000 8200000\n"
		"prefix 2001:db8:100::/56 4600000 8200000\n"
		"dns 2001:db8:0:1::1\n"
		"domain example.com\n"
		"aftr gw.transix.jp\n"
		"lan lan 2001:db8:100:1::/64 4600000 8200000\n"
		"lan guest 2001:db8:100:2::/64 4600000 8200000\n"
		"deprecated lan 2001:db8:200:1::/64 0 90000000\n"
		"deprecated guest 2001:db8:200:2::/64 0 90000000\n";

	CHECK_EQ_INT(parse(text, &l), LEASE6_OK);
	CHECK_EQ_UINT(l.version, 1);
	CHECK_EQ_UINT(l.count, 2);
	CHECK_EQ_UINT(l.error_count, 0);
	CHECK_STR(addr_of(&l.prefixes[0]), "2001:db8:100:1::");
	CHECK_EQ_UINT(l.prefixes[0].len, 64);
	CHECK_EQ_INT(l.prefixes[0].deprecated, 0);
	CHECK_EQ_UINT(l.prefixes[0].preferred_secs, 3600);
	CHECK_EQ_UINT(l.prefixes[0].valid_secs, 7200);
	CHECK_EQ_UINT(l.prefixes[0].pref_until_ms, 4600000);
	CHECK_EQ_UINT(l.prefixes[0].valid_until_ms, 8200000);
	CHECK_STR(addr_of(&l.prefixes[1]), "2001:db8:200:1::");
	CHECK_EQ_INT(l.prefixes[1].deprecated, 1);
	CHECK_EQ_UINT(l.prefixes[1].preferred_secs, 0);
	/* 89000 s left, but a deprecated prefix is valid at most 2 h. */
	CHECK_EQ_UINT(l.prefixes[1].valid_secs, 7200);
	CHECK_EQ_UINT(l.prefixes[1].valid_until_ms, 90000000);

	/* The other LAN sees its own. */
	CHECK_EQ_INT(lease6_parse(text, strlen(text), "guest", NOW, &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 2);
	CHECK_STR(addr_of(&l.prefixes[0]), "2001:db8:100:2::");
	CHECK_EQ_INT(lease6_parse(text, strlen(text), "iot", NOW, &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 0);
}

static void test_lifetimes(void)
{
	struct lease6 l;

	/* Rounded down; past ones 0; a lan line already past preferred
	 * stays with preferred 0; a run-out one is dropped, not an error. */
	CHECK_EQ_INT(parse("wan6 1\n"
			   "lan lan 2001:db8:1::/64 1001999 1002999\n"
			   "lan lan 2001:db8:2::/64 500 2000000\n"
			   "lan lan 2001:db8:3::/64 500 1000999\n"
			   "deprecated lan 2001:db8:4::/64 0 999999\n", &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 2);
	CHECK_EQ_UINT(l.prefixes[0].preferred_secs, 1);
	CHECK_EQ_UINT(l.prefixes[0].valid_secs, 2);
	CHECK_EQ_UINT(l.prefixes[1].preferred_secs, 0);
	CHECK_EQ_UINT(l.prefixes[1].valid_secs, 1000);
	CHECK_EQ_UINT(l.expired, 2);
	CHECK_EQ_UINT(l.error_count, 0);

	/* Far in the future: capped below 0xffffffff (infinite). */
	CHECK_EQ_INT(parse("wan6 1\nlan lan 2001:db8:1::/64 "
			   "18446744073709551615 18446744073709551615\n", &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 1);
	CHECK_EQ_UINT(l.prefixes[0].valid_secs, 0xfffffffeu);
	CHECK_EQ_UINT(l.prefixes[0].preferred_secs, 0xfffffffeu);

	CHECK_EQ_UINT(lease6_remaining(5000, 5000), 0);
	CHECK_EQ_UINT(lease6_remaining(4000, 5000), 0);
	CHECK_EQ_UINT(lease6_remaining(5999, 5000), 0);
	CHECK_EQ_UINT(lease6_remaining(6000, 5000), 1);
	CHECK_EQ_UINT(lease6_remaining(UINT64_MAX, 0), 0xfffffffeu);
}

static void test_header(void)
{
	struct lease6 l;

	CHECK_EQ_INT(parse("", &l), LEASE6_NO_HEADER);
	CHECK_EQ_INT(parse("lan lan 2001:db8:1::/64 2000000 3000000\n", &l),
		     LEASE6_NO_HEADER);
	CHECK_EQ_INT(parse("wan6\n", &l), LEASE6_NO_HEADER);
	CHECK_EQ_INT(parse("wan6 x\n", &l), LEASE6_NO_HEADER);
	CHECK_EQ_INT(parse("wan6 1 2\n", &l), LEASE6_NO_HEADER);
	/* Another major version: refused whole, with the version named. */
	CHECK_EQ_INT(parse("wan6 2\nlan lan 2001:db8:1::/64 2000000 3000000\n",
			   &l), LEASE6_BAD_VERSION);
	CHECK_EQ_UINT(l.version, 2);
	CHECK_EQ_UINT(l.count, 0);
	CHECK_EQ_INT(parse("wan6 0\n", &l), LEASE6_BAD_VERSION);
	/* A minor version is compatible; no final newline is fine. */
	CHECK_EQ_INT(parse("wan6 1.3\nlan lan 2001:db8:1::/64 2000000 3000000",
			   &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, 1);
	CHECK_EQ_INT(parse("wan6 1", &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, 0);
	/* CRLF and tabs. */
	CHECK_EQ_INT(parse("wan6 1\r\nlan\tlan 2001:db8:1::/64 2000000 "
			   "3000000\r\n", &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, 1);
	CHECK_EQ_UINT(l.error_count, 0);
}

/* Each malformed line is named by number; the good lines around it are
 * still used. */
static void test_malformed(void)
{
	struct lease6 l;
	static const char text[] =
		"wan6 1\n"					/* 1 */
		"lan lan 2001:db8:1::/64 2000000 3000000\n"	/* 2 ok */
		"lan lan 2001:db8:2::/64 2000000\n"		/* 3 short */
		"lan lan 2001:db8:3::/48 2000000 3000000\n"	/* 4 /48 */
		"lan lan 2001:db8:4::1/64 2000000 3000000\n"	/* 5 host */
		"lan lan fe80::/64 2000000 3000000\n"		/* 6 ll */
		"lan lan 2001:db8:7::/64 2x 3000000\n"		/* 7 */
		"lan lan 2001:db8:8::/64 4000000 3000000\n"	/* 8 */
		"lan lan zz::/64 2000000 3000000\n"		/* 9 */
		"lan\n"						/* 10 */
		"bogus line ignored\n"				/* 11 */
		"\n"						/* 12 */
		"deprecated lan 2001:db8:9::/64 0 3000000\n";	/* 13 ok */

	CHECK_EQ_INT(parse(text, &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, 2);
	CHECK_STR(addr_of(&l.prefixes[0]), "2001:db8:1::");
	CHECK_STR(addr_of(&l.prefixes[1]), "2001:db8:9::");
	CHECK_EQ_UINT(l.error_count, 8);
	CHECK_EQ_UINT(l.errors[0].line, 3);
	CHECK(strstr(l.errors[0].why, "want KIND NAME") != NULL);
	CHECK_EQ_UINT(l.errors[1].line, 4);
	CHECK(strstr(l.errors[1].why, "/64") != NULL);
	CHECK_EQ_UINT(l.errors[2].line, 5);
	CHECK(strstr(l.errors[2].why, "host bits") != NULL);
	CHECK_EQ_UINT(l.errors[3].line, 6);
	CHECK(strstr(l.errors[3].why, "global") != NULL);

	/* The ones past LEASE6_ERRORS_MAX are counted. */
	CHECK_EQ_INT(parse("wan6 1\nlan lan 2001:db8:7::/64 2x 3000000\n"
			   "lan lan 2001:db8:8::/64 4000000 3000000\n"
			   "lan lan zz::/64 2000000 3000000\nlan\n"
			   "lan lan 2001:db8:1::/64 99999999999999999999 3\n",
			   &l), LEASE6_OK);
	CHECK_EQ_UINT(l.error_count, 5);
	CHECK(strstr(l.errors[0].why, "preferred-until") != NULL);
	CHECK(strstr(l.errors[1].why, "after the valid") != NULL);
	CHECK(strstr(l.errors[2].why, "IPv6 prefix") != NULL);
	CHECK(strstr(l.errors[3].why, "LAN name") != NULL);

	/* A NUL inside this LAN's line. */
	{
		static const char nul[] = "wan6 1\nlan lan 2001:db8:1::/64 "
					  "2000000\0 3000000\n";

		CHECK_EQ_INT(lease6_parse(nul, sizeof(nul) - 1, "lan", NOW,
					  &l), LEASE6_OK);
		CHECK_EQ_UINT(l.count, 0);
		CHECK_EQ_UINT(l.error_count, 1);
		CHECK_EQ_UINT(l.errors[0].line, 2);
	}
	/* A LAN name that only starts like ours is another LAN. */
	CHECK_EQ_INT(parse("wan6 1\nlan lan2 2001:db8:1::/64 2000000 3000000\n"
			   "lan la 2001:db8:2::/64 2000000 3000000\n", &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 0);
	CHECK_EQ_UINT(l.error_count, 0);
	/* Extra fields are room for the format to grow. */
	CHECK_EQ_INT(parse("wan6 1\nlan lan 2001:db8:1::/64 2000000 3000000 "
			   "future 1\n", &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, 1);
}

static void test_bounds(void)
{
	static char text[LEASE6_FILE_MAX];
	struct lease6 l;
	size_t off;

	off = (size_t)snprintf(text, sizeof(text), "wan6 1\n");
	for (unsigned i = 0; i < LEASE6_MAX + 3; i++)
		off += (size_t)snprintf(text + off, sizeof(text) - off,
					"lan lan 2001:db8:%x::/64 2000000 "
					"3000000\n", i + 1);
	CHECK_EQ_INT(parse(text, &l), LEASE6_OK);
	CHECK_EQ_UINT(l.count, LEASE6_MAX);
	CHECK_EQ_UINT(l.dropped, 3);

	/* Duplicates: the first kept; "lan" wins over "deprecated". */
	CHECK_EQ_INT(parse("wan6 1\n"
			   "deprecated lan 2001:db8:1::/64 0 3000000\n"
			   "lan lan 2001:db8:1::/64 2000000 3000000\n"
			   "lan lan 2001:db8:1::/64 1500000 2500000\n"
			   "deprecated lan 2001:db8:1::/64 0 3000000\n", &l),
		     LEASE6_OK);
	CHECK_EQ_UINT(l.count, 1);
	CHECK_EQ_UINT(l.duplicates, 3);
	CHECK_EQ_INT(l.prefixes[0].deprecated, 0);
	CHECK_EQ_UINT(l.prefixes[0].valid_until_ms, 3000000);
	CHECK_EQ_UINT(l.prefixes[0].pref_until_ms, 2000000);
}

int main(void)
{
	test_example();
	test_lifetimes();
	test_header();
	test_malformed();
	test_bounds();
	return check_done();
}
