/*
 * apply_request.c - the one-line request keel-config leaves for init
 * (apply_request.h).
 */
#include <stdio.h>
#include <string.h>

#include "apply_request.h"

static size_t word(const char *buf, size_t len, size_t *off, const char **w)
{
	size_t start;

	while (*off < len && buf[*off] == ' ')
		(*off)++;
	start = *off;
	while (*off < len && buf[*off] != ' ' && buf[*off] != '\n')
		(*off)++;
	*w = buf + start;
	return *off - start;
}

static int is(const char *w, size_t n, const char *lit)
{
	return n == strlen(lit) && memcmp(w, lit, n) == 0;
}

int apply_request_parse(const char *buf, size_t len, struct apply_request *out,
			char *err, size_t errlen)
{
	const char *w;
	size_t off = 0, n;

	memset(out, 0, sizeof(*out));
	n = word(buf, len, &off, &w);
	if (n == 0 || n >= sizeof(out->id)) {
		snprintf(err, errlen, "request id missing or longer than %zu bytes",
			 sizeof(out->id) - 1);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		if (!((w[i] >= '0' && w[i] <= '9') || (w[i] >= 'a' && w[i] <= 'z') ||
		      w[i] == '-')) {
			snprintf(err, errlen, "request id: bad byte 0x%02x",
				 (unsigned char)w[i]);
			return -1;
		}
	memcpy(out->id, w, n);
	n = word(buf, len, &off, &w);
	if (is(w, n, "saved"))
		out->action = APPLY_SAVED;
	else if (is(w, n, "confirm"))
		out->action = APPLY_CONFIRM;
	else if (is(w, n, "rollback"))
		out->action = APPLY_ROLLBACK;
	else if (is(w, n, "pending")) {
		uint32_t v = 0;

		out->action = APPLY_PENDING;
		n = word(buf, len, &off, &w);
		if (n == 0 || n > 5) {
			snprintf(err, errlen, "pending: seconds missing or too large");
			return -1;
		}
		for (size_t i = 0; i < n; i++) {
			if (w[i] < '0' || w[i] > '9') {
				snprintf(err, errlen, "pending: seconds: not a number");
				return -1;
			}
			v = v * 10 + (uint32_t)(w[i] - '0');
		}
		if (v < APPLY_CONFIRM_MIN_S || v > APPLY_CONFIRM_MAX_S) {
			snprintf(err, errlen, "pending: %u s is outside %d-%d s", v,
				 APPLY_CONFIRM_MIN_S, APPLY_CONFIRM_MAX_S);
			return -1;
		}
		out->confirm_s = v;
	} else {
		snprintf(err, errlen, "unknown action \"%.*s\"", (int)(n < 20 ? n : 20), w);
		return -1;
	}
	n = word(buf, len, &off, &w);
	while (off < len && (buf[off] == '\n' || buf[off] == ' '))
		off++;
	if (n || off != len) {
		snprintf(err, errlen, "trailing text after the action");
		return -1;
	}
	return 0;
}
