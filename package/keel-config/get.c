/*
 * get.c - find one key in canonical keel.conf text. Working on the printed
 * form (not the struct) means every setting `check` shows can be asked for,
 * under the same name, with no second table of keys to keep in step.
 */
#include <stdbool.h>
#include <string.h>

#include "get.h"

#define PART_MAX 64

/* Splits key at dots into at most 3 non-empty parts. */
static int split_key(const char *key, char parts[3][PART_MAX])
{
	int n = 0;
	const char *p = key;

	for (;;) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);

		if (n == 3 || len == 0 || len >= PART_MAX)
			return -1;
		memcpy(parts[n], p, len);
		parts[n][len] = '\0';
		n++;
		if (!dot)
			return n;
		p = dot + 1;
	}
}

int get_setting(const char *text, size_t len, const char *key, FILE *out)
{
	char parts[3][PART_MAX], header[2 * PART_MAX + 4];
	const char *want_key, *end = text + len;
	bool in_section;
	int n = split_key(key, parts), found = 0;
	size_t key_len;

	if (n < 0 || strpbrk(key, " \t[]#"))
		return -1;
	if (n == 1) {
		header[0] = '\0';	/* top level, before any section */
		want_key = parts[0];
	} else if (n == 2 || strcmp(parts[1], "lan") == 0) {
		/* "lan" is the default name, printed as a bare [lan]. */
		snprintf(header, sizeof(header), "[%s]", parts[0]);
		want_key = parts[n - 1];
	} else {
		snprintf(header, sizeof(header), "[%s %s]", parts[0], parts[1]);
		want_key = parts[2];
	}
	key_len = strlen(want_key);
	in_section = header[0] == '\0';

	for (const char *line = text; line < end;) {
		const char *nl = memchr(line, '\n', (size_t)(end - line));
		size_t line_len = (size_t)((nl ? nl : end) - line);

		if (line_len && line[0] == '[') {
			in_section = line_len == strlen(header) &&
				     memcmp(line, header, line_len) == 0;
		} else if (in_section && line_len > key_len &&
			   memcmp(line, want_key, key_len) == 0 &&
			   line[key_len] == ' ') {
			fprintf(out, "%.*s\n", (int)(line_len - key_len - 1),
				line + key_len + 1);
			found++;
		}
		line += line_len + 1;
	}
	return found;
}
