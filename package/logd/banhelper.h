/*
 * banhelper.h - the one privileged part of logd: a small process, forked
 * before anything untrusted is read, that holds CAP_NET_ADMIN and does
 * exactly one thing: put a ban (a prefix with a timeout) into keel-fw's
 * sets. The parsing process talks to it over a socketpair with fixed-size
 * messages and keeps no capability at all.
 *
 * The helper trusts nothing it is sent: every request is checked in full
 * (banhelper_check) and a bad one ends the helper, since only a
 * compromised parser would send it. It cannot unban (the kernel expires
 * bans), list, or touch anything but banned4/banned6.
 */
#ifndef LOGD_BANHELPER_H
#define LOGD_BANHELPER_H

#include <stddef.h>
#include <stdint.h>

#define BANHELPER_MAGIC		0x6b62616eu	/* "kban" */
#define BANHELPER_SECONDS_MAX	(86400u * 30)	/* LOGD_BAN_SECONDS_MAX */

struct banhelper_req {
	uint32_t magic;
	uint32_t seconds;	/* 1..BANHELPER_SECONDS_MAX */
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t prefix_len;	/* IPv4: 32; IPv6: 48..128 */
	uint8_t pad[2];		/* zero */
	uint8_t addr[16];	/* host bits clear; IPv4 in the first 4 */
};

struct banhelper_rep {
	struct banhelper_req req;	/* what this answers (zero: start-up) */
	int32_t err;			/* 0 or a negative errno */
	char msg[100];			/* the kernel's extended ACK, or "" */
};

/*
 * Is buf[0..len) a request the helper may carry out? Pure. Returns NULL,
 * or why not (for the helper's last words). Refused: a wrong size or
 * magic, non-zero padding, another family, a prefix shorter than /32 or
 * /48 (nothing wider than the daemon ever bans), host bits set, an
 * unspecified, loopback or multicast address, a time of 0 or too long.
 */
const char *banhelper_check(const void *buf, size_t len,
			    struct banhelper_req *out);

/*
 * Forks the helper (call as root, before any socket is bound, with bans
 * on). The child opens the netlink socket, drops to user keeping only
 * CAP_NET_ADMIN, answers once that it is ready, then serves until the
 * parent goes. Returns the parent's end of the socketpair, or -1 with one
 * line in err (the child's own setup error included).
 */
int banhelper_spawn(const char *user, char *err, size_t errlen);

#endif /* LOGD_BANHELPER_H */
