/*
 * server.h - dnsd's running state and the glue between its parts:
 * listeners and query handling (server.c), upstream I/O (upstream.c),
 * client TCP connections (tcp_client.c).
 */
#ifndef DNSD_SERVER_H
#define DNSD_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/socket.h>

#include "keel/evloop.h"
#include "keel/file.h"

#include "blocklist.h"
#include "cache.h"
#include "dns_wire.h"
#include "forward.h"
#include "local.h"
#include "options.h"
#include "querylog.h"
#include "ratelimit.h"

#define TCP_QUERY_MAX		1024	/* queries are small; larger: close */
#define TCP_IDLE_MS		10000
#define LOCAL_TTL		60
#define LOCAL_HOSTS_MAX		4096
#define RATELIMIT_CLIENTS	1024
/* Room for the largest reply plus the OPT record dnsd may append. */
#define REPLY_BUF		(DNS_MSG_MAX + 64)

struct server;
struct udp_batch;

struct listener {
	int fd;
	bool tcp;
	struct evloop_fd watch;
};

struct tcp_client {
	bool used;
	int fd;
	uint32_t gen;
	bool waiting;			/* a forwarded query is out */
	struct sockaddr_storage addr;
	socklen_t addr_len;
	uint8_t rbuf[2 + TCP_QUERY_MAX];
	size_t rlen;
	uint8_t *wbuf;
	size_t wlen, wdone;
	struct evloop_fd watch;
	struct evloop_timer idle;
	struct evloop_timer resume;	/* run queued queries after a reply */
};

/* Where a query came from and where its answer goes. */
struct client_ctx {
	const struct sockaddr *addr;
	socklen_t addr_len;
	int reply_fd;			/* UDP */
	struct tcp_client *tcp;		/* or TCP */
};

struct server_stats {
	uint64_t queries, formerr, limited, blocked, local, cached;
	uint64_t forwarded, servfail, tcp_refused, send_errors;
	uint64_t capped;		/* client at its pending cap: SERVFAIL */
	uint64_t rebind_blocked;	/* private answers to public names */
};

struct server {
	const struct dnsd_config *cfg;
	struct evloop loop;
	struct cache cache;
	struct blocklist block;
	struct local_table local;
	struct ratelimit rl;
	struct querylog ql;
	struct fwd_table fwd;
	struct listener listeners[2 * DNSD_LISTEN_MAX];
	size_t nlisteners;
	struct tcp_client *tcp;
	size_t ntcp;
	struct server_stats stats;
	/* Files other processes rewrite (WAN DNS servers, DHCP lease names),
	 * polled once a second: their writers run as other users. */
	struct evloop_timer watch_timer;
	struct file_stamp upstream_stamp;
	struct file_stamp lease_stamps[DNSD_LEASES_MAX];
	struct file_stamp block_stamp;	/* the blocklist: loaded again when it changes */
	/* The counters for keel status (stats_file.h); a failed write is
	 * logged once, until one succeeds again. */
	struct evloop_timer stats_timer;
	bool stats_failing;
	/* Rebinding answers dropped: logged at most once a second. */
	uint64_t rebind_logged_ms, rebind_unlogged;
	struct udp_batch *udp;		/* UDP listeners' packet buffers */
	uint8_t in[REPLY_BUF];		/* a datagram being read */
	uint8_t out[REPLY_BUF];		/* a reply being built */
};

static inline struct server *server_of(struct evloop *loop)
{
	return (struct server *)(void *)((char *)loop -
					 offsetof(struct server, loop));
}

/* server.c */
int server_init(struct server *srv, const struct dnsd_config *cfg,
		char *err, size_t errlen);
/* (Re)loads blocklist, hosts, leases and the router's own name. Returns
 * 0, or -1 with a reason in err (fatal at start, logged on SIGHUP). */
int server_load_data(struct server *srv, char *err, size_t errlen);
/* Re-reads the -F file into the upstream list (after the -u servers). */
void server_load_upstreams(struct server *srv);
int server_run(struct server *srv);
void server_log_stats(const struct server *srv);
/* Rewrites cfg->stats_file (if set) with the counters now. */
void server_write_stats(struct server *srv);
void handle_query(struct server *srv, const struct client_ctx *ctx,
		  const uint8_t *q, size_t len);
/* A UDP datagram longer than any query (cut at len): FORMERR. */
void handle_oversize(struct server *srv, const struct client_ctx *ctx,
		     const uint8_t *q, size_t len);
/* Fits reply to the client (EDNS0, truncation) and sends it. */
void send_reply(struct server *srv, const struct client_ctx *ctx,
		uint8_t *msg, size_t len, size_t question_end, bool edns,
		uint16_t udp_size);
void log_query(struct server *srv, const struct sockaddr *addr,
	       const uint8_t *qname, size_t qname_len, uint16_t qtype,
	       const uint8_t *reply, size_t reply_len,
	       enum query_source src);

/* upstream.c */
/* Sends p to the next upstream. Returns 0, or -1 if none is left. */
int upstream_send(struct server *srv, struct fwd_pending *p);
/* Answers p's waiters with rcode and frees p. */
void upstream_fail(struct server *srv, struct fwd_pending *p,
		   unsigned rcode);

/* tcp_client.c */
void tcp_accept_cb(struct evloop *loop, struct evloop_fd *watch,
		   uint32_t events);
void tcp_client_send(struct server *srv, struct tcp_client *c,
		     const uint8_t *msg, size_t len);
/* The forwarded query of c was answered: read the next one. */
void tcp_client_resume(struct server *srv, struct tcp_client *c);

#endif /* DNSD_SERVER_H */
