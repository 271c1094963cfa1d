/* bootdisk.h - default devices from the running root (bootdisk.c). */
#ifndef KEEL_UPGRADE_BOOTDISK_H
#define KEEL_UPGRADE_BOOTDISK_H

#include <stddef.h>

#include "options.h"

/* Fills o->disk and (with NEED_SLOTS, for an install) o->slot_path[] left
 * NULL by the flags: the root's disk and its partitions 2 and 3. 0, or -1
 * with ERR. */
int bootdisk_defaults(struct options *o, int need_slots, char *err,
		      size_t errlen);

#endif
