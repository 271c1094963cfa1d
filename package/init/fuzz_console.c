/* libFuzzer target: the console-name parser must stay in bounds and only
 * accept names that are safe to put after "/dev/". */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "console.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char name[CONSOLE_NAME_MAX + 1];
	char *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (console_parse_active(buf, size, name) == NULL) {
		size_t len = strlen(name);

		if (len == 0 || len > CONSOLE_NAME_MAX ||
		    strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != len)
			abort();
	}
	free(buf);
	return 0;
}
