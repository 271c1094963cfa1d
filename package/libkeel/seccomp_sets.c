/*
 * seccomp_sets.c - the syscall sets daemons build their allow-lists from
 * (keel/seccomp.h). Names missing on one of x86_64, aarch64 and armv7 are
 * #ifdef'd; where libcs differ (musl, and glibc for the host tests), both
 * forms are listed: fstat is newfstatat for one and statx for the other.
 */
#define _GNU_SOURCE
#include <sys/socket.h>
#include <sys/syscall.h>

#include "keel/seccomp.h"

static const int stdio_nr[] = {
	SYS_read, SYS_readv, SYS_write, SYS_writev, SYS_close,
	SYS_fcntl,
#ifdef SYS_fcntl64
	SYS_fcntl64,
#endif
	/* fstat(): musl on arm goes through statx, glibc through newfstatat */
	SYS_fstat, SYS_statx,
#ifdef SYS_newfstatat
	SYS_newfstatat,
#endif
#ifdef SYS_fstat64
	SYS_fstat64,
#endif
#ifdef SYS_fstatat64
	SYS_fstatat64,
#endif
	/* the event loop: epoll, and read() on its signalfd */
	SYS_epoll_pwait, SYS_epoll_ctl,
#ifdef SYS_epoll_wait
	SYS_epoll_wait,
#endif
	/* clocks: the vDSO answers, but falls back to the syscall */
#ifdef SYS_clock_gettime
	SYS_clock_gettime,
#endif
#ifdef SYS_clock_gettime64
	SYS_clock_gettime64,
#endif
#ifdef SYS_gettimeofday
	SYS_gettimeofday,
#endif
#ifdef SYS_time
	SYS_time,			/* glibc's time() without a vDSO */
#endif
	/* malloc */
	SYS_brk, SYS_munmap, SYS_mremap, SYS_madvise,
#ifdef SYS_mmap
	SYS_mmap,
#endif
#ifdef SYS_mmap2
	SYS_mmap2,
#endif
	SYS_getrandom, SYS_getpid,
	SYS_rt_sigprocmask, SYS_rt_sigreturn, SYS_restart_syscall,
#ifdef SYS_sigreturn
	SYS_sigreturn,
#endif
	SYS_exit, SYS_exit_group,
};

static const int rpath_nr[] = {
	SYS_openat, SYS_lseek,
#ifdef SYS_open
	SYS_open,
#endif
#ifdef SYS__llseek
	SYS__llseek,
#endif
#ifdef SYS_stat
	SYS_stat,
#endif
#ifdef SYS_lstat
	SYS_lstat,
#endif
#ifdef SYS_stat64
	SYS_stat64,
#endif
#ifdef SYS_lstat64
	SYS_lstat64,
#endif
};

static const int wpath_nr[] = {
	SYS_renameat, SYS_renameat2, SYS_unlinkat, SYS_mkdirat,
	SYS_fsync, SYS_fdatasync, SYS_ftruncate, SYS_fchmod,
#ifdef SYS_rename
	SYS_rename,
#endif
#ifdef SYS_unlink
	SYS_unlink,
#endif
#ifdef SYS_mkdir
	SYS_mkdir,
#endif
#ifdef SYS_ftruncate64
	SYS_ftruncate64,
#endif
};

static const int inet_nr[] = {
	SYS_connect, SYS_accept, SYS_accept4,
	SYS_sendto, SYS_recvfrom, SYS_sendmsg, SYS_recvmsg,
	SYS_setsockopt, SYS_getsockopt, SYS_getsockname, SYS_getpeername,
	SYS_shutdown,
#ifdef SYS_send
	SYS_send,
#endif
#ifdef SYS_recv
	SYS_recv,
#endif
};

const struct seccomp_set seccomp_stdio = SECCOMP_SET("stdio", stdio_nr);
const struct seccomp_set seccomp_rpath = SECCOMP_SET("rpath", rpath_nr);
const struct seccomp_set seccomp_wpath = SECCOMP_SET("wpath", wpath_nr);
const struct seccomp_set seccomp_inet = SECCOMP_SET("inet", inet_nr);

const struct seccomp_arg_rule seccomp_socket_inet = {
	.name = "socket-inet", .nr = SYS_socket, .arg = 0,
	.values = { AF_INET, AF_INET6 }, .nvalues = 2,
};
