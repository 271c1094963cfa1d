/*
 * blocklist.c - parse domain lists and hosts-style block files; match
 * names and their parents.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "blocklist.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Addresses a hosts-format block file points names at. */
static bool is_sink_address(const char *p, size_t n)
{
	static const char *const sinks[] = {
		"0.0.0.0", "127.0.0.1", "::", "::1", "0:0:0:0:0:0:0:0",
	};
	size_t i;

	for (i = 0; i < sizeof(sinks) / sizeof(sinks[0]); i++)
		if (strlen(sinks[i]) == n && memcmp(p, sinks[i], n) == 0)
			return true;
	return false;
}

/* Names hosts files carry for the machine itself, never blocked. */
static bool is_self_name(const char *name)
{
	static const char *const self[] = {
		"localhost", "localhost.localdomain", "local", "broadcasthost",
		"ip6-localhost", "ip6-loopback", "0.0.0.0",
	};
	size_t i;

	for (i = 0; i < sizeof(self) / sizeof(self[0]); i++)
		if (strcmp(name, self[i]) == 0)
			return true;
	return false;
}

int blocklist_parse_line(const char *line, size_t len, char *out)
{
	size_t pos = 0, start, end, n = 0, label = 0, i;

	/* Comments: '#' anywhere, '!' (adblock) at the start. */
	for (i = 0; i < len; i++)
		if (line[i] == '#' || line[i] == '\0')
			break;
	len = i;
	while (pos < len && is_space(line[pos]))
		pos++;
	if (pos < len && line[pos] == '!')
		return 0;
	while (len > pos && is_space(line[len - 1]))
		len--;
	if (pos == len)
		return 0;

	start = pos;
	while (pos < len && !is_space(line[pos]))
		pos++;
	end = pos;
	if (pos < len) {
		/* Two fields: a hosts line. */
		if (!is_sink_address(line + start, end - start))
			return -1;
		while (pos < len && is_space(line[pos]))
			pos++;
		start = pos;
		while (pos < len && !is_space(line[pos]))
			pos++;
		end = pos;
		/* Further aliases on the line are ignored. */
	}
	if (end - start >= 2 && line[start] == '|' && line[start + 1] == '|') {
		start += 2;
		if (end > start && line[end - 1] == '^')
			end--;
	}
	if (end - start >= 2 && line[start] == '*' && line[start + 1] == '.')
		start += 2;
	if (end > start && line[end - 1] == '.')
		end--;
	if (end == start || end - start > BLOCKLIST_NAME_MAX)
		return -1;

	for (i = start; i < end; i++) {
		char c = line[i];

		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		if (c == '.') {
			if (n == label || n - label > 63)
				return -1;
			label = n + 1;
		} else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			     c == '-' || c == '_')) {
			return -1;
		}
		out[n++] = c;
	}
	if (n == label || n - label > 63)
		return -1;
	out[n] = '\0';
	if (is_self_name(out))
		return 0;
	return (int)n;
}

/* qsort has no context argument: the arena is passed through a file
 * static, set only for the duration of the sort. */
static const char *sort_arena;

static int cmp_offsets(const void *a, const void *b)
{
	return strcmp(sort_arena + *(const uint32_t *)a,
		      sort_arena + *(const uint32_t *)b);
}

void blocklist_free(struct blocklist *bl)
{
	free(bl->arena);
	free(bl->names);
	memset(bl, 0, sizeof(*bl));
}

int blocklist_load_buf(struct blocklist *bl, const char *buf, size_t len)
{
	size_t lines = 1, i, pos = 0, used = 0, out = 0;
	char name[BLOCKLIST_NAME_MAX + 1];

	blocklist_free(bl);
	if (len > UINT32_MAX)
		return -1;
	for (i = 0; i < len; i++)
		if (buf[i] == '\n')
			lines++;
	/* Each name is shorter than its line plus newline: the arena never
	 * needs more than the file's size plus one. */
	bl->arena = malloc(len + 1);
	bl->names = malloc(lines * sizeof(uint32_t));
	if (!bl->arena || !bl->names) {
		blocklist_free(bl);
		return -1;
	}
	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t line_len = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		int n = blocklist_parse_line(buf + pos, line_len, name);

		if (n < 0) {
			bl->bad_lines++;
		} else if (n > 0) {
			memcpy(bl->arena + used, name, (size_t)n + 1);
			bl->names[bl->count++] = (uint32_t)used;
			used += (size_t)n + 1;
		}
		pos += line_len + 1;
	}
	sort_arena = bl->arena;
	qsort(bl->names, bl->count, sizeof(uint32_t), cmp_offsets);
	sort_arena = NULL;
	for (i = 0; i < bl->count; i++) {
		if (out && strcmp(bl->arena + bl->names[out - 1],
				  bl->arena + bl->names[i]) == 0) {
			bl->duplicates++;
			continue;
		}
		bl->names[out++] = bl->names[i];
	}
	bl->count = out;
	return 0;
}

int blocklist_load_file(struct blocklist *bl, const char *path)
{
	FILE *f = fopen(path, "r");
	size_t cap = 1 << 16, len = 0;
	char *buf = NULL;
	int rc, saved;

	if (!f)
		return -1;
	for (;;) {
		char *grown;
		size_t got;

		if (cap > (64u << 20)) {
			free(buf);
			fclose(f);
			errno = EFBIG;
			return -1;
		}
		grown = realloc(buf, cap);
		if (!grown) {
			free(buf);
			fclose(f);
			errno = ENOMEM;
			return -1;
		}
		buf = grown;
		got = fread(buf + len, 1, cap - len, f);
		len += got;
		if (len < cap)
			break;
		cap *= 2;
	}
	saved = ferror(f) ? EIO : 0;
	fclose(f);
	if (saved) {
		free(buf);
		errno = saved;
		return -1;
	}
	rc = blocklist_load_buf(bl, buf, len);
	free(buf);
	if (rc < 0)
		errno = ENOMEM;
	return rc;
}

static bool contains(const struct blocklist *bl, const char *name)
{
	size_t lo = 0, hi = bl->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(name, bl->arena + bl->names[mid]);

		if (c == 0)
			return true;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return false;
}

bool blocklist_match(const struct blocklist *bl, const char *name)
{
	const char *p = name;

	if (bl->count == 0)
		return false;
	for (;;) {
		if (contains(bl, p))
			return true;
		p = strchr(p, '.');
		if (!p)
			return false;
		p++;
	}
}
