/*
 * rebind.h - DNS rebinding protection: an upstream answer that gives a
 * public name a private address (RFC 1918, CGNAT, ULA, loopback,
 * link-local, unspecified, and those inside IPv4-mapped, -compatible and
 * NAT64 IPv6 forms) lets a web page on that name reach devices on the LAN
 * with the browser's same-origin checks passed. dnsd drops such answers
 * unless the name is under an allow-listed domain (a company's split DNS).
 *
 * Names dnsd answers itself (its domain, [dns] host, lease names) never
 * go upstream and are not filtered. Only the answer section is checked:
 * it is what a stub resolver hands to applications.
 *
 * Pure functions over a reply's bytes: no I/O, no globals.
 */
#ifndef DNSD_REBIND_H
#define DNSD_REBIND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "dns_wire.h"

/* True for addresses a public name must not resolve to. */
bool rebind_private_v4(const uint8_t a[4]);
bool rebind_private_v6(const uint8_t a[16]);

/*
 * Counts the A and AAAA records in the answer section of msg (already
 * parsed into m by dns_parse) whose address is private. The first one's
 * address goes to first (16 bytes; an IPv4 address in its first 4) and
 * its family, 4 or 6, to *family, when the count is not 0. A record
 * that cannot be read stops the walk (dns_parse has already refused such
 * messages; this never reads out of bounds either way).
 */
unsigned rebind_scan(const uint8_t *msg, size_t len, const struct dns_msg *m,
		     uint8_t first[16], int *family);

/* True if name (text, any case, no trailing dot) is one of the domains
 * or under one: "corp.example" allows "corp.example" and
 * "x.corp.example", not "xcorp.example". */
bool rebind_name_allowed(const char *name, const char *const *domains,
			 size_t ndomains);

#endif /* DNSD_REBIND_H */
