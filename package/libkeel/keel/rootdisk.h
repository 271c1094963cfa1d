/*
 * keel/rootdisk.h - the disk Keel booted from, found from the mounted root
 * rather than named (/dev/vda, /dev/sda, /dev/nvme0n1, /dev/mmcblk0 alike):
 * the slots are its partitions 2 and 3, the data partition its 4.
 */
#ifndef KEEL_ROOTDISK_H
#define KEEL_ROOTDISK_H

#include <stddef.h>

#define ROOTDISK_NAME_MAX 32	/* a kernel block device name, with room */

/* Partition PART of DISK as the kernel names it: "vda" 4 -> "vda4",
 * "nvme0n1" 4 -> "nvme0n1p4" (a name ending in a digit takes a "p").
 * 0, or -1 if it does not fit in N or DISK is not a plain name. */
int rootdisk_part_name(const char *disk, unsigned part, char *out, size_t n);

/* The disk's name from the target of /sys/dev/block/MAJ:MIN for a
 * partition (".../block/vda/vda2" -> "vda", ".../nvme0n1/nvme0n1p2" ->
 * "nvme0n1"): the directory above the partition's own, whose name the
 * partition's extends. 0, or -1 if LINK is not shaped so. */
int rootdisk_from_link(const char *link, char *disk, size_t n);

/* The disk holding the root file system and the root's partition number,
 * from stat("/") and sysfs (SYSFS, normally "/sys"). -1 with ERR when the
 * root is not a partition of a disk (a whole-disk or RAM root). */
int rootdisk_find(const char *sysfs, char disk[ROOTDISK_NAME_MAX],
		  unsigned *part, char *err, size_t errlen);

/* "/dev/NAME" of partition PART of the boot disk (PART 0: the disk
 * itself), but only when the root is a slot (partition 2 or 3), so
 * nothing is ever written to a disk Keel did not boot from. 0, or -1 with
 * ERR naming why. */
int rootdisk_slot_device(const char *sysfs, unsigned part, char *out,
			 size_t n, char *err, size_t errlen);

#endif
