/*
 * client_quota.h - how many forwarded queries each client has waiting on
 * an upstream, capped, so one client asking for names whose servers never
 * answer (a random-subdomain flood) cannot fill the shared pending table
 * and leave everyone else with SERVFAIL (issue #14).
 *
 * A client is its full address (IPv4 mapped into 16 bytes). IPv6 is not
 * keyed by /64: on a LAN every SLAAC host shares the one /64, so a /64
 * key would put the whole LAN in one bucket and let one host starve the
 * rest. A host that spreads a flood over many source addresses (spoofed
 * IPv4 on the LAN, or many IPv6 addresses) is bounded by the pending
 * table itself and the upstream timeout, as before.
 *
 * The table is open addressing with linear probing and backward-shift
 * deletion; a slot exists only while its client has something pending.
 * It is sized for every waiter the pending table can hold at load 1/2,
 * so it never fills; should it (a bug), the query is refused and counted.
 */
#ifndef DNSD_CLIENT_QUOTA_H
#define DNSD_CLIENT_QUOTA_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

struct client_quota_slot {
	uint8_t addr[16];
	uint32_t pending;		/* 0: free slot */
};

struct client_quota {
	struct client_quota_slot *slots;
	size_t size;			/* power of two */
	uint32_t limit;			/* per client; 0: no cap */
	uint64_t seed;
	size_t clients;			/* with something pending */
	uint64_t refused;		/* queries over a client's cap */
	uint64_t table_full;		/* cannot happen when sized right */
};

/* waiters_max: the most waiters that can be pending at once (the pending
 * table's size times waiters per entry). Returns 0, or -1 on allocation
 * failure. */
int client_quota_init(struct client_quota *q, size_t waiters_max,
		      uint32_t limit, uint64_t seed);
void client_quota_free(struct client_quota *q);

/* The key of a client: IPv4 as ::ffff:a.b.c.d, IPv6 as is. */
void client_quota_key(const struct sockaddr *sa, uint8_t key[16]);

/* Takes one unit for addr. False, counted in refused (or table_full),
 * when the client already has limit queries pending. */
bool client_quota_take(struct client_quota *q, const uint8_t addr[16]);
/* Gives one unit back; the slot is freed when it reaches 0. */
void client_quota_put(struct client_quota *q, const uint8_t addr[16]);
/* What addr has pending now (for tests and the log). */
uint32_t client_quota_pending(const struct client_quota *q,
			      const uint8_t addr[16]);

#endif /* DNSD_CLIENT_QUOTA_H */
