/*
 * run_bounded.h - fork, exec and wait for a helper, at most timeout_ms.
 */
#ifndef KEEL_INIT_RUN_BOUNDED_H
#define KEEL_INIT_RUN_BOUNDED_H

/* The child's stdio goes to the kernel log. Returns the wait status, or -1
 * with errno (ETIMEDOUT: killed at the deadline). SIGCHLD is routed to the
 * event loop's signalfd, so waitpid() here sees the child first. */
int run_bounded(char *const argv[], int timeout_ms);

#endif
