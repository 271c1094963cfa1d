/* data: which device the kernel command line names, and what counts as an
 * ext2/3/4 file system. */
#include <string.h>

#include "check.h"
#include "data.h"

static void dev(const char *cmdline, const char *want)
{
	char out[DATA_DEVICE_MAX];

	data_device_from_cmdline(cmdline, strlen(cmdline), out);
	CHECK_STR(out, want);
}

int main(void)
{
	uint8_t sb[1024];

	dev("", DATA_DEVICE_DEFAULT);
	dev("console=ttyS0 root=/dev/vda2 keel.slot=A\n", DATA_DEVICE_DEFAULT);
	dev("root=/dev/vda2 keel.data=/dev/mmcblk0p4 quiet\n", "/dev/mmcblk0p4");
	dev("keel.data=none", "none");
	dev("xkeel.data=/dev/sda keel.data=", DATA_DEVICE_DEFAULT);
	/* Too long for the buffer: the default, never a cut name. */
	dev("keel.data=/dev/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
	    DATA_DEVICE_DEFAULT);

	memset(sb, 0, sizeof(sb));
	CHECK_EQ_INT(data_has_ext_superblock(sb, sizeof(sb)), 0);
	sb[56] = 0x53;
	sb[57] = 0xef;
	CHECK_EQ_INT(data_has_ext_superblock(sb, sizeof(sb)), 1);
	sb[24] = 2;	/* 4 KiB blocks */
	CHECK_EQ_INT(data_has_ext_superblock(sb, sizeof(sb)), 1);
	sb[24] = 200;	/* garbage */
	CHECK_EQ_INT(data_has_ext_superblock(sb, sizeof(sb)), 0);
	CHECK_EQ_INT(data_has_ext_superblock(sb, 100), 0);
	return check_done();
}
