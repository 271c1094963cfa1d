/*
 * sysinfo.h - what keel-upgrade learns about the running system from small
 * text files: the running slot (kernel command line) and the board and
 * numeric version (/etc/os-release, /etc/keel/board). Pure parsers.
 */
#ifndef KEEL_UPGRADE_SYSINFO_H
#define KEEL_UPGRADE_SYSINFO_H

#include <stddef.h>
#include <stdint.h>

/* The slot from "keel.slot=A" or "keel.slot=B" among the space-separated
 * words of a kernel command line. Returns 'A', 'B', or 0 (absent/bad). */
char cmdline_slot(const char *buf, size_t n);

/* 1 when the command line carries keel.trial=1 (a trial boot). */
int cmdline_trial(const char *buf, size_t n);

/* The value of KEY=value in an os-release style file (one per line, the
 * value optionally in double quotes). Copies at most out_size - 1 bytes
 * and NUL-terminates. Returns the value's length, or -1 when the key is
 * absent or the value does not fit. */
int kv_lookup(const char *buf, size_t n, const char *key, char *out, size_t out_size);

#endif /* KEEL_UPGRADE_SYSINFO_H */
