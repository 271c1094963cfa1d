/*
 * mounts.h - the filesystems init mounts at boot and takes down at shutdown.
 */
#ifndef KEEL_INIT_MOUNTS_H
#define KEEL_INIT_MOUNTS_H

#include <stdbool.h>
#include <stddef.h>

/* tmpfs size limits in MiB, overridable at build time (-DKEEL_..._MIB=n):
 * tmpfs takes RAM only as it fills, the limit caps a runaway writer. */
#ifndef KEEL_RUN_MIB
#define KEEL_RUN_MIB 4
#endif
#ifndef KEEL_TMP_MIB
#define KEEL_TMP_MIB 16
#endif
#ifndef KEEL_VARLOG_MIB
#define KEEL_VARLOG_MIB 8
#endif

struct mount_entry {
	const char *source;
	const char *target;
	const char *fstype;
	unsigned long flags;	/* MS_* */
	const char *options;
	/* The read-only root cannot grow mount points: only those under a
	 * writable mount (like /dev/pts on devtmpfs) are created. */
	bool create_dir;
	/* RAM-backed mounts are unmounted at shutdown so nothing writes
	 * there while the system goes down. */
	bool teardown;
};

extern const struct mount_entry mount_table[];
extern const size_t mount_table_len;

/* Unmounts target at shutdown, or remounts it read-only (with a warning)
 * when it is busy. -1 with errno from umount2 otherwise. */
int mount_take_down(const char *target);

struct init;
struct step_report;

/* Boot step: mounts the table in order; failures are logged, boot goes on. */
void mounts_step(struct init *init, struct step_report *report);

/* Shutdown: unmounts the teardown entries (last first) and remounts the
 * root read-only. Logs what it could not do. */
void mounts_teardown(void);

#endif /* KEEL_INIT_MOUNTS_H */
