/*
 * keel/children.h - start child processes and learn when they exit.
 *
 * The table is intrusive: each struct child belongs to its owner (the
 * console, a supervised service...). SIGCHLD arrives through the event loop;
 * every exited child is reaped, tracked ones get their on_exit callback,
 * and the others - orphans reparented to PID 1 - are counted.
 */
#ifndef KEEL_CHILDREN_H
#define KEEL_CHILDREN_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "keel/evloop.h"

struct child;
typedef void (*child_exit_cb)(struct child *child, int status);

struct child {
	child_exit_cb on_exit;	/* status as from waitpid() */
	void *arg;
	/* Owned by the table. */
	pid_t pid;		/* 0 when not running */
	struct child *next;
};

struct children {
	struct child *running;
	unsigned long untracked_reaped;	/* orphans and strays */
};

/* Routes SIGCHLD from loop to children_reap(). Returns 0, or -1 with errno. */
int children_init(struct children *kids, struct evloop *loop);

/*
 * Forks. The child starts with an empty signal mask and default signal
 * dispositions (the parent's blocked and ignored signals must not leak into
 * a shell or service), then runs in_child(arg), which should exec; if it
 * returns the child exits 127. Returns the pid, or -1 with errno set.
 */
pid_t children_spawn(struct children *kids, struct child *child,
		     void (*in_child)(void *arg), void *arg);

/*
 * Reaps every exited child without blocking, calling on_exit for tracked
 * ones (after unlinking them, so the callback may spawn again with the same
 * struct child). Returns true while the process still has children.
 */
bool children_reap(struct children *kids);

size_t children_running(const struct children *kids);

/* "exited 3", "killed by signal 9": for log lines. Returns buf. */
const char *child_status_str(int status, char *buf, size_t size);

#endif /* KEEL_CHILDREN_H */
