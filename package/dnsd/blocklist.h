/*
 * blocklist.h - names dnsd refuses to resolve, with every subdomain.
 *
 * The list is one arena of lowercased names and a sorted array of offsets
 * into it; a lookup binary-searches the name and then each parent domain,
 * so "ads.example.com" listed also blocks "x.ads.example.com".
 */
#ifndef DNSD_BLOCKLIST_H
#define DNSD_BLOCKLIST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BLOCKLIST_NAME_MAX 253	/* text form, no trailing dot */

struct blocklist {
	char *arena;		/* NUL-terminated names */
	uint32_t *names;	/* offsets into arena, sorted by strcmp */
	size_t count;
	size_t bad_lines;	/* lines that were neither a name nor ignorable */
	size_t duplicates;
};

/*
 * Pure: one line (no newline) to a lowercased name in out (at least
 * BLOCKLIST_NAME_MAX + 1 bytes). Accepts "name", "*.name", "||name^",
 * hosts lines "0.0.0.0 name" / "127.0.0.1 name" / ":: name", and trailing
 * "# comments". Returns the name length, 0 for a blank/comment/ignored
 * line (e.g. "127.0.0.1 localhost"), -1 for a malformed one.
 */
int blocklist_parse_line(const char *line, size_t len, char *out);

/* Builds the list from a whole file's text. Returns 0, or -1 on
 * allocation failure. Replaces any previous contents. */
int blocklist_load_buf(struct blocklist *bl, const char *buf, size_t len);
/* Reads path (at most 64 MiB). Returns 0, or -1 with errno set. */
int blocklist_load_file(struct blocklist *bl, const char *path);
void blocklist_free(struct blocklist *bl);

/* name: lowercase text without trailing dot. */
bool blocklist_match(const struct blocklist *bl, const char *name);

#endif /* DNSD_BLOCKLIST_H */
