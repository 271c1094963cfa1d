/*
 * syslog_parse.c - RFC 3164 / RFC 5424 / kmsg records to struct log_msg.
 *
 * Every read is bounded by n; nothing past the buffer is looked at, and a
 * field that does not parse falls back to text rather than failing the
 * whole message: a log daemon should store what it was sent.
 */
#include <string.h>

#include "syslog_parse.h"

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static struct span span_of(const char *p, size_t n)
{
	struct span s = { p, n };

	return s;
}

/* Cut trailing newlines, NULs and spaces. */
static size_t trim_end(const char *p, size_t n)
{
	while (n > 0 && (p[n - 1] == '\n' || p[n - 1] == '\0' ||
			 p[n - 1] == '\r' || p[n - 1] == ' '))
		n--;
	return n;
}

/* "<N>" with N 0..191 at p; returns bytes used (0 if absent). */
static size_t parse_pri(const char *p, size_t n, unsigned *pri)
{
	unsigned v = 0;
	size_t i = 1;

	if (n < 3 || p[0] != '<')
		return 0;
	while (i < n && i < 5 && is_digit(p[i]))
		v = v * 10 + (unsigned)(p[i++] - '0');
	if (i == 1 || i >= n || p[i] != '>' || v > 191)
		return 0;
	*pri = v;
	return i + 1;
}

static void set_pri(struct log_msg *m, unsigned pri)
{
	m->facility = (uint8_t)(pri >> 3);
	m->severity = (uint8_t)(pri & 7);
}

static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";

/* "Mmm dd hh:mm:ss " (dd may be " 3"). */
static int is_3164_stamp(const char *p, size_t n)
{
	int month = 0;

	if (n < 16)
		return 0;
	for (int i = 0; i < 12; i++)
		month |= !memcmp(p, months + 3 * i, 3);
	return month && p[3] == ' ' && (p[4] == ' ' || is_digit(p[4])) &&
	       is_digit(p[5]) && p[6] == ' ' && is_digit(p[7]) &&
	       is_digit(p[8]) && p[9] == ':' && is_digit(p[10]) &&
	       is_digit(p[11]) && p[12] == ':' && is_digit(p[13]) &&
	       is_digit(p[14]) && p[15] == ' ';
}

/*
 * "tag[pid]: " or "tag: " at p. Returns bytes up to the text (0 if p does
 * not start with a tag), with prog and pid filled.
 */
static size_t parse_tag(const char *p, size_t n, struct log_msg *m)
{
	size_t i = 0, tag_end;
	int32_t pid = -1;

	while (i < n && i <= 48 && p[i] != '[' && p[i] != ':' && p[i] != ' ')
		i++;
	if (i == 0 || i > 48 || i >= n)
		return 0;
	tag_end = i;
	if (p[i] == '[') {
		int64_t v = 0;
		size_t start = ++i;

		while (i < n && is_digit(p[i]) && i - start < 10)
			v = v * 10 + (p[i++] - '0');
		if (i == start || i >= n || p[i] != ']' || v > INT32_MAX)
			return 0;
		pid = (int32_t)v;
		i++;
	}
	if (i >= n || p[i] != ':')
		return 0;
	i++;
	if (i < n && p[i] == ' ')
		i++;
	m->prog = span_of(p, tag_end);
	m->pid = pid;
	return i;
}

static int parse_3164(const char *p, size_t n, struct log_msg *m)
{
	size_t used;

	if (is_3164_stamp(p, n)) {
		p += 16;
		n -= 16;
	}
	used = parse_tag(p, n, m);
	if (!used) {
		/* "host tag: text" from a network sender? */
		size_t h = 0;

		while (h < n && h < LOGMSG_HOST_MAX && p[h] != ' ' &&
		       p[h] != ':' && p[h] != '[')
			h++;
		if (h > 0 && h < n && p[h] == ' ') {
			used = parse_tag(p + h + 1, n - h - 1, m);
			if (used) {
				m->host = span_of(p, h);
				used += h + 1;
			}
		}
	}
	m->text = span_of(p + used, n - used);
	return 0;
}

/* One RFC 5424 header field (up to a space); NILVALUE gives n == 0. */
static int take_field(const char **p, size_t *n, size_t max,
		      struct span *out)
{
	size_t i = 0;

	while (i < *n && (*p)[i] != ' ')
		i++;
	if (i == 0 || i >= *n || i > max)
		return -1;
	*out = span_of(*p, i);
	if (i == 1 && (*p)[0] == '-')
		out->n = 0;
	*p += i + 1;
	*n -= i + 1;
	return 0;
}

/* Structured data: "-" or "[id k="v"...]..." with \" and \] escapes. */
static int skip_sd(const char **p, size_t *n)
{
	size_t i = 0;

	if (*n >= 1 && (*p)[0] == '-') {
		i = 1;
	} else {
		while (i < *n && (*p)[i] == '[') {
			int quoted = 0;

			for (i++; i < *n; i++) {
				char c = (*p)[i];

				if (quoted && c == '\\') {
					i++;
				} else if (c == '"') {
					quoted = !quoted;
				} else if (!quoted && c == ']') {
					i++;
					break;
				}
			}
		}
		if (i == 0 || i > *n)
			return -1;
	}
	if (i < *n && (*p)[i] == ' ')
		i++;
	*p += i;
	*n -= i;
	return 0;
}

static int parse_5424(const char *p, size_t n, struct log_msg *m)
{
	struct span stamp, procid, msgid;

	if (take_field(&p, &n, 40, &stamp) < 0 ||
	    take_field(&p, &n, 255, &m->host) < 0 ||
	    take_field(&p, &n, 48, &m->prog) < 0 ||
	    take_field(&p, &n, 128, &procid) < 0 ||
	    take_field(&p, &n, 32, &msgid) < 0 || skip_sd(&p, &n) < 0)
		return -1;
	if (stamp.n && rfc3339_parse(stamp.p, stamp.n, &m->time_us) < 0)
		m->time_us = 0;
	if (procid.n && procid.n <= 9) {
		int32_t v = 0;
		size_t i;

		for (i = 0; i < procid.n && is_digit(procid.p[i]); i++)
			v = v * 10 + (procid.p[i] - '0');
		if (i == procid.n)
			m->pid = v;
	}
	/* A UTF-8 BOM may open the message. */
	if (n >= 3 && !memcmp(p, "\xef\xbb\xbf", 3)) {
		p += 3;
		n -= 3;
	}
	m->text = span_of(p, n);
	return 0;
}

int syslog_parse(const char *buf, size_t n, struct log_msg *out)
{
	unsigned pri = 13;	/* user.notice, as RFC 3164 says */
	size_t used;

	memset(out, 0, sizeof(*out));
	out->pid = -1;
	n = trim_end(buf, n);
	used = parse_pri(buf, n, &pri);
	set_pri(out, pri);
	buf += used;
	n -= used;
	if (used && n >= 2 && buf[0] == '1' && buf[1] == ' ') {
		struct log_msg m5 = *out;

		if (parse_5424(buf + 2, n - 2, &m5) == 0) {
			*out = m5;
			return out->text.n || out->prog.n ? 0 : -1;
		}
	}
	parse_3164(buf, n, out);
	return out->text.n || out->prog.n ? 0 : -1;
}

/* Decimal u64 up to a delimiter; returns bytes used or 0. */
static size_t parse_u64(const char *p, size_t n, uint64_t *v)
{
	size_t i = 0;

	*v = 0;
	while (i < n && i < 20 && is_digit(p[i]))
		*v = *v * 10 + (uint64_t)(p[i++] - '0');
	return i;
}

int kmsg_parse(const char *buf, size_t n, uint64_t boot_wall_us,
	       struct log_msg *out, uint64_t *seq)
{
	uint64_t pri, usec;
	size_t i, k, text_end;

	memset(out, 0, sizeof(*out));
	out->pid = -1;
	i = parse_u64(buf, n, &pri);
	if (!i || i >= n || buf[i] != ',' || pri > 191 * 8 + 7)
		return -1;
	i++;
	k = parse_u64(buf + i, n - i, seq);
	if (!k || i + k >= n || buf[i + k] != ',')
		return -1;
	i += k + 1;
	k = parse_u64(buf + i, n - i, &usec);
	if (!k || i + k >= n || buf[i + k] != ',')
		return -1;
	i += k + 1;
	while (i < n && buf[i] != ';')
		i++;
	if (i >= n)
		return -1;
	i++;
	/* The text ends at the first newline; " KEY=VALUE" lines follow. */
	for (text_end = i; text_end < n && buf[text_end] != '\n'; text_end++)
		;
	/* The kernel's facility for printk is 0 (kern); userspace writers
	 * to /dev/kmsg get user (1) unless they give one. */
	out->facility = (uint8_t)((pri >> 3) > 23 ? 23 : pri >> 3);
	out->severity = (uint8_t)(pri & 7);
	out->time_us = boot_wall_us + usec;
	out->prog = span_of("kernel", 6);
	out->text = span_of(buf + i, trim_end(buf + i, text_end - i));
	/* A userspace writer (init, and daemons whose stderr init sends
	 * here) starts its text with "prog: " or "prog[pid]: ": take it as
	 * the program, so logread -p finds its lines. */
	if (out->facility != 0) {
		struct log_msg tagged = *out;
		size_t used = parse_tag(out->text.p, out->text.n, &tagged);

		if (used) {
			tagged.text = span_of(out->text.p + used,
					      out->text.n - used);
			*out = tagged;
		}
	}
	return 0;
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + (int64_t)doe - 719468;
}

static int digits(const char *p, size_t n, size_t at, size_t count,
		  unsigned *v)
{
	*v = 0;
	if (at + count > n)
		return -1;
	for (size_t i = at; i < at + count; i++) {
		if (!is_digit(p[i]))
			return -1;
		*v = *v * 10 + (unsigned)(p[i] - '0');
	}
	return 0;
}

int rfc3339_parse(const char *p, size_t n, uint64_t *us)
{
	unsigned y, mo, d, h, mi, s, zh, zm;
	uint64_t frac = 0;
	int64_t secs, off = 0;
	size_t i = 19, fd = 0;

	if (digits(p, n, 0, 4, &y) || n < 20 || p[4] != '-' ||
	    digits(p, n, 5, 2, &mo) || p[7] != '-' || digits(p, n, 8, 2, &d) ||
	    (p[10] != 'T' && p[10] != 't') || digits(p, n, 11, 2, &h) ||
	    p[13] != ':' || digits(p, n, 14, 2, &mi) || p[16] != ':' ||
	    digits(p, n, 17, 2, &s))
		return -1;
	if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 ||
	    mi > 59 || s > 60)
		return -1;
	if (i < n && p[i] == '.') {
		for (i++; i < n && is_digit(p[i]); i++, fd++)
			if (fd < 6)
				frac = frac * 10 + (uint64_t)(p[i] - '0');
		if (!fd)
			return -1;
		for (; fd < 6; fd++)
			frac *= 10;
	}
	if (i < n && (p[i] == 'Z' || p[i] == 'z')) {
		i++;
	} else if (i < n && (p[i] == '+' || p[i] == '-')) {
		if (digits(p, n, i + 1, 2, &zh) || i + 3 >= n ||
		    p[i + 3] != ':' || digits(p, n, i + 4, 2, &zm) || zh > 23 ||
		    zm > 59)
			return -1;
		off = (int64_t)(zh * 3600 + zm * 60) * (p[i] == '-' ? -1 : 1);
		i += 6;
	} else {
		return -1;
	}
	if (i != n)
		return -1;
	secs = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	       off;
	if (secs < 0)
		return -1;
	*us = (uint64_t)secs * 1000000 + frac;
	return 0;
}
