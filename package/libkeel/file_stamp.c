/*
 * file_stamp.c - notice that a file changed, by its stat() signature.
 */
#include <string.h>
#include <sys/stat.h>

#include "keel/file.h"

int file_changed(const char *path, struct file_stamp *stamp)
{
	struct file_stamp now;
	struct stat st;

	memset(&now, 0, sizeof(now));
	if (stat(path, &st) == 0) {
		now.exists = 1;
		now.dev = st.st_dev;
		now.ino = st.st_ino;
		now.size = st.st_size;
		now.mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL +
			       st.st_mtim.tv_nsec;
	}
	if (memcmp(&now, stamp, sizeof(now)) == 0)
		return 0;
	*stamp = now;
	return 1;
}
