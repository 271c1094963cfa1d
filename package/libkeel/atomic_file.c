/*
 * atomic_file.c - write-temp-then-rename file replacement.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "keel/atomic_file.h"

int atomic_open(struct atomic_file *f, const char *path, unsigned mode)
{
	f->fd = -1;
	f->failed = 0;
	f->used = 0;
	if (strlen(path) >= sizeof(f->path)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	strcpy(f->path, path);
	snprintf(f->tmp, sizeof(f->tmp), "%s.tmp", path);
	f->fd = open(f->tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
	return f->fd < 0 ? -1 : 0;
}

static void flush(struct atomic_file *f)
{
	size_t off = 0;

	while (!f->failed && off < f->used) {
		ssize_t n = write(f->fd, f->buf + off, f->used - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			f->failed = errno ? errno : EIO;
		else
			off += (size_t)n;
	}
	f->used = 0;
}

void atomic_write(struct atomic_file *f, const void *data, size_t len)
{
	const char *p = data;

	while (len) {
		size_t room = sizeof(f->buf) - f->used;
		size_t take = len < room ? len : room;

		memcpy(f->buf + f->used, p, take);
		f->used += take;
		p += take;
		len -= take;
		if (f->used == sizeof(f->buf))
			flush(f);
	}
}

int atomic_sync_dir(const char *path)
{
	char dir[ATOMIC_PATH_MAX];
	const char *slash = strrchr(path, '/');
	int fd, rc;

	if (!slash)
		strcpy(dir, ".");
	else if (slash == path)
		strcpy(dir, "/");
	else
		snprintf(dir, sizeof(dir), "%.*s", (int)(slash - path), path);
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	rc = fsync(fd);
	close(fd);
	return rc;
}

int atomic_commit(struct atomic_file *f)
{
	int err;

	flush(f);
	if (f->failed) {
		err = f->failed;
		atomic_abort(f);
		errno = err;
		return -1;
	}
	if (fsync(f->fd) < 0 || close(f->fd) < 0) {
		err = errno;
		f->fd = -1;
		atomic_abort(f);
		errno = err;
		return -1;
	}
	f->fd = -1;
	if (rename(f->tmp, f->path) < 0) {
		err = errno;
		atomic_abort(f);
		errno = err;
		return -1;
	}
	/* Without this the rename itself may not survive a power cut. */
	return atomic_sync_dir(f->path);
}

void atomic_abort(struct atomic_file *f)
{
	if (f->fd >= 0)
		close(f->fd);
	f->fd = -1;
	unlink(f->tmp);
}
