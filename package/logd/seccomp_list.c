/*
 * seccomp_list.c - logd's allow-lists (keel/seccomp.h), installed once it
 * is set up. The parser: syslog datagrams, the kernel log, readers on its
 * socket, forwarding (which reconnects), requests to the ban helper. The
 * ban helper gets a list of its own. Derived from strace of the
 * musl-static build through tests/logd/run (calls made after seccomp()),
 * plus reload and exit paths.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_recvmmsg, SYS_recvmsg,
#ifdef SYS_recvmmsg_time64
	SYS_recvmmsg_time64,
#endif
};

static const struct seccomp_set own = SECCOMP_SET("logd", own_nr);
/* Upstream (forwarding) sockets are made as needed: AF_INET(6) only. */
static const struct seccomp_arg_rule *const rules[] = {
	&seccomp_socket_inet,
};
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_inet, &own,
};

const struct seccomp_policy logd_seccomp = {
	.prog = "logd", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
	.rules = rules, .nrules = sizeof(rules) / sizeof(rules[0]),
};

/* The helper talks netlink on a socket it already holds and answers on
 * its socketpair: no files, no new sockets. */
static const int ban_nr[] = {
	SYS_sendto, SYS_recvfrom, SYS_sendmsg, SYS_recvmsg,
	SYS_ppoll,			/* nlsock_talk() waits for the ACKs */
#ifdef SYS_poll
	SYS_poll,
#endif
#ifdef SYS_send
	SYS_send,
#endif
#ifdef SYS_recv
	SYS_recv,
#endif
};

static const struct seccomp_set ban = SECCOMP_SET("logd-ban", ban_nr);
static const struct seccomp_set *const ban_sets[] = {
	&seccomp_stdio, &ban,
};

const struct seccomp_policy logd_ban_seccomp = {
	.prog = "logd-ban", .sets = ban_sets,
	.nsets = sizeof(ban_sets) / sizeof(ban_sets[0]),
};
