/*
 * slots_db.c - the advisory record of what each slot holds.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "keel/atomic_file.h"
#include "keel/file.h"
#include "slots_db.h"

static const char *const status_names[SLOT_STATUS_COUNT] = {
	"unknown", "writing", "garbage", "verified", "invalid"
};

const char *slot_status_name(enum slot_status s)
{
	return (unsigned)s < SLOT_STATUS_COUNT ? status_names[s] : "unknown";
}

/* Next space-separated word of line[*pos..len). */
static const char *word(const char *line, size_t len, size_t *pos, size_t *wlen)
{
	while (*pos < len && line[*pos] == ' ')
		(*pos)++;
	size_t start = *pos;

	while (*pos < len && line[*pos] != ' ')
		(*pos)++;
	*wlen = *pos - start;
	return *wlen ? line + start : NULL;
}

static void parse_line(const char *line, size_t len, struct slots_db *db)
{
	struct slot_record r;
	size_t pos = 0, wl[4], extra;
	const char *w[4];
	char num[24];
	char *end;

	for (int i = 0; i < 4; i++)
		if (!(w[i] = word(line, len, &pos, &wl[i])))
			return;
	if (word(line, len, &pos, &extra) || wl[0] != 1 || (w[0][0] != 'A' && w[0][0] != 'B'))
		return;
	memset(&r, 0, sizeof(r));
	r.status = SLOT_UNKNOWN;
	for (int s = SLOT_WRITING; s < SLOT_STATUS_COUNT; s++)
		if (strlen(status_names[s]) == wl[1] && memcmp(status_names[s], w[1], wl[1]) == 0)
			r.status = (enum slot_status)s;
	if (r.status == SLOT_UNKNOWN || wl[2] >= sizeof(num) || wl[3] >= sizeof(r.version))
		return;
	memcpy(num, w[2], wl[2]);
	num[wl[2]] = 0;
	if (num[0] < '0' || num[0] > '9')
		return;
	r.version_number = strtoull(num, &end, 10);
	if (*end)
		return;
	memcpy(r.version, w[3], wl[3]);
	db->slot[w[0][0] == 'B'] = r;
}

void slots_db_parse(const char *buf, size_t n, struct slots_db *db)
{
	size_t pos = 0;

	memset(db, 0, sizeof(*db));
	while (pos < n) {
		const char *line = buf + pos;
		const char *nl = memchr(line, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - line) : n - pos;

		parse_line(line, len, db);
		pos += len + 1;
	}
}

int slots_db_format(const struct slots_db *db, char *out, size_t out_size)
{
	size_t used = 0;

	for (int i = 0; i < 2; i++) {
		const struct slot_record *r = &db->slot[i];

		if (r->status == SLOT_UNKNOWN)
			continue;
		int n = snprintf(out + used, out_size - used, "%c %s %llu %s\n", "AB"[i],
				 slot_status_name(r->status), (unsigned long long)r->version_number,
				 r->version[0] ? r->version : "-");

		if (n < 0 || (size_t)n >= out_size - used)
			return -1;
		used += (size_t)n;
	}
	return (int)used;
}

void slots_db_load(const char *path, struct slots_db *db)
{
	char buf[512];
	int truncated;
	ssize_t n = file_read(path, buf, sizeof(buf), &truncated);

	slots_db_parse(buf, n > 0 ? (size_t)n : 0, db);
}

/* mkdir -p of the file's directory (/data/keel on first use). */
static void make_parent(const char *path)
{
	char dir[256];
	size_t len = strlen(path);

	if (len >= sizeof(dir))
		return;
	memcpy(dir, path, len + 1);
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = 0;
		mkdir(dir, 0755);
		*p = '/';
	}
}

int slots_db_save(const char *path, const struct slots_db *db)
{
	struct atomic_file f;
	char text[256];
	int len = slots_db_format(db, text, sizeof(text));

	if (len < 0) {
		errno = EOVERFLOW;
		return -1;
	}
	make_parent(path);
	if (atomic_open(&f, path, 0644) != 0)
		return -1;
	atomic_write(&f, text, (size_t)len);
	return atomic_commit(&f);
}
