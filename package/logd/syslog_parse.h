/*
 * syslog_parse.h - syslog datagrams (RFC 3164 and RFC 5424) and /dev/kmsg
 * records into struct log_msg. Pure: no I/O, no clock, no globals.
 */
#ifndef LOGD_SYSLOG_PARSE_H
#define LOGD_SYSLOG_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "logmsg.h"

/*
 * One syslog message of n bytes. "<PRI>1 " starts RFC 5424 (timestamp
 * kept in time_us); anything else is read as RFC 3164 / syslog(3) output:
 * optional "<PRI>", optional "Mmm dd hh:mm:ss " (dropped: it has no year
 * or zone, the caller stamps the receive time), optional host, then
 * "tag[pid]: text". Trailing newlines and NULs are dropped. Returns 0, or
 * -1 if nothing is left to log.
 */
int syslog_parse(const char *buf, size_t n, struct log_msg *out);

/*
 * One /dev/kmsg record: "pri,seq,usec,flags[,..];text\n[ KEY=VAL\n]...".
 * time_us = boot_wall_us + usec (the caller knows when the system booted
 * by the wall clock); *seq gets the kernel's sequence number, so the
 * caller can count records the kernel overwrote. prog is "kernel".
 * Returns 0 or -1 if the record is malformed.
 */
int kmsg_parse(const char *buf, size_t n, uint64_t boot_wall_us,
	       struct log_msg *out, uint64_t *seq);

/* RFC 3339 "2026-11-23T13:50:01.123456Z" / "+01:00" to µs since 1970.
 * Returns 0 or -1. */
int rfc3339_parse(const char *p, size_t n, uint64_t *us);

#endif /* LOGD_SYSLOG_PARSE_H */
