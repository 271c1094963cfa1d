/*
 * lease.h - /run/wan6/lease, the text rad (and keel status) read. One
 * "key value..." per line, unknown keys ignored by readers:
 *
 *   wan6 1
 *   iface ppp0
 *   state bound
 *   updated-ms 123456
 *   address 2001:db8:0:1::1000/128 PREF_UNTIL_MS VALID_UNTIL_MS
 *   prefix 2001:db8:100::/56 PREF_UNTIL_MS VALID_UNTIL_MS
 *   dns 2001:db8:0:1::53
 *   domain example.com
 *   aftr gw.transix.jp
 *   lan NAME 2001:db8:100:1::/64 PREF_UNTIL_MS VALID_UNTIL_MS
 *   deprecated NAME 2001:db8:200:1::/64 0 VALID_UNTIL_MS
 *
 * Times are absolute CLOCK_BOOTTIME milliseconds; an infinite lifetime is
 * written as 18446744073709551615 (UINT64_MAX).
 */
#ifndef WAN6_LEASE_H
#define WAN6_LEASE_H

#include <stddef.h>
#include <stdint.h>

#include "engine.h"

#define LEASE_TEXT_MAX	8192

/* Pure. Returns the length written (NUL-terminated), or 0 if it did not
 * fit in size. */
size_t lease_format(const struct engine *e, const char *ifname,
		    uint64_t now_ms, char *buf, size_t size);

#endif /* WAN6_LEASE_H */
