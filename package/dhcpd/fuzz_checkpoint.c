/* libFuzzer target: a lease file line, however damaged, must never read out
 * of bounds, and a line it accepts must format back to the same lease. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checkpoint.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct checkpoint_lease l, again;
	char line[CHECKPOINT_LINE_MAX];
	const char *why;
	size_t n;
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (checkpoint_parse_line(buf, size, &l, &why) == 1) {
		n = checkpoint_format_line(&l, line, sizeof(line));
		if (!n || checkpoint_parse_line(line, n - 1, &again, &why) != 1 ||
		    memcmp(&l, &again, sizeof(l)) != 0)
			abort();
	}
	free(buf);
	return 0;
}
