/*
 * keel/ready.h - tell init a daemon is ready, as s6 does: init hands each
 * service the write end of a pipe and names it in $KEEL_READY_FD; the
 * daemon writes one newline once its sockets are bound and its rights
 * dropped, then closes it. Run by hand (no variable), it does nothing.
 */
#ifndef KEEL_READY_H
#define KEEL_READY_H

/* Returns 0 (also when there is no one to tell), -1 if the write failed. */
int ready_notify(void);

/* Pure: the fd named by the variable's value, or -1 when it is not a
 * plain decimal number above 2. */
int ready_fd_parse(const char *value);

#endif /* KEEL_READY_H */
