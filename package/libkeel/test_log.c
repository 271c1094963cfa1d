/*
 * test_log.c - record formatting and the stderr sink.
 */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "keel/log.h"

__attribute__((format(printf, 5, 6)))
static size_t format(char *buf, size_t size, int prio, size_t *text_off,
		     const char *fmt, ...)
{
	va_list ap;
	size_t len;

	va_start(ap, fmt);
	len = log_format(buf, size, prio, "keel-init", text_off, fmt, ap);
	va_end(ap);
	return len;
}

static void test_record_shape(void)
{
	char buf[128];
	size_t off = 99;
	size_t len = format(buf, sizeof(buf), LOG_INFO, &off, "mounted %s",
			    "/proc");

	CHECK_STR(buf, "<6>keel-init: mounted /proc\n");
	CHECK_EQ_UINT(len, strlen(buf));
	CHECK_STR(buf + off, "keel-init: mounted /proc\n");

	format(buf, sizeof(buf), LOG_ERR, &off, "x");
	CHECK_STR(buf, "<3>keel-init: x\n");
}

static void test_priority_clamped(void)
{
	char buf[64];
	size_t off;

	format(buf, sizeof(buf), 42, &off, "m");
	CHECK_STR(buf, "<7>keel-init: m\n");
	format(buf, sizeof(buf), -5, &off, "m");
	CHECK_STR(buf, "<0>keel-init: m\n");
}

static void test_one_newline(void)
{
	char buf[64];
	size_t off;

	format(buf, sizeof(buf), LOG_INFO, &off, "done\n\n");
	CHECK_STR(buf, "<6>keel-init: done\n");
	format(buf, sizeof(buf), LOG_INFO, &off, "%s", "");
	CHECK_STR(buf, "<6>keel-init: \n");
}

static void test_control_chars_cannot_forge_lines(void)
{
	char buf[128];
	size_t off;

	format(buf, sizeof(buf), LOG_WARNING, &off, "bad name '%s'",
	       "a\nkeel-init: ready\r\x1b[2J\x7f\tok");
	CHECK_STR(buf, "<4>keel-init: bad name 'a?keel-init: ready??[2J?\tok'\n");
	/* Bytes above ASCII (UTF-8) pass through untouched. */
	format(buf, sizeof(buf), LOG_INFO, &off, "caf\xc3\xa9");
	CHECK_STR(buf, "<6>keel-init: caf\xc3\xa9\n");
}

static void test_truncation(void)
{
	char buf[24];
	char big[200];
	size_t off, len;

	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	len = format(buf, sizeof(buf), LOG_INFO, &off, "%s", big);
	CHECK_EQ_UINT(len, sizeof(buf) - 1);
	CHECK_STR(buf, "<6>keel-init: xxxxx...\n");

	/* Exactly fitting is not truncation. */
	len = format(buf, sizeof(buf), LOG_INFO, &off, "%s", "12345678");
	CHECK_STR(buf, "<6>keel-init: 12345678\n");
	CHECK_EQ_UINT(len, sizeof(buf) - 1);

	/* No room for even a cut record: nothing is produced. */
	CHECK_EQ_UINT(format(buf, 16, LOG_INFO, &off, "m"), 0);
	CHECK_EQ_UINT(format(buf, 3, LOG_INFO, &off, "m"), 0);
}

/* Runs logx() with fd 2 on a pipe; returns what it wrote. */
static size_t capture_stderr(char *out, size_t size, void (*emit)(void))
{
	int fds[2], saved = dup(STDERR_FILENO);
	ssize_t n;

	if (saved < 0 || pipe(fds) < 0)
		return 0;
	dup2(fds[1], STDERR_FILENO);
	close(fds[1]);
	emit();
	dup2(saved, STDERR_FILENO);
	close(saved);
	n = read(fds[0], out, size - 1);
	close(fds[0]);
	if (n < 0)
		n = 0;
	out[n] = '\0';
	return (size_t)n;
}

static int errno_after_log;

static void emit_info(void)
{
	errno = ENOENT;
	logx("hostname: %s", "keel");
	errno_after_log = errno;
}

static void emit_err(void)
{
	logx_err("mount %s: %s", "/run", strerror(EBUSY));
}

static void emit_long(void)
{
	char big[2 * KEEL_LOG_LINE_MAX];

	memset(big, 'y', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	logx_warn("%s", big);
}

static void test_stderr_sink(void)
{
	char out[2 * KEEL_LOG_LINE_MAX];
	size_t len;

	log_init("testd", KEEL_LOG_STDERR);
	capture_stderr(out, sizeof(out), emit_info);
	CHECK_STR(out, "testd: hostname: keel\n");
	/* errno survives logging, so callers can log then inspect it. */
	CHECK_EQ_INT(errno_after_log, ENOENT);

	capture_stderr(out, sizeof(out), emit_err);
	CHECK_STR(out, "testd: mount /run: Device or resource busy\n");

	len = capture_stderr(out, sizeof(out), emit_long);
	CHECK(len <= KEEL_LOG_LINE_MAX - 3);
	CHECK(len > 4 && memcmp(out + len - 4, "...\n", 4) == 0);
	CHECK(strncmp(out, "testd: yyy", 10) == 0);
}

int main(void)
{
	test_record_shape();
	test_priority_clamped();
	test_one_newline();
	test_control_chars_cannot_forge_lines();
	test_truncation();
	test_stderr_sink();
	return check_done();
}
