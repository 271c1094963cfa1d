/*
 * slots_db.h - what each slot holds, kept in /data/keel/slots so --status
 * can say it and --rollback can refuse a slot that holds no verified image.
 * One line per slot: "<A|B> <status> <version_number> <version>".
 */
#ifndef KEEL_UPGRADE_SLOTS_DB_H
#define KEEL_UPGRADE_SLOTS_DB_H

#include <stddef.h>
#include <stdint.h>

/* writing: an install began and did not finish (killed: the slot's headers
 * are zero, see slot_headers.h); invalid: an install failed and the slot's
 * headers were zeroed, nothing boots from it; garbage: an install failed
 * and even zeroing the headers failed (a storage error); verified: holds the
 * named image. */
enum slot_status {
	SLOT_UNKNOWN, SLOT_WRITING, SLOT_GARBAGE, SLOT_VERIFIED, SLOT_INVALID, SLOT_STATUS_COUNT
};

struct slot_record {
	enum slot_status status;
	uint64_t version_number;
	char version[64];
};

struct slots_db {
	struct slot_record slot[2];	/* A, B */
};

/* Pure. Lines that do not parse are ignored (the slot stays UNKNOWN): the
 * file is advisory, the boot state is the truth. */
void slots_db_parse(const char *buf, size_t n, struct slots_db *db);

/* Returns the text length, or -1 if out is too small. */
int slots_db_format(const struct slots_db *db, char *out, size_t out_size);

const char *slot_status_name(enum slot_status s);

/* I/O: load (a missing file is an empty db) and replace atomically. */
void slots_db_load(const char *path, struct slots_db *db);
int slots_db_save(const char *path, const struct slots_db *db);

#endif /* KEEL_UPGRADE_SLOTS_DB_H */
