/*
 * banhelper.c - the privileged ban helper (see banhelper.h): the request
 * check, the fork, and the helper's loop.
 */
#define _GNU_SOURCE	/* prctl names */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <unistd.h>
#include <linux/capability.h>

#include "keel/fwban.h"
#include "keel/nlmsg.h"
#include "keel/privdrop.h"
#include "keel/seccomp.h"

#include "banhelper.h"
#include "seccomp_list.h"

const char *banhelper_check(const void *buf, size_t len,
			    struct banhelper_req *out)
{
	struct banhelper_req r;
	unsigned bits;
	static const uint8_t zero[16];

	if (len != sizeof(r))
		return "wrong size";
	memcpy(&r, buf, sizeof(r));
	if (r.magic != BANHELPER_MAGIC)
		return "bad magic";
	if (r.pad[0] || r.pad[1])
		return "padding not zero";
	if (r.family == AF_INET) {
		bits = 32;
		if (r.prefix_len != 32)
			return "IPv4 ban not a /32";
		if (memcmp(r.addr + 4, zero, 12))
			return "IPv4 address with bytes past 4";
		if (!r.addr[0] || r.addr[0] == 127 || r.addr[0] >= 224)
			return "unspecified, loopback or multicast address";
	} else if (r.family == AF_INET6) {
		static const uint8_t one[16] = { [15] = 1 };

		bits = 128;
		if (r.prefix_len < 48 || r.prefix_len > 128)
			return "IPv6 prefix outside /48../128";
		if (!memcmp(r.addr, zero, 16) || !memcmp(r.addr, one, 16) ||
		    r.addr[0] == 0xff)
			return "unspecified, loopback or multicast address";
	} else {
		return "unknown family";
	}
	for (unsigned i = r.prefix_len; i < bits; i++)
		if (r.addr[i / 8] & (0x80u >> (i % 8)))
			return "host bits set";
	if (!r.seconds || r.seconds > BANHELPER_SECONDS_MAX)
		return "ban time out of range";
	*out = r;
	return NULL;
}

static uint8_t nl_mem[1024] __attribute__((aligned(4)));

/* One ban through netlink; the answer into rep. */
static void carry_out(int nl, uint32_t *seq, const struct banhelper_req *r,
		      struct banhelper_rep *rep)
{
	struct nlbuf b;
	struct nlsock_result res;
	uint32_t s = *seq;

	*seq += 3;
	memset(rep, 0, sizeof(*rep));
	rep->req = *r;
	nlb_init(&b, nl_mem, sizeof(nl_mem));
	if (fwban_batch(&b, s, r->family, r->addr, r->prefix_len,
			(uint64_t)r->seconds * 1000, 0) < 0) {
		rep->err = -EINVAL;
		return;
	}
	/* The kernel runs a batch inside sendmsg(): never waits. */
	if (nlsock_talk(nl, b.data, b.len, s, s + 2, 0, 0, NULL, NULL,
			&res) < 0) {
		rep->err = -errno;
		return;
	}
	if (res.errors) {
		rep->err = res.first_err;
		/* Cut to fit: the text only decorates the errno. */
		memcpy(rep->msg, res.first_err_msg, sizeof(rep->msg) - 1);
		rep->msg[sizeof(rep->msg) - 1] = '\0';
	}
}

static void serve(int fd, const char *user)
{
	struct banhelper_rep rep = { .err = 0 };
	struct banhelper_req req;
	const char *why = NULL;
	uint32_t seq = (uint32_t)getpid() << 8;
	int nl;

	prctl(PR_SET_NAME, "logd-ban", 0, 0, 0);
	/* If logd dies, so does its helper. */
	prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0);
	nl = nlsock_open(NETLINK_NETFILTER);
	if (nl < 0) {
		rep.err = -errno;
		snprintf(rep.msg, sizeof(rep.msg), "netlink: %s",
			 strerror(errno));
	} else if (geteuid() == 0 &&
		   privdrop_keep_caps(user, 1ull << CAP_NET_ADMIN, &why) < 0) {
		rep.err = -EPERM;
		snprintf(rep.msg, sizeof(rep.msg), "ban helper: cannot drop "
			 "privileges to %s: %s", user, why);
	} else if (seccomp_lockdown(&logd_ban_seccomp, rep.msg,
				    sizeof(rep.msg)) < 0) {
		rep.err = -EPERM;
	}
	if (send(fd, &rep, sizeof(rep), 0) != sizeof(rep) || rep.err)
		_exit(1);
	for (;;) {
		uint8_t buf[sizeof(req) + 1];
		ssize_t n = recv(fd, buf, sizeof(buf), 0);
		const char *bad;

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			_exit(0);	/* logd is gone */
		bad = banhelper_check(buf, (size_t)n, &req);
		if (bad) {
			/* Only a compromised parser sends this: stop. */
			dprintf(2, "logd-ban: refused a request (%s); "
				"exiting\n", bad);
			_exit(2);
		}
		carry_out(nl, &seq, &req, &rep);
		if (send(fd, &rep, sizeof(rep), MSG_NOSIGNAL) != sizeof(rep))
			_exit(0);
	}
}

int banhelper_spawn(const char *user, char *err, size_t errlen)
{
	struct banhelper_rep rep;
	int sv[2];
	pid_t pid;
	ssize_t n;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0) {
		snprintf(err, errlen, "ban helper: socketpair: %s",
			 strerror(errno));
		return -1;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		snprintf(err, errlen, "ban helper: fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		close(sv[0]);
		serve(sv[1], user);
		_exit(0);
	}
	close(sv[1]);
	/* Its start-up answer: once, before the event loop runs. */
	do
		n = recv(sv[0], &rep, sizeof(rep), 0);
	while (n < 0 && errno == EINTR);
	if (n != sizeof(rep) || rep.err) {
		snprintf(err, errlen, "%s", n == sizeof(rep) ? rep.msg :
			 "ban helper died at start");
		close(sv[0]);
		return -1;
	}
	return sv[0];
}
