/*
 * forward.h - queries sent upstream and the clients waiting for them.
 *
 * Lessons from DNSpooq (dnsmasq, 2021): every upstream query gets its own
 * socket on a random source port and a random ID; a reply counts only if
 * its source address and port, ID and question all match; the table of
 * pending queries is bounded, and a second client asking the same
 * question joins the first query instead of sending another (a duplicate
 * would give a spoofer two chances).
 */
#ifndef DNSD_FORWARD_H
#define DNSD_FORWARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "keel/evloop.h"

#include "client_quota.h"
#include "dns_wire.h"
#include "options.h"

#define FWD_WAITERS_MAX		8	/* clients sharing one question */
#define FWD_DEAD_AFTER		3	/* consecutive failures */
#define FWD_DEAD_MS		30000	/* before a dead upstream is retried */

struct upstream {
	struct endpoint addr;
	unsigned fails;			/* consecutive timeouts/errors */
	uint64_t dead_until_ms;
	uint64_t sent, answered, timeouts, rejected, tcp_retries;
};

struct tcp_client;

struct fwd_waiter {
	struct sockaddr_storage addr;
	socklen_t addr_len;
	uint8_t client[16];		/* its client_quota key */
	int reply_fd;			/* UDP listener the query came in on */
	struct tcp_client *tcp;		/* or the TCP connection */
	uint32_t tcp_gen;		/* connection reused since? */
	uint16_t id;
	uint16_t flags;			/* the client's RD and CD */
	uint16_t udp_size;
	bool edns;
	uint8_t name[DNS_NAME_MAX];	/* the client's spelling */
	uint64_t start_ms;
};

enum fwd_state { FWD_FREE, FWD_UDP, FWD_TCP_CONNECT, FWD_TCP_WRITE, FWD_TCP_READ };

struct fwd_pending {
	enum fwd_state state;
	struct dns_question q;		/* lowercased */
	uint16_t id;
	int fd;
	unsigned upstream;		/* index into the table's upstreams */
	unsigned tries;
	uint32_t tried_mask;		/* upstreams asked so far */
	struct fwd_waiter waiters[FWD_WAITERS_MAX];
	unsigned nwaiters;
	/* TCP retry after a truncated UDP reply: length-prefixed I/O. */
	uint8_t *tcp_buf;
	size_t tcp_len, tcp_done;
	struct evloop_fd watch;
	struct evloop_timer timer;
};

struct fwd_stats {
	uint64_t queries, coalesced, table_full, waiters_full, client_full;
	uint64_t timeouts, rejected, servfail;
};

struct fwd_table {
	struct fwd_pending *pending;
	size_t max, used;
	struct upstream upstreams[DNSD_UPSTREAM_MAX];
	unsigned nupstreams;
	struct fwd_stats stats;
	/* Waiters per client: one client cannot hold the whole table. */
	struct client_quota quota;
};

/* client_max: queries one client may have pending (0: no cap); seed
 * keys the client table's hash. */
int fwd_init(struct fwd_table *t, size_t max, uint32_t client_max,
	     uint64_t seed, const struct endpoint *ups, size_t nups);
void fwd_free(struct fwd_table *t);
/* Replaces the upstream list (the WAN's servers changed). A server that
 * stays keeps its counters and dead/alive state; the rest start fresh.
 * Queries in flight to a server that left time out and fail over. Returns
 * 1 if the list changed, else 0. */
int fwd_set_upstreams(struct fwd_table *t, const struct endpoint *ups,
		      size_t nups);

/* The pending query for q (compared case-insensitively), or NULL. */
struct fwd_pending *fwd_find(struct fwd_table *t,
			     const struct dns_question *q);
/* A free slot, marked FWD_UDP with q copied (lowercased) and no waiters;
 * NULL when the table is full (counted). */
struct fwd_pending *fwd_alloc(struct fwd_table *t,
			      const struct dns_question *q);
/* Frees p, giving back every waiter's client quota. */
void fwd_release(struct fwd_table *t, struct fwd_pending *p);
/* Adds a waiter for the client at addr to p, its quota taken; NULL when p
 * has FWD_WAITERS_MAX waiters or the client its cap (both counted). The
 * caller fills in the rest of the waiter. */
struct fwd_waiter *fwd_add_waiter(struct fwd_table *t, struct fwd_pending *p,
				  const struct sockaddr *addr,
				  socklen_t addr_len);

/*
 * Whether a reply may answer p: it came from the upstream p was sent to
 * (address and port), carries p's ID, is a response to a standard query,
 * and asks p's question. m is the parsed reply.
 */
bool fwd_reply_matches(const struct fwd_pending *p, const struct upstream *u,
		       const struct sockaddr *from, socklen_t from_len,
		       const struct dns_msg *m);

/* The upstream to ask next: the first live one in preference order not
 * yet tried for this query; failing that, a dead one whose retry time has
 * come first. Returns -1 when every upstream was tried. */
int fwd_pick_upstream(const struct fwd_table *t, uint32_t tried_mask,
		      uint64_t now_ms);
void fwd_upstream_failed(struct upstream *u, uint64_t now_ms);
void fwd_upstream_ok(struct upstream *u);

bool sockaddr_equal(const struct sockaddr *a, socklen_t alen,
		    const struct sockaddr *b, socklen_t blen);

#endif /* DNSD_FORWARD_H */
