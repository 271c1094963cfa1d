/*
 * fd_read.c - read a whole block from a pipe or file.
 */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#include "keel/file.h"

ssize_t fd_read_upto(int fd, void *buf, size_t n)
{
	uint8_t *p = buf;
	size_t got = 0;

	while (got < n) {
		ssize_t r = read(fd, p + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}
