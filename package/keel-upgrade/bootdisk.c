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
	static char disk[ROOTDISK_NAME_MAX + 5], slot[2][ROOTDISK_NAME_MAX + 8];
	char name[ROOTDISK_NAME_MAX], why[160], part_name[ROOTDISK_NAME_MAX];
	unsigned part;

	if (o->disk && (!need_slots || (o->slot_path[0] && o->slot_path[1])))
		return 0;
	if (rootdisk_find("/sys", name, &part, why, sizeof(why)) < 0) {
		snprintf(err, errlen, "cannot tell the boot disk (%s): name it "
			 "with --disk, --slot-a and --slot-b", why);
		return -1;
	}
	if (part != 2 && part != 3) {
		snprintf(err, errlen, "the root is partition %u of %s, not a "
			 "slot (2 or 3): name the devices with --disk, --slot-a "
			 "and --slot-b", part, name);
		return -1;
	}
	snprintf(disk, sizeof(disk), "/dev/%s", name);
	for (unsigned i = 0; i < 2; i++) {
		if (rootdisk_part_name(name, 2 + i, part_name, sizeof(part_name)) < 0) {
			snprintf(err, errlen, "%s: no name for its partition %u",
				 name, 2 + i);
			return -1;
		}
		snprintf(slot[i], sizeof(slot[i]), "/dev/%s", part_name);
	}
	if (!o->disk)
		o->disk = disk;
	for (unsigned i = 0; i < 2; i++)
		if (!o->slot_path[i])
			o->slot_path[i] = slot[i];
	return 0;
}
