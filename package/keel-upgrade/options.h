/*
 * options.h - keel-upgrade's command line. Every device path and system
 * file has a flag, so the host tests run it on plain files.
 */
#ifndef KEEL_UPGRADE_OPTIONS_H
#define KEEL_UPGRADE_OPTIONS_H

#include <stdint.h>

enum upgrade_mode { MODE_INSTALL, MODE_MARK_GOOD, MODE_ROLLBACK, MODE_STATUS, MODE_HELP };

struct options {
	enum upgrade_mode mode;
	const char *bundle;		/* "-": stdin */
	const char *pubkey;
	const char *board;		/* NULL: from board_file / os_release */
	const char *board_file;
	const char *os_release;
	const char *cmdline;
	const char *disk;
	const char *slot_path[2];	/* A, B */
	uint64_t state_lba[2];
	const char *slots_db;
	uint64_t running_version;
	int running_version_set;
	int force;
	int reboot;
	int quiet;
	int kmsg;
};

/* Fills o from argv (defaults: the device's real paths). Pure. Returns 0,
 * or -1 with a one-line message in err. */
int options_parse(int argc, char *const argv[], struct options *o, char *err, unsigned err_size);

extern const char options_usage[];

#endif /* KEEL_UPGRADE_OPTIONS_H */
