/*
 * offline.c - the read loop of flowd -r; see offline.h.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "offline.h"
#include "pcapfile.h"

/* Room for the largest record plus a useful read after it, so a read into
 * the rest of the buffer never asks for 0 bytes (which would look like EOF). */
_Static_assert(OFFLINE_BUF >= PCAPFILE_REC_HEADER + PCAPFILE_MAX_CAPLEN + 65536,
	       "a block always completes a record");

int offline_read(struct offline_reader *r, int fd, struct engine *e,
		 char *err, size_t errlen)
{
	struct pcapfile pf;
	struct pcapfile_rec rec;
	size_t len = 0, off = 0;
	unsigned long long consumed = 0;
	bool header = false, first = true, eof = false;
	int rc;

	err[0] = '\0';
	while (!eof) {
		ssize_t n = read(fd, r->buf + len, sizeof(r->buf) - len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			snprintf(err, errlen, "read: %s", strerror(errno));
			return PCAPFILE_BAD;
		}
		eof = n == 0;
		len += (size_t)n;
		if (!header) {
			rc = pcapfile_header(r->buf, len, &pf);
			if (rc == PCAPFILE_SHORT && !eof)
				continue;
			if (rc == PCAPFILE_OTHER)
				return rc;
			if (rc != PCAPFILE_OK) {
				snprintf(err, errlen, "not a pcap file (bad "
					 "header)");
				return PCAPFILE_BAD;
			}
			header = true;
			off = PCAPFILE_HEADER;
		}
		while ((rc = pcapfile_record(&pf, r->buf + off, len - off,
					     &rec)) == PCAPFILE_OK) {
			if (first) {
				engine_set_clock(e, rec.ts_ms);
				first = false;
			}
			engine_packet(e, 0, rec.ts_ms, rec.data, rec.caplen,
				      (int)pf.linktype);
			off += rec.size;
		}
		if (rc == PCAPFILE_BAD) {
			snprintf(err, errlen, "bad record at offset %llu",
				 consumed + off);
			return PCAPFILE_BAD;
		}
		/* Keep the partial record; the next read completes it. */
		memmove(r->buf, r->buf + off, len - off);
		len -= off;
		consumed += off;
		off = 0;
	}
	if (len)
		snprintf(err, errlen, "last record cut short (%zu bytes at "
			 "offset %llu ignored)", len, consumed);
	return PCAPFILE_OK;
}
