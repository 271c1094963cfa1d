/*
 * checkpoint.h - leases saved to a file now and then, read back at start.
 *
 * One lease a line: "MAC ADDR EXPIRES NAME", e.g.
 *   52:54:00:12:34:56 10.99.0.10 1795000000 laptop
 * EXPIRES in seconds since the epoch, NAME "-" when there is none; '#'
 * starts a comment line. A line that fails to parse costs that lease and
 * one log line, never the service (the lesson of Kea CVE-2019-6474).
 */
#ifndef DHCPD_CHECKPOINT_H
#define DHCPD_CHECKPOINT_H

#include <stddef.h>
#include <stdint.h>

#include "lease_db.h"

#define CHECKPOINT_LINE_MAX 160

struct checkpoint_lease {
	uint8_t mac[6];
	uint32_t ip;
	int64_t expires;
	char hostname[LEASE_NAME_MAX + 1];
};

/* Parses one line (without its newline). Returns 1 for a lease, 0 for a
 * blank or comment line, -1 if malformed (with a reason in *why). */
int checkpoint_parse_line(const char *line, size_t len,
			  struct checkpoint_lease *out, const char **why);
/* Formats one line with its newline. Returns its length, or 0. */
size_t checkpoint_format_line(const struct checkpoint_lease *l, char *buf,
			      size_t size);

/* Writes the bound leases atomically. Returns 0, or -1 with errno set. */
int checkpoint_save(const char *path, const struct lease_db *db);

struct checkpoint_stats {
	unsigned loaded, bad, rejected;
};
/* Reads path into db (a missing file is an empty one). Bad lines are
 * logged and skipped. Returns 0, or -1 with errno set if the file exists
 * but cannot be read. */
int checkpoint_load(const char *path, struct lease_db *db,
		    struct checkpoint_stats *stats);

#endif /* DHCPD_CHECKPOINT_H */
