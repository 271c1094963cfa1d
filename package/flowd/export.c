/*
 * export.c - the three wire formats. Field lists are tables, so the
 * template sent and the records written cannot disagree.
 */
#include <string.h>

#include "export.h"

struct field {
	uint16_t id;	/* v9 field type = IPFIX information element */
	uint16_t len;
};

enum {
	F_SRC4 = 8, F_DST4 = 12, F_SRC6 = 27, F_DST6 = 28,
	F_SPORT = 7, F_DPORT = 11, F_PROTO = 4, F_TOS = 5, F_FLAGS = 6,
	F_INPUT = 10, F_PKTS = 2, F_BYTES = 1,
	F_V9_FIRST = 22, F_V9_LAST = 21,	/* ms of sysUpTime */
	F_IPFIX_START = 152, F_IPFIX_END = 153,	/* epoch ms */
	/* type << 8 | code; collectors do not look for it in the port */
	F_ICMP4 = 32, F_ICMP6 = 139,
};

#define NFIELDS 13

static const struct field v9_fields[2][NFIELDS] = {
	{ { F_SRC4, 4 }, { F_DST4, 4 }, { F_SPORT, 2 }, { F_DPORT, 2 },
	  { F_PROTO, 1 }, { F_TOS, 1 }, { F_FLAGS, 1 }, { F_INPUT, 4 },
	  { F_PKTS, 8 }, { F_BYTES, 8 }, { F_V9_FIRST, 4 }, { F_V9_LAST, 4 },
	  { F_ICMP4, 2 } },
	{ { F_SRC6, 16 }, { F_DST6, 16 }, { F_SPORT, 2 }, { F_DPORT, 2 },
	  { F_PROTO, 1 }, { F_TOS, 1 }, { F_FLAGS, 1 }, { F_INPUT, 4 },
	  { F_PKTS, 8 }, { F_BYTES, 8 }, { F_V9_FIRST, 4 }, { F_V9_LAST, 4 },
	  { F_ICMP4, 2 } },	/* v9 has one ICMP_TYPE for both */
};

/* tcpControlBits is unsigned16 in IPFIX (RFC 7125). */
static const struct field ipfix_fields[2][NFIELDS] = {
	{ { F_SRC4, 4 }, { F_DST4, 4 }, { F_SPORT, 2 }, { F_DPORT, 2 },
	  { F_PROTO, 1 }, { F_TOS, 1 }, { F_FLAGS, 2 }, { F_INPUT, 4 },
	  { F_PKTS, 8 }, { F_BYTES, 8 }, { F_IPFIX_START, 8 },
	  { F_IPFIX_END, 8 }, { F_ICMP4, 2 } },
	{ { F_SRC6, 16 }, { F_DST6, 16 }, { F_SPORT, 2 }, { F_DPORT, 2 },
	  { F_PROTO, 1 }, { F_TOS, 1 }, { F_FLAGS, 2 }, { F_INPUT, 4 },
	  { F_PKTS, 8 }, { F_BYTES, 8 }, { F_IPFIX_START, 8 },
	  { F_IPFIX_END, 8 }, { F_ICMP6, 2 } },
};

#define V5_HEADER	24
#define V5_RECORD	48
#define V9_HEADER	20
#define IPFIX_HEADER	16

_Static_assert(V5_HEADER + EXPORT_V5_MAX * V5_RECORD <= EXPORT_MTU,
	       "v5 datagram fits the buffer");

static const struct field *fields_of(int version, int family)
{
	int v6 = family == 6;

	return version == 10 ? ipfix_fields[v6] : v9_fields[v6];
}

size_t exp_record_size(int version, int family)
{
	const struct field *fl;
	size_t n = 0;
	int i;

	if (version == 5)
		return family == 4 ? V5_RECORD : 0;
	fl = fields_of(version, family);
	for (i = 0; i < NFIELDS; i++)
		n += fl[i].len;
	return n;
}

static uint8_t *put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
	return p + 2;
}

static uint8_t *put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
	return p + 4;
}

static uint8_t *put64(uint8_t *p, uint64_t v)
{
	p = put32(p, (uint32_t)(v >> 32));
	return put32(p, (uint32_t)v);
}

/* sysUpTime-relative ms, 0 for times before the exporter started. */
static uint32_t uptime(const struct exporter *e, uint64_t ms)
{
	return ms > e->boot_ms ? (uint32_t)(ms - e->boot_ms) : 0;
}

/* 32-bit v5 counters saturate rather than wrap to a small lie. */
static uint32_t sat32(uint64_t v)
{
	return v > UINT32_MAX ? UINT32_MAX : (uint32_t)v;
}

void exp_init(struct exporter *e, int version, uint32_t source_id,
	      uint64_t boot_ms)
{
	memset(e, 0, sizeof(*e));
	e->version = version;
	e->source_id = source_id;
	e->boot_ms = boot_ms;
	e->tmpl_every_pkts = 20;
	e->tmpl_every_ms = 60000;
}

static void write_templates(struct exporter *e)
{
	uint8_t *p = e->buf + e->len, *set = p;
	const struct field *fl;
	int fam, i;

	p = put16(p, e->version == 10 ? 2 : 0);
	p += 2;		/* set length, below */
	for (fam = 4; fam <= 6; fam += 2) {
		fl = fields_of(e->version, fam);
		p = put16(p, fam == 4 ? TMPL_ID_V4 : TMPL_ID_V6);
		p = put16(p, NFIELDS);
		for (i = 0; i < NFIELDS; i++) {
			p = put16(p, fl[i].id);
			p = put16(p, fl[i].len);
		}
		e->nrecords++;
	}
	put16(set + 2, (uint32_t)(p - set));
	e->len = (size_t)(p - e->buf);
}

static void close_set(struct exporter *e)
{
	if (!e->set_id)
		return;
	/* v9 wants data flowsets padded to 4 bytes; IPFIX allows it. */
	if (e->version == 9)
		while ((e->len - e->set_off) % 4)
			e->buf[e->len++] = 0;
	put16(e->buf + e->set_off + 2, (uint32_t)(e->len - e->set_off));
	e->set_id = 0;
}

static void begin(struct exporter *e, uint64_t now_ms)
{
	e->len = e->version == 5 ? V5_HEADER :
		 e->version == 9 ? V9_HEADER : IPFIX_HEADER;
	e->nrecords = e->ndata = 0;
	e->set_id = 0;
	if (e->version == 5)
		return;
	if (!e->tmpl_sent || e->since_tmpl >= e->tmpl_every_pkts ||
	    now_ms >= e->tmpl_ms + e->tmpl_every_ms || now_ms < e->tmpl_ms) {
		write_templates(e);
		e->tmpl_sent = true;
		e->since_tmpl = 0;
		e->tmpl_ms = now_ms;
	}
}

static void write_v5(struct exporter *e, const struct flow *f,
		     uint32_t ifindex)
{
	uint8_t *p = e->buf + e->len;

	memcpy(p, f->key.src, 4);
	memcpy(p + 4, f->key.dst, 4);
	memset(p + 8, 0, 4);		/* next hop: not known to a tap */
	p = put16(p + 12, ifindex > 0xffff ? 0 : ifindex);
	p = put16(p, 0);		/* output interface */
	p = put32(p, sat32(f->packets));
	p = put32(p, sat32(f->bytes));
	p = put32(p, uptime(e, f->first_ms));
	p = put32(p, uptime(e, f->last_ms));
	p = put16(p, f->key.sport);
	p = put16(p, f->key.dport);
	*p++ = 0;
	*p++ = f->tcp_flags;
	*p++ = f->key.proto;
	*p++ = f->tos;
	memset(p, 0, 8);		/* AS numbers, masks, padding */
	e->len += V5_RECORD;
}

static void write_v9_ipfix(struct exporter *e, const struct flow *f,
			   uint32_t ifindex)
{
	const struct field *fl = fields_of(e->version, f->key.family);
	uint8_t *p = e->buf + e->len;
	int i;

	for (i = 0; i < NFIELDS; i++) {
		switch (fl[i].id) {
		case F_SRC4: case F_SRC6:
			memcpy(p, f->key.src, fl[i].len);
			p += fl[i].len;
			break;
		case F_DST4: case F_DST6:
			memcpy(p, f->key.dst, fl[i].len);
			p += fl[i].len;
			break;
		case F_SPORT: p = put16(p, f->key.sport); break;
		case F_DPORT: p = put16(p, f->key.dport); break;
		case F_PROTO: *p++ = f->key.proto; break;
		case F_TOS: *p++ = f->tos; break;
		case F_FLAGS:
			if (fl[i].len == 2)
				*p++ = 0;
			*p++ = f->tcp_flags;
			break;
		case F_INPUT: p = put32(p, ifindex); break;
		case F_PKTS: p = put64(p, f->packets); break;
		case F_BYTES: p = put64(p, f->bytes); break;
		case F_V9_FIRST: p = put32(p, uptime(e, f->first_ms)); break;
		case F_V9_LAST: p = put32(p, uptime(e, f->last_ms)); break;
		case F_IPFIX_START: p = put64(p, f->first_ms); break;
		case F_IPFIX_END: p = put64(p, f->last_ms); break;
		case F_ICMP4: case F_ICMP6:
			p = put16(p, f->key.proto == 1 || f->key.proto == 58 ?
				     f->key.dport : 0);
			break;
		}
	}
	e->len = (size_t)(p - e->buf);
}

int exp_add(struct exporter *e, const struct flow *f, uint32_t ifindex,
	    uint64_t now_ms)
{
	size_t need = exp_record_size(e->version, f->key.family);
	uint16_t set_id;

	if (!need)
		return EXP_SKIP;
	if (!e->len)
		begin(e, now_ms);
	if (e->version == 5) {
		if (e->ndata == EXPORT_V5_MAX)
			return EXP_FULL;
		write_v5(e, f, ifindex);
		e->ndata++;
		return EXP_ADDED;
	}
	set_id = f->key.family == 6 ? TMPL_ID_V6 : TMPL_ID_V4;
	if (set_id != e->set_id)
		need += 4;
	/* Room for the worst-case padding of the set, too. */
	if (e->len + need + 3 > sizeof(e->buf))
		return EXP_FULL;
	if (set_id != e->set_id) {
		close_set(e);
		e->set_off = e->len;
		put16(e->buf + e->len, set_id);
		e->len += 4;
		e->set_id = set_id;
	}
	write_v9_ipfix(e, f, ifindex);
	e->ndata++;
	e->nrecords++;
	return EXP_ADDED;
}

size_t exp_finish(struct exporter *e, uint64_t now_ms, const uint8_t **out)
{
	uint8_t *p = e->buf;
	size_t len;

	if (!e->len)
		return 0;
	close_set(e);
	p = put16(p, (uint32_t)e->version);
	switch (e->version) {
	case 5:
		p = put16(p, e->ndata);
		p = put32(p, uptime(e, now_ms));
		p = put32(p, (uint32_t)(now_ms / 1000));
		p = put32(p, (uint32_t)(now_ms % 1000) * 1000000u);
		p = put32(p, e->seq);
		*p++ = 0;				/* engine type */
		*p++ = (uint8_t)e->source_id;		/* engine id */
		put16(p, 0);				/* not sampled */
		e->seq += e->ndata;
		break;
	case 9:
		/* No sub-second field in the header: collectors compute
		 * unix_secs - sysUpTime + First, so uptime is taken at the
		 * whole second too, or every time would be off by up to 1 s. */
		p = put16(p, e->nrecords);
		p = put32(p, uptime(e, now_ms - now_ms % 1000));
		p = put32(p, (uint32_t)(now_ms / 1000));
		p = put32(p, e->seq);
		put32(p, e->source_id);
		e->seq++;
		break;
	default:
		p = put16(p, (uint32_t)e->len);
		p = put32(p, (uint32_t)(now_ms / 1000));
		p = put32(p, e->seq);
		put32(p, e->source_id);
		e->seq += e->ndata;
		break;
	}
	len = e->len;
	e->len = 0;
	e->since_tmpl++;
	e->datagrams++;
	*out = e->buf;
	return len;
}
