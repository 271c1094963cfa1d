/*
 * offline.h - flowd -r: a classic pcap file read in large blocks and
 * parsed in place (pcapfile.c), packets fed to the engine with the file's
 * timestamps as the clock.
 */
#ifndef FLOWD_OFFLINE_H
#define FLOWD_OFFLINE_H

#include <stddef.h>

#include "engine.h"

/* Holds one maximal record plus a block. */
#define OFFLINE_BUF (512 * 1024)

struct offline_reader {
	unsigned char buf[OFFLINE_BUF];
};

/*
 * Reads fd to its end into e. Returns PCAPFILE_OK, PCAPFILE_OTHER when the
 * file is not classic pcap (the caller hands it to libpcap), or
 * PCAPFILE_BAD with a reason in err. A last record cut short by the end of
 * the file is dropped with a warning in err, and PCAPFILE_OK returned.
 */
int offline_read(struct offline_reader *r, int fd, struct engine *e,
		 char *err, size_t errlen);

#endif /* FLOWD_OFFLINE_H */
