/*
 * ready.c - readiness notification to init (keel/ready.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "keel/paths.h"
#include "keel/ready.h"

int ready_fd_parse(const char *value)
{
	long fd = 0;

	if (!value || !*value)
		return -1;
	for (const char *p = value; *p; p++) {
		if (*p < '0' || *p > '9' || fd > 65535)
			return -1;
		fd = fd * 10 + (*p - '0');
	}
	/* 0-2 are stdio: never ours to close. */
	return fd > 2 && fd <= 65535 ? (int)fd : -1;
}

int ready_notify(void)
{
	int fd = ready_fd_parse(getenv(KEEL_READY_ENV));
	ssize_t n;

	/* Once only: a daemon's children must not inherit the duty. */
	unsetenv(KEEL_READY_ENV);
	if (fd < 0)
		return 0;
	do
		n = write(fd, "\n", 1);
	while (n < 0 && errno == EINTR);
	close(fd);
	return n == 1 ? 0 : -1;
}
