/* libFuzzer target: slot_headers_take splits any stream of chunks, at any
 * offset, into runs that cover each chunk exactly, held runs wholly inside
 * one region and written runs touching none; overlaying the held bytes
 * gives back what was streamed there and touches nothing else. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "slot_headers.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t pattern(uint64_t off)
{
	return (uint8_t)(off * 2654435761u >> 13);
}

static int in_region(const struct slot_headers *sh, uint64_t from, uint64_t to)
{
	for (int i = 0; i < sh->count; i++)
		if (from >= sh->region[i].offset && to <= sh->region[i].offset + sh->region[i].length)
			return 1;
	return 0;
}

static int touches_region(const struct slot_headers *sh, uint64_t from, uint64_t to)
{
	for (int i = 0; i < sh->count; i++)
		if (from < sh->region[i].offset + sh->region[i].length && to > sh->region[i].offset)
			return 1;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct slot_headers sh;
	static uint8_t buf[10240], back[10240];	/* > info block + kernel header */
	uint64_t slot_size, off;

	if (size < 6)
		return 0;
	/* a slot of up to 40 MiB; offsets near the regions are the interesting ones */
	slot_size = ((uint64_t)data[0] << 18 | (uint64_t)data[1] << 10 | data[2]) % (40u << 20) + 1;
	slot_headers_init(&sh, slot_size);
	off = (uint64_t)(data[3] % 3) * ((32u << 20) - 8192) + ((uint64_t)data[4] << 6);
	for (size_t i = 5; i + 1 < size && i < 5 + 2 * 64 && off < slot_size; i += 2) {
		size_t n = ((size_t)data[i] << 6 | data[i + 1]) % sizeof(buf) + 1, done = 0;
		int held;

		if (n > slot_size - off)
			n = (size_t)(slot_size - off);
		for (size_t k = 0; k < n; k++)
			buf[k] = pattern(off + k);
		while (done < n) {
			size_t run = slot_headers_take(&sh, buf + done, n - done, off + done, &held);

			if (run == 0 || run > n - done)
				abort();
			if (held ? !in_region(&sh, off + done, off + done + run)
				 : touches_region(&sh, off + done, off + done + run))
				abort();
			done += run;
		}
		memset(back, 0, n);
		slot_headers_overlay(&sh, back, n, off);
		/* held bytes come back; no other byte is touched */
		int near = touches_region(&sh, off, off + n);

		for (size_t k = 0; k < n; k++)
			if (back[k] != (near && touches_region(&sh, off + k, off + k + 1) ? buf[k] : 0))
				abort();
		off += n;
	}
	return 0;
}
