/*
 * seccomp_list.h - the syscalls wan6 may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef WAN6_SECCOMP_LIST_H
#define WAN6_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy wan6_seccomp;

#endif
