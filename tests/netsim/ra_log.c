/* RA log: see ra_log.h. */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ra_log.h"

void ra_log_frame(struct ra_log *log, uint32_t now_ms, const uint8_t *frame, size_t n)
{
	struct ra_log_entry *e;
	struct ra_msg msg;
	int rc = ra_parse(frame, n, &msg);

	if (rc == RA_BAD)
		log->bad++;
	if (rc != RA_OK)
		return;
	/* Entry seq s sits at ring[(s - 1) % RA_LOG_MAX]: the oldest goes. */
	if (log->count == RA_LOG_MAX)
		log->dropped++;
	else
		log->count++;
	e = &log->ring[log->seq % RA_LOG_MAX];
	e->seq = ++log->seq;
	e->t_ms = now_ms;
	e->msg = msg;
}

void ra_log_clear(struct ra_log *log)
{
	log->count = 0;
	log->dropped = 0;
	log->bad = 0;
}

struct out {
	char *buf;
	size_t cap, len;
	int full;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->full)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= o->cap - o->len)
		o->full = 1;
	else
		o->len += (size_t)n;
}

static const char *a6(const uint8_t *a, char *s)
{
	return inet_ntop(AF_INET6, a, s, INET6_ADDRSTRLEN) ? s : "?";
}

static void flags2(struct out *o, uint8_t f, uint8_t b1, const char *n1, uint8_t b2,
		   const char *n2)
{
	if (!(f & (b1 | b2)))
		put(o, " flags -");
	else
		put(o, " flags %s%s%s", f & b1 ? n1 : "", (f & b1) && (f & b2) ? "," : "",
		    f & b2 ? n2 : "");
}

static void format_entry(struct out *o, const struct ra_log_entry *e)
{
	const struct ra_msg *m = &e->msg;
	char s[INET6_ADDRSTRLEN];

	put(o, " | #%lu t_ms %lu from %s rl %u", e->seq, (unsigned long)e->t_ms,
	    a6(m->src, s), m->router_lifetime);
	flags2(o, m->flags, RA_FLAG_M, "M", RA_FLAG_O, "O");
	for (unsigned i = 0; i < m->nprefix; i++) {
		const struct ra_prefix *p = &m->prefix[i];

		put(o, " prefix %s/%u pl %lu vl %lu", a6(p->prefix, s), p->len,
		    (unsigned long)p->preferred, (unsigned long)p->valid);
		flags2(o, p->flags, RA_PREFIX_FLAG_L, "L", RA_PREFIX_FLAG_A, "A");
	}
	if (m->prefix_dropped)
		put(o, " prefix_dropped %u", m->prefix_dropped);
	for (unsigned i = 0; i < m->nrdnss; i++)
		put(o, " rdnss %s lt %lu", a6(m->rdnss[i], s), (unsigned long)m->rdnss_lifetime[i]);
	if (m->rdnss_dropped)
		put(o, " rdnss_dropped %u", m->rdnss_dropped);
}

int ra_log_format(const struct ra_log *log, char *buf, size_t cap)
{
	struct out o = { .buf = buf, .cap = cap };

	if (cap == 0)
		return -1;
	buf[0] = '\0';
	put(&o, "count %u dropped %lu bad %lu", log->count, log->dropped, log->bad);
	for (unsigned long s = log->seq - log->count + 1; s <= log->seq && !o.full; s++)
		format_entry(&o, &log->ring[(s - 1) % RA_LOG_MAX]);
	return o.full ? -1 : (int)o.len;
}
