/*
 * pool_status.c - the pool's counts for keel status (pool_status.h).
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "keel/atomic_file.h"

#include "pool_status.h"

void pool_status_count(const struct lease_db *db, int64_t now,
		       struct pool_status *out)
{
	memset(out, 0, sizeof(*out));
	out->first = db->first;
	out->last = db->count ? db->first + db->count - 1 : db->first;
	out->statics = db->static_count;
	for (uint32_t i = 0; i < db->count; i++) {
		const struct lease *l = &db->slots[i];
		int live = l->expires > now;

		if (l->state == LEASE_BOUND && live)
			out->leases++;
		else if (l->state == LEASE_OFFERED && live)
			out->offered++;
		else if (l->state == LEASE_DECLINED && live)
			out->declined++;
		/* As lease_db's slot_free: a static address is its client's. */
		else if (!l->is_static)
			out->free++;
	}
}

int pool_status_format(const struct pool_status *st, uint64_t written_ms,
		       char *buf, size_t size)
{
	struct in_addr first = { htonl(st->first) }, last = { htonl(st->last) };
	char a[INET_ADDRSTRLEN], b[INET_ADDRSTRLEN];
	int n;

	inet_ntop(AF_INET, &first, a, sizeof(a));
	inet_ntop(AF_INET, &last, b, sizeof(b));
	n = snprintf(buf, size,
		     "pool %s-%s\n"
		     "leases %u\n"
		     "offered %u\n"
		     "free %u\n"
		     "declined %u\n"
		     "static %u\n"
		     "written-ms %llu\n",
		     a, b, st->leases, st->offered, st->free, st->declined,
		     st->statics, (unsigned long long)written_ms);
	if (n < 0 || (size_t)n >= size) {
		if (size)
			buf[0] = '\0';
		return -1;
	}
	return n;
}

int pool_status_write(const char *path, const char *text, size_t len)
{
	struct atomic_file f;

	if (atomic_open(&f, path, 0644) < 0)
		return -1;
	atomic_write(&f, text, len);
	return atomic_commit(&f);
}
