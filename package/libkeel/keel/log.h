/*
 * keel/log.h - one log line per call, "prog: message", to the sinks a daemon
 * picked with log_init().
 *
 * Priorities are syslog's (LOG_ERR, LOG_WARNING, LOG_INFO, ...): they are also
 * the "<N>" prefix /dev/kmsg expects, and what a syslog sink will send.
 */
#ifndef KEEL_LOG_H
#define KEEL_LOG_H

#include <stdarg.h>
#include <stddef.h>
#include <syslog.h>

/* Sinks for log_init(); combine with |. */
#define KEEL_LOG_STDERR	0x1u	/* "prog: message\n" on fd 2 */
#define KEEL_LOG_KMSG	0x2u	/* "<N>prog: message\n" to /dev/kmsg, opened on
				 * first use; while it cannot be opened (early
				 * boot, before /dev) lines go to stderr instead */
/* A syslog sink (datagram to /dev/log) belongs here once syslogd exists. */

/* Longest record written, prefix and newline included; longer messages are
 * cut and end in "...". */
#define KEEL_LOG_LINE_MAX 512

void log_init(const char *prog, unsigned sinks);

__attribute__((format(printf, 1, 2))) void logx(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void logx_warn(const char *fmt, ...);
__attribute__((format(printf, 1, 2))) void logx_err(const char *fmt, ...);
__attribute__((format(printf, 2, 3)))
void logx_prio(int prio, const char *fmt, ...);
__attribute__((format(printf, 2, 0)))
void vlogx_prio(int prio, const char *fmt, va_list ap);

/*
 * Formats one record, "<prio>prog: message\n", into buf (no I/O). The stderr
 * form starts at *text_off. Control characters in the message become '?', so
 * a hostile string cannot forge extra lines; a trailing newline in fmt is
 * dropped since one is always added. Returns the record length (not counting
 * the terminating NUL), or 0 if size is too small to hold any record.
 */
__attribute__((format(printf, 6, 0)))
size_t log_format(char *buf, size_t size, int prio, const char *prog,
		  size_t *text_off, const char *fmt, va_list ap);

#endif /* KEEL_LOG_H */
