/*
 * format.h - records out: busybox-logread-style lines for readers, and
 * RFC 5424 for the remote collector. Pure: the caller's buffer only.
 */
#ifndef LOGD_FORMAT_H
#define LOGD_FORMAT_H

#include <stddef.h>

#include "ring.h"

/* Longest line format_line() or format_5424() produce. */
#define FORMAT_LINE_MAX	(LOGMSG_TEXT_MAX + 256)

/*
 * "Nov 23 13:50:01 host prog[pid]: text\n" in UTC (the router has no time
 * zone of its own). host is used when the record has none (local
 * senders). Control characters become '?', so a sender cannot forge a
 * second line. Returns the length (< size) or 0 if size is too small.
 */
size_t format_line(const struct ring_rec *r, const char *host, char *buf,
		   size_t size);

/*
 * "<PRI>1 2026-11-23T13:50:01.123456Z host prog pid - - text" without a
 * trailing newline; with octet_count, prefixed by "LEN " (RFC 6587 octet
 * counting, for TCP). Returns the length or 0 if size is too small.
 */
size_t format_5424(const struct ring_rec *r, const char *host,
		   int octet_count, char *buf, size_t size);

/* "emerg".."debug" or "0".."7" to a severity; -1 if unknown. */
int severity_from_name(const char *name);

#endif /* LOGD_FORMAT_H */
