/*
 * upstream.c - sending queries upstream and taking their replies: one
 * connected UDP socket per pending query on a random source port, a
 * random ID, failover on timeout, TCP when the reply was truncated.
 */
#define _GNU_SOURCE	/* SOCK_NONBLOCK */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/log.h"

#include "rebind.h"
#include "rng.h"
#include "server.h"

#define TCP_TIMEOUT_FACTOR 3

static void udp_reply_cb(struct evloop *loop, struct evloop_fd *watch,
			 uint32_t events);
static void tcp_reply_cb(struct evloop *loop, struct evloop_fd *watch,
			 uint32_t events);
static void timeout_cb(struct evloop *loop, struct evloop_timer *timer);

static void close_socket(struct server *srv, struct fwd_pending *p)
{
	if (p->fd >= 0) {
		evloop_fd_remove(&srv->loop, &p->watch);
		close(p->fd);
		p->fd = -1;
	}
}

static void release(struct server *srv, struct fwd_pending *p)
{
	close_socket(srv, p);
	evloop_timer_cancel(&srv->loop, &p->timer);
	fwd_release(&srv->fwd, p);
}

/* Binds to a random port above 1024 (the kernel's choice when all tries
 * collide), so an off-path spoofer must guess port and ID: 2^31 tries. */
static int bind_random_port(int fd, int family)
{
	struct sockaddr_storage ss;
	int i;

	for (i = 0; i < 8; i++) {
		uint16_t port = (uint16_t)(1024 + rng_u16() % (65536 - 1024));
		socklen_t len;

		memset(&ss, 0, sizeof(ss));
		if (family == AF_INET) {
			struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;

			s4->sin_family = AF_INET;
			s4->sin_port = htons(port);
			len = sizeof(*s4);
		} else {
			struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;

			s6->sin6_family = AF_INET6;
			s6->sin6_port = htons(port);
			len = sizeof(*s6);
		}
		if (bind(fd, (struct sockaddr *)&ss, len) == 0)
			return 0;
		if (errno != EADDRINUSE)
			return -1;
	}
	return 0;	/* connect() picks an ephemeral port */
}

static int open_udp(const struct upstream *u)
{
	int fd = socket(u->addr.sa.ss_family,
			SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return -1;
	/* connect(): the kernel then drops datagrams from any other
	 * address or port before dnsd sees them. */
	if (bind_random_port(fd, u->addr.sa.ss_family) < 0 ||
	    connect(fd, (const struct sockaddr *)&u->addr.sa, u->addr.len) <
		    0) {
		close(fd);
		return -1;
	}
	return fd;
}

int upstream_send(struct server *srv, struct fwd_pending *p)
{
	uint8_t query[DNS_HDR_LEN + DNS_NAME_MAX + 4 + 11];
	uint64_t now = clock_mono_ms();

	for (;;) {
		struct upstream *u;
		size_t len;
		int idx = fwd_pick_upstream(&srv->fwd, p->tried_mask, now);

		/* With one upstream, ask it twice before giving up. */
		if (idx < 0 && p->tries < 2 && srv->fwd.nupstreams == 1) {
			p->tried_mask = 0;
			idx = fwd_pick_upstream(&srv->fwd, 0, now);
		}
		if (idx < 0)
			return -1;
		u = &srv->fwd.upstreams[idx];
		close_socket(srv, p);
		p->state = FWD_UDP;
		p->upstream = (unsigned)idx;
		p->tried_mask |= 1u << idx;
		p->tries++;
		p->id = rng_u16();
		len = dns_build_query(query, sizeof(query), p->id, &p->q,
				      DNS_EDNS_SIZE,
				      (p->waiters[0].flags & DNS_F_CD) != 0);
		p->fd = open_udp(u);
		if (p->fd < 0 || send(p->fd, query, len, 0) < 0) {
			logx_warn("upstream %s: %s", u->addr.text,
				  strerror(errno));
			fwd_upstream_failed(u, now);
			continue;
		}
		p->watch.fd = p->fd;
		p->watch.cb = udp_reply_cb;
		p->watch.arg = p;
		if (evloop_fd_add(&srv->loop, &p->watch, EPOLLIN) < 0) {
			close(p->fd);
			p->fd = -1;
			return -1;
		}
		p->timer.cb = timeout_cb;
		p->timer.arg = p;
		evloop_timer_set(&srv->loop, &p->timer,
				 srv->cfg->upstream_timeout_ms);
		u->sent++;
		return 0;
	}
}

static void waiter_ctx(const struct fwd_waiter *w, struct client_ctx *ctx)
{
	ctx->addr = (const struct sockaddr *)&w->addr;
	ctx->addr_len = w->addr_len;
	ctx->reply_fd = w->reply_fd;
	ctx->tcp = NULL;
	if (w->tcp) {
		/* The connection may have closed, or been reused. */
		if (w->tcp->used && w->tcp->gen == w->tcp_gen)
			ctx->tcp = w->tcp;
		else
			ctx->reply_fd = -1;
	}
}

/* Sends msg (a reply to p's question) to every waiter, each with its own
 * ID, RD bit, name spelling and size limit. */
static void deliver(struct server *srv, struct fwd_pending *p,
		    const uint8_t *msg, size_t len, enum query_source src)
{
	size_t qend = DNS_HDR_LEN + p->q.name_len + 4;
	unsigned i;

	for (i = 0; i < p->nwaiters; i++) {
		const struct fwd_waiter *w = &p->waiters[i];
		struct tcp_client *tcp;
		struct client_ctx ctx;
		uint16_t flags;

		waiter_ctx(w, &ctx);
		if (!ctx.tcp && ctx.reply_fd < 0)
			continue;
		memcpy(srv->out, msg, len);
		dns_put16(srv->out, w->id);
		flags = dns_get16(srv->out + 2);
		/* dnsd is not the authority for what it forwards: no AA. */
		flags = (uint16_t)((flags & ~(DNS_F_RD | DNS_F_AA)) |
				   (w->flags & DNS_F_RD));
		dns_put16(srv->out + 2, flags);
		memcpy(srv->out + DNS_HDR_LEN, w->name, p->q.name_len);
		if (srv->ql.enabled)
			log_query(srv, ctx.addr, w->name, p->q.name_len,
				  p->q.type, srv->out, len, src);
		tcp = ctx.tcp;
		send_reply(srv, &ctx, srv->out, len, qend, w->edns,
			   w->udp_size);
		if (tcp) {
			tcp->waiting = false;
			tcp_client_resume(srv, tcp);
		}
	}
}

/* Answers p's waiters with just rcode and frees p. */
static void answer_rcode(struct server *srv, struct fwd_pending *p,
			 unsigned rcode, enum query_source src)
{
	uint8_t msg[DNS_HDR_LEN + DNS_NAME_MAX + 4];
	size_t len = dns_build_query(msg, sizeof(msg), 0, &p->q, 0, false);

	dns_put16(msg + 2, (uint16_t)(DNS_F_QR | DNS_F_RA | rcode));
	deliver(srv, p, msg, len, src);
	release(srv, p);
}

void upstream_fail(struct server *srv, struct fwd_pending *p, unsigned rcode)
{
	srv->stats.servfail++;
	answer_rcode(srv, p, rcode, QSRC_FAILED);
}

/*
 * Rebinding protection (rebind.h): true if the reply gives p's name a
 * private address and the name is not allow-listed; the reply is then
 * dropped (never cached) and counted, and logged at most once a second.
 * The clients get REFUSED: "not answered by policy", which is true; an
 * NXDOMAIN would claim the name does not exist, and an empty NOERROR
 * would look like a real, cacheable answer with no address.
 */
static bool rebind_drop(struct server *srv, struct fwd_pending *p,
			const uint8_t *msg, size_t len,
			const struct dns_msg *m)
{
	const struct dnsd_config *cfg = srv->cfg;
	char name[DNS_TEXT_MAX], addr[INET6_ADDRSTRLEN], tbuf[16];
	uint8_t first[16];
	int family = 0;
	unsigned bad;
	uint64_t now;

	if (!cfg->rebind_protection)
		return false;
	bad = rebind_scan(msg, len, m, first, &family);
	if (!bad)
		return false;
	dns_name_to_text(p->q.name, p->q.name_len, name, sizeof(name));
	if (rebind_name_allowed(name, cfg->rebind_allow, cfg->nrebind_allow))
		return false;
	srv->stats.rebind_blocked++;
	now = clock_mono_ms();
	if (srv->rebind_logged_ms && now - srv->rebind_logged_ms < 1000) {
		srv->rebind_unlogged++;
		return true;
	}
	inet_ntop(family == 4 ? AF_INET : AF_INET6, first, addr, sizeof(addr));
	logx_warn("rebind: %s %s: upstream %s answered %s%s, a private "
		  "address: dropped, REFUSED (%llu more not logged)", name,
		  dns_type_name(p->q.type, tbuf, sizeof(tbuf)),
		  srv->fwd.upstreams[p->upstream].addr.text, addr,
		  bad > 1 ? " and more" : "",
		  (unsigned long long)srv->rebind_unlogged);
	srv->rebind_logged_ms = now;
	srv->rebind_unlogged = 0;
	return true;
}

static void retry_or_fail(struct server *srv, struct fwd_pending *p)
{
	if (upstream_send(srv, p) < 0)
		upstream_fail(srv, p, DNS_R_SERVFAIL);
}

static void start_tcp(struct server *srv, struct fwd_pending *p)
{
	struct upstream *u = &srv->fwd.upstreams[p->upstream];
	size_t len;
	int fd;

	close_socket(srv, p);
	u->tcp_retries++;
	if (!p->tcp_buf)
		p->tcp_buf = malloc(2 + DNS_MSG_MAX);
	fd = socket(u->addr.sa.ss_family,
		    SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (!p->tcp_buf || fd < 0) {
		if (fd >= 0)
			close(fd);
		retry_or_fail(srv, p);
		return;
	}
	if (connect(fd, (const struct sockaddr *)&u->addr.sa, u->addr.len) <
		    0 &&
	    errno != EINPROGRESS) {
		logx_warn("upstream %s: tcp: %s", u->addr.text,
			  strerror(errno));
		close(fd);
		retry_or_fail(srv, p);
		return;
	}
	p->id = rng_u16();
	len = dns_build_query(p->tcp_buf + 2, DNS_MSG_MAX, p->id, &p->q,
			      DNS_EDNS_SIZE, false);
	dns_put16(p->tcp_buf, (uint16_t)len);
	p->tcp_len = len + 2;
	p->tcp_done = 0;
	p->fd = fd;
	p->state = FWD_TCP_CONNECT;
	p->watch.fd = fd;
	p->watch.cb = tcp_reply_cb;
	p->watch.arg = p;
	if (evloop_fd_add(&srv->loop, &p->watch, EPOLLOUT) < 0) {
		close(fd);
		p->fd = -1;
		upstream_fail(srv, p, DNS_R_SERVFAIL);
		return;
	}
	evloop_timer_set(&srv->loop, &p->timer,
			 (uint64_t)srv->cfg->upstream_timeout_ms *
				 TCP_TIMEOUT_FACTOR);
}

/* A reply that matched p. msg is writable (srv->in or p->tcp_buf). */
static void take_reply(struct server *srv, struct fwd_pending *p,
		       uint8_t *msg, size_t len, struct dns_msg *m,
		       bool via_tcp)
{
	struct upstream *u = &srv->fwd.upstreams[p->upstream];
	unsigned rcode = m->flags & DNS_F_RCODE;
	size_t stripped;

	if ((m->flags & DNS_F_TC) && !via_tcp) {
		start_tcp(srv, p);
		return;
	}
	u->answered++;
	if (rcode == DNS_R_SERVFAIL || rcode == DNS_R_REFUSED) {
		/* Another upstream may do better; this one is alive. */
		fwd_upstream_ok(u);
		if (upstream_send(srv, p) == 0)
			return;
	} else {
		fwd_upstream_ok(u);
	}
	if (rebind_drop(srv, p, msg, len, m)) {
		answer_rcode(srv, p, DNS_R_REFUSED, QSRC_BLOCKED);
		return;
	}
	stripped = dns_strip_opt(msg, len, m);
	if (stripped) {
		struct dns_msg clean;

		len = stripped;
		if (dns_parse(msg, len, &clean) == DNS_OK)
			cache_store(&srv->cache, msg, len, &clean,
				    clock_mono_ms());
	} else {
		/* An OPT record before other additional records: legal but
		 * unseen in practice, and dnsd would add a second OPT. */
		srv->cache.stats.uncacheable++;
		upstream_fail(srv, p, DNS_R_SERVFAIL);
		return;
	}
	deliver(srv, p, msg, len, QSRC_FORWARDED);
	release(srv, p);
}

static void reject(struct server *srv, struct fwd_pending *p, const char *why)
{
	struct upstream *u = &srv->fwd.upstreams[p->upstream];

	u->rejected++;
	srv->fwd.stats.rejected++;
	/* Rate-limited by the querylog budget: a spoofing flood must not
	 * flood the log. */
	{
		uint64_t suppressed;

		if (querylog_admit(&srv->ql, clock_mono_ms(), &suppressed) ||
		    !srv->ql.enabled)
			logx_warn("upstream %s: reply rejected: %s",
				  u->addr.text, why);
	}
}

static void udp_reply_cb(struct evloop *loop, struct evloop_fd *watch,
			 uint32_t events)
{
	struct server *srv = server_of(loop);
	struct fwd_pending *p = watch->arg;
	int i;

	(void)events;
	for (i = 0; i < 8; i++) {
		struct upstream *u = &srv->fwd.upstreams[p->upstream];
		struct sockaddr_storage from;
		socklen_t from_len = sizeof(from);
		struct dns_msg m;
		ssize_t n = recvfrom(p->fd, srv->in, sizeof(srv->in),
				     MSG_DONTWAIT, (struct sockaddr *)&from,
				     &from_len);

		if (n < 0) {
			/* ICMP port unreachable shows up as ECONNREFUSED:
			 * this upstream is down, try the next at once. */
			if (errno == ECONNREFUSED) {
				fwd_upstream_failed(u, clock_mono_ms());
				retry_or_fail(srv, p);
			}
			return;
		}
		if (dns_parse(srv->in, (size_t)n, &m) != DNS_OK) {
			reject(srv, p, "malformed");
			continue;
		}
		if (!fwd_reply_matches(p, u, (struct sockaddr *)&from,
				       from_len, &m)) {
			reject(srv, p, "address, port, ID or question differ");
			continue;
		}
		take_reply(srv, p, srv->in, (size_t)n, &m, false);
		return;
	}
}

static void tcp_failed(struct server *srv, struct fwd_pending *p,
		       const char *why)
{
	struct upstream *u = &srv->fwd.upstreams[p->upstream];

	logx_warn("upstream %s: tcp: %s", u->addr.text, why);
	fwd_upstream_failed(u, clock_mono_ms());
	retry_or_fail(srv, p);
}

static void tcp_reply_cb(struct evloop *loop, struct evloop_fd *watch,
			 uint32_t events)
{
	struct server *srv = server_of(loop);
	struct fwd_pending *p = watch->arg;
	struct upstream *u = &srv->fwd.upstreams[p->upstream];
	ssize_t n;

	if (p->state == FWD_TCP_CONNECT) {
		int soerr = 0;
		socklen_t sl = sizeof(soerr);

		if (getsockopt(p->fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0 ||
		    soerr) {
			tcp_failed(srv, p, strerror(soerr ? soerr : errno));
			return;
		}
		p->state = FWD_TCP_WRITE;
	}
	if (p->state == FWD_TCP_WRITE) {
		n = write(p->fd, p->tcp_buf + p->tcp_done,
			  p->tcp_len - p->tcp_done);
		if (n < 0) {
			if (errno != EAGAIN)
				tcp_failed(srv, p, strerror(errno));
			return;
		}
		p->tcp_done += (size_t)n;
		if (p->tcp_done < p->tcp_len)
			return;
		p->state = FWD_TCP_READ;
		p->tcp_done = 0;
		evloop_fd_modify(&srv->loop, &p->watch, EPOLLIN);
		return;
	}
	if (p->state != FWD_TCP_READ || !(events & (EPOLLIN | EPOLLHUP | EPOLLERR)))
		return;
	{
		size_t want = p->tcp_done < 2 ? 2 :
						2 + (size_t)dns_get16(p->tcp_buf);
		struct dns_msg m;

		n = read(p->fd, p->tcp_buf + p->tcp_done, want - p->tcp_done);
		if (n < 0) {
			if (errno != EAGAIN)
				tcp_failed(srv, p, strerror(errno));
			return;
		}
		if (n == 0) {
			tcp_failed(srv, p, "closed before the reply");
			return;
		}
		p->tcp_done += (size_t)n;
		if (p->tcp_done == 2) {
			if (dns_get16(p->tcp_buf) < DNS_HDR_LEN)
				tcp_failed(srv, p, "reply too short");
			return;
		}
		if (p->tcp_done < 2 + (size_t)dns_get16(p->tcp_buf))
			return;
		want = dns_get16(p->tcp_buf);
		if (dns_parse(p->tcp_buf + 2, want, &m) != DNS_OK ||
		    !fwd_reply_matches(p, u, (const struct sockaddr *)&u->addr.sa,
				       u->addr.len, &m)) {
			reject(srv, p, "tcp reply does not match");
			tcp_failed(srv, p, "bad reply");
			return;
		}
		take_reply(srv, p, p->tcp_buf + 2, want, &m, true);
	}
}

static void timeout_cb(struct evloop *loop, struct evloop_timer *timer)
{
	struct server *srv = server_of(loop);
	struct fwd_pending *p = timer->arg;
	struct upstream *u = &srv->fwd.upstreams[p->upstream];

	u->timeouts++;
	srv->fwd.stats.timeouts++;
	fwd_upstream_failed(u, clock_mono_ms());
	retry_or_fail(srv, p);
}
