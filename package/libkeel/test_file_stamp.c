/*
 * test_file_stamp.c - a file's appearance, rewrite, replacement and removal
 * are each noticed once; an untouched file is not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "keel/file.h"

static void put(const char *path, const char *content)
{
	FILE *f = fopen(path, "w");

	CHECK(f != NULL);
	if (f) {
		fputs(content, f);
		fclose(f);
	}
}

int main(void)
{
	char dir[] = "/tmp/keel-stamp-XXXXXX", path[64], tmp[64];
	struct file_stamp st;

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof(path), "%s/f", dir);
	snprintf(tmp, sizeof(tmp), "%s/f.tmp", dir);
	memset(&st, 0, sizeof(st));

	CHECK_EQ_INT(file_changed(path, &st), 0);	/* missing, never seen */
	put(path, "a\n");
	CHECK_EQ_INT(file_changed(path, &st), 1);	/* appeared */
	CHECK_EQ_INT(file_changed(path, &st), 0);	/* untouched */
	put(path, "ab\n");
	CHECK_EQ_INT(file_changed(path, &st), 1);	/* rewritten, new size */
	put(tmp, "ab\n");
	CHECK(rename(tmp, path) == 0);
	CHECK_EQ_INT(file_changed(path, &st), 1);	/* replaced: new inode */
	CHECK_EQ_INT(file_changed(path, &st), 0);
	CHECK(unlink(path) == 0);
	CHECK_EQ_INT(file_changed(path, &st), 1);	/* vanished */
	CHECK_EQ_INT(file_changed(path, &st), 0);
	CHECK(rmdir(dir) == 0);
	return check_done();
}
