/*
 * udp_batch.h - the UDP listeners' packet path: queries read in batches
 * (recvmmsg), their replies queued and sent together (sendmmsg).
 *
 * On a cache hit the work per query is a few system calls; most of its
 * cost is the calls themselves, so a wakeup that finds k datagrams makes
 * three calls (epoll_wait, recvmmsg, sendmmsg) instead of 2k + 2.
 */
#ifndef DNSD_UDP_BATCH_H
#define DNSD_UDP_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "keel/evloop.h"

#define UDP_BATCH	32	/* datagrams per recvmmsg and per sendmmsg */
#define UDP_WAKEUP_MAX	64	/* then let the other descriptors run */
/* The largest query read; no resolver sends more (its EDNS buffer is at
 * most 4096). A longer datagram is answered FORMERR. */
#define UDP_QUERY_MAX	4096
/* A queued reply's room: what fits a client's EDNS size; larger ones
 * (not produced by dns_fit_reply for UDP) are sent at once. */
#define UDP_REPLY_SLOT	(1232 + 64)

struct server;
struct client_ctx;
struct udp_batch;

/* The batch's buffers, allocated once at start (untouched pages cost no
 * resident memory). NULL if out of memory. */
struct udp_batch *udp_batch_new(void);
void udp_batch_free(struct udp_batch *b);
/* The evloop callback of a UDP listener. */
void udp_cb(struct evloop *loop, struct evloop_fd *watch, uint32_t events);
/* Sends a UDP reply: queued if a batch of ctx's socket is being read,
 * else at once. Failures count in srv->stats.send_errors. */
void udp_send(struct server *srv, const struct client_ctx *ctx,
	      const uint8_t *msg, size_t len);

#endif /* DNSD_UDP_BATCH_H */
