/*
 * keel/numarg.h - numbers in daemon flags: plain counts and sizes.
 */
#ifndef KEEL_NUMARG_H
#define KEEL_NUMARG_H

#include <stddef.h>
#include <stdint.h>

/* Pure: "1048576", "512k", "4m" (at most 1 TiB and SIZE_MAX / 2).
 * Returns 0, or -1 for anything else. */
int parse_size(const char *text, size_t *out);

/* Pure: a decimal 0..max, nothing after it. Returns 0 or -1. */
int parse_u32(const char *text, uint32_t max, uint32_t *out);

#endif /* KEEL_NUMARG_H */
