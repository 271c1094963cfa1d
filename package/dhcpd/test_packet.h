/*
 * test_packet.h - builds client packets for the unit tests (header only:
 * each test binary includes it once).
 */
#ifndef DHCPD_TEST_PACKET_H
#define DHCPD_TEST_PACKET_H

#include <stdint.h>
#include <string.h>

struct tpkt {
	uint8_t b[1500];
	size_t n;	/* options end here */
};

static inline void tpkt_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* A BOOTREQUEST from mac ...:xx with message type, no END yet. */
static inline void tpkt_start(struct tpkt *t, uint8_t type, uint8_t mac_last)
{
	static const uint8_t mac[6] = { 0x52, 0x54, 0, 0x12, 0x34, 0 };

	memset(t, 0, sizeof(*t));
	t->b[0] = 1;
	t->b[1] = 1;
	t->b[2] = 6;
	tpkt_put32(t->b + 4, 0xdeadbeef);
	memcpy(t->b + 28, mac, 6);
	t->b[33] = mac_last;
	t->b[236] = 99;
	t->b[237] = 130;
	t->b[238] = 83;
	t->b[239] = 99;
	t->n = 240;
	t->b[t->n++] = 53;
	t->b[t->n++] = 1;
	t->b[t->n++] = type;
}

static inline void tpkt_opt(struct tpkt *t, uint8_t code, const void *v,
			    uint8_t len)
{
	t->b[t->n++] = code;
	t->b[t->n++] = len;
	memcpy(t->b + t->n, v, len);
	t->n += len;
}

static inline void tpkt_opt32(struct tpkt *t, uint8_t code, uint32_t v)
{
	uint8_t w[4];

	tpkt_put32(w, v);
	tpkt_opt(t, code, w, 4);
}

static inline void tpkt_ciaddr(struct tpkt *t, uint32_t ip)
{
	tpkt_put32(t->b + 12, ip);
}

static inline void tpkt_giaddr(struct tpkt *t, uint32_t ip)
{
	tpkt_put32(t->b + 24, ip);
}

static inline void tpkt_broadcast(struct tpkt *t)
{
	t->b[10] = 0x80;
}

/* Appends END; returns the length to hand to the parser. */
static inline size_t tpkt_end(struct tpkt *t)
{
	t->b[t->n++] = 255;
	return t->n;
}

#define IP4(a, b, c, d) ((uint32_t)(a) << 24 | (uint32_t)(b) << 16 | \
			 (uint32_t)(c) << 8 | (uint32_t)(d))

#endif /* DHCPD_TEST_PACKET_H */
