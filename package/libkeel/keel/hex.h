/*
 * keel/hex.h - hex digits and MAC addresses, as every parser reads them.
 */
#ifndef KEEL_HEX_H
#define KEEL_HEX_H

#include <stddef.h>
#include <stdint.h>

/* 0-15 for [0-9a-fA-F], else -1. */
int hex_digit(char c);

/* Exactly "xx:xx:xx:xx:xx:xx" (either case) in s[0..len). Pure. Returns 0
 * with mac filled, or -1 (mac untouched). */
int mac_parse(const char *s, size_t len, uint8_t mac[6]);

#endif /* KEEL_HEX_H */
