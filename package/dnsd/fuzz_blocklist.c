/*
 * fuzz_blocklist.c - libFuzzer target: the blocklist line parser and the
 * whole-file loader, then lookups of names taken from the same input.
 */
#include <stdint.h>
#include <string.h>

#include "blocklist.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct blocklist bl = { 0 };
	char name[BLOCKLIST_NAME_MAX + 1];
	size_t i;

	if (blocklist_parse_line((const char *)data, size, name) > 0 &&
	    strlen(name) > BLOCKLIST_NAME_MAX)
		__builtin_trap();
	if (blocklist_load_buf(&bl, (const char *)data, size) < 0)
		return 0;
	for (i = 0; i < bl.count; i++) {
		const char *listed = bl.arena + bl.names[i];

		/* Everything loaded must be found again. */
		if (!blocklist_match(&bl, listed))
			__builtin_trap();
		if (i > 0 && strcmp(bl.arena + bl.names[i - 1], listed) >= 0)
			__builtin_trap();
	}
	blocklist_free(&bl);
	return 0;
}
