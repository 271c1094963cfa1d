/*
 * seccomp_list.c - flowd's allow-list (keel/seccomp.h), installed once it
 * is set up. Packets from libpcap's ring, exports to the collectors, the
 * summary file replaced. Derived from strace of the musl-static build
 * through tests/flowd/run (calls made after seccomp()), plus reload and
 * exit paths.
 */
#define _GNU_SOURCE
#include <sys/ioctl.h>
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_sendto, SYS_recvfrom,	/* exports to the collectors */
	SYS_getsockopt,			/* pcap_stats() */
	SYS_setsockopt,			/* pcap_close() tears its ring down */
	SYS_ppoll,			/* pcap_dispatch() polls the ring */
	SYS_getsockname,		/* ... and on an error, asks which */
#ifdef SYS_poll
	SYS_poll,
#endif
};

static const struct seccomp_set own = SECCOMP_SET("flowd", own_nr);
/* When the interface goes away, libpcap asks for its flags to say so;
 * flowd then exits 1 and init restarts it. No other ioctl. */
static const struct seccomp_arg_rule ioctl_flags = {
	.name = "ioctl-flags", .nr = SYS_ioctl, .arg = 1,
	.values = { SIOCGIFFLAGS }, .nvalues = 1,
};
static const struct seccomp_arg_rule *const rules[] = { &ioctl_flags };
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &own,
};

const struct seccomp_policy flowd_seccomp = {
	.prog = "flowd", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
	.rules = rules, .nrules = sizeof(rules) / sizeof(rules[0]),
};
