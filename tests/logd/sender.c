/*
 * sender.c - floods a syslog socket for tests/logd/run and bench: COUNT
 * RFC 3164 datagrams "<14>flood[PID]: TAG N <padding>" to a unix datagram
 * socket, blocking (as syslog(3) does), and prints the send rate.
 *
 *   sender SOCKET COUNT [TAG [SIZE]]
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	char msg[2048], pad[1024];
	struct timespec t0, t1;
	unsigned long count, size;
	const char *tag;
	double secs;
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: sender SOCKET COUNT [TAG [SIZE]]\n");
		return 2;
	}
	count = strtoul(argv[2], NULL, 10);
	tag = argc > 3 ? argv[3] : "m";
	size = argc > 4 ? strtoul(argv[4], NULL, 10) : 60;
	if (size >= sizeof(pad))
		size = sizeof(pad) - 1;
	memset(pad, 'x', size);
	pad[size] = '\0';
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", argv[1]);
	fd = socket(AF_UNIX, SOCK_DGRAM, 0);
	if (fd < 0 || connect(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0) {
		perror(argv[1]);
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (unsigned long i = 0; i < count; i++) {
		int n = snprintf(msg, sizeof(msg), "<14>flood[%d]: %s %lu %s",
				 (int)getpid(), tag, i, pad);

		while (send(fd, msg, (size_t)n, 0) < 0) {
			if (errno != EINTR && errno != ENOBUFS &&
			    errno != EAGAIN) {
				perror("send");
				return 1;
			}
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) +
	       (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("%lu %.3f %.0f\n", count, secs, secs > 0 ? count / secs : 0);
	return 0;
}
