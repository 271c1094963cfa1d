/*
 * atomic_file.h - replace a file so a reader (or a reboot) sees the old
 * content or the new, never half: write a temp file beside it, fsync,
 * rename over, fsync the directory.
 */
#ifndef DHCPD_ATOMIC_FILE_H
#define DHCPD_ATOMIC_FILE_H

#include <stddef.h>

#define ATOMIC_PATH_MAX 256

struct atomic_file {
	int fd;
	int failed;		/* a write failed: commit will refuse */
	size_t used;
	char path[ATOMIC_PATH_MAX];
	char tmp[ATOMIC_PATH_MAX + 8];
	char buf[4096];
};

/* Returns 0, or -1 with errno set. mode as for open(2). */
int atomic_open(struct atomic_file *f, const char *path, unsigned mode);
void atomic_write(struct atomic_file *f, const void *data, size_t len);
/* Flushes, fsyncs, renames, fsyncs the directory. On failure the temp
 * file is removed and the old file stays. Returns 0, or -1 with errno. */
int atomic_commit(struct atomic_file *f);
void atomic_abort(struct atomic_file *f);
/* fsyncs the directory holding path (after a rename of one's own). */
int atomic_sync_dir(const char *path);

#endif /* DHCPD_ATOMIC_FILE_H */
