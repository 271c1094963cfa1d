/*
 * fuzz_pcapfile.c - libFuzzer target: any bytes as a pcap file, parsed
 * the way offline_read() walks a buffer, each record decoded as a frame.
 */
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "pcapfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pcapfile pf;
	struct pcapfile_rec rec;
	struct pkt_info pi;
	size_t off = PCAPFILE_HEADER;

	if (pcapfile_header(data, size, &pf) != PCAPFILE_OK)
		return 0;
	while (pcapfile_record(&pf, data + off, size - off, &rec) ==
	       PCAPFILE_OK) {
		if (rec.size != PCAPFILE_REC_HEADER + rec.caplen ||
		    rec.size > size - off)
			__builtin_trap();
		pkt_decode(rec.data, rec.caplen, (int)pf.linktype, &pi);
		off += rec.size;
	}
	return 0;
}
