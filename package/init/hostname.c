/*
 * hostname.c - validate /etc/hostname and set it.
 */
#define _GNU_SOURCE	/* sethostname */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/log.h"

#include "boot.h"
#include "hostname.h"
#include "init.h"

#define HOSTNAME_FILE "/etc/hostname"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_label_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-';
}

enum hostname_error hostname_parse(const char *buf, size_t len,
				   char out[HOSTNAME_MAX + 1],
				   size_t *bad_offset)
{
	const char *newline = memchr(buf, '\n', len);
	size_t start = 0, end = newline ? (size_t)(newline - buf) : len;

	/* A CR is only trimmed at the end: that is where CRLF puts it. */
	while (start < end && (buf[start] == ' ' || buf[start] == '\t'))
		start++;
	while (end > start && is_blank(buf[end - 1]))
		end--;

	if (end == start)
		return HOSTNAME_EMPTY;
	if (end - start > HOSTNAME_MAX)
		return HOSTNAME_TOO_LONG;
	for (size_t i = start; i < end; i++) {
		if (!is_label_char(buf[i])) {
			if (bad_offset)
				*bad_offset = i;
			return HOSTNAME_BAD_CHAR;
		}
	}
	if (buf[start] == '-' || buf[end - 1] == '-') {
		if (bad_offset)
			*bad_offset = buf[start] == '-' ? start : end - 1;
		return HOSTNAME_BAD_HYPHEN;
	}
	memcpy(out, buf + start, end - start);
	out[end - start] = '\0';
	return HOSTNAME_OK;
}

const char *hostname_strerror(enum hostname_error err)
{
	switch (err) {
	case HOSTNAME_OK:
		return "valid";
	case HOSTNAME_EMPTY:
		return "first line is empty";
	case HOSTNAME_TOO_LONG:
		return "longer than 63 characters";
	case HOSTNAME_BAD_CHAR:
		return "character outside A-Z a-z 0-9 -";
	case HOSTNAME_BAD_HYPHEN:
		return "starts or ends with '-'";
	}
	return "invalid";
}

/* Returns the hostname to use, logging why the file's was not usable. */
static const char *pick_hostname(char name[HOSTNAME_MAX + 1])
{
	char buf[256];
	enum hostname_error err;
	size_t bad = 0;
	int truncated;
	ssize_t n = file_read(HOSTNAME_FILE, buf, sizeof(buf), &truncated);

	if (n < 0) {
		logx_warn("hostname: %s: %s, using \"%s\"", HOSTNAME_FILE,
			  strerror(errno), HOSTNAME_DEFAULT);
		return HOSTNAME_DEFAULT;
	}
	/* Only the first line counts; if it did not fit, it is too long. */
	if (truncated && !memchr(buf, '\n', (size_t)n))
		err = HOSTNAME_TOO_LONG;
	else
		err = hostname_parse(buf, (size_t)n, name, &bad);

	switch (err) {
	case HOSTNAME_OK:
		return name;
	case HOSTNAME_BAD_CHAR:
	case HOSTNAME_BAD_HYPHEN:
		logx_warn("hostname: %s: %s (byte 0x%02x at offset %zu), "
			  "using \"%s\"", HOSTNAME_FILE, hostname_strerror(err),
			  (unsigned char)buf[bad], bad, HOSTNAME_DEFAULT);
		return HOSTNAME_DEFAULT;
	default:
		logx_warn("hostname: %s: %s, using \"%s\"", HOSTNAME_FILE,
			  hostname_strerror(err), HOSTNAME_DEFAULT);
		return HOSTNAME_DEFAULT;
	}
}

void hostname_step(struct init *init, struct step_report *report)
{
	char parsed[HOSTNAME_MAX + 1];
	/* keel.conf's hostname (validated, "keel" by default) wins; the
	 * /etc/hostname fallback covers a config step that set nothing. */
	const char *name = init->config.hostname[0] ? init->config.hostname :
			   pick_hostname(parsed);
	if (sethostname(name, strlen(name)) < 0) {
		logx_err("hostname: sethostname \"%s\": %s", name,
			 strerror(errno));
		report->failed = true;
		return;
	}
	report_add(report, "%s", name);
}
