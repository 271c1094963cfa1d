/* slot headers: what is held back while a payload streams into a slot, and
 * that writing the held bytes last gives exactly the image. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "slot_headers.h"

#define MIB (1u << 20)
#define SLOT (33u * MIB)	/* the model slot: up to and past the kernel header */

static uint32_t rng = 12345;

static uint32_t next_random(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 8;
}

/* Streams image[seg] into disk in random chunks, as install.c does: held
 * runs go to sh, the rest to disk. */
static void stream(struct slot_headers *sh, uint8_t *disk, const uint8_t *image, uint64_t from,
		   uint64_t len)
{
	for (uint64_t at = from; at < from + len;) {
		size_t chunk = 1 + next_random() % (3 * 4096);
		int held;

		if (chunk > from + len - at)
			chunk = (size_t)(from + len - at);
		for (size_t i = 0; i < chunk;) {
			size_t run = slot_headers_take(sh, image + at + i, chunk - i, at + i, &held);

			CHECK(run > 0 && run <= chunk - i);
			if (!held)
				memcpy(disk + at + i, image + at + i, run);
			i += run;
		}
		at += chunk;
	}
}

static int all_zero(const uint8_t *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (p[i])
			return 0;
	return 1;
}

int main(void)
{
	struct slot_headers sh;
	uint8_t *image = malloc(SLOT), *disk = malloc(SLOT), *back = malloc(SLOT);
	int held;

	CHECK(image && disk && back);

	/* the regions of a 40 MiB slot, in the order they are written back */
	slot_headers_init(&sh, 40u * MIB);
	CHECK_EQ_INT(sh.count, 3);
	CHECK(sh.region[0].offset == 0 && sh.region[0].length == 4096);
	CHECK(sh.region[1].offset == 32u * MIB - 1024 && sh.region[1].length == 1024);
	CHECK(sh.region[2].offset == 32u * MIB && sh.region[2].length == 4096);
	CHECK_STR(sh.region[2].name, "kernel header");
	/* ...clipped to a small slot */
	slot_headers_init(&sh, 32u * MIB + 100);
	CHECK(sh.count == 3 && sh.region[2].length == 100);
	slot_headers_init(&sh, 32u * MIB);
	CHECK_EQ_INT(sh.count, 2);
	slot_headers_init(&sh, 2000);
	CHECK(sh.count == 1 && sh.region[0].length == 2000);

	/* runs: a chunk over the info block and the kernel header (adjacent) */
	slot_headers_init(&sh, 40u * MIB);
	memset(image, 7, 12288);
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 12288, 32u * MIB - 2048, &held), 1024);
	CHECK(!held);
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 11264, 32u * MIB - 1024, &held), 1024);
	CHECK(held && sh.held[1][0] == 7 && sh.held[1][1023] == 7);
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 10240, 32u * MIB, &held), 4096);
	CHECK(held && sh.held[2][4095] == 7);
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 6144, 32u * MIB + 4096, &held), 6144);
	CHECK(!held);
	/* ...a run that starts inside a region ends with it */
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 8192, 100, &held), 4096 - 100);
	CHECK(held);
	CHECK_EQ_UINT(slot_headers_take(&sh, image, 8192, 4096, &held), 8192);
	CHECK(!held);

	/* A two-segment image (squashfs; info block + kernel) streamed over a
	 * slot with old bytes and zeroed headers: while streaming, the regions
	 * stay zero on disk; the read-back with the held bytes overlaid is the
	 * image; after the held bytes are written, the disk is the image. */
	for (int round = 0; round < 4; round++) {
		uint64_t sq = 4096u * (1 + next_random() % 512), seg2 = 32u * MIB - 4096;

		for (size_t i = 0; i < SLOT; i++)
			image[i] = (uint8_t)next_random();
		memset(disk, 0xaa, SLOT);
		slot_headers_init(&sh, 40u * MIB);
		for (int r = 0; r < sh.count; r++)
			memset(disk + sh.region[r].offset, 0, sh.region[r].length);
		stream(&sh, disk, image, 0, sq);
		stream(&sh, disk, image, seg2, SLOT - seg2);
		for (int r = 0; r < sh.count; r++) {
			CHECK(all_zero(disk + sh.region[r].offset, sh.region[r].length));
			CHECK_MEM(sh.held[r], sh.region[r].length, image + sh.region[r].offset,
				  sh.region[r].length);
		}
		memcpy(back, disk, SLOT);
		for (uint64_t at = 0; at < SLOT; at += 65536 + 17)
			slot_headers_overlay(&sh, back + at, SLOT - at < 65553 ? SLOT - at : 65553, at);
		CHECK(memcmp(back, image, sq) == 0);
		CHECK(memcmp(back + seg2, image + seg2, SLOT - seg2) == 0);
		CHECK(back[sq] == 0xaa);	/* between the segments: old bytes */
		for (int r = 0; r < sh.count; r++)
			memcpy(disk + sh.region[r].offset, sh.held[r], sh.region[r].length);
		CHECK(memcmp(disk, image, sq) == 0 && memcmp(disk + seg2, image + seg2, SLOT - seg2) == 0);
	}

	/* One 5 MiB segment: the info block and kernel header are not in the
	 * bundle, so they stay zero (not an older image's). */
	slot_headers_init(&sh, 40u * MIB);
	stream(&sh, disk, image, 0, 5u * MIB);
	CHECK(all_zero(sh.held[1], SLOT_INFO_HOLD) && all_zero(sh.held[2], SLOT_KERNEL_HOLD));
	CHECK_MEM(sh.held[0], 4096, image, 4096);
	free(image);
	free(disk);
	free(back);
	return check_done();
}
