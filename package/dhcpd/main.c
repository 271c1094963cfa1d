/*
 * main.c - dhcpd: sockets, the event loop, privilege drop, housekeeping.
 * The protocol is in server.c; this file only moves packets and files.
 *
 * Replies to a client that has no address yet (no broadcast flag) go out
 * on an AF_PACKET socket straight to its MAC, not through the kernel's
 * ARP table (SIOCSARP): the packet socket is opened as root before the
 * privilege drop and needs nothing afterwards, while SIOCSARP would need
 * CAP_NET_ADMIN kept for the daemon's whole life.
 *
 * Requests are read on a packet socket too, filtered in the kernel to UDP
 * port 67, because a request's chaddr must be checked against the frame's
 * Ethernet source (server.c) and a UDP socket does not tell it. The UDP
 * socket on port 67 stays, for sending and so the port is dhcpd's, with a
 * filter that queues nothing.
 */
#define _GNU_SOURCE	/* SO_BINDTODEVICE, struct ifreq, recvmmsg */
#include <linux/filter.h>
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/ip.h>
#include <netinet/udp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/evloop.h"
#include "keel/log.h"
#include "keel/moderation.h"
#include "keel/privdrop.h"
#include "keel/seccomp.h"
#include "keel/ready.h"

#include "checkpoint.h"
#include "from_config.h"
#include "options.h"
#include "hostnames.h"
#include "ipv4_udp.h"
#include "pool_status.h"
#include "ratelimit.h"
#include "seccomp_list.h"
#include "server.h"

struct dhcpd {
	struct dhcpd_options cfg;
	struct server_cfg scfg;
	struct server_guard guard;
	struct lease_db db;
	struct ratelimit rl;
	struct evloop loop;
	struct evloop_fd rx_watch;
	struct evloop_timer checkpoint_timer;
	struct evloop_timer hosts_timer;	/* a named lease runs out */
	struct evloop_timer hold_timer;		/* storm: read the socket again */
	struct evloop_timer status_timer;	/* the pool's counts, keel status */
	uint64_t status_written_ms;		/* monotonic, of the last try */
	int status_failing;			/* logged once until it works */
	struct moderation mod;
	int udp_fd, packet_fd, ifindex;
	int rx_fd;			/* packet socket: requests, with MACs */
	int leases_dirty;
	uint64_t last_exhausted_log, last_send_error_log;
	uint64_t last_name_log, last_new_log, last_spoof_log;
	uint64_t served, dropped_rate, dropped_bad, dropped_spoofed;
	uint64_t held;			/* reads after a storm's hold */
};

static int64_t wall_now(void)
{
	return (int64_t)time(NULL);
}

static const char *ip_str(uint32_t ip, char *buf)
{
	struct in_addr a = { htonl(ip) };

	return inet_ntop(AF_INET, &a, buf, INET_ADDRSTRLEN);
}

static int iface_addr(const char *ifname, unsigned long req, uint32_t *out)
{
	struct ifreq ifr;
	int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0), rc;

	if (fd < 0)
		return -1;
	memset(&ifr, 0, sizeof(ifr));
	strncpy(ifr.ifr_name, ifname, IFNAMSIZ - 1);
	rc = ioctl(fd, req, &ifr);
	close(fd);
	if (rc < 0)
		return -1;
	*out = ntohl(((struct sockaddr_in *)&ifr.ifr_addr)->sin_addr.s_addr);
	return 0;
}

static void save_leases(struct dhcpd *d)
{
	if (!d->cfg.lease_file[0])
		return;
	if (checkpoint_save(d->cfg.lease_file, &d->db) < 0)
		logx_err("checkpoint %s: %s (leases stay in RAM)",
			 d->cfg.lease_file, strerror(errno));
	else
		d->leases_dirty = 0;
}

static void write_hosts(struct dhcpd *d)
{
	int64_t now = wall_now(), next;

	if (!d->cfg.hosts_file[0])
		return;
	if (hosts_write(d->cfg.hosts_file, &d->db, d->cfg.domain, now) < 0)
		logx_err("hosts file %s: %s", d->cfg.hosts_file,
			 strerror(errno));
	/* Rewrite when the next named lease runs out, so the DNS daemon
	 * stops answering for a client that left. */
	next = hosts_next_expiry(&d->db, now);
	if (next)
		evloop_timer_set(&d->loop, &d->hosts_timer,
				 (uint64_t)(next - now) * 1000 + 500);
	else
		evloop_timer_cancel(&d->loop, &d->hosts_timer);
}

/* A burst of named binds costs one rewrite, not one each: the DNS daemon
 * looks at the file once a second anyway. */
#define HOSTS_BATCH_MS 1000

static void write_hosts_soon(struct dhcpd *d)
{
	int64_t left = evloop_timer_remaining(&d->hosts_timer);

	if (d->cfg.hosts_file[0] && (left < 0 || left > HOSTS_BATCH_MS))
		evloop_timer_set(&d->loop, &d->hosts_timer, HOSTS_BATCH_MS);
}

static void on_hosts_timer(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	write_hosts(t->arg);
}

static void on_checkpoint_timer(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	save_leases(t->arg);
}

/* The pool's counts for keel status; then again in 10 s, so leases that
 * run out show without a packet. */
static void write_status(struct dhcpd *d)
{
	const char *path = d->cfg.status_file;
	struct pool_status st;
	char text[256];
	int len;

	if (!path || !path[0])
		return;
	pool_status_count(&d->db, wall_now(), &st);
	len = pool_status_format(&st, clock_boot_ms(), text, sizeof(text));
	if (len < 0 || pool_status_write(path, text, (size_t)len) < 0) {
		if (!d->status_failing)
			logx_warn("status file %s: %s (keel status shows no "
				  "counts for this pool)", path,
				  len < 0 ? "does not fit" : strerror(errno));
		d->status_failing = 1;
	} else {
		if (d->status_failing)
			logx("status file %s written again", path);
		d->status_failing = 0;
	}
	d->status_written_ms = clock_mono_ms();
	evloop_timer_set(&d->loop, &d->status_timer, POOL_STATUS_INTERVAL_MS);
}

/* Counts changed: write from the loop, not the packet path, and at most
 * once per POOL_STATUS_MIN_GAP_MS. */
static void write_status_soon(struct dhcpd *d)
{
	uint64_t now = clock_mono_ms();
	uint64_t due = d->status_written_ms + POOL_STATUS_MIN_GAP_MS;
	uint64_t delay = due > now ? due - now : 0;
	int64_t left = evloop_timer_remaining(&d->status_timer);

	if (d->cfg.status_file[0] && (left < 0 || (uint64_t)left > delay))
		evloop_timer_set(&d->loop, &d->status_timer, delay);
}

static void on_status_timer(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	write_status(t->arg);
}

static uint16_t csum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (size_t i = 0; i + 1 < len; i += 2)
		sum += (uint32_t)(p[i] << 8 | p[i + 1]);
	if (len & 1)
		sum += (uint32_t)p[len - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)sum;
}

/* IPv4 + UDP around the reply, sent to the client's MAC. */
static int send_hwaddr(struct dhcpd *d, const struct server_result *res)
{
	uint8_t pkt[sizeof(struct iphdr) + sizeof(struct udphdr) +
		    DHCP_REPLY_MAX];
	struct iphdr *ip = (struct iphdr *)pkt;
	struct udphdr *udp = (struct udphdr *)(pkt + sizeof(*ip));
	size_t udp_len = sizeof(*udp) + res->len;
	uint8_t pseudo[12];
	struct sockaddr_ll to;
	uint16_t sum;

	memset(pkt, 0, sizeof(*ip) + sizeof(*udp));
	ip->version = 4;
	ip->ihl = 5;
	ip->tot_len = htons((uint16_t)(sizeof(*ip) + udp_len));
	ip->ttl = 64;
	ip->protocol = IPPROTO_UDP;
	ip->saddr = htonl(d->scfg.server_ip);
	ip->daddr = htonl(res->dest_ip);
	ip->check = htons((uint16_t)~csum_add(0, ip, sizeof(*ip)));
	udp->source = htons(DHCP_SERVER_PORT);
	udp->dest = htons(res->dest_port);
	udp->len = htons((uint16_t)udp_len);
	memcpy(pkt + sizeof(*ip) + sizeof(*udp), res->reply, res->len);
	memcpy(pseudo, &ip->saddr, 4);
	memcpy(pseudo + 4, &ip->daddr, 4);
	pseudo[8] = 0;
	pseudo[9] = IPPROTO_UDP;
	pseudo[10] = (uint8_t)(udp_len >> 8);
	pseudo[11] = (uint8_t)udp_len;
	sum = (uint16_t)~csum_add(csum_add(0, pseudo, sizeof(pseudo)), udp,
				  udp_len);
	udp->check = htons(sum ? sum : 0xffff);

	memset(&to, 0, sizeof(to));
	to.sll_family = AF_PACKET;
	to.sll_protocol = htons(ETH_P_IP);
	to.sll_ifindex = d->ifindex;
	to.sll_halen = 6;
	memcpy(to.sll_addr, res->dest_mac, 6);
	return sendto(d->packet_fd, pkt, sizeof(*ip) + udp_len, 0,
		      (struct sockaddr *)&to, sizeof(to)) < 0 ? -1 : 0;
}

static void send_reply(struct dhcpd *d, const struct server_result *res)
{
	struct sockaddr_in to;
	char a[INET_ADDRSTRLEN];
	int rc;

	if (res->dest == DEST_HWADDR) {
		rc = send_hwaddr(d, res);
	} else {
		memset(&to, 0, sizeof(to));
		to.sin_family = AF_INET;
		to.sin_port = htons(res->dest_port);
		to.sin_addr.s_addr = htonl(res->dest_ip);
		rc = sendto(d->udp_fd, res->reply, res->len, 0,
			    (struct sockaddr *)&to, sizeof(to)) < 0 ? -1 : 0;
	}
	if (rc < 0 && ratelimit_log_ok(&d->last_send_error_log,
				       clock_mono_ms(), 10000))
		logx_err("%s: send to %s: %s", d->cfg.ifname,
			 ip_str(res->dest_ip, a), strerror(errno));
}

static void log_packet(struct dhcpd *d, const uint8_t *pkt, size_t n,
		       const struct server_result *res)
{
	char a[INET_ADDRSTRLEN];
	const uint8_t *mac = pkt + 28;

	if (n < 34)
		return;
	static const char *const dest[] = {
		[DEST_NONE] = "", [DEST_RELAY] = " via relay",
		[DEST_BROADCAST] = " broadcast", [DEST_UNICAST] = " unicast",
		[DEST_HWADDR] = " to MAC",
	};

	/* The reply's type is option 53, the first one dhcp_build writes. */
	logx("%s: %s from %02x:%02x:%02x:%02x:%02x:%02x: %s %s%s%s%s",
	     d->cfg.ifname, dhcp_type_name(res->msg_type), mac[0], mac[1],
	     mac[2], mac[3], mac[4], mac[5],
	     res->len ? dhcp_type_name(res->reply[242]) : "no reply",
	     res->addr ? ip_str(res->addr, a) : "",
	     res->len ? dest[res->dest] : "",
	     res->note ? ": " : "", res->note ? res->note : "");
}

static void mac_str(const uint8_t *mac, char buf[18])
{
	snprintf(buf, 18, "%02x:%02x:%02x:%02x:%02x:%02x", mac[0], mac[1],
		 mac[2], mac[3], mac[4], mac[5]);
}

/* What the defences refused, logged at most once per interval each: a
 * flood must not become a flood of log lines. */
static void log_refusals(struct dhcpd *d, const uint8_t *pkt,
			 const struct server_result *res, uint64_t now_ms)
{
	char mac[18];

	mac_str(pkt + 28, mac);
	if (res->name_refused &&
	    ratelimit_log_ok(&d->last_name_log, now_ms, 10000))
		logx_warn("%s: %s: name %s not published: %s (%llu refused "
			  "so far)", d->cfg.ifname, mac, res->name,
			  name_verdict_str(res->name_verdict),
			  (unsigned long long)d->guard.names_refused);
	if (res->new_refused &&
	    ratelimit_log_ok(&d->last_new_log, now_ms, 60000))
		logx_warn("%s: new clients over the bound of %u per %u s "
			  "(%llu refused so far; a flood of made-up MACs?)",
			  d->cfg.ifname, d->guard.new_limit.count,
			  d->guard.new_limit.period_ms / 1000,
			  (unsigned long long)d->guard.new_refused);
}

static void handle_packet(struct dhcpd *d, const uint8_t *pkt, size_t n,
			  const uint8_t *src_mac)
{
	static struct server_result res;
	uint64_t now_ms = clock_mono_ms();
	struct server_rx rx = {
		.pkt = pkt, .len = n, .src_mac = src_mac,
		.now = wall_now(), .now_ms = now_ms,
	};
	char mac[18];

	/* Rate limits before any work: chaddr sits at offset 28. */
	if (n < DHCP_MIN_LEN) {
		d->dropped_bad++;
		return;
	}
	/* A made-up chaddr is dropped before it costs anyone's share of
	 * the rate limit (server_handle checks again, for its tests). */
	if (server_chaddr_spoofed(pkt, n, src_mac)) {
		d->dropped_spoofed++;
		if (ratelimit_log_ok(&d->last_spoof_log, now_ms, 60000)) {
			mac_str(src_mac, mac);
			logx_warn("%s: chaddr is not the frame's source %s "
				  "(%llu dropped so far)", d->cfg.ifname, mac,
				  (unsigned long long)d->dropped_spoofed);
		}
		return;
	}
	if (!ratelimit_allow(&d->rl, pkt + 28, now_ms)) {
		d->dropped_rate++;
		return;
	}
	server_handle(&d->scfg, &d->db, &d->guard, &rx, &res);
	if (d->cfg.verbose)
		log_packet(d, pkt, n, &res);
	log_refusals(d, pkt, &res, now_ms);
	if (res.exhausted &&
	    ratelimit_log_ok(&d->last_exhausted_log, now_ms, 60000))
		logx_warn("%s: address pool exhausted (%llu times so far)",
			  d->cfg.ifname, (unsigned long long)d->db.exhausted);
	if (res.len) {
		send_reply(d, &res);
		d->served++;
	}
	if (res.hosts_changed)
		write_hosts_soon(d);
	if (res.counts_changed)
		write_status_soon(d);
	if (res.leases_changed && d->cfg.lease_file[0]) {
		d->leases_dirty = 1;
		/* Flash wears out: at most one checkpoint per interval. */
		if (evloop_timer_remaining(&d->checkpoint_timer) < 0)
			evloop_timer_set(&d->loop, &d->checkpoint_timer,
					 (uint64_t)d->cfg.checkpoint_secs *
					 1000);
	}
}

/* A frame the packet socket read: a request to us from the LAN? Hands
 * its DHCP payload on with the frame's source MAC. */
static void handle_frame(struct dhcpd *d, const uint8_t *frame, size_t n,
			 const struct sockaddr_ll *from)
{
	uint32_t bcast = d->scfg.server_ip | ~d->scfg.netmask;
	struct ipv4_udp u;

	/* Our own replies (seen going out), and frames for other hosts
	 * a promiscuous interface lets in. */
	if (from->sll_pkttype == PACKET_OUTGOING ||
	    from->sll_pkttype == PACKET_OTHERHOST || from->sll_halen != 6)
		return;
	if (ipv4_udp_parse(frame, n, &u) != IPV4_UDP_OK ||
	    u.dst_port != DHCP_SERVER_PORT ||
	    (u.dst != 0xffffffffu && u.dst != d->scfg.server_ip &&
	     u.dst != bcast)) {
		d->dropped_bad++;
		return;
	}
	handle_packet(d, u.payload, u.len, from->sll_addr);
}

/* Datagrams read per recvmmsg: one call per wakeup drains a queue of up to
 * this many, and a short read means the queue is empty, so a lone packet
 * costs no second read that returns EAGAIN. */
#define RX_BATCH 8

/* Reads what the socket holds, at most rounds * RX_BATCH datagrams so a
 * flood cannot starve timers and signals; returns how many. */
static uint32_t read_batch(struct dhcpd *d, int fd, int rounds)
{
	static uint8_t buf[RX_BATCH][1500];
	static struct sockaddr_ll from[RX_BATCH];
	struct mmsghdr msgs[RX_BATCH];
	struct iovec iov[RX_BATCH];
	uint32_t total = 0;

	for (int i = 0; i < RX_BATCH; i++) {
		iov[i].iov_base = buf[i];
		iov[i].iov_len = sizeof(buf[i]);
		memset(&msgs[i].msg_hdr, 0, sizeof(msgs[i].msg_hdr));
		msgs[i].msg_hdr.msg_iov = &iov[i];
		msgs[i].msg_hdr.msg_iovlen = 1;
		msgs[i].msg_hdr.msg_name = &from[i];
		msgs[i].msg_hdr.msg_namelen = sizeof(from[i]);
	}
	for (int round = 0; round < rounds; round++) {
		int n = recvmmsg(fd, msgs, RX_BATCH, MSG_DONTWAIT, NULL);

		if (n < 0) {
			if (errno != EAGAIN && errno != EINTR)
				logx_err("%s: recv: %s", d->cfg.ifname,
					 strerror(errno));
			break;
		}
		for (int i = 0; i < n; i++) {
			handle_frame(d, buf[i], msgs[i].msg_len, &from[i]);
			msgs[i].msg_hdr.msg_namelen = sizeof(from[i]);
		}
		total += (uint32_t)n;
		if (n < RX_BATCH)
			break;
	}
	return total;
}

/* A storm is 1000 packets/s (a LAN's clients all asking at once after a
 * power cut); then the socket is read every HOLD_MS, since a DHCP client
 * waits seconds for its reply anyway, and the socket's 1 MiB buffer holds
 * what arrives meanwhile. A hold that gathered HOLD_BIG packets or more is
 * followed by a short one: a burst of replies that large overflows the
 * receive queues of relays and clients. */
#define STORM_WINDOW_MS	100
#define STORM_PACKETS	100
#define HOLD_MS		4
#define HOLD_SHORT_MS	1
#define HOLD_BIG	64

static void on_rx(struct evloop *loop, struct evloop_fd *w, uint32_t events)
{
	struct dhcpd *d = w->arg;
	uint32_t got = read_batch(d, w->fd, 8);

	(void)events;
	/* In a storm, stop watching the socket for a moment and take what
	 * gathered in one read (keel/moderation.h). */
	if (moderation_after_read(&d->mod, clock_mono_ms(), got) &&
	    evloop_fd_modify(loop, w, 0) == 0)
		evloop_timer_set(loop, &d->hold_timer, HOLD_MS);
}

static void on_hold_timer(struct evloop *loop, struct evloop_timer *t)
{
	struct dhcpd *d = t->arg;
	/* What a hold gathered: up to 512, 16000 exchanges/s for 4 ms. */
	uint32_t got = read_batch(d, d->rx_fd, 64);

	d->held++;
	/* Still a storm: the socket stays unwatched for another spell. */
	if (moderation_after_read(&d->mod, clock_mono_ms(), got))
		evloop_timer_set(loop, &d->hold_timer,
				 got >= HOLD_BIG ? HOLD_SHORT_MS : HOLD_MS);
	else if (evloop_fd_modify(loop, &d->rx_watch, EPOLLIN) < 0) {
		/* Deaf from here on: better restarted by init. */
		logx_err("%s: watch socket: %s", d->cfg.ifname,
			 strerror(errno));
		save_leases(d);
		exit(1);
	}
}

static void on_stop(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	struct dhcpd *d = arg;

	logx("signal %u: saving leases and exiting", si->ssi_signo);
	save_leases(d);
	/* Stopped: no counts that look current. */
	evloop_timer_cancel(loop, &d->status_timer);
	if (d->cfg.status_file[0])
		unlink(d->cfg.status_file);
	evloop_stop(loop);
}

static void die(const char *fmt, const char *a, const char *b)
{
	logx_err(fmt, a, b);
	exit(1);
}

/* For the packet socket (offsets from the IP header, as SOCK_DGRAM hands
 * it over): unfragmented UDP to port 67, nothing else is copied to us. */
static struct sock_filter dhcp_filter[] = {
	BPF_STMT(BPF_LD | BPF_B | BPF_ABS, 9),		/* protocol */
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, IPPROTO_UDP, 0, 6),
	BPF_STMT(BPF_LD | BPF_H | BPF_ABS, 6),		/* MF, offset */
	BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, 0x3fff, 4, 0),
	BPF_STMT(BPF_LDX | BPF_B | BPF_MSH, 0),		/* X: IP header */
	BPF_STMT(BPF_LD | BPF_H | BPF_IND, 2),		/* UDP dest port */
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, DHCP_SERVER_PORT, 0, 1),
	BPF_STMT(BPF_RET | BPF_K, 0xffff),
	BPF_STMT(BPF_RET | BPF_K, 0),
};
/* For the UDP socket: requests come in on the packet socket. */
static struct sock_filter drop_filter[] = {
	BPF_STMT(BPF_RET | BPF_K, 0),
};

static int attach_filter(int fd, struct sock_filter *code, size_t len)
{
	struct sock_fprog prog = { (unsigned short)len, code };

	return setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog,
			  sizeof(prog));
}

static void open_rx_socket(struct dhcpd *d)
{
	int rcvbuf = 1 << 20;
	struct sockaddr_ll sll;

	/* Protocol 0 until the filter is on, so nothing unfiltered gets
	 * queued; bind() then starts the flow, on our interface only. */
	d->rx_fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			  0);
	if (d->rx_fd < 0)
		die("packet socket: %s%s", strerror(errno), "");
	if (attach_filter(d->rx_fd, dhcp_filter, sizeof(dhcp_filter) /
			  sizeof(dhcp_filter[0])) < 0)
		die("packet socket filter: %s%s", strerror(errno), "");
	/* Room for a burst (every client at once after a power cut); FORCE
	 * goes past rmem_max while we are still root. */
	if (setsockopt(d->rx_fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf,
		       sizeof(rcvbuf)) < 0)
		setsockopt(d->rx_fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
			   sizeof(rcvbuf));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_IP);
	sll.sll_ifindex = d->ifindex;
	if (bind(d->rx_fd, (struct sockaddr *)&sll, sizeof(sll)) < 0)
		die("bind packet socket to %s: %s", d->cfg.ifname,
		    strerror(errno));
}

static void open_sockets(struct dhcpd *d)
{
	int one = 1;
	struct sockaddr_in addr;

	d->udp_fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			   0);
	if (d->udp_fd < 0)
		die("udp socket: %s%s", strerror(errno), "");
	if (setsockopt(d->udp_fd, SOL_SOCKET, SO_REUSEADDR, &one,
		       sizeof(one)) < 0 ||
	    setsockopt(d->udp_fd, SOL_SOCKET, SO_BROADCAST, &one,
		       sizeof(one)) < 0)
		die("udp socket options: %s%s", strerror(errno), "");
	if (attach_filter(d->udp_fd, drop_filter, 1) < 0)
		die("udp socket filter: %s%s", strerror(errno), "");
	/* Bound to the interface: requests from other links are not ours,
	 * and broadcasts must leave through this one. */
	if (setsockopt(d->udp_fd, SOL_SOCKET, SO_BINDTODEVICE, d->cfg.ifname,
		       (socklen_t)strlen(d->cfg.ifname)) < 0)
		die("SO_BINDTODEVICE %s: %s", d->cfg.ifname, strerror(errno));
	memset(&addr, 0, sizeof(addr));
	addr.sin_family = AF_INET;
	addr.sin_port = htons(DHCP_SERVER_PORT);
	if (bind(d->udp_fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind udp port 67 on %s: %s", d->cfg.ifname,
		    strerror(errno));
	/* Protocol 0: this socket only sends, it never receives. */
	d->packet_fd = socket(AF_PACKET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (d->packet_fd < 0)
		die("packet socket: %s%s", strerror(errno), "");
	open_rx_socket(d);
}

int main(int argc, char **argv)
{
	static struct dhcpd d;
	char err[160], a[INET_ADDRSTRLEN];
	uint32_t server_ip, netmask = 0;
	struct checkpoint_stats st;
	const char *why;
	unsigned scrubbed;
	int rc;

	log_init("dhcpd", KEEL_LOG_STDERR);
	rc = options_parse(argc, argv, &d.cfg, err, sizeof(err), stdout);
	if (rc)
		return rc > 0 ? 0 : (logx_err("%s", err), 2);
	if (d.cfg.config_path) {
		/* Strict: a file that does not parse is an error, never a
		 * fallback (init has already checked the one it hands us). */
		static struct keel_config kc;
		struct config_error cerr;

		if (config_load(d.cfg.config_path, &kc, &cerr) < 0) {
			logx_err("%s: %s", d.cfg.config_path, cerr.msg);
			return 1;
		}
		if (options_from_config(&d.cfg, &kc, d.cfg.config_lan, err,
					sizeof(err)) < 0) {
			logx_err("%s: %s", d.cfg.config_path, err);
			return 1;
		}
	}

	server_ip = d.cfg.server_ip;
	if (!server_ip &&
	    iface_addr(d.cfg.ifname, SIOCGIFADDR, &server_ip) < 0 &&
	    !d.cfg.check_only)
		die("%s: no IPv4 address: %s", d.cfg.ifname, strerror(errno));
	netmask = d.cfg.netmask;
	if (!netmask &&
	    iface_addr(d.cfg.ifname, SIOCGIFNETMASK, &netmask) < 0 &&
	    !d.cfg.check_only)
		die("%s: no netmask: %s", d.cfg.ifname, strerror(errno));
	if ((server_ip && netmask) || !d.cfg.check_only) {
		if (options_check(&d.cfg, server_ip, netmask, err,
				 sizeof(err)) < 0) {
			logx_err("%s", err);
			return 2;
		}
	}
	if (d.cfg.check_only) {
		options_print(&d.cfg, server_ip, netmask, stdout);
		return 0;
	}

	d.scfg.server_ip = server_ip;
	d.scfg.netmask = netmask;
	d.scfg.router = d.cfg.router;
	memcpy(d.scfg.dns, d.cfg.dns, sizeof(d.scfg.dns));
	d.scfg.dns_count = d.cfg.dns_count;
	memcpy(d.scfg.domain, d.cfg.domain, sizeof(d.scfg.domain));
	d.scfg.mtu = d.cfg.mtu;
	memcpy(d.scfg.routes, d.cfg.routes, sizeof(d.scfg.routes));
	d.scfg.route_count = d.cfg.route_count;
	d.scfg.lease_secs = d.cfg.lease_secs;
	d.scfg.offer_hold_secs = SERVER_OFFER_HOLD_SECS;
	d.scfg.decline_hold_secs = 600;
	d.scfg.names = d.cfg.names;
	server_guard_init(&d.guard, d.cfg.new_count, d.cfg.new_secs);

	if (lease_db_init(&d.db, d.cfg.pool_first, d.cfg.pool_last) < 0)
		die("lease table for the pool: %s%s", strerror(errno), "");
	for (unsigned i = 0; i < d.cfg.static_count; i++) {
		const struct static_lease *s = &d.cfg.statics[i];

		if (lease_db_add_static(&d.db, s->mac, s->ip, s->name) < 0)
			die("static lease %s: MAC or address given twice%s",
			    ip_str(s->ip, a), "");
	}
	if (d.cfg.lease_file[0]) {
		if (checkpoint_load(d.cfg.lease_file, &d.db, &st) < 0)
			logx_err("%s: %s (starting with no leases)",
				 d.cfg.lease_file, strerror(errno));
		else
			logx("%s: %u leases loaded, %u bad lines, %u rejected",
			     d.cfg.lease_file, st.loaded, st.bad, st.rejected);
		scrubbed = name_policy_scrub(&d.scfg.names, &d.db);
		if (scrubbed)
			logx_warn("%s: %u lease names not published (reserved "
				  "or well-known names)", d.cfg.lease_file,
				  scrubbed);
	}
	ratelimit_init(&d.rl, d.cfg.per_mac_count, d.cfg.per_mac_secs,
		       d.cfg.total_rate, d.cfg.total_rate * 2);
	d.ifindex = (int)if_nametoindex(d.cfg.ifname);
	if (!d.ifindex)
		die("%s: %s", d.cfg.ifname, strerror(errno));

	open_sockets(&d);
	if (geteuid() == 0) {
		if (privdrop(d.cfg.user, &why) < 0)
			die("drop privileges to %s: %s", d.cfg.user, why);
	} else {
		logx_warn("not root: privileges not dropped");
	}

	if (evloop_init(&d.loop) < 0)
		die("event loop: %s%s", strerror(errno), "");
	d.rx_watch.fd = d.rx_fd;
	d.rx_watch.cb = on_rx;
	d.rx_watch.arg = &d;
	d.checkpoint_timer.cb = on_checkpoint_timer;
	d.checkpoint_timer.arg = &d;
	d.hosts_timer.cb = on_hosts_timer;
	d.hosts_timer.arg = &d;
	moderation_init(&d.mod, STORM_WINDOW_MS, STORM_PACKETS);
	d.hold_timer.cb = on_hold_timer;
	d.hold_timer.arg = &d;
	d.status_timer.cb = on_status_timer;
	d.status_timer.arg = &d;
	if (evloop_fd_add(&d.loop, &d.rx_watch, EPOLLIN) < 0 ||
	    evloop_signal(&d.loop, SIGTERM, on_stop, &d) < 0 ||
	    evloop_signal(&d.loop, SIGINT, on_stop, &d) < 0)
		die("event loop setup: %s%s", strerror(errno), "");
	write_hosts(&d);
	write_status(&d);
	logx("serving %s as %s, pool %u addresses", d.cfg.ifname,
	     ip_str(server_ip, a), d.db.count);
	/* Set up: from here on, only what serving leases needs. */
	if (seccomp_lockdown(&dhcpd_seccomp, err, sizeof(err)) < 0)
		die("%s%s", err, "");
	/* Bound, unprivileged, leases loaded: init may start what needs us. */
	if (ready_notify() < 0)
		logx_err("readiness notification: %s", strerror(errno));
	rc = evloop_run(&d.loop);
	if (rc < 0)
		logx_err("event loop: %s", strerror(errno));
	logx("served %llu, dropped %llu by rate limit, %llu malformed, "
	     "%llu batched reads in storms",
	     (unsigned long long)d.served, (unsigned long long)d.dropped_rate,
	     (unsigned long long)d.dropped_bad, (unsigned long long)d.held);
	logx("refused: %llu chaddr not the frame's source, %llu new clients "
	     "over the bound, %llu INIT-REBOOT with no record, %llu names",
	     (unsigned long long)d.dropped_spoofed,
	     (unsigned long long)d.guard.new_refused,
	     (unsigned long long)d.guard.unknown_silent,
	     (unsigned long long)d.guard.names_refused);
	evloop_close(&d.loop);
	lease_db_free(&d.db);
	return rc < 0 ? 1 : 0;
}
