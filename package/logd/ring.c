/*
 * ring.c - records laid end to end in one buffer; a record that would not
 * fit before the end starts again at offset 0, and a zero length word
 * left behind tells readers to jump there.
 *
 * Record: struct rec_hdr, then host, prog and text bytes, padded to 8.
 */
#include <string.h>

#include "ring.h"

struct rec_hdr {
	uint32_t len;		/* whole record, padded; 0 = wrap marker */
	int32_t pid;
	uint64_t seq;
	uint64_t time_us;
	uint16_t text_len;
	uint8_t host_len, prog_len;
	uint8_t facility, severity;
	uint8_t pad[2];
};

#define ALIGN8(x) (((x) + 7) & ~(size_t)7)

void ring_init(struct ring *r, void *mem, size_t cap)
{
	memset(r, 0, sizeof(*r));
	r->buf = mem;
	r->cap = cap & ~(size_t)7;
}

static struct rec_hdr hdr_at(const struct ring *r, size_t off)
{
	struct rec_hdr h;

	memcpy(&h, r->buf + off, sizeof(h));
	return h;
}

/* Where the record that starts at or after off really is. */
static size_t norm(const struct ring *r, size_t off)
{
	uint32_t len;

	if (off + sizeof(len) > r->cap)
		return 0;
	memcpy(&len, r->buf + off, sizeof(len));
	return len ? off : 0;
}

static void evict_oldest(struct ring *r)
{
	struct rec_hdr h;

	r->head = norm(r, r->head);
	h = hdr_at(r, r->head);
	r->head += h.len;
	r->count--;
	r->first_seq++;
	r->overwritten++;
	if (r->count)
		r->head = norm(r, r->head);
	else
		r->head = r->tail = 0;
}

/* Finds room for len bytes, evicting what it must; returns the offset. */
static size_t make_room(struct ring *r, size_t len)
{
	for (;;) {
		if (r->count == 0) {
			r->head = r->tail = 0;
			return 0;
		}
		if (r->head < r->tail) {
			if (r->tail + len <= r->cap)
				return r->tail;
			if (len <= r->head) {
				if (r->tail + sizeof(uint32_t) <= r->cap)
					memset(r->buf + r->tail, 0,
					       sizeof(uint32_t));
				return 0;
			}
		} else if (r->tail + len <= r->head) {
			return r->tail;
		}
		evict_oldest(r);
	}
}

static size_t cut(size_t n, size_t max)
{
	return n > max ? max : n;
}

uint64_t ring_put(struct ring *r, const struct log_msg *m)
{
	struct rec_hdr h;
	size_t host = cut(m->host.n, LOGMSG_HOST_MAX);
	size_t prog = cut(m->prog.n, LOGMSG_PROG_MAX);
	size_t text = cut(m->text.n, LOGMSG_TEXT_MAX);
	size_t off, len;

	/* A record may take at most a quarter of a small ring. */
	len = sizeof(h) + host + prog + text;
	if (len > r->cap / 4)
		text -= cut(text, len - r->cap / 4);
	len = ALIGN8(sizeof(h) + host + prog + text);

	memset(&h, 0, sizeof(h));
	h.len = (uint32_t)len;
	h.pid = m->pid;
	h.seq = r->next_seq;
	h.time_us = m->time_us;
	h.text_len = (uint16_t)text;
	h.host_len = (uint8_t)host;
	h.prog_len = (uint8_t)prog;
	h.facility = m->facility;
	h.severity = m->severity;

	off = make_room(r, len);
	if (r->count == 0)
		r->first_seq = r->next_seq;
	memcpy(r->buf + off, &h, sizeof(h));
	off += sizeof(h);
	if (host)
		memcpy(r->buf + off, m->host.p, host);
	if (prog)
		memcpy(r->buf + off + host, m->prog.p, prog);
	if (text)
		memcpy(r->buf + off + host + prog, m->text.p, text);
	r->tail = off - sizeof(h) + len;
	r->count++;
	return r->next_seq++;
}

void ring_oldest(const struct ring *r, struct ring_cursor *c)
{
	c->seq = r->first_seq;
	c->off = r->head;
}

void ring_end(const struct ring *r, struct ring_cursor *c)
{
	c->seq = r->next_seq;
	c->off = r->tail;
}

void ring_last(const struct ring *r, struct ring_cursor *c, size_t n)
{
	ring_oldest(r, c);
	for (size_t skip = r->count > n ? r->count - n : 0; skip > 0; skip--) {
		struct ring_rec rec;

		ring_next(r, c, &rec, NULL);
	}
}

int ring_next(const struct ring *r, struct ring_cursor *c,
	      struct ring_rec *out, uint64_t *lost)
{
	struct rec_hdr h;
	const char *p;

	if (c->seq < r->first_seq || c->seq > r->next_seq) {
		if (lost && c->seq < r->first_seq)
			*lost += r->first_seq - c->seq;
		ring_oldest(r, c);
	}
	if (c->seq == r->next_seq)
		return 0;
	c->off = norm(r, c->off);
	h = hdr_at(r, c->off);
	p = (const char *)r->buf + c->off + sizeof(h);
	out->seq = h.seq;
	out->time_us = h.time_us;
	out->pid = h.pid;
	out->facility = h.facility;
	out->severity = h.severity;
	out->host.p = p;
	out->host.n = h.host_len;
	out->prog.p = p + h.host_len;
	out->prog.n = h.prog_len;
	out->text.p = p + h.host_len + h.prog_len;
	out->text.n = h.text_len;
	c->off += h.len;
	c->seq++;
	return 1;
}
