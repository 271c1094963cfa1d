/*
 * seccomp_list.c - dhcpd's allow-list (keel/seccomp.h), installed once it
 * is set up. Replies through its packet and UDP sockets; the lease
 * checkpoint, hosts and status files replaced. Derived from strace of the
 * musl-static build through tests/dhcp/run (calls made after seccomp()),
 * plus reload and exit paths.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_sendto, SYS_recvfrom, SYS_recvmsg,
	SYS_recvmmsg,			/* storms: batched reads */
#ifdef SYS_recvmmsg_time64
	SYS_recvmmsg_time64,		/* musl on armv7 */
#endif
};

static const struct seccomp_set own = SECCOMP_SET("dhcpd", own_nr);
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &own,
};

const struct seccomp_policy dhcpd_seccomp = {
	.prog = "dhcpd", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
};
