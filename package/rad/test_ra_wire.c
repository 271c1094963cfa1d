/* Unit tests for ra_build.c and rs_parse.c: byte-exact RAs, every RS
 * rule of RFC 4861 section 6.1.1. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "ra_wire.h"

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static void full_config(struct ra_config *c)
{
	memset(c, 0, sizeof(*c));
	c->hop_limit = 64;
	c->valid_secs = 86400;
	c->preferred_secs = 14400;
	inet_pton(AF_INET6, "fd00::", c->prefixes[0].addr);
	c->prefixes[0].len = 64;
	inet_pton(AF_INET6, "2001:db8:1:2::", c->prefixes[1].addr);
	c->prefixes[1].len = 64;
	c->prefix_count = 2;
	inet_pton(AF_INET6, "fd00::1", c->rdnss[0]);
	inet_pton(AF_INET6, "fd00::53", c->rdnss[1]);
	c->rdnss_count = 2;
	strcpy(c->domain, "home.example");
	c->dns_lifetime_secs = 1800;
	c->mtu = 1492;
	memcpy(c->lladdr, "\x52\x54\x00\x12\x34\x56", 6);
	c->has_lladdr = 1;
}

static void test_full_ra(void)
{
	struct ra_config c;
	uint8_t buf[RA_MAX_LEN];
	size_t n, off;

	full_config(&c);
	n = ra_build(&c, 1800, buf, sizeof(buf));
	/* 16 + SLLAO 8 + MTU 8 + 2 prefixes 64 + RDNSS 8+32 + DNSSL 8+16. */
	CHECK_EQ_UINT(n, 16 + 8 + 8 + 64 + 40 + 24);
	CHECK_EQ_UINT(buf[0], 134);
	CHECK_EQ_UINT(buf[1], 0);
	CHECK_EQ_UINT(buf[2] | buf[3], 0);	/* checksum: the kernel's */
	CHECK_EQ_UINT(buf[4], 64);
	CHECK_EQ_UINT(buf[5], 0);		/* M=0 O=0 */
	CHECK_EQ_UINT(buf[6] << 8 | buf[7], 1800);
	CHECK_EQ_UINT(get32(buf + 8), 0);
	CHECK_EQ_UINT(get32(buf + 12), 0);
	CHECK_EQ_INT(nd_options_check(buf, n, 16), 0);
	off = 16;
	CHECK_MEM(buf + off, 8, "\x01\x01\x52\x54\x00\x12\x34\x56", 8);
	off += 8;
	CHECK_EQ_UINT(buf[off], 5);
	CHECK_EQ_UINT(buf[off + 1], 1);
	CHECK_EQ_UINT(get32(buf + off + 4), 1492);
	off += 8;
	CHECK_EQ_UINT(buf[off], 3);
	CHECK_EQ_UINT(buf[off + 1], 4);
	CHECK_EQ_UINT(buf[off + 2], 64);
	CHECK_EQ_UINT(buf[off + 3], 0xc0);
	CHECK_EQ_UINT(get32(buf + off + 4), 86400);
	CHECK_EQ_UINT(get32(buf + off + 8), 14400);
	CHECK_EQ_UINT(get32(buf + off + 12), 0);
	CHECK(memcmp(buf + off + 16, c.prefixes[0].addr, 16) == 0);
	off += 32;
	CHECK(memcmp(buf + off + 16, c.prefixes[1].addr, 16) == 0);
	off += 32;
	CHECK_EQ_UINT(buf[off], 25);
	CHECK_EQ_UINT(buf[off + 1], 5);
	CHECK_EQ_UINT(get32(buf + off + 4), 1800);
	CHECK(memcmp(buf + off + 8, c.rdnss[0], 16) == 0);
	CHECK(memcmp(buf + off + 24, c.rdnss[1], 16) == 0);
	off += 40;
	CHECK_EQ_UINT(buf[off], 31);
	CHECK_EQ_UINT(buf[off + 1], 3);
	CHECK_EQ_UINT(get32(buf + off + 4), 1800);
	CHECK_MEM(buf + off + 8, 16, "\x04home\x07" "example\x00\x00\x00", 16);

	/* The shutdown RA differs only in the router lifetime. */
	{
		uint8_t last[RA_MAX_LEN];

		CHECK_EQ_UINT(ra_build(&c, 0, last, sizeof(last)), n);
		CHECK_EQ_UINT(last[6] | last[7], 0);
		CHECK(memcmp(last + 8, buf + 8, n - 8) == 0);
	}
}

/* Delegated prefixes follow the configured ones, each with its own
 * lifetimes; the configured ones keep theirs. */
static void test_timed_prefixes(void)
{
	struct ra_config c;
	uint8_t buf[RA_MAX_LEN];
	size_t n, off = 16 + 8 + 8;

	full_config(&c);
	inet_pton(AF_INET6, "2001:db8:100:1::", c.timed[0].prefix.addr);
	c.timed[0].prefix.len = 64;
	c.timed[0].valid_secs = 3600;
	c.timed[0].preferred_secs = 1800;
	inet_pton(AF_INET6, "2001:db8:200:1::", c.timed[1].prefix.addr);
	c.timed[1].prefix.len = 64;
	c.timed[1].valid_secs = 7200;
	c.timed[1].preferred_secs = 0;
	c.timed_count = 2;
	n = ra_build(&c, 1800, buf, sizeof(buf));
	CHECK_EQ_UINT(n, 16 + 8 + 8 + 4 * 32 + 40 + 24);
	CHECK_EQ_INT(nd_options_check(buf, n, 16), 0);
	CHECK_EQ_UINT(get32(buf + off + 4), 86400);
	CHECK_EQ_UINT(get32(buf + off + 32 + 8), 14400);
	off += 64;
	CHECK_EQ_UINT(buf[off], 3);
	CHECK_EQ_UINT(buf[off + 3], 0xc0);
	CHECK_EQ_UINT(get32(buf + off + 4), 3600);
	CHECK_EQ_UINT(get32(buf + off + 8), 1800);
	CHECK(memcmp(buf + off + 16, c.timed[0].prefix.addr, 16) == 0);
	off += 32;
	CHECK_EQ_UINT(get32(buf + off + 4), 7200);
	CHECK_EQ_UINT(get32(buf + off + 8), 0);
	CHECK(memcmp(buf + off + 16, c.timed[1].prefix.addr, 16) == 0);
	c.timed_count = RA_TIMED_MAX + 1;
	CHECK_EQ_UINT(ra_build(&c, 1800, buf, sizeof(buf)), 0);
}

static void test_minimal_ra(void)
{
	struct ra_config c;
	uint8_t buf[RA_MAX_LEN];

	memset(&c, 0, sizeof(c));
	c.hop_limit = 64;
	CHECK_EQ_UINT(ra_build(&c, 0, buf, sizeof(buf)), 16);
}

static void test_ra_too_small(void)
{
	struct ra_config c;
	uint8_t buf[RA_MAX_LEN];
	size_t n;

	full_config(&c);
	n = ra_build(&c, 1800, buf, sizeof(buf));
	/* Every size short of the whole RA is refused, not cut. */
	for (size_t size = 0; size < n; size++)
		CHECK_EQ_UINT(ra_build(&c, 1800, buf, size), 0);
	c.prefix_count = RA_PREFIX_MAX + 1;
	CHECK_EQ_UINT(ra_build(&c, 1800, buf, sizeof(buf)), 0);
}

static void test_ra_longest(void)
{
	struct ra_config c;
	uint8_t buf[RA_MAX_LEN];
	size_t n;

	full_config(&c);
	c.prefix_count = RA_PREFIX_MAX;
	c.timed_count = RA_TIMED_MAX;
	for (unsigned i = 0; i < RA_TIMED_MAX; i++)
		c.timed[i].prefix = c.prefixes[0];
	c.rdnss_count = RA_RDNSS_MAX;
	for (unsigned i = 0; i < RA_RDNSS_MAX; i++)
		memcpy(c.rdnss[i], c.rdnss[0], 16);
	/* 3 labels of 63 and one of 61 + dots = 253 characters: 255 wire
	 * bytes, padded to 256; with everything else, exactly the most. */
	memset(c.domain, 'a', RA_DOMAIN_MAX);
	c.domain[RA_DOMAIN_MAX] = 0;
	c.domain[63] = c.domain[127] = c.domain[191] = '.';
	n = ra_build(&c, 1800, buf, sizeof(buf));
	CHECK_EQ_UINT(n, RA_MAX_LEN);
	CHECK_EQ_UINT(n % 8, 0);
	CHECK_EQ_INT(nd_options_check(buf, n, 16), 0);
}

static void test_dnssl_encode(void)
{
	uint8_t buf[300];
	char label[70];

	CHECK_EQ_UINT(dnssl_encode("lan", buf, sizeof(buf)), 8);
	CHECK_MEM(buf, 8, "\x03lan\0\0\0\0", 8);
	/* A trailing dot is the same name. */
	CHECK_EQ_UINT(dnssl_encode("lan.", buf, sizeof(buf)), 8);
	CHECK_MEM(buf, 8, "\x03lan\0\0\0\0", 8);
	/* 7 wire bytes + root = 8: no extra padding block; 9 needs 16. */
	CHECK_EQ_UINT(dnssl_encode("abcdef", buf, sizeof(buf)), 8);
	CHECK_EQ_UINT(dnssl_encode("abcdefg", buf, sizeof(buf)), 16);
	CHECK_EQ_UINT(dnssl_encode("", buf, sizeof(buf)), 0);
	CHECK_EQ_UINT(dnssl_encode(".", buf, sizeof(buf)), 0);
	CHECK_EQ_UINT(dnssl_encode("a..b", buf, sizeof(buf)), 0);
	CHECK_EQ_UINT(dnssl_encode(".lan", buf, sizeof(buf)), 0);
	memset(label, 'x', 64);
	label[64] = 0;
	CHECK_EQ_UINT(dnssl_encode(label, buf, sizeof(buf)), 0);
	label[63] = 0;
	CHECK_EQ_UINT(dnssl_encode(label, buf, sizeof(buf)), 72);
	CHECK_EQ_UINT(dnssl_encode("lan", buf, 7), 0);
	CHECK_EQ_UINT(dnssl_encode("lan", buf, 4), 0);
}

static void test_rs(void)
{
	static const uint8_t plain[8] = { 133, 0, 0, 0, 0, 0, 0, 0 };
	static const uint8_t sllao[16] = { 133, 0, 0, 0, 0, 0, 0, 0,
		1, 1, 0x52, 0x54, 0, 1, 2, 3 };
	static const uint8_t unknown_opt[24] = { 133, 0, 0, 0, 0, 0, 0, 0,
		200, 2 };
	uint8_t p[32];
	struct rs_msg m;

	CHECK_EQ_INT(rs_parse(plain, 8, 255, 0, &m), RS_OK);
	CHECK_EQ_INT(m.has_sllao, 0);
	CHECK_EQ_INT(rs_parse(plain, 8, -1, 1, &m), RS_OK);
	CHECK_EQ_INT(rs_parse(plain, 8, 64, 0, &m), RS_BAD_HOPLIMIT);
	CHECK_EQ_INT(rs_parse(plain, 7, 255, 0, &m), RS_SHORT);
	CHECK_EQ_INT(rs_parse(plain, 0, 255, 0, &m), RS_SHORT);
	CHECK_EQ_INT(rs_parse(sllao, 16, 255, 0, &m), RS_OK);
	CHECK_EQ_INT(m.has_sllao, 1);
	CHECK_MEM(m.sllao, 6, "\x52\x54\x00\x01\x02\x03", 6);
	CHECK_EQ_INT(rs_parse(sllao, 16, 255, 1, &m), RS_SLLAO_UNSPEC);
	CHECK_EQ_INT(rs_parse(unknown_opt, 24, 255, 1, &m), RS_OK);

	memcpy(p, plain, 8);
	p[0] = 134;
	CHECK_EQ_INT(rs_parse(p, 8, 255, 0, &m), RS_NOT_RS);
	p[0] = 133;
	p[1] = 1;
	CHECK_EQ_INT(rs_parse(p, 8, 255, 0, &m), RS_BAD_CODE);
	memcpy(p, sllao, 16);
	p[9] = 0;	/* zero length: would loop forever if accepted */
	CHECK_EQ_INT(rs_parse(p, 16, 255, 0, &m), RS_BAD_OPTION);
	p[9] = 2;	/* runs past the end */
	CHECK_EQ_INT(rs_parse(p, 16, 255, 0, &m), RS_BAD_OPTION);
	CHECK_EQ_INT(rs_parse(sllao, 9, 255, 0, &m), RS_BAD_OPTION);
	CHECK_EQ_INT(rs_parse(sllao, 10, 255, 0, &m), RS_BAD_OPTION);
	CHECK_STR(rs_error_name(RS_BAD_HOPLIMIT), "hop limit not 255");
}

int main(void)
{
	test_full_ra();
	test_timed_prefixes();
	test_minimal_ra();
	test_ra_too_small();
	test_ra_longest();
	test_dnssl_encode();
	test_rs();
	return check_done();
}
