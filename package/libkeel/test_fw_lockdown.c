/* test_fw_lockdown.c - the lockdown batch: well-formed, numbered without
 * gaps, one set of LAN rules per LAN, nothing that forwards. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "keel/config.h"
#include "keel/fw_lockdown.h"
#include "keel/nft.h"
#include "check.h"

static uint8_t mem[64 * 1024] __attribute__((aligned(4)));

static int count_type(const struct nlbuf *b, uint16_t type, uint32_t first_seq,
		      int *gaps)
{
	struct nlmsg_view m;
	size_t off = 0;
	uint32_t want = first_seq;
	int n = 0;

	*gaps = 0;
	while (nlmsg_next(b->data, b->len, &off, &m) == 1) {
		if (m.hdr.nlmsg_seq != want++)
			(*gaps)++;
		if (m.hdr.nlmsg_type == type)
			n++;
	}
	return n;
}

static void test_two_lans(void)
{
	static const char text[] = "[wan]\ninterface eth0\n"
		"[lan]\ninterface eth1\naddress 10.0.0.1/24\n"
		"[lan guest]\ninterface eth2\naddress 10.9.0.1/24\n"
		"[ssh]\nport 2222\n";
	struct keel_config cfg;
	struct config_error err;
	struct nlbuf b;
	uint32_t end;
	int gaps;
	uint16_t port = htons(2222);

	CHECK_EQ_INT(config_parse(text, sizeof(text) - 1, &cfg, &err), 0);
	nlb_init(&b, mem, sizeof(mem));
	end = fw_lockdown_build(&cfg, &b, 100);
	CHECK(end > 100 && end - 100 - 1 <= FW_LOCKDOWN_MSGS_MAX);
	/* loopback, replies, 7 per LAN, two drops */
	CHECK_EQ_INT(count_type(&b, NFT_TYPE(NFT_MSG_NEWRULE), 100, &gaps), 2 + 2 * 7 + 2);
	CHECK_EQ_INT(gaps, 0);
	CHECK_EQ_INT(count_type(&b, NFT_TYPE(NFT_MSG_NEWCHAIN), 100, &gaps), 2);
	/* The WAN's name appears nowhere; the SSH port does. */
	CHECK(memmem(b.data, b.len, "eth0", 5) == NULL);
	CHECK(memmem(b.data, b.len, "eth2", 5) != NULL);
	CHECK(memmem(b.data, b.len, &port, 2) != NULL);
	CHECK(memmem(b.data, b.len, "lockdown: no forwarding", 23) != NULL);
}

static void test_too_small(void)
{
	struct keel_config cfg;
	struct nlbuf b;

	CHECK_EQ_INT(config_safe_default(&cfg), 0);
	nlb_init(&b, mem, 256);
	CHECK_EQ_INT(fw_lockdown_build(&cfg, &b, 1), 0);
}

int main(void)
{
	test_two_lans();
	test_too_small();
	return check_done();
}
