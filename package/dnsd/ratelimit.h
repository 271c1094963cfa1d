/*
 * ratelimit.h - per-client token buckets in a bounded table.
 *
 * A client is its address (IPv4 mapped into 16 bytes). The table is a
 * fixed array probed in a short window; when the window is full the least
 * recently seen client there is forgotten (counted), so a flood of spoofed
 * sources costs a bounded amount of memory and time.
 *
 * The rate is kept as written, count queries per per_seconds (100/s, 30/m,
 * 1000/h): no rounding to a per-second integer, which would turn 30/m into
 * 0 or 1/s.
 */
#ifndef DNSD_RATELIMIT_H
#define DNSD_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ratelimit_client {
	uint8_t addr[16];
	bool used;
	uint64_t credit;		/* in units of struct ratelimit */
	uint64_t last_ms;
};

struct ratelimit {
	struct ratelimit_client *clients;
	size_t size;			/* power of two */
	uint32_t count, per_seconds;	/* count queries per period; 0 = off */
	uint32_t burst;			/* queries a client may send at once */
	/* A query costs per_seconds * 1000 units and a millisecond earns
	 * count units: exact integer refill at any rate (for N/s a unit is
	 * a thousandth of a query). cap = burst queries' worth. */
	uint64_t cost, cap;
	uint64_t seed;
	uint64_t limited, forgotten;
};

/* Returns 0, or -1 on allocation failure. count 0 disables limiting;
 * per_seconds 0 means 1; burst 0 means count. */
int ratelimit_init(struct ratelimit *rl, size_t clients, uint32_t count,
		   uint32_t per_seconds, uint32_t burst, uint64_t seed);
void ratelimit_free(struct ratelimit *rl);
/* True if the client may be answered now; takes one token. */
bool ratelimit_allow(struct ratelimit *rl, const uint8_t addr[16],
		     uint64_t now_ms);

#endif /* DNSD_RATELIMIT_H */
