/*
 * data.h - the persistent data partition on /data (config, SSH host keys,
 * DHCP lease checkpoint): checked with e2fsck -p and mounted at boot, its
 * file system (ext4 with a journal) made when the partition is blank or
 * beyond repair, RAM instead when there is no partition.
 */
#ifndef KEEL_INIT_DATA_H
#define KEEL_INIT_DATA_H

#include <stddef.h>
#include <stdint.h>

/* No keel.data=: partition 4 of the disk the root (slot 2 or 3) is on. */
#define DATA_DEVICE_DEFAULT ""
#define DATA_PARTITION 4
#define DATA_MOUNTPOINT "/data"
#define DATA_DEVICE_MAX 64

/* Pure: the value of keel.data=DEV on a kernel command line (buf, len), or
 * "" when absent (the root's disk's partition 4, found at boot).
 * "keel.data=none" means no data partition. */
void data_device_from_cmdline(const char *buf, size_t len,
			      char out[DATA_DEVICE_MAX]);

/* Pure: whether the 1024 bytes at offset 1024 of a partition hold an
 * ext2/3/4 superblock (magic 0xEF53 and a sane block size). */
int data_has_ext_superblock(const uint8_t *sb, size_t len);

/* Pure: whether that superblock says the file system was cleanly
 * unmounted: state valid, no error recorded, no journal to replay. After a
 * power cut it is not, and e2fsck's exit 1 then mostly means routine
 * recovery (journal replayed, marked clean), not damage found. */
int data_sb_clean(const uint8_t *sb, size_t len);

/* What e2fsck -p's result means for the data partition. */
enum data_fsck_verdict {
	DATA_FSCK_CLEAN,	/* exit 0: mount it */
	DATA_FSCK_RECOVERED,	/* exit 0 or 1 after an unclean shutdown
				 * (journal replayed): mount */
	DATA_FSCK_REPAIRED,	/* exit 1 on a clean one: damage found and
				 * fixed; mount, and say so */
	DATA_FSCK_REBOOT,	/* exit 2: fixed, reboot advised; mount anyway */
	DATA_FSCK_UNCHECKED,	/* e2fsck could not do its job (8, 16, 32, 128,
				 * exec failed): mount as it is; a failed mount
				 * recreates it */
	DATA_FSCK_BROKEN,	/* exit 4 (uncorrected errors), crashed or timed
				 * out: make a new file system */
};

/* Pure: the verdict for run_bounded()'s result: a wait status, or -1 with
 * err (ETIMEDOUT: killed at the deadline); was_clean is data_sb_clean()
 * of the superblock before the check. */
enum data_fsck_verdict data_fsck_verdict(int status, int err, int was_clean);

struct init;
struct step_report;
void data_step(struct init *init, struct step_report *report);
/* At shutdown, after every process is gone: unmount /data so the next
 * boot finds it clean (its journal replayed), or at least remount it
 * read-only when something still holds it. */
void data_teardown(void);

#endif
