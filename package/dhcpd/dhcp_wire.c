/*
 * dhcp_wire.c - parse and build BOOTP/DHCPv4 packets over byte buffers.
 */
#include <string.h>

#include "dhcp_wire.h"

static const uint8_t magic_cookie[4] = { 99, 130, 83, 99 };

/* Field offsets in the fixed header (RFC 2131 figure 1). */
enum {
	OFF_OP = 0, OFF_HTYPE = 1, OFF_HLEN = 2, OFF_HOPS = 3, OFF_XID = 4,
	OFF_SECS = 8, OFF_FLAGS = 10, OFF_CIADDR = 12, OFF_YIADDR = 16,
	OFF_SIADDR = 20, OFF_GIADDR = 24, OFF_CHADDR = 28, OFF_SNAME = 44,
	OFF_FILE = 108, OFF_OPTIONS = 240,
	SNAME_LEN = 64, FILE_LEN = 128,
};

static uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

static uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

static void copy_hostname(struct dhcp_msg *m, const uint8_t *v, size_t len)
{
	/* Some clients count a trailing NUL in the length. */
	while (len > 0 && v[len - 1] == 0)
		len--;
	if (len > DHCP_HOSTNAME_MAX)
		len = DHCP_HOSTNAME_MAX;
	memcpy(m->hostname, v, len);
	m->hostname[len] = 0;
	m->hostname_len = (uint8_t)len;
}

/* Option 81 (RFC 4702): flags, two rcodes, then a name, DNS-encoded when
 * the E bit is set. Only the first label is kept: it is the host name. */
static void take_fqdn(struct dhcp_msg *m, const uint8_t *v, size_t len)
{
	size_t label;

	if (len < 4 || m->hostname_len)
		return;
	if (v[0] & 0x04) {
		label = v[3];
		if (label == 0 || label > 63 || 4 + label > len)
			return;
		copy_hostname(m, v + 4, label);
	} else {
		const uint8_t *dot = memchr(v + 3, '.', len - 3);
		size_t name_len = dot ? (size_t)(dot - (v + 3)) : len - 3;

		copy_hostname(m, v + 3, name_len);
	}
}

/* Takes one option the server uses. Returns 0, or DHCP_ERR_BAD_OPTION
 * when a fixed-size option has the wrong length. */
static int take_option(struct dhcp_msg *m, uint8_t code, const uint8_t *v,
		       size_t len, uint32_t seen[8])
{
	/* First occurrence wins: a later copy cannot override a checked one. */
	if (seen[code / 32] & (1u << (code % 32)))
		return 0;
	seen[code / 32] |= 1u << (code % 32);

	switch (code) {
	case OPT_MSG_TYPE:
		if (len != 1)
			return DHCP_ERR_BAD_OPTION;
		m->msg_type = v[0];
		break;
	case OPT_REQUESTED_IP:
		if (len != 4)
			return DHCP_ERR_BAD_OPTION;
		m->requested_ip = get32(v);
		break;
	case OPT_SERVER_ID:
		if (len != 4)
			return DHCP_ERR_BAD_OPTION;
		m->server_id = get32(v);
		break;
	case OPT_LEASE_TIME:
		if (len != 4)
			return DHCP_ERR_BAD_OPTION;
		m->lease_time = get32(v);
		break;
	case OPT_RENEWAL:
	case OPT_REBINDING:
		if (len != 4)
			return DHCP_ERR_BAD_OPTION;
		*(code == OPT_RENEWAL ? &m->renewal_time :
		  &m->rebinding_time) = get32(v);
		break;
	case OPT_MAX_SIZE:
		if (len != 2)
			return DHCP_ERR_BAD_OPTION;
		m->max_size = get16(v);
		break;
	case OPT_OVERLOAD:
		if (len != 1 || v[0] < 1 || v[0] > 3)
			return DHCP_ERR_BAD_OPTION;
		m->overload = v[0];
		break;
	case OPT_CLIENT_ID:
		if (len < 2)
			return DHCP_ERR_BAD_OPTION;
		if (len > DHCP_CLIENT_ID_MAX)
			len = DHCP_CLIENT_ID_MAX;
		memcpy(m->client_id, v, len);
		m->client_id_len = (uint8_t)len;
		break;
	case OPT_HOSTNAME:
		copy_hostname(m, v, len);
		break;
	case OPT_FQDN:
		take_fqdn(m, v, len);
		break;
	case OPT_PARAM_LIST:
		if (len > DHCP_PARAMS_MAX)
			len = DHCP_PARAMS_MAX;
		memcpy(m->params, v, len);
		m->params_len = (uint8_t)len;
		break;
	default:
		break;
	}
	return 0;
}

/* Walks one options field [p, p+n). *saw_end is set on END. */
static int walk_options(struct dhcp_msg *m, const uint8_t *p, size_t n,
			uint32_t seen[8], uint8_t *saw_end)
{
	size_t off = 0;

	while (off < n) {
		uint8_t code = p[off];
		size_t len;
		int err;

		if (code == OPT_PAD) {
			off++;
			continue;
		}
		if (code == OPT_END) {
			*saw_end = 1;
			return DHCP_OK;
		}
		if (off + 2 > n)
			return DHCP_ERR_TRUNCATED;
		len = p[off + 1];
		if (off + 2 + len > n)
			return DHCP_ERR_TRUNCATED;
		err = take_option(m, code, p + off + 2, len, seen);
		if (err)
			return err;
		off += 2 + len;
	}
	return DHCP_OK;
}

int dhcp_parse(const uint8_t *p, size_t n, struct dhcp_msg *out)
{
	uint32_t seen[8] = { 0 };
	uint8_t end_unused = 0;
	int err;

	memset(out, 0, sizeof(*out));
	if (!p || n < DHCP_MIN_LEN)
		return DHCP_ERR_SHORT;
	if (memcmp(p + DHCP_FIXED_LEN, magic_cookie, 4) != 0)
		return DHCP_ERR_COOKIE;
	if (p[OFF_OP] != 1 && p[OFF_OP] != 2)
		return DHCP_ERR_OP;
	if (p[OFF_HLEN] > 16)
		return DHCP_ERR_HLEN;
	out->op = p[OFF_OP];
	out->htype = p[OFF_HTYPE];
	out->hlen = p[OFF_HLEN];
	out->hops = p[OFF_HOPS];
	out->xid = get32(p + OFF_XID);
	out->secs = get16(p + OFF_SECS);
	out->flags = get16(p + OFF_FLAGS);
	out->ciaddr = get32(p + OFF_CIADDR);
	out->yiaddr = get32(p + OFF_YIADDR);
	out->siaddr = get32(p + OFF_SIADDR);
	out->giaddr = get32(p + OFF_GIADDR);
	memcpy(out->chaddr, p + OFF_CHADDR, 16);

	err = walk_options(out, p + OFF_OPTIONS, n - OFF_OPTIONS, seen,
			   &out->saw_end);
	if (err)
		return err;
	/* RFC 2131 4.1: with option 52, file then sname hold more options. */
	if (out->overload & 1) {
		err = walk_options(out, p + OFF_FILE, FILE_LEN, seen,
				   &end_unused);
		if (err)
			return err;
	}
	if (out->overload & 2) {
		err = walk_options(out, p + OFF_SNAME, SNAME_LEN, seen,
				   &end_unused);
		if (err)
			return err;
	}
	if (out->msg_type == 0)
		return DHCP_ERR_NO_TYPE;
	return DHCP_OK;
}

const char *dhcp_strerror(int err)
{
	switch (err) {
	case DHCP_OK: return "ok";
	case DHCP_ERR_SHORT: return "too short";
	case DHCP_ERR_COOKIE: return "no DHCP magic cookie";
	case DHCP_ERR_OP: return "bad op";
	case DHCP_ERR_HLEN: return "hardware address too long";
	case DHCP_ERR_TRUNCATED: return "option runs past its field";
	case DHCP_ERR_BAD_OPTION: return "option has a bad length";
	case DHCP_ERR_NO_TYPE: return "no message type";
	}
	return "unknown error";
}

const char *dhcp_type_name(unsigned type)
{
	static const char *const names[] = {
		"NONE", "DISCOVER", "OFFER", "REQUEST", "DECLINE", "ACK",
		"NAK", "RELEASE", "INFORM",
	};

	return type < sizeof(names) / sizeof(names[0]) ? names[type] : "?";
}

int dhcp_wants(const struct dhcp_msg *m, uint8_t code)
{
	return memchr(m->params, code, m->params_len) != NULL;
}

size_t dhcp_encode_routes(const struct dhcp_route *routes, unsigned count,
			  uint8_t *out, size_t size)
{
	size_t off = 0;

	for (unsigned i = 0; i < count; i++) {
		unsigned prefix = routes[i].prefix > 32 ? 32 : routes[i].prefix;
		size_t width = (prefix + 7) / 8;
		uint8_t dest[4];

		if (off + 1 + width + 4 > size)
			return 0;
		put32(dest, routes[i].dest);
		out[off++] = (uint8_t)prefix;
		memcpy(out + off, dest, width);
		off += width;
		put32(out + off, routes[i].gateway);
		off += 4;
	}
	return off;
}

/* One option of a reply, before it is placed. */
struct opt_item {
	uint8_t code;
	uint8_t len;
	const uint8_t *value;
};

#define OPT_ITEMS_MAX 16

struct opt_list {
	struct opt_item item[OPT_ITEMS_MAX];
	unsigned count;
	size_t bytes;		/* code, length and value of them all */
	int overflow;		/* an option longer than 255 */
};

static void add_opt(struct opt_list *l, uint8_t code, const void *v,
		    size_t len)
{
	if (len > 255 || l->count == OPT_ITEMS_MAX) {
		l->overflow = 1;
		return;
	}
	l->item[l->count].code = code;
	l->item[l->count].len = (uint8_t)len;
	l->item[l->count].value = v;
	l->count++;
	l->bytes += 2 + len;
}

static void add_opt32(struct opt_list *l, uint8_t code, uint32_t v,
		      uint8_t *w)
{
	if (!v)
		return;
	put32(w, v);
	add_opt(l, code, w, 4);
}

/* A field options go into: [off, end), END included. */
struct field {
	size_t off, end;
};

static void write_opt(uint8_t *buf, struct field *f, const struct opt_item *o)
{
	buf[f->off++] = o->code;
	buf[f->off++] = o->len;
	memcpy(buf + f->off, o->value, o->len);
	f->off += o->len;
}

static int fits(const struct field *f, const struct opt_item *o)
{
	return f->off + 2 + o->len + 1 <= f->end;
}

/*
 * Options that overflow the options field: the message type and option 52
 * first in it, then the rest largest first, each into the first of
 * options, file, sname with room (largest first, because the domain can
 * only go into the options field and must not find it full of small ones).
 * Returns where the options field ends, or 0 if something fits nowhere.
 */
static size_t place_overloaded(const struct opt_list *l, uint8_t *buf)
{
	struct field fields[3] = {
		{ OFF_OPTIONS, DHCP_REPLY_MAX },
		{ OFF_FILE, OFF_FILE + FILE_LEN },
		{ OFF_SNAME, OFF_SNAME + SNAME_LEN },
	};
	uint8_t *overload;
	uint8_t used = 0;
	unsigned order[OPT_ITEMS_MAX], n = 0;

	/* Item 0 is the message type (dhcp_build adds it first). */
	write_opt(buf, &fields[0], &l->item[0]);
	buf[fields[0].off++] = OPT_OVERLOAD;
	buf[fields[0].off++] = 1;
	overload = buf + fields[0].off++;
	for (unsigned i = 1; i < l->count; i++) {
		unsigned j = n++;

		/* Insertion sort, stable: equal sizes keep their order. */
		while (j > 0 && l->item[order[j - 1]].len < l->item[i].len) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
	for (unsigned k = 0; k < n; k++) {
		const struct opt_item *o = &l->item[order[k]];
		unsigned f = 0;

		while (f < 3 && !fits(&fields[f], o))
			f++;
		if (f == 3)
			return 0;
		write_opt(buf, &fields[f], o);
		if (f)
			used |= (uint8_t)f;	/* file: 1, sname: 2 */
	}
	for (unsigned f = 1; f < 3; f++)
		if (used & f)
			buf[fields[f].off] = OPT_END;
	*overload = used;
	buf[fields[0].off++] = OPT_END;
	return fields[0].off;
}

size_t dhcp_build(const struct dhcp_reply *r, uint8_t *buf, size_t size)
{
	struct opt_list l = { .count = 0 };
	uint8_t w32[6][4];
	uint8_t dns[4 * DHCP_DNS_MAX], mtu[2];
	uint8_t routes[DHCP_ROUTES_MAX * 9];
	size_t len, off;

	if (size < DHCP_REPLY_MAX)
		return 0;
	memset(buf, 0, size);
	buf[OFF_OP] = 2;
	buf[OFF_HTYPE] = r->htype;
	buf[OFF_HLEN] = r->hlen > 16 ? 16 : r->hlen;
	put32(buf + OFF_XID, r->xid);
	buf[OFF_FLAGS] = (uint8_t)(r->flags >> 8);
	buf[OFF_FLAGS + 1] = (uint8_t)r->flags;
	put32(buf + OFF_CIADDR, r->ciaddr);
	put32(buf + OFF_YIADDR, r->yiaddr);
	put32(buf + OFF_SIADDR, r->siaddr);
	put32(buf + OFF_GIADDR, r->giaddr);
	memcpy(buf + OFF_CHADDR, r->chaddr, 16);
	memcpy(buf + DHCP_FIXED_LEN, magic_cookie, 4);

	add_opt(&l, OPT_MSG_TYPE, &r->msg_type, 1);
	add_opt32(&l, OPT_SERVER_ID, r->server_id, w32[0]);
	add_opt32(&l, OPT_LEASE_TIME, r->lease_time, w32[1]);
	add_opt32(&l, OPT_RENEWAL, r->renewal_time, w32[2]);
	add_opt32(&l, OPT_REBINDING, r->rebinding_time, w32[3]);
	add_opt32(&l, OPT_SUBNET_MASK, r->subnet_mask, w32[4]);
	add_opt32(&l, OPT_ROUTER, r->router, w32[5]);
	if (r->dns_count) {
		unsigned count = r->dns_count > DHCP_DNS_MAX ?
				 DHCP_DNS_MAX : r->dns_count;

		for (unsigned i = 0; i < count; i++)
			put32(dns + 4 * i, r->dns[i]);
		add_opt(&l, OPT_DNS, dns, 4 * count);
	}
	len = strnlen(r->domain, DHCP_DOMAIN_MAX);
	if (len)
		add_opt(&l, OPT_DOMAIN, r->domain, len);
	if (r->mtu) {
		mtu[0] = (uint8_t)(r->mtu >> 8);
		mtu[1] = (uint8_t)r->mtu;
		add_opt(&l, OPT_MTU, mtu, 2);
	}
	if (r->route_count) {
		len = dhcp_encode_routes(r->routes, r->route_count, routes,
					 sizeof(routes));
		if (len)
			add_opt(&l, OPT_CLASSLESS_ROUTES, routes, len);
	}
	if (r->message)
		add_opt(&l, OPT_MESSAGE, r->message, strnlen(r->message, 128));
	if (r->client_id_len)
		add_opt(&l, OPT_CLIENT_ID, r->client_id, r->client_id_len);
	if (l.overflow)
		return 0;
	if (OFF_OPTIONS + l.bytes + 1 <= DHCP_REPLY_MAX) {
		/* The usual case: everything in the options field. */
		struct field f = { OFF_OPTIONS, DHCP_REPLY_MAX };

		for (unsigned i = 0; i < l.count; i++)
			write_opt(buf, &f, &l.item[i]);
		buf[f.off++] = OPT_END;
		off = f.off;
	} else {
		off = place_overloaded(&l, buf);
		if (!off)
			return 0;
	}
	return off < DHCP_BOOTP_MIN_LEN ? DHCP_BOOTP_MIN_LEN : off;
}
