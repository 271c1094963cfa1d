/*
 * upstream_list.h - the upstream servers file (-F): one ADDR[:PORT] per
 * line, as the WAN's DHCP script writes /run/keel/wan-dns.
 */
#ifndef DNSD_UPSTREAM_LIST_H
#define DNSD_UPSTREAM_LIST_H

#include <stddef.h>

#include "options.h"

/*
 * Pure: parses buf[0..len) into out[0..max). Blank lines and '#' comments
 * are skipped; a line that is not an address, or one past max, is counted
 * in *bad and skipped (one bad line must not cost the others). Returns the
 * number of servers stored.
 */
size_t upstream_list_parse(const char *buf, size_t len, struct endpoint *out,
			   size_t max, size_t *bad);

#endif /* DNSD_UPSTREAM_LIST_H */
