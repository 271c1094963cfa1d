/*
 * slot_write.c - the payload into the inactive slot, headers last
 * (slot_write.h).
 */
#define _GNU_SOURCE	/* strsignal */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "interrupt.h"
#include "keel/log.h"
#include "progress.h"
#include "slot_write.h"
#include "state_io.h"
#include "verify.h"

#define CHUNK (1u << 20)

static uint8_t chunk[CHUNK];
/* Never written; not const, so it sits in .bss instead of 4 KiB of the binary. */
static uint8_t zeros[SLOT_HOLD_MAX];

static int stopped(const struct slot_target *t, const char *doing)
{
	int sig = interrupted();

	if (!sig)
		return 0;
	logx_err("failed: %s while %s slot %c", strsignal(sig), doing, t->slot);
	return 1;
}

/* fd_read_upto, except that a caught signal ends a blocked read. */
static ssize_t read_payload(int in, uint8_t *buf, size_t n)
{
	size_t got = 0;

	while (got < n && !interrupted()) {
		ssize_t r = read(in, buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -1;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

int slot_invalidate(const struct slot_target *t)
{
	for (int i = 0; i < t->sh.count; i++) {
		const struct slot_region *r = &t->sh.region[i];

		if (pwrite_full(t->fd, zeros, r->length, r->offset) != 0) {
			logx_err("zeroing the %s of slot %c (%s) at byte %" PRIu64 ": %s", r->name,
				 t->slot, t->path, r->offset, strerror(errno));
			return -1;
		}
	}
	if (fdatasync(t->fd) != 0) {
		logx_err("flushing the zeroed headers of slot %c (%s): %s", t->slot, t->path,
			 strerror(errno));
		return -1;
	}
	return 0;
}

/* Streams the payload into the slot while hashing it: each segment's bytes
 * at its offset, except those of the headers, which wait in t->sh. Bytes
 * outside the segments keep whatever the slot held: nothing reads them
 * (docs/bundle.md, "What the slot keeps"). */
int slot_write_payload(struct slot_target *t, int in, const struct bundle_header *h)
{
	struct payload_hash ph;
	struct progress pr;
	uint8_t digest[BUNDLE_HASH_SIZE];
	uint64_t done = 0;
	char what[32];

	snprintf(what, sizeof(what), "writing slot %c", t->slot);
	payload_hash_init(&ph);
	progress_start(&pr, what, h->payload_size, t->quiet);
	for (uint32_t i = 0; i < h->segment_count; i++) {
		const struct bundle_segment *seg = &h->segment[i];

		for (uint64_t at = 0; at < seg->length;) {
			uint64_t left = seg->length - at;
			size_t want = left < CHUNK ? (size_t)left : CHUNK;
			ssize_t n = read_payload(in, chunk, want);

			if (stopped(t, "writing"))
				return -1;
			if (n < 0) {
				logx_err("reading the bundle: %s", strerror(errno));
				return -1;
			}
			payload_hash_update(&ph, chunk, (size_t)n);
			for (size_t k = 0; k < (size_t)n;) {
				uint64_t off = seg->offset + at + k;
				int held;
				size_t run = slot_headers_take(&t->sh, chunk + k, (size_t)n - k, off,
							       &held);

				if (!held && pwrite_full(t->fd, chunk + k, run, off) != 0) {
					logx_err("writing slot %c (%s) at byte %" PRIu64 ": %s",
						 t->slot, t->path, off, strerror(errno));
					return -1;
				}
				k += run;
			}
			at += (uint64_t)n;
			done += (uint64_t)n;
			progress_update(&pr, done);
			if ((size_t)n < want) {
				progress_end(&pr, done);
				logx_err("failed: truncated bundle: the payload ends after %" PRIu64
					 " of %" PRIu64 " bytes", done, h->payload_size);
				return -1;
			}
		}
	}
	progress_end(&pr, done);
	ssize_t extra = read_payload(in, chunk, 1);

	if (stopped(t, "writing"))
		return -1;
	if (extra != 0) {
		logx_err("failed: the bundle has bytes after its payload (not one bundle)");
		return -1;
	}
	payload_hash_final(&ph, digest);
	if (!hash_equal(digest, h->payload_sha512)) {
		logx_err("failed: the payload's SHA-512 does not match the signed header "
			 "(corrupt bundle)");
		return -1;
	}
	if (flush_and_drop(t->fd, 0, bundle_slot_end(h)) != 0) {
		logx_err("flushing slot %c: %s", t->slot, strerror(errno));
		return -1;
	}
	return 0;
}

/* Reads the segments back from the device and hashes them again, with the
 * held headers in place of the zeros the slot holds there for now. */
int slot_verify(const struct slot_target *t, const struct bundle_header *h)
{
	struct payload_hash ph;
	struct progress pr;
	uint8_t digest[BUNDLE_HASH_SIZE];
	uint64_t done = 0;
	char what[32];

	snprintf(what, sizeof(what), "verifying slot %c", t->slot);
	payload_hash_init(&ph);
	progress_start(&pr, what, h->payload_size, t->quiet);
	for (uint32_t i = 0; i < h->segment_count; i++) {
		const struct bundle_segment *seg = &h->segment[i];

		for (uint64_t at = 0; at < seg->length;) {
			uint64_t left = seg->length - at;
			size_t want = left < CHUNK ? (size_t)left : CHUNK;

			if (stopped(t, "verifying"))
				return -1;
			if (pread_full(t->fd, chunk, want, seg->offset + at) != 0) {
				logx_err("reading back slot %c: %s", t->slot, strerror(errno));
				return -1;
			}
			slot_headers_overlay(&t->sh, chunk, want, seg->offset + at);
			payload_hash_update(&ph, chunk, want);
			at += want;
			done += want;
			progress_update(&pr, done);
		}
	}
	progress_end(&pr, done);
	payload_hash_final(&ph, digest);
	if (!hash_equal(digest, h->payload_sha512)) {
		logx_err("failed: slot %c reads back different from what was written "
			 "(failing storage?)", t->slot);
		return -1;
	}
	return 0;
}

static int write_region(const struct slot_target *t, int i)
{
	const struct slot_region *r = &t->sh.region[i];

	if (pwrite_full(t->fd, t->sh.held[i], r->length, r->offset) != 0) {
		logx_err("writing the %s of slot %c (%s): %s", r->name, t->slot, t->path,
			 strerror(errno));
		return -1;
	}
	return 0;
}

/* The held headers, in region order, with a flush before the last (the
 * kernel header): a power cut in between leaves no kernel to load. */
int slot_commit_headers(const struct slot_target *t)
{
	uint8_t back[SLOT_HOLD_MAX];
	int last = t->sh.count - 1;

	if (stopped(t, "finishing"))
		return -1;
	for (int i = 0; i < last; i++)
		if (write_region(t, i) != 0)
			return -1;
	if (last > 0 && fdatasync(t->fd) != 0) {
		logx_err("flushing the headers of slot %c: %s", t->slot, strerror(errno));
		return -1;
	}
	if (last >= 0 && write_region(t, last) != 0)
		return -1;
	for (int i = 0; i <= last; i++) {
		const struct slot_region *r = &t->sh.region[i];

		if (flush_and_drop(t->fd, r->offset, r->length) != 0 ||
		    pread_full(t->fd, back, r->length, r->offset) != 0) {
			logx_err("reading back the %s of slot %c: %s", r->name, t->slot,
				 strerror(errno));
			return -1;
		}
		if (memcmp(back, t->sh.held[i], r->length) != 0) {
			logx_err("failed: the %s of slot %c reads back different from what was "
				 "written (failing storage?)", r->name, t->slot);
			return -1;
		}
	}
	return 0;
}
