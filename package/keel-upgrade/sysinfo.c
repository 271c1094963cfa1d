/*
 * sysinfo.c - kernel command line and os-release lookups.
 */
#include <string.h>

#include "sysinfo.h"

/* Finds the word starting with prefix; returns its value and length. */
static const char *cmdline_word(const char *buf, size_t n, const char *prefix, size_t *len)
{
	size_t plen = strlen(prefix), pos = 0;

	while (pos < n) {
		while (pos < n && (buf[pos] == ' ' || buf[pos] == '\n' || buf[pos] == '\t'))
			pos++;
		size_t start = pos;

		while (pos < n && buf[pos] != ' ' && buf[pos] != '\n' && buf[pos] != '\t')
			pos++;
		if (pos - start >= plen && memcmp(buf + start, prefix, plen) == 0) {
			*len = pos - start - plen;
			return buf + start + plen;
		}
	}
	return NULL;
}

char cmdline_slot(const char *buf, size_t n)
{
	size_t len;
	const char *v = cmdline_word(buf, n, "keel.slot=", &len);

	if (!v || len != 1 || (v[0] != 'A' && v[0] != 'B'))
		return 0;
	return v[0];
}

int cmdline_trial(const char *buf, size_t n)
{
	size_t len;
	const char *v = cmdline_word(buf, n, "keel.trial=", &len);

	return v && len == 1 && v[0] == '1';
}

int kv_lookup(const char *buf, size_t n, const char *key, char *out, size_t out_size)
{
	size_t klen = strlen(key), pos = 0;

	while (pos < n) {
		const char *line = buf + pos;
		const char *nl = memchr(line, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - line) : n - pos;

		pos += len + 1;
		if (len <= klen || memcmp(line, key, klen) != 0 || line[klen] != '=')
			continue;
		const char *v = line + klen + 1;
		size_t vlen = len - klen - 1;

		if (vlen >= 2 && v[0] == '"' && v[vlen - 1] == '"') {
			v++;
			vlen -= 2;
		}
		if (vlen >= out_size)
			return -1;
		memcpy(out, v, vlen);
		out[vlen] = 0;
		return (int)vlen;
	}
	return -1;
}
