/*
 * rootdisk.c - the boot disk from the mounted root (keel/rootdisk.h).
 * Nothing in Keel names a disk: the same image boots from virtio, SATA,
 * NVMe, USB and eMMC, with other disks attached before it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/rootdisk.h"

static int plain_name(const char *s, size_t len)
{
	if (len == 0 || len >= ROOTDISK_NAME_MAX)
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9')))
			return 0;
	return 1;
}

int rootdisk_part_name(const char *disk, unsigned part, char *out, size_t n)
{
	size_t len = strlen(disk);
	int w;

	if (!plain_name(disk, len) || part == 0)
		return -1;
	w = snprintf(out, n, "%s%s%u", disk,
		     disk[len - 1] >= '0' && disk[len - 1] <= '9' ? "p" : "", part);
	return w < 0 || (size_t)w >= n ? -1 : 0;
}

int rootdisk_from_link(const char *link, char *disk, size_t n)
{
	const char *end = strrchr(link, '/'), *start;

	/* ".../block/<disk>/<partition>": the component before the last. */
	if (!end || end == link)
		return -1;
	start = end;
	while (start > link && start[-1] != '/')
		start--;
	if ((size_t)(end - start) >= n || !plain_name(start, (size_t)(end - start)))
		return -1;
	/* A partition's name starts with its disk's (vda2, nvme0n1p2,
	 * mmcblk0p2); anything else is not a partition under its disk. */
	if (strncmp(end + 1, start, (size_t)(end - start)) != 0 ||
	    !plain_name(end + 1, strlen(end + 1)) ||
	    strlen(end + 1) == (size_t)(end - start))
		return -1;
	memcpy(disk, start, (size_t)(end - start));
	disk[end - start] = '\0';
	return 0;
}

int rootdisk_find(const char *sysfs, char disk[ROOTDISK_NAME_MAX],
		  unsigned *part, char *err, size_t errlen)
{
	char path[96], link[512], num[16];
	struct stat st;
	ssize_t len;
	int truncated;
	unsigned long v;
	char *end;

	if (stat("/", &st) < 0) {
		snprintf(err, errlen, "stat /: %s", strerror(errno));
		return -1;
	}
	snprintf(path, sizeof(path), "%s/dev/block/%u:%u", sysfs,
		 major(st.st_dev), minor(st.st_dev));
	len = readlink(path, link, sizeof(link) - 1);
	if (len < 0) {
		snprintf(err, errlen, "root (%u:%u) is not a block device: %s",
			 major(st.st_dev), minor(st.st_dev), strerror(errno));
		return -1;
	}
	link[len] = '\0';
	snprintf(path, sizeof(path), "%s/dev/block/%u:%u/partition", sysfs,
		 major(st.st_dev), minor(st.st_dev));
	len = file_read(path, num, sizeof(num) - 1, &truncated);
	if (len <= 0) {
		snprintf(err, errlen, "root %s is not a partition of a disk",
			 strrchr(link, '/') ? strrchr(link, '/') + 1 : link);
		return -1;
	}
	num[len] = '\0';
	errno = 0;
	v = strtoul(num, &end, 10);
	if (errno || end == num || (*end && *end != '\n') || v == 0 || v > 255 ||
	    rootdisk_from_link(link, disk, ROOTDISK_NAME_MAX) < 0) {
		snprintf(err, errlen, "root: cannot tell its disk from %s", link);
		return -1;
	}
	*part = (unsigned)v;
	return 0;
}

int rootdisk_slot_device(const char *sysfs, unsigned part, char *out,
			 size_t n, char *err, size_t errlen)
{
	char disk[ROOTDISK_NAME_MAX], name[ROOTDISK_NAME_MAX];
	unsigned root_part;
	int w;

	if (rootdisk_find(sysfs, disk, &root_part, err, errlen) < 0)
		return -1;
	if (root_part != 2 && root_part != 3) {
		snprintf(err, errlen, "the root is partition %u of %s, not a "
			 "slot (2 or 3)", root_part, disk);
		return -1;
	}
	if (part == 0)
		snprintf(name, sizeof(name), "%s", disk);
	else if (rootdisk_part_name(disk, part, name, sizeof(name)) < 0) {
		snprintf(err, errlen, "%s: no name for its partition %u", disk,
			 part);
		return -1;
	}
	w = snprintf(out, n, "/dev/%s", name);
	if (w < 0 || (size_t)w >= n) {
		snprintf(err, errlen, "/dev/%s: too long", name);
		return -1;
	}
	return 0;
}
