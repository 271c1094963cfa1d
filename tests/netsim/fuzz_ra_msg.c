/* libFuzzer target: the RA parser, through the `ra-log` ring and its text
 * (which must always fit RA_LOG_TEXT_MAX). Each input goes in as it is and
 * once more with its ICMPv6 checksum made right, so mutations get past the
 * checksum to the options. */
#include <string.h>

#include "bytes.h"
#include "ra_log.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fix_checksum(uint8_t *f, size_t n)
{
	size_t len;
	uint32_t s;

	if (n < 58 || (len = get16(f + 18)) > n - 54)
		return;
	s = 58 + (uint32_t)len;
	f[56] = f[57] = 0;
	for (size_t i = 22; i < 54; i += 2)
		s += get16(f + i);
	for (size_t i = 0; i < len; i += 2)
		s += (uint32_t)f[54 + i] << 8 | (i + 1 < len ? f[55 + i] : 0);
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	put16(f + 56, (uint16_t)~s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct ra_log log;
	static char text[RA_LOG_TEXT_MAX];
	static uint8_t copy[2048];

	ra_log_frame(&log, (uint32_t)size, data, size);
	if (size <= sizeof(copy)) {
		memcpy(copy, data, size);
		fix_checksum(copy, size);
		ra_log_frame(&log, (uint32_t)size, copy, size);
	}
	if (ra_log_format(&log, text, sizeof(text)) < 0)
		__builtin_trap();
	return 0;
}
