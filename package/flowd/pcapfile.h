/*
 * pcapfile.h - the classic pcap file format (not pcapng), parsed in place
 * from a read buffer: flowd -r reads files with this rather than through
 * libpcap's stdio path, which copied every packet twice. Pure: no I/O.
 */
#ifndef FLOWD_PCAPFILE_H
#define FLOWD_PCAPFILE_H

#include <stddef.h>
#include <stdint.h>

#define PCAPFILE_HEADER		24
#define PCAPFILE_REC_HEADER	16
/* libpcap's own limit on a record's captured length. */
#define PCAPFILE_MAX_CAPLEN	262144

enum pcapfile_result {
	PCAPFILE_OK = 0,
	PCAPFILE_OTHER = -1,	/* not classic pcap (pcapng...): libpcap reads it */
	PCAPFILE_BAD = -2,	/* a classic pcap header or record that lies */
	PCAPFILE_SHORT = -3,	/* more bytes needed */
};

struct pcapfile {
	int swapped;		/* written on a host of the other byte order */
	int nsec;		/* timestamps in ns, not us */
	uint32_t linktype;
	uint32_t snaplen;
};

struct pcapfile_rec {
	uint64_t ts_ms;
	uint32_t caplen;
	uint32_t wirelen;
	const uint8_t *data;
	size_t size;		/* header and data: where the next one starts */
};

int pcapfile_header(const uint8_t *p, size_t len, struct pcapfile *out);
int pcapfile_record(const struct pcapfile *f, const uint8_t *p, size_t len,
		    struct pcapfile_rec *out);

#endif /* FLOWD_PCAPFILE_H */
