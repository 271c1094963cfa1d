/*
 * data.h - the persistent data partition on /data (config, SSH host keys,
 * DHCP lease checkpoint): mounted at boot, its file system made when the
 * partition is blank or damaged, RAM instead when there is no partition.
 */
#ifndef KEEL_INIT_DATA_H
#define KEEL_INIT_DATA_H

#include <stddef.h>
#include <stdint.h>

#define DATA_DEVICE_DEFAULT "/dev/vda4"
#define DATA_MOUNTPOINT "/data"
#define DATA_DEVICE_MAX 64

/* Pure: the value of keel.data=DEV on a kernel command line (buf, len), or
 * the default when absent. "keel.data=none" means no data partition. */
void data_device_from_cmdline(const char *buf, size_t len,
			      char out[DATA_DEVICE_MAX]);

/* Pure: whether the 1024 bytes at offset 1024 of a partition hold an
 * ext2/3/4 superblock (magic 0xEF53 and a sane block size). */
int data_has_ext_superblock(const uint8_t *sb, size_t len);

struct init;
struct step_report;
void data_step(struct init *init, struct step_report *report);

#endif
