/*
 * bootdisk.c - the devices keel-upgrade writes, when not named by flags:
 * the disk the running root is on and its partitions 2 and 3, whatever
 * the kernel calls them (vda, sda, nvme0n1, mmcblk0), and however many
 * other disks are attached.
 */
#include <stdio.h>

#include "bootdisk.h"
#include "keel/rootdisk.h"

int bootdisk_defaults(struct options *o, int need_slots, char *err,
		      size_t errlen)
{
	static char dev[3][ROOTDISK_NAME_MAX + 8];	/* disk, A, B */
	const char **want[3] = { &o->disk, &o->slot_path[0], &o->slot_path[1] };
	char why[160];

	for (unsigned i = 0; i < (need_slots ? 3u : 1u); i++) {
		if (*want[i])
			continue;
		if (rootdisk_slot_device("/sys", i ? i + 1 : 0, dev[i],
					 sizeof(dev[i]), why, sizeof(why)) < 0) {
			snprintf(err, errlen, "cannot tell the boot disk (%s): "
				 "name it with --disk, --slot-a and --slot-b", why);
			return -1;
		}
		*want[i] = dev[i];
	}
	return 0;
}
