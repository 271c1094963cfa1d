/*
 * collector.c - UDP export to the collectors.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "collector.h"

int collectors_open(struct collectors *c, const struct flowd_options *o,
		    int nonblock, char *err, size_t errlen)
{
	size_t i;

	memset(c, 0, sizeof(*c));
	for (i = 0; i < o->n_collectors; i++) {
		const struct endpoint *col = &o->collectors[i];
		int fd = socket(col->sa.ss_family,
				SOCK_DGRAM | SOCK_CLOEXEC |
				(nonblock ? SOCK_NONBLOCK : 0), 0);

		if (fd < 0 || connect(fd, (const struct sockaddr *)&col->sa,
				      col->len) < 0) {
			snprintf(err, errlen, "collector %s: %s", col->text,
				 strerror(errno));
			if (fd >= 0)
				close(fd);
			collectors_close(c);
			return -1;
		}
		c->fds[c->n++] = fd;
	}
	return 0;
}

void collectors_send(void *arg, const uint8_t *buf, size_t len)
{
	struct collectors *c = arg;
	size_t i;

	/* Never block the capture for a slow collector: a full socket
	 * buffer drops the datagram, and the counter says so. */
	for (i = 0; i < c->n; i++)
		if (send(c->fds[i], buf, len, 0) != (ssize_t)len)
			c->send_errors++;
}

void collectors_close(struct collectors *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		close(c->fds[i]);
	c->n = 0;
}
