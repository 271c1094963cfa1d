/*
 * dns_aaaa.c - the AFTR's AAAA query and its answer (dns_aaaa.h), RFC
 * 1035 section 4. Every read is bounds checked; names are expanded into a
 * 255-byte buffer, lower-cased, to compare them.
 */
#include <string.h>

#include "dns_aaaa.h"

#define NAME_WIRE_MAX	255
#define PTR_HOPS_MAX	64

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint8_t lower(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* A dotted name to lower-case wire form; returns its length or 0. */
static size_t name_encode(const char *name, uint8_t out[NAME_WIRE_MAX])
{
	size_t used = 0, len = strlen(name);

	if (len && name[len - 1] == '.')
		len--;
	if (!len)
		return 0;
	for (size_t start = 0; start <= len;) {
		const char *dot = memchr(name + start, '.', len - start);
		size_t l = dot ? (size_t)(dot - name) - start : len - start;

		if (l == 0 || l > 63 || used + 1 + l + 1 > NAME_WIRE_MAX)
			return 0;
		out[used++] = (uint8_t)l;
		for (size_t i = 0; i < l; i++)
			out[used++] = lower((uint8_t)name[start + i]);
		start += l + 1;
	}
	out[used++] = 0;
	return used;
}

/*
 * The name at *off in the message, expanded (pointers followed, each to
 * an offset before the one it sits at) and lower-cased into out. *off
 * moves past the name where it sits. Returns its length or 0.
 */
static size_t name_read(const uint8_t *p, size_t n, size_t *off,
			uint8_t out[NAME_WIRE_MAX])
{
	size_t at = *off, used = 0, after = 0;
	unsigned hops = 0;

	for (;;) {
		uint8_t l;

		if (at >= n)
			return 0;
		l = p[at];
		if ((l & 0xc0) == 0xc0) {
			size_t to;

			if (n - at < 2 || ++hops > PTR_HOPS_MAX)
				return 0;
			to = (size_t)(get16(p + at) & 0x3fff);
			if (!after)
				after = at + 2;
			if (to >= at)
				return 0;	/* forwards or onto itself: a loop */
			at = to;
			continue;
		}
		if (l & 0xc0)
			return 0;	/* 0x40, 0x80: obsolete label types */
		if (l > n - at - 1 || used + 1 + l > NAME_WIRE_MAX)
			return 0;
		out[used++] = l;
		for (uint8_t i = 0; i < l; i++)
			out[used++] = lower(p[at + 1 + i]);
		at += 1u + l;
		if (l == 0)
			break;
	}
	*off = after ? after : at;
	return used;
}

size_t dns_aaaa_query(const char *name, uint16_t id, uint8_t *buf,
		      size_t size)
{
	uint8_t wire[NAME_WIRE_MAX];
	size_t len = name_encode(name, wire);
	const uint8_t tail[4] = { 0, DNS_TYPE_AAAA, 0, DNS_CLASS_IN };

	if (!len || size < 12 + len + 4)
		return 0;
	memset(buf, 0, 12);
	buf[0] = (uint8_t)(id >> 8);
	buf[1] = (uint8_t)id;
	buf[2] = 0x01;		/* RD: the server recurses for us */
	buf[5] = 1;		/* QDCOUNT */
	memcpy(buf + 12, wire, len);
	memcpy(buf + 12 + len, tail, 4);
	return 12 + len + 4;
}

enum dns_result dns_aaaa_answer(const uint8_t *p, size_t n, uint16_t id,
				const char *name, uint8_t addr[16],
				uint32_t *ttl)
{
	uint8_t want[NAME_WIRE_MAX], got[NAME_WIRE_MAX];
	size_t want_len = name_encode(name, want), got_len, off = 12;
	unsigned an, cnames = 0;
	uint8_t rcode;

	if (!want_len || n < 12)
		return DNS_MALFORMED;
	/* ID, QR, opcode 0 and one question: else not our answer. */
	if (get16(p) != id || !(p[2] & 0x80) || (p[2] & 0x78) ||
	    get16(p + 4) != 1)
		return DNS_NOT_ANSWER;
	got_len = name_read(p, n, &off, got);
	if (!got_len || n - off < 4)
		return DNS_MALFORMED;
	if (got_len != want_len || memcmp(got, want, want_len) ||
	    get16(p + off) != DNS_TYPE_AAAA || get16(p + off + 2) != DNS_CLASS_IN)
		return DNS_NOT_ANSWER;
	off += 4;
	if (p[2] & 0x02)
		return DNS_TRUNCATED;
	rcode = p[3] & 0x0f;
	if (rcode == 3)
		return DNS_NXDOMAIN;
	if (rcode)
		return DNS_SERVFAIL;
	an = get16(p + 6);
	for (unsigned i = 0; i < an; i++) {
		uint16_t type, class, rdlen;
		uint32_t rr_ttl;

		got_len = name_read(p, n, &off, got);
		if (!got_len || n - off < 10)
			return DNS_MALFORMED;
		type = get16(p + off);
		class = get16(p + off + 2);
		rr_ttl = (uint32_t)get16(p + off + 4) << 16 | get16(p + off + 6);
		rdlen = get16(p + off + 8);
		off += 10;
		if (rdlen > n - off)
			return DNS_MALFORMED;
		if (class != DNS_CLASS_IN || got_len != want_len ||
		    memcmp(got, want, want_len)) {
			off += rdlen;
			continue;
		}
		if (type == DNS_TYPE_CNAME) {
			size_t at = off;

			/* Follow the chain: the target is now the name. */
			if (++cnames > DNS_CNAME_MAX)
				return DNS_NO_ADDRESS;
			want_len = name_read(p, off + rdlen, &at, want);
			if (!want_len || at != off + rdlen)
				return DNS_MALFORMED;
		} else if (type == DNS_TYPE_AAAA) {
			if (rdlen != 16)
				return DNS_MALFORMED;
			if ((p[off] & 0xe0) != 0x20)
				return DNS_NOT_GLOBAL;
			memcpy(addr, p + off, 16);
			*ttl = rr_ttl & 0x7fffffffu;	/* RFC 2181 8 */
			return DNS_OK;
		}
		off += rdlen;
	}
	return DNS_NO_ADDRESS;
}

const char *dns_result_name(enum dns_result r)
{
	switch (r) {
	case DNS_OK: return "ok";
	case DNS_MALFORMED: return "malformed answer";
	case DNS_NOT_ANSWER: return "not the answer to our query";
	case DNS_TRUNCATED: return "truncated answer";
	case DNS_NXDOMAIN: return "no such name (NXDOMAIN)";
	case DNS_SERVFAIL: return "server failure";
	case DNS_NO_ADDRESS: return "no IPv6 address (AAAA) for the name";
	case DNS_NOT_GLOBAL: return "address is not global unicast";
	}
	return "?";
}
