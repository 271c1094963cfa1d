/*
 * slot_write.h - writing a bundle's payload into the inactive slot so that
 * the slot is bootable only once every byte verified (slot_headers.h):
 *
 *   slot_invalidate       zero the three headers, fdatasync (before any payload byte)
 *   slot_write_payload    stream and hash the payload, the headers' bytes held in memory
 *   slot_verify           fdatasync, drop the cache, read back and hash again
 *   slot_commit_headers   write the held headers (kernel header last), read them back
 *
 * On any failure the caller calls slot_invalidate again. Each returns 0, or
 * -1 after logging one line that says why.
 */
#ifndef KEEL_UPGRADE_SLOT_WRITE_H
#define KEEL_UPGRADE_SLOT_WRITE_H

#include "keel/bundle.h"
#include "slot_headers.h"

struct slot_target {
	int fd;
	char slot;		/* 'A' or 'B' */
	const char *path;
	int quiet;		/* no progress lines */
	struct slot_headers sh;
};

int slot_invalidate(const struct slot_target *t);
int slot_write_payload(struct slot_target *t, int in, const struct bundle_header *h);
int slot_verify(const struct slot_target *t, const struct bundle_header *h);
int slot_commit_headers(const struct slot_target *t);

#endif /* KEEL_UPGRADE_SLOT_WRITE_H */
