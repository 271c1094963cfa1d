/*
 * dhcp6_parse.c - DHCPv6 client messages parsed (RFC 8415 section 8 and
 * 21) and the stateless server's choice of what to answer (section
 * 16.12). Every read is bounds checked against n; nothing is copied.
 */
#include <string.h>

#include "dhcp6_wire.h"

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* A DUID option may appear once and must hold a DUID of legal length. */
static int take_duid(const uint8_t *val, uint16_t len, const uint8_t **ptr,
		     uint16_t *ptr_len)
{
	if (*ptr || len < DHCP6_DUID_MIN || len > DHCP6_DUID_MAX)
		return -1;
	*ptr = val;
	*ptr_len = len;
	return 0;
}

enum dhcp6_result dhcp6_parse(const uint8_t *p, size_t n,
			      struct dhcp6_msg *out)
{
	size_t off = 4;

	memset(out, 0, sizeof(*out));
	if (n < 4)
		return DHCP6_SHORT;
	out->type = p[0];
	memcpy(out->xid, p + 1, 3);
	/* Relay messages have another header (section 9); a relay on this
	 * link would be serving another link, which rad does not. */
	if (p[0] == DHCP6_RELAY_FORW || p[0] == DHCP6_RELAY_REPL)
		return DHCP6_RELAYED;
	while (off < n) {
		uint16_t code, len;
		const uint8_t *val;

		if (n - off < 4)
			return DHCP6_BAD_OPTION;
		code = get16(p + off);
		len = get16(p + off + 2);
		if (len > n - off - 4)
			return DHCP6_BAD_OPTION;
		val = p + off + 4;
		switch (code) {
		case DHCP6_OPT_CLIENTID:
			if (take_duid(val, len, &out->client_id,
				      &out->client_id_len) < 0)
				return DHCP6_BAD_DUID;
			break;
		case DHCP6_OPT_SERVERID:
			if (take_duid(val, len, &out->server_id,
				      &out->server_id_len) < 0)
				return DHCP6_BAD_DUID;
			break;
		case DHCP6_OPT_IA_NA:
		case DHCP6_OPT_IA_TA:
		case DHCP6_OPT_IA_PD:
			out->has_ia = 1;
			break;
		case DHCP6_OPT_ORO:
			if (len % 2)
				return DHCP6_BAD_ORO;
			out->has_oro = 1;
			for (uint16_t i = 0; i < len; i += 2) {
				uint16_t want = get16(val + i);

				out->want_dns |= want == DHCP6_OPT_DNS_SERVERS;
				out->want_domains |=
					want == DHCP6_OPT_DOMAIN_LIST;
				out->want_refresh |=
					want == DHCP6_OPT_INFO_REFRESH_TIME;
			}
			break;
		default:
			/* Elapsed Time, Vendor Class, unknown: not needed
			 * for the answer, and unknown is legal (16). */
			break;
		}
		off += 4 + (size_t)len;
	}
	return DHCP6_ANSWER;
}

enum dhcp6_result dhcp6_verdict(const struct dhcp6_msg *m,
				const struct dhcp6_server *srv)
{
	if (m->type != DHCP6_INFORMATION_REQUEST)
		return DHCP6_OTHER_TYPE;
	if (m->has_ia)
		return DHCP6_HAS_IA;
	if (m->server_id && (m->server_id_len != sizeof(srv->duid) ||
			     memcmp(m->server_id, srv->duid,
				    sizeof(srv->duid))))
		return DHCP6_OTHER_SERVER;
	return DHCP6_ANSWER;
}

const char *dhcp6_result_name(enum dhcp6_result r)
{
	switch (r) {
	case DHCP6_ANSWER: return "ok";
	case DHCP6_SHORT: return "shorter than 4 bytes";
	case DHCP6_BAD_OPTION: return "malformed option";
	case DHCP6_BAD_DUID: return "bad or repeated client/server id";
	case DHCP6_BAD_ORO: return "option request of odd length";
	case DHCP6_RELAYED: return "relayed, not served";
	case DHCP6_OTHER_TYPE: return "not an information-request, ignored";
	case DHCP6_HAS_IA: return "asks for addresses or prefixes, ignored";
	case DHCP6_OTHER_SERVER: return "for another server, ignored";
	}
	return "?";
}

const char *dhcp6_type_name(uint8_t type)
{
	static const char *const names[] = {
		"type 0", "solicit", "advertise", "request", "confirm",
		"renew", "rebind", "reply", "release", "decline",
		"reconfigure", "information-request", "relay-forward",
		"relay-reply",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] :
	       "unknown type";
}
