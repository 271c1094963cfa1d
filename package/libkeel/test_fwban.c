/* Unit tests for fwban.c: the element lands in the right set of table
 * inet keel, with the key length of its family and the timeout. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "keel/fwban.h"
#include "keel/nft.h"

static uint8_t mem[1024] __attribute__((aligned(4)));

/* Walks a batch: returns the element message's attributes (of the start
 * element) and the keys of the start and of the end (*n_elems 1: none). */
static void elem_of(const struct nlbuf *b, uint16_t want_type,
		    char *set, size_t set_size, size_t *key_len,
		    uint64_t *timeout, uint8_t first[16], uint8_t end[16],
		    unsigned *n_elems)
{
	struct nlmsg_view m;
	struct nla_view tb[NFTA_SET_ELEM_LIST_MAX + 1];
	struct nla_view e[NFTA_SET_ELEM_MAX + 1], k[NFTA_DATA_MAX + 1];
	struct nla_view one;
	size_t off = 0, loff = 0;
	char table[16];

	CHECK_EQ_INT(nlmsg_next(b->data, b->len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFNL_MSG_BATCH_BEGIN);
	CHECK_EQ_INT(nlmsg_next(b->data, b->len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFT_TYPE(want_type));
	CHECK(m.hdr.nlmsg_flags & NLM_F_ACK);
	CHECK_EQ_INT(nlmsg_parse(&m, sizeof(struct nfgenmsg), tb,
				 NFTA_SET_ELEM_LIST_MAX), 0);
	CHECK_EQ_INT(nla_get_str(&tb[NFTA_SET_ELEM_LIST_TABLE], table,
				 sizeof(table)), 0);
	CHECK_STR(table, "keel");
	CHECK_EQ_INT(nla_get_str(&tb[NFTA_SET_ELEM_LIST_SET], set, set_size),
		     0);
	CHECK_EQ_INT(nla_next(tb[NFTA_SET_ELEM_LIST_ELEMENTS].data,
			      tb[NFTA_SET_ELEM_LIST_ELEMENTS].len, &loff, &one),
		     1);
	CHECK_EQ_INT(nla_parse(one.data, one.len, e, NFTA_SET_ELEM_MAX), 0);
	CHECK_EQ_INT(nla_parse(e[NFTA_SET_ELEM_KEY].data,
			       e[NFTA_SET_ELEM_KEY].len, k, NFTA_DATA_MAX), 0);
	*key_len = k[NFTA_DATA_VALUE].len;
	memset(first, 0, 16);
	memcpy(first, k[NFTA_DATA_VALUE].data, *key_len);
	CHECK(!e[NFTA_SET_ELEM_FLAGS].data);
	*timeout = 0;
	if (e[NFTA_SET_ELEM_TIMEOUT].data)
		CHECK_EQ_INT(nla_get_be64(&e[NFTA_SET_ELEM_TIMEOUT], timeout),
			     0);
	*n_elems = 1;
	if (nla_next(tb[NFTA_SET_ELEM_LIST_ELEMENTS].data,
		     tb[NFTA_SET_ELEM_LIST_ELEMENTS].len, &loff, &one) == 1) {
		uint32_t flags = 0;

		*n_elems = 2;
		CHECK_EQ_INT(nla_parse(one.data, one.len, e,
				       NFTA_SET_ELEM_MAX), 0);
		CHECK_EQ_INT(nla_get_be32(&e[NFTA_SET_ELEM_FLAGS], &flags), 0);
		CHECK_EQ_UINT(flags, NFT_SET_ELEM_INTERVAL_END);
		CHECK_EQ_INT(nla_parse(e[NFTA_SET_ELEM_KEY].data,
				       e[NFTA_SET_ELEM_KEY].len, k,
				       NFTA_DATA_MAX), 0);
		CHECK_EQ_UINT(k[NFTA_DATA_VALUE].len, *key_len);
		memset(end, 0, 16);
		memcpy(end, k[NFTA_DATA_VALUE].data, *key_len);
	}
	CHECK_EQ_INT(nlmsg_next(b->data, b->len, &off, &m), 1);
	CHECK_EQ_UINT(m.hdr.nlmsg_type, NFNL_MSG_BATCH_END);
	CHECK_EQ_INT(nlmsg_next(b->data, b->len, &off, &m), 0);
}

int main(void)
{
	struct nlbuf b;
	uint8_t v4[16] = { 10, 0, 0, 100 };
	uint8_t v6[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 1 };
	uint8_t first[16], end[16];
	static const uint8_t v4_end[16] = { 10, 0, 0, 101 };
	static const uint8_t v6_first[16] = { 0x20, 0x01, 0x0d, 0xb8 };
	static const uint8_t v6_end[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 0, 0,
					    1 };
	static const uint8_t ones[16] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	char set[16];
	size_t key_len;
	uint64_t timeout;
	unsigned n;

	/* One IPv4 address: [a, a+1), both ends timed. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(fwban_batch(&b, 10, AF_INET, v4, 32, 600000, 0), 0);
	elem_of(&b, NFT_MSG_NEWSETELEM, set, sizeof(set), &key_len, &timeout,
		first, end, &n);
	CHECK_STR(set, "banned4");
	CHECK_EQ_UINT(key_len, 4);
	CHECK_EQ_UINT(timeout, 600000);
	CHECK_EQ_UINT(n, 2);
	CHECK(!memcmp(first, v4, 16) && !memcmp(end, v4_end, 16));

	/* An IPv6 /64: host bits cleared, the end is the next /64. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(fwban_batch(&b, 10, AF_INET6, v6, 64, 0, 1), 0);
	elem_of(&b, NFT_MSG_DELSETELEM, set, sizeof(set), &key_len, &timeout,
		first, end, &n);
	CHECK_STR(set, "banned6");
	CHECK_EQ_UINT(key_len, 16);
	CHECK_EQ_UINT(timeout, 0);
	CHECK_EQ_UINT(n, 2);
	CHECK(!memcmp(first, v6_first, 16) && !memcmp(end, v6_end, 16));

	/* The top of the space: no end element (nothing lies past it). */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(fwban_batch(&b, 10, AF_INET6, ones, 48, 1000, 0), 0);
	elem_of(&b, NFT_MSG_NEWSETELEM, set, sizeof(set), &key_len, &timeout,
		first, end, &n);
	CHECK_EQ_UINT(n, 1);
	CHECK(!memcmp(first, ones, 6) && !first[6] && !first[15]);

	/* A carry across bytes: 10.0.255.255/32 ends at 10.1.0.0. */
	{
		uint8_t a[16] = { 10, 0, 255, 255 }, f[16], e[16];

		CHECK_EQ_INT(fwban_range(AF_INET, a, 32, f, e), 1);
		CHECK(e[0] == 10 && e[1] == 1 && !e[2] && !e[3]);
		CHECK_EQ_INT(fwban_range(AF_INET, a, 33, f, e), -1);
		CHECK_EQ_INT(fwban_range(AF_INET6, a, 129, f, e), -1);
	}

	/* Unknown family, and a buffer too small, are errors. */
	nlb_init(&b, mem, sizeof(mem));
	CHECK_EQ_INT(fwban_batch(&b, 1, AF_UNIX, v4, 32, 0, 0), -1);
	nlb_init(&b, mem, 40);
	CHECK_EQ_INT(fwban_batch(&b, 1, AF_INET, v4, 32, 0, 0), -1);

	/* As bans are shown: the length only for a prefix. */
	{
		char txt[64];

		fwban_prefix_str(AF_INET, v4, 32, txt, sizeof(txt));
		CHECK(strcmp(txt, "10.0.0.100") == 0);
		fwban_prefix_str(AF_INET6, v6_first, 64, txt, sizeof(txt));
		CHECK(strcmp(txt, "2001:db8::/64") == 0);
		fwban_prefix_str(AF_INET6, v6, 128, txt, sizeof(txt));
		CHECK(strcmp(txt, "2001:db8::1") == 0);
	}
	return check_done();
}
