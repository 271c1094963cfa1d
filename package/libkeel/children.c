/*
 * children.c - the table of running child processes.
 */
#define _GNU_SOURCE	/* WCOREDUMP */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/children.h"

static void on_sigchld(struct evloop *loop, const struct signalfd_siginfo *info,
		       void *arg)
{
	(void)loop;
	(void)info;
	/* SIGCHLDs coalesce: one signal may stand for many exits. */
	children_reap(arg);
}

int children_init(struct children *kids, struct evloop *loop)
{
	kids->running = NULL;
	kids->untracked_reaped = 0;
	return evloop_signal(loop, SIGCHLD, on_sigchld, kids);
}

static void reset_signals(void)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	sigset_t none;

	sigemptyset(&dfl.sa_mask);
	for (int signo = 1; signo < EVLOOP_NSIG; signo++) {
		if (signo != SIGKILL && signo != SIGSTOP)
			sigaction(signo, &dfl, NULL);
	}
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
}

pid_t children_spawn(struct children *kids, struct child *child,
		     void (*in_child)(void *arg), void *arg)
{
	pid_t pid = fork();

	if (pid < 0)
		return -1;
	if (pid == 0) {
		reset_signals();
		in_child(arg);
		_exit(127);
	}
	child->pid = pid;
	child->next = kids->running;
	kids->running = child;
	return pid;
}

static struct child *unlink_pid(struct children *kids, pid_t pid)
{
	for (struct child **link = &kids->running; *link;
	     link = &(*link)->next) {
		struct child *child = *link;

		if (child->pid == pid) {
			*link = child->next;
			child->next = NULL;
			child->pid = 0;
			return child;
		}
	}
	return NULL;
}

bool children_reap(struct children *kids)
{
	for (;;) {
		struct child *child;
		int status;
		pid_t pid = waitpid(-1, &status, WNOHANG);

		if (pid < 0) {
			if (errno == EINTR)
				continue;
			/* ECHILD: nobody left to wait for. */
			return false;
		}
		if (pid == 0)
			return true;
		child = unlink_pid(kids, pid);
		if (!child) {
			kids->untracked_reaped++;
			continue;
		}
		if (child->on_exit)
			child->on_exit(child, status);
	}
}

size_t children_running(const struct children *kids)
{
	size_t n = 0;

	for (const struct child *child = kids->running; child;
	     child = child->next)
		n++;
	return n;
}

const char *child_status_str(int status, char *buf, size_t size)
{
	if (WIFEXITED(status))
		snprintf(buf, size, "exited %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, size, "killed by signal %d%s", WTERMSIG(status),
			 WCOREDUMP(status) ? " (core dumped)" : "");
	else
		snprintf(buf, size, "status 0x%x", (unsigned)status);
	return buf;
}
