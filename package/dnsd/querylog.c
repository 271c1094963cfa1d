/*
 * querylog.c - format and rate-limit query log lines.
 */
#include <stdio.h>

#include "querylog.h"

void querylog_init(struct querylog *ql, bool enabled, uint32_t count,
		   uint32_t per_seconds)
{
	ql->enabled = enabled;
	ql->count = count;
	ql->per_seconds = per_seconds ? per_seconds : 1;
	ql->started = false;
	ql->window_ms = 0;
	ql->in_window = 0;
	ql->suppressed = 0;
	ql->suppressed_total = 0;
}

bool querylog_admit(struct querylog *ql, uint64_t now_ms,
		    uint64_t *suppressed)
{
	*suppressed = 0;
	if (!ql->enabled)
		return false;
	if (ql->count == 0)
		return true;
	/* The first line, a period over (or a clock gone back): a new
	 * period starts now. */
	if (!ql->started || now_ms < ql->window_ms ||
	    now_ms - ql->window_ms >= (uint64_t)ql->per_seconds * 1000) {
		ql->started = true;
		ql->window_ms = now_ms;
		ql->in_window = 0;
	}
	if (ql->in_window >= ql->count) {
		ql->suppressed++;
		ql->suppressed_total++;
		return false;
	}
	ql->in_window++;
	*suppressed = ql->suppressed;
	ql->suppressed = 0;
	return true;
}

const char *query_source_name(enum query_source src)
{
	switch (src) {
	case QSRC_CACHED: return "cached";
	case QSRC_FORWARDED: return "forwarded";
	case QSRC_BLOCKED: return "blocked";
	case QSRC_LOCAL: return "local";
	case QSRC_LIMITED: return "limited";
	case QSRC_FAILED: return "failed";
	}
	return "?";
}

size_t querylog_format(char *buf, size_t cap, const char *client,
		       const char *name, const char *type, const char *rcode,
		       enum query_source src, const char *answers,
		       uint64_t suppressed)
{
	int n;

	if (cap == 0)
		return 0;
	n = snprintf(buf, cap, "query %s %s %s %s %s%s%s", client, name, type,
		     rcode, query_source_name(src), answers[0] ? ": " : "",
		     answers);
	if (n >= 0 && (size_t)n < cap && suppressed)
		n += snprintf(buf + n, cap - (size_t)n,
			      " (%llu lines suppressed)",
			      (unsigned long long)suppressed);
	if (n < 0)
		return 0;
	return (size_t)n < cap ? (size_t)n : cap - 1;
}
