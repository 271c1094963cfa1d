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
/* A rule reads an argument's low 32 bits at the start of its 8 bytes. */
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "seccomp.c: argument rules assume a little-endian CPU"
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

/* Gathers the distinct syscall numbers of policy's sets into nrs[]. */
static int collect(const struct seccomp_policy *policy, uint32_t *nrs,
		   size_t *count, char *err, size_t errlen)
{
	size_t n = 0;

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
	*count = n;
	return 0;
}

static int check_rules(const struct seccomp_policy *policy, char *err,
		       size_t errlen)
{
	if (policy->nrules > SECCOMP_MAX_RULES) {
		snprintf(err, errlen, "seccomp %s: more than %d argument rules",
			 policy->prog, SECCOMP_MAX_RULES);
		return -1;
	}
	for (size_t r = 0; r < policy->nrules; r++) {
		const struct seccomp_arg_rule *rule = policy->rules[r];

		if (rule->arg > 5 || rule->nvalues == 0 ||
		    rule->nvalues > SECCOMP_MAX_ARG_VALUES) {
			snprintf(err, errlen, "seccomp %s: rule %s: argument "
				 "%u with %zu values", policy->prog, rule->name,
				 rule->arg, rule->nvalues);
			return -1;
		}
	}
	return 0;
}

/* Offset of a forward jump from instruction at to target, if it fits. */
static int offset(size_t at, size_t target, uint8_t *off)
{
	if (target <= at || target - at - 1 > 255)
		return -1;
	*off = (uint8_t)(target - at - 1);
	return 0;
}

int seccomp_build(const struct seccomp_policy *policy, uint32_t arch,
		  uint32_t deny_action, struct sock_filter *out, size_t cap,
		  char *err, size_t errlen)
{
	uint32_t nrs[SECCOMP_MAX_SYSCALLS];
	size_t n, head, rules_len = 0, deny, allow, pc;
	uint8_t off;

	if (collect(policy, nrs, &n, err, errlen) < 0 ||
	    check_rules(policy, err, errlen) < 0)
		return -1;
	for (size_t r = 0; r < policy->nrules; r++)
		if (policy->rules[r]->nr >= 0)
			rules_len += policy->rules[r]->nvalues + 3;
	head = arch == AUDIT_ARCH_X86_64 ? 5 : 4;
	deny = head + rules_len + n;
	allow = deny + 1;
	if (allow + 1 > cap) {
		snprintf(err, errlen, "seccomp %s: filter needs %zu "
			 "instructions, room for %zu", policy->prog, allow + 1,
			 cap);
		return -1;
	}
	/* The number means nothing under another ABI: check that first. */
	out[0] = stmt(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, arch));
	out[1] = jump(BPF_JMP | BPF_JEQ | BPF_K, arch, 1, 0);
	out[2] = stmt(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
	out[3] = stmt(BPF_LD | BPF_W | BPF_ABS,
		      offsetof(struct seccomp_data, nr));
	pc = 4;
	if (head == 5) {
		if (offset(pc, deny, &off) < 0)
			goto too_far;
		out[pc++] = jump(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT,
				 off, 0);
	}
	/* A rule: not its call, skip it (the accumulator keeps the number);
	 * its call, load the argument, allow a listed value, deny the rest. */
	for (size_t r = 0; r < policy->nrules; r++) {
		const struct seccomp_arg_rule *rule = policy->rules[r];

		if (rule->nr < 0)
			continue;
		out[pc++] = jump(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)rule->nr,
				 0, (uint8_t)(rule->nvalues + 2));
		out[pc++] = stmt(BPF_LD | BPF_W | BPF_ABS,
				 offsetof(struct seccomp_data, args) +
				 8 * rule->arg);
		for (size_t v = 0; v < rule->nvalues; v++) {
			if (offset(pc, allow, &off) < 0)
				goto too_far;
			out[pc++] = jump(BPF_JMP | BPF_JEQ | BPF_K,
					 rule->values[v], off, 0);
		}
		out[pc++] = stmt(BPF_RET | BPF_K, deny_action);
	}
	for (size_t i = 0; i < n; i++) {
		if (offset(pc, allow, &off) < 0)
			goto too_far;
		out[pc++] = jump(BPF_JMP | BPF_JEQ | BPF_K, nrs[i], off, 0);
	}
	out[pc++] = stmt(BPF_RET | BPF_K, deny_action);
	out[pc++] = stmt(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return (int)pc;
too_far:
	snprintf(err, errlen, "seccomp %s: %zu syscalls and %zu rule "
		 "instructions do not fit BPF's jumps", policy->prog, n,
		 rules_len);
	return -1;
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
	int saved_errno = errno;	/* the interrupted code's */

	(void)sig;
	do
		digits[nd++] = (char)('0' + nr % 10);
	while ((nr /= 10) && nd < sizeof(digits));
	while (nd)
		msg[len++] = digits[--nd];
	memcpy(msg + len, tail, sizeof(tail) - 1);
	len += sizeof(tail) - 1;
	(void)!write(STDERR_FILENO, msg, len);
	errno = saved_errno;
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

	if (!mode || !*mode) {
		*action = SECCOMP_RET_KILL_PROCESS;
		return 0;
	}
	if (strcmp(mode, "log") != 0) {
		snprintf(err, errlen, "%s=%s: expected 'log', empty or unset",
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
