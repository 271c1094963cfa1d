/*
 * seccomp_list.c - dnsd's allow-list (keel/seccomp.h), installed once it
 * is set up. Upstream sockets are opened per query, hosts and blocklist
 * files re-read, the stats file replaced. Derived from strace of the
 * musl-static build through tests/dns/run (calls made after seccomp()),
 * plus reload and exit paths.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_recvmmsg, SYS_sendmmsg,	/* udp_batch.c */
#ifdef SYS_recvmmsg_time64
	SYS_recvmmsg_time64,		/* musl on armv7 */
#endif
	SYS_bind,			/* upstream sockets: random port */
	SYS_uname,			/* gethostname() on reload */
};

static const struct seccomp_set own = SECCOMP_SET("dnsd", own_nr);
/* Upstream (forwarding) sockets are made as needed: AF_INET(6) only. */
static const struct seccomp_arg_rule *const rules[] = {
	&seccomp_socket_inet,
};
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &seccomp_inet, &own,
};

const struct seccomp_policy dnsd_seccomp = {
	.prog = "dnsd", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
	.rules = rules, .nrules = sizeof(rules) / sizeof(rules[0]),
};
