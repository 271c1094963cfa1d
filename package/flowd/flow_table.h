/*
 * flow_table.h - the flows being counted: a fixed number of preallocated
 * entries, a chained hash index over them, and three intrusive lists that
 * make every expiry O(1) per flow expired:
 *   open     flows by last packet, oldest first (idle timeout, eviction)
 *   closing  flows that saw TCP FIN or RST, by last packet (short linger)
 *   age      every flow by first packet (active timeout)
 * Pure: time is passed in, nothing is allocated after ft_init().
 */
#ifndef FLOWD_FLOW_TABLE_H
#define FLOWD_FLOW_TABLE_H

#include <stdbool.h>
#include <stdint.h>

#define FT_NIL UINT32_MAX

/* Compared with memcmp: whoever fills one zeroes it first. */
struct flow_key {
	uint8_t src[16], dst[16];
	uint16_t sport, dport;
	uint8_t proto;
	uint8_t family;		/* 4 or 6 */
	uint8_t iface;		/* capture interface slot */
	uint8_t pad;
};

struct flow {
	struct flow_key key;
	uint64_t packets, bytes;
	uint64_t first_ms, last_ms;
	uint32_t hnext;		/* hash chain, or free list */
	uint32_t idle_prev, idle_next;	/* open or closing list */
	uint32_t age_prev, age_next;
	uint8_t tcp_flags;	/* OR of every packet's */
	uint8_t tos;		/* of the first packet */
	uint8_t closing;	/* on the closing list */
	uint8_t used;
};

enum ft_reason {
	FT_IDLE,	/* no packet for the idle timeout */
	FT_ACTIVE,	/* alive longer than the active timeout */
	FT_TCP_END,	/* FIN or RST seen, linger over */
	FT_EVICTED,	/* table full: made room for a new flow */
	FT_FLUSH,	/* shutdown or end of file */
	FT_NREASONS
};

struct flow_table;
typedef void (*ft_expire_cb)(void *arg, const struct flow *f,
			     enum ft_reason why);

struct ft_list {
	uint32_t head, tail;
};

struct flow_table {
	struct flow *flows;	/* max entries */
	uint32_t *buckets;	/* nbuckets heads */
	uint32_t max, nbuckets, count;
	uint32_t free_head;
	struct ft_list open, closing, age;
	uint64_t seed;
	uint64_t idle_ms, active_ms, linger_ms;
	ft_expire_cb expire;
	void *expire_arg;
	uint64_t expired[FT_NREASONS];
	uint64_t created;
};

/* Allocates the table once. Returns 0, or -1 (max 0 or out of memory). */
int ft_init(struct flow_table *t, uint32_t max, uint64_t seed,
	    ft_expire_cb expire, void *arg);
void ft_free(struct flow_table *t);

/*
 * Counts one packet into its flow, creating it if new (and, when the
 * table is full, first evicting the least recently seen flow through the
 * expire callback). A packet with FIN or RST moves the flow to the
 * closing list. Never fails.
 */
void ft_count(struct flow_table *t, const struct flow_key *k, uint64_t now_ms,
	      uint32_t bytes, uint8_t tcp_flags, uint8_t tos);

/* Expires every flow whose timeout has passed at now_ms. */
void ft_expire(struct flow_table *t, uint64_t now_ms);
/* Expires every flow, reason FT_FLUSH. */
void ft_flush(struct flow_table *t);

/* Pure hash of a key under a seed (exposed for tests). */
uint32_t ft_hash(const struct flow_key *k, uint64_t seed);

#endif /* FLOWD_FLOW_TABLE_H */
