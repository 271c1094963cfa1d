/*
 * logmsg.h - one parsed log message, as the parsers hand it over: spans
 * point into the caller's buffer, nothing is copied or allocated.
 */
#ifndef LOGD_LOGMSG_H
#define LOGD_LOGMSG_H

#include <stddef.h>
#include <stdint.h>

struct span {
	const char *p;
	size_t n;
};

struct log_msg {
	uint64_t time_us;	/* wall clock, µs since 1970; 0 = not given */
	uint8_t facility;	/* 0..23 (LOG_FAC) */
	uint8_t severity;	/* 0..7 (LOG_EMERG..LOG_DEBUG) */
	int32_t pid;		/* -1: none */
	struct span host;	/* n == 0: not given (local sender) */
	struct span prog;
	struct span text;
};

/* Longest program name and host kept; longer ones are cut. */
#define LOGMSG_PROG_MAX	32
#define LOGMSG_HOST_MAX	64
/* Longest text kept; longer messages are cut (syslog(3) senders rarely
 * pass 1 KiB, and RFC 5424 requires receivers to take 480 octets). */
#define LOGMSG_TEXT_MAX	1024

#endif /* LOGD_LOGMSG_H */
