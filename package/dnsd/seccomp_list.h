/*
 * seccomp_list.h - the syscalls dnsd may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef DNSD_SECCOMP_LIST_H
#define DNSD_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy dnsd_seccomp;

#endif
