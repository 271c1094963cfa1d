/*
 * main.c - wan6: sockets, the event loop, rtnetlink and files around the
 * pure engine (engine.c). Every event becomes an engine call with the
 * CLOCK_BOOTTIME time; afterwards its packet is sent, its lease written
 * to /run/wan6/lease, the LAN addresses and unreachable routes applied,
 * the IA_NA addresses put on the WAN (wan_na.c decides which), and the
 * timer re-armed for its next wakeup.
 *
 * The WAN's L3 interface (ppp0 comes and goes with the PPP session) is
 * followed through rtnetlink link notifications: when it comes up the
 * exchange starts again (a Rebind when a prefix is held, dhcpcd#76).
 * Root only to bind UDP 546 and open the raw ICMPv6 socket; then user
 * wan6 keeping CAP_NET_ADMIN for the LAN addresses and routes.
 *
 * Under [wan] ipv4 dslite it also follows the WAN's IPv6 addresses and
 * dslite0 (made by init), resolves the AFTR's name ([wan] aftr NAME, else
 * option 64's) with option 23's servers, else a static WAN's IPv6 [wan]
 * dns (aftr_resolve.c), and gives dslite0 the ends dslite.c chooses;
 * with dhcpv6 off it does only that.
 */
#define _GNU_SOURCE	/* SO_BINDTODEVICE, in6_pktinfo, struct ifreq */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/capability.h>
#include <linux/rtnetlink.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/clock.h"
#include "keel/config.h"
#include "keel/evloop.h"
#include "keel/file.h"
#include "keel/log.h"
#include "keel/nlmsg.h"
#include "keel/privdrop.h"
#include "keel/ready.h"
#include "keel/rtnl.h"
#include "keel/seccomp.h"

#include "aftr_resolve.h"
#include "dslite.h"
#include "engine.h"
#include "from_config.h"
#include "lease.h"
#include "seccomp_list.h"
#include "wan_na.h"
#include "wire.h"

/* The longest the loop sleeps: a clock that ran while suspended is
 * noticed within a minute. */
#define MAX_SLEEP_MS	60000u

struct wan6 {
	struct wan6_options o;
	struct engine e;
	struct evloop loop;
	struct evloop_fd udp_watch, raw_watch, mon_watch, dns_watch;
	struct evloop_timer timer;
	int udp_fd, raw_fd, mon_fd, req_fd, dns_fd;
	int wan_index, wan_up;
	int lan_index[CONFIG_MAX_LANS];
	enum engine_state logged_state;
	uint32_t nl_seq;
	/* What rtnetlink was told, so a prefix that went is unrouted. */
	unsigned n_routes;
	struct rtnl_prefix routes[WIRE_IA_MAX];
	/* The IA_NA addresses put on the WAN. */
	struct wan_na na;
	struct engine_prefix saved;	/* on /data */
	int saved_valid, data_warned;
	uint64_t bad, ras;
	/* DS-Lite: the WAN's addresses, dslite0, what it was last given,
	 * and the AFTR name's resolution (dns_fd: -1 when aftr is an address). */
	struct dslite_addrs wan_addrs;
	int tnl_index, tnl_set;
	struct dslite_want tnl;
	struct aftr_resolve aftr;
	int no_servers_logged;
};

static void after_step(struct wan6 *d);

__attribute__((noreturn)) static void die(const char *what, const char *why)
{
	logx_err("%s: %s", what, why);
	exit(1);
}

/* ---- files ---- */

static void write_lease(struct wan6 *d, uint64_t now)
{
	static char text[LEASE_TEXT_MAX];
	static struct atomic_file f;
	size_t n = lease_format(&d->e, d->o.ifname, now, text, sizeof(text));

	if (!n) {
		logx_err("%s: lease text does not fit %d bytes", d->o.lease_path,
			 LEASE_TEXT_MAX);
		return;
	}
	if (atomic_open(&f, d->o.lease_path, 0644) < 0) {
		logx_err("%s: %s", d->o.lease_path, strerror(errno));
		return;
	}
	atomic_write(&f, text, n);
	if (atomic_commit(&f) < 0)
		logx_err("%s: %s", d->o.lease_path, strerror(errno));
}

static int prefix_path(const struct wan6 *d, char *path, size_t size)
{
	int n = snprintf(path, size, "%s/prefix", d->o.data_dir);

	return n > 0 && (size_t)n < size ? 0 : -1;
}

/* The last delegated prefix, for RFC 9096 after a reboot. /data may be
 * RAM or absent: then there is nothing to remember. */
static void load_saved(struct wan6 *d)
{
	char path[ATOMIC_PATH_MAX], text[128];
	struct rtnl_prefix p;
	int truncated;
	ssize_t n;

	if (prefix_path(d, path, sizeof(path)) < 0)
		return;
	n = file_read(path, text, sizeof(text), &truncated);
	if (n <= 0 || truncated)
		return;
	text[strcspn(text, "\n")] = '\0';
	if (rtnl_prefix_parse(text, &p) < 0 || p.family != AF_INET6) {
		logx_warn("%s: not a prefix, ignored: %s", path, text);
		return;
	}
	memset(&d->saved, 0, sizeof(d->saved));
	memcpy(d->saved.prefix, p.addr, 16);
	d->saved.len = p.len;
	d->saved_valid = 1;
	engine_remember(&d->e, p.addr, p.len);
	logx("%s: last delegated prefix %s", d->o.ifname, text);
}

static void save_prefix(struct wan6 *d)
{
	static struct atomic_file f;
	const struct engine_prefix *x = &d->e.prefixes[0];
	char path[ATOMIC_PATH_MAX], a[INET6_ADDRSTRLEN], line[64];
	struct stat st;
	int n;

	if (!d->e.n_prefixes ||
	    (d->saved_valid && d->saved.len == x->len &&
	     !memcmp(d->saved.prefix, x->prefix, 16)))
		return;
	if (prefix_path(d, path, sizeof(path)) < 0)
		return;
	if (stat(d->o.data_dir, &st) < 0) {
		if (!d->data_warned)
			logx("%s: %s; the prefix is not remembered across "
			     "reboots", d->o.data_dir, strerror(errno));
		d->data_warned = 1;
		return;
	}
	n = snprintf(line, sizeof(line), "%s/%u\n",
		     inet_ntop(AF_INET6, x->prefix, a, sizeof(a)), x->len);
	if (atomic_open(&f, path, 0644) < 0) {
		logx_err("%s: %s", path, strerror(errno));
		return;
	}
	atomic_write(&f, line, (size_t)n);
	if (atomic_commit(&f) < 0) {
		logx_err("%s: %s", path, strerror(errno));
		return;
	}
	d->saved = *x;
	d->saved_valid = 1;
}

/* ---- rtnetlink ---- */

static uint32_t secs_left(uint64_t until, uint64_t now)
{
	if (until == ENGINE_NEVER)
		return 0xffffffffu;
	if (until <= now)
		return 0;
	return (uint32_t)((until - now + 999) / 1000);
}

static void router_addr(const uint8_t prefix[16], struct rtnl_prefix *p)
{
	memset(p, 0, sizeof(*p));
	p->family = AF_INET6;
	p->len = 64;
	memcpy(p->addr, prefix, 16);
	p->addr[15] = 1;
}

static void add_lan_addr(struct wan6 *d, struct nlbuf *b,
			 const struct engine_lan_prefix *l, uint64_t pref_until,
			 uint64_t now)
{
	struct rtnl_prefix p;
	int ifindex = d->lan_index[l->lan];

	if (!ifindex)
		return;		/* logged when the link went */
	router_addr(l->prefix, &p);
	rtnl_addr_add_life(b, ++d->nl_seq, ifindex, &p, 0,
			   secs_left(pref_until, now),
			   secs_left(l->valid_until, now));
}

/* The engine's LAN /64s and deprecated /64s as addresses ::1 with their
 * lifetimes, an unreachable route for each delegated prefix, and the
 * routes of prefixes that went away removed. One batch, one ACK check. */
static void apply_net(struct wan6 *d, uint64_t now)
{
	static uint8_t mem[8192];
	struct nlbuf b;
	uint32_t first = d->nl_seq + 1, failed = 0;
	char msg[160];
	struct rtnl_prefix now_routes[WIRE_IA_MAX];
	unsigned n_now = 0;
	int rc;

	nlb_init(&b, mem, sizeof(mem));
	for (unsigned i = 0; i < d->e.n_lan_prefixes; i++)
		add_lan_addr(d, &b, &d->e.lan_prefixes[i],
			     d->e.lan_prefixes[i].pref_until, now);
	/* Preferred 0: deprecated now, gone when valid ends (L-13). */
	for (unsigned i = 0; i < d->e.n_deprecated; i++)
		add_lan_addr(d, &b, &d->e.deprecated[i], now, now);
	for (unsigned i = 0; i < d->e.n_prefixes; i++) {
		struct rtnl_prefix *r = &now_routes[n_now++];

		memset(r, 0, sizeof(*r));
		r->family = AF_INET6;
		r->len = d->e.prefixes[i].len;
		memcpy(r->addr, d->e.prefixes[i].prefix, 16);
		rtnl_route_unreachable(&b, ++d->nl_seq, r, 1);
	}
	for (unsigned i = 0; i < d->n_routes; i++) {
		int kept = 0;

		for (unsigned j = 0; j < n_now && !kept; j++)
			kept = now_routes[j].len == d->routes[i].len &&
			       !memcmp(now_routes[j].addr, d->routes[i].addr, 16);
		if (!kept)
			rtnl_route_unreachable(&b, ++d->nl_seq, &d->routes[i], 0);
	}
	memcpy(d->routes, now_routes, sizeof(now_routes));
	d->n_routes = n_now;
	if (d->nl_seq < first)
		return;
	rc = rtnl_apply_fd(d->req_fd, &b, first, d->nl_seq, &failed, msg,
			   sizeof(msg));
	/* ESRCH: an unreachable route already gone. */
	if (rc < 0 && rc != -ESRCH)
		logx_err("rtnetlink: request %u of %u..%u: %s%s%s", failed, first,
			 d->nl_seq, strerror(-rc), msg[0] ? ": " : "", msg);
	
}

/* The lease's IA_NA addresses on the WAN as /128s: the lease's lifetimes
 * (the kernel drops them if wan6 dies), DAD on, no prefix route (the
 * on-link /64 comes from RAs). Adds first, so that a refused add is the
 * error reported; a delete of one the kernel already dropped (expired,
 * failed DAD) is fine. */
static void apply_wan_na(struct wan6 *d, uint64_t now)
{
	static uint8_t mem[2048];
	struct wan_na_req req[WAN_NA_REQ_MAX];
	const struct wan_na_req *r;
	struct nlbuf b;
	uint32_t first = d->nl_seq + 1, failed = 0;
	char msg[160], a[INET6_ADDRSTRLEN];
	unsigned n = wan_na_plan(&d->na, &d->e, d->wan_up ? d->wan_index : 0,
				 now, req);
	int rc;

	if (!n)
		return;
	nlb_init(&b, mem, sizeof(mem));
	for (unsigned i = 0; i < n; i++) {
		struct rtnl_prefix p = { .family = AF_INET6, .len = 128 };

		memcpy(p.addr, req[i].addr, 16);
		if (req[i].op == WAN_NA_ADD)
			rtnl_addr_add_life(&b, ++d->nl_seq, d->wan_index, &p,
					   IFA_F_NOPREFIXROUTE,
					   req[i].preferred_secs,
					   req[i].valid_secs);
		else
			rtnl_addr_del(&b, ++d->nl_seq, d->wan_index, &p);
		if (req[i].op == WAN_NA_DEL || !req[i].renewal)
			logx("%s: %s %s/128", d->o.ifname,
			     req[i].op == WAN_NA_ADD ? "add" : "remove",
			     inet_ntop(AF_INET6, req[i].addr, a, sizeof(a)));
	}
	rc = rtnl_apply_fd(d->req_fd, &b, first, d->nl_seq, &failed, msg,
			   sizeof(msg));
	if (rc >= 0)
		return;
	if (failed < first || failed > d->nl_seq) {
		logx_err("%s: IA_NA addresses: rtnetlink: %s", d->o.ifname,
			 strerror(-rc));
		return;
	}
	r = &req[failed - first];
	if (rc != -EADDRNOTAVAIL || r->op != WAN_NA_DEL)
		logx_err("%s: %s %s/128: %s%s%s", d->o.ifname,
			 r->op == WAN_NA_ADD ? "add" : "remove",
			 inet_ntop(AF_INET6, r->addr, a, sizeof(a)),
			 strerror(-rc), msg[0] ? ": " : "", msg);
}

/* ---- logging ---- */

static void log_lease(struct wan6 *d, uint64_t now)
{
	char line[KEEL_LOG_LINE_MAX], a[INET6_ADDRSTRLEN];
	size_t used = 0;

#define ADD(...) do { \
	int n_ = snprintf(line + used, sizeof(line) - used, __VA_ARGS__); \
	if (n_ > 0 && (size_t)n_ < sizeof(line) - used) used += (size_t)n_; \
} while (0)
	for (unsigned i = 0; i < d->e.n_prefixes; i++)
		ADD(" prefix %s/%u valid %us",
		    inet_ntop(AF_INET6, d->e.prefixes[i].prefix, a, sizeof(a)),
		    d->e.prefixes[i].len,
		    secs_left(d->e.prefixes[i].valid_until, now));
	for (unsigned i = 0; i < d->e.n_addrs; i++)
		ADD(" address %s",
		    inet_ntop(AF_INET6, d->e.addrs[i].addr, a, sizeof(a)));
	for (unsigned i = 0; i < d->e.n_lan_prefixes; i++)
		ADD(" lan %s %s/64", d->e.lans[d->e.lan_prefixes[i].lan].name,
		    inet_ntop(AF_INET6, d->e.lan_prefixes[i].prefix, a, sizeof(a)));
	for (unsigned i = 0; i < d->e.n_deprecated; i++)
		ADD(" deprecated %s/64",
		    inet_ntop(AF_INET6, d->e.deprecated[i].prefix, a, sizeof(a)));
	if (d->e.n_dns)
		ADD(" dns %u", d->e.n_dns);
#undef ADD
	logx("%s: %s:%s", d->o.ifname, engine_state_name(d->e.state),
	     used ? line : " nothing bound");
	/* A LAN that got no /64 says why, once per binding. */
	for (unsigned p = 0; p < d->e.n_prefixes && d->e.lan_skipped; p++)
		for (unsigned l = 0; l < d->e.n_lans; l++) {
			uint8_t out[16];

			if (engine_lan_prefix(d->e.prefixes[p].prefix,
					      d->e.prefixes[p].len,
					      d->e.lans[l].subnet_id, out) < 0)
				logx_warn("[lan %s] subnet-id %u does not fit the "
					  "delegated %s/%u: the LAN gets no prefix "
					  "from it", d->e.lans[l].name,
					  d->e.lans[l].subnet_id,
					  inet_ntop(AF_INET6, d->e.prefixes[p].prefix,
						    a, sizeof(a)),
					  d->e.prefixes[p].len);
		}
}

/* ---- after every engine call ---- */

static const struct in6_addr all_dhcp_agents = {
	{ { 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2 } }
};

static void send_out(struct wan6 *d)
{
	struct sockaddr_in6 to;

	memset(&to, 0, sizeof(to));
	to.sin6_family = AF_INET6;
	to.sin6_addr = all_dhcp_agents;
	to.sin6_port = htons(DHCP6_SERVER_PORT);
	to.sin6_scope_id = (uint32_t)d->wan_index;
	if (d->wan_index &&
	    sendto(d->udp_fd, d->e.out, d->e.out_len, 0,
		   (struct sockaddr *)&to, sizeof(to)) < 0)
		/* Before DAD there is no link-local source: the next
		 * retransmission tries again. */
		logx_warn("%s: send %s: %s", d->o.ifname,
			  wire_type_name(d->e.out[0]), strerror(errno));
	d->e.out_len = 0;
}

/* ---- DS-Lite ---- */

static void send_query(struct wan6 *d)
{
	struct sockaddr_in6 to;
	const uint8_t *server = d->aftr.servers[d->aftr.server];

	memset(&to, 0, sizeof(to));
	to.sin6_family = AF_INET6;
	to.sin6_port = htons(DNS_PORT);
	memcpy(&to.sin6_addr, server, 16);
	if (IN6_IS_ADDR_LINKLOCAL(&to.sin6_addr))
		to.sin6_scope_id = (uint32_t)d->wan_index;
	if (sendto(d->dns_fd, d->aftr.out, d->aftr.out_len, 0,
		   (struct sockaddr *)&to, sizeof(to)) < 0) {
		char a[INET6_ADDRSTRLEN];

		/* The timeout moves on to the next server. */
		logx_warn("AFTR %s: query to %s: %s", d->aftr.name,
			  inet_ntop(AF_INET6, server, a, sizeof(a)),
			  strerror(errno));
	}
	d->aftr.out_len = 0;
}

static void resolve_step(struct wan6 *d, uint64_t now)
{
	char a[INET6_ADDRSTRLEN];

	const uint8_t (*servers)[16];
	const char *name;
	unsigned n_servers;

	if (d->dns_fd < 0)
		return;
	name = dslite_resolve_input(&d->o.dslite, &d->e, &servers, &n_servers);
	aftr_set(&d->aftr, now, name, servers, n_servers);
	if (d->aftr.out_len)
		send_query(d);
	if (d->aftr.round_failed) {
		d->aftr.round_failed = 0;
		if (!d->aftr.n_servers) {
			/* [wan] aftr NAME is there from the start, before
			 * DHCPv6 could answer: said once DHCPv6 is done, is
			 * off, or has had three rounds' time (15 s). */
			int due = d->o.mode == ENGINE_OFF ||
				d->e.state == ENGINE_BOUND ||
				d->e.state == ENGINE_INFO || d->aftr.failures >= 3;

			if (!d->no_servers_logged && due) {
				logx_err("AFTR %s: DHCPv6 gave no DNS servers "
					 "(option 23), nor has [wan] dns an IPv6 "
					 "one, to resolve it with: dslite0 has no "
					 "remote end", d->aftr.name);
				d->no_servers_logged = 1;
			}
		} else {
			logx_err("AFTR %s not resolved (attempt %u: %s from %u "
				 "DNS servers); dslite0 %s; next try in %llu s",
				 d->aftr.name, d->aftr.failures,
				 d->aftr.last_error == DNS_OK ? "no answer" :
				 dns_result_name(d->aftr.last_error),
				 d->aftr.n_servers,
				 d->aftr.has_addr ? "keeps the last address" :
				 "has no remote end",
				 (unsigned long long)((d->aftr.next_at - now) / 1000));
		}
	} else if (d->aftr.n_servers) {
		d->no_servers_logged = 0;
	}
	if (d->aftr.changed) {
		d->aftr.changed = 0;
		logx("AFTR %s is %s", d->aftr.name,
		     inet_ntop(AF_INET6, d->aftr.addr, a, sizeof(a)));
	}
}

/* dslite0's ends when they differ from what it was given last (or it
 * is new): rtnl_ip6tnl_change with everything, as the kernel wants. */
static void tunnel_step(struct wan6 *d, uint64_t now)
{
	static uint8_t mem[512];
	struct dslite_want w;
	struct nlbuf b;
	uint32_t failed = 0;
	char msg[160], l[INET6_ADDRSTRLEN], r[INET6_ADDRSTRLEN];
	int rc;

	if (!dslite_decide(&d->o.dslite, &d->e, now, &d->wan_addrs,
			   d->aftr.has_addr ? d->aftr.addr : NULL,
			   d->tnl_set ? d->tnl.local : NULL, &w) ||
	    !d->tnl_index || !d->wan_index)
		return;
	if (d->tnl_set && !memcmp(w.local, d->tnl.local, 16) &&
	    !memcmp(w.remote, d->tnl.remote, 16))
		return;
	nlb_init(&b, mem, sizeof(mem));
	rtnl_ip6tnl_change(&b, ++d->nl_seq, d->tnl_index, d->wan_index,
			   w.local, w.remote);
	/* Recorded even when refused: tried again when an input changes,
	 * not in a loop. */
	d->tnl = w;
	d->tnl_set = 1;
	inet_ntop(AF_INET6, w.local, l, sizeof(l));
	inet_ntop(AF_INET6, w.remote, r, sizeof(r));
	rc = rtnl_apply_fd(d->req_fd, &b, d->nl_seq, d->nl_seq, &failed, msg,
			   sizeof(msg));
	if (rc < 0)
		logx_err("%s: set local %s (%s) remote %s (%s): %s%s%s",
			 CONFIG_DSLITE_IFNAME, l, dslite_from_name(w.local_from),
			 r, dslite_from_name(w.remote_from), strerror(-rc),
			 msg[0] ? ": " : "", msg);
	else
		logx("%s: local %s (%s) remote %s (%s)", CONFIG_DSLITE_IFNAME,
		     l, dslite_from_name(w.local_from), r,
		     dslite_from_name(w.remote_from));
}

static void after_step(struct wan6 *d)
{
	uint64_t now = clock_boot_ms(), wake;

	if (d->e.out_len)
		send_out(d);
	if (d->e.state != d->logged_state) {
		if (d->e.state != ENGINE_BOUND)
			logx("%s: %s -> %s", d->o.ifname,
			     engine_state_name(d->logged_state),
			     engine_state_name(d->e.state));
		d->logged_state = d->e.state;
	}
	if (d->e.lease_changed) {
		d->e.lease_changed = 0;
		write_lease(d, now);
		apply_net(d, now);
		save_prefix(d);
		if (d->e.state == ENGINE_BOUND || d->e.state == ENGINE_INFO ||
		    d->e.n_deprecated)
			log_lease(d, now);
	}
	/* Every time, not only on a lease change: a WAN link that came
	 * back has lost its addresses. Nothing is sent when nothing
	 * changed. */
	apply_wan_na(d, now);
	if (d->o.dslite.on) {
		resolve_step(d, now);
		tunnel_step(d, now);
	}
	wake = engine_next_wakeup(&d->e);
	if (d->dns_fd >= 0 && aftr_next_wakeup(&d->aftr) < wake)
		wake = aftr_next_wakeup(&d->aftr);
	if (wake == ENGINE_NEVER) {
		evloop_timer_cancel(&d->loop, &d->timer);
		return;
	}
	evloop_timer_set(&d->loop, &d->timer,
			 wake <= now ? 0 : wake - now > MAX_SLEEP_MS ?
			 MAX_SLEEP_MS : wake - now);
}

static void on_timer(struct evloop *loop, struct evloop_timer *t)
{
	struct wan6 *d = t->arg;

	(void)loop;
	engine_timer(&d->e, clock_boot_ms());
	if (d->dns_fd >= 0)
		aftr_timer(&d->aftr, clock_boot_ms());
	after_step(d);
}

/* ---- packets ---- */

/* The arriving interface, from IPV6_PKTINFO; 0 if absent. */
static int pkt_ifindex(struct msghdr *msg, int *hop_limit)
{
	int ifindex = 0;

	for (struct cmsghdr *c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		if (c->cmsg_level != IPPROTO_IPV6)
			continue;
		if (c->cmsg_type == IPV6_PKTINFO &&
		    c->cmsg_len >= CMSG_LEN(sizeof(struct in6_pktinfo))) {
			struct in6_pktinfo pi;

			memcpy(&pi, CMSG_DATA(c), sizeof(pi));
			ifindex = (int)pi.ipi6_ifindex;
		} else if (hop_limit && c->cmsg_type == IPV6_HOPLIMIT &&
			   c->cmsg_len >= CMSG_LEN(sizeof(int))) {
			memcpy(hop_limit, CMSG_DATA(c), sizeof(int));
		}
	}
	return ifindex;
}

static ssize_t recv_one(int fd, uint8_t *buf, size_t size,
			struct sockaddr_in6 *from, int *ifindex, int *hop_limit)
{
	union {
		struct cmsghdr align;
		uint8_t space[CMSG_SPACE(sizeof(struct in6_pktinfo)) +
			      CMSG_SPACE(sizeof(int))];
	} control;
	struct iovec iov = { buf, size };
	struct msghdr msg = {
		.msg_name = from, .msg_namelen = sizeof(*from),
		.msg_iov = &iov, .msg_iovlen = 1,
		.msg_control = control.space,
		.msg_controllen = sizeof(control.space),
	};
	ssize_t n = recvmsg(fd, &msg, MSG_DONTWAIT);

	if (n < 0)
		return -1;
	if (msg.msg_namelen < sizeof(*from) || (msg.msg_flags & MSG_TRUNC))
		return -2;
	*ifindex = pkt_ifindex(&msg, hop_limit);
	return n;
}

static void on_udp(struct evloop *loop, struct evloop_fd *w, uint32_t events)
{
	struct wan6 *d = w->arg;
	uint8_t buf[1500];

	(void)loop;
	(void)events;
	for (int i = 0; i < 32; i++) {
		struct sockaddr_in6 from;
		struct wire_msg m;
		enum wire_result r;
		int ifindex = 0;
		ssize_t n = recv_one(w->fd, buf, sizeof(buf), &from, &ifindex,
				     NULL);

		if (n == -1) {
			if (errno != EAGAIN && errno != EINTR)
				logx_err("DHCPv6 recv: %s", strerror(errno));
			return;
		}
		/* Only from a server port on the WAN: nothing from a LAN. */
		if (n < 0 || !d->wan_index || ifindex != d->wan_index ||
		    ntohs(from.sin6_port) != DHCP6_SERVER_PORT) {
			d->bad++;
			continue;
		}
		r = wire_parse(buf, (size_t)n, d->e.iaid, &m);
		if (r != WIRE_OK) {
			d->bad++;
			logx_warn("%s: DHCPv6 %s: %s", d->o.ifname,
				  wire_type_name(buf[0]), wire_result_name(r));
			continue;
		}
		if (m.na.present && m.na.status != DHCP6_STATUS_SUCCESS)
			logx("%s: %s: IA_NA %s", d->o.ifname,
			     wire_type_name(m.type), wire_status_name(m.na.status));
		if (m.pd.present && m.pd.status != DHCP6_STATUS_SUCCESS)
			logx("%s: %s: IA_PD %s", d->o.ifname,
			     wire_type_name(m.type), wire_status_name(m.pd.status));
		engine_receive(&d->e, clock_boot_ms(), &m);
		after_step(d);
	}
}

static void on_raw(struct evloop *loop, struct evloop_fd *w, uint32_t events)
{
	struct wan6 *d = w->arg;
	uint8_t buf[1500];

	(void)loop;
	(void)events;
	for (int i = 0; i < 32; i++) {
		struct sockaddr_in6 from;
		int ifindex = 0, hop_limit = -1;
		ssize_t n = recv_one(w->fd, buf, sizeof(buf), &from, &ifindex,
				     &hop_limit);

		if (n == -1)
			return;
		/* RFC 4861 6.1.2: from a link-local router, hop limit 255. */
		if (n < 16 || !d->wan_index || ifindex != d->wan_index ||
		    hop_limit != 255 || buf[0] != ND_ROUTER_ADVERT ||
		    buf[1] != 0 || !IN6_IS_ADDR_LINKLOCAL(&from.sin6_addr)) {
			d->bad++;
			continue;
		}
		d->ras++;
		engine_ra(&d->e, clock_boot_ms(), !!(buf[5] & 0x80),
			  !!(buf[5] & 0x40));
		after_step(d);
	}
}

/* Answers about the AFTR name: only from port 53 of the server asked
 * (aftr_answer checks the address, the ID and the question). */
static void on_dns(struct evloop *loop, struct evloop_fd *w, uint32_t events)
{
	struct wan6 *d = w->arg;
	uint8_t buf[DNS_MSG_MAX];

	(void)loop;
	(void)events;
	for (int i = 0; i < 8; i++) {
		struct sockaddr_in6 from;
		socklen_t len = sizeof(from);
		ssize_t n = recvfrom(w->fd, buf, sizeof(buf), MSG_DONTWAIT,
				     (struct sockaddr *)&from, &len);

		if (n < 0)
			break;
		if (len < sizeof(from) || from.sin6_family != AF_INET6 ||
		    ntohs(from.sin6_port) != DNS_PORT) {
			d->bad++;
			continue;
		}
		aftr_answer(&d->aftr, clock_boot_ms(), from.sin6_addr.s6_addr,
			    buf, (size_t)n);
	}
	after_step(d);
}

static const struct in6_addr all_routers = {
	{ { 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } }
};

/* A Router Solicitation, so a link that just came up hears an RA now
 * rather than at the router's next interval. */
static void solicit_router(struct wan6 *d)
{
	uint8_t rs[8] = { ND_ROUTER_SOLICIT };
	struct sockaddr_in6 to;

	memset(&to, 0, sizeof(to));
	to.sin6_family = AF_INET6;
	to.sin6_addr = all_routers;
	to.sin6_scope_id = (uint32_t)d->wan_index;
	(void)sendto(d->raw_fd, rs, sizeof(rs), 0, (struct sockaddr *)&to,
		     sizeof(to));
}

/* ---- links ---- */

static void link_event(struct wan6 *d, int ifindex, const char *name,
		       unsigned flags, int gone)
{
	int up = !gone && (flags & IFF_UP) && (flags & IFF_RUNNING);

	for (unsigned i = 0; i < d->o.n_lans; i++)
		if (!strcmp(name, d->o.lans[i].ifname)) {
			int was = d->lan_index[i];

			d->lan_index[i] = gone ? 0 : ifindex;
			/* A LAN bridge made again: its addresses are gone. */
			if (!was && !gone)
				d->e.lease_changed = 1;
		}
	if (d->o.dslite.on && !strcmp(name, CONFIG_DSLITE_IFNAME)) {
		int now_index = gone ? 0 : ifindex;

		/* Made anew (a live apply): it has init's ends again. */
		if (now_index != d->tnl_index)
			d->tnl_set = 0;
		d->tnl_index = now_index;
	}
	if (strcmp(name, d->o.ifname))
		return;
	if ((gone ? 0 : ifindex) != d->wan_index) {
		memset(&d->wan_addrs, 0, sizeof(d->wan_addrs));
		d->tnl_set = 0;	/* its link index changed with it */
	}
	d->wan_index = gone ? 0 : ifindex;
	if (up == d->wan_up)
		return;
	d->wan_up = up;
	logx("%s: link %s", d->o.ifname, up ? "up" : gone ? "gone" : "down");
	engine_link(&d->e, clock_boot_ms(), up);
	if (up)
		solicit_router(d);
}

/* A WAN address added, changed or removed: DS-Lite's local end, and
 * DAD's verdict on the IA_NA address. */
static void addr_event(struct wan6 *d, const struct nlmsg_view *m)
{
	struct ifaddrmsg ifa;
	struct nla_view tb[IFA_MAX + 1];
	const struct nla_view *a;
	uint32_t flags;

	if (m->payload_len < sizeof(ifa))
		return;
	memcpy(&ifa, m->payload, sizeof(ifa));
	if (ifa.ifa_family != AF_INET6 || !d->wan_index ||
	    (int)ifa.ifa_index != d->wan_index ||
	    ifa.ifa_scope != RT_SCOPE_UNIVERSE ||
	    nlmsg_parse(m, sizeof(ifa), tb, IFA_MAX) < 0)
		return;
	a = tb[IFA_LOCAL].data ? &tb[IFA_LOCAL] : &tb[IFA_ADDRESS];
	if (!a->data || a->len != 16)
		return;
	if (nla_get_u32(&tb[IFA_FLAGS], &flags) < 0)
		flags = ifa.ifa_flags;
	dslite_addr_event(&d->wan_addrs, a->data, flags,
			  m->hdr.nlmsg_type == RTM_DELADDR);
	/* Another node has our address (RFC 8415 18.2.10.1): the kernel
	 * reports it in RTM_DELADDR (or RTM_NEWADDR for an address with
	 * infinite lifetimes) with IFA_F_DADFAILED. */
	if ((flags & IFA_F_DADFAILED) && wan_na_dad_failed(&d->na, a->data)) {
		char text[INET6_ADDRSTRLEN];

		logx_err("%s: %s failed DAD: another node on the link uses it; "
			 "%s", d->o.ifname,
			 inet_ntop(AF_INET6, a->data, text, sizeof(text)),
			 engine_decline(&d->e, clock_boot_ms(), a->data) &&
			 d->e.state == ENGINE_DECLINING ?
			 "declining it" : "dropped");
	}
}

/* The links' dump is seq 1; after it, the WAN's addresses (seq 2):
 * one dump at a time on a netlink socket. */
static void dump(struct wan6 *d, uint16_t type, uint32_t seq)
{
	struct { struct nlmsghdr h; struct ifinfomsg i; } links = {
		.h = { .nlmsg_len = sizeof(links), .nlmsg_type = RTM_GETLINK,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		       .nlmsg_seq = seq },
		.i = { .ifi_family = AF_UNSPEC },
	};
	struct { struct nlmsghdr h; struct ifaddrmsg i; } addrs = {
		.h = { .nlmsg_len = sizeof(addrs), .nlmsg_type = RTM_GETADDR,
		       .nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP,
		       .nlmsg_seq = seq },
		.i = { .ifa_family = AF_INET6 },
	};
	ssize_t rc = type == RTM_GETLINK ?
		send(d->mon_fd, &links, sizeof(links), 0) :
		send(d->mon_fd, &addrs, sizeof(addrs), 0);

	if (rc < 0)
		logx_err("rtnetlink dump: %s", strerror(errno));
}

static void on_netlink(struct evloop *loop, struct evloop_fd *w,
		       uint32_t events)
{
	struct wan6 *d = w->arg;
	static uint8_t buf[16384];

	(void)loop;
	(void)events;
	for (int i = 0; i < 16; i++) {
		ssize_t n = recv(w->fd, buf, sizeof(buf), MSG_DONTWAIT);
		struct nlmsg_view m;
		size_t off = 0;

		if (n < 0) {
			/* ENOBUFS: events lost; ask for the whole list. */
			if (errno == ENOBUFS) {
				if (d->o.dslite.on)
					memset(&d->wan_addrs, 0,
					       sizeof(d->wan_addrs));
				dump(d, RTM_GETLINK, 1);
			}
			break;
		}
		while (nlmsg_next(buf, (size_t)n, &off, &m) == 1) {
			struct ifinfomsg ifi;
			struct nla_view tb[IFLA_MAX + 1];
			char name[IF_NAMESIZE];

			if (m.hdr.nlmsg_type == NLMSG_DONE &&
			    m.hdr.nlmsg_seq == 1 && d->o.dslite.on)
				dump(d, RTM_GETADDR, 2);
			if (m.hdr.nlmsg_type == RTM_NEWADDR ||
			    m.hdr.nlmsg_type == RTM_DELADDR)
				addr_event(d, &m);
			if ((m.hdr.nlmsg_type != RTM_NEWLINK &&
			     m.hdr.nlmsg_type != RTM_DELLINK) ||
			    m.payload_len < sizeof(ifi))
				continue;
			memcpy(&ifi, m.payload, sizeof(ifi));
			if (nlmsg_parse(&m, sizeof(ifi), tb, IFLA_MAX) < 0 ||
			    nla_get_str(&tb[IFLA_IFNAME], name, sizeof(name)) < 0)
				continue;
			link_event(d, ifi.ifi_index, name, ifi.ifi_flags,
				   m.hdr.nlmsg_type == RTM_DELLINK);
		}
	}
	after_step(d);
}

/* ---- setup ---- */

static void link_mac(const char *ifname, uint8_t mac[6])
{
	struct ifreq ifr;
	int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		die("socket", strerror(errno));
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
		die(ifname, strerror(errno));
	if (ifr.ifr_hwaddr.sa_family != ARPHRD_ETHER)
		die(ifname, "not an Ethernet port: no MAC for the DUID");
	memcpy(mac, ifr.ifr_hwaddr.sa_data, 6);
	close(fd);
}

static void open_sockets(struct wan6 *d)
{
	struct sockaddr_in6 addr;
	struct sockaddr_nl nl;
	struct icmp6_filter filter;
	int one = 1, hops = 255;

	/* Not bound to the device: ppp0 may not exist yet. IPV6_PKTINFO
	 * names the arriving interface instead, checked per packet. */
	d->udp_fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (d->udp_fd < 0)
		die("DHCPv6 socket", strerror(errno));
	if (setsockopt(d->udp_fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one)) < 0 ||
	    setsockopt(d->udp_fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one,
		       sizeof(one)) < 0)
		die("DHCPv6 socket options", strerror(errno));
	memset(&addr, 0, sizeof(addr));
	addr.sin6_family = AF_INET6;
	addr.sin6_port = htons(DHCP6_CLIENT_PORT);
	if (bind(d->udp_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind DHCPv6 port 546", strerror(errno));

	d->raw_fd = socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
			   IPPROTO_ICMPV6);
	if (d->raw_fd < 0)
		die("raw ICMPv6 socket", strerror(errno));
	ICMP6_FILTER_SETBLOCKALL(&filter);
	ICMP6_FILTER_SETPASS(ND_ROUTER_ADVERT, &filter);
	if (setsockopt(d->raw_fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter,
		       sizeof(filter)) < 0 ||
	    setsockopt(d->raw_fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one,
		       sizeof(one)) < 0 ||
	    setsockopt(d->raw_fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
		       sizeof(one)) < 0 ||
	    setsockopt(d->raw_fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops,
		       sizeof(hops)) < 0)
		die("ICMPv6 socket options", strerror(errno));

	/* Link events first, then the dump: nothing falls in between. */
	d->mon_fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
			   NETLINK_ROUTE);
	if (d->mon_fd < 0)
		die("rtnetlink socket", strerror(errno));
	memset(&nl, 0, sizeof(nl));
	nl.nl_family = AF_NETLINK;
	/* And the IPv6 addresses: DAD on the IA_NA address, and under
	 * DS-Lite the tunnel's local end. */
	nl.nl_groups = RTMGRP_LINK | RTMGRP_IPV6_IFADDR;
	if (bind(d->mon_fd, (struct sockaddr *)&nl, sizeof(nl)) < 0)
		die("rtnetlink link events", strerror(errno));
	d->req_fd = nlsock_open(NETLINK_ROUTE);
	if (d->req_fd < 0)
		die("rtnetlink socket", strerror(errno));
	/* The AFTR name's queries: one socket for the daemon's life, its
	 * port picked by the kernel (no socket() under seccomp). */
	d->dns_fd = -1;
	if (d->o.dslite.on && !d->o.dslite.has_remote) {
		d->dns_fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC |
				   SOCK_NONBLOCK, 0);
		if (d->dns_fd < 0)
			die("DNS socket", strerror(errno));
	}
}

static int load_config(struct wan6_options *o, char *err, size_t errlen)
{
	static struct keel_config cfg;
	struct config_error cerr;

	if (config_load(o->config_path, &cfg, &cerr) < 0) {
		snprintf(err, errlen, "%s", cerr.msg);
		return -1;
	}
	return options_from_config(o, &cfg, err, errlen);
}

static void on_stop(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	struct wan6 *d = arg;

	/* No Release (RFC 7084 / wan.md): a reboot asks for the same
	 * bindings, and the LAN keeps its addresses until they expire. */
	logx("signal %u: %llu RAs seen, %llu packets dropped, %llu answers "
	     "ignored; exiting", si->ssi_signo, (unsigned long long)d->ras,
	     (unsigned long long)d->bad, (unsigned long long)d->e.ignored);
	evloop_stop(loop);
}

int main(int argc, char **argv)
{
	static struct wan6 d;
	struct engine_lan_cfg lans[CONFIG_MAX_LANS];
	uint8_t mac[6];
	char err[320];
	const char *why;
	int rc;

	log_init("wan6", KEEL_LOG_STDERR);
	rc = options_parse(argc, argv, &d.o, err, sizeof(err), stdout);
	if (rc)
		return rc > 0 ? 0 : (logx_err("%s", err), 2);
	if (load_config(&d.o, err, sizeof(err)) < 0) {
		logx_err("%s: %s", d.o.config_path, err);
		return 1;
	}
	if (d.o.check_only) {
		options_print(&d.o, stdout);
		return 0;
	}
	if (d.o.mode == ENGINE_OFF && !d.o.dslite.on) {
		logx("[wan] dhcpv6 off: nothing to do");
		return 0;
	}

	link_mac(d.o.link, mac);
	memset(lans, 0, sizeof(lans));
	for (unsigned i = 0; i < d.o.n_lans; i++) {
		memcpy(lans[i].name, d.o.lans[i].name, sizeof(d.o.lans[i].name));
		lans[i].subnet_id = d.o.lans[i].subnet_id;
	}
	engine_init(&d.e, d.o.mode, d.o.ifname, mac, lans, d.o.n_lans,
		    clock_mono_us() ^ (uint64_t)getpid() << 32 ^
		    (uint64_t)mac[5] << 24 ^ 0x9e3779b97f4a7c15ull);
	aftr_init(&d.aftr, clock_mono_us() ^ (uint64_t)getpid() << 40 ^
		  (uint64_t)mac[4] << 16);
	load_saved(&d);
	open_sockets(&d);
	if (geteuid() == 0) {
		if (privdrop_keep_caps(d.o.user, 1ull << CAP_NET_ADMIN, &why) < 0) {
			snprintf(err, sizeof(err), "drop privileges to %s", d.o.user);
			die(err, why);
		}
	} else {
		logx_warn("not root: privileges not dropped");
	}

	if (evloop_init(&d.loop) < 0)
		die("event loop", strerror(errno));
	d.udp_watch = (struct evloop_fd){ d.udp_fd, on_udp, &d };
	d.raw_watch = (struct evloop_fd){ d.raw_fd, on_raw, &d };
	d.mon_watch = (struct evloop_fd){ d.mon_fd, on_netlink, &d };
	d.dns_watch = (struct evloop_fd){ d.dns_fd, on_dns, &d };
	d.timer.cb = on_timer;
	d.timer.arg = &d;
	if (evloop_fd_add(&d.loop, &d.udp_watch, EPOLLIN) < 0 ||
	    evloop_fd_add(&d.loop, &d.raw_watch, EPOLLIN) < 0 ||
	    evloop_fd_add(&d.loop, &d.mon_watch, EPOLLIN) < 0 ||
	    (d.dns_fd >= 0 &&
	     evloop_fd_add(&d.loop, &d.dns_watch, EPOLLIN) < 0) ||
	    evloop_signal(&d.loop, SIGTERM, on_stop, &d) < 0 ||
	    evloop_signal(&d.loop, SIGINT, on_stop, &d) < 0)
		die("event loop setup", strerror(errno));
	/* The links as they are now (then, under DS-Lite, the addresses);
	 * then their events. */
	dump(&d, RTM_GETLINK, 1);
	logx("%s: DHCPv6 %s, IAID %08x, DUID-LL from %s, %u LANs%s", d.o.ifname,
	     d.o.mode == ENGINE_ON ? "on" : d.o.mode == ENGINE_OFF ? "off" :
	     "when an RA asks (auto)", d.e.iaid, d.o.link, d.o.n_lans,
	     !d.o.dslite.on ? "" : d.o.dslite.has_remote ?
	     ", DS-Lite (AFTR from the config)" : d.o.dslite.name[0] ?
	     ", DS-Lite (AFTR by name from the config)" :
	     ", DS-Lite (AFTR from DHCPv6 option 64)");
	write_lease(&d, clock_boot_ms());
	if (seccomp_lockdown(&wan6_seccomp, err, sizeof(err)) < 0)
		die("seccomp", err);
	if (ready_notify() < 0)
		logx_warn("cannot tell init we are ready: %s", strerror(errno));
	rc = evloop_run(&d.loop);
	if (rc < 0)
		logx_err("event loop: %s", strerror(errno));
	evloop_close(&d.loop);
	return rc < 0 ? 1 : 0;
}
