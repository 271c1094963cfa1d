/*
 * dhcp6_reply.c - the Reply to an Information-request (RFC 8415 section
 * 18.3.6): our DUID, the client's echoed, and the DNS options rad also
 * advertises in its RAs (RFC 3646, RFC 4242 for the refresh time).
 */
#include <string.h>

#include "dhcp6_wire.h"

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	put16(p, v >> 16);
	put16(p + 2, v);
}

/* One option; the caller has checked that it fits. */
static size_t put_option(uint8_t *p, uint16_t code, const uint8_t *val,
			 size_t len)
{
	put16(p, code);
	put16(p + 2, (uint32_t)len);
	memcpy(p + 4, val, len);
	return 4 + len;
}

int dhcp6_server_setup(struct dhcp6_server *srv, const uint8_t mac[6],
		       const uint8_t (*dns)[16], unsigned dns_count,
		       const char *domain, uint32_t refresh_secs)
{
	memset(srv, 0, sizeof(*srv));
	if (dns_count > RA_RDNSS_MAX)
		return -1;
	/* DUID-LL: stable for the interface, needs no clock and no file
	 * (section 11.4 prefers it for a device with a fixed interface). */
	put16(srv->duid, 3);
	put16(srv->duid + 2, 1);	/* hardware type 1: Ethernet */
	memcpy(srv->duid + 4, mac, 6);
	if (dns_count)
		memcpy(srv->dns, dns, sizeof(srv->dns[0]) * dns_count);
	srv->dns_count = dns_count;
	if (domain[0]) {
		srv->domains_len = dns_name_encode(domain, srv->domains,
						   sizeof(srv->domains));
		if (!srv->domains_len)
			return -1;
	}
	srv->refresh_secs = refresh_secs < DHCP6_IRT_MINIMUM ?
			    DHCP6_IRT_MINIMUM : refresh_secs;
	return 0;
}

size_t dhcp6_reply_build(const struct dhcp6_msg *m,
			 const struct dhcp6_server *srv,
			 uint8_t *buf, size_t size)
{
	/* Without an ORO the client still gets what it evidently came for:
	 * section 18.2.6 makes the ORO a MUST, but some clients omit it. */
	int dns = srv->dns_count && (!m->has_oro || m->want_dns);
	int domains = srv->domains_len && (!m->has_oro || m->want_domains);
	/* RFC 4242 section 3.3: only when asked for. */
	int refresh = m->want_refresh;
	size_t need = 4 + 4 + sizeof(srv->duid), off = 0;

	if (m->client_id) {
		if (m->client_id_len > DHCP6_DUID_MAX)
			return 0;
		need += 4 + (size_t)m->client_id_len;
	}
	if (srv->dns_count > RA_RDNSS_MAX ||
	    srv->domains_len > sizeof(srv->domains))
		return 0;
	need += dns ? 4 + 16 * (size_t)srv->dns_count : 0;
	need += domains ? 4 + srv->domains_len : 0;
	need += refresh ? 8 : 0;
	if (need > size)
		return 0;
	buf[off++] = DHCP6_REPLY;
	memcpy(buf + off, m->xid, 3);
	off += 3;
	off += put_option(buf + off, DHCP6_OPT_SERVERID, srv->duid,
			  sizeof(srv->duid));
	if (m->client_id)
		off += put_option(buf + off, DHCP6_OPT_CLIENTID, m->client_id,
				  m->client_id_len);
	if (dns)
		off += put_option(buf + off, DHCP6_OPT_DNS_SERVERS,
				  srv->dns[0], 16 * (size_t)srv->dns_count);
	if (domains)
		off += put_option(buf + off, DHCP6_OPT_DOMAIN_LIST,
				  srv->domains, srv->domains_len);
	if (refresh) {
		uint8_t secs[4];

		put32(secs, srv->refresh_secs);
		off += put_option(buf + off, DHCP6_OPT_INFO_REFRESH_TIME,
				  secs, 4);
	}
	return off;
}
