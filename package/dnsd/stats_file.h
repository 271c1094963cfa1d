/*
 * stats_file.h - dnsd's counters as a small file of "key value" lines,
 * rewritten every DNSD_STATS_INTERVAL_MS, for `keel status` (a shell
 * script: it cannot send dnsd a signal and read the log).
 */
#ifndef DNSD_STATS_FILE_H
#define DNSD_STATS_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "keel/paths.h"

/* With -C and no -W. Nothing else makes /run/dnsd: dnsd makes it while
 * still root and gives it to the user it drops to (main.c). */
#define DNSD_STATS_DIR		"/run/dnsd"
#define DNSD_STATS_FILE		KEEL_DNSD_STATS	/* keel status reads it */
#define DNSD_STATS_INTERVAL_MS	10000

struct server_stats;
struct cache;

/*
 * Pure: the file's text into buf, one "key value" line each for queries,
 * cached (cache hits), forwarded, local, blocked, limited, servfail,
 * capped (SERVFAIL: the client had its cap of queries pending upstream),
 * rebind-blocked (upstream answers with private addresses dropped),
 * cache-entries (in use), cache-capacity and written-ms (CLOCK_BOOTTIME
 * milliseconds, the clock of /proc/uptime, so a reader can tell a stale
 * file). Returns the length, or -1 if it does not fit in size (buf then
 * holds no partial text: "").
 */
int stats_format(const struct server_stats *st, const struct cache *cache,
		 uint64_t written_ms, char *buf, size_t size);

/* Replaces path with text atomically (keel/atomic_file.h). Returns 0, or
 * -1 with errno set. */
int stats_write(const char *path, const char *text, size_t len);

#endif /* DNSD_STATS_FILE_H */
