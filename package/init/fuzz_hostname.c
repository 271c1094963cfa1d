/* libFuzzer target: /etc/hostname parsing must never read out of bounds, and
 * whatever it accepts must be a valid hostname. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hostname.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[HOSTNAME_MAX + 1];
	size_t bad = 0;
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (hostname_parse(buf, size, name, &bad) == HOSTNAME_OK) {
		size_t len = strlen(name);

		if (len == 0 || len > HOSTNAME_MAX || name[0] == '-' ||
		    name[len - 1] == '-' ||
		    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") != len)
			abort();
	} else if (bad > size) {
		abort();
	}
	free(buf);
	return 0;
}
