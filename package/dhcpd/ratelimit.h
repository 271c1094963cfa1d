/*
 * ratelimit.h - starvation defence: token buckets per MAC and in total, in
 * a fixed table (a flood of random MACs evicts entries, it cannot grow it).
 * Times are monotonic milliseconds.
 */
#ifndef DHCPD_RATELIMIT_H
#define DHCPD_RATELIMIT_H

#include <stdint.h>

#define RATELIMIT_SLOTS 256

struct ratelimit_bucket {
	uint8_t mac[6];
	uint8_t used;
	uint32_t tokens_milli;	/* thousandths of a packet */
	uint64_t last_ms;
};

struct ratelimit {
	uint32_t per_mac_rate, per_mac_burst;	/* packets/s, packets */
	uint32_t total_rate, total_burst;
	struct ratelimit_bucket total;
	struct ratelimit_bucket slots[RATELIMIT_SLOTS];
	uint64_t dropped_mac, dropped_total;
};

/* Rates in packets per second; 0 disables that limit. */
void ratelimit_init(struct ratelimit *rl, uint32_t per_mac_rate,
		    uint32_t per_mac_burst, uint32_t total_rate,
		    uint32_t total_burst);
/* 1 if a packet from mac may be served now, 0 if it is dropped. */
int ratelimit_allow(struct ratelimit *rl, const uint8_t mac[6],
		    uint64_t now_ms);

/* For log lines that could flood: 1 at most once per interval_ms. */
int ratelimit_log_ok(uint64_t *last_ms, uint64_t now_ms,
		     uint64_t interval_ms);

#endif /* DHCPD_RATELIMIT_H */
