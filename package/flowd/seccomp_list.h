/*
 * seccomp_list.h - the syscalls flowd may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef FLOWD_SECCOMP_LIST_H
#define FLOWD_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy flowd_seccomp;

#endif
