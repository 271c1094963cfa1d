/*
 * keel/seccomp.h - a syscall allow-list per daemon, installed after setup:
 * Linux's counterpart of OpenBSD's pledge().
 *
 * A policy is a few sets of syscall numbers: libkeel's shared ones
 * (seccomp_stdio, seccomp_rpath, ...) plus the daemon's own. The numbers
 * come from the libc's <sys/syscall.h>; a name the architecture lacks
 * (open on aarch64, newfstatat on arm) is left out with #ifdef, so one list
 * serves x86_64, aarch64 and armv7. Anything else, or a call made with
 * another architecture's calling convention, kills the whole process
 * (SIGSYS): init logs the death and restarts the daemon.
 *
 * Debugging: KEEL_SECCOMP=log in a daemon's environment turns each denied
 * call into one line on stderr ("seccomp: syscall N denied") and an ENOSYS
 * return instead of a kill, so one run shows every missing call. The wrong
 * architecture still kills. KEEL_SECCOMP empty is the same as unset; any
 * other value is an error.
 */
#ifndef KEEL_SECCOMP_H
#define KEEL_SECCOMP_H

#include <stddef.h>
#include <stdint.h>
#include <linux/filter.h>

/* Distinct syscalls in one filter. Keeps every jump offset in BPF's 8 bits
 * (the builder jumps from each comparison straight to "allow"). */
#define SECCOMP_MAX_SYSCALLS 220
/* Argument rules per filter, and values one rule may allow. */
#define SECCOMP_MAX_RULES 4
#define SECCOMP_MAX_ARG_VALUES 4
/* Instructions: the arch check (3), load (1), x32 check (1), per rule a
 * compare, a load, its values and a deny, one compare per syscall, deny
 * and allow (2). The builder refuses a program whose jumps do not fit. */
#define SECCOMP_MAX_INSNS \
	(SECCOMP_MAX_SYSCALLS + SECCOMP_MAX_RULES * (SECCOMP_MAX_ARG_VALUES + 3) + 7)

/* The environment variable that selects the debugging mode above. */
#define SECCOMP_ENV "KEEL_SECCOMP"

struct seccomp_set {
	const char *name;	/* "stdio", "dnsd": for error messages */
	const int *nr;		/* syscall numbers; negative ones are skipped */
	size_t count;
};

#define SECCOMP_SET(label, array) \
	{ (label), (array), sizeof(array) / sizeof((array)[0]) }

/*
 * A call allowed only when one argument's low 32 bits (all a kernel int
 * argument has: the socket domain, say) is one of a few values. Checked
 * before the sets: a rule's call stays restricted even if a set names it.
 */
struct seccomp_arg_rule {
	const char *name;	/* "socket-inet": for error messages */
	int nr;			/* negative: not on this arch, skipped */
	unsigned arg;		/* 0..5 */
	uint32_t values[SECCOMP_MAX_ARG_VALUES];
	size_t nvalues;
};

/* What one daemon (or one of its processes) may call after setup. */
struct seccomp_policy {
	const char *prog;
	const struct seccomp_set *const *sets;
	size_t nsets;
	const struct seccomp_arg_rule *const *rules;
	size_t nrules;
};

/*
 * Shared sets, in the spirit of pledge's promises:
 *   stdio  read/write/close on open fds, the event loop (epoll, signalfd,
 *          timers), clocks, memory (malloc), exit, signal return
 *   rpath  open and inspect files for reading (reload, hosts files)
 *   wpath  create, replace and remove files (atomic_file.c, state files)
 *   inet   sockets: connect, accept, send, receive, options; creating
 *          one needs a rule, e.g. seccomp_socket_inet
 */
extern const struct seccomp_set seccomp_stdio;
extern const struct seccomp_set seccomp_rpath;
extern const struct seccomp_set seccomp_wpath;
extern const struct seccomp_set seccomp_inet;
/* socket() for AF_INET and AF_INET6 only: no netlink, packet or unix
 * sockets, and none of the rarer families' kernel code. */
extern const struct seccomp_arg_rule seccomp_socket_inet;

/* AUDIT_ARCH_* of the architecture this file was compiled for. */
uint32_t seccomp_native_arch(void);

/*
 * Builds a filter into out[cap]: any architecture but arch is killed, on
 * x86_64 so is the x32 ABI; a call with a rule is allowed when its
 * argument matches, a syscall in one of the sets is allowed, anything else
 * gets deny_action (SECCOMP_RET_KILL_PROCESS or _TRAP). Duplicates across
 * sets are merged. Pure: no system calls. Returns the number of
 * instructions, or -1 with the reason in err (too many syscalls or rules,
 * a bad rule, out too small).
 */
int seccomp_build(const struct seccomp_policy *policy, uint32_t arch,
		  uint32_t deny_action, struct sock_filter *out, size_t cap,
		  char *err, size_t errlen);

/*
 * Installs policy on the calling process for the rest of its life: sets
 * no_new_privs (the kernel requires it of an unprivileged caller) and
 * loads the filter built for this architecture, with the deny action that
 * KEEL_SECCOMP selects. Call after privdrop() and every setup step, before
 * ready_notify(). Returns 0, or -1 with the reason in err; the caller must
 * then exit: a daemon never runs without the list it was built with.
 */
int seccomp_lockdown(const struct seccomp_policy *policy, char *err,
		     size_t errlen);

#endif /* KEEL_SECCOMP_H */
