/* DHCPv4 (RFC 2131/2132) request parser and reply builder for netsim. */
#include <string.h>

#include "bytes.h"
#include "dhcp_msg.h"

static const uint8_t cookie[4] = { 99, 130, 83, 99 };

int dhcp_req_parse(const uint8_t *p, size_t n, struct dhcp_req *out)
{
	size_t off = DHCP_MIN_LEN;

	memset(out, 0, sizeof(*out));
	if (n < DHCP_MIN_LEN || p[0] != 1 || p[1] != 1 || p[2] != 6 ||
	    memcmp(p + 236, cookie, 4) != 0)
		return -1;
	out->xid = get32_raw(p + 4);
	out->flags = (uint16_t)(p[10] << 8 | p[11]);
	out->ciaddr = get32_raw(p + 12);
	memcpy(out->chaddr, p + 28, 6);
	while (off < n) {
		uint8_t code = p[off], len;

		if (code == 255)
			break;
		if (code == 0) {
			off++;
			continue;
		}
		if (off + 2 > n || off + 2 + (len = p[off + 1]) > n)
			return -1;
		if (code == 53 && len == 1)
			out->type = p[off + 2];
		else if (code == 50 && len == 4)
			out->requested = get32_raw(p + off + 2);
		else if (code == 54 && len == 4)
			out->server_id = get32_raw(p + off + 2);
		else if (code == 12 && len > 0) {
			out->hostname = p + off + 2;
			out->hostname_len = len;
		}
		off += 2u + len;
	}
	return out->type >= DHCP_DISCOVER && out->type <= DHCP_INFORM ? 0 : -1;
}

static uint8_t *opt32(uint8_t *q, uint8_t code, uint32_t v)
{
	q[0] = code;
	q[1] = 4;
	memcpy(q + 2, &v, 4);
	return q + 6;
}

size_t dhcp_reply_build(uint8_t *buf, const struct dhcp_req *req, const struct dhcp_reply *r)
{
	uint8_t *q = buf + DHCP_MIN_LEN;
	uint32_t lease = r->lease_secs;

	memset(buf, 0, DHCP_REPLY_MAX);
	buf[0] = 2; /* BOOTREPLY */
	buf[1] = 1;
	buf[2] = 6;
	memcpy(buf + 4, &req->xid, 4);
	buf[10] = (uint8_t)(req->flags >> 8);
	buf[11] = (uint8_t)req->flags;
	if (r->type != DHCP_NAK)
		memcpy(buf + 16, &r->yiaddr, 4);
	memcpy(buf + 28, req->chaddr, 6);
	memcpy(buf + 236, cookie, 4);
	*q++ = 53;
	*q++ = 1;
	*q++ = r->type;
	q = opt32(q, 54, r->server);
	if (r->type != DHCP_NAK) {
		lease = (lease >> 24 & 0xff) | (lease >> 8 & 0xff00) |
			(lease << 8 & 0xff0000) | (lease << 24);
		q = opt32(q, 51, lease);
		q = opt32(q, 1, r->mask);
		if (r->router)
			q = opt32(q, 3, r->router);
		if (r->dns)
			q = opt32(q, 6, r->dns);
	}
	*q++ = 255;
	return (size_t)(q - buf);
}
