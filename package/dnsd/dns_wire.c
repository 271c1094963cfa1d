/*
 * dns_wire.c - parse and build DNS messages over byte buffers.
 *
 * Every read is bounds-checked against the message length; names are
 * always expanded into a caller's DNS_NAME_MAX buffer, so nothing a peer
 * sends can make a write run past it (dnsmasq's extract_name overflows,
 * CVE-2017-14491 and DNSpooq, were exactly this).
 */
#include <stdio.h>
#include <string.h>

#include "dns_wire.h"

const char *dns_strerror(int err)
{
	switch (err) {
	case DNS_OK: return "ok";
	case DNS_ESHORT: return "message too short";
	case DNS_ELABEL: return "bad label";
	case DNS_ENAMELEN: return "name too long";
	case DNS_ELOOP: return "compression pointer loop";
	case DNS_ECOUNT: return "not exactly one question";
	case DNS_ERDATA: return "bad record data";
	case DNS_EOPT: return "misplaced OPT record";
	case DNS_ETRAIL: return "trailing bytes";
	}
	return "unknown error";
}

/* dns_name_read(), also raising *max_reach to the highest offset read
 * after following a compression pointer. */
static int name_read(const uint8_t *msg, size_t len, size_t off,
		     uint8_t *out, size_t *out_len, size_t *next,
		     size_t *max_reach)
{
	size_t pos = off, n = 0, limit = off;
	bool jumped = false;

	for (;;) {
		uint8_t l;

		if (pos >= len)
			return DNS_ESHORT;
		l = msg[pos];
		if ((l & 0xc0) == 0xc0) {
			size_t target;

			if (pos + 1 >= len)
				return DNS_ESHORT;
			target = (size_t)(l & 0x3f) << 8 | msg[pos + 1];
			/* Strictly before where this name (or the last
			 * jump) started: every hop moves backwards, so a
			 * loop is impossible and the walk is bounded. */
			if (target >= limit)
				return DNS_ELOOP;
			/* No name lives in the header; a pointer there would
			 * also change meaning when a cached copy gets a new
			 * ID (found by fuzz_dns_wire). */
			if (target < DNS_HDR_LEN)
				return DNS_ELABEL;
			if (jumped && pos + 1 > *max_reach)
				*max_reach = pos + 1;
			if (!jumped)
				*next = pos + 2;
			jumped = true;
			limit = target;
			pos = target;
			continue;
		}
		if (l & 0xc0)
			return DNS_ELABEL;
		if (pos + 1 + l > len)
			return DNS_ESHORT;
		if (n + 1 + l > DNS_NAME_MAX)
			return DNS_ENAMELEN;
		if (jumped && pos + l > *max_reach)
			*max_reach = pos + l;
		memcpy(out + n, msg + pos, 1 + (size_t)l);
		n += 1 + (size_t)l;
		pos += 1 + (size_t)l;
		if (l == 0)
			break;
	}
	if (!jumped)
		*next = pos;
	*out_len = n;
	return DNS_OK;
}

int dns_name_read(const uint8_t *msg, size_t len, size_t off,
		  uint8_t *out, size_t *out_len, size_t *next)
{
	size_t max_reach = 0;

	return name_read(msg, len, off, out, out_len, next, &max_reach);
}

/* Skips a name inside RDATA that must end by rd_end. */
static int skip_name(const uint8_t *msg, size_t len, size_t *pos,
		     size_t rd_end, struct dns_msg *m)
{
	uint8_t name[DNS_NAME_MAX];
	size_t name_len, next;
	int err = name_read(msg, len, *pos, name, &name_len, &next,
			    &m->max_ptr_reach);

	if (err)
		return err;
	if (next > rd_end)
		return DNS_ERDATA;
	*pos = next;
	return DNS_OK;
}

/* Checks the RDATA of types whose layout dnsd relies on. */
static int check_rdata(const uint8_t *msg, size_t len, uint16_t type,
		       size_t rd, size_t rdlen, struct dns_msg *m,
		       unsigned section, uint32_t ttl)
{
	size_t pos = rd, rd_end = rd + rdlen;
	int err;

	switch (type) {
	case DNS_T_A:
		return rdlen == 4 ? DNS_OK : DNS_ERDATA;
	case DNS_T_AAAA:
		return rdlen == 16 ? DNS_OK : DNS_ERDATA;
	case DNS_T_CNAME:
	case DNS_T_NS:
	case DNS_T_PTR:
		err = skip_name(msg, len, &pos, rd_end, m);
		if (err)
			return err;
		return pos == rd_end ? DNS_OK : DNS_ERDATA;
	case DNS_T_SOA:
		if ((err = skip_name(msg, len, &pos, rd_end, m)) ||
		    (err = skip_name(msg, len, &pos, rd_end, m)))
			return err;
		if (rd_end - pos != 20)
			return DNS_ERDATA;
		if (section == 1 && !m->has_soa) {
			m->has_soa = true;
			m->soa_ttl = ttl;
			m->soa_minimum = dns_get32(msg + pos + 16);
		}
		return DNS_OK;
	}
	return DNS_OK;
}

static int parse_rr(const uint8_t *msg, size_t len, size_t *pos,
		    unsigned section, struct dns_msg *m)
{
	uint8_t name[DNS_NAME_MAX];
	size_t name_len, next, rd, rdlen, rr_start = *pos;
	uint16_t type;
	uint32_t ttl;
	int err = name_read(msg, len, *pos, name, &name_len, &next,
			    &m->max_ptr_reach);

	if (err)
		return err;
	if (len - next < 10)
		return DNS_ESHORT;
	type = dns_get16(msg + next);
	ttl = dns_get32(msg + next + 4);
	rdlen = dns_get16(msg + next + 8);
	rd = next + 10;
	if (len - rd < rdlen)
		return DNS_ESHORT;
	*pos = rd + rdlen;

	if (type == DNS_T_OPT) {
		if (section != 2 || m->has_edns || name_len != 1)
			return DNS_EOPT;
		m->has_edns = true;
		m->edns_udp_size = dns_get16(msg + next + 2);
		m->edns_version = (uint8_t)(ttl >> 16);
		m->edns_do = (ttl & 0x8000) != 0;
		m->opt_off = rr_start;
		m->opt_len = *pos - rr_start;
		return DNS_OK;
	}
	/* RFC 2181 8: a TTL with the top bit set means zero. */
	if (ttl & 0x80000000u)
		ttl = 0;
	if (m->rr_count == 0 || ttl < m->min_ttl)
		m->min_ttl = ttl;
	if (m->ttl_count < DNS_TTL_TRACK)
		m->ttl_off[m->ttl_count++] = next + 4;
	m->rr_count++;
	return check_rdata(msg, len, type, rd, rdlen, m, section, ttl);
}

int dns_parse(const uint8_t *msg, size_t len, struct dns_msg *m)
{
	size_t pos, next;
	unsigned counts[3], s, i;
	int err;

	memset(m, 0, offsetof(struct dns_msg, ttl_off));
	m->ttl_count = 0;
	m->max_ptr_reach = 0;
	m->has_soa = false;
	if (len < DNS_HDR_LEN)
		return DNS_ESHORT;
	m->id = dns_get16(msg);
	m->flags = dns_get16(msg + 2);
	m->qdcount = dns_get16(msg + 4);
	m->ancount = dns_get16(msg + 6);
	m->nscount = dns_get16(msg + 8);
	m->arcount = dns_get16(msg + 10);
	if (m->qdcount != 1)
		return DNS_ECOUNT;

	err = name_read(msg, len, DNS_HDR_LEN, m->q.name, &m->q.name_len,
			&next, &m->max_ptr_reach);
	if (err)
		return err;
	if (len - next < 4)
		return DNS_ESHORT;
	m->q.type = dns_get16(msg + next);
	m->q.klass = dns_get16(msg + next + 2);
	pos = m->question_end = next + 4;

	counts[0] = m->ancount;
	counts[1] = m->nscount;
	counts[2] = m->arcount;
	for (s = 0; s < 3; s++) {
		for (i = 0; i < counts[s]; i++) {
			err = parse_rr(msg, len, &pos, s, m);
			if (err)
				return err;
		}
	}
	m->end = pos;
	m->opt_is_last = m->has_edns && m->opt_off + m->opt_len == pos;
	if (pos != len)
		return DNS_ETRAIL;
	return DNS_OK;
}

static uint8_t ascii_lower(uint8_t c)
{
	return c >= 'A' && c <= 'Z' ? (uint8_t)(c + 32) : c;
}

/* Length bytes are at most 63, below 'A', so folding the whole wire form
 * byte by byte is safe. */
bool dns_name_equal(const uint8_t *a, size_t alen, const uint8_t *b,
		    size_t blen)
{
	size_t i;

	if (alen != blen)
		return false;
	for (i = 0; i < alen; i++)
		if (ascii_lower(a[i]) != ascii_lower(b[i]))
			return false;
	return true;
}

void dns_name_lower(uint8_t *name, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		name[i] = ascii_lower(name[i]);
}

static bool plain_char(uint8_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == '_';
}

size_t dns_name_to_text(const uint8_t *name, size_t len, char *out,
			size_t cap)
{
	size_t pos = 0, n = 0;

	if (cap == 0)
		return 0;
	while (pos < len && name[pos] != 0) {
		size_t l = name[pos++], i;

		if (n && n + 1 < cap)
			out[n++] = '.';
		for (i = 0; i < l && pos < len; i++, pos++) {
			uint8_t c = name[pos];

			if (plain_char(c)) {
				if (n + 1 < cap)
					out[n++] = (char)c;
			} else if (n + 4 < cap) {
				n += (size_t)snprintf(out + n, cap - n,
						      "\\%03u", c);
			}
		}
	}
	if (n == 0 && cap > 1)
		out[n++] = '.';
	out[n] = '\0';
	return n;
}

int dns_name_from_text(const char *text, uint8_t *out, size_t *out_len)
{
	const char *p = text;
	size_t n = 0;

	if (strcmp(text, ".") == 0) {
		out[0] = 0;
		*out_len = 1;
		return DNS_OK;
	}
	if (*p == '\0')
		return DNS_ELABEL;
	while (*p) {
		const char *dot = strchr(p, '.');
		size_t l = dot ? (size_t)(dot - p) : strlen(p);

		if (l == 0 || l > DNS_LABEL_MAX)
			return DNS_ELABEL;
		/* Length byte, label, and room for the closing root label. */
		if (n + 1 + l + 1 > DNS_NAME_MAX)
			return DNS_ENAMELEN;
		out[n++] = (uint8_t)l;
		memcpy(out + n, p, l);
		n += l;
		p += l;
		if (*p == '.')
			p++;
	}
	out[n++] = 0;
	*out_len = n;
	return DNS_OK;
}

const char *dns_type_name(uint16_t type, char *buf, size_t cap)
{
	switch (type) {
	case DNS_T_A: return "A";
	case DNS_T_NS: return "NS";
	case DNS_T_CNAME: return "CNAME";
	case DNS_T_SOA: return "SOA";
	case DNS_T_PTR: return "PTR";
	case DNS_T_MX: return "MX";
	case DNS_T_TXT: return "TXT";
	case DNS_T_AAAA: return "AAAA";
	case DNS_T_OPT: return "OPT";
	case DNS_T_ANY: return "ANY";
	case 33: return "SRV";
	case 64: return "SVCB";
	case 65: return "HTTPS";
	}
	snprintf(buf, cap, "TYPE%u", type);
	return buf;
}

const char *dns_rcode_name(unsigned rcode)
{
	static const char *const names[] = {
		"NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP",
		"REFUSED",
	};

	return rcode < sizeof(names) / sizeof(names[0]) ? names[rcode] :
							  "RCODE?";
}

static void put_bytes(struct dns_builder *b, const void *p, size_t n)
{
	if (b->overflow || b->cap - b->len < n) {
		b->overflow = true;
		return;
	}
	memcpy(b->buf + b->len, p, n);
	b->len += n;
}

static void put16(struct dns_builder *b, uint16_t v)
{
	uint8_t t[2];

	dns_put16(t, v);
	put_bytes(b, t, 2);
}

static void put32(struct dns_builder *b, uint32_t v)
{
	uint8_t t[4];

	dns_put32(t, v);
	put_bytes(b, t, 4);
}

static void bump_count(struct dns_builder *b, size_t off)
{
	if (!b->overflow && b->len >= DNS_HDR_LEN)
		dns_put16(b->buf + off, (uint16_t)(dns_get16(b->buf + off) + 1));
}

void dns_reply_start(struct dns_builder *b, uint8_t *buf, size_t cap,
		     const uint8_t *qbuf, const struct dns_msg *query,
		     unsigned rcode)
{
	uint16_t flags = DNS_F_QR | DNS_F_RA | (query->flags & DNS_F_RD) |
			 (query->flags & DNS_F_OPCODE) | (rcode & DNS_F_RCODE);

	b->buf = buf;
	b->cap = cap;
	b->len = 0;
	b->overflow = false;
	put16(b, query->id);
	put16(b, flags);
	put16(b, 1);
	put16(b, 0);
	put16(b, 0);
	put16(b, 0);
	put_bytes(b, qbuf + DNS_HDR_LEN, query->question_end - DNS_HDR_LEN);
}

void dns_add_answer(struct dns_builder *b, uint16_t type, uint32_t ttl,
		    const uint8_t *rdata, size_t rdlen)
{
	size_t start = b->len;

	put16(b, 0xc000 | DNS_HDR_LEN);
	put16(b, type);
	put16(b, DNS_C_IN);
	put32(b, ttl);
	put16(b, (uint16_t)rdlen);
	put_bytes(b, rdata, rdlen);
	if (b->overflow)
		b->len = start;
	else
		bump_count(b, 6);
}

void dns_add_opt(struct dns_builder *b, uint16_t udp_size)
{
	static const uint8_t root = 0;

	put_bytes(b, &root, 1);
	put16(b, DNS_T_OPT);
	put16(b, udp_size);
	put32(b, 0);
	put16(b, 0);
	bump_count(b, 10);
}

size_t dns_build_query(uint8_t *buf, size_t cap, uint16_t id,
		       const struct dns_question *q, uint16_t edns_size,
		       bool cd)
{
	struct dns_builder b = { .buf = buf, .cap = cap };

	put16(&b, id);
	put16(&b, DNS_F_RD | (cd ? DNS_F_CD : 0));
	put16(&b, 1);
	put16(&b, 0);
	put16(&b, 0);
	put16(&b, 0);
	put_bytes(&b, q->name, q->name_len);
	put16(&b, q->type);
	put16(&b, q->klass);
	if (edns_size)
		dns_add_opt(&b, edns_size);
	return b.overflow ? 0 : b.len;
}

size_t dns_strip_opt(uint8_t *msg, size_t len, const struct dns_msg *m)
{
	if (!m->has_edns)
		return len;
	if (!m->opt_is_last || m->opt_off + m->opt_len != len)
		return 0;
	dns_put16(msg + 10, (uint16_t)(dns_get16(msg + 10) - 1));
	return m->opt_off;
}

size_t dns_truncate(uint8_t *msg, const struct dns_msg *m)
{
	dns_put16(msg + 2, (uint16_t)(dns_get16(msg + 2) | DNS_F_TC));
	memset(msg + 6, 0, 6);
	return m->question_end;
}

size_t dns_answer_summary(const uint8_t *msg, size_t len,
			  const struct dns_msg *m, char *out, size_t cap)
{
	size_t pos = m->question_end, n = 0;
	unsigned i;

	if (cap == 0)
		return 0;
	out[0] = '\0';
	for (i = 0; i < m->ancount && i < 4; i++) {
		uint8_t name[DNS_NAME_MAX];
		char text[DNS_TEXT_MAX], tbuf[16];
		size_t name_len, next, rd, rdlen;
		uint16_t type;
		int w = 0;

		if (dns_name_read(msg, len, pos, name, &name_len, &next) ||
		    len - next < 10)
			break;
		type = dns_get16(msg + next);
		rdlen = dns_get16(msg + next + 8);
		rd = next + 10;
		if (len - rd < rdlen)
			break;
		pos = rd + rdlen;
		text[0] = '\0';
		if (type == DNS_T_A && rdlen == 4) {
			snprintf(text, sizeof(text), "%u.%u.%u.%u", msg[rd],
				 msg[rd + 1], msg[rd + 2], msg[rd + 3]);
		} else if (type == DNS_T_AAAA && rdlen == 16) {
			size_t k, t = 0;

			for (k = 0; k < 16; k += 2)
				t += (size_t)snprintf(text + t,
						      sizeof(text) - t, "%s%x",
						      k ? ":" : "",
						      dns_get16(msg + rd + k));
		} else if (type == DNS_T_CNAME || type == DNS_T_PTR) {
			size_t nx;

			if (dns_name_read(msg, len, rd, name, &name_len, &nx) ==
			    DNS_OK)
				dns_name_to_text(name, name_len, text,
						 sizeof(text));
		}
		if (n < cap)
			w = snprintf(out + n, cap - n, "%s%s%s%s", n ? " " : "",
				     dns_type_name(type, tbuf, sizeof(tbuf)),
				     text[0] ? " " : "", text);
		if (w > 0)
			n += (size_t)w;
		if (n >= cap) {
			n = cap - 1;
			break;
		}
	}
	if (m->ancount > 4 && n + 6 < cap)
		n += (size_t)snprintf(out + n, cap - n, " +%u", m->ancount - 4);
	return n;
}

size_t dns_fit_reply(uint8_t *msg, size_t len, size_t cap,
		     size_t question_end, bool client_edns,
		     uint16_t client_udp_size, bool stream)
{
	struct dns_builder b = { .buf = msg, .cap = cap, .len = len };
	size_t limit = DNS_UDP_MIN, opt = client_edns ? 11 : 0;

	if (client_edns && client_udp_size > limit)
		limit = client_udp_size < DNS_EDNS_SIZE ? client_udp_size :
							  DNS_EDNS_SIZE;
	/* TCP's 16-bit length prefix is the only limit there. */
	if (stream)
		limit = DNS_MSG_MAX;
	if (len + opt > limit) {
		dns_put16(msg + 2, (uint16_t)(dns_get16(msg + 2) | DNS_F_TC));
		memset(msg + 6, 0, 6);
		b.len = question_end;
	}
	if (client_edns)
		dns_add_opt(&b, DNS_EDNS_SIZE);
	return b.overflow ? len : b.len;
}
