/*
 * slot_headers.h - the three places of a slot that make it bootable
 * (docs/ab-layout.md): the squashfs superblock at 0, the slot info block
 * at 32 MiB - 1 KiB and the kernel header at 32 MiB. With them zeroed,
 * GRUB's `linux` and U-Boot's `booti` find no kernel magic and the kernel
 * finds no root filesystem, so the bootloaders' last-resort fallback
 * (step 5) moves on to the next slot.
 *
 * keel-upgrade zeroes them before the first payload byte and holds the
 * bundle's bytes for them in memory while it streams the rest, writing
 * them only after the whole payload verified: a slot is never bootable
 * while it holds bytes that were not checked against the signed hash,
 * whenever the install stops (error, signal, SIGKILL, power cut). Pure:
 * no I/O here.
 */
#ifndef KEEL_UPGRADE_SLOT_HEADERS_H
#define KEEL_UPGRADE_SLOT_HEADERS_H

#include <stddef.h>
#include <stdint.h>

#define SLOT_SQUASHFS_OFFSET	0u
#define SLOT_SQUASHFS_HOLD	4096u			/* superblock and then some */
#define SLOT_INFO_OFFSET	((32u << 20) - 1024u)
#define SLOT_INFO_HOLD		1024u			/* the whole GRUB env block */
#define SLOT_KERNEL_OFFSET	(32u << 20)
#define SLOT_KERNEL_HOLD	4096u			/* bzImage setup header, arm64 Image header */
#define SLOT_HEADERS_MAX	3
#define SLOT_HOLD_MAX		4096u

struct slot_region {
	uint64_t offset;
	uint32_t length;
	const char *name;
};

struct slot_headers {
	int count;
	/* In the order they are made valid again: the kernel header last,
	 * since both bootloaders decide "loadable" on it alone. */
	struct slot_region region[SLOT_HEADERS_MAX];
	/* The bundle's bytes for each region; zeros where no segment covers
	 * it (the slot then keeps the region zeroed, never an older image's
	 * header paired with this image's other parts). */
	uint8_t held[SLOT_HEADERS_MAX][SLOT_HOLD_MAX];
};

/* The regions that lie within a slot of slot_size bytes (clipped at its
 * end), their held bytes zero. */
void slot_headers_init(struct slot_headers *sh, uint64_t slot_size);

/*
 * Splits bytes bound for the slot at off: returns the length of the run
 * that starts at p[0] (1..n for n > 0) and sets *held. A held run lies in
 * a region and was copied into sh->held; the caller writes any other run
 * to the slot itself.
 */
size_t slot_headers_take(struct slot_headers *sh, const uint8_t *p, size_t n, uint64_t off,
			 int *held);

/* Replaces the bytes of p (read from the slot at off) that lie in a region
 * with the held ones: what the slot will read once the headers are written. */
void slot_headers_overlay(const struct slot_headers *sh, uint8_t *p, size_t n, uint64_t off);

#endif /* KEEL_UPGRADE_SLOT_HEADERS_H */
