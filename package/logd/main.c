/*
 * main.c - logd: Keel's system log. Syslog datagrams (/dev/log, and UDP
 * from the LAN when asked) and the kernel log into one RAM ring; readers
 * on a unix socket (logread); optional forwarding to a collector; SSH
 * brute-force bans from dropbear's lines. Sockets are bound as root, then
 * logd runs as its own user with no capability; with bans on, a helper
 * forked first holds CAP_NET_ADMIN and only adds bans (banhelper.h).
 */
#define _GNU_SOURCE	/* recvmmsg */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/config.h"
#include "keel/log.h"
#include "keel/privdrop.h"
#include "keel/ready.h"
#include "keel/seccomp.h"

#include "banhelper.h"
#include "from_config.h"
#include "logd.h"
#include "seccomp_list.h"
#include "syslog_parse.h"

/* Datagrams taken per wakeup per socket: enough to drain a flood in few
 * syscalls, few enough that one busy input cannot starve the others. */
#define BATCH		32
#define DGRAM_MAX	2048
/* Rounds per wakeup before giving other watchers a turn. */
#define ROUNDS		8

static struct logd d;
static struct logd_options cfg;
/* -C: keel.conf, for the life of the process (cfg points into it). */
static struct keel_config keel_conf;
static char dgram[BATCH][DGRAM_MAX];

/* One syslog datagram; from is the sender's address text for UDP (used
 * as the host when the message names none), NULL for local ones. Only
 * lines root sent over the local socket may lead to a ban: dropbear runs
 * as root, and anyone else (a LAN host over UDP, a local user) could
 * otherwise forge its lines to have an address banned. */
static void take_dgram(const char *p, size_t n, const char *from,
		       bool from_root)
{
	struct log_msg m;

	d.st.received++;
	if (syslog_parse(p, n, &m) < 0) {
		d.st.bad++;
		return;
	}
	if (!m.time_us)
		m.time_us = logd_wall_us();
	if (from && !m.host.n) {
		m.host.p = from;
		m.host.n = strlen(from);
	}
	logd_store(&d, &m, from_root);
}

/* The sender's uid (SO_PASSCRED) and the kernel's drop count
 * (SO_RXQ_OVFL, UDP) from a message's control data. */
static void read_cmsgs(struct msghdr *h, uid_t *uid)
{
	for (struct cmsghdr *c = CMSG_FIRSTHDR(h); c; c = CMSG_NXTHDR(h, c)) {
		if (c->cmsg_level != SOL_SOCKET)
			continue;
		if (c->cmsg_type == SCM_CREDENTIALS &&
		    c->cmsg_len >= CMSG_LEN(sizeof(struct ucred))) {
			struct ucred cred;

			memcpy(&cred, CMSG_DATA(c), sizeof(cred));
			*uid = cred.uid;
		} else if (c->cmsg_type == SO_RXQ_OVFL &&
			   c->cmsg_len >= CMSG_LEN(sizeof(uint32_t))) {
			uint32_t drops;

			/* The socket's running total of datagrams the
			 * kernel dropped for want of buffer space. */
			memcpy(&drops, CMSG_DATA(c), sizeof(drops));
			d.st.udp_dropped = drops;
		}
	}
}

static void on_dgram(struct evloop *loop, struct evloop_fd *w, uint32_t ev)
{
	static union {
		struct cmsghdr align;
		char buf[CMSG_SPACE(sizeof(struct ucred)) +
			 CMSG_SPACE(sizeof(uint32_t))];
	} ctl[BATCH];
	struct mmsghdr mm[BATCH];
	struct iovec iov[BATCH];
	struct sockaddr_storage from[BATCH];
	bool udp = w != &d.syslog_watch;

	(void)loop;
	(void)ev;
	for (int round = 0; round < ROUNDS; round++) {
		int got;

		memset(mm, 0, sizeof(mm));
		for (int i = 0; i < BATCH; i++) {
			iov[i].iov_base = dgram[i];
			iov[i].iov_len = DGRAM_MAX;
			mm[i].msg_hdr.msg_iov = &iov[i];
			mm[i].msg_hdr.msg_iovlen = 1;
			mm[i].msg_hdr.msg_control = ctl[i].buf;
			mm[i].msg_hdr.msg_controllen = sizeof(ctl[i].buf);
			if (udp) {
				mm[i].msg_hdr.msg_name = &from[i];
				mm[i].msg_hdr.msg_namelen = sizeof(from[i]);
			}
		}
		got = recvmmsg(w->fd, mm, BATCH, MSG_DONTWAIT, NULL);
		if (got <= 0)
			return;
		for (int i = 0; i < got; i++) {
			char a[INET6_ADDRSTRLEN] = "";
			uid_t uid = (uid_t)-1;

			read_cmsgs(&mm[i].msg_hdr, &uid);
			if (udp) {
				const struct sockaddr_storage *s = &from[i];
				const void *ip = s->ss_family == AF_INET6 ?
					(const void *)&((const struct sockaddr_in6 *)(const void *)s)->sin6_addr :
					(const void *)&((const struct sockaddr_in *)(const void *)s)->sin_addr;

				inet_ntop(s->ss_family, ip, a, sizeof(a));
			}
			take_dgram(dgram[i], mm[i].msg_len, udp ? a : NULL,
				   !udp && uid == 0);
		}
		if (got < BATCH)
			return;
	}
}

/* Wall-clock time of boot, for kmsg's monotonic stamps. */
static uint64_t boot_wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return logd_wall_us() - timespec_to_us(&ts);
}

static void take_kmsg(const char *p, size_t n)
{
	struct log_msg m;
	uint64_t seq = 0;

	d.st.received++;
	if (kmsg_parse(p, n, boot_wall_us(), &m, &seq) < 0) {
		d.st.bad++;
		return;
	}
	if (d.kmsg_next_seq && seq > d.kmsg_next_seq)
		d.st.kmsg_missed += seq - d.kmsg_next_seq;
	d.kmsg_next_seq = seq + 1;
	logd_store(&d, &m, false);
}

/*
 * /dev/kmsg gives one record per read(); a fifo or file (tests) gives
 * bytes, so records are split at newlines, and lines that start with a
 * space (the " KEY=VALUE" continuation lines, possibly in a later read)
 * are skipped.
 */
static void split_kmsg(bool at_eof)
{
	char *buf = d.kmsg_carry;
	size_t start = 0, len = d.kmsg_carry_len;

	for (size_t i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		if (buf[start] != ' ')
			take_kmsg(buf + start, i + 1 - start);
		start = i + 1;
	}
	if (at_eof && start < len) {
		if (buf[start] != ' ')
			take_kmsg(buf + start, len - start);
		start = len;
	}
	memmove(buf, buf + start, len - start);
	d.kmsg_carry_len = len - start;
}

static void on_kmsg(struct evloop *loop, struct evloop_fd *w, uint32_t ev)
{
	(void)loop;
	for (int round = 0; round < BATCH * ROUNDS; round++) {
		ssize_t n;

		if (d.kmsg_carry_len == sizeof(d.kmsg_carry))
			d.kmsg_carry_len = 0;	/* no record is this long */
		n = read(w->fd, d.kmsg_carry + d.kmsg_carry_len,
			 sizeof(d.kmsg_carry) - d.kmsg_carry_len);
		if (n < 0 && errno == EPIPE)
			continue;	/* overwritten; seq gap counts it */
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			split_kmsg(n == 0);
			if (n == 0 && (ev & EPOLLHUP)) {
				/* A fifo's writer left: nothing more. */
				evloop_fd_remove(&d.loop, w);
				close(w->fd);
			}
			return;
		}
		d.kmsg_carry_len += (size_t)n;
		split_kmsg(false);
	}
}

static void on_term(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	(void)si;
	(void)arg;
	evloop_stop(loop);
}

static int bind_syslog(char *err, size_t errlen)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	int fd, big = 1 << 20, one = 1;

	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", cfg.syslog_path);
	fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	unlink(cfg.syslog_path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    chmod(cfg.syslog_path, 0666) < 0)
		goto fail;
	/* Room for bursts (boot, a flood) while the loop is busy; FORCE
	 * lifts rmem_max as root, the plain option is the fallback. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
	/* Who sent each line: only root's can lead to a ban. */
	if (setsockopt(fd, SOL_SOCKET, SO_PASSCRED, &one, sizeof(one)) < 0)
		goto fail;
	d.syslog_watch.fd = fd;
	d.syslog_watch.cb = on_dgram;
	d.syslog_watch.arg = &d;
	if (evloop_fd_add(&d.loop, &d.syslog_watch, EPOLLIN) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "syslog socket %s: %s", cfg.syslog_path,
		 strerror(errno));
	return -1;
}

static int bind_udp(size_t i, char *err, size_t errlen)
{
	const struct endpoint *a = &cfg.udp[i];
	int fd = socket(a->sa.ss_family,
			SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	int one = 1, big = 1 << 20;

	if (fd < 0)
		goto fail;
	if (a->sa.ss_family == AF_INET6)
		setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof(one));
	/* The kernel counts datagrams it dropped on a full buffer. */
	setsockopt(fd, SOL_SOCKET, SO_RXQ_OVFL, &one, sizeof(one));
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &big, sizeof(big)) < 0)
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &big, sizeof(big));
	if (bind(fd, (const struct sockaddr *)&a->sa, a->len) < 0)
		goto fail;
	d.udp_watch[i].fd = fd;
	d.udp_watch[i].cb = on_dgram;
	d.udp_watch[i].arg = &d;
	if (evloop_fd_add(&d.loop, &d.udp_watch[i], EPOLLIN) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "udp %s: %s", a->text, strerror(errno));
	return -1;
}

static int open_kmsg(char *err, size_t errlen)
{
	int fd;

	if (!cfg.kmsg_path)
		return 0;
	fd = open(cfg.kmsg_path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", cfg.kmsg_path, strerror(errno));
		return -1;
	}
	d.kmsg_watch.fd = fd;
	d.kmsg_watch.cb = on_kmsg;
	d.kmsg_watch.arg = &d;
	if (evloop_fd_add(&d.loop, &d.kmsg_watch, EPOLLIN) < 0) {
		if (errno != EPERM) {
			snprintf(err, errlen, "%s: epoll: %s", cfg.kmsg_path,
				 strerror(errno));
			return -1;
		}
		/* A regular file (tests): read it once. */
		on_kmsg(&d.loop, &d.kmsg_watch, EPOLLHUP);
		close(fd);
	}
	return 0;
}

static void read_hostname(void)
{
	struct utsname u;

	if (cfg.hostname)
		snprintf(d.hostname, sizeof(d.hostname), "%s", cfg.hostname);
	else if (uname(&u) == 0)
		snprintf(d.hostname, sizeof(d.hostname), "%s", u.nodename);
}

/* init sends SIGHUP after a config change: the host name may be new. */
static void on_hup(struct evloop *loop, const struct signalfd_siginfo *si,
		   void *arg)
{
	(void)loop;
	(void)si;
	(void)arg;
	read_hostname();
}

static int setup(int helper_fd, char *err, size_t errlen)
{
	void *ring_mem;

	if (evloop_init(&d.loop) < 0) {
		snprintf(err, errlen, "event loop: %s", strerror(errno));
		return -1;
	}
	d.cfg = &cfg;
	/* The one big allocation, made once: the ring never grows. */
	ring_mem = mmap(NULL, cfg.ring_bytes, PROT_READ | PROT_WRITE,
			MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (ring_mem == MAP_FAILED) {
		snprintf(err, errlen, "ring of %zu bytes: %s", cfg.ring_bytes,
			 strerror(errno));
		return -1;
	}
	ring_init(&d.ring, ring_mem, cfg.ring_bytes);
	logd_store_init(&d);
	read_hostname();
	if (evloop_signal(&d.loop, SIGTERM, on_term, NULL) < 0 ||
	    evloop_signal(&d.loop, SIGHUP, on_hup, NULL) < 0 ||
	    evloop_signal(&d.loop, SIGINT, on_term, NULL) < 0) {
		snprintf(err, errlen, "signals: %s", strerror(errno));
		return -1;
	}
	if (bind_syslog(err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < cfg.n_udp; i++)
		if (bind_udp(i, err, errlen) < 0)
			return -1;
	if (readers_init(&d, err, errlen) < 0)
		return -1;
	if (banfw_init(&d, helper_fd) < 0) {
		snprintf(err, errlen, "ban helper: epoll: %s",
			 strerror(errno));
		return -1;
	}
	if (open_kmsg(err, errlen) < 0)
		return -1;
	return forward_init(&d, err, errlen);
}

/* -C: strict. init hands every daemon the snapshot it booted with
 * (KEEL_RUN_CONFIG), so a file logd cannot use is an error, never a cue to
 * guess settings of its own. */
static int load_config(char *err, size_t errlen)
{
	struct config_error cerr;

	if (config_load(cfg.config_path, &keel_conf, &cerr) < 0) {
		snprintf(err, errlen, "%s", cerr.msg);
		return -1;
	}
	return options_from_config(&cfg, &keel_conf, err, errlen);
}

int main(int argc, char **argv)
{
	char err[512];
	const char *why;
	int rc, helper_fd = -1;

	log_init("logd", KEEL_LOG_STDERR);
	options_defaults(&cfg);
	rc = options_parse(&cfg, argc, argv, err, sizeof(err));
	if (rc == 1)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "logd: %s\n", err);
		return 2;
	}
	if (cfg.config_path && load_config(err, sizeof(err)) < 0) {
		logx_err("%s: %s", cfg.config_path, err);
		return 1;
	}
	if (cfg.check_only) {
		options_print(&cfg, stdout);
		return 0;
	}
	/* First, while nothing untrusted is open: the helper inherits only
	 * stdio and its end of the socketpair. */
	if (cfg.ban.failures) {
		helper_fd = banhelper_spawn(cfg.user, err, sizeof(err));
		if (helper_fd < 0) {
			logx_err("%s", err);
			return 1;
		}
	}
	if (setup(helper_fd, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (geteuid() == 0) {
		rc = privdrop(cfg.user, &why);
		if (rc < 0) {
			logx_err("cannot drop privileges to %s: %s", cfg.user,
				 why);
			return 1;
		}
	}
	/* glibc reads the zone file on the first gmtime_r() (musl never
	 * does): now, while files may still be opened. */
	tzset();
	/* Set up: from here on, only what reading and storing logs needs. */
	if (seccomp_lockdown(&logd_seccomp, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (ready_notify() < 0)
		logx_warn("cannot tell init we are ready: %s", strerror(errno));
	logd_self(&d, 3, 6, "started: ring %zu bytes%s%s%s", d.ring.cap,
		  cfg.remote_set ? ", forwarding to " : "",
		  cfg.remote_set ? cfg.remote.text : "",
		  cfg.remote_set ? (cfg.remote_tcp ? " tcp" : " udp") : "");
	if (evloop_run(&d.loop) < 0) {
		logx_err("event loop: %s", strerror(errno));
		return 1;
	}
	return 0;
}
