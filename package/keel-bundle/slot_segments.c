/*
 * slot_segments.c - the slot image minus its zero gap: the squashfs (as
 * long as its superblock says, rounded up to a block), then from the first
 * non-zero block after it to the end (slot info block and kernel).
 */
#include <string.h>

#include "slot_segments.h"

/* squashfs 4.0 superblock: "hsqs", then bytes_used at 40, little-endian. */
#define SQUASHFS_MAGIC		"hsqs"
#define SQUASHFS_BYTES_USED	40u
#define SQUASHFS_SUPER_MIN	48u

static uint64_t get_le64(const uint8_t *p)
{
	uint64_t v = 0;

	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static int all_zero(const uint8_t *p, uint64_t n)
{
	for (uint64_t i = 0; i < n; i++)
		if (p[i] != 0)
			return 0;
	return 1;
}

/* Where the zero run starting at the block-aligned start ends: the first
 * block (or last partial block) that holds a non-zero byte, or size. */
static uint64_t zero_run_end(const uint8_t *img, uint64_t size, uint64_t start)
{
	uint64_t end = start;

	while (end < size) {
		uint64_t n = size - end < SLOT_BLOCK ? size - end : SLOT_BLOCK;

		if (!all_zero(img + end, n))
			break;
		end += n;
	}
	return end;
}

int slot_segments(const uint8_t *img, uint64_t size,
		  struct bundle_segment seg[BUNDLE_SEGMENTS_MAX], uint32_t *count)
{
	uint64_t used, gap_start, gap_end;

	if (size == 0)
		return -1;
	memset(seg, 0, BUNDLE_SEGMENTS_MAX * sizeof(*seg));
	seg[0] = (struct bundle_segment){ 0, size };
	*count = 1;
	if (size < SQUASHFS_SUPER_MIN || memcmp(img, SQUASHFS_MAGIC, 4) != 0)
		return 0;
	used = get_le64(img + SQUASHFS_BYTES_USED);
	if (used == 0 || used > size)
		return 0;	/* not a squashfs we understand: carry it all */
	gap_start = (used + SLOT_BLOCK - 1) / SLOT_BLOCK * SLOT_BLOCK;
	if (gap_start >= size)
		return 0;
	gap_end = zero_run_end(img, size, gap_start);
	if (gap_end - gap_start < SLOT_GAP_MIN)
		return 0;
	seg[0].length = gap_start;
	if (gap_end < size) {
		seg[1] = (struct bundle_segment){ gap_end, size - gap_end };
		*count = 2;
	}
	return 0;
}
