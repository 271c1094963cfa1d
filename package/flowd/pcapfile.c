/*
 * pcapfile.c - classic pcap global and record headers, either byte order,
 * micro- or nanosecond timestamps.
 */
#include "pcapfile.h"

#define MAGIC_US	0xa1b2c3d4u
#define MAGIC_NS	0xa1b23c4du

static uint32_t get32(const struct pcapfile *f, const uint8_t *p)
{
	if (f->swapped)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		       (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[1] << 8 | p[0];
}

static unsigned get16(const struct pcapfile *f, const uint8_t *p)
{
	return f->swapped ? (unsigned)(p[0] << 8 | p[1]) :
			    (unsigned)(p[1] << 8 | p[0]);
}

int pcapfile_header(const uint8_t *p, size_t len, struct pcapfile *out)
{
	uint32_t magic;

	if (len < PCAPFILE_HEADER)
		return PCAPFILE_SHORT;
	out->swapped = 0;
	magic = get32(out, p);
	if (magic != MAGIC_US && magic != MAGIC_NS) {
		out->swapped = 1;
		magic = get32(out, p);
		if (magic != MAGIC_US && magic != MAGIC_NS)
			return PCAPFILE_OTHER;
	}
	out->nsec = magic == MAGIC_NS;
	/* Version 2.4 is the only one written since 1998. */
	if (get16(out, p + 4) != 2)
		return PCAPFILE_BAD;
	out->snaplen = get32(out, p + 16);
	/* The high bits carry FCS length flags; the type is the low 16. */
	out->linktype = get32(out, p + 20) & 0xffff;
	return PCAPFILE_OK;
}

int pcapfile_record(const struct pcapfile *f, const uint8_t *p, size_t len,
		    struct pcapfile_rec *out)
{
	uint32_t sec, frac;

	if (len < PCAPFILE_REC_HEADER)
		return PCAPFILE_SHORT;
	sec = get32(f, p);
	frac = get32(f, p + 4);
	out->caplen = get32(f, p + 8);
	out->wirelen = get32(f, p + 12);
	if (out->caplen > PCAPFILE_MAX_CAPLEN ||
	    frac >= (f->nsec ? 1000000000u : 1000000u))
		return PCAPFILE_BAD;
	if (len - PCAPFILE_REC_HEADER < out->caplen)
		return PCAPFILE_SHORT;
	out->ts_ms = (uint64_t)sec * 1000 + frac / (f->nsec ? 1000000u : 1000u);
	out->data = p + PCAPFILE_REC_HEADER;
	out->size = PCAPFILE_REC_HEADER + (size_t)out->caplen;
	return PCAPFILE_OK;
}
