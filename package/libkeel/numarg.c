/*
 * numarg.c - parse counts and sizes given as daemon flags.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

#include "keel/numarg.h"

int parse_size(const char *text, size_t *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(text, &end, 10);
	if (errno || end == text || text[0] == '-')
		return -1;
	if (*end == 'k' || *end == 'K')
		v <<= 10, end++;
	else if (*end == 'm' || *end == 'M')
		v <<= 20, end++;
	if (*end || v > SIZE_MAX / 2 || v > (1ull << 40))
		return -1;
	*out = (size_t)v;
	return 0;
}

int parse_u32(const char *text, uint32_t max, uint32_t *out)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(text, &end, 10);
	if (errno || end == text || *end || text[0] == '-' || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}
