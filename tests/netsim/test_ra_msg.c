/* Unit tests for the RA parser (ra_msg.c) and the `ra-log` ring and text
 * (ra_log.c), on RAs built here as rad would send them. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>

#include "bytes.h"
#include "check.h"
#include "ra_log.h"

#define MSG 54 /* Ethernet 14 + IPv6 40: the ICMPv6 message starts here */

struct frame {
	uint8_t b[1600];
	size_t len; /* the frame so far: header plus options */
};

static void ip6(uint8_t *dst, const char *s)
{
	if (inet_pton(AF_INET6, s, dst) != 1)
		abort();
}

/* An RA from fe80::1 to ff02::1, router lifetime 1800, FLAGS; no options. */
static void ra_start(struct frame *f, uint8_t flags)
{
	uint8_t *p = f->b;

	memset(f, 0, sizeof(*f));
	memcpy(p, "\x33\x33\0\0\0\1\x02\0\0\0\0\1\x86\xdd", 14);
	p[14] = 0x60;
	p[14 + 6] = 58;
	p[14 + 7] = 255;
	ip6(p + 14 + 8, "fe80::1");
	ip6(p + 14 + 24, "ff02::1");
	p[MSG] = 134;
	p[MSG + 4] = 64;
	p[MSG + 5] = flags;
	put16(p + MSG + 6, 1800);
	f->len = MSG + 16;
}

static void opt_prefix(struct frame *f, const char *prefix, uint8_t len, uint8_t flags,
		       uint32_t valid, uint32_t preferred)
{
	uint8_t *o = f->b + f->len;

	o[0] = 3;
	o[1] = 4;
	o[2] = len;
	o[3] = flags;
	put32(o + 4, valid);
	put32(o + 8, preferred);
	ip6(o + 16, prefix);
	f->len += 32;
}

static void opt_rdnss(struct frame *f, uint32_t lifetime, const char **addrs, unsigned n)
{
	uint8_t *o = f->b + f->len;

	o[0] = 25;
	o[1] = (uint8_t)(1 + 2 * n);
	put32(o + 4, lifetime);
	for (unsigned i = 0; i < n; i++)
		ip6(o + 8 + 16 * i, addrs[i]);
	f->len += 8 + 16 * n;
}

static void opt_raw(struct frame *f, const uint8_t *o, size_t n)
{
	memcpy(f->b + f->len, o, n);
	f->len += n;
}

/* Payload length and ICMPv6 checksum, as the sender fills them in. */
static void ra_finish(struct frame *f)
{
	uint8_t *p = f->b;
	size_t len = f->len - MSG;
	uint32_t s = 58 + (uint32_t)len;

	put16(p + 14 + 4, (uint16_t)len);
	p[MSG + 2] = p[MSG + 3] = 0;
	for (size_t i = 14 + 8; i < MSG; i += 2)
		s += get16(p + i);
	for (size_t i = MSG; i < f->len; i += 2)
		s += get16(p + i); /* options keep the length even */
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	put16(p + MSG + 2, (uint16_t)~s);
}

/* The RA after a renumbering: the old /64 deprecated, the new one, DNS. */
static void renumbered(struct frame *f)
{
	static const uint8_t sll[8] = { 1, 1, 2, 0, 0, 0, 0, 1 };
	const char *dns[] = { "2001:db8:200::1", "fd00::1" };

	ra_start(f, RA_FLAG_O);
	opt_raw(f, sll, sizeof(sll)); /* unknown here: skipped */
	opt_prefix(f, "fd00::", 64, RA_PREFIX_FLAG_L | RA_PREFIX_FLAG_A, 0xffffffff, 0xffffffff);
	opt_prefix(f, "2001:db8:100::", 64, RA_PREFIX_FLAG_L | RA_PREFIX_FLAG_A, 7200, 0);
	opt_prefix(f, "2001:db8:200::", 64, RA_PREFIX_FLAG_L | RA_PREFIX_FLAG_A, 86400, 14400);
	opt_rdnss(f, 1200, dns, 2);
	ra_finish(f);
}

static int parse_exact(const uint8_t *b, size_t n, struct ra_msg *m)
{
	/* A heap copy of exactly N bytes, so ASan sees any read past the end. */
	uint8_t *copy = malloc(n ? n : 1);
	int rc;

	memcpy(copy, b, n);
	rc = ra_parse(copy, n, m);
	free(copy);
	return rc;
}

static void test_parse(void)
{
	struct frame f;
	struct ra_msg m;
	uint8_t a[16];

	renumbered(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_OK);
	ip6(a, "fe80::1");
	CHECK_MEM(m.src, 16, a, 16);
	CHECK_EQ_UINT(m.hop_limit, 64);
	CHECK_EQ_UINT(m.flags, RA_FLAG_O);
	CHECK_EQ_UINT(m.router_lifetime, 1800);
	CHECK_EQ_UINT(m.nprefix, 3);
	CHECK_EQ_UINT(m.prefix_dropped, 0);
	ip6(a, "2001:db8:100::");
	CHECK_MEM(m.prefix[1].prefix, 16, a, 16);
	CHECK_EQ_UINT(m.prefix[1].len, 64);
	CHECK_EQ_UINT(m.prefix[1].flags, RA_PREFIX_FLAG_L | RA_PREFIX_FLAG_A);
	CHECK_EQ_UINT(m.prefix[1].valid, 7200);
	CHECK_EQ_UINT(m.prefix[1].preferred, 0);
	CHECK_EQ_UINT(m.prefix[2].valid, 86400);
	CHECK_EQ_UINT(m.prefix[2].preferred, 14400);
	CHECK_EQ_UINT(m.prefix[0].valid, 0xffffffff);
	CHECK_EQ_UINT(m.nrdnss, 2);
	ip6(a, "fd00::1");
	CHECK_MEM(m.rdnss[1], 16, a, 16);
	CHECK_EQ_UINT(m.rdnss_lifetime[1], 1200);

	/* Ethernet padding after the IPv6 payload is not part of the RA. */
	memset(f.b + f.len, 0xee, 8);
	CHECK_EQ_INT(parse_exact(f.b, f.len + 8, &m), RA_OK);
	CHECK_EQ_UINT(m.nprefix, 3);

	/* A bare RA (no options) is fine: a router saying goodbye. */
	ra_start(&f, RA_FLAG_M | RA_FLAG_O);
	put16(f.b + MSG + 6, 0);
	ra_finish(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_OK);
	CHECK_EQ_UINT(m.router_lifetime, 0);
	CHECK_EQ_UINT(m.flags, RA_FLAG_M | RA_FLAG_O);
	CHECK_EQ_UINT(m.nprefix + m.nrdnss, 0);
}

static void test_tables_bounded(void)
{
	const char *dns[] = { "::1", "::2", "::3", "::4", "::5", "::6" };
	struct frame f;
	struct ra_msg m;
	char p[32];

	ra_start(&f, 0);
	for (int i = 0; i < RA_MAX_PREFIXES + 3; i++) {
		snprintf(p, sizeof(p), "2001:db8:%x::", i);
		opt_prefix(&f, p, 64, RA_PREFIX_FLAG_A, 10, 5);
	}
	opt_rdnss(&f, 60, dns, 6);
	ra_finish(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_OK);
	CHECK_EQ_UINT(m.nprefix, RA_MAX_PREFIXES);
	CHECK_EQ_UINT(m.prefix_dropped, 3);
	CHECK_EQ_UINT(m.nrdnss, RA_MAX_RDNSS);
	CHECK_EQ_UINT(m.rdnss_dropped, 6 - RA_MAX_RDNSS);
}

static void test_not_ra(void)
{
	struct frame f;
	struct ra_msg m;

	renumbered(&f);
	f.b[12] = 0x08, f.b[13] = 0x00; /* IPv4 */
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_NOT_RA);
	renumbered(&f);
	f.b[14 + 6] = 0; /* a hop-by-hop header first: not walked */
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_NOT_RA);
	renumbered(&f);
	f.b[MSG] = 133; /* a router solicitation */
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_NOT_RA);
	renumbered(&f);
	f.b[14] = 0x40;
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_NOT_RA);
	CHECK_EQ_INT(parse_exact(f.b, MSG, &m), RA_NOT_RA);
	CHECK_EQ_INT(parse_exact(f.b, 0, &m), RA_NOT_RA);
}

/* Each case breaks one thing in a good RA; FIX re-sums the checksum. */
static void expect_bad(const char *what, size_t off, uint8_t val, int fix)
{
	struct frame f;
	struct ra_msg m;
	size_t len;
	int rc;

	renumbered(&f);
	len = f.len;
	f.b[off] = val;
	if (fix)
		ra_finish(&f);
	rc = parse_exact(f.b, len, &m);
	check_report(rc == RA_BAD, __FILE__, __LINE__, "%s: got %d, want RA_BAD", what, rc);
}

static void test_bad(void)
{
	struct frame f;
	struct ra_msg m;
	size_t pio = MSG + 16 + 8; /* the first prefix option */

	expect_bad("checksum", MSG + 2, 0x5a, 0);
	expect_bad("hop limit 64", 14 + 7, 64, 1);
	expect_bad("global source", 14 + 8, 0x20, 1);
	expect_bad("code 1", MSG + 1, 1, 1);
	expect_bad("option length 0", MSG + 16 + 1, 0, 1);
	expect_bad("option past the end", pio + 32 * 3 + 1, 40, 1);
	expect_bad("prefix option length 3", pio + 1, 3, 1);
	expect_bad("prefix option length 5", pio + 1, 5, 1);
	expect_bad("prefix length 129", pio + 2, 129, 1);
	expect_bad("RDNSS length 2", pio + 32 * 3 + 1, 2, 1);
	expect_bad("RDNSS length 4", pio + 32 * 3 + 1, 4, 1);

	/* Payload length beyond the frame, and below the RA's header. */
	renumbered(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len - 8, &m), RA_BAD);
	ra_start(&f, 0);
	f.len = MSG + 12;
	ra_finish(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_BAD);
	/* An odd byte after the last option. */
	renumbered(&f);
	f.len++;
	ra_finish(&f);
	CHECK_EQ_INT(parse_exact(f.b, f.len, &m), RA_BAD);

	/* No cut of a good RA parses: every read is bounded by the frame. */
	renumbered(&f);
	for (size_t n = 0; n < f.len; n++)
		CHECK(parse_exact(f.b, n, &m) != RA_OK);
}

static void test_log(void)
{
	static struct ra_log log;
	static char text[RA_LOG_TEXT_MAX];
	struct frame f, rs;
	int n;

	renumbered(&f);
	rs = f;
	rs.b[MSG] = 133;
	ra_log_frame(&log, 1000, f.b, f.len);
	ra_log_frame(&log, 1001, rs.b, rs.len); /* not an RA: nothing */
	f.b[MSG + 2] ^= 1;
	ra_log_frame(&log, 1002, f.b, f.len); /* bad: counted */
	n = ra_log_format(&log, text, sizeof(text));
	CHECK_STR(text, "count 1 dropped 0 bad 1 | #1 t_ms 1000 from fe80::1 rl 1800 flags O"
		     " prefix fd00::/64 pl 4294967295 vl 4294967295 flags L,A"
		     " prefix 2001:db8:100::/64 pl 0 vl 7200 flags L,A"
		     " prefix 2001:db8:200::/64 pl 14400 vl 86400 flags L,A"
		     " rdnss 2001:db8:200::1 lt 1200 rdnss fd00::1 lt 1200");
	CHECK_EQ_INT(n, (int)strlen(text));
	CHECK_EQ_INT(ra_log_format(&log, text, 40), -1);

	/* The ring keeps the last RA_LOG_MAX, oldest first, and counts the rest. */
	f.b[MSG + 2] ^= 1;
	for (uint32_t t = 1; t < RA_LOG_MAX + 4; t++)
		ra_log_frame(&log, 1000 + t, f.b, f.len);
	CHECK_EQ_UINT(log.count, RA_LOG_MAX);
	CHECK_EQ_UINT(log.dropped, 4);
	CHECK(ra_log_format(&log, text, sizeof(text)) > 0);
	CHECK(strncmp(text, "count 16 dropped 4 bad 1 | #5 t_ms 1004 ", 40) == 0);
	CHECK(strstr(text, "| #20 t_ms 1019 ") != NULL);
	CHECK(strstr(text, "#4 ") == NULL && strstr(text, "#21") == NULL);

	/* clear empties it; numbers go on, so a test can tell RAs apart. */
	ra_log_clear(&log);
	CHECK_EQ_INT(ra_log_format(&log, text, sizeof(text)), (int)strlen("count 0 dropped 0 bad 0"));
	CHECK_STR(text, "count 0 dropped 0 bad 0");
	ra_start(&f, RA_FLAG_M);
	opt_prefix(&f, "2001:db8::", 48, 0, 1, 1);
	ra_finish(&f);
	ra_log_frame(&log, 7, f.b, f.len);
	ra_log_format(&log, text, sizeof(text));
	CHECK_STR(text, "count 1 dropped 0 bad 0 | #21 t_ms 7 from fe80::1 rl 1800 flags M"
		     " prefix 2001:db8::/48 pl 1 vl 1 flags -");
}

int main(void)
{
	test_parse();
	test_tables_bounded();
	test_not_ra();
	test_bad();
	test_log();
	return check_done();
}
