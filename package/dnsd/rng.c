/*
 * rng.c - buffered getrandom().
 */
#define _GNU_SOURCE	/* getrandom */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

#include "rng.h"

static uint8_t pool[256];
static unsigned pool_left;

int rng_fill(void *buf, unsigned len)
{
	uint8_t *p = buf;

	while (len) {
		ssize_t got = getrandom(p, len, 0);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += got;
		len -= (unsigned)got;
	}
	return 0;
}

static void take(void *out, unsigned len)
{
	if (pool_left < len) {
		/* Predictable IDs would reopen Kaminsky-style poisoning:
		 * a failing kernel generator is not survivable. */
		if (rng_fill(pool, sizeof(pool)) < 0)
			abort();
		pool_left = sizeof(pool);
	}
	memcpy(out, pool + sizeof(pool) - pool_left, len);
	/* Used bytes are wiped, so a later memory leak shows no past IDs. */
	memset(pool + sizeof(pool) - pool_left, 0, len);
	pool_left -= len;
}

uint16_t rng_u16(void)
{
	uint16_t v;

	take(&v, sizeof(v));
	return v;
}

uint64_t rng_u64(void)
{
	uint64_t v;

	take(&v, sizeof(v));
	return v;
}
