/*
 * data.c - check and mount the data partition: e2fsck -p -f before every
 * mount, so damage from a power cut or a bad flash block is repaired before
 * anything writes there; a new ext4 file system when the partition is blank
 * or beyond repair (loudly: what was on it is gone); /data in RAM when the
 * board has none, so boot never blocks on it.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/log.h"
#include "keel/rootdisk.h"

#include "boot.h"
#include "data.h"
#include "mounts.h"
#include "init.h"
#include "run_bounded.h"

#define MKE2FS "/sbin/mke2fs"
#define MKE2FS_TIMEOUT_MS 60000
#define E2FSCK "/sbin/e2fsck"
/* A clean 43 MiB partition takes milliseconds; a badly damaged one on slow
 * flash may take far longer, but boot must not wait on it for ever. */
#define E2FSCK_TIMEOUT_MS 120000
#define DATA_FLAGS (MS_NOATIME | MS_NODEV | MS_NOSUID | MS_NOEXEC)

void data_device_from_cmdline(const char *buf, size_t len,
			      char out[DATA_DEVICE_MAX])
{
	static const char key[] = "keel.data=";
	size_t i = 0;

	strcpy(out, DATA_DEVICE_DEFAULT);
	while (i < len) {
		size_t start, end;

		while (i < len && (buf[i] == ' ' || buf[i] == '\n'))
			i++;
		start = i;
		while (i < len && buf[i] != ' ' && buf[i] != '\n')
			i++;
		end = i;
		if (end - start > sizeof(key) - 1 &&
		    memcmp(buf + start, key, sizeof(key) - 1) == 0) {
			size_t n = end - start - (sizeof(key) - 1);

			if (n < DATA_DEVICE_MAX) {
				memcpy(out, buf + start + sizeof(key) - 1, n);
				out[n] = '\0';
			}
		}
	}
}

int data_has_ext_superblock(const uint8_t *sb, size_t len)
{
	uint32_t log_block;

	if (len < 1024)
		return 0;
	/* s_magic at 56 (little-endian 0xEF53); s_log_block_size at 24:
	 * block size 1024 << it, at most 64 KiB. */
	log_block = (uint32_t)sb[24] | (uint32_t)sb[25] << 8 |
		    (uint32_t)sb[26] << 16 | (uint32_t)sb[27] << 24;
	return sb[56] == 0x53 && sb[57] == 0xef && log_block <= 6;
}

int data_sb_clean(const uint8_t *sb, size_t len)
{
	unsigned state;

	if (len < 1024)
		return 0;
	/* s_state at 58 (1 valid, 2 errors); s_feature_incompat at 96, whose
	 * bit 4 is needs_recovery (the journal holds unreplayed writes). */
	state = (unsigned)sb[58] | (unsigned)sb[59] << 8;
	return (state & 3) == 1 && !(sb[96] & 4);
}

enum data_fsck_verdict data_fsck_verdict(int status, int err, int was_clean)
{
	int code;

	if (status < 0)
		return err == ETIMEDOUT ? DATA_FSCK_BROKEN : DATA_FSCK_UNCHECKED;
	/* Killed mid-repair: what it left is not to be trusted. */
	if (!WIFEXITED(status))
		return DATA_FSCK_BROKEN;
	code = WEXITSTATUS(status);
	/* 127 is run_bounded's exec failure; e2fsck's own codes are bits
	 * (fsck(8)) and never include 64. */
	if (code == 127)
		return DATA_FSCK_UNCHECKED;
	if (code & 4)
		return DATA_FSCK_BROKEN;
	/* 8 operational error (it could not read the device or its
	 * superblocks), 16 usage, 32 cancelled, 128 library error: the file
	 * system was not judged, so it is not wiped for that; a mount that
	 * fails on it still is. */
	if (code & (8 | 16 | 32 | 128))
		return DATA_FSCK_UNCHECKED;
	if (code & 2)
		return DATA_FSCK_REBOOT;
	if (code & 1)
		return was_clean ? DATA_FSCK_REPAIRED : DATA_FSCK_RECOVERED;
	/* A journal replay with nothing else to fix can exit 0. */
	return was_clean ? DATA_FSCK_CLEAN : DATA_FSCK_RECOVERED;
}

static int read_superblock(const char *dev, uint8_t sb[1024])
{
	int fd = open(dev, O_RDONLY | O_CLOEXEC);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = pread(fd, sb, 1024, 1024);
	close(fd);
	return n == 1024 ? 0 : -1;
}

static int ram_data(struct step_report *report, const char *why)
{
	if (mount("tmpfs", DATA_MOUNTPOINT, "tmpfs", DATA_FLAGS, "mode=0755,size=4m") < 0) {
		logx_err("data: tmpfs on %s: %s", DATA_MOUNTPOINT, strerror(errno));
		report->failed = true;
		return -1;
	}
	logx_warn("data: %s: %s is in RAM, nothing written there survives a reboot",
		  why, DATA_MOUNTPOINT);
	report_add(report, "RAM (%s)", why);
	return 0;
}

/* e2fsck -p -f: -p repairs what is safe to repair without a question and
 * stops (exit 4) at anything else; -f checks even a file system marked
 * clean, since a bad block or a torn write below the journal leaves the
 * clean flag set. Its report goes to the kernel log. */
static enum data_fsck_verdict check_data(char *dev, int was_clean,
					 struct step_report *report)
{
	char *fsck[] = { E2FSCK, "-p", "-f", dev, NULL };
	enum data_fsck_verdict verdict;
	char how[48];
	int status, err;

	if (access(E2FSCK, X_OK) != 0) {
		logx_warn("data: %s: %s: mounting %s unchecked", E2FSCK, strerror(errno), dev);
		report_add(report, "unchecked");
		return DATA_FSCK_UNCHECKED;
	}
	status = run_bounded(fsck, E2FSCK_TIMEOUT_MS);
	err = errno;
	verdict = data_fsck_verdict(status, err, was_clean);
	if (status < 0)
		snprintf(how, sizeof(how), "%s", err == ETIMEDOUT ?
			 "no verdict in time, killed" : strerror(err));
	else
		child_status_str(status, how, sizeof(how));
	switch (verdict) {
	case DATA_FSCK_CLEAN:
		report_add(report, "checked");
		break;
	case DATA_FSCK_RECOVERED:
		logx("data: e2fsck recovered %s after an unclean shutdown (%s)", dev, how);
		report_add(report, "recovered");
		break;
	case DATA_FSCK_REPAIRED:
		logx_warn("data: e2fsck repaired %s (%s)", dev, how);
		report_add(report, "repaired");
		break;
	case DATA_FSCK_REBOOT:
		/* e2fsck asks for a reboot when the file system was mounted
		 * while it was repaired (the kernel may cache what it fixed);
		 * /data was not, and a reboot here would loop, or spend an
		 * upgrade's trial boots. */
		logx_warn("data: e2fsck repaired %s and advises a reboot (%s); "
			  "not rebooting: it was not mounted during the check", dev, how);
		report_add(report, "repaired");
		break;
	case DATA_FSCK_UNCHECKED:
		logx_warn("data: e2fsck %s could not check it (%s): mounting it unchecked",
			  dev, how);
		report_add(report, "unchecked");
		break;
	case DATA_FSCK_BROKEN:
		logx_err("data: e2fsck %s: errors it could not repair (%s)", dev, how);
		break;
	}
	return verdict;
}

/* The data partition beside the slots: partition 4 of the root's disk,
 * only when the root is a slot. RAM otherwise. */
static int data_device_from_root(char dev[DATA_DEVICE_MAX],
				 struct step_report *report)
{
	char err[160];

	if (rootdisk_slot_device("/sys", DATA_PARTITION, dev, DATA_DEVICE_MAX,
				 err, sizeof(err)) < 0) {
		logx_warn("data: no data partition: %s", err);
		ram_data(report, "root not in a slot of a partitioned disk");
		return -1;
	}
	return 0;
}

void data_step(struct init *init, struct step_report *report)
{
	char cmdline[2048], dev[DATA_DEVICE_MAX], how[48];
	/* ext4 with a 1 MiB journal (the least mke2fs allows; 4 MiB is its
	 * default for this size, a tenth of the partition); 256-byte inodes
	 * keep timestamps past 2038; one inode per 16 KiB is ample for a few
	 * config files and keys. Inode tables and journal are written now,
	 * not by the kernel's lazy init in the background after mount. */
	char *mkfs[] = { MKE2FS, "-q", "-t", "ext4", "-L", "keel-data", "-J", "size=1",
			 "-I", "256", "-i", "16384",
			 "-E", "lazy_itable_init=0,lazy_journal_init=0", dev, NULL };
	uint8_t sb[1024] = { 0 };
	int truncated, status;
	ssize_t n = file_read("/proc/cmdline", cmdline, sizeof(cmdline), &truncated);
	const char *why = "no superblock";
	struct stat st;

	(void)init;
	data_device_from_cmdline(cmdline, n > 0 ? (size_t)n : 0, dev);
	if (dev[0] == '\0' && data_device_from_root(dev, report) < 0)
		return;
	if (strcmp(dev, "none") == 0) {
		ram_data(report, "keel.data=none");
		return;
	}
	if (stat(dev, &st) < 0 || !S_ISBLK(st.st_mode)) {
		ram_data(report, "no data partition");
		return;
	}
	/* ext4 mounts what older images made as ext2 too. */
	if (read_superblock(dev, sb) == 0 && data_has_ext_superblock(sb, sizeof(sb))) {
		if (check_data(dev, data_sb_clean(sb, sizeof(sb)), report) == DATA_FSCK_BROKEN)
			why = "e2fsck could not repair it";
		else if (mount(dev, DATA_MOUNTPOINT, "ext4", DATA_FLAGS, "") == 0) {
			report_add(report, "%s on %s", dev, DATA_MOUNTPOINT);
			return;
		} else
			why = "mount failed";
	}
	/* Blank (first boot) or damaged: make a fresh file system. */
	logx_err("data: %s has no usable file system (%s): making a new one, "
		 "its old contents are lost; settings fall back to the image's", dev, why);
	status = access(MKE2FS, X_OK) == 0 ? run_bounded(mkfs, MKE2FS_TIMEOUT_MS) : -1;
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		logx_err("data: mke2fs %s: %s", dev, status < 0 ? strerror(errno) :
			 child_status_str(status, how, sizeof(how)));
		ram_data(report, "mke2fs failed");
		return;
	}
	if (mount(dev, DATA_MOUNTPOINT, "ext4", DATA_FLAGS, "") < 0) {
		logx_err("data: mount %s after mke2fs: %s", dev, strerror(errno));
		ram_data(report, "mount failed");
		return;
	}
	report_add(report, "%s made and mounted on %s", dev, DATA_MOUNTPOINT);
}

void data_teardown(void)
{
	/* EINVAL: nothing mounted there (no data partition, or RAM). */
	if (mount_take_down(DATA_MOUNTPOINT) < 0 && errno != EINVAL)
		logx_warn("shutdown: umount %s: %s", DATA_MOUNTPOINT, strerror(errno));
}
