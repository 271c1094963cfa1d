/*
 * main.c - logread: asks logd for its log over the reader socket and
 * copies the answer to stdout. logd does the filtering and formatting,
 * so this stays a pipe.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include "request.h"

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct logread_opts o;
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	char err[200], buf[16384];
	int rc, fd;

	rc = request_build(&o, argc, argv, err, sizeof(err));
	if (rc == 1)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "logread: %s\n", err);
		return 2;
	}
	if (strlen(o.socket_path) >= sizeof(sun.sun_path)) {
		fprintf(stderr, "logread: %s: path too long\n", o.socket_path);
		return 2;
	}
	memcpy(sun.sun_path, o.socket_path, strlen(o.socket_path) + 1);
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		fprintf(stderr, "logread: %s: %s (is logd running?)\n",
			o.socket_path, strerror(errno));
		return 1;
	}
	if (write_all(fd, o.line, strlen(o.line)) < 0) {
		fprintf(stderr, "logread: send: %s\n", strerror(errno));
		return 1;
	}
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			fprintf(stderr, "logread: %s\n", strerror(errno));
			return 1;
		}
		if (n == 0)
			return 0;
		if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
			return 1;	/* stdout closed (| head): done */
	}
}
