/*
 * test_export.c - NetFlow v5, v9 and IPFIX datagrams decoded again by a
 * small independent reader below: headers, templates, every field of
 * every record, and the size limits.
 */
#include <stdlib.h>

#include "check.h"
#include "export.h"

static unsigned g16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static uint32_t g32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint64_t gn(const uint8_t *p, unsigned len)
{
	uint64_t v = 0;

	while (len--)
		v = v << 8 | *p++;
	return v;
}

#define BOOT 1700000000000ull

static struct flow mkflow(int family, unsigned i)
{
	struct flow f;

	memset(&f, 0, sizeof(f));
	f.key.family = (uint8_t)family;
	f.key.src[0] = family == 4 ? 10 : 0xfd;
	f.key.src[family == 4 ? 3 : 15] = (uint8_t)i;
	f.key.dst[0] = family == 4 ? 192 : 0x20;
	f.key.dst[family == 4 ? 3 : 15] = 7;
	f.key.sport = (uint16_t)(1000 + i);
	f.key.dport = 443;
	f.key.proto = 6;
	f.packets = 10 + i;
	f.bytes = 5000000000ull + i;	/* past 32 bits */
	f.first_ms = BOOT + 1500 + i;
	f.last_ms = BOOT + 2500 + i;
	f.tcp_flags = 0x1b;
	f.tos = 0x20;
	return f;
}

/* One decoded record, whatever the version. */
struct rec {
	int family;
	uint8_t src[16], dst[16];
	unsigned sport, dport, proto, tos, flags, input, icmp;
	uint64_t packets, bytes, first_ms, last_ms;
};

struct tmpl {
	unsigned n;
	unsigned id[32], len[32];
};

/* Decodes a datagram into recs; returns the record count or -1. */
static int decode(const uint8_t *p, size_t len, struct rec *recs, int max,
		  struct tmpl *t4, struct tmpl *t6, uint32_t *seq)
{
	unsigned version = g16(p);
	int n = 0;

	if (version == 5) {
		unsigned count = g16(p + 2), i;
		uint32_t uptime = g32(p + 4);
		uint64_t now = (uint64_t)g32(p + 8) * 1000 + g32(p + 12) / 1000000;

		*seq = g32(p + 16);
		if (len != 24 + 48 * (size_t)count)
			return -1;
		for (i = 0; i < count && n < max; i++) {
			const uint8_t *r = p + 24 + 48 * i;
			struct rec *o = &recs[n++];

			memset(o, 0, sizeof(*o));
			o->family = 4;
			memcpy(o->src, r, 4);
			memcpy(o->dst, r + 4, 4);
			o->input = g16(r + 12);
			o->packets = g32(r + 16);
			o->bytes = g32(r + 20);
			o->first_ms = now - uptime + g32(r + 24);
			o->last_ms = now - uptime + g32(r + 28);
			o->sport = g16(r + 32);
			o->dport = g16(r + 34);
			o->flags = r[37];
			o->proto = r[38];
			o->tos = r[39];
		}
		return n;
	}

	size_t off = version == 9 ? 20 : 16;
	uint64_t base = 0;

	if (version == 9) {
		/* unix_secs - sysUpTime: what collectors add First/Last to */
		base = (uint64_t)g32(p + 8) * 1000 - g32(p + 4);
		*seq = g32(p + 12);
	} else if (version == 10) {
		if (g16(p + 2) != len)
			return -1;
		*seq = g32(p + 8);
	} else {
		return -1;
	}
	while (off + 4 <= len) {
		unsigned id = g16(p + off), slen = g16(p + off + 2);
		size_t end = off + slen, q = off + 4;

		if (slen < 4 || end > len)
			return -1;
		if (id == (version == 9 ? 0u : 2u)) {
			while (q + 4 <= end) {
				unsigned tid = g16(p + q), nf = g16(p + q + 2), i;
				struct tmpl *t = tid == TMPL_ID_V4 ? t4 : t6;

				q += 4;
				t->n = nf;
				for (i = 0; i < nf && i < 32; i++, q += 4) {
					t->id[i] = g16(p + q);
					t->len[i] = g16(p + q + 2);
				}
			}
		} else {
			struct tmpl *t = id == TMPL_ID_V4 ? t4 : t6;
			size_t rlen = 0;
			unsigned i;

			for (i = 0; i < t->n; i++)
				rlen += t->len[i];
			if (!t->n || !rlen)
				return -1;
			while (q + rlen <= end && n < max) {
				struct rec *o = &recs[n++];

				memset(o, 0, sizeof(*o));
				o->family = id == TMPL_ID_V4 ? 4 : 6;
				for (i = 0; i < t->n; i++) {
					uint64_t v = gn(p + q, t->len[i]);

					switch (t->id[i]) {
					case 8: case 27: memcpy(o->src, p + q, t->len[i]); break;
					case 12: case 28: memcpy(o->dst, p + q, t->len[i]); break;
					case 7: o->sport = (unsigned)v; break;
					case 11: o->dport = (unsigned)v; break;
					case 4: o->proto = (unsigned)v; break;
					case 5: o->tos = (unsigned)v; break;
					case 6: o->flags = (unsigned)v; break;
					case 10: o->input = (unsigned)v; break;
					case 2: o->packets = v; break;
					case 1: o->bytes = v; break;
					case 22: o->first_ms = base + v; break;
					case 21: o->last_ms = base + v; break;
					case 152: o->first_ms = v; break;
					case 153: o->last_ms = v; break;
					case 32: case 139: o->icmp = (unsigned)v; break;
					default: return -1;
					}
					q += t->len[i];
				}
			}
			/* Only padding may follow the last record. */
			if (end - q >= 4)
				return -1;
		}
		off = end;
	}
	return off == len ? n : -1;
}

static void check_rec(const struct rec *r, const struct flow *f, int version)
{
	size_t alen = f->key.family == 4 ? 4 : 16;

	CHECK_EQ_INT(r->family, f->key.family);
	CHECK(memcmp(r->src, f->key.src, alen) == 0);
	CHECK(memcmp(r->dst, f->key.dst, alen) == 0);
	CHECK_EQ_UINT(r->sport, f->key.sport);
	CHECK_EQ_UINT(r->dport, f->key.dport);
	CHECK_EQ_UINT(r->proto, f->key.proto);
	CHECK_EQ_UINT(r->tos, f->tos);
	CHECK_EQ_UINT(r->flags, f->tcp_flags);
	CHECK_EQ_UINT(r->input, 3);
	CHECK_EQ_UINT(r->packets, f->packets);
	/* v5's 32-bit counter saturates instead of wrapping. */
	CHECK_EQ_UINT(r->bytes, version == 5 ? UINT32_MAX : f->bytes);
	CHECK_EQ_UINT(r->first_ms, f->first_ms);
	CHECK_EQ_UINT(r->last_ms, f->last_ms);
}

/* n flows of the given families through one exporter; every datagram
 * decoded, every record compared with the flow that went in, in order.
 * Returns the datagram count. */
static unsigned roundtrip(int version, unsigned n, int v6_every)
{
	static struct exporter e;
	static struct rec recs[64];
	static struct flow added[512];
	struct tmpl t4 = { 0 }, t6 = { 0 };
	const uint8_t *dg;
	unsigned i, nadded = 0, got = 0, datagrams = 0, skipped = 0;
	uint32_t seq, flows_before = 0;
	uint64_t now = BOOT + 3456;	/* not on a whole second */
	int k, j, rc;

	exp_init(&e, version, 1, BOOT);
	for (i = 0; i <= n; i++) {
		struct flow f = mkflow(v6_every && i % v6_every == 0 ? 6 : 4, i);
		size_t len;

		rc = i < n ? exp_add(&e, &f, 3, now) : EXP_FULL;
		if (rc == EXP_SKIP) {
			skipped++;
			continue;
		}
		if (rc == EXP_ADDED) {
			added[nadded++] = f;
			continue;
		}
		len = exp_finish(&e, now, &dg);
		if (!len)
			break;
		CHECK(len <= EXPORT_MTU);
		datagrams++;
		k = decode(dg, len, recs, 64, &t4, &t6, &seq);
		CHECK(k > 0);
		if (k <= 0)
			return datagrams;
		if (version == 9)
			CHECK_EQ_UINT(seq, datagrams - 1);
		else
			CHECK_EQ_UINT(seq, flows_before);
		flows_before += (uint32_t)k;
		for (j = 0; j < k && got + (unsigned)j < nadded; j++)
			check_rec(&recs[j], &added[got + (unsigned)j], version);
		got += (unsigned)k;
		if (i < n) {
			CHECK_EQ_INT(exp_add(&e, &f, 3, now), EXP_ADDED);
			added[nadded++] = f;
		}
	}
	CHECK_EQ_UINT(got, nadded);
	if (version == 5 && v6_every)
		CHECK(skipped > 0);
	return datagrams;
}

static void test_versions(void)
{
	/* v5: 29 records a datagram (30 would pass the MTU), IPv6 refused. */
	CHECK_EQ_UINT(EXPORT_V5_MAX, 29);
	CHECK_EQ_UINT(roundtrip(5, 58, 0), 2);
	CHECK_EQ_UINT(roundtrip(5, 59, 0), 3);
	roundtrip(5, 40, 3);
	/* v9 and IPFIX: mixed families switch sets inside a datagram. */
	CHECK(roundtrip(9, 100, 0) >= 3);
	roundtrip(9, 100, 3);
	roundtrip(10, 100, 0);
	roundtrip(10, 100, 2);
	CHECK_EQ_UINT(exp_record_size(5, 4), 48);
	CHECK_EQ_UINT(exp_record_size(5, 6), 0);
	CHECK_EQ_UINT(exp_record_size(9, 4), 45);
	CHECK_EQ_UINT(exp_record_size(9, 6), 69);
	CHECK_EQ_UINT(exp_record_size(10, 4), 54);
	CHECK_EQ_UINT(exp_record_size(10, 6), 78);
}

/* Templates lead the first datagram, then every tmpl_every_pkts
 * datagrams or tmpl_every_ms. */
static void test_template_schedule(void)
{
	static struct exporter e;
	struct flow f = mkflow(4, 1);
	const uint8_t *dg;
	uint64_t now = BOOT;
	int i, with[8];

	exp_init(&e, 10, 0, BOOT);
	e.tmpl_every_pkts = 3;
	e.tmpl_every_ms = 10000;
	for (i = 0; i < 8; i++) {
		size_t len;

		exp_add(&e, &f, 0, now);
		len = exp_finish(&e, now, &dg);
		CHECK(len > 16);
		with[i] = g16(dg + 16) == 2;
		now += i == 4 ? 20000 : 10;
	}
	CHECK(with[0] && !with[1] && !with[2] && with[3] && !with[4]);
	CHECK(with[5]);		/* 20 s later: the time limit */
	CHECK(!with[6] && !with[7]);
	/* Nothing added: nothing to send. */
	CHECK_EQ_UINT(exp_finish(&e, now, &dg), 0);
}

/* ICMP type/code leave in their own field for v9 and IPFIX. */
static void test_icmp(void)
{
	static struct exporter e;
	static struct rec recs[4];
	struct tmpl t4 = { 0 }, t6 = { 0 };
	struct flow f = mkflow(4, 1);
	const uint8_t *dg;
	uint32_t seq;
	size_t len;

	f.key.proto = 1;
	f.key.sport = 0;
	f.key.dport = 3 << 8 | 1;
	exp_init(&e, 9, 0, BOOT);
	exp_add(&e, &f, 0, BOOT + 5000);
	len = exp_finish(&e, BOOT + 5000, &dg);
	CHECK_EQ_INT(decode(dg, len, recs, 4, &t4, &t6, &seq), 1);
	CHECK_EQ_UINT(recs[0].icmp, 0x301);
	CHECK_EQ_UINT(recs[0].dport, 0x301);
}

int main(void)
{
	test_versions();
	test_template_schedule();
	test_icmp();
	return check_done();
}
