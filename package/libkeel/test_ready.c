/* test_ready.c - the readiness fd: parsed strictly, written once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "keel/paths.h"
#include "keel/ready.h"
#include "check.h"

static void test_parse(void)
{
	CHECK(ready_fd_parse("3") == 3);
	CHECK(ready_fd_parse("250") == 250);
	CHECK(ready_fd_parse(NULL) == -1);
	CHECK(ready_fd_parse("") == -1);
	CHECK(ready_fd_parse("2") == -1);
	CHECK(ready_fd_parse("0") == -1);
	CHECK(ready_fd_parse("3x") == -1);
	CHECK(ready_fd_parse("-4") == -1);
	CHECK(ready_fd_parse("99999999999") == -1);
}

static void test_notify(void)
{
	int p[2];
	char buf[8], num[16];

	CHECK(pipe(p) == 0);
	snprintf(num, sizeof(num), "%d", p[1]);
	setenv(KEEL_READY_ENV, num, 1);
	CHECK(ready_notify() == 0);
	CHECK(getenv(KEEL_READY_ENV) == NULL);
	/* One newline, then EOF: the write end was closed. */
	CHECK(read(p[0], buf, sizeof(buf)) == 1 && buf[0] == '\n');
	CHECK(read(p[0], buf, sizeof(buf)) == 0);
	/* A second call has no one to tell. */
	CHECK(ready_notify() == 0);
	close(p[0]);
}

int main(void)
{
	test_parse();
	test_notify();
	return check_done();
}
