/* Unit tests for nlmsg.c: layout of what we build (byte by byte where it
 * matters), parsing it back, bounds on both sides, and a real exchange with
 * the kernel over NETLINK_ROUTE. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/rtnetlink.h>

#include "check.h"
#include "keel/nlmsg.h"

static uint8_t mem[4096] __attribute__((aligned(4)));

static uint16_t u16_at(const uint8_t *p)
{
	uint16_t v;

	memcpy(&v, p, 2);
	return v;
}

static uint32_t u32_at(const uint8_t *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void test_layout(void)
{
	struct nlbuf b;
	struct rtgenmsg g = { .rtgen_family = 7 };
	size_t m, nest;

	nlb_init(&b, mem, sizeof(mem));
	m = nlb_msg_begin(&b, 0x1234, NLM_F_REQUEST, 42, &g, sizeof(g));
	CHECK_EQ_UINT(m, 0);
	CHECK_EQ_UINT(b.len, 16 + 4);	/* rtgenmsg (1 byte) padded to 4 */
	nlb_put_u8(&b, 1, 0xab);
	CHECK_EQ_UINT(b.len, 20 + 8);	/* 4 header + 1 data + 3 padding */
	nlb_put_be32(&b, 2, 0x01020304);
	nest = nlb_nest_begin(&b, 3);
	nlb_put_str(&b, 4, "eth0");
	nlb_put_be64(&b, 5, 0x1122334455667788ull);
	nlb_nest_end(&b, nest);
	nlb_msg_end(&b, m);
	CHECK(nlb_ok(&b));

	CHECK_EQ_UINT(u32_at(mem), b.len);		/* nlmsg_len */
	CHECK_EQ_UINT(u16_at(mem + 4), 0x1234);
	CHECK_EQ_UINT(u32_at(mem + 8), 42);		/* seq */
	CHECK_EQ_UINT(mem[16], 7);
	/* u8 attribute: len 5, type 1, value, zero padding */
	CHECK_EQ_UINT(u16_at(mem + 20), 5);
	CHECK_EQ_UINT(u16_at(mem + 22), 1);
	CHECK_EQ_UINT(mem[24], 0xab);
	CHECK(mem[25] == 0 && mem[26] == 0 && mem[27] == 0);
	/* be32 is big-endian on the wire */
	CHECK(mem[32] == 1 && mem[33] == 2 && mem[34] == 3 && mem[35] == 4);
	/* nest: flag set, length covers "eth0\0" (12) + be64 (12) */
	CHECK_EQ_UINT(u16_at(mem + 38), 3 | NLA_F_NESTED);
	CHECK_EQ_UINT(u16_at(mem + 36), 4 + 12 + 12);
	CHECK_EQ_UINT(u16_at(mem + 40), 4 + 5);
	CHECK(memcmp(mem + 44, "eth0", 5) == 0);
	CHECK_EQ_UINT(mem[56], 0x11);
	CHECK_EQ_UINT(mem[63], 0x88);
	CHECK_EQ_UINT(b.len % 4, 0);
}

static void test_parse_back(void)
{
	struct nlbuf b;
	struct nlmsg_view m;
	struct nla_view tb[6], in[6];
	size_t off = 0, nest;
	uint8_t u8;
	uint32_t u32;
	uint64_t u64;
	char s[16];
	uint32_t hdr = 0;

	nlb_init(&b, mem, sizeof(mem));
	for (int i = 0; i < 2; i++) {
		size_t msg = nlb_msg_begin(&b, 100 + i, 0, i, &hdr, 4);

		nlb_put_u8(&b, 1, 9);
		nlb_put_be32(&b, 2, 0xdeadbeef);
		nest = nlb_nest_begin(&b, 3);
		nlb_put_str(&b, 4, "keel");
		nlb_put_be64(&b, 5, 1234567890123ull);
		nlb_nest_end(&b, nest);
		nlb_put_u32(&b, 9, 1);	/* unknown to maxtype 5: skipped */
		nlb_msg_end(&b, msg);
	}
	CHECK_EQ_INT(nlmsg_next(mem, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, 100);
	CHECK_EQ_INT(nlmsg_parse(&m, 4, tb, 5), 0);
	CHECK(nla_get_u8(&tb[1], &u8) == 0 && u8 == 9);
	CHECK(nla_get_be32(&tb[2], &u32) == 0 && u32 == 0xdeadbeef);
	CHECK_EQ_UINT(tb[3].type, 3);	/* NESTED flag masked off */
	CHECK_EQ_INT(nla_parse(tb[3].data, tb[3].len, in, 5), 0);
	CHECK(nla_get_str(&in[4], s, sizeof(s)) == 0);
	CHECK_STR(s, "keel");
	CHECK(nla_get_be64(&in[5], &u64) == 0 && u64 == 1234567890123ull);
	CHECK(nla_get_str(&in[4], s, 4) < 0);	/* does not fit */
	CHECK(nla_get_be32(&tb[1], &u32) < 0);	/* wrong size */
	CHECK(tb[4].data == NULL);
	CHECK(nla_get_u8(&tb[4], &u8) < 0);	/* absent */
	CHECK_EQ_INT(nlmsg_next(mem, b.len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, 101);
	CHECK_EQ_INT(nlmsg_next(mem, b.len, &off, &m), 0);
}

static void test_overflow(void)
{
	struct nlbuf b;
	uint8_t small[40];
	size_t m;

	memset(small, 0x5a, sizeof(small));
	nlb_init(&b, small, 32);
	m = nlb_msg_begin(&b, 1, 0, 1, NULL, 0);
	nlb_put_str(&b, 1, "fits");	/* 16 + 12 = 28 */
	CHECK(nlb_ok(&b));
	nlb_put_u32(&b, 2, 7);		/* 28 + 8 > 32 */
	CHECK(!nlb_ok(&b));
	nlb_put_u8(&b, 3, 1);		/* nothing after an overflow */
	nlb_msg_end(&b, m);
	CHECK_EQ_UINT(b.len, 28);
	CHECK_EQ_UINT(small[32], 0x5a);	/* never wrote past cap */
}

static void test_malformed(void)
{
	struct nla_view tb[4];
	struct nlmsg_view m;
	size_t off = 0;
	/* attribute claiming 8 bytes with 6 present; one claiming 2 (< 4) */
	uint8_t short_attr[6] = { 8, 0, 1, 0, 1, 2 };
	uint8_t tiny_attr[4] = { 2, 0, 1, 0 };
	uint8_t msg[16] = { 0 };

	CHECK_EQ_INT(nla_parse(short_attr, sizeof(short_attr), tb, 3), -1);
	CHECK_EQ_INT(nla_parse(tiny_attr, sizeof(tiny_attr), tb, 3), -1);
	CHECK_EQ_INT(nla_parse(tiny_attr, 3, tb, 3), -1);
	CHECK_EQ_INT(nla_parse(tiny_attr, 0, tb, 3), 0);
	msg[0] = 200;	/* nlmsg_len past the buffer */
	CHECK_EQ_INT(nlmsg_next(msg, sizeof(msg), &off, &m), -1);
	msg[0] = 8;	/* shorter than a header */
	CHECK_EQ_INT(nlmsg_next(msg, sizeof(msg), &off, &m), -1);
	CHECK_EQ_INT(nlmsg_next(msg, 10, &off, &m), -1);
}

static void test_error_msg(void)
{
	struct nlbuf b;
	struct nlmsgerr e = { .error = -EEXIST };
	struct nlmsg_view m;
	size_t off = 0, msg;
	int err = 0;
	uint32_t seq = 0;
	char text[64];

	e.msg.nlmsg_len = sizeof(e.msg);
	e.msg.nlmsg_seq = 77;
	nlb_init(&b, mem, sizeof(mem));
	msg = nlb_msg_begin(&b, NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 77,
			    &e, sizeof(e));
	nlb_put_str(&b, NLMSGERR_ATTR_MSG, "Table exists");
	nlb_msg_end(&b, msg);
	CHECK_EQ_INT(nlmsg_next(mem, b.len, &off, &m), 1);
	CHECK_EQ_INT(nlmsg_error(&m, &err, &seq, text, sizeof(text)), 0);
	CHECK_EQ_INT(err, -EEXIST);
	CHECK_EQ_UINT(seq, 77);
	CHECK_STR(text, "Table exists");
	/* A data message is not an error. */
	m.hdr.nlmsg_type = 16;
	CHECK_EQ_INT(nlmsg_error(&m, &err, &seq, text, sizeof(text)), -1);
}

struct link_count {
	unsigned links;
};

static int count_link(const struct nlmsg_view *m, void *ctx)
{
	struct link_count *c = ctx;

	if (m->hdr.nlmsg_type == RTM_NEWLINK)
		c->links++;
	return 0;
}

/* The socket helper against the real kernel: a dump ends in DONE, a bogus
 * request comes back as an error with its seq. */
static void test_kernel(void)
{
	struct nlbuf b;
	struct rtgenmsg g = { .rtgen_family = AF_UNSPEC };
	struct nlsock_result res;
	struct link_count c = { 0 };
	size_t m;
	int fd = nlsock_open(NETLINK_ROUTE);

	CHECK(fd >= 0);
	if (fd < 0)
		return;
	nlb_init(&b, mem, sizeof(mem));
	m = nlb_msg_begin(&b, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 500,
			  &g, sizeof(g));
	nlb_msg_end(&b, m);
	CHECK_EQ_INT(nlsock_talk(fd, mem, b.len, 500, 500, 1, 2000,
				 count_link, &c, &res), 0);
	CHECK(res.done);
	CHECK(c.links >= 1);	/* lo at least */

	nlb_init(&b, mem, sizeof(mem));
	m = nlb_msg_begin(&b, RTM_MAX + 1, NLM_F_REQUEST | NLM_F_ACK, 501,
			  NULL, 0);
	nlb_msg_end(&b, m);
	CHECK_EQ_INT(nlsock_talk(fd, mem, b.len, 501, 501, 0, 0, NULL, NULL,
				 &res), 0);
	CHECK_EQ_UINT(res.errors, 1);
	CHECK(res.first_err < 0);
	CHECK_EQ_UINT(res.first_err_seq, 501);
	close(fd);
}

int main(void)
{
	test_layout();
	test_parse_back();
	test_overflow();
	test_malformed();
	test_error_msg();
	test_kernel();
	return check_done();
}
