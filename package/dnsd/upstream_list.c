/*
 * upstream_list.c - parse the upstream servers file.
 */
#include <string.h>

#include "upstream_list.h"

size_t upstream_list_parse(const char *buf, size_t len, struct endpoint *out,
			   size_t max, size_t *bad)
{
	size_t n = 0, pos = 0;

	*bad = 0;
	while (pos < len) {
		const char *line = buf + pos, *nl = memchr(line, '\n', len - pos);
		size_t llen = nl ? (size_t)(nl - line) : len - pos;
		size_t start = 0, end = llen;
		char text[80];

		pos += llen + (nl != NULL);
		while (start < end && (line[start] == ' ' || line[start] == '\t'))
			start++;
		while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t' ||
				       line[end - 1] == '\r'))
			end--;
		if (start == end || line[start] == '#')
			continue;
		if (end - start >= sizeof(text) || n == max) {
			(*bad)++;
			continue;
		}
		memcpy(text, line + start, end - start);
		text[end - start] = '\0';
		if (endpoint_parse(text, 53, &out[n]) < 0 || endpoint_is_wildcard(&out[n])) {
			(*bad)++;
			continue;
		}
		n++;
	}
	return n;
}
