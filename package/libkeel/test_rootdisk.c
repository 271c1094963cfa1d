/* rootdisk: partition names and the disk above a partition in sysfs. */
#include <string.h>

#include "check.h"
#include "keel/rootdisk.h"

static const char *part(const char *disk, unsigned n)
{
	static char out[ROOTDISK_NAME_MAX];

	if (rootdisk_part_name(disk, n, out, sizeof(out)) < 0)
		return "(error)";
	return out;
}

static const char *disk_of(const char *link)
{
	static char out[ROOTDISK_NAME_MAX];

	if (rootdisk_from_link(link, out, sizeof(out)) < 0)
		return "(error)";
	return out;
}

int main(void)
{
	char small[5];

	CHECK_STR(part("vda", 4), "vda4");
	CHECK_STR(part("sda", 2), "sda2");
	CHECK_STR(part("nvme0n1", 3), "nvme0n1p3");
	CHECK_STR(part("mmcblk0", 4), "mmcblk0p4");
	CHECK_STR(part("loop0", 2), "loop0p2");
	/* Not a plain kernel name, no partition 0, too long for the buffer. */
	CHECK_STR(part("../sda", 4), "(error)");
	CHECK_STR(part("", 4), "(error)");
	CHECK_STR(part("vda", 0), "(error)");
	CHECK_EQ_INT(rootdisk_part_name("vda", 4, small, sizeof(small)), 0);
	CHECK_EQ_INT(rootdisk_part_name("nvme0n1", 4, small, sizeof(small)), -1);

	CHECK_STR(disk_of("../../devices/pci0000:00/0000:00:04.0/virtio1/block/vda/vda2"), "vda");
	CHECK_STR(disk_of("../../devices/pci0000:00/0000:00:1f.2/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda3"), "sda");
	CHECK_STR(disk_of("../../devices/pci0000:00/0000:00:05.0/nvme/nvme0/nvme0n1/nvme0n1p2"), "nvme0n1");
	CHECK_STR(disk_of("../../devices/pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host2/target2:0:0/2:0:0:0/block/sdb/sdb3"), "sdb");
	/* The directory above is not the partition's disk. */
	CHECK_STR(disk_of("../../devices/virtual/block/loop0"), "(error)");
	CHECK_STR(disk_of("../../devices/x/block/vda/vda"), "(error)");
	CHECK_STR(disk_of("../../devices/x/sda/vda2"), "(error)");
	CHECK_STR(disk_of("../../devices/platform/soc/fe330000.mmc/mmc_host/mmc0/mmc0:0001/block/mmcblk0/mmcblk0p2"), "mmcblk0");
	/* A whole disk (no directory above it under block/), junk. */
	CHECK_STR(disk_of("../../devices/pci0000:00/0000:00:04.0/virtio1/block/vda"), "(error)");
	CHECK_STR(disk_of("vda2"), "(error)");
	CHECK_STR(disk_of(""), "(error)");
	return check_done();
}
