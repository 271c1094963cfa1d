/* libFuzzer target: slot_segments() reads a build input of any shape. It
 * must stay in bounds, and its answer must be safe to install: 1 or 2
 * sorted, non-empty segments inside the image, and every byte they leave
 * out is zero and lies after the squashfs (never a byte that is read). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slot_segments.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bundle_segment seg[BUNDLE_SEGMENTS_MAX];
	uint8_t *img = malloc(size ? size : 1);
	uint64_t at = 0, used = 0;
	uint32_t n = 0;

	if (!img)
		return 0;
	memcpy(img, data, size);
	if (slot_segments(img, size, seg, &n) != 0) {
		if (size != 0)
			abort();
		free(img);
		return 0;
	}
	if (n == 0 || n > BUNDLE_SEGMENTS_MAX || seg[0].offset != 0)
		abort();
	if (size >= 48)
		for (int i = 7; i >= 0; i--)
			used = used << 8 | img[40 + i];
	for (uint32_t i = 0; i < n; i++) {
		if (seg[i].length == 0 || seg[i].offset < at || seg[i].offset > size ||
		    seg[i].length > size - seg[i].offset)
			abort();
		for (uint64_t b = at; b < seg[i].offset; b++)
			if (img[b] != 0 || b < used)
				abort();
		at = seg[i].offset + seg[i].length;
	}
	for (uint64_t b = at; b < size; b++)
		if (img[b] != 0 || b < used)
			abort();
	free(img);
	return 0;
}
