/*
 * seccomp_list.c - flowd's allow-list (keel/seccomp.h), installed once it
 * is set up. Packets from libpcap's ring, exports to the collectors, the
 * summary file replaced. Derived from strace of the musl-static build
 * through tests/flowd/run (calls made after seccomp()), plus reload and
 * exit paths.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_sendto, SYS_recvfrom,	/* exports to the collectors */
	SYS_getsockopt,			/* pcap_stats() */
	SYS_setsockopt,			/* pcap_close() tears its ring down */
	SYS_ppoll,			/* pcap_dispatch() polls the ring */
#ifdef SYS_poll
	SYS_poll,
#endif
};

static const struct seccomp_set own = SECCOMP_SET("flowd", own_nr);
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &own,
};

const struct seccomp_policy flowd_seccomp = {
	.prog = "flowd", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
};
