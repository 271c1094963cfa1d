/*
 * data.c - mount the data partition; make its file system if it is blank
 * or damaged (loudly: what was on it is gone), or put /data in RAM when
 * the board has none, so boot never blocks on it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/log.h"

#include "boot.h"
#include "data.h"
#include "init.h"
#include "run_bounded.h"

#define MKE2FS "/sbin/mke2fs"
#define MKE2FS_TIMEOUT_MS 60000
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

void data_step(struct init *init, struct step_report *report)
{
	char cmdline[2048], dev[DATA_DEVICE_MAX], how[48];
	char *mkfs[] = { MKE2FS, "-q", "-L", "keel-data", dev, NULL };
	uint8_t sb[1024] = { 0 };
	int truncated, status;
	ssize_t n = file_read("/proc/cmdline", cmdline, sizeof(cmdline), &truncated);
	struct stat st;

	(void)init;
	data_device_from_cmdline(cmdline, n > 0 ? (size_t)n : 0, dev);
	if (strcmp(dev, "none") == 0) {
		ram_data(report, "keel.data=none");
		return;
	}
	if (stat(dev, &st) < 0 || !S_ISBLK(st.st_mode)) {
		ram_data(report, "no data partition");
		return;
	}
	if (read_superblock(dev, sb) == 0 && data_has_ext_superblock(sb, sizeof(sb)) &&
	    mount(dev, DATA_MOUNTPOINT, "ext4", DATA_FLAGS, "") == 0) {
		report_add(report, "%s on %s", dev, DATA_MOUNTPOINT);
		return;
	}
	/* Blank (first boot) or damaged: make a fresh file system. */
	logx_err("data: %s has no usable file system (%s): making a new one, "
		 "its old contents are lost; settings fall back to the image's",
		 dev, data_has_ext_superblock(sb, sizeof(sb)) ? "mount failed" : "no superblock");
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
