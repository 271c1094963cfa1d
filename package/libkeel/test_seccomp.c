/* test_seccomp.c - the allow-list filter, run through a BPF interpreter;
 * and once for real, in a child that is killed for a call off its list. */
#define _GNU_SOURCE	/* syscall */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <linux/audit.h>

#include "keel/seccomp.h"
#include "check.h"
#include "seccomp_eval.h"

static const int small_nr[] = { SYS_read, SYS_write, -1, SYS_read };
static const int more_nr[] = { SYS_write, SYS_close };
static const struct seccomp_set small = SECCOMP_SET("small", small_nr);
static const struct seccomp_set more = SECCOMP_SET("more", more_nr);
static const struct seccomp_set *const two_sets[] = { &small, &more };
static const struct seccomp_policy two = { "test", two_sets, 2 };

static struct sock_filter prog[SECCOMP_MAX_INSNS];

static uint32_t verdict(int len, uint32_t arch, uint32_t nr)
{
	return seccomp_eval_nr(prog, (size_t)len, arch, nr);
}

static void test_verdicts(uint32_t arch)
{
	char err[128];
	int len = seccomp_build(&two, arch, SECCOMP_RET_KILL_PROCESS, prog,
				SECCOMP_MAX_INSNS, err, sizeof(err));
	uint32_t other = arch == AUDIT_ARCH_X86_64 ? AUDIT_ARCH_I386 :
						     AUDIT_ARCH_X86_64;

	/* 3 distinct syscalls: the -1 and the repeats cost nothing. */
	CHECK_EQ_INT(len, (arch == AUDIT_ARCH_X86_64 ? 5 : 4) + 3 + 2);
	CHECK(verdict(len, arch, SYS_read) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_write) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_close) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_execve) == SECCOMP_RET_KILL_PROCESS);
	CHECK(verdict(len, arch, SYS_ptrace) == SECCOMP_RET_KILL_PROCESS);
	CHECK(verdict(len, arch, 0xffffffffu) == SECCOMP_RET_KILL_PROCESS);
	/* The same number under another ABI means another call. */
	CHECK(verdict(len, other, SYS_read) == SECCOMP_RET_KILL_PROCESS);
	if (arch == AUDIT_ARCH_X86_64)	/* x32: write's number | 1 << 30 */
		CHECK(verdict(len, arch, 0x40000000u | SYS_write) ==
		      SECCOMP_RET_KILL_PROCESS);
}

static void test_trap_and_sets(void)
{
	static const struct seccomp_set *const sets[] = {
		&seccomp_stdio, &seccomp_rpath, &seccomp_wpath, &seccomp_inet,
	};
	static const struct seccomp_policy all = { "all", sets, 4 };
	char err[128];
	int len = seccomp_build(&all, seccomp_native_arch(), SECCOMP_RET_TRAP,
				prog, SECCOMP_MAX_INSNS, err, sizeof(err));
	uint32_t arch = seccomp_native_arch();

	CHECK(len > 0);
	CHECK(verdict(len, arch, SYS_exit_group) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_rt_sigreturn) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_openat) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_renameat) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_socket) == SECCOMP_RET_ALLOW);
	/* Not in any shared set: a daemon must name these itself. */
	CHECK(verdict(len, arch, SYS_execve) == SECCOMP_RET_TRAP);
	CHECK(verdict(len, arch, SYS_clone) == SECCOMP_RET_TRAP);
	CHECK(verdict(len, arch, SYS_bind) == SECCOMP_RET_TRAP);
	CHECK(verdict(len, arch, SYS_setuid) == SECCOMP_RET_TRAP);
	CHECK(verdict(len, arch, SYS_ptrace) == SECCOMP_RET_TRAP);
	/* The wrong architecture is killed even in the debugging mode. */
	CHECK(verdict(len, AUDIT_ARCH_AARCH64 == arch ? AUDIT_ARCH_ARM :
			  AUDIT_ARCH_AARCH64, SYS_read) ==
	      SECCOMP_RET_KILL_PROCESS);
}

static void test_limits(void)
{
	static int many_nr[SECCOMP_MAX_SYSCALLS + 1];
	static const struct seccomp_set many = SECCOMP_SET("many", many_nr);
	static const struct seccomp_set *const sets[] = { &many };
	struct seccomp_policy big = { "big", sets, 1 };
	struct seccomp_set fewer = many;
	static const struct seccomp_set *fewer_sets[] = { NULL };
	char err[128] = "";
	int len;

	for (int i = 0; i <= SECCOMP_MAX_SYSCALLS; i++)
		many_nr[i] = 1000 + i;
	CHECK(seccomp_build(&big, AUDIT_ARCH_X86_64, SECCOMP_RET_KILL_PROCESS,
			    prog, SECCOMP_MAX_INSNS, err, sizeof(err)) == -1);
	CHECK(strstr(err, "more than 250 syscalls (set many)") != NULL);

	/* Exactly the maximum fits, and the farthest jump still lands. */
	fewer.count = SECCOMP_MAX_SYSCALLS;
	fewer_sets[0] = &fewer;
	big.sets = fewer_sets;
	len = seccomp_build(&big, AUDIT_ARCH_X86_64, SECCOMP_RET_KILL_PROCESS,
			    prog, SECCOMP_MAX_INSNS, err, sizeof(err));
	CHECK_EQ_INT(len, SECCOMP_MAX_INSNS);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000 + SECCOMP_MAX_SYSCALLS - 1) ==
	      SECCOMP_RET_ALLOW);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000 + SECCOMP_MAX_SYSCALLS) ==
	      SECCOMP_RET_KILL_PROCESS);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 0x40000000u | 1000) ==
	      SECCOMP_RET_KILL_PROCESS);

	/* A caller buffer that is too small is an error, not an overrun. */
	CHECK(seccomp_build(&two, AUDIT_ARCH_AARCH64, SECCOMP_RET_KILL_PROCESS,
			    prog, 8, err, sizeof(err)) == -1);
	CHECK(strstr(err, "needs 9 instructions, room for 8") != NULL);
}

/* The kernel agrees with the interpreter: allowed calls work, the first
 * call off the list kills the child with SIGSYS. (KEEL_SECCOMP=log is
 * tested in tests/attack/seccomp-attack: ASan wraps signal handlers with
 * calls of its own that the filter denies.) */
static void test_for_real(void)
{
	static const struct seccomp_set *const sets[] = { &seccomp_stdio };
	static const struct seccomp_policy stdio = { "stdio", sets, 1 };
	int status = 0;
	pid_t pid = fork();

	if (pid == 0) {
		char err[128];

		unsetenv(SECCOMP_ENV);
		if (seccomp_lockdown(&stdio, err, sizeof(err)) < 0) {
			(void)!write(2, err, strlen(err));
			_exit(2);
		}
		if (getpid() <= 0 || write(1, "", 0) != 0)
			_exit(3);
		syscall(SYS_getppid);	/* not in stdio */
		_exit(4);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGSYS);

	/* A mistyped mode is refused, not taken for the default. */
	pid = fork();
	if (pid == 0) {
		char err[128];

		setenv(SECCOMP_ENV, "off", 1);
		_exit(seccomp_lockdown(&stdio, err, sizeof(err)) == -1 &&
		      strstr(err, "KEEL_SECCOMP=off") ? 0 : 7);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
}

int main(void)
{
	test_verdicts(AUDIT_ARCH_X86_64);
	test_verdicts(AUDIT_ARCH_AARCH64);
	test_verdicts(AUDIT_ARCH_ARM);
	test_trap_and_sets();
	test_limits();
	test_for_real();
	return check_done();
}
