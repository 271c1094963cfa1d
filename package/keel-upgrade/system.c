/*
 * system.c - the running system's facts, from small files.
 */
#define _GNU_SOURCE	/* flock */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "keel/file.h"
#include "keel/keyfile.h"
#include "keel/log.h"
#include "sysinfo.h"
#include "system.h"

int running_slot(const struct options *o, char *slot)
{
	char buf[4096];
	int truncated;
	ssize_t n = file_read(o->cmdline, buf, sizeof(buf), &truncated);

	if (n < 0) {
		logx_err("cannot read %s: %s", o->cmdline, strerror(errno));
		return -1;
	}
	*slot = cmdline_slot(buf, (size_t)n);
	if (!*slot) {
		logx_err("cannot tell the running slot: no keel.slot=A|B in %s", o->cmdline);
		return -1;
	}
	return 0;
}

int device_board(const struct options *o, char board[BUNDLE_BOARD_MAX])
{
	char buf[4096];
	int truncated;
	ssize_t n;

	if (o->board) {
		if (!bundle_board_valid(o->board, strlen(o->board))) {
			logx_err("--board %s: not a board name", o->board);
			return -1;
		}
		strcpy(board, o->board);
		return 0;
	}
	n = file_read(o->board_file, buf, sizeof(buf), &truncated);
	if (n > 0) {
		while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
			n--;
		if (bundle_board_valid(buf, (size_t)n)) {
			memcpy(board, buf, (size_t)n);
			board[n] = 0;
			return 0;
		}
	}
	n = file_read(o->os_release, buf, sizeof(buf), &truncated);
	if (n > 0 && kv_lookup(buf, (size_t)n, "KEEL_BOARD", board, BUNDLE_BOARD_MAX) > 0 &&
	    bundle_board_valid(board, strlen(board)))
		return 0;
	logx_err("cannot tell this device's board: no %s and no KEEL_BOARD in %s (use --board)",
		 o->board_file, o->os_release);
	return -1;
}

int running_version(const struct options *o, uint64_t *version)
{
	char buf[4096], val[24], *end;
	int truncated;
	ssize_t n;

	if (o->running_version_set) {
		*version = o->running_version;
		return 0;
	}
	n = file_read(o->os_release, buf, sizeof(buf), &truncated);
	if (n > 0 && kv_lookup(buf, (size_t)n, "KEEL_VERSION_NUMBER", val, sizeof(val)) > 0 &&
	    val[0] >= '0' && val[0] <= '9') {
		*version = strtoull(val, &end, 10);
		if (!*end)
			return 0;
	}
	logx_err("cannot tell the running version: no KEEL_VERSION_NUMBER in %s "
		 "(use --running-version, or --force to skip the downgrade check)", o->os_release);
	return -1;
}

int load_pubkey(const char *path, uint8_t key[32])
{
	char buf[256];
	int truncated;
	ssize_t n = file_read(path, buf, sizeof(buf), &truncated);

	if (n < 0) {
		logx_err("cannot read the trusted key %s: %s", path, strerror(errno));
		return -1;
	}
	if (truncated || keyfile_parse(buf, (size_t)n, key, 32) != 0) {
		logx_err("%s: not an ed25519 public key (64 hex digits)", path);
		return -1;
	}
	return 0;
}

int open_disk(const struct options *o, int writable)
{
	int fd = open(o->disk, (writable ? O_RDWR : O_RDONLY) | O_CLOEXEC);

	if (fd < 0) {
		logx_err("cannot open the disk %s: %s", o->disk, strerror(errno));
		return -1;
	}
	if (flock(fd, (writable ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
		logx_err("%s is locked: another keel-upgrade is running", o->disk);
		close(fd);
		return -1;
	}
	return fd;
}
