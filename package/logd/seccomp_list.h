/*
 * seccomp_list.h - the syscalls logd may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef LOGD_SECCOMP_LIST_H
#define LOGD_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy logd_seccomp;
/* The ban helper (banhelper.c): netlink to nftables and its socketpair. */
extern const struct seccomp_policy logd_ban_seccomp;

#endif
