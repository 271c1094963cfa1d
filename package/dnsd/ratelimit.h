/*
 * ratelimit.h - per-client token buckets in a bounded table.
 *
 * A client is its address (IPv4 mapped into 16 bytes). The table is a
 * fixed array probed in a short window; when the window is full the least
 * recently seen client there is forgotten (counted), so a flood of spoofed
 * sources costs a bounded amount of memory and time.
 */
#ifndef DNSD_RATELIMIT_H
#define DNSD_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ratelimit_client {
	uint8_t addr[16];
	bool used;
	uint32_t tokens_milli;		/* thousandths of a query */
	uint64_t last_ms;
};

struct ratelimit {
	struct ratelimit_client *clients;
	size_t size;			/* power of two */
	uint32_t rate, burst;		/* queries per second; 0 = off */
	uint64_t seed;
	uint64_t limited, forgotten;
};

/* Returns 0, or -1 on allocation failure. rate 0 disables limiting. */
int ratelimit_init(struct ratelimit *rl, size_t clients, uint32_t rate,
		   uint32_t burst, uint64_t seed);
void ratelimit_free(struct ratelimit *rl);
/* True if the client may be answered now; takes one token. */
bool ratelimit_allow(struct ratelimit *rl, const uint8_t addr[16],
		     uint64_t now_ms);

#endif /* DNSD_RATELIMIT_H */
