/*
 * querylog.h - one log line per query, rate limited.
 *
 * A flood must not turn into a log flood (or flash wear through syslog):
 * at most `count` lines per `per_seconds` (20/s, 30/m, as keel.conf writes
 * it) are written, the rest are counted and the count is reported on the
 * next line that gets through. count 0 writes every line.
 */
#ifndef DNSD_QUERYLOG_H
#define DNSD_QUERYLOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum query_source {
	QSRC_CACHED, QSRC_FORWARDED, QSRC_BLOCKED, QSRC_LOCAL,
	QSRC_LIMITED, QSRC_FAILED,
};

struct querylog {
	bool enabled;
	uint32_t count, per_seconds;	/* lines per period; count 0: all */
	bool started;			/* window_ms is set */
	uint64_t window_ms;		/* start of the current period */
	uint32_t in_window;
	uint64_t suppressed;		/* since the last written line */
	uint64_t suppressed_total;
};

/* per_seconds 0 means 1. */
void querylog_init(struct querylog *ql, bool enabled, uint32_t count,
		   uint32_t per_seconds);

/* True if a line may be written now; *suppressed gets the count of lines
 * dropped since the last one written (then reset). */
bool querylog_admit(struct querylog *ql, uint64_t now_ms,
		    uint64_t *suppressed);

const char *query_source_name(enum query_source src);

/* Pure: "client 192.0.2.7 example.com A NOERROR forwarded: A 1.2.3.4". */
size_t querylog_format(char *buf, size_t cap, const char *client,
		       const char *name, const char *type, const char *rcode,
		       enum query_source src, const char *answers,
		       uint64_t suppressed);

#endif /* DNSD_QUERYLOG_H */
