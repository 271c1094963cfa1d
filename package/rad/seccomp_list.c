/*
 * seccomp_list.c - rad's allow-list (keel/seccomp.h), installed once it is
 * set up. Advertisements and DHCPv6 replies on its two sockets;
 * /proc/net/if_inet6 re-read for the link-local address; wan6's lease
 * file read and stat()ed (rpath), its directory watched again with
 * inotify_add_watch when it comes back. Derived from
 * strace of the musl-static build through tests/rad/run (calls made after
 * seccomp()), plus reload and exit paths.
 */
#define _GNU_SOURCE
#include <sys/syscall.h>

#include "seccomp_list.h"

static const int own_nr[] = {
	SYS_sendto, SYS_recvmsg, SYS_inotify_add_watch,
};

static const struct seccomp_set own = SECCOMP_SET("rad", own_nr);
static const struct seccomp_set *const sets[] = {
	&seccomp_stdio, &seccomp_rpath, &own,
};

const struct seccomp_policy rad_seccomp = {
	.prog = "rad", .sets = sets,
	.nsets = sizeof(sets) / sizeof(sets[0]),
};
