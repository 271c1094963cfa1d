/*
 * slot_segments.h - which parts of a slot image a bundle must carry.
 */
#ifndef KEEL_BUNDLE_SLOT_SEGMENTS_H
#define KEEL_BUNDLE_SLOT_SEGMENTS_H

#include <stdint.h>

#include "keel/bundle.h"

/* Granularity of the zero gap, and the shortest gap worth a segment. */
#define SLOT_BLOCK	4096u
#define SLOT_GAP_MIN	(64u * 1024)

/*
 * Splits the slot image img (size bytes, docs/ab-layout.md) into the
 * segments a bundle carries: everything but the zero run that follows the
 * squashfs at offset 0. Only that run may be left out: the squashfs says
 * where it ends (bytes_used in its superblock) and everything after the
 * run (slot info block, kernel) is read, so leaving out any other zero run
 * would leave the slot's old bytes where the new image has zeros. An image
 * that is not a squashfs at 0, or whose run is shorter than SLOT_GAP_MIN,
 * is one segment: all of it. Pure. Returns 0, or -1 for an empty image.
 */
int slot_segments(const uint8_t *img, uint64_t size,
		  struct bundle_segment seg[BUNDLE_SEGMENTS_MAX], uint32_t *count);

#endif /* KEEL_BUNDLE_SLOT_SEGMENTS_H */
