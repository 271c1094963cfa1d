/*
 * ra_build.c - one Router Advertisement in wire form (RFC 4861 section
 * 4.2, options from sections 4.6.1-4.6.4, RFC 8106 section 5).
 */
#include <string.h>

#include "ra_wire.h"

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

size_t dns_name_encode(const char *name, uint8_t *buf, size_t size)
{
	size_t len = strlen(name), out = 0;

	if (len && name[len - 1] == '.')
		len--;
	if (!len || len > RA_DOMAIN_MAX)
		return 0;
	for (size_t start = 0; start <= len;) {
		size_t end = start;

		while (end < len && name[end] != '.')
			end++;
		if (end == start || end - start > 63 ||
		    out + 1 + (end - start) > size)
			return 0;
		buf[out++] = (uint8_t)(end - start);
		memcpy(buf + out, name + start, end - start);
		out += end - start;
		start = end + 1;
	}
	if (out >= size)
		return 0;
	buf[out++] = 0;		/* the root label */
	return out;
}

size_t dnssl_encode(const char *name, uint8_t *buf, size_t size)
{
	size_t out = dns_name_encode(name, buf, size), padded;

	/* Zeros after the root label: a resolver reads padding as more
	 * empty names, which RFC 8106 says to ignore. */
	padded = (out + 7) & ~(size_t)7;
	if (!out || padded > size)
		return 0;
	memset(buf + out, 0, padded - out);
	return padded;
}

/* A Prefix Information option (RFC 4861 section 4.6.2) at off. */
static size_t put_prefix(uint8_t *buf, size_t off, const struct ra_prefix *p,
			 uint32_t valid_secs, uint32_t preferred_secs)
{
	buf[off] = ND_OPT_PREFIX_INFO;
	buf[off + 1] = 4;
	buf[off + 2] = p->len;
	buf[off + 3] = 0xc0;	/* L: on-link, A: autonomous (SLAAC) */
	put32(buf + off + 4, valid_secs);
	put32(buf + off + 8, preferred_secs);
	memcpy(buf + off + 16, p->addr, 16);
	return off + 32;
}

size_t ra_build(const struct ra_config *cfg, uint16_t router_lifetime_secs,
		uint8_t *buf, size_t size)
{
	size_t off = 16, need;

	need = 16 + (cfg->has_lladdr ? 8 : 0) + (cfg->mtu ? 8 : 0) +
	       32 * ((size_t)cfg->prefix_count + cfg->timed_count) +
	       (cfg->rdnss_count ? 8 + 16 * (size_t)cfg->rdnss_count : 0);
	if (cfg->prefix_count > RA_PREFIX_MAX ||
	    cfg->timed_count > RA_TIMED_MAX ||
	    cfg->rdnss_count > RA_RDNSS_MAX || need > size)
		return 0;
	memset(buf, 0, need);
	buf[0] = ND_ROUTER_ADVERT_TYPE;
	buf[4] = cfg->hop_limit;
	buf[5] = cfg->flags;
	put16(buf + 6, router_lifetime_secs);
	put32(buf + 8, cfg->reachable_ms);
	put32(buf + 12, cfg->retrans_ms);

	/* Lengths are in units of 8 bytes, the type and length included. */
	if (cfg->has_lladdr) {
		buf[off] = ND_OPT_SOURCE_LLADDR;
		buf[off + 1] = 1;
		memcpy(buf + off + 2, cfg->lladdr, 6);
		off += 8;
	}
	if (cfg->mtu) {
		buf[off] = ND_OPT_MTU_TYPE;
		buf[off + 1] = 1;
		put32(buf + off + 4, cfg->mtu);
		off += 8;
	}
	for (unsigned i = 0; i < cfg->prefix_count; i++)
		off = put_prefix(buf, off, &cfg->prefixes[i], cfg->valid_secs,
				 cfg->preferred_secs);
	for (unsigned i = 0; i < cfg->timed_count; i++)
		off = put_prefix(buf, off, &cfg->timed[i].prefix,
				 cfg->timed[i].valid_secs,
				 cfg->timed[i].preferred_secs);
	if (cfg->rdnss_count) {
		buf[off] = ND_OPT_RDNSS;
		buf[off + 1] = (uint8_t)(1 + 2 * cfg->rdnss_count);
		put32(buf + off + 4, cfg->dns_lifetime_secs);
		for (unsigned i = 0; i < cfg->rdnss_count; i++)
			memcpy(buf + off + 8 + 16 * i, cfg->rdnss[i], 16);
		off += 8 + 16 * (size_t)cfg->rdnss_count;
	}
	if (cfg->domain[0]) {
		size_t names;

		if (off + 8 > size)
			return 0;
		names = dnssl_encode(cfg->domain, buf + off + 8,
				     size - off - 8);
		if (!names)
			return 0;
		buf[off] = ND_OPT_DNSSL;
		buf[off + 1] = (uint8_t)((8 + names) / 8);
		buf[off + 2] = buf[off + 3] = 0;
		put32(buf + off + 4, cfg->dns_lifetime_secs);
		off += 8 + names;
	}
	return off;
}
