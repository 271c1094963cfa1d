/* data: which device the kernel command line names, what counts as an
 * ext2/3/4 file system, and what e2fsck -p's result means for it. */
#include <errno.h>
#include <signal.h>
#include <string.h>

#include "check.h"
#include "data.h"

static void dev(const char *cmdline, const char *want)
{
	char out[DATA_DEVICE_MAX];

	data_device_from_cmdline(cmdline, strlen(cmdline), out);
	CHECK_STR(out, want);
}

/* A wait status as waitpid() reports it (Linux layout). */
static int exited(int code)
{
	return (code & 0xff) << 8;
}

static void fsck_verdicts(void)
{
	CHECK_EQ_INT(data_fsck_verdict(exited(0), 0, 1), DATA_FSCK_CLEAN);
	CHECK_EQ_INT(data_fsck_verdict(exited(1), 0, 1), DATA_FSCK_REPAIRED);
	/* After a power cut, exit 1 is e2fsck's routine recovery; anything
	 * else means the same clean or unclean. */
	CHECK_EQ_INT(data_fsck_verdict(exited(1), 0, 0), DATA_FSCK_RECOVERED);
	/* After a power cut e2fsck may replay the journal and exit 0. */
	CHECK_EQ_INT(data_fsck_verdict(exited(0), 0, 0), DATA_FSCK_RECOVERED);
	CHECK_EQ_INT(data_fsck_verdict(exited(2), 0, 0), DATA_FSCK_REBOOT);
	CHECK_EQ_INT(data_fsck_verdict(exited(4), 0, 0), DATA_FSCK_BROKEN);
	CHECK_EQ_INT(data_fsck_verdict(exited(8), 0, 0), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(exited(2), 0, 1), DATA_FSCK_REBOOT);
	CHECK_EQ_INT(data_fsck_verdict(exited(3), 0, 1), DATA_FSCK_REBOOT);
	/* Uncorrected errors, alone or with anything else: a new file system. */
	CHECK_EQ_INT(data_fsck_verdict(exited(4), 0, 1), DATA_FSCK_BROKEN);
	CHECK_EQ_INT(data_fsck_verdict(exited(5), 0, 1), DATA_FSCK_BROKEN);
	CHECK_EQ_INT(data_fsck_verdict(exited(12), 0, 1), DATA_FSCK_BROKEN);
	/* e2fsck could not judge it: mount it as it is, never wipe it. */
	CHECK_EQ_INT(data_fsck_verdict(exited(8), 0, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(exited(16), 0, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(exited(32), 0, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(exited(9), 0, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(exited(128), 0, 1), DATA_FSCK_UNCHECKED);
	/* run_bounded: exec failed (127), fork failed, deadline passed. */
	CHECK_EQ_INT(data_fsck_verdict(exited(127), 0, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(-1, EAGAIN, 1), DATA_FSCK_UNCHECKED);
	CHECK_EQ_INT(data_fsck_verdict(-1, ETIMEDOUT, 1), DATA_FSCK_BROKEN);
	/* Killed mid-repair (a signal's number as the status). */
	CHECK_EQ_INT(data_fsck_verdict(SIGSEGV, 0, 1), DATA_FSCK_BROKEN);
	CHECK_EQ_INT(data_fsck_verdict(SIGKILL, 0, 1), DATA_FSCK_BROKEN);
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

	/* Clean: state valid (1), no errors (2), no journal to replay. */
	memset(sb, 0, sizeof(sb));
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 0);
	sb[58] = 1;
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 1);
	sb[96] = 0x42;	/* filetype, extent: other features do not matter */
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 1);
	sb[96] |= 4;	/* needs_recovery */
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 0);
	sb[96] = 0;
	sb[58] = 3;	/* valid, but errors recorded */
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 0);
	sb[58] = 0;	/* mounted, never unmounted (ext2) */
	CHECK_EQ_INT(data_sb_clean(sb, sizeof(sb)), 0);
	sb[58] = 1;
	CHECK_EQ_INT(data_sb_clean(sb, 1023), 0);

	fsck_verdicts();
	return check_done();
}
