/*
 * format.c - lines for logread and frames for the collector.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "format.h"

static const char *const sev_names[] = {
	"emerg", "alert", "crit", "err", "warning", "notice", "info", "debug",
};

int severity_from_name(const char *name)
{
	if (name[0] >= '0' && name[0] <= '7' && name[1] == '\0')
		return name[0] - '0';
	for (int i = 0; i < 8; i++)
		if (!strcmp(name, sev_names[i]))
			return i;
	if (!strcmp(name, "error"))
		return 3;
	if (!strcmp(name, "warn"))
		return 4;
	return -1;
}

/* Appends s (control characters as '?', and with space_ok = 0 spaces as
 * '_' too, for 5424 header fields); returns the new length. */
static size_t put_clean(char *buf, size_t len, size_t size, struct span s,
			int space_ok)
{
	for (size_t i = 0; i < s.n && len + 1 < size; i++) {
		unsigned char c = (unsigned char)s.p[i];

		if (c < 0x20 || c == 0x7f)
			c = c == '\t' && space_ok ? ' ' : '?';
		else if (c == ' ' && !space_ok)
			c = '_';
		buf[len++] = (char)c;
	}
	return len;
}

static struct span host_of(const struct ring_rec *r, const char *host)
{
	struct span s = r->host;

	if (!s.n) {
		s.p = host;
		s.n = strlen(host);
	}
	return s;
}

/* By hand, not strftime(): glibc's opens /etc/localtime on every call,
 * which logd's seccomp list does not allow (and the stamp is UTC). */
static const char month_names[12][4] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

size_t format_line(const struct ring_rec *r, const char *host, char *buf,
		   size_t size)
{
	time_t secs = (time_t)(r->time_us / 1000000);
	struct tm tm;
	size_t len;
	int n;

	if (!gmtime_r(&secs, &tm) || size < 64)
		return 0;
	/* "%b %e %H:%M:%S " */
	n = snprintf(buf, size, "%s %2d %02d:%02d:%02d ",
		     month_names[tm.tm_mon % 12], tm.tm_mday, tm.tm_hour,
		     tm.tm_min, tm.tm_sec);
	if (n < 0 || (size_t)n >= size)
		return 0;
	len = (size_t)n;
	len = put_clean(buf, len, size - 1, host_of(r, host), 0);
	if (len + 1 < size)
		buf[len++] = ' ';
	if (r->prog.n) {
		len = put_clean(buf, len, size - 1, r->prog, 0);
		if (r->pid >= 0) {
			n = snprintf(buf + len, size - len, "[%d]",
				     (int)r->pid);
			if (n < 0 || (size_t)n >= size - len)
				return 0;
			len += (size_t)n;
		}
		if (len + 3 >= size)
			return 0;
		buf[len++] = ':';
		buf[len++] = ' ';
	}
	len = put_clean(buf, len, size - 1, r->text, 1);
	buf[len++] = '\n';
	buf[len] = '\0';
	return len;
}

size_t format_5424(const struct ring_rec *r, const char *host,
		   int octet_count, char *buf, size_t size)
{
	char frame[FORMAT_LINE_MAX], stamp[64], pid[16];
	time_t secs = (time_t)(r->time_us / 1000000);
	struct tm tm;
	size_t len;
	int n;

	if (!gmtime_r(&secs, &tm))
		return 0;
	/* "%Y-%m-%dT%H:%M:%S" */
	n = snprintf(stamp, sizeof(stamp), "%04d-%02d-%02dT%02d:%02d:%02d",
		     tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
		     tm.tm_min, tm.tm_sec);
	if (n < 0 || (size_t)n >= sizeof(stamp))
		return 0;
	if (r->pid >= 0)
		snprintf(pid, sizeof(pid), "%d", (int)r->pid);
	else
		strcpy(pid, "-");
	n = snprintf(frame, sizeof(frame), "<%u>1 %s.%06uZ ",
		     (unsigned)r->facility * 8 + r->severity, stamp,
		     (unsigned)(r->time_us % 1000000));
	if (n < 0 || (size_t)n >= sizeof(frame))
		return 0;
	len = put_clean(frame, (size_t)n, sizeof(frame), host_of(r, host), 0);
	frame[len++] = ' ';
	if (r->prog.n) {
		len = put_clean(frame, len, sizeof(frame), r->prog, 0);
	} else {
		frame[len++] = '-';
	}
	n = snprintf(frame + len, sizeof(frame) - len, " %s - - ", pid);
	if (n < 0 || (size_t)n >= sizeof(frame) - len)
		return 0;
	len += (size_t)n;
	len = put_clean(frame, len, sizeof(frame), r->text, 1);

	if (octet_count)
		n = snprintf(buf, size, "%zu %.*s", len, (int)len, frame);
	else
		n = snprintf(buf, size, "%.*s", (int)len, frame);
	if (n < 0 || (size_t)n >= size)
		return 0;
	return (size_t)n;
}
