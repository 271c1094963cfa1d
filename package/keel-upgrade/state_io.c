/*
 * state_io.c - boot state copies on the disk: read, write, read back.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "state_io.h"

int pread_full(int fd, void *buf, size_t n, uint64_t off)
{
	uint8_t *p = buf;

	while (n) {
		ssize_t r = pread(fd, p, n, (off_t)off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0) {
			errno = EIO;
			return -1;
		}
		p += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

int pwrite_full(int fd, const void *buf, size_t n, uint64_t off)
{
	const uint8_t *p = buf;

	while (n) {
		ssize_t r = pwrite(fd, p, n, (off_t)off);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			if (r == 0)
				errno = ENOSPC;
			return -1;
		}
		p += r;
		n -= (size_t)r;
		off += (uint64_t)r;
	}
	return 0;
}

int flush_and_drop(int fd, uint64_t off, uint64_t len)
{
	if (fdatasync(fd) != 0)
		return -1;
	/* Advisory: where it is not supported the read-back still checks
	 * what the kernel holds, which is better than nothing. */
	posix_fadvise(fd, (off_t)off, (off_t)len, POSIX_FADV_DONTNEED);
	return 0;
}

int state_read(int fd, const uint64_t lba[BOOT_STATE_COPIES], struct disk_state *ds)
{
	uint8_t block[BOOT_STATE_SIZE];

	memset(ds, 0, sizeof(*ds));
	for (int i = 0; i < BOOT_STATE_COPIES; i++) {
		uint64_t off = lba[i] * 512;

		posix_fadvise(fd, (off_t)off, BOOT_STATE_SIZE, POSIX_FADV_DONTNEED);
		if (pread_full(fd, block, sizeof(block), off) != 0)
			return -1;
		ds->err[i] = boot_state_parse(block, sizeof(block), &ds->st[i]);
		ds->valid[i] = ds->err[i] == BS_OK;
	}
	ds->chosen = boot_state_choose(ds->valid, ds->st);
	ds->cur = ds->chosen < 0 ? boot_state_factory() : ds->st[ds->chosen];
	ds->target = boot_state_target(ds->valid, ds->st);
	return 0;
}

int state_write(int fd, const uint64_t lba[BOOT_STATE_COPIES], const struct boot_state *next,
		char *err, size_t err_size)
{
	uint8_t block[BOOT_STATE_SIZE], back[BOOT_STATE_SIZE];
	struct disk_state ds;

	if (boot_state_serialize(next, block) != BS_OK) {
		snprintf(err, err_size, "cannot encode boot state seq %llu",
			 (unsigned long long)next->seq);
		return -1;
	}
	if (state_read(fd, lba, &ds) != 0) {
		snprintf(err, err_size, "reading boot state: %s", strerror(errno));
		return -1;
	}
	uint64_t off = lba[ds.target] * 512;

	if (pwrite_full(fd, block, sizeof(block), off) != 0 ||
	    flush_and_drop(fd, off, sizeof(block)) != 0) {
		snprintf(err, err_size, "writing boot state copy %d (LBA %llu): %s", ds.target,
			 (unsigned long long)lba[ds.target], strerror(errno));
		return -1;
	}
	if (pread_full(fd, back, sizeof(back), off) != 0) {
		snprintf(err, err_size, "reading back boot state copy %d: %s", ds.target,
			 strerror(errno));
		return -1;
	}
	if (memcmp(back, block, sizeof(block)) != 0) {
		snprintf(err, err_size, "boot state copy %d (LBA %llu) reads back different from "
			 "what was written", ds.target, (unsigned long long)lba[ds.target]);
		return -1;
	}
	if (state_read(fd, lba, &ds) != 0 || ds.chosen < 0 || ds.cur.seq != next->seq ||
	    ds.cur.order != next->order || ds.cur.trial != next->trial ||
	    ds.cur.good != next->good) {
		snprintf(err, err_size, "after the write the bootloader would not pick the new "
			 "boot state (seq %llu)", (unsigned long long)next->seq);
		return -1;
	}
	return 0;
}
