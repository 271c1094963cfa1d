/*
 * main.c - rad: the socket, the event loop, timers and privilege drop.
 * What goes into an RA is in ra_build.c, what makes an RS valid in
 * rs_parse.c; this file decides when to send and to whom.
 *
 * Timing follows RFC 4861 section 6.2.4-6.2.6: unsolicited RAs to ff02::1
 * at random intervals in [min, max], the first three 1-4 s apart so a LAN
 * coming up is configured quickly; a solicitation from a host that has an
 * address is answered at once by unicast (bounded per second), one from ::
 * by a multicast RA at most every MIN_DELAY_BETWEEN_RAS.
 *
 * With -D, a UDP socket on port 547 also answers DHCPv6 Information-
 * requests (dhcp6_parse.c, dhcp6_reply.c) with the same DNS servers and
 * domain, for hosts that follow the O flag rather than read RDNSS.
 *
 * wan6's lease file (-L, /run/wan6/lease) adds the ISP-delegated prefixes
 * (lease6.c, delegated.c). wan6 replaces it by rename, so rad watches its
 * directory with inotify, and polls its stat() every 2 s while the
 * directory cannot be watched (missing, unreadable), every 30 s otherwise.
 * A change is announced at once, then as after a restart (RFC 4861
 * section 6.2.4: a few RAs 1-4 s apart).
 */
#define _GNU_SOURCE	/* SO_BINDTODEVICE, struct ifreq, in6_pktinfo */
#include <arpa/inet.h>
#include <errno.h>
#include <net/if.h>
#include <net/if_arp.h>
#include <netinet/icmp6.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/config.h"
#include "keel/evloop.h"
#include "keel/file.h"
#include "keel/log.h"
#include "keel/privdrop.h"
#include "keel/ready.h"
#include "keel/seccomp.h"

#include "delegated.h"
#include "dhcp6_wire.h"
#include "from_config.h"
#include "lease6.h"
#include "linklocal.h"
#include "options.h"
#include "ra_wire.h"
#include "seccomp_list.h"

#define MAX_INITIAL_RTR_ADVERTISEMENTS	3
#define INITIAL_MIN_MS			1000
#define INITIAL_MAX_MS			4000
#define MIN_DELAY_BETWEEN_RAS_MS	3000
#define MAX_RA_DELAY_TIME_MS		500
/* Unicast replies per second, in total: a flood of solicitations must not
 * turn the router into an amplifier. */
#define UNICAST_PER_SEC			20
/* DHCPv6 Replies per second, in total, on a budget of their own so a
 * flood of one kind cannot silence the other. */
#define DHCP6_REPLIES_PER_SEC		20
#define LINKLOCAL_RETRY_MS		1000
/* The lease file's stat() while its directory has no inotify watch, and
 * as a safety net while it has one. */
#define LEASE_POLL_MS			2000
#define LEASE_POLL_WATCHED_MS		30000
/* RAs for lease changes at most this often: a writer rewriting the file
 * in a loop must not turn into an RA flood. */
#define LEASE_RA_GAP_MS			1000

/* At most `limit` events per second of the monotonic clock. */
struct rate_window {
	uint64_t second;
	unsigned count;
};

struct rad {
	struct rad_options cfg;
	struct evloop loop;
	struct evloop_fd watch;
	struct evloop_timer periodic;	/* next unsolicited RA */
	struct evloop_timer solicited;	/* multicast answer to RS from :: */
	struct evloop_timer linklocal;	/* waiting for DAD to finish */
	int fd, ifindex, ready, wait_logged;
	unsigned initial_sent;
	uint64_t last_mcast_ms;
	struct rate_window unicast_rate;
	uint64_t rng;
	uint8_t ra[RA_MAX_LEN];
	size_t ra_len;
	uint64_t last_error_log;
	uint64_t sent_mcast, sent_unicast, dropped_bad, dropped_rate;

	/* Stateless DHCPv6 (-D). */
	struct evloop_fd dhcp6_watch;
	int dhcp6_fd;
	struct dhcp6_server dhcp6;
	struct rate_window dhcp6_rate;
	uint64_t dhcp6_replies, dhcp6_bad, dhcp6_ignored, dhcp6_over_rate;

	/* ISP-delegated prefixes from wan6's lease file. */
	struct delegated delegated;
	struct file_stamp lease_stamp;
	struct evloop_timer lease_poll;
	struct evloop_fd lease_watch;	/* inotify on the file's directory */
	int inotify_fd, inotify_wd, watch_errno;
	char lease_dir[RAD_LEASE_PATH_MAX];
	uint64_t lease_dropped;
};

__attribute__((noreturn)) static void die(const char *what, const char *why)
{
	logx_err("%s: %s", what, why);
	exit(1);
}

static uint64_t rng_next(struct rad *d)
{
	/* xorshift64: timing jitter only, nothing secret. */
	d->rng ^= d->rng << 13;
	d->rng ^= d->rng >> 7;
	d->rng ^= d->rng << 17;
	return d->rng;
}

static uint64_t rng_between(struct rad *d, uint64_t lo, uint64_t hi)
{
	return lo + rng_next(d) % (hi - lo + 1);
}

static int rate_allow(struct rate_window *w, unsigned limit)
{
	uint64_t second = clock_mono_ms() / 1000;

	if (second != w->second) {
		w->second = second;
		w->count = 0;
	}
	if (w->count >= limit)
		return 0;
	w->count++;
	return 1;
}

static void log_send_error(struct rad *d, const char *what,
			   const struct in6_addr *dst)
{
	uint64_t now = clock_mono_ms();
	char a[INET6_ADDRSTRLEN];

	/* One line per 10 s: a link going down must not flood the log. */
	if (now - d->last_error_log < 10000 && d->last_error_log)
		return;
	d->last_error_log = now;
	logx_err("%s: send %s to %s: %s", d->cfg.ifname, what,
		 inet_ntop(AF_INET6, dst, a, sizeof(a)), strerror(errno));
}

static int send_to(struct rad *d, const uint8_t *pkt, size_t len,
		   const struct in6_addr *dst)
{
	struct sockaddr_in6 to;

	memset(&to, 0, sizeof(to));
	to.sin6_family = AF_INET6;
	to.sin6_addr = *dst;
	to.sin6_scope_id = (uint32_t)d->ifindex;
	if (sendto(d->fd, pkt, len, 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0) {
		log_send_error(d, "RA", dst);
		return -1;
	}
	return 0;
}

static const struct in6_addr all_nodes = {
	{ { 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 } }
};
static const struct in6_addr all_routers = {
	{ { 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2 } }
};

/* The RA with the delegated prefixes' lifetimes as they are now. */
static void refresh_ra(struct rad *d)
{
	size_t len;

	delegated_to_ra(&d->delegated, &d->cfg.ra, clock_boot_ms());
	len = ra_build(&d->cfg.ra, (uint16_t)d->cfg.router_lifetime, d->ra,
		       sizeof(d->ra));
	/* Cannot happen (RA_MAX_LEN holds every prefix): keep the last. */
	if (len)
		d->ra_len = len;
	else
		logx_err("%s: RA does not fit; sending the previous one",
			 d->cfg.ifname);
}

/* A multicast RA now, and the next unsolicited one scheduled from now. */
static void advertise(struct rad *d)
{
	uint64_t next_ms;

	refresh_ra(d);
	if (send_to(d, d->ra, d->ra_len, &all_nodes) == 0)
		d->sent_mcast++;
	d->last_mcast_ms = clock_mono_ms();
	evloop_timer_cancel(&d->loop, &d->solicited);
	/* The first MAX_INITIAL_RTR_ADVERTISEMENTS come quickly (RFC 4861
	 * section 6.2.4 allows up to 16 s apart; 1-4 s configures a LAN
	 * that just came up at once), the rest at the configured pace. */
	if (d->initial_sent < MAX_INITIAL_RTR_ADVERTISEMENTS)
		d->initial_sent++;
	if (d->initial_sent < MAX_INITIAL_RTR_ADVERTISEMENTS) {
		next_ms = rng_between(d, INITIAL_MIN_MS, INITIAL_MAX_MS);
	} else {
		next_ms = rng_between(d, (uint64_t)d->cfg.min_interval * 1000,
				      (uint64_t)d->cfg.max_interval * 1000);
	}
	evloop_timer_set(&d->loop, &d->periodic, next_ms);
}

static void on_periodic(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	advertise(t->arg);
}

static void on_linklocal(struct evloop *loop, struct evloop_timer *t)
{
	static char text[16384];
	struct rad *d = t->arg;
	char a[INET6_ADDRSTRLEN];
	uint8_t addr[16];
	int truncated;
	ssize_t n = file_read("/proc/net/if_inet6", text, sizeof(text),
			      &truncated);
	enum linklocal_state st = n < 0 ? LINKLOCAL_NONE :
		linklocal_find(text, (size_t)n, d->cfg.ifname, addr);

	if (st != LINKLOCAL_OK) {
		/* Logged once: DAD takes a second or two after link up. */
		if (!d->wait_logged) {
			logx("%s: %s; waiting", d->cfg.ifname,
			     st == LINKLOCAL_TENTATIVE ?
			     "link-local address still tentative" :
			     "no link-local address yet");
			d->wait_logged = 1;
		}
		evloop_timer_set(loop, t, LINKLOCAL_RETRY_MS);
		return;
	}
	d->ready = 1;
	logx("%s: advertising from %s", d->cfg.ifname,
	     inet_ntop(AF_INET6, addr, a, sizeof(a)));
	advertise(d);
}

static void on_solicited(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	advertise(t->arg);
}

static void answer_rs(struct rad *d, const struct sockaddr_in6 *from)
{
	uint64_t now = clock_mono_ms(), earliest, delay;

	if (!IN6_IS_ADDR_UNSPECIFIED(&from->sin6_addr)) {
		if (!rate_allow(&d->unicast_rate, UNICAST_PER_SEC)) {
			d->dropped_rate++;
			return;
		}
		refresh_ra(d);
		if (send_to(d, d->ra, d->ra_len, &from->sin6_addr) == 0)
			d->sent_unicast++;
		return;
	}
	/* From ::, the host cannot take a unicast: answer on ff02::1, after
	 * a random delay and never closer than 3 s to the last one. */
	if (evloop_timer_remaining(&d->solicited) >= 0)
		return;
	delay = rng_between(d, 0, MAX_RA_DELAY_TIME_MS);
	earliest = d->last_mcast_ms + MIN_DELAY_BETWEEN_RAS_MS;
	if (now + delay < earliest)
		delay = earliest - now;
	evloop_timer_set(&d->loop, &d->solicited, delay);
}

static void handle_packet(struct rad *d, const uint8_t *pkt, size_t n,
			  const struct sockaddr_in6 *from, int hop_limit)
{
	struct rs_msg rs;
	char a[INET6_ADDRSTRLEN];
	enum rs_error e = rs_parse(pkt, n, hop_limit,
				   IN6_IS_ADDR_UNSPECIFIED(&from->sin6_addr),
				   &rs);

	if (d->cfg.verbose)
		logx("%s: RS from %s, hop limit %d: %s", d->cfg.ifname,
		     inet_ntop(AF_INET6, &from->sin6_addr, a, sizeof(a)),
		     hop_limit, rs_error_name(e));
	if (e != RS_OK) {
		d->dropped_bad++;
		return;
	}
	if (d->ready)
		answer_rs(d, from);
}

static void on_socket(struct evloop *loop, struct evloop_fd *w,
		      uint32_t events)
{
	struct rad *d = w->arg;
	uint8_t buf[1500];
	union {
		struct cmsghdr align;
		uint8_t space[CMSG_SPACE(sizeof(int))];
	} control;

	(void)loop;
	(void)events;
	/* A bounded batch, so a flood cannot starve timers and signals. */
	for (int i = 0; i < 64; i++) {
		struct sockaddr_in6 from;
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = control.space,
			.msg_controllen = sizeof(control.space),
		};
		int hop_limit = -1;
		ssize_t n = recvmsg(w->fd, &msg, MSG_DONTWAIT);

		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				logx_err("%s: recv: %s", d->cfg.ifname,
					 strerror(errno));
			return;
		}
		for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c;
		     c = CMSG_NXTHDR(&msg, c))
			if (c->cmsg_level == IPPROTO_IPV6 &&
			    c->cmsg_type == IPV6_HOPLIMIT &&
			    c->cmsg_len >= CMSG_LEN(sizeof(int)))
				memcpy(&hop_limit, CMSG_DATA(c), sizeof(int));
		if (msg.msg_namelen < sizeof(from) || (msg.msg_flags & MSG_TRUNC)) {
			d->dropped_bad++;
			continue;
		}
		handle_packet(d, buf, (size_t)n, &from, hop_limit);
	}
}

static void answer_dhcp6(struct rad *d, const uint8_t *pkt, size_t n,
			 const struct sockaddr_in6 *from)
{
	uint8_t reply[DHCP6_REPLY_MAX];
	struct sockaddr_in6 to;
	struct dhcp6_msg m;
	char a[INET6_ADDRSTRLEN];
	enum dhcp6_result r = dhcp6_parse(pkt, n, &m);
	size_t len;

	if (r == DHCP6_ANSWER)
		r = dhcp6_verdict(&m, &d->dhcp6);
	if (d->cfg.verbose)
		logx("%s: DHCPv6 %s from %s: %s", d->cfg.ifname,
		     n >= 4 ? dhcp6_type_name(m.type) : "runt",
		     inet_ntop(AF_INET6, &from->sin6_addr, a, sizeof(a)),
		     dhcp6_result_name(r));
	switch (r) {
	case DHCP6_ANSWER:
		break;
	case DHCP6_SHORT:
	case DHCP6_BAD_OPTION:
	case DHCP6_BAD_DUID:
	case DHCP6_BAD_ORO:
		d->dhcp6_bad++;
		return;
	default:
		d->dhcp6_ignored++;
		return;
	}
	/* Before DAD there is no source address to answer from. */
	if (!d->ready) {
		d->dhcp6_ignored++;
		return;
	}
	if (!rate_allow(&d->dhcp6_rate, DHCP6_REPLIES_PER_SEC)) {
		d->dhcp6_over_rate++;
		return;
	}
	len = dhcp6_reply_build(&m, &d->dhcp6, reply, sizeof(reply));
	if (!len)
		return;
	/* To the client port, whatever the source port: a spoofed source
	 * must not aim Replies at another service on the LAN. */
	memset(&to, 0, sizeof(to));
	to.sin6_family = AF_INET6;
	to.sin6_addr = from->sin6_addr;
	to.sin6_port = htons(DHCP6_CLIENT_PORT);
	to.sin6_scope_id = (uint32_t)d->ifindex;
	if (sendto(d->dhcp6_fd, reply, len, 0, (struct sockaddr *)&to,
		   sizeof(to)) < 0)
		log_send_error(d, "DHCPv6 reply", &from->sin6_addr);
	else
		d->dhcp6_replies++;
}

static void on_dhcp6(struct evloop *loop, struct evloop_fd *w,
		     uint32_t events)
{
	struct rad *d = w->arg;
	uint8_t buf[1500];

	(void)loop;
	(void)events;
	for (int i = 0; i < 64; i++) {
		struct sockaddr_in6 from;
		struct iovec iov = { buf, sizeof(buf) };
		struct msghdr msg = {
			.msg_name = &from, .msg_namelen = sizeof(from),
			.msg_iov = &iov, .msg_iovlen = 1,
		};
		ssize_t n = recvmsg(w->fd, &msg, MSG_DONTWAIT);

		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				logx_err("%s: DHCPv6 recv: %s", d->cfg.ifname,
					 strerror(errno));
			return;
		}
		/* A client speaks from a unicast address (its link-local);
		 * anything else cannot take the Reply. */
		if (msg.msg_namelen < sizeof(from) ||
		    (msg.msg_flags & MSG_TRUNC) ||
		    IN6_IS_ADDR_MULTICAST(&from.sin6_addr) ||
		    IN6_IS_ADDR_UNSPECIFIED(&from.sin6_addr)) {
			d->dhcp6_bad++;
			continue;
		}
		answer_dhcp6(d, buf, (size_t)n, &from);
	}
}

static void log_prefixes(const struct rad *d, const char *why)
{
	uint64_t now = clock_boot_ms();
	char a[INET6_ADDRSTRLEN];

	for (unsigned i = 0; i < d->delegated.count; i++) {
		const struct delegated_prefix *p = &d->delegated.p[i];

		logx("%s: %s %s/64 preferred %u valid %u (%s)", d->cfg.ifname,
		     p->deprecated ? "deprecating" : "announcing",
		     inet_ntop(AF_INET6, p->addr, a, sizeof(a)),
		     p->deprecated ? 0 : lease6_remaining(p->pref_until_ms, now),
		     lease6_remaining(p->valid_until_ms, now), why);
	}
}

/* Reads the lease file again and rebuilds the delegated prefixes. */
static void lease_load(struct rad *d)
{
	static char text[LEASE6_FILE_MAX];
	static struct lease6 lease;
	const char *path = d->cfg.lease_path;
	uint64_t now = clock_boot_ms();
	enum lease6_status st;
	unsigned dropped;
	int truncated;
	ssize_t n = file_read(path, text, sizeof(text), &truncated);

	if (n < 0 && errno == ENOENT) {
		if (!d->delegated.count)
			return;
		/* wan6 stopped, or the link is gone: deprecate, do not
		 * vanish (RFC 7084 L-13, RFC 9096). */
		logx("%s: %s is gone: deprecating the delegated prefixes",
		     d->cfg.ifname, path);
		delegated_update(&d->delegated, NULL, now);
		log_prefixes(d, "lease gone");
		return;
	}
	if (n < 0) {
		logx_err("%s: %s: %s; keeping what was announced",
			 d->cfg.ifname, path, strerror(errno));
		return;
	}
	if (truncated) {
		logx_err("%s: %s: longer than %d bytes; keeping what was "
			 "announced", d->cfg.ifname, path, LEASE6_FILE_MAX);
		return;
	}
	st = lease6_parse(text, (size_t)n, d->cfg.lan, now, &lease);
	if (st == LEASE6_BAD_VERSION) {
		logx_err("%s: %s: format version %u, rad reads version %d: "
			 "ignored, keeping what was announced", d->cfg.ifname,
			 path, lease.version, LEASE6_VERSION);
		return;
	}
	if (st != LEASE6_OK) {
		logx_err("%s: %s: %s; ignored, keeping what was announced",
			 d->cfg.ifname, path, lease6_status_name(st));
		return;
	}
	for (unsigned i = 0; i < lease.error_count && i < LEASE6_ERRORS_MAX;
	     i++)
		logx_err("%s: %s line %u: %s; line skipped", d->cfg.ifname,
			 path, lease.errors[i].line, lease.errors[i].why);
	if (lease.error_count > LEASE6_ERRORS_MAX)
		logx_err("%s: %s: %u more malformed lines skipped",
			 d->cfg.ifname, path,
			 lease.error_count - LEASE6_ERRORS_MAX);
	dropped = delegated_update(&d->delegated, &lease, now);
	if (lease.dropped || dropped) {
		d->lease_dropped += lease.dropped + dropped;
		logx_warn("%s: %s: %u prefixes of lan %s past the %d rad "
			  "holds: not announced (%llu so far)", d->cfg.ifname,
			  path, lease.dropped + dropped, d->cfg.lan,
			  DELEGATED_MAX, (unsigned long long)d->lease_dropped);
	}
	if (!d->delegated.count)
		logx("%s: %s: no prefix for lan %s", d->cfg.ifname, path,
		     d->cfg.lan);
	log_prefixes(d, "lease changed");
}

/* If the file changed, take it in and announce the result now. */
static void lease_check(struct rad *d)
{
	uint64_t now, delay = 0;

	if (!file_changed(d->cfg.lease_path, &d->lease_stamp))
		return;
	lease_load(d);
	if (!d->ready)
		return;		/* the first RA will carry it */
	now = clock_mono_ms();
	if (d->last_mcast_ms && now < d->last_mcast_ms + LEASE_RA_GAP_MS)
		delay = d->last_mcast_ms + LEASE_RA_GAP_MS - now;
	/* Then quickly a few more, as after a start: a host that missed
	 * the first learns of the renumbering within seconds. */
	d->initial_sent = 0;
	evloop_timer_set(&d->loop, &d->periodic, delay);
}

static void lease_watch_add(struct rad *d)
{
	d->inotify_wd = inotify_add_watch(d->inotify_fd, d->lease_dir,
					  IN_ONLYDIR | IN_CREATE | IN_MOVED_TO |
					  IN_MOVED_FROM | IN_CLOSE_WRITE |
					  IN_DELETE | IN_ATTRIB |
					  IN_DELETE_SELF | IN_MOVE_SELF);
	if (d->inotify_wd >= 0) {
		if (d->watch_errno)
			logx("%s: watching %s", d->cfg.ifname, d->lease_dir);
		d->watch_errno = 0;
		return;
	}
	/* Once per reason: wan6 may simply not have started yet. */
	if (errno != d->watch_errno)
		logx("%s: cannot watch %s (%s): checking %s every %d s",
		     d->cfg.ifname, d->lease_dir, strerror(errno),
		     d->cfg.lease_path, LEASE_POLL_MS / 1000);
	d->watch_errno = errno;
}

static void on_lease_poll(struct evloop *loop, struct evloop_timer *t)
{
	struct rad *d = t->arg;

	if (d->inotify_fd >= 0 && d->inotify_wd < 0)
		lease_watch_add(d);
	lease_check(d);
	evloop_timer_set(loop, t, d->inotify_wd >= 0 ? LEASE_POLL_WATCHED_MS :
			 LEASE_POLL_MS);
}

static void on_lease_event(struct evloop *loop, struct evloop_fd *w,
			   uint32_t events)
{
	struct rad *d = w->arg;
	union {
		struct inotify_event align;
		char bytes[4096];
	} buf;

	(void)events;
	for (int i = 0; i < 16; i++) {
		ssize_t n = read(w->fd, buf.bytes, sizeof(buf.bytes));

		if (n <= 0)
			break;
		for (size_t off = 0; off + sizeof(struct inotify_event) <=
		     (size_t)n;) {
			const struct inotify_event *ev =
				(const void *)(buf.bytes + off);

			/* The directory went away: poll until it is back. */
			if (ev->mask & IN_IGNORED) {
				d->inotify_wd = -1;
				evloop_timer_set(loop, &d->lease_poll,
						 LEASE_POLL_MS);
			}
			off += sizeof(*ev) + ev->len;
		}
	}
	/* Whatever happened in the directory, stat() decides. */
	lease_check(d);
}

/* The directory of the lease file, for inotify. */
static void lease_watch_setup(struct rad *d)
{
	const char *slash = strrchr(d->cfg.lease_path, '/');
	size_t len = slash ? (size_t)(slash - d->cfg.lease_path) : 0;

	if (!slash)
		strcpy(d->lease_dir, ".");
	else if (!len)
		strcpy(d->lease_dir, "/");
	else
		snprintf(d->lease_dir, sizeof(d->lease_dir), "%.*s",
			 (int)len, d->cfg.lease_path);
	d->inotify_wd = -1;
	d->inotify_fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (d->inotify_fd < 0) {
		logx_warn("%s: inotify: %s; checking %s every %d s",
			  d->cfg.ifname, strerror(errno), d->cfg.lease_path,
			  LEASE_POLL_MS / 1000);
		return;
	}
	lease_watch_add(d);
	d->lease_watch.fd = d->inotify_fd;
	d->lease_watch.cb = on_lease_event;
	d->lease_watch.arg = d;
	if (evloop_fd_add(&d->loop, &d->lease_watch, EPOLLIN) < 0)
		die("event loop setup", strerror(errno));
}

static void on_stop(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	struct rad *d = arg;
	uint8_t final[RA_MAX_LEN];
	size_t len;

	/* RFC 4861 section 6.2.5: lifetime 0 tells hosts to drop this
	 * default route now instead of when the old lifetime runs out. */
	if (d->ready) {
		delegated_to_ra(&d->delegated, &d->cfg.ra, clock_boot_ms());
		len = ra_build(&d->cfg.ra, 0, final, sizeof(final));
		if (len)
			send_to(d, final, len, &all_nodes);
	}
	logx("signal %u: sent %llu multicast and %llu unicast RAs, dropped "
	     "%llu bad and %llu over the rate", si->ssi_signo,
	     (unsigned long long)d->sent_mcast,
	     (unsigned long long)d->sent_unicast,
	     (unsigned long long)d->dropped_bad,
	     (unsigned long long)d->dropped_rate);
	if (d->cfg.dhcp6)
		logx("DHCPv6: sent %llu replies, dropped %llu malformed, "
		     "%llu ignored and %llu over the rate",
		     (unsigned long long)d->dhcp6_replies,
		     (unsigned long long)d->dhcp6_bad,
		     (unsigned long long)d->dhcp6_ignored,
		     (unsigned long long)d->dhcp6_over_rate);
	logx("exiting");
	evloop_stop(loop);
}

static void interface_mac(struct rad *d)
{
	struct ifreq ifr;
	int fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		return;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, d->cfg.ifname, IFNAMSIZ - 1);
	/* Ethernet-like links only; a tunnel has no address to give. */
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) == 0 &&
	    ifr.ifr_hwaddr.sa_family == ARPHRD_ETHER) {
		memcpy(d->cfg.ra.lladdr, ifr.ifr_hwaddr.sa_data, 6);
		d->cfg.ra.has_lladdr = 1;
	}
	close(fd);
}

static void open_socket(struct rad *d)
{
	int one = 1, hops = 255, off = 0, ifindex = d->ifindex;
	struct icmp6_filter filter;
	struct ipv6_mreq mreq;

	d->fd = socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC | SOCK_NONBLOCK,
		       IPPROTO_ICMPV6);
	if (d->fd < 0)
		die("raw ICMPv6 socket", strerror(errno));
	if (setsockopt(d->fd, SOL_SOCKET, SO_BINDTODEVICE, d->cfg.ifname,
		       (socklen_t)strlen(d->cfg.ifname)) < 0)
		die("SO_BINDTODEVICE", strerror(errno));
	/* Only solicitations: every other ICMPv6 packet on the LAN would
	 * otherwise wake the daemon. */
	ICMP6_FILTER_SETBLOCKALL(&filter);
	ICMP6_FILTER_SETPASS(ND_ROUTER_SOLICIT, &filter);
	memset(&mreq, 0, sizeof(mreq));
	mreq.ipv6mr_multiaddr = all_routers;
	mreq.ipv6mr_interface = (unsigned)ifindex;
	/* Hop limit 255 out and checked in: the proof that an ND packet
	 * never crossed a router (RFC 4861 section 3.1). */
	if (setsockopt(d->fd, IPPROTO_ICMPV6, ICMP6_FILTER, &filter,
		       sizeof(filter)) < 0 ||
	    setsockopt(d->fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, &one,
		       sizeof(one)) < 0 ||
	    setsockopt(d->fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, &hops,
		       sizeof(hops)) < 0 ||
	    setsockopt(d->fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, &hops,
		       sizeof(hops)) < 0 ||
	    setsockopt(d->fd, IPPROTO_IPV6, IPV6_MULTICAST_IF, &ifindex,
		       sizeof(ifindex)) < 0 ||
	    setsockopt(d->fd, IPPROTO_IPV6, IPV6_MULTICAST_LOOP, &off,
		       sizeof(off)) < 0)
		die("ICMPv6 socket options", strerror(errno));
	if (setsockopt(d->fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &mreq,
		       sizeof(mreq)) < 0)
		die("join ff02::2", strerror(errno));
}

static const struct in6_addr all_dhcp_agents = {
	{ { 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2 } }
};

/* Port 547 needs root: bound here, before privdrop(), so rad keeps no
 * capability afterwards. */
static void open_dhcp6_socket(struct rad *d)
{
	struct sockaddr_in6 addr;
	struct ipv6_mreq mreq;
	int one = 1;

	d->dhcp6_fd = socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC |
			     SOCK_NONBLOCK, 0);
	if (d->dhcp6_fd < 0)
		die("DHCPv6 socket", strerror(errno));
	/* Bound to the LAN: one rad per LAN can each hold port 547, and
	 * nothing from another interface (the WAN) reaches this one. */
	if (setsockopt(d->dhcp6_fd, SOL_SOCKET, SO_BINDTODEVICE,
		       d->cfg.ifname, (socklen_t)strlen(d->cfg.ifname)) < 0 ||
	    setsockopt(d->dhcp6_fd, IPPROTO_IPV6, IPV6_V6ONLY, &one,
		       sizeof(one)) < 0)
		die("DHCPv6 socket options", strerror(errno));
	memset(&addr, 0, sizeof(addr));
	addr.sin6_family = AF_INET6;
	addr.sin6_port = htons(DHCP6_SERVER_PORT);
	if (bind(d->dhcp6_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind DHCPv6 port 547", strerror(errno));
	memset(&mreq, 0, sizeof(mreq));
	mreq.ipv6mr_multiaddr = all_dhcp_agents;
	mreq.ipv6mr_interface = (unsigned)d->ifindex;
	if (setsockopt(d->dhcp6_fd, IPPROTO_IPV6, IPV6_JOIN_GROUP, &mreq,
		       sizeof(mreq)) < 0)
		die("join ff02::1:2", strerror(errno));
}

/* -C: strict. init hands every daemon the snapshot it booted with
 * (KEEL_RUN_CONFIG), so a file rad cannot use is an error, never a cue to
 * guess settings of its own. The config lives as long as the process: the
 * options point into it. */
static int load_config(struct rad_options *o, char *err, size_t errlen)
{
	static struct keel_config keel_conf;
	struct config_error cerr;

	if (config_load(o->config_path, &keel_conf, &cerr) < 0) {
		snprintf(err, errlen, "%s", cerr.msg);
		return -1;
	}
	return options_from_config(o, &keel_conf, o->lan, err, errlen);
}

int main(int argc, char **argv)
{
	static struct rad d;
	char err[320];
	const char *why;
	int rc;

	log_init("rad", KEEL_LOG_STDERR);
	rc = options_parse(argc, argv, &d.cfg, err, sizeof(err), stdout);
	if (rc)
		return rc > 0 ? 0 : (logx_err("%s", err), 2);
	if (d.cfg.kmsg && !d.cfg.check_only)
		log_init("rad", KEEL_LOG_KMSG);
	if (d.cfg.config_path && load_config(&d.cfg, err, sizeof(err)) < 0) {
		logx_err("%s: %s", d.cfg.config_path, err);
		return 1;
	}
	if (d.cfg.check_only) {
		options_print(&d.cfg, stdout);
		return 0;
	}

	d.ifindex = (int)if_nametoindex(d.cfg.ifname);
	if (!d.ifindex)
		die(d.cfg.ifname, strerror(errno));
	interface_mac(&d);
	/* The server's DUID-LL is made from the MAC; a link without one
	 * keeps its RAs and loses only the DHCPv6 server (and O flag). */
	if (d.cfg.dhcp6 && !d.cfg.ra.has_lladdr) {
		logx_warn("%s: no Ethernet address for a DHCPv6 DUID; "
			  "DHCPv6 off", d.cfg.ifname);
		d.cfg.dhcp6 = 0;
		d.cfg.ra.flags &= (uint8_t)~0x40;
	}
	if (d.cfg.dhcp6 &&
	    dhcp6_server_setup(&d.dhcp6, d.cfg.ra.lladdr,
			       (const uint8_t (*)[16])d.cfg.ra.rdnss,
			       d.cfg.ra.rdnss_count, d.cfg.ra.domain,
			       d.cfg.ra.dns_lifetime_secs) < 0)
		die("DHCPv6 setup", "DNS options do not fit");
	d.ra_len = ra_build(&d.cfg.ra, (uint16_t)d.cfg.router_lifetime, d.ra,
			    sizeof(d.ra));
	if (!d.ra_len)
		die("build RA", "options do not fit");
	d.rng = clock_mono_us() ^ (uint64_t)getpid() << 32 ^
		(uint64_t)d.cfg.ra.lladdr[5] << 24 ^ 0x9e3779b97f4a7c15ull;

	open_socket(&d);
	if (d.cfg.dhcp6)
		open_dhcp6_socket(&d);
	if (geteuid() == 0) {
		if (privdrop(d.cfg.user, &why) < 0) {
			snprintf(err, sizeof(err), "drop privileges to %s",
				 d.cfg.user);
			die(err, why);
		}
	} else {
		logx_warn("not root: privileges not dropped");
	}

	if (evloop_init(&d.loop) < 0)
		die("event loop", strerror(errno));
	d.watch.fd = d.fd;
	d.watch.cb = on_socket;
	d.watch.arg = &d;
	d.periodic.cb = on_periodic;
	d.periodic.arg = &d;
	d.solicited.cb = on_solicited;
	d.solicited.arg = &d;
	d.linklocal.cb = on_linklocal;
	d.linklocal.arg = &d;
	d.lease_poll.cb = on_lease_poll;
	d.lease_poll.arg = &d;
	d.dhcp6_watch.fd = d.dhcp6_fd;
	d.dhcp6_watch.cb = on_dhcp6;
	d.dhcp6_watch.arg = &d;
	if (d.cfg.dhcp6 && evloop_fd_add(&d.loop, &d.dhcp6_watch, EPOLLIN) < 0)
		die("event loop setup", strerror(errno));
	if (evloop_fd_add(&d.loop, &d.watch, EPOLLIN) < 0 ||
	    evloop_signal(&d.loop, SIGTERM, on_stop, &d) < 0 ||
	    evloop_signal(&d.loop, SIGINT, on_stop, &d) < 0)
		die("event loop setup", strerror(errno));
	logx("%s: %u prefixes, %u DNS servers, router lifetime %u s%s",
	     d.cfg.ifname, d.cfg.ra.prefix_count, d.cfg.ra.rdnss_count,
	     d.cfg.router_lifetime,
	     d.cfg.dhcp6 ? ", stateless DHCPv6 on port 547" : "");
	logx("%s: delegated prefixes from %s (lines for lan %s)",
	     d.cfg.ifname, d.cfg.lease_path, d.cfg.lan);
	/* As the user rad: a file it cannot read shows up now. */
	lease_watch_setup(&d);
	lease_check(&d);
	evloop_timer_set(&d.loop, &d.lease_poll, d.inotify_wd >= 0 ?
			 LEASE_POLL_WATCHED_MS : LEASE_POLL_MS);
	evloop_timer_set(&d.loop, &d.linklocal, 0);
	/* Set up: from here on, only what advertising needs. */
	if (seccomp_lockdown(&rad_seccomp, err, sizeof(err)) < 0)
		die("seccomp", err);
	if (ready_notify() < 0)
		logx_warn("cannot tell init we are ready: %s", strerror(errno));
	rc = evloop_run(&d.loop);
	if (rc < 0)
		logx_err("event loop: %s", strerror(errno));
	evloop_close(&d.loop);
	return rc < 0 ? 1 : 0;
}
