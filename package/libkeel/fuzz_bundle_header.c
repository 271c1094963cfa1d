/* libFuzzer target: the bundle header parser reads untrusted bytes before
 * the signature is checked. It must never read out of bounds, and whatever
 * it accepts must serialize back to the very same bytes (no two byte strings
 * mean one header: the signature covers the bytes, the device acts on the
 * struct). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keel/bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_header h;
	uint8_t out[BUNDLE_HEADER_SIZE];
	uint8_t *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (bundle_header_parse(buf, size, &h) == BUNDLE_OK) {
		if (bundle_header_serialize(&h, out) != BUNDLE_OK ||
		    memcmp(out, buf, BUNDLE_HEADER_SIZE) != 0)
			abort();
	}
	free(buf);
	return 0;
}
