/*
 * seccomp.c - build and install a daemon's syscall allow-list
 * (keel/seccomp.h). The BPF is written out by hand: a dozen instructions
 * plus one comparison per syscall, no libseccomp.
 */
#define _GNU_SOURCE	/* syscall, REG_RAX, si_syscall */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include <linux/audit.h>
#include <linux/seccomp.h>

#include "keel/seccomp.h"

#if defined(__x86_64__)
#define NATIVE_ARCH AUDIT_ARCH_X86_64
#elif defined(__aarch64__) && defined(__AARCH64EL__)
#define NATIVE_ARCH AUDIT_ARCH_AARCH64
#elif defined(__arm__) && defined(__ARM_EABI__) && defined(__ARMEL__)
#define NATIVE_ARCH AUDIT_ARCH_ARM
#else
#error "seccomp.c: no AUDIT_ARCH for this CPU; add it with its syscall names"
#endif

/* x32 calls arrive as AUDIT_ARCH_X86_64 with this bit set in the number. */
#define X32_SYSCALL_BIT 0x40000000u

uint32_t seccomp_native_arch(void)
{
	return NATIVE_ARCH;
}

static struct sock_filter stmt(uint16_t code, uint32_t k)
{
	return (struct sock_filter)BPF_STMT(code, k);
}

static struct sock_filter jump(uint16_t code, uint32_t k, uint8_t jt,
			       uint8_t jf)
{
	return (struct sock_filter)BPF_JUMP(code, k, jt, jf);
}

static int seen(const uint32_t *nrs, size_t n, uint32_t nr)
{
	for (size_t i = 0; i < n; i++)
		if (nrs[i] == nr)
			return 1;
	return 0;
}

int seccomp_build(const struct seccomp_policy *policy, uint32_t arch,
		  uint32_t deny_action, struct sock_filter *out, size_t cap,
		  char *err, size_t errlen)
{
	uint32_t nrs[SECCOMP_MAX_SYSCALLS];
	size_t n = 0, head, len;

	for (size_t s = 0; s < policy->nsets; s++) {
		const struct seccomp_set *set = policy->sets[s];

		for (size_t i = 0; i < set->count; i++) {
			if (set->nr[i] < 0 || seen(nrs, n, (uint32_t)set->nr[i]))
				continue;
			if (n == SECCOMP_MAX_SYSCALLS) {
				snprintf(err, errlen, "seccomp %s: more than %d "
					 "syscalls (set %s)", policy->prog,
					 SECCOMP_MAX_SYSCALLS, set->name);
				return -1;
			}
			nrs[n++] = (uint32_t)set->nr[i];
		}
	}
	head = arch == AUDIT_ARCH_X86_64 ? 5 : 4;
	len = head + n + 2;
	if (len > cap) {
		snprintf(err, errlen, "seccomp %s: filter needs %zu "
			 "instructions, room for %zu", policy->prog, len, cap);
		return -1;
	}
	/* The number means nothing under another ABI: check that first. */
	out[0] = stmt(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, arch));
	out[1] = jump(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0);
	out[2] = stmt(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
	out[3] = stmt(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, nr));
	if (head == 5)	/* to deny, just past the comparisons */
		out[4] = jump(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT,
			      (uint8_t)n, 0);
	/* Comparison i jumps n - i forward: to the allow at the end. */
	for (size_t i = 0; i < n; i++)
		out[head + i] = jump(BPF_JMP | BPF_JEQ | BPF_K, nrs[i],
				     (uint8_t)(n - i), 0);
	out[head + n] = stmt(BPF_RET | BPF_K, deny_action);
	out[head + n + 1] = stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return (int)len;
}

/* KEEL_SECCOMP=log: say which call was denied, let it fail with ENOSYS.
 * Only async-signal-safe work here: digits by hand, one write(). */
static void on_sigsys(int sig, siginfo_t *info, void *context)
{
	ucontext_t *uc = context;
	char msg[96] = "seccomp: syscall ";
	size_t len = strlen(msg);
	char digits[12];
	size_t nd = 0;
	unsigned nr = (unsigned)info->si_syscall;
	static const char tail[] = " denied (KEEL_SECCOMP=log: ENOSYS)\n";

	(void)sig;
	do
		digits[nd++] = (char)('0' + nr % 10);
	while ((nr /= 10) && nd < sizeof(digits));
	while (nd)
		msg[len++] = digits[--nd];
	memcpy(msg + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	(void)!write(STDERR_FILENO, msg, len);
	/* The kernel skipped the call: its result is whatever we leave in the
	 * return register. */
#if defined(__x86_64__)
	uc->uc_mcontext.gregs[REG_RAX] = -ENOSYS;
#elif defined(__aarch64__)
	uc->uc_mcontext.regs[0] = (unsigned long long)-ENOSYS;
#elif defined(__arm__)
	uc->uc_mcontext.arm_r0 = (unsigned long)-ENOSYS;
#endif
}

static int deny_action(uint32_t *action, char *err, size_t errlen)
{
	const char *mode = getenv(SECCOMP_ENV);
	struct sigaction sa = { .sa_sigaction = on_sigsys,
				.sa_flags = SA_SIGINFO };

	if (!mode) {
		*action = SECCOMP_RET_KILL_PROCESS;
		return 0;
	}
	if (strcmp(mode, "log") != 0) {
		snprintf(err, errlen, "%s=%s: expected 'log' or unset",
			 SECCOMP_ENV, mode);
		return -1;
	}
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGSYS, &sa, NULL) < 0) {
		snprintf(err, errlen, "seccomp: sigaction SIGSYS: %s",
			 strerror(errno));
		return -1;
	}
	*action = SECCOMP_RET_TRAP;
	return 0;
}

int seccomp_lockdown(const struct seccomp_policy *policy, char *err,
		     size_t errlen)
{
	struct sock_filter insns[SECCOMP_MAX_INSNS];
	struct sock_fprog prog;
	uint32_t action;
	int len;

	if (deny_action(&action, err, errlen) < 0)
		return -1;
	len = seccomp_build(policy, NATIVE_ARCH, action, insns,
			    SECCOMP_MAX_INSNS, err, errlen);
	if (len < 0)
		return -1;
	prog.len = (unsigned short)len;
	prog.filter = insns;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0) {
		snprintf(err, errlen, "seccomp %s: PR_SET_NO_NEW_PRIVS: %s",
			 policy->prog, strerror(errno));
		return -1;
	}
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog) == 0)
		return 0;
	/* Kernels before 3.17 know only the prctl() form. */
	if (errno == ENOSYS &&
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0)
		return 0;
	snprintf(err, errlen, "seccomp %s: loading the filter: %s",
		 policy->prog, strerror(errno));
	return -1;
}
