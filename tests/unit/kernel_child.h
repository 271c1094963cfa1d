/*
 * kernel_child.h - run a test step against the real kernel in a forked
 * child (which makes its own network namespace and exits with the number
 * of the step that failed, 0 if none), skipped without root. Shared by the
 * unit tests that check rtnetlink requests on a live kernel.
 */
#ifndef KEEL_TEST_KERNEL_CHILD_H
#define KEEL_TEST_KERNEL_CHILD_H

#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"

static inline void check_kernel_child(int (*child)(void))
{
	pid_t pid;
	int status = 0;

	if (geteuid() != 0) {
		printf("skip: kernel test needs root (network namespace)\n");
		return;
	}
	pid = fork();
	if (pid == 0)
		_exit(child());
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status));
	if (WEXITSTATUS(status) != 0)
		printf("kernel test failed at step %d\n", WEXITSTATUS(status));
	CHECK_EQ_INT(WEXITSTATUS(status), 0);
}

#endif /* KEEL_TEST_KERNEL_CHILD_H */
