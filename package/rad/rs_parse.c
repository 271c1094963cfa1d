/*
 * rs_parse.c - Router Solicitation validation (RFC 4861 section 6.1.1).
 * The kernel has checked the ICMPv6 checksum before a raw socket sees the
 * packet; everything else is checked here.
 */
#include <string.h>

#include "ra_wire.h"

int nd_options_check(const uint8_t *p, size_t n, size_t off)
{
	while (off < n) {
		size_t len;

		if (n - off < 2)
			return -1;
		len = (size_t)p[off + 1] * 8;
		if (!len || len > n - off)
			return -1;
		off += len;
	}
	return 0;
}

enum rs_error rs_parse(const uint8_t *p, size_t n, int hop_limit,
		       int src_unspecified, struct rs_msg *out)
{
	size_t off = 8;

	memset(out, 0, sizeof(*out));
	if (n < 8)
		return RS_SHORT;
	if (p[0] != ND_ROUTER_SOLICIT_TYPE)
		return RS_NOT_RS;
	if (p[1] != 0)
		return RS_BAD_CODE;
	if (hop_limit >= 0 && hop_limit != 255)
		return RS_BAD_HOPLIMIT;
	if (nd_options_check(p, n, off) < 0)
		return RS_BAD_OPTION;
	while (off < n) {
		size_t len = (size_t)p[off + 1] * 8;

		if (p[off] == ND_OPT_SOURCE_LLADDR) {
			if (src_unspecified)
				return RS_SLLAO_UNSPEC;
			/* Ethernet: 6 bytes of address in an 8-byte option. */
			out->has_sllao = 1;
			memcpy(out->sllao, p + off + 2, 6);
		}
		/* Unknown options are ignored (section 4.6). */
		off += len;
	}
	return RS_OK;
}

const char *rs_error_name(enum rs_error e)
{
	switch (e) {
	case RS_OK: return "ok";
	case RS_SHORT: return "shorter than 8 bytes";
	case RS_NOT_RS: return "not a router solicitation";
	case RS_BAD_CODE: return "code not 0";
	case RS_BAD_HOPLIMIT: return "hop limit not 255";
	case RS_BAD_OPTION: return "malformed option";
	case RS_SLLAO_UNSPEC: return "link-layer option from ::";
	}
	return "?";
}
