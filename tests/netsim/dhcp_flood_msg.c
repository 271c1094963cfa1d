/* Raw DHCP client frames for `dhcp-flood` (RFC 2131/2132 over RFC 791/768),
 * and the parser for what servers answer. */
#include <string.h>

#include "bytes.h"
#include "dhcp_flood_msg.h"

static const uint8_t cookie[4] = { 99, 130, 83, 99 };

/* The Internet checksum over an IPv4 header (even length). */
static uint16_t ip_checksum(const uint8_t *p, size_t n)
{
	uint32_t sum = 0;

	for (size_t i = 0; i + 1 < n; i += 2)
		sum += get16(p + i);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

size_t udp4_frame_finish(uint8_t *buf, const struct udp4_frame *f, size_t len)
{
	uint8_t *ip = buf + 14, *udp = buf + 34;

	if (len > 65535 - 28)
		return 0;
	memcpy(buf, f->eth_dst, 6);
	memcpy(buf + 6, f->eth_src, 6);
	put16(buf + 12, 0x0800);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, (uint16_t)(20 + 8 + len));
	put16(ip + 4, f->ip_id);
	ip[8] = 64; /* TTL */
	ip[9] = 17; /* UDP */
	memcpy(ip + 12, &f->ip_src, 4);
	memcpy(ip + 16, &f->ip_dst, 4);
	put16(ip + 10, ip_checksum(ip, 20));
	put16(udp, f->sport);
	put16(udp + 2, f->dport);
	put16(udp + 4, (uint16_t)(8 + len));
	put16(udp + 6, 0);
	return UDP4_FRAME_HDR + len;
}

static uint8_t *opt_bytes(uint8_t *q, uint8_t code, const void *v, size_t len)
{
	q[0] = code;
	q[1] = (uint8_t)len;
	memcpy(q + 2, v, len);
	return q + 2 + len;
}

size_t flood_req_build(uint8_t *buf, size_t cap, const struct flood_req *r)
{
	/* Subnet mask, router, DNS, domain name: what a plain client asks for. */
	static const uint8_t params[] = { 1, 3, 6, 15 };
	static const uint8_t bcast_mac[6] = { 0xff, 0xff, 0xff, 0xff, 0xff, 0xff };
	uint8_t *bootp = buf + UDP4_FRAME_HDR, *q, client_id[7];
	struct udp4_frame f = {
		.ip_src = 0, .ip_dst = 0xffffffffu, .sport = 68, .dport = 67,
		.ip_id = (uint16_t)r->xid,
	};
	size_t len;

	if ((r->type != DHCP_DISCOVER && r->type != DHCP_REQUEST) ||
	    r->hostname_len > FLOOD_HOSTNAME_MAX || cap < FLOOD_FRAME_MAX)
		return 0;
	memset(bootp, 0, FLOOD_FRAME_MAX - UDP4_FRAME_HDR);
	bootp[0] = 1; /* BOOTREQUEST */
	bootp[1] = 1; /* Ethernet */
	bootp[2] = 6;
	put32(bootp + 4, r->xid);
	memcpy(bootp + 28, r->mac, 6);
	memcpy(bootp + 236, cookie, 4);
	q = bootp + DHCP_MIN_LEN;
	q = opt_bytes(q, 53, &r->type, 1);
	/* Client id 1 + MAC, as busybox udhcpc and dhclient send it. */
	client_id[0] = 1;
	memcpy(client_id + 1, r->mac, 6);
	q = opt_bytes(q, 61, client_id, sizeof(client_id));
	if (r->requested)
		q = opt_bytes(q, 50, &r->requested, 4);
	if (r->server_id)
		q = opt_bytes(q, 54, &r->server_id, 4);
	if (r->hostname_len > 0)
		q = opt_bytes(q, 12, r->hostname, r->hostname_len);
	q = opt_bytes(q, 55, params, sizeof(params));
	*q++ = 255;
	len = (size_t)(q - bootp);
	/* BOOTP's 300-byte minimum: some servers and relays drop shorter. */
	if (len < 300)
		len = 300;
	memcpy(f.eth_dst, bcast_mac, 6);
	memcpy(f.eth_src, r->mac, 6);
	return udp4_frame_finish(buf, &f, len);
}

int flood_reply_parse(const uint8_t *frame, size_t n, struct flood_reply *out)
{
	const uint8_t *ip = frame + 14, *udp, *bootp;
	size_t ihl, ip_len, udp_len, off;

	memset(out, 0, sizeof(*out));
	if (n < 14 + 20 || get16(frame + 12) != 0x0800)
		return -1;
	ihl = (size_t)(ip[0] & 0x0f) * 4;
	ip_len = get16(ip + 2);
	/* Version 4, a whole header, UDP, not a fragment, checksum right. */
	if ((ip[0] >> 4) != 4 || ihl < 20 || ip_len < ihl + 8 || 14 + ip_len > n ||
	    ip[9] != 17 || (get16(ip + 6) & 0x3fff) != 0 || ip_checksum(ip, ihl) != 0)
		return -1;
	udp = ip + ihl;
	udp_len = get16(udp + 4);
	if (get16(udp) != 67 || get16(udp + 2) != 68 || udp_len < 8 + DHCP_MIN_LEN ||
	    udp_len > ip_len - ihl)
		return -1;
	bootp = udp + 8;
	n = udp_len - 8; /* from here on, n bounds the BOOTP message */
	if (bootp[0] != 2 || bootp[1] != 1 || bootp[2] != 6 ||
	    memcmp(bootp + 236, cookie, 4) != 0)
		return -1;
	memcpy(out->eth_dst, frame, 6);
	out->ip_src = get32_raw(ip + 12);
	out->xid = get32(bootp + 4);
	out->yiaddr = get32_raw(bootp + 16);
	memcpy(out->chaddr, bootp + 28, 6);
	for (off = DHCP_MIN_LEN; off < n;) {
		uint8_t code = bootp[off], len;

		if (code == 255)
			break;
		if (code == 0) {
			off++;
			continue;
		}
		if (off + 2 > n || off + 2 + (len = bootp[off + 1]) > n)
			return -1;
		if (code == 53 && len == 1)
			out->type = bootp[off + 2];
		else if (code == 54 && len == 4)
			out->server_id = get32_raw(bootp + off + 2);
		off += 2u + len;
	}
	if (out->server_id == 0)
		out->server_id = out->ip_src;
	return out->type >= DHCP_DISCOVER && out->type <= DHCP_INFORM ? 0 : -1;
}
