/* Unit tests for netsim's DHCP message parser and builder. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "dhcp_msg.h"

static size_t make_req(uint8_t *p, uint8_t type, const uint8_t *extra, size_t extra_len)
{
	static const uint8_t mac[6] = { 2, 0, 0, 0, 1, 3 };
	size_t n = DHCP_MIN_LEN;

	memset(p, 0, 400);
	p[0] = 1;
	p[1] = 1;
	p[2] = 6;
	p[4] = 0xde, p[5] = 0xad, p[6] = 0xbe, p[7] = 0xef;
	p[10] = 0x80;
	memcpy(p + 28, mac, 6);
	p[236] = 99, p[237] = 130, p[238] = 83, p[239] = 99;
	p[n++] = 53, p[n++] = 1, p[n++] = type;
	p[n++] = 0; /* pad */
	if (extra_len > 0)
		memcpy(p + n, extra, extra_len);
	n += extra_len;
	p[n++] = 255;
	return n;
}

static void test_parse(void)
{
	uint8_t p[400];
	const uint8_t req_opts[] = { 50, 4, 192, 0, 2, 100, 54, 4, 192, 0, 2, 1,
				     12, 4, 'k', 'e', 'e', 'l' };
	struct dhcp_req r;
	size_t n;

	n = make_req(p, DHCP_DISCOVER, NULL, 0);
	CHECK_EQ_INT(dhcp_req_parse(p, n, &r), 0);
	CHECK_EQ_INT(r.type, DHCP_DISCOVER);
	CHECK_EQ_UINT(r.flags, 0x8000);
	CHECK_EQ_INT(r.chaddr[5], 3);
	CHECK(r.hostname == NULL);
	n = make_req(p, DHCP_REQUEST, req_opts, sizeof(req_opts));
	CHECK_EQ_INT(dhcp_req_parse(p, n, &r), 0);
	CHECK_EQ_UINT(r.requested, inet_addr("192.0.2.100"));
	CHECK_EQ_UINT(r.server_id, inet_addr("192.0.2.1"));
	CHECK_EQ_INT(r.hostname_len, 4);
	CHECK(r.hostname != NULL && memcmp(r.hostname, "keel", 4) == 0);
	/* truncated option, wrong op, short packet, missing type */
	CHECK_EQ_INT(dhcp_req_parse(p, n - 4, &r), -1);
	p[0] = 2;
	CHECK_EQ_INT(dhcp_req_parse(p, n, &r), -1);
	CHECK_EQ_INT(dhcp_req_parse(p, 239, &r), -1);
	n = make_req(p, 0, NULL, 0);
	CHECK_EQ_INT(dhcp_req_parse(p, n, &r), -1);
}

static void test_build(void)
{
	uint8_t p[400], out[DHCP_REPLY_MAX];
	struct dhcp_req req;
	struct dhcp_reply rep = {
		.type = DHCP_OFFER, .yiaddr = inet_addr("192.0.2.100"),
		.server = inet_addr("192.0.2.1"), .mask = inet_addr("255.255.255.0"),
		.router = inet_addr("192.0.2.1"), .lease_secs = 600,
	};
	static const uint8_t lease[] = { 51, 4, 0, 0, 2, 88 };
	size_t n = make_req(p, DHCP_DISCOVER, NULL, 0), len;

	CHECK_EQ_INT(dhcp_req_parse(p, n, &req), 0);
	len = dhcp_reply_build(out, &req, &rep);
	CHECK(len > DHCP_MIN_LEN && len <= DHCP_REPLY_MAX);
	CHECK_EQ_INT(out[0], 2);
	CHECK_MEM(out + 4, 4, p + 4, 4);
	CHECK_MEM(out + 16, 4, &rep.yiaddr, 4);
	CHECK_MEM(out + 28, 6, p + 28, 6);
	CHECK_EQ_INT(out[DHCP_MIN_LEN + 2], DHCP_OFFER);
	CHECK(memmem(out, len, lease, sizeof(lease)) != NULL);
	CHECK_EQ_INT(out[len - 1], 255);
}

int main(void)
{
	test_parse();
	test_build();
	return check_done();
}
