/*
 * iotrace.c - LD_PRELOAD shim for tests/upgrade/run (host only). Wraps
 * pwrite() to
 *   - log every write as "<path> <offset> <length>" to $KEEL_IOTRACE, so
 *     the test can assert the ORDER of writes (the boot state is the last
 *     write, after every slot write);
 *   - flip one byte on its way to $KEEL_CORRUPT_PATH at $KEEL_CORRUPT_OFFSET,
 *     a disk that silently stores something else, so the test can assert
 *     that the read-back catches it.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef ssize_t (*pwrite_fn)(int, const void *, size_t, off_t);

static ssize_t traced(const char *name, int fd, const void *buf, size_t n, off_t off)
{
	static pwrite_fn real;
	char link[64], path[PATH_MAX] = "?";
	const char *trace = getenv("KEEL_IOTRACE");
	const char *cpath = getenv("KEEL_CORRUPT_PATH");
	const char *coff = getenv("KEEL_CORRUPT_OFFSET");
	ssize_t len;

	if (!real)
		real = (pwrite_fn)dlsym(RTLD_NEXT, name);
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	len = readlink(link, path, sizeof(path) - 1);
	if (len > 0)
		path[len] = 0;
	if (trace) {
		FILE *f = fopen(trace, "a");

		if (f) {
			fprintf(f, "%s %lld %zu\n", path, (long long)off, n);
			fclose(f);
		}
	}
	if (cpath && coff && strstr(path, cpath)) {
		long long at = atoll(coff);

		if (at >= off && at < off + (long long)n) {
			unsigned char *copy = malloc(n);
			ssize_t r;

			if (!copy)
				return -1;
			memcpy(copy, buf, n);
			copy[at - off] ^= 0x01;
			r = real(fd, copy, n, off);
			free(copy);
			return r;
		}
	}
	return real(fd, buf, n, off);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return traced("pwrite", fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off_t off)
{
	return traced("pwrite64", fd, buf, n, off);
}
