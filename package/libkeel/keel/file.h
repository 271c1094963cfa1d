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

#endif /* KEEL_FILE_H */
