/*
 * summary.c - counters and top flows by bytes, as text.
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/socket.h>

#include "summary.h"

struct out {
	char *buf;
	size_t cap, len;
};

__attribute__((format(printf, 2, 3)))
static void put(struct out *o, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (o->len + 1 >= o->cap)
		return;
	va_start(ap, fmt);
	n = vsnprintf(o->buf + o->len, o->cap - o->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	o->len += (size_t)n;
	if (o->len >= o->cap)
		o->len = o->cap - 1;
}

static const char *proto_name(uint8_t proto, char *tmp, size_t n)
{
	switch (proto) {
	case 1: return "icmp";
	case 6: return "tcp";
	case 17: return "udp";
	case 58: return "icmp6";
	case 132: return "sctp";
	}
	snprintf(tmp, n, "proto-%u", proto);
	return tmp;
}

static void put_endpoint(struct out *o, int family, const uint8_t *addr,
			 uint16_t port)
{
	char text[INET6_ADDRSTRLEN];

	inet_ntop(family == 6 ? AF_INET6 : AF_INET, addr, text, sizeof(text));
	if (family == 6)
		put(o, "[%s]:%u", text, port);
	else
		put(o, "%s:%u", text, port);
}

size_t summary_format(char *buf, size_t cap, const struct engine *e,
		      const struct capture_counts *cc, uint64_t now_ms)
{
	const struct flow_table *t = &e->ft;
	const struct flow *top[SUMMARY_TOP];
	struct out o = { buf, cap, 0 };
	size_t ntop = 0, i, j;
	char tmp[16];

	if (!cap)
		return 0;
	buf[0] = '\0';
	put(&o, "time %llu\n", (unsigned long long)(now_ms / 1000));
	put(&o, "version %d\n", e->ex.version);
	put(&o, "active-flows %u\n", t->count);
	put(&o, "max-flows %u\n", t->max);
	put(&o, "packets %llu\n", (unsigned long long)e->st.packets);
	put(&o, "bytes %llu\n", (unsigned long long)e->st.bytes);
	put(&o, "flows-created %llu\n", (unsigned long long)t->created);
	put(&o, "flows-exported %llu\n", (unsigned long long)e->st.exported);
	put(&o, "expired-idle %llu\n",
	    (unsigned long long)t->expired[FT_IDLE]);
	put(&o, "expired-active %llu\n",
	    (unsigned long long)t->expired[FT_ACTIVE]);
	put(&o, "expired-tcp-end %llu\n",
	    (unsigned long long)t->expired[FT_TCP_END]);
	put(&o, "expired-flush %llu\n",
	    (unsigned long long)t->expired[FT_FLUSH]);
	put(&o, "evicted %llu\n", (unsigned long long)t->expired[FT_EVICTED]);
	put(&o, "datagrams %llu\n", (unsigned long long)e->st.datagrams);
	put(&o, "send-errors %llu\n", (unsigned long long)cc->send_errors);
	put(&o, "not-ip %llu\n", (unsigned long long)e->st.not_ip);
	put(&o, "malformed %llu\n", (unsigned long long)e->st.bad);
	put(&o, "no-ports %llu\n", (unsigned long long)e->st.no_ports);
	put(&o, "ipv6-skipped %llu\n", (unsigned long long)e->st.v6_skipped);
	put(&o, "capture-received %llu\n", (unsigned long long)cc->received);
	put(&o, "capture-dropped %llu\n", (unsigned long long)cc->dropped);

	/* Insertion into a 10-slot list: one pass over the table. */
	for (i = 0; i < t->max; i++) {
		const struct flow *f = &t->flows[i];

		if (!f->used)
			continue;
		if (ntop == SUMMARY_TOP && f->bytes <= top[ntop - 1]->bytes)
			continue;
		j = ntop < SUMMARY_TOP ? ntop++ : ntop - 1;
		while (j > 0 && top[j - 1]->bytes < f->bytes) {
			top[j] = top[j - 1];
			j--;
		}
		top[j] = f;
	}
	put(&o, "top-flows %zu\n", ntop);
	for (i = 0; i < ntop; i++) {
		const struct flow *f = top[i];

		put(&o, "flow %s ", proto_name(f->key.proto, tmp, sizeof(tmp)));
		put_endpoint(&o, f->key.family, f->key.src, f->key.sport);
		put(&o, " > ");
		put_endpoint(&o, f->key.family, f->key.dst, f->key.dport);
		put(&o, " bytes %llu packets %llu seconds %llu\n",
		    (unsigned long long)f->bytes,
		    (unsigned long long)f->packets,
		    (unsigned long long)((f->last_ms - f->first_ms) / 1000));
	}
	return o.len;
}
