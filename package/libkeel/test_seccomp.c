/* test_seccomp.c - the allow-list filter, run through a BPF interpreter;
 * and once for real, in a child that is killed for a call off its list. */
#define _GNU_SOURCE	/* syscall */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
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
static const struct seccomp_policy two = {
	.prog = "test", .sets = two_sets, .nsets = 2,
};

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
	static const struct seccomp_policy all = {
		.prog = "all", .sets = sets, .nsets = 4,
	};
	char err[128];
	int len = seccomp_build(&all, seccomp_native_arch(), SECCOMP_RET_TRAP,
				prog, SECCOMP_MAX_INSNS, err, sizeof(err));
	uint32_t arch = seccomp_native_arch();

	CHECK(len > 0);
	CHECK(verdict(len, arch, SYS_exit_group) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_rt_sigreturn) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_openat) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_renameat) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_connect) == SECCOMP_RET_ALLOW);
	/* socket() needs a rule (test_rules). */
	CHECK(verdict(len, arch, SYS_socket) == SECCOMP_RET_TRAP);
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

static uint32_t socket_verdict(int len, uint64_t domain)
{
	struct seccomp_data data = {
		.nr = SYS_socket, .arch = seccomp_native_arch(),
		.args = { domain, SOCK_DGRAM, 0 },
	};

	return seccomp_eval(prog, (size_t)len, &data);
}

static void test_rules(void)
{
	static const int read_nr[] = { SYS_read, SYS_socket };
	static const struct seccomp_set reads = SECCOMP_SET("reads", read_nr);
	static const struct seccomp_set *const sets[] = { &reads };
	static const struct seccomp_arg_rule gone = {
		.name = "gone", .nr = -1, .arg = 0, .values = { 1 }, .nvalues = 1,
	};
	static const struct seccomp_arg_rule *const rules[] = {
		&gone, &seccomp_socket_inet,
	};
	struct seccomp_policy pol = {
		.prog = "rules", .sets = sets, .nsets = 1,
		.rules = rules, .nrules = 2,
	};
	struct seccomp_arg_rule bad = seccomp_socket_inet;
	const struct seccomp_arg_rule *bad_rules[] = { &bad };
	uint32_t arch = seccomp_native_arch();
	char err[128] = "";
	int len = seccomp_build(&pol, arch, SECCOMP_RET_KILL_PROCESS, prog,
				SECCOMP_MAX_INSNS, err, sizeof(err));

	/* head, the rule (compare, load, 2 values, deny), 2 calls, 2 rets;
	 * a rule for a call this arch lacks costs nothing. */
	CHECK_EQ_INT(len, (arch == AUDIT_ARCH_X86_64 ? 5 : 4) + 5 + 2 + 2);
	CHECK(socket_verdict(len, AF_INET) == SECCOMP_RET_ALLOW);
	CHECK(socket_verdict(len, AF_INET6) == SECCOMP_RET_ALLOW);
	/* The set names socket too: the rule still decides. */
	CHECK(socket_verdict(len, AF_UNIX) == SECCOMP_RET_KILL_PROCESS);
	CHECK(socket_verdict(len, AF_NETLINK) == SECCOMP_RET_KILL_PROCESS);
	CHECK(socket_verdict(len, AF_PACKET) == SECCOMP_RET_KILL_PROCESS);
	/* The kernel reads an int: high bits do not change the family. */
	CHECK(socket_verdict(len, 0x100000000ull | AF_INET) == SECCOMP_RET_ALLOW);
	CHECK(socket_verdict(len, 0x100000000ull | AF_PACKET) ==
	      SECCOMP_RET_KILL_PROCESS);
	CHECK(verdict(len, arch, SYS_read) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, arch, SYS_write) == SECCOMP_RET_KILL_PROCESS);

	bad.arg = 6;
	pol.rules = bad_rules;
	pol.nrules = 1;
	CHECK(seccomp_build(&pol, arch, SECCOMP_RET_KILL_PROCESS, prog,
			    SECCOMP_MAX_INSNS, err, sizeof(err)) == -1);
	CHECK(strstr(err, "rule socket-inet: argument 6") != NULL);
	bad.arg = 0;
	bad.nvalues = 0;
	CHECK(seccomp_build(&pol, arch, SECCOMP_RET_KILL_PROCESS, prog,
			    SECCOMP_MAX_INSNS, err, sizeof(err)) == -1);
}

static void test_limits(void)
{
	static int many_nr[SECCOMP_MAX_SYSCALLS + 1];
	static const struct seccomp_set many = SECCOMP_SET("many", many_nr);
	static const struct seccomp_set *const sets[] = { &many };
	struct seccomp_policy big = { .prog = "big", .sets = sets, .nsets = 1 };
	struct seccomp_set fewer = many;
	static const struct seccomp_set *fewer_sets[] = { NULL };
	char err[128] = "";
	int len;

	for (int i = 0; i <= SECCOMP_MAX_SYSCALLS; i++)
		many_nr[i] = 1000 + i;
	CHECK(seccomp_build(&big, AUDIT_ARCH_X86_64, SECCOMP_RET_KILL_PROCESS,
			    prog, SECCOMP_MAX_INSNS, err, sizeof(err)) == -1);
	CHECK(strstr(err, "more than 220 syscalls (set many)") != NULL);

	/* Exactly the maximum fits, and the farthest jump still lands. */
	fewer.count = SECCOMP_MAX_SYSCALLS;
	fewer_sets[0] = &fewer;
	big.sets = fewer_sets;
	len = seccomp_build(&big, AUDIT_ARCH_X86_64, SECCOMP_RET_KILL_PROCESS,
			    prog, SECCOMP_MAX_INSNS, err, sizeof(err));
	CHECK_EQ_INT(len, 5 + SECCOMP_MAX_SYSCALLS + 2);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000) == SECCOMP_RET_ALLOW);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000 + SECCOMP_MAX_SYSCALLS - 1) ==
	      SECCOMP_RET_ALLOW);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000 + SECCOMP_MAX_SYSCALLS) ==
	      SECCOMP_RET_KILL_PROCESS);
	CHECK(verdict(len, AUDIT_ARCH_X86_64, 0x40000000u | 1000) ==
	      SECCOMP_RET_KILL_PROCESS);

	/* And with every rule at its largest: all jumps still reach. */
	{
		static struct seccomp_arg_rule full[SECCOMP_MAX_RULES];
		static const struct seccomp_arg_rule *full_rules[SECCOMP_MAX_RULES];
		struct seccomp_data data = { .arch = AUDIT_ARCH_X86_64 };

		for (int r = 0; r < SECCOMP_MAX_RULES; r++) {
			full[r] = (struct seccomp_arg_rule){
				.name = "full", .nr = 2000 + r, .arg = 1,
				.nvalues = SECCOMP_MAX_ARG_VALUES,
			};
			for (int v = 0; v < SECCOMP_MAX_ARG_VALUES; v++)
				full[r].values[v] = 10u * (unsigned)r + (unsigned)v;
			full_rules[r] = &full[r];
		}
		big.rules = full_rules;
		big.nrules = SECCOMP_MAX_RULES;
		len = seccomp_build(&big, AUDIT_ARCH_X86_64,
				    SECCOMP_RET_KILL_PROCESS, prog,
				    SECCOMP_MAX_INSNS, err, sizeof(err));
		CHECK_EQ_INT(len, SECCOMP_MAX_INSNS);
		data.nr = 2000;
		data.args[1] = 0;
		CHECK(seccomp_eval(prog, (size_t)len, &data) == SECCOMP_RET_ALLOW);
		data.nr = 2000 + SECCOMP_MAX_RULES - 1;
		data.args[1] = 10u * (SECCOMP_MAX_RULES - 1) +
			       SECCOMP_MAX_ARG_VALUES - 1;
		CHECK(seccomp_eval(prog, (size_t)len, &data) == SECCOMP_RET_ALLOW);
		data.args[1] = 9999;
		CHECK(seccomp_eval(prog, (size_t)len, &data) ==
		      SECCOMP_RET_KILL_PROCESS);
		CHECK(verdict(len, AUDIT_ARCH_X86_64, 1000 + SECCOMP_MAX_SYSCALLS - 1) ==
		      SECCOMP_RET_ALLOW);
		CHECK(verdict(len, AUDIT_ARCH_X86_64, 0x40000000u | 2000) ==
		      SECCOMP_RET_KILL_PROCESS);
		big.nrules = SECCOMP_MAX_RULES + 1;
		CHECK(seccomp_build(&big, AUDIT_ARCH_X86_64,
				    SECCOMP_RET_KILL_PROCESS, prog,
				    SECCOMP_MAX_INSNS, err, sizeof(err)) == -1);
		big.nrules = 0;
	}

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
	static const struct seccomp_arg_rule *const rules[] = {
		&seccomp_socket_inet,
	};
	static const struct seccomp_policy stdio = {
		.prog = "stdio", .sets = sets, .nsets = 1,
		.rules = rules, .nrules = 1,
	};
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

	/* socket-inet: a UDP socket is fine, a unix one is fatal. */
	pid = fork();
	if (pid == 0) {
		char err[128];

		unsetenv(SECCOMP_ENV);
		if (seccomp_lockdown(&stdio, err, sizeof(err)) < 0)
			_exit(2);
		if (socket(AF_INET, SOCK_DGRAM, 0) < 0)
			_exit(3);
		socket(AF_UNIX, SOCK_DGRAM, 0);
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
	test_rules();
	test_limits();
	test_for_real();
	return check_done();
}
