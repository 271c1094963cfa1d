/*
 * rebind.c - private answers to public names (rebind.h).
 */
#include <string.h>
#include <strings.h>

#include "rebind.h"

bool rebind_private_v4(const uint8_t a[4])
{
	return a[0] == 0 ||				/* 0.0.0.0/8 */
	       a[0] == 10 ||				/* 10/8 */
	       a[0] == 127 ||				/* loopback */
	       (a[0] == 100 && (a[1] & 0xc0) == 64) ||	/* CGNAT 100.64/10 */
	       (a[0] == 169 && a[1] == 254) ||		/* link-local */
	       (a[0] == 172 && (a[1] & 0xf0) == 16) ||	/* 172.16/12 */
	       (a[0] == 192 && a[1] == 168);		/* 192.168/16 */
}

bool rebind_private_v6(const uint8_t a[16])
{
	static const uint8_t mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
					    0xff, 0xff };
	static const uint8_t compat[12];	/* ::/96, :: and ::1 too */
	static const uint8_t nat64[12] = { 0, 0x64, 0xff, 0x9b };

	/* An IPv4 address inside: judged as that address (a NAT64
	 * gateway would carry 64:ff9b::192.168.1.1 into the LAN). */
	if (memcmp(a, mapped, 12) == 0 || memcmp(a, compat, 12) == 0 ||
	    memcmp(a, nat64, 12) == 0)
		return rebind_private_v4(a + 12);
	return (a[0] & 0xfe) == 0xfc ||			/* ULA fc00::/7 */
	       (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) ||	/* fe80::/10 */
	       (a[0] == 0xfe && (a[1] & 0xc0) == 0xc0);	/* fec0::/10 */
}

unsigned rebind_scan(const uint8_t *msg, size_t len, const struct dns_msg *m,
		     uint8_t first[16], int *family)
{
	size_t pos = m->question_end;
	unsigned i, found = 0;

	for (i = 0; i < m->ancount; i++) {
		uint8_t name[DNS_NAME_MAX];
		size_t name_len, next, rd, rdlen;
		uint16_t type, klass;
		bool bad = false;

		if (pos > len ||
		    dns_name_read(msg, len, pos, name, &name_len, &next) ||
		    len - next < 10)
			break;
		type = dns_get16(msg + next);
		klass = dns_get16(msg + next + 2);
		rdlen = dns_get16(msg + next + 8);
		rd = next + 10;
		if (len - rd < rdlen)
			break;
		pos = rd + rdlen;
		if (klass != DNS_C_IN)
			continue;
		if (type == DNS_T_A && rdlen == 4)
			bad = rebind_private_v4(msg + rd);
		else if (type == DNS_T_AAAA && rdlen == 16)
			bad = rebind_private_v6(msg + rd);
		if (!bad)
			continue;
		if (found++ == 0) {
			memset(first, 0, 16);
			memcpy(first, msg + rd, rdlen);
			*family = type == DNS_T_A ? 4 : 6;
		}
	}
	return found;
}

bool rebind_name_allowed(const char *name, const char *const *domains,
			 size_t ndomains)
{
	size_t n = strlen(name), i;

	for (i = 0; i < ndomains; i++) {
		size_t d = strlen(domains[i]);

		if (d == 0 || d > n)
			continue;
		if (strcasecmp(name + n - d, domains[i]) == 0 &&
		    (n == d || name[n - d - 1] == '.'))
			return true;
	}
	return false;
}
