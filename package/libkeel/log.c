/*
 * log.c - logx() and friends: format one record, hand it to each sink.
 *
 * Every record is a single write(), so lines from several processes sharing
 * a console or /dev/kmsg never interleave mid-line.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "keel/log.h"

static const char *log_prog = "keel";
static unsigned log_sinks = KEEL_LOG_STDERR;
static int kmsg_fd = -1;

void log_init(const char *prog, unsigned sinks)
{
	log_prog = prog;
	log_sinks = sinks;
}

size_t log_format(char *buf, size_t size, int prio, const char *prog,
		  size_t *text_off, const char *fmt, va_list ap)
{
	static const char cut_mark[] = "...";
	size_t head, end, msg_max;
	int prio_len, prog_len, msg_len;

	if (prio < LOG_EMERG)
		prio = LOG_EMERG;
	if (prio > LOG_DEBUG)
		prio = LOG_DEBUG;

	prio_len = snprintf(buf, size, "<%d>", prio);
	if (prio_len < 0 || (size_t)prio_len >= size)
		return 0;
	prog_len = snprintf(buf + prio_len, size - prio_len, "%s: ", prog);
	if (prog_len < 0)
		return 0;
	head = (size_t)prio_len + (size_t)prog_len;
	/* Room for at least the cut mark, the newline and the NUL. */
	if (head + sizeof(cut_mark) + 1 > size)
		return 0;

	/* The message may use everything but the newline and the NUL. */
	msg_max = size - head - 2;
	msg_len = vsnprintf(buf + head, msg_max + 1, fmt, ap);
	if (msg_len < 0)
		msg_len = 0;
	if ((size_t)msg_len > msg_max) {
		end = head + msg_max;
		memcpy(buf + end - (sizeof(cut_mark) - 1), cut_mark,
		       sizeof(cut_mark) - 1);
	} else {
		end = head + (size_t)msg_len;
		while (end > head && buf[end - 1] == '\n')
			end--;
	}

	for (size_t i = head; i < end; i++) {
		unsigned char c = (unsigned char)buf[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			buf[i] = '?';
	}
	buf[end++] = '\n';
	buf[end] = '\0';
	*text_off = (size_t)prio_len;
	return end;
}

/* Returns 0 once all of buf is written, -1 with errno set otherwise. */
static int write_all(int fd, const char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, buf, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		buf += n;
		len -= (size_t)n;
	}
	return 0;
}

/* /dev/kmsg appears only once devtmpfs is mounted: keep trying until then. */
static bool kmsg_ready(void)
{
	if (kmsg_fd < 0)
		kmsg_fd = open("/dev/kmsg", O_WRONLY | O_CLOEXEC | O_NOCTTY);
	return kmsg_fd >= 0;
}

void vlogx_prio(int prio, const char *fmt, va_list ap)
{
	char record[KEEL_LOG_LINE_MAX];
	size_t len, text_off = 0;
	bool to_stderr = log_sinks & KEEL_LOG_STDERR;
	int saved_errno = errno;

	len = log_format(record, sizeof(record), prio, log_prog, &text_off,
			 fmt, ap);
	if (len == 0)
		goto out;

	/* The kernel takes one record per write() and parses the "<N>". */
	if (log_sinks & KEEL_LOG_KMSG) {
		if (!kmsg_ready() || write_all(kmsg_fd, record, len) < 0)
			to_stderr = true;
	}
	if (to_stderr)
		(void)write_all(STDERR_FILENO, record + text_off,
				len - text_off);
out:
	/* Callers log and then test errno; logging must not disturb it. */
	errno = saved_errno;
}

void logx_prio(int prio, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlogx_prio(prio, fmt, ap);
	va_end(ap);
}

void logx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlogx_prio(LOG_INFO, fmt, ap);
	va_end(ap);
}

void logx_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlogx_prio(LOG_WARNING, fmt, ap);
	va_end(ap);
}

void logx_err(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vlogx_prio(LOG_ERR, fmt, ap);
	va_end(ap);
}
