/*
 * rng.h - unpredictable numbers for query IDs, source ports and hash
 * seeds, from getrandom() through a small buffer (one syscall per 64
 * queries, not one per query).
 */
#ifndef DNSD_RNG_H
#define DNSD_RNG_H

#include <stdint.h>

/* Returns 0, or -1 if the kernel's generator failed (fatal at start). */
int rng_fill(void *buf, unsigned len);
uint16_t rng_u16(void);
uint64_t rng_u64(void);

#endif /* DNSD_RNG_H */
