/*
 * lease.c - the lease file's text (lease.h).
 */
#include <arpa/inet.h>
#include <stdarg.h>
#include <stdio.h>

#include "lease.h"

struct text {
	char *buf;
	size_t size, len;
	int overflow;
};

__attribute__((format(printf, 2, 3)))
static void add(struct text *t, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (t->overflow)
		return;
	va_start(ap, fmt);
	n = vsnprintf(t->buf + t->len, t->size - t->len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= t->size - t->len) {
		t->overflow = 1;
		return;
	}
	t->len += (size_t)n;
}

static const char *ntop(const uint8_t a[16], char *s)
{
	return inet_ntop(AF_INET6, a, s, INET6_ADDRSTRLEN);
}

size_t lease_format(const struct engine *e, const char *ifname,
		    uint64_t now_ms, char *buf, size_t size)
{
	struct text t = { buf, size, 0, size == 0 };
	char a[INET6_ADDRSTRLEN];

	add(&t, "wan6 1\niface %s\nstate %s\nupdated-ms %llu\n", ifname,
	    engine_state_name(e->state), (unsigned long long)now_ms);
	for (unsigned i = 0; i < e->n_addrs; i++)
		add(&t, "address %s/128 %llu %llu\n", ntop(e->addrs[i].addr, a),
		    (unsigned long long)e->addrs[i].pref_until,
		    (unsigned long long)e->addrs[i].valid_until);
	for (unsigned i = 0; i < e->n_prefixes; i++)
		add(&t, "prefix %s/%u %llu %llu\n",
		    ntop(e->prefixes[i].prefix, a), e->prefixes[i].len,
		    (unsigned long long)e->prefixes[i].pref_until,
		    (unsigned long long)e->prefixes[i].valid_until);
	for (unsigned i = 0; i < e->n_dns; i++)
		add(&t, "dns %s\n", ntop(e->dns[i], a));
	if (e->domain[0])
		add(&t, "domain %s\n", e->domain);
	if (e->aftr[0])
		add(&t, "aftr %s\n", e->aftr);
	for (unsigned i = 0; i < e->n_lan_prefixes; i++) {
		const struct engine_lan_prefix *l = &e->lan_prefixes[i];

		add(&t, "lan %s %s/64 %llu %llu\n", e->lans[l->lan].name,
		    ntop(l->prefix, a), (unsigned long long)l->pref_until,
		    (unsigned long long)l->valid_until);
	}
	for (unsigned i = 0; i < e->n_deprecated; i++) {
		const struct engine_lan_prefix *l = &e->deprecated[i];

		add(&t, "deprecated %s %s/64 0 %llu\n", e->lans[l->lan].name,
		    ntop(l->prefix, a), (unsigned long long)l->valid_until);
	}
	return t.overflow ? 0 : t.len;
}
