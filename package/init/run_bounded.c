/*
 * run_bounded.c - run a helper program from a boot step and wait for it,
 * with a deadline (keel-fw, mke2fs, keel-upgrade --mark-good).
 */
#define _GNU_SOURCE	/* mkostemp */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
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
static int run(char *const argv[], int timeout_ms, int out_fd)
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
		if (out_fd >= 0 && dup2(out_fd, STDOUT_FILENO) < 0)
			_exit(126);
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

int run_bounded(char *const argv[], int timeout_ms)
{
	return run(argv, timeout_ms, -1);
}

/* Through a file under /run rather than a pipe: the child may print more
 * than a pipe holds before init reads, and init must not deadlock. */
int run_capture(char *const argv[], int timeout_ms, char *out, size_t size,
		size_t *len)
{
	char path[] = "/run/keel/.capture-XXXXXX";
	int fd = mkostemp(path, O_CLOEXEC), status, saved;
	ssize_t n;

	*len = 0;
	if (size)
		out[0] = '\0';
	if (fd < 0)
		return -1;
	unlink(path);
	status = run(argv, timeout_ms, fd);
	saved = errno;
	n = pread(fd, out, size ? size - 1 : 0, 0);
	if (n > 0) {
		out[n] = '\0';
		*len = (size_t)n;
	}
	close(fd);
	errno = saved;
	return status;
}
