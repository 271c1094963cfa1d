/*
 * test_file_read.c - small-file reads, with truncation reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "keel/file.h"

static char path[] = "/tmp/keel-test-file-XXXXXX";

static void put(const char *content)
{
	int fd = open(path, O_WRONLY | O_TRUNC);

	if (fd < 0 || write(fd, content, strlen(content)) < 0)
		CHECK(!"cannot write the temporary file");
	if (fd >= 0)
		close(fd);
}

int main(void)
{
	char buf[16];
	int truncated = -1, fd = mkstemp(path);
	ssize_t n;

	if (fd < 0) {
		CHECK(!"mkstemp");
		return check_done();
	}
	close(fd);

	n = file_read(path, buf, sizeof(buf), &truncated);
	CHECK_EQ_INT(n, 0);
	CHECK_EQ_INT(truncated, 0);

	put("keel\n");
	n = file_read(path, buf, sizeof(buf), &truncated);
	CHECK_MEM(buf, (size_t)n, "keel\n", 5);
	CHECK_EQ_INT(truncated, 0);

	/* Exactly the buffer size: complete, not truncated. */
	put("0123456789abcdef");
	n = file_read(path, buf, sizeof(buf), &truncated);
	CHECK_EQ_INT(n, 16);
	CHECK_EQ_INT(truncated, 0);

	put("0123456789abcdefg");
	n = file_read(path, buf, sizeof(buf), &truncated);
	CHECK_MEM(buf, (size_t)n, "0123456789abcdef", 16);
	CHECK_EQ_INT(truncated, 1);

	unlink(path);
	errno = 0;
	n = file_read(path, buf, sizeof(buf), &truncated);
	CHECK_EQ_INT(n, -1);
	CHECK_EQ_INT(errno, ENOENT);

	/* fd_read_upto: a pipe hands data over in pieces; end of input stops it. */
	{
		int pfd[2];
		char out[8];

		CHECK(pipe(pfd) == 0);
		CHECK(write(pfd[1], "abc", 3) == 3);
		CHECK(write(pfd[1], "de", 2) == 2);
		close(pfd[1]);
		CHECK_EQ_INT(fd_read_upto(pfd[0], out, 4), 4);
		CHECK_MEM(out, 4, "abcd", 4);
		CHECK_EQ_INT(fd_read_upto(pfd[0], out, sizeof(out)), 1);
		CHECK_EQ_INT(fd_read_upto(pfd[0], out, sizeof(out)), 0);
		close(pfd[0]);
		CHECK_EQ_INT(fd_read_upto(-1, out, 1), -1);
	}
	return check_done();
}
