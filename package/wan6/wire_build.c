/*
 * wire_build.c - the client's messages (RFC 8415 section 18.2), the
 * DUID-LL and the IAID.
 */
#include <string.h>

#include "wire.h"

struct out {
	uint8_t *p;
	size_t size, len;
	int overflow;
};

static void put(struct out *o, const void *data, size_t n)
{
	if (o->overflow || n > o->size - o->len) {
		o->overflow = 1;
		return;
	}
	memcpy(o->p + o->len, data, n);
	o->len += n;
}

static void put16(struct out *o, uint16_t v)
{
	uint8_t b[2] = { (uint8_t)(v >> 8), (uint8_t)v };

	put(o, b, 2);
}

static void put32(struct out *o, uint32_t v)
{
	uint8_t b[4] = { (uint8_t)(v >> 24), (uint8_t)(v >> 16),
			 (uint8_t)(v >> 8), (uint8_t)v };

	put(o, b, 4);
}

static void put_opt(struct out *o, uint16_t code, const void *data,
		    size_t n)
{
	put16(o, code);
	put16(o, (uint16_t)n);
	put(o, data, n);
}

/* An IA with T1 = T2 = 0 (the server chooses) around its bindings. */
static void put_ia(struct out *o, const struct wire_request *r, int pd)
{
	unsigned n = pd ? r->n_prefixes : r->n_addrs;
	size_t each = pd ? 4 + 25 : 4 + 24;

	put16(o, pd ? DHCP6_OPT_IA_PD : DHCP6_OPT_IA_NA);
	put16(o, (uint16_t)(12 + n * each));
	put32(o, r->iaid);
	put32(o, 0);
	put32(o, 0);
	for (unsigned i = 0; i < n; i++) {
		if (pd) {
			const struct wire_prefix *x = &r->prefixes[i];

			put16(o, DHCP6_OPT_IAPREFIX);
			put16(o, 25);
			put32(o, 0);
			put32(o, 0);
			put(o, &x->len, 1);
			put(o, x->prefix, 16);
		} else {
			put16(o, DHCP6_OPT_IAADDR);
			put16(o, 24);
			put(o, r->addrs[i].addr, 16);
			put32(o, 0);
			put32(o, 0);
		}
	}
}

size_t wire_build(const struct wire_request *req, uint8_t *buf, size_t size)
{
	struct out o = { buf, size, 0, 0 };
	uint8_t oro[8] = { 0, DHCP6_OPT_DNS_SERVERS, 0, DHCP6_OPT_DOMAIN_LIST,
			   0, DHCP6_OPT_AFTR_NAME, 0,
			   DHCP6_OPT_INFO_REFRESH_TIME };
	int info = req->type == DHCP6_INFORMATION_REQUEST;

	put(&o, &req->type, 1);
	put(&o, req->xid, 3);
	put_opt(&o, DHCP6_OPT_CLIENTID, req->duid, req->duid_len);
	if (req->server_id)
		put_opt(&o, DHCP6_OPT_SERVERID, req->server_id,
			req->server_id_len);
	put16(&o, DHCP6_OPT_ELAPSED_TIME);
	put16(&o, 2);
	put16(&o, req->elapsed_cs);
	/* The refresh time only where section 21.23 allows it; no ORO in
	 * a Decline (Appendix B). */
	if (req->type != DHCP6_DECLINE)
		put_opt(&o, DHCP6_OPT_ORO, oro, info ? 8 : 6);
	if (!info && req->want_na)
		put_ia(&o, req, 0);
	if (!info && req->want_pd)
		put_ia(&o, req, 1);
	return o.overflow ? 0 : o.len;
}

void wire_duid_ll(const uint8_t mac[6], uint8_t out[DHCP6_DUID_LL_LEN])
{
	out[0] = 0;
	out[1] = 3;	/* DUID-LL */
	out[2] = 0;
	out[3] = 1;	/* Ethernet */
	memcpy(out + 4, mac, 6);
}

uint32_t wire_iaid(const char *ifname)
{
	uint32_t h = 2166136261u;

	for (const char *c = ifname; *c; c++) {
		h ^= (uint8_t)*c;
		h *= 16777619u;
	}
	return h;
}
