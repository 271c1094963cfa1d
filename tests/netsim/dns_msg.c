/* DNS (RFC 1035) query/reply builders and parsers for netsim. Every read is
 * checked against the message length; compression pointers must point
 * backwards and are followed at most DNS_MAX_POINTERS times per name. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bytes.h"
#include "dns_msg.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int dns_name_encode(const char *text, uint8_t *out, size_t cap)
{
	const char *s = text;
	size_t o = 0;

	if (strcmp(text, ".") == 0) {
		if (cap < 1)
			return -1;
		out[0] = 0;
		return 1;
	}
	if (*s == '\0')
		return -1;
	while (*s != '\0') {
		size_t lab = o++, len = 0;

		if (lab >= cap)
			return -1;
		while (*s != '\0' && *s != '.') {
			unsigned c = (unsigned char)*s++;

			if (c == '\\') {
				if (is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2])) {
					c = (unsigned)((s[0] - '0') * 100 + (s[1] - '0') * 10 +
						       (s[2] - '0'));
					if (c > 255)
						return -1;
					s += 3;
				} else if (*s != '\0') {
					c = (unsigned char)*s++;
				} else {
					return -1;
				}
			}
			if (len == 63 || o >= cap || o >= DNS_NAME_WIRE_MAX - 1)
				return -1;
			out[o++] = (uint8_t)c;
			len++;
		}
		if (len == 0)
			return -1; /* empty label: "a..b", ".a" */
		out[lab] = (uint8_t)len;
		if (*s == '.')
			s++; /* a trailing dot just ends the name */
	}
	if (o >= cap || o + 1 > DNS_NAME_WIRE_MAX)
		return -1;
	out[o++] = 0;
	return (int)o;
}

int dns_name_equal(const char *a, const char *b)
{
	uint8_t wa[DNS_NAME_WIRE_MAX], wb[DNS_NAME_WIRE_MAX];
	int na = dns_name_encode(a, wa, sizeof(wa)), nb = dns_name_encode(b, wb, sizeof(wb));

	if (na < 0 || na != nb)
		return 0;
	for (int i = 0; i < na; i++) {
		uint8_t x = wa[i], y = wb[i];

		if (x >= 'A' && x <= 'Z')
			x = (uint8_t)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (uint8_t)(y + 32);
		if (x != y)
			return 0;
	}
	return 1;
}

int dns_ptr_name(const uint8_t *addr, size_t len, char *out, size_t cap)
{
	static const char hex[] = "0123456789abcdef";
	size_t o = 0;
	int n;

	if (len == 4) {
		n = snprintf(out, cap, "%u.%u.%u.%u.in-addr.arpa", addr[3], addr[2], addr[1], addr[0]);
		return n < 0 || (size_t)n >= cap ? -1 : 0;
	}
	if (len != 16 || cap < 16 * 4 + sizeof("ip6.arpa"))
		return -1;
	for (int i = 15; i >= 0; i--) {
		out[o++] = hex[addr[i] & 0xf];
		out[o++] = '.';
		out[o++] = hex[addr[i] >> 4];
		out[o++] = '.';
	}
	memcpy(out + o, "ip6.arpa", sizeof("ip6.arpa"));
	return 0;
}

/* Append one label in presentation form; -1 if OUT is full. */
static int put_label(char *out, size_t cap, size_t *o, const uint8_t *lab, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint8_t c = lab[i];
		int w;

		if (c == '.' || c == '\\' || c == '"')
			w = snprintf(out + *o, cap - *o, "\\%c", c);
		else if (c <= 0x20 || c >= 0x7f)
			w = snprintf(out + *o, cap - *o, "\\%03u", c);
		else
			w = snprintf(out + *o, cap - *o, "%c", c);
		if (w < 0 || (size_t)w >= cap - *o)
			return -1;
		*o += (size_t)w;
	}
	return 0;
}

/* Read the (possibly compressed) name at *OFF into OUT as text; *OFF moves
 * past it in the message, not along its pointers. */
static int read_name(const uint8_t *p, size_t n, size_t *off, char *out, size_t cap)
{
	size_t pos = *off, resume = 0, wire = 0, o = 0;
	unsigned pointers = 0;

	if (cap < 2)
		return DNS_E_NAME;
	out[0] = '\0';
	for (;;) {
		uint8_t len;

		if (pos >= n)
			return DNS_E_SHORT;
		len = p[pos];
		if ((len & 0xc0) == 0xc0) {
			size_t target;

			if (pos + 1 >= n)
				return DNS_E_SHORT;
			target = (size_t)(len & 0x3f) << 8 | p[pos + 1];
			/* Backwards only: with the count, no loop can run forever. */
			if (target >= pos || ++pointers > DNS_MAX_POINTERS)
				return DNS_E_NAME;
			if (resume == 0)
				resume = pos + 2;
			pos = target;
			continue;
		}
		if (len & 0xc0)
			return DNS_E_NAME; /* 0x40/0x80: obsolete label types */
		if (len == 0)
			break;
		if (pos + 1 + len > n)
			return DNS_E_SHORT;
		wire += 1u + len;
		if (wire + 1 > DNS_NAME_WIRE_MAX)
			return DNS_E_NAME;
		if (o > 0) {
			if (o + 1 >= cap)
				return DNS_E_NAME;
			out[o++] = '.';
			out[o] = '\0';
		}
		if (put_label(out, cap, &o, p + pos + 1, len) < 0)
			return DNS_E_NAME;
		pos += 1u + len;
	}
	if (o == 0)
		strcpy(out, ".");
	*off = resume ? resume : pos + 1;
	return 0;
}

static int read_question(const uint8_t *p, size_t n, struct dns_question *q)
{
	size_t off = DNS_HDR_LEN;
	int err;

	q->id = get16(p);
	q->flags = get16(p + 2);
	if ((err = read_name(p, n, &off, q->name, sizeof(q->name))) < 0)
		return err;
	if (off + 4 > n)
		return DNS_E_SHORT;
	q->qtype = get16(p + off);
	q->qclass = get16(p + off + 2);
	return (int)(off + 4);
}

size_t dns_query_build(uint8_t *buf, size_t cap, uint16_t id, const char *name, uint16_t qtype)
{
	int len;

	if (cap < DNS_HDR_LEN + 4)
		return 0;
	memset(buf, 0, DNS_HDR_LEN);
	put16(buf, id);
	put16(buf + 2, DNS_FLAG_RD);
	put16(buf + 4, 1);
	len = dns_name_encode(name, buf + DNS_HDR_LEN, cap - DNS_HDR_LEN - 4);
	if (len < 0)
		return 0;
	put16(buf + DNS_HDR_LEN + len, qtype);
	put16(buf + DNS_HDR_LEN + len + 2, DNS_CLASS_IN);
	return DNS_HDR_LEN + (size_t)len + 4;
}

int dns_query_parse(const uint8_t *p, size_t n, struct dns_question *q)
{
	int end;

	if (n < DNS_HDR_LEN)
		return DNS_E_SHORT;
	if ((p[2] & 0x80) || (p[2] >> 3 & 0xf) != 0)
		return DNS_E_HEADER;
	if (get16(p + 4) != 1)
		return DNS_E_QDCOUNT;
	end = read_question(p, n, q);
	return end < 0 ? end : 0;
}

static int is_name_type(uint16_t type)
{
	return type == DNS_TYPE_CNAME || type == DNS_TYPE_PTR || type == DNS_TYPE_NS;
}

/* Negative answers' SOA: owner and both names point at the question's
 * last label (its "zone"); refresh/retry/expire are plausible filler. */
static size_t put_soa(uint8_t *buf, size_t o, size_t cap, uint32_t neg_ttl)
{
	size_t zone = DNS_HDR_LEN;

	for (size_t pos = DNS_HDR_LEN; buf[pos] != 0; pos += 1u + buf[pos])
		zone = pos;
	if (o + 12 + 24 > cap)
		return o;
	put16(buf + o, (uint16_t)(0xc000 | zone));
	put16(buf + o + 2, DNS_TYPE_SOA);
	put16(buf + o + 4, DNS_CLASS_IN);
	put32(buf + o + 6, neg_ttl);
	put16(buf + o + 10, 24);
	put16(buf + o + 12, (uint16_t)(0xc000 | zone)); /* mname */
	put16(buf + o + 14, (uint16_t)(0xc000 | zone)); /* rname */
	put32(buf + o + 16, 1);                          /* serial */
	put32(buf + o + 20, 3600);
	put32(buf + o + 24, 600);
	put32(buf + o + 28, 86400);
	put32(buf + o + 32, neg_ttl);                    /* minimum */
	put16(buf + 8, 1);                               /* NSCOUNT */
	return o + 36;
}

size_t dns_reply_build(uint8_t *buf, size_t cap, const struct dns_question *q, unsigned rcode,
		       const struct dns_rr *an, unsigned nan, uint32_t neg_ttl)
{
	uint16_t flags = (uint16_t)(DNS_FLAG_QR | DNS_FLAG_AA | (q->flags & DNS_FLAG_RD) |
				    (rcode & 0xf));
	size_t o, qend;
	unsigned count = 0;
	int len;

	if (cap < DNS_HDR_LEN + 4)
		return 0;
	memset(buf, 0, DNS_HDR_LEN);
	put16(buf, q->id);
	put16(buf + 4, 1);
	if ((len = dns_name_encode(q->name, buf + DNS_HDR_LEN, cap - DNS_HDR_LEN - 4)) < 0)
		return 0;
	o = DNS_HDR_LEN + (size_t)len;
	put16(buf + o, q->qtype);
	put16(buf + o + 2, q->qclass);
	o += 4;
	qend = o;
	for (unsigned i = 0; i < nan; i++) {
		uint8_t target[DNS_NAME_WIRE_MAX];
		const uint8_t *rdata = an[i].rdata;
		size_t rdlen = an[i].rdlen;

		if (is_name_type(an[i].type)) {
			if ((len = dns_name_encode(an[i].target, target, sizeof(target))) < 0)
				return 0;
			rdata = target;
			rdlen = (size_t)len;
		} else if (rdlen > DNS_RDATA_MAX) {
			return 0;
		}
		if (o + 12 + rdlen > cap) {
			/* Does not fit (UDP's 512 bytes): the client retries over TCP. */
			flags |= DNS_FLAG_TC;
			o = qend;
			count = 0;
			break;
		}
		put16(buf + o, 0xc000 | DNS_HDR_LEN); /* the question's name */
		put16(buf + o + 2, an[i].type);
		put16(buf + o + 4, an[i].rclass ? an[i].rclass : DNS_CLASS_IN);
		put32(buf + o + 6, an[i].ttl);
		put16(buf + o + 10, (uint16_t)rdlen);
		memcpy(buf + o + 12, rdata, rdlen);
		o += 12 + rdlen;
		count++;
	}
	if (count == 0 && !(flags & DNS_FLAG_TC) && neg_ttl > 0 &&
	    (rcode == DNS_RCODE_NOERROR || rcode == DNS_RCODE_NXDOMAIN))
		o = put_soa(buf, o, cap, neg_ttl);
	put16(buf + 2, flags);
	put16(buf + 6, (uint16_t)count);
	return o;
}

static int read_rr(const uint8_t *p, size_t n, size_t *off, struct dns_rr *rr)
{
	char owner[DNS_NAME_TEXT_MAX];
	size_t rd;
	int err;

	if ((err = read_name(p, n, off, owner, sizeof(owner))) < 0)
		return err;
	if (*off + 10 > n)
		return DNS_E_SHORT;
	rr->type = get16(p + *off);
	rr->rclass = get16(p + *off + 2);
	rr->ttl = get32(p + *off + 4);
	rr->rdlen = get16(p + *off + 8);
	rd = *off + 10;
	if (rd + rr->rdlen > n)
		return DNS_E_SHORT;
	rr->target[0] = '\0';
	memcpy(rr->rdata, p + rd, rr->rdlen < DNS_RDATA_MAX ? rr->rdlen : DNS_RDATA_MAX);
	*off = rd + rr->rdlen;
	switch (rr->type) {
	case DNS_TYPE_A:
		return rr->rdlen == 4 ? 0 : DNS_E_RDATA;
	case DNS_TYPE_AAAA:
		return rr->rdlen == 16 ? 0 : DNS_E_RDATA;
	case DNS_TYPE_TXT:
		return rr->rdlen >= 1 && rr->rdata[0] < rr->rdlen ? 0 : DNS_E_RDATA;
	case DNS_TYPE_CNAME:
	case DNS_TYPE_PTR:
	case DNS_TYPE_NS:
		/* The name may point outside the rdata, but must end where it does. */
		if ((err = read_name(p, rd + rr->rdlen, &rd, rr->target, sizeof(rr->target))) < 0)
			return err;
		return rd == *off ? 0 : DNS_E_RDATA;
	default:
		return 0;
	}
}

int dns_reply_parse(const uint8_t *p, size_t n, struct dns_reply *r)
{
	size_t off;
	int end, err;

	r->nan = r->ancount = 0;
	if (n < DNS_HDR_LEN)
		return DNS_E_SHORT;
	if (!(p[2] & 0x80) || (p[2] >> 3 & 0xf) != 0)
		return DNS_E_HEADER;
	if (get16(p + 4) != 1)
		return DNS_E_QDCOUNT;
	r->rcode = p[3] & 0xf;
	r->ancount = get16(p + 6);
	if ((end = read_question(p, n, &r->q)) < 0)
		return end;
	off = (size_t)end;
	while (r->nan < r->ancount && r->nan < DNS_MAX_ANSWERS) {
		if ((err = read_rr(p, n, &off, &r->an[r->nan])) < 0)
			return err;
		r->nan++;
	}
	return 0;
}

int dns_question_match(const struct dns_question *a, const struct dns_question *b)
{
	return a->qtype == b->qtype && a->qclass == b->qclass && dns_name_equal(a->name, b->name);
}

const char *dns_err_str(int err)
{
	switch (err) {
	case DNS_E_SHORT: return "truncated message";
	case DNS_E_NAME: return "bad name";
	case DNS_E_HEADER: return "wrong QR or opcode";
	case DNS_E_QDCOUNT: return "not one question";
	case DNS_E_RDATA: return "bad rdata";
	default: return "error";
	}
}

const char *dns_rcode_name(unsigned rcode)
{
	static const char *const names[] = {
		"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED",
	};

	return rcode < sizeof(names) / sizeof(names[0]) ? names[rcode] : NULL;
}

static const struct {
	const char *name;
	uint16_t type;
} types[] = {
	{ "a", DNS_TYPE_A }, { "ns", DNS_TYPE_NS }, { "cname", DNS_TYPE_CNAME },
	{ "ptr", DNS_TYPE_PTR }, { "txt", DNS_TYPE_TXT }, { "aaaa", DNS_TYPE_AAAA },
};

uint16_t dns_type_parse(const char *s)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(s, types[i].name) == 0)
			return types[i].type;
	return 0;
}

const char *dns_type_name(uint16_t type)
{
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (types[i].type == type)
			return types[i].name;
	return NULL;
}
