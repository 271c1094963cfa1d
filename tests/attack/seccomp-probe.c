/*
 * seccomp-probe.c - for tests/attack/seccomp-attack: installs one daemon's
 * allow-list exactly as the daemon does (seccomp_lockdown(), the lists
 * linked from package/<daemon>/seccomp_list.c), shows that ordinary calls
 * still work, then makes the call an attacker with code execution would
 * want. Usage: seccomp-probe DAEMON CALL (DAEMON "nofilter": no list, to
 * see what CALL does without one). Prints "allowed calls ok" once the list
 * is in and the allowed calls worked; then CALL either kills it (SIGSYS)
 * or it prints "CALL returned R errno E" and exits 0.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "keel/seccomp.h"

extern const struct seccomp_policy dnsd_seccomp, dhcpd_seccomp,
	logd_seccomp, logd_ban_seccomp, flowd_seccomp, rad_seccomp, wan6_seccomp;

static const struct seccomp_policy *const policies[] = {
	&dnsd_seccomp, &dhcpd_seccomp, &logd_seccomp, &logd_ban_seccomp,
	&flowd_seccomp, &rad_seccomp, &wan6_seccomp,
};

/* A call through the i386 entry point: the filter must see AUDIT_ARCH_I386
 * and kill, whatever the number means on x86_64. */
static long i386_getpid(void)
{
#if defined(__x86_64__)
	long ret = 20;	/* getpid in the i386 table */

	__asm__ volatile("int $0x80" : "+a"(ret) : : "memory");
	return ret;
#else
	errno = ENOSYS;
	return -1;
#endif
}

static long forbidden(const char *call)
{
	char *const argv[] = { "true", NULL };

	if (!strcmp(call, "none"))
		return 0;
	if (!strcmp(call, "execve"))
		return execve("/bin/true", argv, environ);
	if (!strcmp(call, "fork"))
		return fork();
	if (!strcmp(call, "ptrace"))
		return ptrace(PTRACE_TRACEME, 0, NULL, NULL);
	if (!strcmp(call, "setuid"))
		return setuid(0);
	if (!strcmp(call, "kill"))
		return kill(1, 0);
	if (!strcmp(call, "netlink"))	/* the kernel's routing tables */
		return socket(AF_NETLINK, SOCK_RAW, 0);
	if (!strcmp(call, "packet"))
		return socket(AF_PACKET, SOCK_DGRAM, 0);
	if (!strcmp(call, "udp"))
		return socket(AF_INET, SOCK_DGRAM, 0);
	if (!strcmp(call, "i386"))
		return i386_getpid();
#if defined(__x86_64__)
	if (!strcmp(call, "x32"))	/* write(1, "", 0) through the x32 ABI */
		return syscall(0x40000000L | SYS_write, 1, "", 0);
#endif
	fprintf(stderr, "seccomp-probe: unknown call %s\n", call);
	exit(2);
}

int main(int argc, char **argv)
{
	const struct seccomp_policy *policy = NULL;
	struct timespec now;
	char err[256], buf[8];
	int pipefd[2];
	long ret;

	if (argc != 3) {
		fprintf(stderr, "usage: seccomp-probe DAEMON CALL\n");
		return 2;
	}
	for (size_t i = 0; i < sizeof(policies) / sizeof(policies[0]); i++)
		if (!strcmp(policies[i]->prog, argv[1]))
			policy = policies[i];
	if ((!policy && strcmp(argv[1], "nofilter")) || pipe(pipefd) < 0) {
		fprintf(stderr, "seccomp-probe: no policy %s\n", argv[1]);
		return 2;
	}
	/* musl asks the kernel whether stdout is a terminal (ioctl) on its
	 * first write unless told the buffering; the daemons never write to
	 * stdout once locked down, so the probe must not either. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (policy && seccomp_lockdown(policy, err, sizeof(err)) < 0) {
		fprintf(stderr, "seccomp-probe: %s\n", err);
		return 1;
	}
	/* What every daemon does all day: fds it holds, clocks, memory. */
	if (write(pipefd[1], "x", 1) != 1 || read(pipefd[0], buf, 1) != 1 ||
	    clock_gettime(CLOCK_MONOTONIC, &now) < 0 || !malloc(1 << 20) ||
	    syscall(SYS_getpid) != getpid()) {
		perror("seccomp-probe: an allowed call failed");
		return 3;
	}
	printf("allowed calls ok\n");
	fflush(stdout);
	errno = 0;
	ret = forbidden(argv[2]);
	printf("%s returned %ld errno %d\n", argv[2], ret, errno);
	return 0;
}
