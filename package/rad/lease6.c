/*
 * lease6.c - parse wan6's lease file for one LAN (lease6.h). One bad line
 * costs that line and an entry in errors[], never the file: a delegated
 * prefix must not vanish from the LAN because a neighbour line is garbled.
 */
#include <arpa/inet.h>
#include <string.h>

#include "lease6.h"

/* Fields looked at per line; more are ignored (room for the format to
 * grow). */
#define FIELDS_MAX	6

struct field {
	const char *p;
	size_t len;
};

static int field_is(const struct field *f, const char *s)
{
	size_t len = strlen(s);

	return f->len == len && !memcmp(f->p, s, len);
}

/* Splits line[n] at blanks; returns the number of fields, at most max. */
static unsigned split(const char *line, size_t n, struct field *f,
		      unsigned max)
{
	unsigned count = 0;
	size_t i = 0;

	while (i < n && count < max) {
		while (i < n && (line[i] == ' ' || line[i] == '\t' ||
				 line[i] == '\r'))
			i++;
		if (i == n)
			break;
		f[count].p = line + i;
		while (i < n && line[i] != ' ' && line[i] != '\t' &&
		       line[i] != '\r')
			i++;
		f[count].len = (size_t)(line + i - f[count].p);
		count++;
	}
	return count;
}

/* Decimal, no sign, no overflow. */
static int parse_u64(const struct field *f, uint64_t *out)
{
	uint64_t v = 0;

	if (!f->len || f->len > 20)
		return -1;
	for (size_t i = 0; i < f->len; i++) {
		unsigned d = (unsigned)(f->p[i] - '0');

		if (d > 9 || v > (UINT64_MAX - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	*out = v;
	return 0;
}

/* "2001:db8:100:1::/64" into p; NULL, or why not. */
static const char *parse_prefix(const struct field *f, struct lease6_prefix *p)
{
	static const uint8_t zero[8];
	char text[INET6_ADDRSTRLEN + 4];
	const char *slash = memchr(f->p, '/', f->len);
	size_t alen = slash ? (size_t)(slash - f->p) : 0;
	struct field len_field;
	uint64_t len;

	if (!slash || !alen || alen >= INET6_ADDRSTRLEN)
		return "want an IPv6 prefix like 2001:db8:1:2::/64";
	memcpy(text, f->p, alen);
	text[alen] = 0;
	len_field.p = slash + 1;
	len_field.len = f->len - alen - 1;
	if (inet_pton(AF_INET6, text, p->addr) != 1 ||
	    parse_u64(&len_field, &len) < 0 || len > 128)
		return "want an IPv6 prefix like 2001:db8:1:2::/64";
	if (len != 64)
		return "not a /64 (SLAAC needs one)";
	if (memcmp(p->addr + 8, zero, 8))
		return "host bits set in the prefix";
	/* Multicast, link-local, and ::/64 (which holds :: and ::1). */
	if (p->addr[0] == 0xff || (p->addr[0] == 0xfe &&
				   (p->addr[1] & 0xc0) == 0x80) ||
	    !memcmp(p->addr, zero, 8))
		return "not a global or unique local prefix";
	p->len = 64;
	return NULL;
}

uint32_t lease6_remaining(uint64_t until_ms, uint64_t now_ms)
{
	uint64_t secs;

	if (until_ms <= now_ms)
		return 0;
	secs = (until_ms - now_ms) / 1000;
	return secs > LEASE6_LIFETIME_MAX ? LEASE6_LIFETIME_MAX :
	       (uint32_t)secs;
}

static void add_error(struct lease6 *out, unsigned line, const char *why)
{
	if (out->error_count < LEASE6_ERRORS_MAX) {
		out->errors[out->error_count].line = line;
		out->errors[out->error_count].why = why;
	}
	out->error_count++;
}

static void add_prefix(struct lease6 *out, const struct lease6_prefix *p)
{
	for (unsigned i = 0; i < out->count; i++) {
		if (memcmp(out->prefixes[i].addr, p->addr, 16))
			continue;
		out->duplicates++;
		/* Still delegated beats deprecated, whatever the order. */
		if (out->prefixes[i].deprecated && !p->deprecated)
			out->prefixes[i] = *p;
		return;
	}
	if (out->count >= LEASE6_MAX) {
		out->dropped++;
		return;
	}
	out->prefixes[out->count++] = *p;
}

/* One "lan" or "deprecated" line (fields f[0..nf)); NULL or why it is bad. */
static const char *parse_line(const struct field *f, unsigned nf,
			      uint64_t now_ms, struct lease6 *out)
{
	struct lease6_prefix p;
	const char *why;

	memset(&p, 0, sizeof(p));
	p.deprecated = field_is(&f[0], "deprecated");
	if (nf < 5)
		return "want KIND NAME PREFIX/64 PREF_UNTIL_MS VALID_UNTIL_MS";
	if ((why = parse_prefix(&f[2], &p)))
		return why;
	if (parse_u64(&f[3], &p.pref_until_ms) < 0)
		return "preferred-until is not a number of milliseconds";
	if (parse_u64(&f[4], &p.valid_until_ms) < 0)
		return "valid-until is not a number of milliseconds";
	/* RFC 4862 section 5.5.3 (c): such a prefix is ignored by hosts. */
	if (!p.deprecated && p.pref_until_ms > p.valid_until_ms)
		return "preferred lifetime ends after the valid lifetime";
	p.valid_secs = lease6_remaining(p.valid_until_ms, now_ms);
	if (!p.valid_secs) {
		out->expired++;
		return NULL;
	}
	if (p.deprecated) {
		p.pref_until_ms = 0;
		p.preferred_secs = 0;
		if (p.valid_secs > LEASE6_DEPRECATED_VALID_MAX)
			p.valid_secs = LEASE6_DEPRECATED_VALID_MAX;
	} else {
		p.preferred_secs = lease6_remaining(p.pref_until_ms, now_ms);
	}
	add_prefix(out, &p);
	return NULL;
}

/* "wan6 1" or "wan6 1.2": the major version, or -1. */
static long header_version(const char *line, size_t n)
{
	struct field f[3], major;
	const char *dot;
	uint64_t v;

	if (split(line, n, f, 3) != 2 || !field_is(&f[0], "wan6"))
		return -1;
	major = f[1];
	dot = memchr(major.p, '.', major.len);
	if (dot)
		major.len = (size_t)(dot - major.p);
	if (parse_u64(&major, &v) < 0 || v > 1000000)
		return -1;
	return (long)v;
}

enum lease6_status lease6_parse(const char *buf, size_t n,
				const char *lan_name, uint64_t now_ms,
				struct lease6 *out)
{
	size_t off = 0;
	unsigned line_no = 0;
	long version = -1;

	memset(out, 0, sizeof(*out));
	while (off < n) {
		const char *line = buf + off, *nl = memchr(line, '\n', n - off);
		size_t len = nl ? (size_t)(nl - line) : n - off;
		struct field f[FIELDS_MAX];
		const char *why;
		unsigned nf;

		off += len + (nl ? 1 : 0);
		line_no++;
		if (line_no == 1) {
			version = header_version(line, len);
			if (version < 0)
				return LEASE6_NO_HEADER;
			out->version = (unsigned)version;
			if (version != LEASE6_VERSION)
				return LEASE6_BAD_VERSION;
			continue;
		}
		nf = split(line, len, f, FIELDS_MAX);
		if (!nf || !(field_is(&f[0], "lan") ||
			     field_is(&f[0], "deprecated")))
			continue;	/* another kind: not rad's */
		if (nf < 2) {
			add_error(out, line_no, "no LAN name");
			continue;
		}
		if (!field_is(&f[1], lan_name))
			continue;	/* another LAN's */
		if (memchr(line, 0, len)) {
			add_error(out, line_no, "NUL byte in the line");
			continue;
		}
		if ((why = parse_line(f, nf, now_ms, out)))
			add_error(out, line_no, why);
	}
	return version < 0 ? LEASE6_NO_HEADER : LEASE6_OK;
}

const char *lease6_status_name(enum lease6_status s)
{
	switch (s) {
	case LEASE6_OK: return "ok";
	case LEASE6_NO_HEADER: return "no \"wan6 VERSION\" first line";
	case LEASE6_BAD_VERSION: return "another major format version";
	}
	return "?";
}
