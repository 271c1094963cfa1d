/*
 * run_bounded.c - run a helper program from a boot step and wait for it,
 * with a deadline (keel-fw, mke2fs, keel-upgrade --mark-good).
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "keel/clock.h"

#include "childio.h"
#include "run_bounded.h"

/* fork, exec, wait with a deadline; returns the wait status or -1. SIGCHLD
 * is routed to the event loop's signalfd, so waitpid() here sees the child
 * before anyone else can. */
int run_bounded(char *const argv[], int timeout_ms)
{
	uint64_t deadline = clock_mono_ms() + (uint64_t)timeout_ms;
	pid_t pid = fork();
	int status;

	if (pid < 0)
		return -1;
	if (pid == 0) {
		sigset_t none;

		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		/* A failure leaves init's stdio (the console): still worth running. */
		childio_to_kmsg();
		execv(argv[0], argv);
		_exit(127);
	}
	for (;;) {
		pid_t got = waitpid(pid, &status, WNOHANG);
		struct timespec pause = { 0, 5 * 1000 * 1000 };

		if (got == pid)
			return status;
		if (got < 0 && errno != EINTR)
			return -1;
		if (clock_mono_ms() >= deadline) {
			kill(pid, SIGKILL);
			waitpid(pid, &status, 0);
			errno = ETIMEDOUT;
			return -1;
		}
		nanosleep(&pause, NULL);
	}
}
