/*
 * options.c - keel-upgrade's command line, parsed without getopt so the
 * parser stays pure and testable (getopt keeps global state).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

const char options_usage[] =
	"usage: keel-upgrade [options] [BUNDLE|-]   install a signed bundle (default: stdin)\n"
	"       keel-upgrade --mark-good            confirm the running slot (init, when healthy)\n"
	"       keel-upgrade --rollback             boot the other slot from the next reboot\n"
	"       keel-upgrade --status               print the running slot and the boot state\n"
	"options:\n"
	"  --force                 install an older or equal version; roll back to an unverified slot\n"
	"  --reboot                reboot after success\n"
	"  --quiet                 no progress output\n"
	"  --kmsg                  also log to /dev/kmsg\n"
	"  --pubkey FILE           trusted signing key (default /etc/keel/bundle.pub)\n"
	"  --board NAME            this device's board (default /etc/keel/board, else KEEL_BOARD\n"
	"                          in /etc/os-release)\n"
	"  --board-file FILE       (default /etc/keel/board)\n"
	"  --running-version N     running numeric version (default KEEL_VERSION_NUMBER in\n"
	"                          /etc/os-release)\n"
	"  --os-release FILE       (default /etc/os-release)\n"
	"  --cmdline FILE          kernel command line with keel.slot= (default /proc/cmdline)\n"
	"  --disk DEV              disk holding the boot state (default: the disk\n"
	"                          the running root is on, e.g. /dev/sda)\n"
	"  --slot-a DEV, --slot-b DEV  slot partitions (default: that disk's\n"
	"                          partitions 2 and 3, e.g. /dev/sda2, /dev/nvme0n1p3)\n"
	"  --state-lba N,M         the two boot state copies (default 2040,2044)\n"
	"  --slots-db FILE         what each slot holds (default /data/keel/slots)\n";

static int parse_u64(const char *s, uint64_t *out)
{
	char *end;

	if (!*s || *s < '0' || *s > '9')
		return -1;
	unsigned long long v = strtoull(s, &end, 10);

	if (*end)
		return -1;
	*out = v;
	return 0;
}

int options_parse(int argc, char *const argv[], struct options *o, char *err, unsigned err_size)
{
	int modes = 0, positional = 0;

	memset(o, 0, sizeof(*o));
	o->mode = MODE_INSTALL;
	o->bundle = "-";
	o->pubkey = "/etc/keel/bundle.pub";
	o->board_file = "/etc/keel/board";
	o->os_release = "/etc/os-release";
	o->cmdline = "/proc/cmdline";
	/* NULL: the running root's disk and its partitions 2 and 3
	 * (bootdisk.c), so no device name is built in. */
	o->disk = NULL;
	o->slot_path[0] = NULL;
	o->slot_path[1] = NULL;
	o->state_lba[0] = 2040;
	o->state_lba[1] = 2044;
	o->slots_db = "/data/keel/slots";

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		const char **str = NULL;

		if (strcmp(a, "--mark-good") == 0) {
			o->mode = MODE_MARK_GOOD;
			modes++;
		} else if (strcmp(a, "--rollback") == 0) {
			o->mode = MODE_ROLLBACK;
			modes++;
		} else if (strcmp(a, "--status") == 0) {
			o->mode = MODE_STATUS;
			modes++;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->mode = MODE_HELP;
			return 0;
		} else if (strcmp(a, "--force") == 0) {
			o->force = 1;
		} else if (strcmp(a, "--reboot") == 0) {
			o->reboot = 1;
		} else if (strcmp(a, "--quiet") == 0) {
			o->quiet = 1;
		} else if (strcmp(a, "--kmsg") == 0) {
			o->kmsg = 1;
		} else if (strcmp(a, "--pubkey") == 0) {
			str = &o->pubkey;
		} else if (strcmp(a, "--board") == 0) {
			str = &o->board;
		} else if (strcmp(a, "--board-file") == 0) {
			str = &o->board_file;
		} else if (strcmp(a, "--os-release") == 0) {
			str = &o->os_release;
		} else if (strcmp(a, "--cmdline") == 0) {
			str = &o->cmdline;
		} else if (strcmp(a, "--disk") == 0) {
			str = &o->disk;
		} else if (strcmp(a, "--slot-a") == 0) {
			str = &o->slot_path[0];
		} else if (strcmp(a, "--slot-b") == 0) {
			str = &o->slot_path[1];
		} else if (strcmp(a, "--slots-db") == 0) {
			str = &o->slots_db;
		} else if (strcmp(a, "--running-version") == 0) {
			if (!val || parse_u64(val, &o->running_version) != 0) {
				snprintf(err, err_size, "--running-version needs a decimal number");
				return -1;
			}
			o->running_version_set = 1;
			i++;
		} else if (strcmp(a, "--state-lba") == 0) {
			char first[24];
			const char *comma = val ? strchr(val, ',') : NULL;

			if (!comma || (size_t)(comma - val) >= sizeof(first)) {
				snprintf(err, err_size, "--state-lba needs N,M");
				return -1;
			}
			memcpy(first, val, (size_t)(comma - val));
			first[comma - val] = 0;
			if (parse_u64(first, &o->state_lba[0]) != 0 ||
			    parse_u64(comma + 1, &o->state_lba[1]) != 0 ||
			    o->state_lba[0] == o->state_lba[1] ||
			    o->state_lba[0] > UINT64_MAX / 512 || o->state_lba[1] > UINT64_MAX / 512) {
				snprintf(err, err_size, "--state-lba needs two different block numbers N,M");
				return -1;
			}
			i++;
		} else if (a[0] == '-' && a[1] != 0) {
			snprintf(err, err_size, "unknown option %.40s (try --help)", a);
			return -1;
		} else {
			if (positional++) {
				snprintf(err, err_size, "one bundle at a time");
				return -1;
			}
			o->bundle = a;
		}
		if (str) {
			if (!val || !*val) {
				snprintf(err, err_size, "%s needs a value", a);
				return -1;
			}
			*str = val;
			i++;
		}
	}
	if (modes > 1) {
		snprintf(err, err_size, "--mark-good, --rollback and --status exclude each other");
		return -1;
	}
	if (positional && o->mode != MODE_INSTALL) {
		snprintf(err, err_size, "a bundle is only read when installing");
		return -1;
	}
	return 0;
}
