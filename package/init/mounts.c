/*
 * mounts.c - the mount table, and applying it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/stat.h>

#include "keel/log.h"

#include "boot.h"
#include "mounts.h"

#define STR_(x) #x
#define STR(x) STR_(x)

/*
 * Order matters: a mount point must be mounted after whatever holds it
 * (/dev before /dev/pts). devtmpfs comes first so /dev/kmsg exists for the
 * log lines of every mount after it; the kernel usually mounted it already
 * (CONFIG_DEVTMPFS_MOUNT), which mount() reports as EBUSY.
 */
const struct mount_entry mount_table[] = {
	{ .target = "/dev", .fstype = "devtmpfs", .source = "devtmpfs",
	  .flags = MS_NOSUID, .options = "mode=0755" },
	{ .target = "/proc", .fstype = "proc", .source = "proc",
	  .flags = MS_NOSUID | MS_NODEV | MS_NOEXEC },
	{ .target = "/sys", .fstype = "sysfs", .source = "sysfs",
	  .flags = MS_NOSUID | MS_NODEV | MS_NOEXEC },
	{ .target = "/dev/pts", .fstype = "devpts", .source = "devpts",
	  .flags = MS_NOSUID | MS_NOEXEC,
	  .options = "mode=0620,ptmxmode=0666", .create_dir = true },
	{ .target = "/run", .fstype = "tmpfs", .source = "tmpfs",
	  .flags = MS_NOSUID | MS_NODEV,
	  .options = "mode=0755,size=" STR(KEEL_RUN_MIB) "m",
	  .teardown = true },
	{ .target = "/tmp", .fstype = "tmpfs", .source = "tmpfs",
	  .flags = MS_NOSUID | MS_NODEV,
	  .options = "mode=1777,size=" STR(KEEL_TMP_MIB) "m",
	  .teardown = true },
	{ .target = "/var/log", .fstype = "tmpfs", .source = "tmpfs",
	  .flags = MS_NOSUID | MS_NODEV | MS_NOEXEC,
	  .options = "mode=0755,size=" STR(KEEL_VARLOG_MIB) "m",
	  .teardown = true },
};
const size_t mount_table_len = sizeof(mount_table) / sizeof(mount_table[0]);

static int write_proc(const char *path, const char *value)
{
	int fd = open(path, O_WRONLY | O_CLOEXEC), ok;

	if (fd < 0)
		return -1;
	ok = write(fd, value, strlen(value)) == (ssize_t)strlen(value);
	close(fd);
	return ok ? 0 : -1;
}

void mounts_step(struct init *init, struct step_report *report)
{
	(void)init;
	for (size_t i = 0; i < mount_table_len; i++) {
		const struct mount_entry *m = &mount_table[i];

		if (m->create_dir && mkdir(m->target, 0755) < 0 &&
		    errno != EEXIST)
			logx_warn("mount: mkdir %s: %s", m->target,
				  strerror(errno));
		if (mount(m->source, m->target, m->fstype, m->flags,
			  m->options) == 0) {
			report_add(report, "%s", m->target);
		} else if (errno == EBUSY) {
			/* The same filesystem is already there. */
			report_add(report, "%s(already)", m->target);
		} else {
			logx_err("mount %s on %s: %s", m->fstype, m->target,
				 strerror(errno));
			report->failed = true;
		}
	}
	/* The kernel drops /dev/kmsg writes past 10 in 5 s by default: at
	 * boot that cut init's own lines (a health verdict, keel-fw's
	 * reason). Only root writes there, and logd reads it all anyway. */
	/* With the newline: the kernel wants exactly "on\n". */
	if (write_proc("/proc/sys/kernel/printk_devkmsg", "on\n") < 0)
		logx_warn("mounts: printk_devkmsg: %s", strerror(errno));
}

int mount_take_down(const char *target)
{
	if (umount2(target, 0) == 0)
		return 0;
	/* Still busy (a process we could not kill): at least stop writes
	 * to it. */
	if (errno == EBUSY && mount(NULL, target, NULL,
				    MS_REMOUNT | MS_RDONLY, NULL) == 0) {
		logx_warn("shutdown: %s busy, remounted read-only", target);
		return 0;
	}
	return -1;
}

void mounts_teardown(void)
{
	for (size_t i = mount_table_len; i-- > 0;) {
		const struct mount_entry *m = &mount_table[i];

		if (m->teardown && mount_take_down(m->target) < 0)
			logx_warn("shutdown: umount %s: %s", m->target,
				  strerror(errno));
	}

	/* Root is squashfs and already read-only; this matters once a
	 * writable root or overlay exists, and costs nothing now. */
	if (mount(NULL, "/", NULL, MS_REMOUNT | MS_RDONLY, NULL) < 0) {
		if (errno == EINVAL || errno == EBUSY)
			logx("shutdown: remount / read-only: %s (ignored)",
			     strerror(errno));
		else
			logx_err("shutdown: remount / read-only: %s",
				 strerror(errno));
	}
}
