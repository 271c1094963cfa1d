/*
 * state_io.h - reading and writing the two boot state copies on the disk.
 */
#ifndef KEEL_UPGRADE_STATE_IO_H
#define KEEL_UPGRADE_STATE_IO_H

#include <stddef.h>
#include <stdint.h>

#include "boot_state.h"

struct disk_state {
	int err[BOOT_STATE_COPIES];		/* BS_OK or why the copy is invalid */
	int valid[BOOT_STATE_COPIES];
	struct boot_state st[BOOT_STATE_COPIES];
	int chosen;				/* -1: none valid (factory) */
	struct boot_state cur;			/* chosen copy, or the factory state */
	int target;				/* the copy the next write replaces */
};

/* Reads both copies (from the device, not the page cache). Returns 0, or
 * -1 with errno set. */
int state_read(int fd, const uint64_t lba[BOOT_STATE_COPIES], struct disk_state *ds);

/* Writes next over the older/invalid copy, flushes it to the device, reads
 * it back and checks both that the bytes match and that a reader now picks
 * exactly next. Returns 0, or -1 with a one-line reason in err. */
int state_write(int fd, const uint64_t lba[BOOT_STATE_COPIES], const struct boot_state *next,
		char *err, size_t err_size);

/* pread/pwrite of exactly n bytes (EINTR and short transfers retried).
 * Return 0, or -1 (errno set; EIO for a short read at end of device). */
int pread_full(int fd, void *buf, size_t n, uint64_t off);
int pwrite_full(int fd, const void *buf, size_t n, uint64_t off);

/* Flushes fd's data to the device and drops the cached pages of
 * [off, off+len), so the next read comes from the device. */
int flush_and_drop(int fd, uint64_t off, uint64_t len);

#endif /* KEEL_UPGRADE_STATE_IO_H */
