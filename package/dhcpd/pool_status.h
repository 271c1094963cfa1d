/*
 * pool_status.h - how full a pool is, as a small file of "key value"
 * lines for `keel status` (a shell script): /run/dhcpd/LAN.status beside
 * the LAN's hosts file, rewritten every POOL_STATUS_INTERVAL_MS and soon
 * after the leases change.
 */
#ifndef DHCPD_POOL_STATUS_H
#define DHCPD_POOL_STATUS_H

#include <stddef.h>
#include <stdint.h>

#include "lease_db.h"

/* printf with the LAN's name, as KEEL_DHCPD_HOSTS_FMT (keel/paths.h). */
#include "keel/paths.h"

#define DHCPD_STATUS_FMT		KEEL_DHCPD_STATUS_FMT
#define POOL_STATUS_INTERVAL_MS		10000
/* After a change, at most one write per this: a storm of clients costs
 * one write a second, not one per packet. */
#define POOL_STATUS_MIN_GAP_MS		1000

struct pool_status {
	uint32_t first, last;		/* the pool */
	uint32_t leases;		/* bound, not run out */
	uint32_t offered;		/* held for a client, not run out */
	uint32_t free;			/* anyone's for the asking */
	uint32_t declined;		/* in use by someone unknown */
	uint32_t statics;		/* static leases configured */
};

/* Pure: counts the pool at now (wall seconds, as the lease table). Static
 * addresses outside the pool are in statics only; a static address in
 * the pool is in leases while bound and never in free. */
void pool_status_count(const struct lease_db *db, int64_t now,
		       struct pool_status *out);

/*
 * Pure: the file's text into buf: "pool FIRST-LAST", then leases,
 * offered, free, declined, static, and written-ms (CLOCK_BOOTTIME
 * milliseconds, the clock of /proc/uptime, so a reader can tell a stale
 * file), one "key value" line each. Returns the length, or -1 if it does
 * not fit in size (buf then holds "").
 */
int pool_status_format(const struct pool_status *st, uint64_t written_ms,
		       char *buf, size_t size);

/* Replaces path with text atomically (keel/atomic_file.h). Returns 0, or
 * -1 with errno set. */
int pool_status_write(const char *path, const char *text, size_t len);

#endif /* DHCPD_POOL_STATUS_H */
