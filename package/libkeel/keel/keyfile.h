/*
 * keel/keyfile.h - keys stored as one line of hex (bundle signing keys:
 * /etc/keel/bundle.pub and the build machine's secret seed).
 */
#ifndef KEEL_KEYFILE_H
#define KEEL_KEYFILE_H

#include <stddef.h>
#include <stdint.h>

/* Exactly 2 * key_len hex digits, optionally surrounded by blanks and line
 * ends (nothing else, so a wrong kind of key is refused rather than read
 * in part). Pure. Returns 0 with key filled, or -1 (key untouched). */
int keyfile_parse(const char *buf, size_t n, uint8_t *key, size_t key_len);

/* Lower-case hex of len bytes plus a NUL: out holds 2 * len + 1. */
void hex_encode(const uint8_t *p, size_t len, char *out);

#endif /* KEEL_KEYFILE_H */
