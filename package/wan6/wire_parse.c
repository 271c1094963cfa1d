/*
 * wire_parse.c - Advertise and Reply messages parsed (RFC 8415 sections
 * 8, 21). Every read is bounds checked against the enclosing option;
 * nothing is copied except addresses, lifetimes and names.
 */
#include <string.h>

#include "wire.h"

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* One option header at p[off..n): 0 with code/len/val, -1 if it does not
 * fit. */
static int next_option(const uint8_t *p, size_t n, size_t off,
		       uint16_t *code, uint16_t *len, const uint8_t **val)
{
	if (n - off < 4)
		return -1;
	*code = get16(p + off);
	*len = get16(p + off + 2);
	if (*len > n - off - 4)
		return -1;
	*val = p + off + 4;
	return 0;
}

static int take_duid(const uint8_t *val, uint16_t len, const uint8_t **ptr,
		     uint16_t *ptr_len)
{
	if (*ptr || len < DHCP6_DUID_MIN || len > DHCP6_DUID_MAX)
		return -1;
	*ptr = val;
	*ptr_len = len;
	return 0;
}

size_t wire_name_decode(const uint8_t *p, size_t n,
			char out[WIRE_NAME_MAX + 1])
{
	size_t off = 0, used = 0;

	while (off < n) {
		uint8_t l = p[off++];

		if (l == 0) {
			if (!used)
				return 0;	/* the root alone is no domain */
			out[used - 1] = '\0';
			return off;
		}
		if (l > 63 || l > n - off || used + l + 1 > WIRE_NAME_MAX + 1)
			return 0;
		for (uint8_t i = 0; i < l; i++) {
			uint8_t c = p[off + i];

			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			      (c >= '0' && c <= '9') || c == '-' || c == '_'))
				return 0;
			out[used++] = (char)c;
		}
		out[used++] = '.';
		off += l;
	}
	return 0;	/* no terminating root label */
}

static enum wire_result parse_status(const uint8_t *val, uint16_t len,
				     int *has, uint16_t *status)
{
	if (len < 2)
		return WIRE_BAD_STATUS;
	*has = 1;
	*status = get16(val);
	return WIRE_OK;
}

/* The options inside an IA_NA or IA_PD, after IAID, T1 and T2. */
static enum wire_result parse_ia(const uint8_t *p, size_t n, int pd,
				 struct wire_ia *ia)
{
	size_t off = 12;
	enum wire_result r;

	ia->t1 = get32(p + 4);
	ia->t2 = get32(p + 8);
	while (off < n) {
		uint16_t code, len;
		const uint8_t *val;

		if (next_option(p, n, off, &code, &len, &val) < 0)
			return WIRE_BAD_OPTION;
		off += 4u + len;
		if (code == DHCP6_OPT_STATUS_CODE) {
			r = parse_status(val, len, &ia->has_status, &ia->status);
			if (r != WIRE_OK)
				return r;
		} else if (!pd && code == DHCP6_OPT_IAADDR) {
			struct wire_addr a;

			if (len < 24)
				return WIRE_BAD_IAADDR;
			memcpy(a.addr, val, 16);
			a.preferred = get32(val + 16);
			a.valid = get32(val + 20);
			if (a.preferred > a.valid || ia->n >= WIRE_IA_MAX)
				ia->dropped++;
			else
				ia->addrs[ia->n++] = a;
		} else if (pd && code == DHCP6_OPT_IAPREFIX) {
			struct wire_prefix x;

			if (len < 25)
				return WIRE_BAD_IAADDR;
			x.preferred = get32(val);
			x.valid = get32(val + 4);
			x.len = val[8];
			memcpy(x.prefix, val + 9, 16);
			if (x.preferred > x.valid || x.len > 128 ||
			    ia->n >= WIRE_IA_MAX)
				ia->dropped++;
			else
				ia->prefixes[ia->n++] = x;
		}
		/* Options inside IAADDR/IAPREFIX (their own status) are
		 * skipped: a withdrawn binding says so with lifetime 0. */
	}
	if (!ia->has_status)
		ia->status = DHCP6_STATUS_SUCCESS;
	return WIRE_OK;
}

static enum wire_result take_ia(const uint8_t *val, uint16_t len, int pd,
				uint32_t iaid, struct wire_ia *ia)
{
	struct wire_ia tmp;
	enum wire_result r;

	if (len < 12)
		return WIRE_BAD_IA;
	memset(&tmp, 0, sizeof(tmp));
	r = parse_ia(val, len, pd, &tmp);
	if (r != WIRE_OK)
		return r;
	/* Another IAID is someone else's (or a server's mistake), and an IA
	 * with T1 > T2 > 0 is to be discarded (section 21.4, 21.21). */
	if (get32(val) != iaid || ia->present ||
	    (tmp.t1 && tmp.t2 && tmp.t1 > tmp.t2))
		return WIRE_OK;
	*ia = tmp;
	ia->present = 1;
	return WIRE_OK;
}

enum wire_result wire_parse(const uint8_t *p, size_t n, uint32_t iaid,
			    struct wire_msg *out)
{
	size_t off = 4;
	enum wire_result r = WIRE_OK;

	memset(out, 0, sizeof(*out));
	if (n < 4)
		return WIRE_SHORT;
	out->type = p[0];
	memcpy(out->xid, p + 1, 3);
	if (p[0] != DHCP6_ADVERTISE && p[0] != DHCP6_REPLY)
		return WIRE_NOT_FOR_CLIENT;
	while (off < n && r == WIRE_OK) {
		uint16_t code, len;
		const uint8_t *val;

		if (next_option(p, n, off, &code, &len, &val) < 0)
			return WIRE_BAD_OPTION;
		off += 4u + len;
		switch (code) {
		case DHCP6_OPT_CLIENTID:
			if (take_duid(val, len, &out->client_id,
				      &out->client_id_len) < 0)
				r = WIRE_BAD_DUID;
			break;
		case DHCP6_OPT_SERVERID:
			if (take_duid(val, len, &out->server_id,
				      &out->server_id_len) < 0)
				r = WIRE_BAD_DUID;
			break;
		case DHCP6_OPT_STATUS_CODE:
			r = parse_status(val, len, &out->has_status,
					 &out->status);
			break;
		case DHCP6_OPT_PREFERENCE:
			if (len != 1)
				r = WIRE_BAD_FIXED;
			else
				out->preference = val[0];
			break;
		case DHCP6_OPT_IA_NA:
			r = take_ia(val, len, 0, iaid, &out->na);
			break;
		case DHCP6_OPT_IA_PD:
			r = take_ia(val, len, 1, iaid, &out->pd);
			break;
		case DHCP6_OPT_DNS_SERVERS:
			if (len % 16) {
				r = WIRE_BAD_DNS;
				break;
			}
			for (uint16_t i = 0; i < len; i += 16) {
				if (out->n_dns < WIRE_DNS_MAX)
					memcpy(out->dns[out->n_dns++], val + i, 16);
				else
					out->dropped++;
			}
			break;
		case DHCP6_OPT_DOMAIN_LIST:
			/* The first name only: rad advertises one domain. */
			if (!out->domain[0] && len &&
			    !wire_name_decode(val, len, out->domain)) {
				out->domain[0] = '\0';
				out->dropped++;
			}
			break;
		case DHCP6_OPT_AFTR_NAME:
			if (!out->aftr[0] &&
			    wire_name_decode(val, len, out->aftr) != len) {
				out->aftr[0] = '\0';
				out->dropped++;
			}
			break;
		case DHCP6_OPT_INFO_REFRESH_TIME:
			if (len != 4)
				r = WIRE_BAD_FIXED;
			else
				out->info_refresh = get32(val);
			break;
		default:
			break;
		}
	}
	if (!out->has_status)
		out->status = DHCP6_STATUS_SUCCESS;
	return r;
}

const char *wire_result_name(enum wire_result r)
{
	switch (r) {
	case WIRE_OK: return "ok";
	case WIRE_SHORT: return "shorter than a header";
	case WIRE_BAD_OPTION: return "option runs past the end";
	case WIRE_BAD_DUID: return "bad DUID";
	case WIRE_BAD_IA: return "IA option too short";
	case WIRE_BAD_IAADDR: return "IA address or prefix too short";
	case WIRE_BAD_STATUS: return "status code too short";
	case WIRE_BAD_DNS: return "DNS servers not whole addresses";
	case WIRE_BAD_FIXED: return "fixed-size option of the wrong size";
	case WIRE_NOT_FOR_CLIENT: return "not a message for a client";
	}
	return "?";
}

const char *wire_type_name(uint8_t type)
{
	switch (type) {
	case DHCP6_SOLICIT: return "solicit";
	case DHCP6_ADVERTISE: return "advertise";
	case DHCP6_REQUEST: return "request";
	case DHCP6_RENEW: return "renew";
	case DHCP6_REBIND: return "rebind";
	case DHCP6_REPLY: return "reply";
	case DHCP6_DECLINE: return "decline";
	case DHCP6_INFORMATION_REQUEST: return "information-request";
	}
	return "other";
}

const char *wire_status_name(uint16_t status)
{
	switch (status) {
	case DHCP6_STATUS_SUCCESS: return "Success";
	case DHCP6_STATUS_UNSPEC_FAIL: return "UnspecFail";
	case DHCP6_STATUS_NO_ADDRS_AVAIL: return "NoAddrsAvail";
	case DHCP6_STATUS_NO_BINDING: return "NoBinding";
	case DHCP6_STATUS_NOT_ON_LINK: return "NotOnLink";
	case DHCP6_STATUS_USE_MULTICAST: return "UseMulticast";
	case DHCP6_STATUS_NO_PREFIX_AVAIL: return "NoPrefixAvail";
	}
	return "unknown status";
}
