/*
 * file_read.c - whole-file reads of small files.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include "keel/file.h"

ssize_t file_read(const char *path, char *buf, size_t size, int *truncated)
{
	size_t got = 0;
	int fd, saved_errno;

	*truncated = 0;
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -1;

	/* sysfs and procfs may return a file in several short reads. */
	while (got < size) {
		ssize_t n = read(fd, buf + got, size - got);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			goto fail;
		}
		if (n == 0)
			break;
		got += (size_t)n;
	}

	if (got == size) {
		char probe;
		ssize_t n;

		do
			n = read(fd, &probe, 1);
		while (n < 0 && errno == EINTR);
		if (n < 0)
			goto fail;
		*truncated = n > 0;
	}
	close(fd);
	return (ssize_t)got;
fail:
	saved_errno = errno;
	close(fd);
	errno = saved_errno;
	return -1;
}
