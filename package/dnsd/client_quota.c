/*
 * client_quota.c - forwarded queries pending per client (client_quota.h).
 */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "client_quota.h"

int client_quota_init(struct client_quota *q, size_t waiters_max,
		      uint32_t limit, uint64_t seed)
{
	size_t size = 16;

	memset(q, 0, sizeof(*q));
	q->limit = limit;
	q->seed = seed;
	while (size < 2 * waiters_max && size < ((size_t)1 << 24))
		size <<= 1;
	q->slots = calloc(size, sizeof(*q->slots));
	if (!q->slots)
		return -1;
	q->size = size;
	return 0;
}

void client_quota_free(struct client_quota *q)
{
	free(q->slots);
	q->slots = NULL;
	q->size = 0;
}

void client_quota_key(const struct sockaddr *sa, uint8_t key[16])
{
	memset(key, 0, 16);
	if (sa->sa_family == AF_INET) {
		key[10] = key[11] = 0xff;
		memcpy(key + 12,
		       &((const struct sockaddr_in *)(const void *)sa)->sin_addr, 4);
	} else if (sa->sa_family == AF_INET6) {
		memcpy(key,
		       &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr, 16);
	}
}

/* Seeded: a client cannot pick addresses that collide on purpose. */
static size_t home(const struct client_quota *q, const uint8_t addr[16])
{
	uint64_t h = 0xcbf29ce484222325ull ^ q->seed;

	for (int i = 0; i < 16; i++)
		h = (h ^ addr[i]) * 0x100000001b3ull;
	h ^= h >> 29;
	return (size_t)h & (q->size - 1);
}

/* The slot of addr, or the free slot where it would go; NULL if the
 * probe went round the whole table. */
static struct client_quota_slot *find(const struct client_quota *q,
				      const uint8_t addr[16])
{
	size_t i = home(q, addr), n;

	for (n = 0; n < q->size; n++, i = (i + 1) & (q->size - 1)) {
		struct client_quota_slot *s = &q->slots[i];

		if (s->pending == 0 || memcmp(s->addr, addr, 16) == 0)
			return s;
	}
	return NULL;
}

bool client_quota_take(struct client_quota *q, const uint8_t addr[16])
{
	struct client_quota_slot *s = find(q, addr);

	if (!s || (s->pending == 0 && q->clients + 1 >= q->size)) {
		q->table_full++;
		return false;
	}
	if (q->limit && s->pending >= q->limit) {
		q->refused++;
		return false;
	}
	if (s->pending == 0) {
		memcpy(s->addr, addr, 16);
		q->clients++;
	}
	s->pending++;
	return true;
}

void client_quota_put(struct client_quota *q, const uint8_t addr[16])
{
	struct client_quota_slot *s = find(q, addr);
	size_t hole, i;

	if (!s || s->pending == 0)
		return;		/* never taken: nothing to give back */
	if (--s->pending)
		return;
	q->clients--;
	/* Backward-shift deletion: move up every later entry of the run
	 * that may sit in the hole, so probes never stop early. */
	hole = (size_t)(s - q->slots);
	i = hole;
	for (;;) {
		size_t h;

		i = (i + 1) & (q->size - 1);
		if (q->slots[i].pending == 0)
			break;
		h = home(q, q->slots[i].addr);
		/* Stays if its home lies cyclically in (hole, i]. */
		if (hole <= i ? (h > hole && h <= i) : (h > hole || h <= i))
			continue;
		q->slots[hole] = q->slots[i];
		q->slots[i].pending = 0;
		hole = i;
	}
}

uint32_t client_quota_pending(const struct client_quota *q,
			      const uint8_t addr[16])
{
	const struct client_quota_slot *s = find(q, addr);

	return s && s->pending ? s->pending : 0;
}
