/*
 * system.h - what keel-upgrade reads about the running system (through the
 * pure parsers of sysinfo.c) and the disk it opens.
 */
#ifndef KEEL_UPGRADE_SYSTEM_H
#define KEEL_UPGRADE_SYSTEM_H

#include <stdint.h>

#include "keel/bundle.h"
#include "options.h"

/* Each returns 0, or -1 after logging why. */
int running_slot(const struct options *o, char *slot);
int device_board(const struct options *o, char board[BUNDLE_BOARD_MAX]);
int running_version(const struct options *o, uint64_t *version);
int load_pubkey(const char *path, uint8_t key[32]);

/* Opens the disk read-write (or read-only) with an exclusive lock, so two
 * keel-upgrade runs never interleave their writes. -1 after logging. */
int open_disk(const struct options *o, int writable);

#endif /* KEEL_UPGRADE_SYSTEM_H */
