/* libFuzzer target: the bundle header parser reads untrusted bytes before
 * the signature is checked. It must never read out of bounds, and whatever
 * it accepts must serialize back to the very same bytes (no two byte strings
 * mean one header: the signature covers the bytes, the device acts on the
 * struct). Its segments must be what the device relies on: 1 to
 * BUNDLE_SEGMENTS_MAX, non-empty, sorted, non-overlapping, summing to
 * payload_size. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "keel/bundle.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int segments_sane(const struct bundle_header *h)
{
	uint64_t end = 0, sum = 0;

	if (h->segment_count == 0 || h->segment_count > BUNDLE_SEGMENTS_MAX)
		return 0;
	for (uint32_t i = 0; i < h->segment_count; i++) {
		const struct bundle_segment *s = &h->segment[i];

		if (s->length == 0 || s->offset < end || s->offset + s->length < s->offset)
			return 0;
		end = s->offset + s->length;
		sum += s->length;
	}
	return sum == h->payload_size && bundle_slot_end(h) == end;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_header h;
	uint8_t out[BUNDLE_HEADER_SIZE];
	uint8_t *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (bundle_header_parse(buf, size, &h) == BUNDLE_OK) {
		if (!segments_sane(&h) || bundle_header_serialize(&h, out) != BUNDLE_OK ||
		    memcmp(out, buf, BUNDLE_HEADER_SIZE) != 0)
			abort();
	}
	free(buf);
	return 0;
}
