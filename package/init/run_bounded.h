/*
 * run_bounded.h - fork, exec and wait for a helper, at most timeout_ms.
 */
#ifndef KEEL_INIT_RUN_BOUNDED_H
#define KEEL_INIT_RUN_BOUNDED_H

#include <stddef.h>

/* The child's stdio goes to the kernel log. Returns the wait status, or -1
 * with errno (ETIMEDOUT: killed at the deadline). SIGCHLD is routed to the
 * event loop's signalfd, so waitpid() here sees the child first. */
int run_bounded(char *const argv[], int timeout_ms);

/* The same with the child's stdout captured in out (at most size - 1
 * bytes kept, NUL-terminated; *len tells how many); stderr to the kernel
 * log. */
int run_capture(char *const argv[], int timeout_ms, char *out, size_t size,
		size_t *len);

#endif
