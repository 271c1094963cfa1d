/*
 * seccomp_list.h - the syscalls rad may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef RAD_SECCOMP_LIST_H
#define RAD_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy rad_seccomp;

#endif
