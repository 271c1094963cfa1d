/*
 * server.c - listeners, and what dnsd does with each query: rate limit,
 * blocklist, local names, cache, then forward.
 */
#define _GNU_SOURCE	/* SOCK_NONBLOCK, IPV6_V6ONLY */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/log.h"

#include "rng.h"
#include "server.h"
#include "stats_file.h"
#include "udp_batch.h"
#include "upstream_list.h"

static void addr_text(const struct sockaddr *sa, char *buf, size_t cap)
{
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)(const void *)sa)->sin_addr,
			  buf, (socklen_t)cap);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6,
			  &((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr,
			  buf, (socklen_t)cap);
	else
		snprintf(buf, cap, "?");
}

void log_query(struct server *srv, const struct sockaddr *addr,
	       const uint8_t *qname, size_t qname_len, uint16_t qtype,
	       const uint8_t *reply, size_t reply_len, enum query_source src)
{
	char client[INET6_ADDRSTRLEN], name[DNS_TEXT_MAX], answers[256];
	char line[KEEL_LOG_LINE_MAX], tbuf[16];
	const char *rcode = "-";
	uint64_t suppressed;
	struct dns_msg m;

	if (!querylog_admit(&srv->ql, clock_mono_ms(), &suppressed))
		return;
	addr_text(addr, client, sizeof(client));
	dns_name_to_text(qname, qname_len, name, sizeof(name));
	answers[0] = '\0';
	if (reply && dns_parse(reply, reply_len, &m) == DNS_OK) {
		rcode = dns_rcode_name(m.flags & DNS_F_RCODE);
		dns_answer_summary(reply, reply_len, &m, answers,
				   sizeof(answers));
		if (m.flags & DNS_F_TC)
			snprintf(answers, sizeof(answers), "truncated");
	}
	querylog_format(line, sizeof(line), client, name,
			dns_type_name(qtype, tbuf, sizeof(tbuf)), rcode, src,
			answers, suppressed);
	logx("%s", line);
}

void send_reply(struct server *srv, const struct client_ctx *ctx,
		uint8_t *msg, size_t len, size_t question_end, bool edns,
		uint16_t udp_size)
{
	/* Every client may recurse through dnsd: say so (RFC 1035 RA). */
	msg[3] |= DNS_F_RA & 0xff;
	len = dns_fit_reply(msg, len, REPLY_BUF, question_end, edns, udp_size,
			    ctx->tcp != NULL);
	if (ctx->tcp) {
		tcp_client_send(srv, ctx->tcp, msg, len);
		return;
	}
	udp_send(srv, ctx, msg, len);
}

/* A reply with only header and question. */
static void reply_rcode(struct server *srv, const struct client_ctx *ctx,
			const uint8_t *q, const struct dns_msg *m,
			unsigned rcode, bool authoritative)
{
	struct dns_builder b;

	dns_reply_start(&b, srv->out, sizeof(srv->out), q, m, rcode);
	if (authoritative)
		srv->out[2] |= DNS_F_AA >> 8;
	send_reply(srv, ctx, srv->out, b.len, m->question_end, m->has_edns,
		   m->edns_udp_size);
}

static void reply_blocked(struct server *srv, const struct client_ctx *ctx,
			  const uint8_t *q, const struct dns_msg *m)
{
	static const uint8_t zero[16];
	struct dns_builder b;
	unsigned rcode = DNS_R_NXDOMAIN;

	if (srv->cfg->block_mode == BLOCK_NULL)
		rcode = DNS_R_NOERROR;
	dns_reply_start(&b, srv->out, sizeof(srv->out), q, m, rcode);
	if (rcode == DNS_R_NOERROR && m->q.type == DNS_T_A)
		dns_add_answer(&b, DNS_T_A, LOCAL_TTL, zero, 4);
	else if (rcode == DNS_R_NOERROR && m->q.type == DNS_T_AAAA)
		dns_add_answer(&b, DNS_T_AAAA, LOCAL_TTL, zero, 16);
	srv->stats.blocked++;
	if (srv->ql.enabled)
		log_query(srv, ctx->addr, m->q.name, m->q.name_len, m->q.type,
			  srv->out, b.len, QSRC_BLOCKED);
	send_reply(srv, ctx, srv->out, b.len, m->question_end, m->has_edns,
		   m->edns_udp_size);
}

static void reply_local(struct server *srv, const struct client_ctx *ctx,
			const uint8_t *q, const struct dns_msg *m,
			enum local_verdict v, const struct local_result *res)
{
	struct dns_builder b;
	unsigned i;

	dns_reply_start(&b, srv->out, sizeof(srv->out), q, m,
			v == LOCAL_NXDOMAIN ? DNS_R_NXDOMAIN : DNS_R_NOERROR);
	srv->out[2] |= DNS_F_AA >> 8;
	if (v == LOCAL_FOUND && m->q.type == DNS_T_PTR) {
		uint8_t wire[DNS_NAME_MAX];
		size_t wire_len;

		if (dns_name_from_text(res->ptr_name, wire, &wire_len) == 0)
			dns_add_answer(&b, DNS_T_PTR, LOCAL_TTL, wire, wire_len);
	} else if (v == LOCAL_FOUND) {
		for (i = 0; i < res->count; i++)
			dns_add_answer(&b, m->q.type, LOCAL_TTL, res->addrs[i],
				       m->q.type == DNS_T_A ? 4 : 16);
	}
	srv->stats.local++;
	if (srv->ql.enabled)
		log_query(srv, ctx->addr, m->q.name, m->q.name_len, m->q.type,
			  srv->out, b.len, QSRC_LOCAL);
	send_reply(srv, ctx, srv->out, b.len, m->question_end, m->has_edns,
		   m->edns_udp_size);
}

static void forward_query(struct server *srv, const struct client_ctx *ctx,
			  const uint8_t *q, const struct dns_msg *m)
{
	struct fwd_pending *p = fwd_find(&srv->fwd, &m->q);
	struct fwd_waiter *w;
	bool fresh = false;

	if (p) {
		srv->fwd.stats.coalesced++;
	} else {
		p = fwd_alloc(&srv->fwd, &m->q);
		if (!p) {
			reply_rcode(srv, ctx, q, m, DNS_R_SERVFAIL, false);
			return;
		}
		fresh = true;
	}
	w = fwd_add_waiter(&srv->fwd, p, ctx->addr, ctx->addr_len);
	if (!w) {
		/* A client at its cap of pending queries gets SERVFAIL, as
		 * a full table or a dead upstream gives: "try again later".
		 * Not REFUSED, which stubs take as "this server will not
		 * serve me" and move on to the next server, maybe one
		 * outside the LAN's blocklist. */
		if (p->nwaiters < FWD_WAITERS_MAX)
			srv->stats.capped++;
		if (fresh)
			fwd_release(&srv->fwd, p);	/* nothing sent yet */
		reply_rcode(srv, ctx, q, m, DNS_R_SERVFAIL, false);
		return;
	}
	w->reply_fd = ctx->reply_fd;
	w->tcp = ctx->tcp;
	w->tcp_gen = ctx->tcp ? ctx->tcp->gen : 0;
	w->id = m->id;
	w->flags = m->flags & (DNS_F_RD | DNS_F_CD);
	w->edns = m->has_edns;
	w->udp_size = m->edns_udp_size;
	memcpy(w->name, m->q.name, m->q.name_len);
	w->start_ms = clock_mono_ms();
	if (ctx->tcp)
		ctx->tcp->waiting = true;
	srv->stats.forwarded++;
	srv->fwd.stats.queries++;
	if (fresh && upstream_send(srv, p) < 0)
		upstream_fail(srv, p, DNS_R_SERVFAIL);
}

static void reply_formerr(struct server *srv, const struct client_ctx *ctx,
			  const uint8_t *q, size_t len)
{
	srv->stats.formerr++;
	/* Never answer something that claims to be an answer: two
	 * resolvers must not be made to ping-pong. */
	if (len < DNS_HDR_LEN || (q[2] & 0x80))
		return;
	memcpy(srv->out, q, 2);
	dns_put16(srv->out + 2, DNS_F_QR | DNS_R_FORMERR);
	memset(srv->out + 4, 0, 8);
	if (ctx->tcp)
		tcp_client_send(srv, ctx->tcp, srv->out, DNS_HDR_LEN);
	else
		udp_send(srv, ctx, srv->out, DNS_HDR_LEN);
}

void handle_oversize(struct server *srv, const struct client_ctx *ctx,
		     const uint8_t *q, size_t len)
{
	srv->stats.queries++;
	reply_formerr(srv, ctx, q, len);
}

void handle_query(struct server *srv, const struct client_ctx *ctx,
		  const uint8_t *q, size_t len)
{
	char name[DNS_TEXT_MAX];
	struct local_result res;
	enum local_verdict v;
	struct dns_msg m;
	uint8_t key[16];
	uint64_t now = clock_mono_ms();
	size_t n;
	int err;

	srv->stats.queries++;
	err = dns_parse(q, len, &m);
	if (err) {
		reply_formerr(srv, ctx, q, len);
		return;
	}
	if (m.flags & DNS_F_QR)
		return;
	client_quota_key(ctx->addr, key);
	if (!ratelimit_allow(&srv->rl, key, now)) {
		srv->stats.limited++;
		/* UDP: silence, so a spoofed source gains no amplifier. */
		if (ctx->tcp)
			reply_rcode(srv, ctx, q, &m, DNS_R_REFUSED, false);
		return;
	}
	if ((m.flags & DNS_F_OPCODE) != 0) {
		reply_rcode(srv, ctx, q, &m, DNS_R_NOTIMP, false);
		return;
	}
	if (m.q.klass != DNS_C_IN) {
		reply_rcode(srv, ctx, q, &m, DNS_R_REFUSED, false);
		return;
	}
	dns_name_to_text(m.q.name, m.q.name_len, name, sizeof(name));
	for (n = 0; name[n]; n++)
		if (name[n] >= 'A' && name[n] <= 'Z')
			name[n] = (char)(name[n] + 32);

	if (blocklist_match(&srv->block, name)) {
		reply_blocked(srv, ctx, q, &m);
		return;
	}
	v = local_lookup(&srv->local, name, m.q.type, &res);
	if (v != LOCAL_NONE) {
		reply_local(srv, ctx, q, &m, v, &res);
		return;
	}
	n = cache_lookup(&srv->cache, &m, now, srv->out, sizeof(srv->out));
	if (n) {
		srv->stats.cached++;
		if (srv->ql.enabled)
			log_query(srv, ctx->addr, m.q.name, m.q.name_len,
				  m.q.type, srv->out, n, QSRC_CACHED);
		srv->out[2] &= (uint8_t)~(DNS_F_AA >> 8);
		send_reply(srv, ctx, srv->out, n, m.question_end, m.has_edns,
			   m.edns_udp_size);
		return;
	}
	forward_query(srv, ctx, q, &m);
}

static int open_listener(const struct endpoint *a, bool tcp, char *err,
			 size_t errlen)
{
	int one = 1;
	int fd = socket(a->sa.ss_family,
			(tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK |
				SOCK_CLOEXEC,
			0);

	if (fd < 0) {
		snprintf(err, errlen, "listen %s: socket: %s", a->text,
			 strerror(errno));
		return -1;
	}
	if (tcp)
		setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (a->sa.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	/* The LAN's IPv6 address is still tentative (DAD) when init starts
	 * dnsd at boot: bind to it anyway, it works once DAD is done. */
	setsockopt(fd, IPPROTO_IP, IP_FREEBIND, &one, sizeof(one));
	if (bind(fd, (const struct sockaddr *)&a->sa, a->len) < 0 ||
	    (tcp && listen(fd, 64) < 0)) {
		snprintf(err, errlen, "listen %s %s: %s", a->text,
			 tcp ? "tcp" : "udp", strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

int server_load_data(struct server *srv, char *err, size_t errlen)
{
	const struct dnsd_config *cfg = srv->cfg;
	char host[256];
	const char *router = cfg->router_name;
	size_t i;
	long n;

	local_clear(&srv->local);
	if (!router && gethostname(host, sizeof(host)) == 0) {
		host[sizeof(host) - 1] = '\0';
		router = host;
	}
	/* The router answers to its name on every address it listens on. */
	for (i = 0; router && i < cfg->nlisten; i++) {
		const struct endpoint *a = &cfg->listen[i];
		int rc;

		if (a->sa.ss_family == AF_INET)
			rc = local_add(&srv->local, router, 4,
				       (const uint8_t *)&((const struct sockaddr_in *)(const void *)&a->sa)->sin_addr);
		else
			rc = local_add(&srv->local, router, 6,
				       (const uint8_t *)&((const struct sockaddr_in6 *)(const void *)&a->sa)->sin6_addr);
		if (rc == -1 && i == 0)
			logx_warn("router name %s: not a DNS name under "
				  "domain %s, not answered", router,
				  cfg->domain);
	}
	/* Static hosts of the config: first, so lease names never crowd
	 * them out of the table. */
	for (i = 0; i < cfg->nhosts; i++) {
		const struct config_dns_host *h = &cfg->hosts[i];

		if (local_add(&srv->local, h->name,
			      h->addr.family == CONFIG_AF_INET6 ? 6 : 4,
			      h->addr.bytes) < 0) {
			snprintf(err, errlen, "host %s: not a name dnsd can "
				 "answer under domain %s", h->name,
				 cfg->domain);
			return -1;
		}
	}
	if (cfg->hosts_file) {
		n = local_add_hosts_file(&srv->local, cfg->hosts_file);
		if (n < 0) {
			snprintf(err, errlen, "hosts %s: %s", cfg->hosts_file,
				 strerror(errno));
			return -1;
		}
	}
	for (i = 0; i < cfg->nleases; i++)
		if (local_add_leases_file(&srv->local, cfg->leases_files[i]) < 0 &&
		    errno != ENOENT)
			logx_warn("leases %s: %s (no lease names)",
				  cfg->leases_files[i], strerror(errno));
	if (srv->local.bad_lines || srv->local.dropped)
		logx_warn("local names: %zu bad lines skipped, %zu over the "
			  "limit of %d", srv->local.bad_lines,
			  srv->local.dropped, LOCAL_HOSTS_MAX);
	/* Last: a blocklist that fails to load keeps the previous one (the
	 * load replaces it only after reading), and local names are already
	 * fresh. */
	if (cfg->blocklist && blocklist_load_file(&srv->block, cfg->blocklist)) {
		/* Not there yet (a list fetched later, a fresh /data): DNS
		 * keeps working, and the once-a-second check loads it when
		 * it appears. Any other failure is an error. */
		if (errno == ENOENT) {
			logx_warn("blocklist %s: missing; serving without it until it "
				  "appears", cfg->blocklist);
			return 0;
		}
		snprintf(err, errlen, "blocklist %s: %s", cfg->blocklist,
			 strerror(errno));
		return -1;
	}
	if (srv->block.bad_lines)
		logx_warn("blocklist %s: %zu bad lines skipped", cfg->blocklist,
			  srv->block.bad_lines);
	return 0;
}

static void on_hup(struct evloop *loop, const struct signalfd_siginfo *info,
		   void *arg)
{
	struct server *srv = server_of(loop);
	char err[256];

	(void)info;
	(void)arg;
	if (srv->cfg->upstream_file)
		server_load_upstreams(srv);
	if (server_load_data(srv, err, sizeof(err)) < 0)
		logx_err("reload: %s", err);
	else
		logx("reloaded: %zu blocked names, %zu local names",
		     srv->block.count, srv->local.count);
}

void server_load_upstreams(struct server *srv)
{
	const struct dnsd_config *cfg = srv->cfg;
	struct endpoint ups[DNSD_UPSTREAM_MAX];
	char buf[2048], list[256];
	size_t n = cfg->nupstream, bad = 0, len = 0, i;
	int truncated;
	ssize_t got;

	memcpy(ups, cfg->upstream, n * sizeof(ups[0]));
	got = file_read(cfg->upstream_file, buf, sizeof(buf), &truncated);
	if (got >= 0)
		n += upstream_list_parse(buf, (size_t)got, ups + n,
					 DNSD_UPSTREAM_MAX - n, &bad);
	else if (errno != ENOENT)
		logx_warn("upstreams %s: %s", cfg->upstream_file,
			  strerror(errno));
	if (bad)
		logx_warn("upstreams %s: %zu bad lines skipped",
			  cfg->upstream_file, bad);
	if (!fwd_set_upstreams(&srv->fwd, ups, n))
		return;
	list[0] = '\0';
	for (i = 0; i < n && len < sizeof(list); i++)
		len += (size_t)snprintf(list + len, sizeof(list) - len, " %s",
					ups[i].text);
	if (n)
		logx("upstreams now:%s", list);
	else
		logx_warn("no upstream servers (%s is empty or missing): "
			  "forwarded queries get SERVFAIL", cfg->upstream_file);
}

/* Once a second: reload what changed on disk. */
static void on_watch(struct evloop *loop, struct evloop_timer *timer)
{
	struct server *srv = server_of(loop);
	const struct dnsd_config *cfg = srv->cfg;
	int leases = 0;
	char err[256];
	size_t i;

	if (cfg->upstream_file &&
	    file_changed(cfg->upstream_file, &srv->upstream_stamp))
		server_load_upstreams(srv);
	for (i = 0; i < cfg->nleases; i++)
		leases |= file_changed(cfg->leases_files[i], &srv->lease_stamps[i]);
	if (cfg->blocklist)
		leases |= file_changed(cfg->blocklist, &srv->block_stamp);
	if (leases) {
		if (server_load_data(srv, err, sizeof(err)) < 0)
			logx_err("reload: %s", err);
		else
			logx("lease names or blocklist changed: %zu local names, "
			     "%zu blocked names", srv->local.count, srv->block.count);
	}
	evloop_timer_set(loop, timer, 1000);
}

void server_write_stats(struct server *srv)
{
	const char *path = srv->cfg->stats_file;
	char text[512];
	int len;

	if (!path || !path[0])
		return;
	len = stats_format(&srv->stats, &srv->cache, clock_boot_ms(), text,
			   sizeof(text));
	if (len < 0 || stats_write(path, text, (size_t)len) < 0) {
		if (!srv->stats_failing)
			logx_warn("stats file %s: %s (keel status shows no DNS "
				  "counts)", path, len < 0 ? "does not fit" :
				  strerror(errno));
		srv->stats_failing = true;
		return;
	}
	if (srv->stats_failing)
		logx("stats file %s written again", path);
	srv->stats_failing = false;
}

static void on_stats(struct evloop *loop, struct evloop_timer *timer)
{
	server_write_stats(server_of(loop));
	evloop_timer_set(loop, timer, DNSD_STATS_INTERVAL_MS);
}

static void on_term(struct evloop *loop, const struct signalfd_siginfo *info,
		    void *arg)
{
	(void)info;
	(void)arg;
	evloop_stop(loop);
}

static void on_usr1(struct evloop *loop, const struct signalfd_siginfo *info,
		    void *arg)
{
	(void)info;
	(void)arg;
	server_log_stats(server_of(loop));
}

void server_log_stats(const struct server *srv)
{
	const struct cache_stats *c = &srv->cache.stats;
	const struct fwd_stats *f = &srv->fwd.stats;
	unsigned i;

	logx("stats: %llu queries, %llu cached, %llu forwarded, %llu local, "
	     "%llu blocked, %llu limited, %llu formerr, %llu servfail, "
	     "%llu capped, %llu rebind-blocked",
	     (unsigned long long)srv->stats.queries,
	     (unsigned long long)srv->stats.cached,
	     (unsigned long long)srv->stats.forwarded,
	     (unsigned long long)srv->stats.local,
	     (unsigned long long)srv->stats.blocked,
	     (unsigned long long)srv->stats.limited,
	     (unsigned long long)srv->stats.formerr,
	     (unsigned long long)srv->stats.servfail,
	     (unsigned long long)srv->stats.capped,
	     (unsigned long long)srv->stats.rebind_blocked);
	logx("cache: %u/%u entries, %llu hits, %llu misses, %llu evictions, "
	     "%llu expired, %llu too big, %llu uncacheable",
	     srv->cache.used, srv->cache.capacity,
	     (unsigned long long)c->hits, (unsigned long long)c->misses,
	     (unsigned long long)c->evictions, (unsigned long long)c->expired,
	     (unsigned long long)c->too_big,
	     (unsigned long long)c->uncacheable);
	logx("forward: %llu coalesced, %llu table full, %llu waiters full, "
	     "%llu over a client's cap of %u (%zu clients waiting now), "
	     "%llu timeouts, %llu rejected replies; tcp clients refused %llu",
	     (unsigned long long)f->coalesced,
	     (unsigned long long)f->table_full,
	     (unsigned long long)f->waiters_full,
	     (unsigned long long)f->client_full, srv->fwd.quota.limit,
	     srv->fwd.quota.clients,
	     (unsigned long long)f->timeouts, (unsigned long long)f->rejected,
	     (unsigned long long)srv->stats.tcp_refused);
	for (i = 0; i < srv->fwd.nupstreams; i++) {
		const struct upstream *u = &srv->fwd.upstreams[i];

		logx("upstream %s: %llu sent, %llu answered, %llu timeouts, "
		     "%llu rejected, %llu tcp, %s", u->addr.text,
		     (unsigned long long)u->sent,
		     (unsigned long long)u->answered,
		     (unsigned long long)u->timeouts,
		     (unsigned long long)u->rejected,
		     (unsigned long long)u->tcp_retries,
		     u->dead_until_ms > clock_mono_ms() ? "dead" : "alive");
	}
	logx("ratelimit: %llu limited, %llu clients forgotten; querylog: "
	     "%llu lines suppressed",
	     (unsigned long long)srv->rl.limited,
	     (unsigned long long)srv->rl.forgotten,
	     (unsigned long long)srv->ql.suppressed_total);
}

int server_init(struct server *srv, const struct dnsd_config *cfg, char *err,
		size_t errlen)
{
	uint64_t seed;
	size_t i;

	srv->cfg = cfg;
	if (rng_fill(&seed, sizeof(seed)) < 0) {
		snprintf(err, errlen, "getrandom: %s", strerror(errno));
		return -1;
	}
	if (cache_init(&srv->cache, cfg->cache_bytes, cfg->negative_ttl_max,
		       seed) < 0) {
		snprintf(err, errlen, "cache of %zu bytes: out of memory",
			 cfg->cache_bytes);
		return -1;
	}
	if (local_init(&srv->local, LOCAL_HOSTS_MAX, cfg->domain) < 0) {
		snprintf(err, errlen, "domain '%s': not a valid name",
			 cfg->domain);
		return -1;
	}
	if (ratelimit_init(&srv->rl, RATELIMIT_CLIENTS, cfg->client_rate.count,
			   cfg->client_rate.per_seconds, cfg->client_burst,
			   seed ^ 0x9e3779b97f4a7c15ull) < 0 ||
	    fwd_init(&srv->fwd, cfg->pending_max, cfg->pending_per_client,
		     seed ^ 0xc2b2ae3d27d4eb4full, cfg->upstream,
		     cfg->nupstream) < 0) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	srv->ntcp = cfg->tcp_clients_max;
	srv->tcp = calloc(srv->ntcp, sizeof(*srv->tcp));
	if (!srv->tcp) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	srv->udp = udp_batch_new();
	if (!srv->udp) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	querylog_init(&srv->ql, cfg->querylog, cfg->querylog_rate.count,
		      cfg->querylog_rate.per_seconds);
	for (i = 0; i < cfg->nleases; i++)
		file_changed(cfg->leases_files[i], &srv->lease_stamps[i]);
	if (cfg->blocklist)
		file_changed(cfg->blocklist, &srv->block_stamp);
	if (server_load_data(srv, err, errlen) < 0)
		return -1;
	if (cfg->upstream_file) {
		file_changed(cfg->upstream_file, &srv->upstream_stamp);
		server_load_upstreams(srv);
	}

	if (evloop_init(&srv->loop) < 0) {
		snprintf(err, errlen, "event loop: %s", strerror(errno));
		return -1;
	}
	for (i = 0; i < cfg->nlisten; i++) {
		int t;

		for (t = 0; t < 2; t++) {
			struct listener *l = &srv->listeners[srv->nlisteners];

			l->fd = open_listener(&cfg->listen[i], t == 1, err,
					      errlen);
			if (l->fd < 0)
				return -1;
			l->tcp = t == 1;
			l->watch.fd = l->fd;
			l->watch.cb = l->tcp ? tcp_accept_cb : udp_cb;
			l->watch.arg = l;
			if (evloop_fd_add(&srv->loop, &l->watch, EPOLLIN) < 0) {
				snprintf(err, errlen, "epoll: %s",
					 strerror(errno));
				return -1;
			}
			srv->nlisteners++;
		}
	}
	if (evloop_signal(&srv->loop, SIGHUP, on_hup, NULL) < 0 ||
	    evloop_signal(&srv->loop, SIGTERM, on_term, NULL) < 0 ||
	    evloop_signal(&srv->loop, SIGINT, on_term, NULL) < 0 ||
	    evloop_signal(&srv->loop, SIGUSR1, on_usr1, NULL) < 0) {
		snprintf(err, errlen, "signals: %s", strerror(errno));
		return -1;
	}
	srv->watch_timer.cb = on_watch;
	evloop_timer_set(&srv->loop, &srv->watch_timer, 1000);
	/* The first file as soon as the loop runs (rights dropped by then),
	 * so keel status has counts from the start. */
	srv->stats_timer.cb = on_stats;
	if (cfg->stats_file && cfg->stats_file[0])
		evloop_timer_set(&srv->loop, &srv->stats_timer, 0);
	/* A client vanishing mid-write must not kill the daemon. */
	signal(SIGPIPE, SIG_IGN);
	return 0;
}

int server_run(struct server *srv)
{
	return evloop_run(&srv->loop);
}
