/* libFuzzer target: a solicitation from the LAN must never make rs_parse
 * read out of bounds, and one it accepts must have well-formed options.
 * The first input byte picks the hop limit and whether the source is ::. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ra_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int hops[4] = { 255, -1, 64, 254 };
	struct rs_msg m;
	enum rs_error e;
	uint8_t *buf;

	if (!size)
		return 0;
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	buf = malloc(size - 1 ? size - 1 : 1);
	if (!buf)
		return 0;
	memcpy(buf, data + 1, size - 1);
	e = rs_parse(buf, size - 1, hops[data[0] & 3], data[0] >> 7, &m);
	if (e == RS_OK && (size - 1 < 8 || buf[0] != 133 || buf[1] != 0 ||
			   nd_options_check(buf, size - 1, 8) < 0 ||
			   (m.has_sllao && (data[0] >> 7))))
		abort();
	if (!*rs_error_name(e))
		abort();
	free(buf);
	return 0;
}
