/* Router Advertisement parser: see ra_msg.h. */
#include <string.h>

#include "bytes.h"
#include "ra_msg.h"

#define ETH_HDR 14
#define IP6_HDR 40
#define RA_HDR 16 /* ICMPv6 type..retrans timer: options start here */

#define OPT_PREFIX_INFO 3
#define OPT_RDNSS 25

/* The ICMPv6 checksum over the pseudo-header and MSG (LEN bytes): 0xffff
 * when the sum the sender put in is right. */
static uint16_t icmp6_sum(const uint8_t *ip6, const uint8_t *msg, size_t len)
{
	uint32_t s = 58 + (uint32_t)len; /* next header and upper-layer length */

	for (size_t i = 8; i < 40; i += 2) /* source and destination */
		s += get16(ip6 + i);
	for (size_t i = 0; i + 1 < len; i += 2)
		s += get16(msg + i);
	if (len & 1)
		s += (uint32_t)msg[len - 1] << 8;
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	return (uint16_t)s;
}

static int parse_prefix(const uint8_t *o, struct ra_msg *out)
{
	struct ra_prefix *p;

	if (o[1] != 4 || o[2] > 128)
		return RA_BAD;
	if (out->nprefix == RA_MAX_PREFIXES) {
		out->prefix_dropped++;
		return RA_OK;
	}
	p = &out->prefix[out->nprefix++];
	p->len = o[2];
	p->flags = o[3];
	p->valid = get32(o + 4);
	p->preferred = get32(o + 8);
	memcpy(p->prefix, o + 16, 16);
	return RA_OK;
}

/* RFC 8106: length 3 + 2 per further address; lifetime at 4, addresses from 8. */
static int parse_rdnss(const uint8_t *o, struct ra_msg *out)
{
	if (o[1] < 3 || (o[1] & 1) == 0)
		return RA_BAD;
	for (size_t off = 8; off < (size_t)o[1] * 8; off += 16) {
		if (out->nrdnss == RA_MAX_RDNSS) {
			out->rdnss_dropped++;
			continue;
		}
		memcpy(out->rdnss[out->nrdnss], o + off, 16);
		out->rdnss_lifetime[out->nrdnss++] = get32(o + 4);
	}
	return RA_OK;
}

int ra_parse(const uint8_t *frame, size_t n, struct ra_msg *out)
{
	const uint8_t *ip6 = frame + ETH_HDR, *msg = ip6 + IP6_HDR;
	size_t len;

	if (n < ETH_HDR + IP6_HDR + 1 || get16(frame + 12) != 0x86dd ||
	    (ip6[0] >> 4) != 6 || ip6[6] != 58 || msg[0] != 134)
		return RA_NOT_RA;
	/* From here on it is an RA: anything wrong makes it a bad one. The
	 * payload length bounds the message (Ethernet may pad after it). */
	len = get16(ip6 + 4);
	if (len > n - ETH_HDR - IP6_HDR || len < RA_HDR || ip6[7] != 255 || msg[1] != 0 ||
	    ip6[8] != 0xfe || (ip6[9] & 0xc0) != 0x80 || icmp6_sum(ip6, msg, len) != 0xffff)
		return RA_BAD;
	memset(out, 0, sizeof(*out));
	memcpy(out->src, ip6 + 8, 16);
	out->hop_limit = msg[4];
	out->flags = msg[5];
	out->router_lifetime = get16(msg + 6);
	for (size_t off = RA_HDR; off < len;) {
		const uint8_t *o = msg + off;
		size_t olen;
		int rc = RA_OK;

		if (len - off < 2 || o[1] == 0 || (olen = (size_t)o[1] * 8) > len - off)
			return RA_BAD;
		if (o[0] == OPT_PREFIX_INFO)
			rc = parse_prefix(o, out);
		else if (o[0] == OPT_RDNSS)
			rc = parse_rdnss(o, out);
		if (rc != RA_OK)
			return rc;
		off += olen;
	}
	return RA_OK;
}
