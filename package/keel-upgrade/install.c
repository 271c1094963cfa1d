/*
 * install.c - keel-upgrade's four modes. The order of writes is the whole
 * point (docs/ab-layout.md): nothing is written before the header is
 * verified; the inactive slot's headers are zeroed before its payload and
 * written only after the payload verified (slot_write.h), so a failed or
 * killed install leaves a slot nothing boots; the boot state is the last
 * write, and it is read back.
 */
#define _GNU_SOURCE	/* sync, reboot */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#include "install.h"
#include "keel/file.h"
#include "keel/keyfile.h"
#include "keel/log.h"
#include "interrupt.h"
#include "slot_write.h"
#include "slots_db.h"
#include "state_io.h"
#include "system.h"
#include "transition.h"
#include "verify.h"

static int slot_index(char slot)
{
	return slot == 'B';
}

static uint64_t device_size(int fd)
{
	struct stat st;

	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode))
		return (uint64_t)st.st_size;
	off_t end = lseek(fd, 0, SEEK_END);

	return end < 0 ? 0 : (uint64_t)end;
}

/* A last guard against a wrong keel.slot= or --slot-a/--slot-b: never
 * write the block device the root filesystem is mounted from. */
static int is_mounted_root(int slot_fd)
{
	struct stat slot, root;

	return fstat(slot_fd, &slot) == 0 && S_ISBLK(slot.st_mode) && stat("/", &root) == 0 &&
	       slot.st_rdev == root.st_dev;
}

static void record_slot(const struct options *o, char slot, enum slot_status status,
			const struct bundle_header *h)
{
	struct slots_db db;
	struct slot_record *r;

	slots_db_load(o->slots_db, &db);
	r = &db.slot[slot_index(slot)];
	memset(r, 0, sizeof(*r));
	r->status = status;
	if (h) {
		r->version_number = h->version_number;
		strcpy(r->version, h->version);
	}
	/* Advisory: without /data the install is still safe, only --status
	 * and --rollback know less. */
	if (slots_db_save(o->slots_db, &db) != 0)
		logx_warn("cannot record slot %c as %s in %s: %s", slot, slot_status_name(status),
			  o->slots_db, strerror(errno));
}

/* After a failed install: zero the slot's headers again (they may have
 * been written, or half written) and say what the slot now is. */
static void fail_slot(const struct options *o, const struct slot_target *st, char running)
{
	if (slot_invalidate(st) == 0) {
		record_slot(o, st->slot, SLOT_INVALID, NULL);
		logx_err("slot %c was made unbootable (squashfs superblock, slot info block and "
			 "kernel header zeroed); the boot state boots slot %c only", st->slot,
			 running);
	} else {
		record_slot(o, st->slot, SLOT_GARBAGE, NULL);
		logx_err("slot %c holds unverified bytes and could not be made unbootable (storage "
			 "error); the boot state boots slot %c", st->slot, running);
	}
}

static void print_state(const char *label, const struct boot_state *s)
{
	fprintf(stderr, "%sseq=%" PRIu64 " order=%c trial=%s good=%c\n", label, s->seq, s->order,
		boot_trial_name(s->trial), s->good);
}

/* Checks header, signature, board and version; fills *h. */
static int check_bundle(const struct options *o, const uint8_t prefix[BUNDLE_PREFIX_SIZE],
			size_t got, struct bundle_header *h)
{
	uint8_t pubkey[BUNDLE_PUBKEY_SIZE];
	char board[BUNDLE_BOARD_MAX], want_id[17], have_id[17];
	uint64_t running_v = 0;
	int err;

	if (got < BUNDLE_PREFIX_SIZE && got >= 8 && memcmp(prefix, BUNDLE_MAGIC, 8) == 0) {
		logx_err("refused: truncated bundle: it ends after %zu bytes, inside the header "
			 "and signature (%u bytes)", got, BUNDLE_PREFIX_SIZE);
		return -1;
	}
	err = bundle_header_parse(prefix, got, h);
	if (err == BUNDLE_OK && got < BUNDLE_PREFIX_SIZE)
		err = BUNDLE_ERR_SHORT;
	if (err != BUNDLE_OK) {
		logx_err("refused: %s", bundle_strerror(err));
		return -1;
	}
	if (load_pubkey(o->pubkey, pubkey) != 0)
		return -1;
	if (!bundle_signature_ok(prefix, pubkey)) {
		hex_encode(h->key_id, BUNDLE_KEY_ID_SIZE, have_id);
		hex_encode(pubkey, BUNDLE_KEY_ID_SIZE, want_id);
		if (memcmp(h->key_id, pubkey, BUNDLE_KEY_ID_SIZE) != 0)
			logx_err("refused: bad signature: the bundle names signing key %s, this "
				 "device trusts only key %s (%s)", have_id, want_id, o->pubkey);
		else
			logx_err("refused: bad signature: the header was not signed by key %s "
				 "(modified or unsigned bundle)", want_id);
		return -1;
	}
	if (device_board(o, board) != 0)
		return -1;
	if (strcmp(board, h->board) != 0) {
		logx_err("refused: the bundle is for board %s, this device is %s", h->board, board);
		return -1;
	}
	if (!o->force) {
		if (running_version(o, &running_v) != 0)
			return -1;
		if (h->version_number <= running_v) {
			logx_err("refused: bundle version %s (%" PRIu64 ") is not newer than the "
				 "running version (%" PRIu64 "); use --force to install it anyway",
				 h->version, h->version_number, running_v);
			return -1;
		}
	}
	return 0;
}

static int do_reboot(void)
{
	sync();
	fprintf(stderr, "keel-upgrade: rebooting\n");
	if (reboot(RB_AUTOBOOT) != 0) {
		logx_err("reboot: %s", strerror(errno));
		return 1;
	}
	return 0;
}

int run_install(const struct options *o)
{
	uint8_t prefix[BUNDLE_PREFIX_SIZE];
	struct bundle_header h;
	struct disk_state ds;
	struct boot_state next;
	static struct slot_target st;
	char running, target, err[160] = "";
	int in = 0, disk = -1, slot_fd = -1, rc = 1;
	ssize_t got;

	if (strcmp(o->bundle, "-") != 0 && (in = open(o->bundle, O_RDONLY | O_CLOEXEC)) < 0) {
		logx_err("cannot open %s: %s", o->bundle, strerror(errno));
		return 1;
	}
	got = fd_read_upto(in, prefix, sizeof(prefix));
	if (got < 0) {
		logx_err("reading %s: %s", o->bundle, strerror(errno));
		goto out;
	}
	if (check_bundle(o, prefix, (size_t)got, &h) != 0)
		goto out;
	if (running_slot(o, &running) != 0)
		goto out;
	target = slot_other(running);
	if (strcmp(o->slot_path[0], o->slot_path[1]) == 0) {
		logx_err("slot A and slot B are the same device %s", o->slot_path[0]);
		goto out;
	}
	if ((disk = open_disk(o, 1)) < 0)
		goto out;
	if (state_read(disk, o->state_lba, &ds) != 0) {
		logx_err("reading the boot state from %s: %s", o->disk, strerror(errno));
		goto out;
	}
	switch (tr_install(&ds.cur, running, &next)) {
	case TR_WRITE:
		break;
	case TR_REFUSED_TRIAL:
		logx_err("refused: the running slot %c is on trial and slot %c is its fallback; "
			 "run keel-upgrade --mark-good first", running, target);
		goto out;
	default:
		logx_err("refused: the boot state sequence is exhausted");
		goto out;
	}
	slot_fd = open(o->slot_path[slot_index(target)], O_RDWR | O_CLOEXEC);
	if (slot_fd < 0) {
		logx_err("cannot open slot %c (%s): %s", target, o->slot_path[slot_index(target)],
			 strerror(errno));
		goto out;
	}
	if (is_mounted_root(slot_fd)) {
		logx_err("refused: slot %c (%s) is the mounted root filesystem, yet the kernel "
			 "command line says slot %c is running", target,
			 o->slot_path[slot_index(target)], running);
		goto out;
	}
	if (bundle_slot_end(&h) > device_size(slot_fd)) {
		logx_err("refused: the bundle's last segment ends at byte %" PRIu64 " of the slot, "
			 "slot %c holds %" PRIu64 " bytes", bundle_slot_end(&h), target,
			 device_size(slot_fd));
		goto out;
	}
	fprintf(stderr, "keel-upgrade: installing Keel %s (%" PRIu64 ") for %s into slot %c "
		"(running %c): %" PRIu64 " bytes in %u segment%s\n", h.version, h.version_number,
		h.board, target, running, h.payload_size, h.segment_count,
		h.segment_count == 1 ? "" : "s");

	/* From here on the inactive slot is overwritten: make sure no state
	 * the bootloader could act on points at it. */
	if (tr_disarm(&ds.cur, running, &next) == TR_WRITE) {
		fprintf(stderr, "keel-upgrade: the boot state named slot %c (to boot or to fall "
			"back to); it names only %c until the new image is in place\n", target,
			running);
		if (state_write(disk, o->state_lba, &next, err, sizeof(err)) != 0) {
			logx_err("%s", err);
			goto out;
		}
		if (state_read(disk, o->state_lba, &ds) != 0) {
			logx_err("reading the boot state: %s", strerror(errno));
			goto out;
		}
	}
	st.fd = slot_fd;
	st.slot = target;
	st.path = o->slot_path[slot_index(target)];
	st.quiet = o->quiet;
	slot_headers_init(&st.sh, device_size(slot_fd));
	record_slot(o, target, SLOT_WRITING, &h);
	if (interrupt_catch() != 0) {
		logx_err("cannot catch signals: %s", strerror(errno));
		goto out;
	}
	if (slot_invalidate(&st) != 0 || slot_write_payload(&st, in, &h) != 0 ||
	    slot_verify(&st, &h) != 0 || slot_commit_headers(&st) != 0) {
		fail_slot(o, &st, running);
		goto out;
	}
	record_slot(o, target, SLOT_VERIFIED, &h);

	/* The last write: the switch. A signal up to here still stops it. */
	if (interrupted()) {
		logx_err("failed: %s before the switch to slot %c", strsignal(interrupted()),
			 target);
		fail_slot(o, &st, running);
		goto out;
	}
	if (tr_install(&ds.cur, running, &next) != TR_WRITE ||
	    state_write(disk, o->state_lba, &next, err, sizeof(err)) != 0) {
		logx_err("slot %c is written and verified, but the boot state write failed: %s",
			 target, err);
		goto out;
	}
	print_state("keel-upgrade: boot state ", &next);
	fprintf(stderr, "keel-upgrade: installed Keel %s into slot %c; the next boot tries it "
		"(%d trial boots, then back to %c unless keel-upgrade --mark-good confirms it)\n",
		h.version, target, BOOT_TRIAL_MAX, running);
	rc = 0;
	if (o->reboot)
		rc = do_reboot();
out:
	if (slot_fd >= 0)
		close(slot_fd);
	if (disk >= 0)
		close(disk);
	if (in > 0)
		close(in);
	return rc;
}

int run_mark_good(const struct options *o)
{
	struct disk_state ds;
	struct boot_state next;
	char running, err[160] = "";
	int disk, rc = 1;

	if (running_slot(o, &running) != 0 || (disk = open_disk(o, 1)) < 0)
		return 1;
	if (state_read(disk, o->state_lba, &ds) != 0) {
		logx_err("reading the boot state from %s: %s", o->disk, strerror(errno));
		goto out;
	}
	switch (tr_mark_good(&ds.cur, running, &next)) {
	case TR_NOTHING:
		fprintf(stderr, "keel-upgrade: slot %c is already confirmed\n", running);
		rc = 0;
		goto out;
	case TR_PENDING:
		fprintf(stderr, "keel-upgrade: slot %c is running; a switch to slot %c waits for "
			"the next reboot (nothing to confirm)\n", running, ds.cur.order);
		rc = 0;
		goto out;
	case TR_CONFIRM:
		if (state_write(disk, o->state_lba, &next, err, sizeof(err)) != 0) {
			logx_err("mark-good FAILED, slot %c is still on trial: %s", running, err);
			goto out;
		}
		logx("slot %c confirmed good", running);
		rc = 0;
		goto out;
	case TR_ROLLBACK_DONE:
		if (state_write(disk, o->state_lba, &next, err, sizeof(err)) != 0) {
			logx_err("completing the rollback FAILED: %s", err);
			goto out;
		}
		logx_warn("ROLLBACK: slot %c failed %d trial boots; back on slot %c, which is now "
			  "the confirmed slot", ds.cur.order, BOOT_TRIAL_MAX, running);
		rc = 0;
		goto out;
	default:
		logx_err("mark-good: the boot state sequence is exhausted");
		goto out;
	}
out:
	close(disk);
	return rc;
}

int run_rollback(const struct options *o)
{
	struct disk_state ds;
	struct boot_state next;
	struct slots_db db;
	char running, other, err[160] = "";
	int disk, rc = 1;

	if (running_slot(o, &running) != 0)
		return 1;
	other = slot_other(running);
	slots_db_load(o->slots_db, &db);
	if (db.slot[slot_index(other)].status != SLOT_VERIFIED && !o->force) {
		logx_err("refused: slot %c holds no verified image (%s says %s); --force to boot "
			 "it anyway", other, o->slots_db,
			 slot_status_name(db.slot[slot_index(other)].status));
		return 1;
	}
	if ((disk = open_disk(o, 1)) < 0)
		return 1;
	if (state_read(disk, o->state_lba, &ds) != 0) {
		logx_err("reading the boot state from %s: %s", o->disk, strerror(errno));
		goto out;
	}
	if (tr_rollback(&ds.cur, running, &next) != TR_WRITE ||
	    state_write(disk, o->state_lba, &next, err, sizeof(err)) != 0) {
		logx_err("rollback FAILED: %s", err);
		goto out;
	}
	logx("rollback: the next boot starts slot %c (%s)", other,
	     db.slot[slot_index(other)].version[0] ? db.slot[slot_index(other)].version : "?");
	rc = 0;
	if (o->reboot)
		rc = do_reboot();
out:
	close(disk);
	return rc;
}

int run_status(const struct options *o)
{
	struct disk_state ds;
	struct slots_db db;
	char running = 0;
	int disk;

	if (running_slot(o, &running) != 0)
		running = '?';
	if ((disk = open_disk(o, 0)) < 0)
		return 1;
	if (state_read(disk, o->state_lba, &ds) != 0) {
		logx_err("reading the boot state from %s: %s", o->disk, strerror(errno));
		close(disk);
		return 1;
	}
	close(disk);
	printf("running slot: %c\n", running);
	for (int i = 0; i < BOOT_STATE_COPIES; i++) {
		printf("copy %d (LBA %" PRIu64 "): ", i, o->state_lba[i]);
		if (ds.valid[i])
			printf("valid seq=%" PRIu64 " order=%c trial=%s good=%c%s\n", ds.st[i].seq,
			       ds.st[i].order, boot_trial_name(ds.st[i].trial), ds.st[i].good,
			       ds.chosen == i ? " (in use)" : "");
		else
			printf("invalid (%s)\n", boot_state_strerror(ds.err[i]));
	}
	if (ds.chosen < 0)
		printf("next boot: slot A (no valid copy: factory state)\n");
	else if (ds.cur.trial == BOOT_TRIAL_NONE)
		printf("next boot: slot %c (confirmed)\n", ds.cur.order);
	else if (ds.cur.trial > 0)
		printf("next boot: slot %c on trial (%d boots left), fallback %c\n", ds.cur.order,
		       ds.cur.trial, ds.cur.good);
	else
		printf("next boot: slot %c (fallback: trial of %c failed)\n", ds.cur.good,
		       ds.cur.order);
	slots_db_load(o->slots_db, &db);
	for (int i = 0; i < 2; i++) {
		const struct slot_record *r = &db.slot[i];

		printf("slot %c: %s", "AB"[i], slot_status_name(r->status));
		if (r->status != SLOT_UNKNOWN && r->status != SLOT_GARBAGE &&
		    r->status != SLOT_INVALID)
			printf(" %s (%" PRIu64 ")", r->version, r->version_number);
		printf("\n");
	}
	return 0;
}
