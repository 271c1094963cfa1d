/*
 * keel/file.h - read small files (config, /proc, /sys) into a caller's buffer.
 */
#ifndef KEEL_FILE_H
#define KEEL_FILE_H

#include <stddef.h>
#include <sys/types.h>

/*
 * Reads up to size bytes of path into buf (not NUL-terminated: parsers take
 * a length). A longer file is cut at size bytes and *truncated is set, so
 * the caller can reject it rather than parse half of it. Returns the number
 * of bytes read, or -1 with errno set.
 */
ssize_t file_read(const char *path, char *buf, size_t size, int *truncated);

/*
 * Reads n bytes from fd, retrying short reads and EINTR; stops early only
 * at end of input (a pipe from ssh delivers a bundle in pieces). Returns
 * the bytes read (less than n at end of input), or -1 with errno.
 */
ssize_t fd_read_upto(int fd, void *buf, size_t n);

/*
 * What a file looked like when last seen: enough to notice that another
 * process replaced (rename), rewrote or removed it without reading it.
 * Daemons poll this from a timer instead of needing a signal from a writer
 * that runs as another user.
 */
struct file_stamp {
	int exists;
	dev_t dev;
	ino_t ino;
	off_t size;
	long long mtime_ns;
};

/* Updates *stamp from path; returns 1 if it differs from before (appeared,
 * vanished, replaced, resized or touched), else 0. A zeroed stamp means
 * "never seen": a missing file is then no change. */
int file_changed(const char *path, struct file_stamp *stamp);

#endif /* KEEL_FILE_H */
