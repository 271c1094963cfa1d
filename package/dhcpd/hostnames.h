/*
 * hostnames.h - the hosts-format file ("ADDR NAME" lines) that tells the
 * DNS daemon which names the DHCP clients gave.
 */
#ifndef DHCPD_HOSTNAMES_H
#define DHCPD_HOSTNAMES_H

#include <stddef.h>
#include <stdint.h>

#include "lease_db.h"

/*
 * Copies a client-supplied name into out as one lower-case DNS label
 * (letters, digits, inner hyphens, at most 63): the part before the first
 * dot. Anything else yields "" (the name is not published), so a hostile
 * name cannot add lines or fields to the hosts file. Returns strlen(out).
 */
size_t hostname_sanitize(const char *in, char *out, size_t size);

/* One line, "ADDR NAME[.DOMAIN] NAME\n" (the short name second). Returns
 * its length, or 0 if it does not fit. */
size_t hosts_line(uint32_t ip, const char *name, const char *domain,
		  char *buf, size_t size);

/* Writes the hosts file atomically: static leases with names, then bound,
 * unexpired pool leases with names. Returns 0, or -1 with errno set. */
int hosts_write(const char *path, const struct lease_db *db,
		const char *domain, int64_t now);

/* When the hosts file next goes stale: the earliest expiry after now of a
 * named pool lease, or 0 if none. */
int64_t hosts_next_expiry(const struct lease_db *db, int64_t now);

#endif /* DHCPD_HOSTNAMES_H */
