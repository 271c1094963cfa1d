/*
 * collector.h - the UDP sockets export datagrams go out of, one per
 * collector, connected so a refused datagram shows up as an error.
 */
#ifndef FLOWD_COLLECTOR_H
#define FLOWD_COLLECTOR_H

#include <stddef.h>
#include <stdint.h>

#include "options.h"

struct collectors {
	int fds[FLOWD_MAX_COLLECTORS];
	size_t n;
	uint64_t send_errors;
};

/* Opens and connects one socket per collector; non-blocking for live
 * capture, blocking when reading a file (nothing to lose by waiting).
 * Returns 0, or -1 with a reason in err. */
int collectors_open(struct collectors *c, const struct flowd_options *o,
		    int nonblock, char *err, size_t errlen);
/* Sends one datagram to every collector (engine_send_fn). */
void collectors_send(void *arg, const uint8_t *buf, size_t len);
void collectors_close(struct collectors *c);

#endif /* FLOWD_COLLECTOR_H */
