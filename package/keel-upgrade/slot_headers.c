/*
 * slot_headers.c - which bytes of a slot are held back until the payload
 * verified (slot_headers.h).
 */
#include <string.h>

#include "slot_headers.h"

void slot_headers_init(struct slot_headers *sh, uint64_t slot_size)
{
	static const struct slot_region layout[SLOT_HEADERS_MAX] = {
		{ SLOT_SQUASHFS_OFFSET, SLOT_SQUASHFS_HOLD, "squashfs superblock" },
		{ SLOT_INFO_OFFSET, SLOT_INFO_HOLD, "slot info block" },
		{ SLOT_KERNEL_OFFSET, SLOT_KERNEL_HOLD, "kernel header" },
	};

	memset(sh, 0, sizeof(*sh));
	for (int i = 0; i < SLOT_HEADERS_MAX; i++) {
		struct slot_region r = layout[i];

		if (r.offset >= slot_size)
			continue;
		if (slot_size - r.offset < r.length)
			r.length = (uint32_t)(slot_size - r.offset);
		sh->region[sh->count++] = r;
	}
}

size_t slot_headers_take(struct slot_headers *sh, const uint8_t *p, size_t n, uint64_t off,
			 int *held)
{
	size_t run = n;

	*held = 0;
	for (int i = 0; i < sh->count; i++) {
		const struct slot_region *r = &sh->region[i];
		uint64_t end = r->offset + r->length;

		if (off >= r->offset && off < end) {
			uint64_t in = end - off;
			size_t len = in < n ? (size_t)in : n;

			memcpy(sh->held[i] + (off - r->offset), p, len);
			*held = 1;
			return len;
		}
		/* A region further on ends the run that is written now. */
		if (r->offset > off && r->offset - off < run)
			run = (size_t)(r->offset - off);
	}
	return run;
}

void slot_headers_overlay(const struct slot_headers *sh, uint8_t *p, size_t n, uint64_t off)
{
	for (int i = 0; i < sh->count; i++) {
		const struct slot_region *r = &sh->region[i];
		uint64_t from = r->offset > off ? r->offset : off;
		uint64_t to = r->offset + r->length;

		if (off + n < to)
			to = off + n;
		if (from < to)
			memcpy(p + (from - off), sh->held[i] + (from - r->offset), (size_t)(to - from));
	}
}
