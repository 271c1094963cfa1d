/*
 * stats_file.c - the stats file `keel status` reads (stats_file.h).
 */
#include <stdio.h>

#include "keel/atomic_file.h"

#include "server.h"
#include "stats_file.h"

int stats_format(const struct server_stats *st, const struct cache *cache,
		 uint64_t written_ms, char *buf, size_t size)
{
	int n = snprintf(buf, size,
			 "queries %llu\n"
			 "cached %llu\n"
			 "forwarded %llu\n"
			 "local %llu\n"
			 "blocked %llu\n"
			 "limited %llu\n"
			 "servfail %llu\n"
			 "capped %llu\n"
			 "rebind-blocked %llu\n"
			 "cache-entries %u\n"
			 "cache-capacity %u\n"
			 "written-ms %llu\n",
			 (unsigned long long)st->queries,
			 (unsigned long long)st->cached,
			 (unsigned long long)st->forwarded,
			 (unsigned long long)st->local,
			 (unsigned long long)st->blocked,
			 (unsigned long long)st->limited,
			 (unsigned long long)st->servfail,
			 (unsigned long long)st->capped,
			 (unsigned long long)st->rebind_blocked,
			 cache->used, cache->capacity,
			 (unsigned long long)written_ms);

	if (n < 0 || (size_t)n >= size) {
		if (size)
			buf[0] = '\0';
		return -1;
	}
	return n;
}

int stats_write(const char *path, const char *text, size_t len)
{
	struct atomic_file f;

	if (atomic_open(&f, path, 0644) < 0)
		return -1;
	atomic_write(&f, text, len);
	return atomic_commit(&f);
}
