/* slot segments: a mkslot-shaped image gives squashfs + (info block,
 * kernel); only the zero run right after the squashfs is left out, never
 * a zero run inside the squashfs or the kernel. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "slot_segments.h"

#define MIB (1024u * 1024)

/* A fake squashfs of used bytes at 0 (magic, bytes_used, the rest 0xaa). */
static void squashfs(uint8_t *img, uint64_t used)
{
	memset(img, 0xaa, used);
	memcpy(img, "hsqs", 4);
	for (int i = 0; i < 8; i++)
		img[40 + i] = (uint8_t)(used >> (8 * i));
}

int main(void)
{
	uint64_t size = 32 * MIB + 2 * MIB + 512;
	uint8_t *img = calloc(1, size);
	struct bundle_segment seg[BUNDLE_SEGMENTS_MAX];
	uint32_t n;

	CHECK(img != NULL);
	/* The layout of docs/ab-layout.md: squashfs, zeros, info block at
	 * 32 MiB - 1 KiB, kernel at 32 MiB. */
	squashfs(img, 831078);
	memset(img + 32 * MIB - 1024, '#', 1024);
	memset(img + 32 * MIB, 0x55, size - 32 * MIB);
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 2);
	CHECK_EQ_UINT(seg[0].offset, 0);
	CHECK_EQ_UINT(seg[0].length, 831488);		/* rounded up to 4 KiB */
	CHECK_EQ_UINT(seg[1].offset, 32 * MIB - 4096);	/* the info block's block */
	CHECK_EQ_UINT(seg[1].offset + seg[1].length, size);

	/* Zero runs inside the kernel and inside the squashfs are carried:
	 * the slot's old bytes there would be read. */
	memset(img + 33 * MIB, 0, MIB);
	memset(img + 4096, 0, 512 * 1024);
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 2);
	CHECK_EQ_UINT(seg[0].length, 831488);
	CHECK_EQ_UINT(seg[1].offset, 32 * MIB - 4096);

	/* A squashfs ending on a block boundary. */
	squashfs(img, 8192);
	memset(img + 8192, 0, 831488 - 8192);
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(seg[0].length, 8192);
	CHECK_EQ_UINT(n, 2);

	/* A non-zero byte in the gap ends the run there; what follows is
	 * carried, zeros and all. */
	img[20 * MIB + 5] = 1;
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 2);
	CHECK_EQ_UINT(seg[1].offset, 20 * MIB);
	CHECK_EQ_UINT(seg[1].length, size - 20 * MIB);
	img[20 * MIB + 5] = 0;

	/* A gap shorter than SLOT_GAP_MIN is not worth a segment. */
	img[8192 + SLOT_GAP_MIN - 1] = 1;
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(seg[0].length, size);
	img[8192 + SLOT_GAP_MIN - 1] = 0;
	img[8192 + SLOT_GAP_MIN] = 1;
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 2);
	CHECK_EQ_UINT(seg[1].offset, 8192 + SLOT_GAP_MIN);

	/* Only zeros after the squashfs: one segment, the squashfs. */
	memset(img + 8192, 0, size - 8192);
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(seg[0].length, 8192);
	CHECK_EQ_UINT(seg[1].length, 0);
	/* ... also when the image ends in a partial block of zeros. */
	CHECK_EQ_INT(slot_segments(img, 8192 + SLOT_GAP_MIN + 100, seg, &n), 0);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(seg[0].length, 8192);

	/* Not a squashfs, or a bytes_used past the image: carry it all. */
	img[0] = 'x';
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(seg[0].length, size);
	squashfs(img, 8192);
	img[40 + 4] = 1;
	CHECK_EQ_INT(slot_segments(img, size, seg, &n), 0);
	CHECK_EQ_UINT(n, 1);
	CHECK_EQ_UINT(seg[0].length, size);
	CHECK_EQ_INT(slot_segments(img, 40, seg, &n), 0);
	CHECK_EQ_UINT(seg[0].length, 40);
	CHECK_EQ_INT(slot_segments(img, 0, seg, &n), -1);
	free(img);
	return check_done();
}
