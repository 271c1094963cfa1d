/* libFuzzer target: whatever /proc/net/if_inet6 holds, linklocal_find
 * stays inside it and only ever returns a link-local address. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "linklocal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size ? size : 1);
	uint8_t addr[16];

	if (!text)
		return 0;
	memcpy(text, data, size);
	if (linklocal_find(text, size, "eth1", addr) == LINKLOCAL_OK &&
	    (addr[0] != 0xfe || (addr[1] & 0xc0) != 0x80))
		abort();
	free(text);
	return 0;
}
