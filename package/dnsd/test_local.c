/*
 * test_local.c - hosts parsing, names under the domain, PTR answers,
 * what is left to upstream.
 */
#include <string.h>

#include "check.h"
#include "dns_wire.h"
#include "local.h"

static void test_lookup(void)
{
	static const char hosts[] =
		"# static\n"
		"192.168.1.10 laptop printer.lan\n"
		"fd00::10\tlaptop\n"
		"not-an-address name\n"
		"192.168.1.11 bad_name! ok\n"
		"192.168.1.12\n"
		"10.0.0.1 Router.Example.org\n";
	struct local_table t;
	struct local_result r;

	CHECK_EQ_INT(local_init(&t, 16, "lan"), 0);
	CHECK_EQ_UINT(local_add_hosts_buf(&t, hosts, strlen(hosts)), 4);
	CHECK_EQ_UINT(t.bad_lines, 2);
	CHECK_EQ_INT(local_lookup(&t, "laptop.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_UINT(r.count, 1);
	CHECK(memcmp(r.addrs[0], "\xc0\xa8\x01\x0a", 4) == 0);
	CHECK_EQ_INT(local_lookup(&t, "laptop", DNS_T_AAAA, &r), LOCAL_FOUND);
	CHECK_EQ_UINT(r.addrs[0][0], 0xfd);
	CHECK_EQ_INT(local_lookup(&t, "printer.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&t, "ok.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&t, "router.example.org", DNS_T_A, &r),
		     LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&t, "laptop.lan", DNS_T_MX, &r), LOCAL_NODATA);
	CHECK_EQ_INT(local_lookup(&t, "nosuch.lan", DNS_T_A, &r),
		     LOCAL_NXDOMAIN);
	CHECK_EQ_INT(local_lookup(&t, "nosuch", DNS_T_A, &r), LOCAL_NXDOMAIN);
	CHECK_EQ_INT(local_lookup(&t, "lan", DNS_T_A, &r), LOCAL_NODATA);
	CHECK_EQ_INT(local_lookup(&t, "www.example.org", DNS_T_A, &r),
		     LOCAL_NONE);
	CHECK_EQ_INT(local_lookup(&t, "xlan", DNS_T_A, &r), LOCAL_NXDOMAIN);
	CHECK_EQ_INT(local_lookup(&t, "example.xlan", DNS_T_A, &r), LOCAL_NONE);
	/* PTR */
	CHECK_EQ_INT(local_lookup(&t, "10.1.168.192.in-addr.arpa", DNS_T_PTR,
				  &r), LOCAL_FOUND);
	CHECK_STR(r.ptr_name, "laptop.lan");
	CHECK_EQ_INT(local_lookup(&t,
		"0.1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.d.f.ip6.arpa",
		DNS_T_PTR, &r), LOCAL_FOUND);
	CHECK_STR(r.ptr_name, "laptop.lan");
	CHECK_EQ_INT(local_lookup(&t, "99.1.168.192.in-addr.arpa", DNS_T_PTR,
				  &r), LOCAL_NXDOMAIN);
	CHECK_EQ_INT(local_lookup(&t, "8.8.8.8.in-addr.arpa", DNS_T_PTR, &r),
		     LOCAL_NONE);
	/* Clearing (SIGHUP) forgets everything. */
	local_clear(&t);
	CHECK_EQ_INT(local_lookup(&t, "laptop.lan", DNS_T_A, &r),
		     LOCAL_NXDOMAIN);
	local_free(&t);
}

static void test_limits(void)
{
	static const uint8_t a[4] = { 192, 168, 1, 1 };
	struct local_table t;

	CHECK_EQ_INT(local_init(&t, 2, "lan"), 0);
	CHECK_EQ_INT(local_add(&t, "a", 4, a), 0);
	CHECK_EQ_INT(local_add(&t, "b", 4, a), 0);
	CHECK_EQ_INT(local_add(&t, "c", 4, a), -2);
	CHECK_EQ_UINT(t.dropped, 1);
	CHECK_EQ_INT(local_add(&t, "", 4, a), -1);
	CHECK_EQ_INT(local_add(&t, "a..b", 4, a), -1);
	local_free(&t);
	CHECK_EQ_INT(local_init(&t, 2, "bad domain"), -1);
}

static void test_reverse(void)
{
	uint8_t addr[16];

	CHECK_EQ_INT(local_parse_reverse("4.3.2.1.in-addr.arpa", addr), 4);
	CHECK(memcmp(addr, "\x01\x02\x03\x04", 4) == 0);
	CHECK_EQ_INT(local_parse_reverse("3.2.1.in-addr.arpa", addr), 0);
	CHECK_EQ_INT(local_parse_reverse("256.3.2.1.in-addr.arpa", addr), 0);
	CHECK_EQ_INT(local_parse_reverse("1.2.3.4.5.in-addr.arpa", addr), 0);
	CHECK_EQ_INT(local_parse_reverse("in-addr.arpa", addr), 0);
	CHECK_EQ_INT(local_parse_reverse("x.ip6.arpa", addr), 0);
}

/* dhcpd writes "ADDR NAME.lan NAME": one host, one answer. */
static void test_duplicates(void)
{
	static const char hosts[] = "10.0.0.101 h3.lan h3\n10.0.0.101 H3\n"
				    "10.0.0.102 h3\n";
	struct local_table t;
	struct local_result r;

	CHECK_EQ_INT(local_init(&t, 16, "lan"), 0);
	local_add_hosts_buf(&t, hosts, strlen(hosts));
	CHECK_EQ_UINT(t.count, 2);
	CHECK_EQ_INT(local_lookup(&t, "h3.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_UINT(r.count, 2);	/* .101 once, and .102 */
	local_free(&t);
}

/* A lease file holds what DHCP clients call themselves: one label, or
 * one label under the domain as dhcpd writes it; nothing else. */
static void test_lease_names(void)
{
	static const char leases[] =
		"10.0.0.5 nas.lan nas\n"		/* as dhcpd writes it */
		"10.0.0.6 Phone\n"
		"10.0.0.7 a.b\n"			/* not under the domain */
		"10.0.0.8 www.bank.example\n"
		"10.0.0.9 x.y.lan\n"		/* two labels under it */
		"10.0.0.10 ok evil.example\n"	/* one bad name: whole line */
		"10.0.0.11 bad_name\n"
		"10.0.0.12 -dash\n"
		"10.0.0.13 .lan\n"
		"10.0.0.14 \xc3\xa9t\xc3\xa9\n"
		"10.0.0.15 "
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";
	struct local_table t;
	struct local_result r;

	CHECK_EQ_INT(local_init(&t, 16, "lan"), 0);
	CHECK_EQ_UINT(local_add_leases_buf(&t, leases, strlen(leases)), 2);
	CHECK_EQ_UINT(t.bad_lines, 9);
	CHECK_EQ_INT(local_lookup(&t, "nas.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&t, "phone.lan", DNS_T_A, &r), LOCAL_FOUND);
	CHECK_EQ_INT(local_lookup(&t, "a.b", DNS_T_A, &r), LOCAL_NONE);
	CHECK_EQ_INT(local_lookup(&t, "www.bank.example", DNS_T_A, &r),
		     LOCAL_NONE);
	CHECK_EQ_INT(local_lookup(&t, "x.y.lan", DNS_T_A, &r), LOCAL_NXDOMAIN);
	CHECK_EQ_INT(local_lookup(&t, "ok.lan", DNS_T_A, &r), LOCAL_NXDOMAIN);
	CHECK_EQ_UINT(t.foreign, 0);
	/* A hosts file (the admin's) may still name anything. */
	local_clear(&t);
	CHECK_EQ_UINT(local_add_hosts_buf(&t, "10.0.0.7 a.b\n", 13), 1);
	CHECK_EQ_INT(local_lookup(&t, "a.b", DNS_T_A, &r), LOCAL_FOUND);
	local_free(&t);
}

int main(void)
{
	test_lease_names();
	test_duplicates();
	test_lookup();
	test_limits();
	test_reverse();
	return check_done();
}
