/*
 * seccomp_list.c - wan6's allow-list (keel/seccomp.h), installed once it
 * is set up. DHCPv6 and RAs on its two sockets, rtnetlink on the two
 * netlink sockets it opened before (link and address events; LAN
 * addresses and routes and the WAN's IA_NA /128, whose ACKs
 * nlsock_talk() reads with poll/recv; under DS-Lite also the tunnel's
 * ends), the AFTR name's AAAA queries on a UDP socket
 * opened before (sendto/recvfrom), the lease file
 * and the remembered prefix replaced with atomic_file (rpath + wpath).
 * No socket() after setup: not even netlink.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_sendto, SYS_sendmsg, SYS_recvmsg, SYS_recvfrom,
	SYS_ppoll,
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

static const struct seccomp_set own = SECCOMP_SET("wan6", own_nr);
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &own,
};

const struct seccomp_policy wan6_seccomp = {
	.prog = "wan6", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
};
