/*
 * seccomp_list.h - the syscalls dhcpd may make once it is set up
 * (keel/seccomp.h); seccomp_list.c says where each comes from.
 */
#ifndef DHCPD_SECCOMP_LIST_H
#define DHCPD_SECCOMP_LIST_H

#include "keel/seccomp.h"

extern const struct seccomp_policy dhcpd_seccomp;

#endif
