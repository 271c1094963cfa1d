/*
 * server.c - RFC 2131 section 4.3: what the server answers to each message.
 *
 * Keel's server is authoritative for its one subnet (a home router is the
 * only DHCP server on its LAN): a REQUEST for an address it cannot give is
 * NAKed at once, so a client moved from another network is not left
 * waiting for its old lease to time out.
 */
#include <string.h>

#include "hostnames.h"
#include "server.h"

#define BROADCAST_ADDR 0xffffffffu

enum server_dest server_dest_for(const struct dhcp_msg *m, uint8_t reply_type,
				 uint32_t yiaddr, uint32_t *ip,
				 uint16_t *port)
{
	*port = DHCP_CLIENT_PORT;
	if (m->giaddr) {
		*ip = m->giaddr;
		*port = DHCP_SERVER_PORT;
		return DEST_RELAY;
	}
	/* A NAK means the client's address is wrong: never unicast to it. */
	if (reply_type == DHCPNAK) {
		*ip = BROADCAST_ADDR;
		return DEST_BROADCAST;
	}
	if (m->ciaddr) {
		*ip = m->ciaddr;
		return DEST_UNICAST;
	}
	if ((m->flags & DHCP_FLAG_BROADCAST) || !yiaddr || m->htype != 1 ||
	    m->hlen != 6) {
		*ip = BROADCAST_ADDR;
		return DEST_BROADCAST;
	}
	*ip = yiaddr;
	return DEST_HWADDR;
}

int server_chaddr_spoofed(const uint8_t *pkt, size_t n,
			  const uint8_t *src_mac)
{
	static const uint8_t no_relay[4];

	return src_mac && n >= 34 && memcmp(pkt + 24, no_relay, 4) == 0 &&
	       memcmp(pkt + 28, src_mac, 6) != 0;
}

static int in_subnet(const struct server_cfg *cfg, uint32_t ip)
{
	return (ip & cfg->netmask) == (cfg->server_ip & cfg->netmask) &&
	       ip != cfg->server_ip;
}

/* The reply skeleton every message type shares. */
static void start_reply(struct dhcp_reply *r, const struct dhcp_msg *m,
			const struct server_cfg *cfg, uint8_t type)
{
	memset(r, 0, sizeof(*r));
	r->msg_type = type;
	r->xid = m->xid;
	r->flags = m->flags;
	r->giaddr = m->giaddr;
	r->htype = m->htype;
	r->hlen = m->hlen;
	memcpy(r->chaddr, m->chaddr, 16);
	r->server_id = cfg->server_ip;
	if (m->client_id_len) {
		r->client_id_len = m->client_id_len;
		memcpy(r->client_id, m->client_id, m->client_id_len);
	}
}

static int has_default_route(const struct server_cfg *cfg)
{
	for (unsigned i = 0; i < cfg->route_count; i++)
		if (cfg->routes[i].prefix == 0)
			return 1;
	return 0;
}

/* Configuration options: the usual four always (every client wants them),
 * MTU and classless routes only when asked for (older clients choke on
 * options they did not expect). */
static void add_options(struct dhcp_reply *r, const struct dhcp_msg *m,
			const struct server_cfg *cfg)
{
	r->subnet_mask = cfg->netmask;
	r->router = cfg->router;
	memcpy(r->dns, cfg->dns, sizeof(r->dns));
	r->dns_count = cfg->dns_count;
	memcpy(r->domain, cfg->domain, sizeof(r->domain));
	if (cfg->mtu && dhcp_wants(m, OPT_MTU))
		r->mtu = cfg->mtu;
	if (cfg->route_count && dhcp_wants(m, OPT_CLASSLESS_ROUTES)) {
		memcpy(r->routes, cfg->routes, sizeof(r->routes));
		r->route_count = cfg->route_count;
		/* RFC 3442: with 121 the client ignores option 3, so the
		 * default route must be in the list too (unless the
		 * configured routes already have one). */
		if (cfg->router && r->route_count < DHCP_ROUTES_MAX &&
		    !has_default_route(cfg)) {
			r->routes[r->route_count].dest = 0;
			r->routes[r->route_count].prefix = 0;
			r->routes[r->route_count].gateway = cfg->router;
			r->route_count++;
		}
	}
}

static void add_lease_times(struct dhcp_reply *r,
			    const struct server_cfg *cfg)
{
	r->lease_time = cfg->lease_secs;
	/* RFC 2131 4.4.5 defaults: T1 = 0.5, T2 = 0.875 of the lease. */
	r->renewal_time = cfg->lease_secs / 2;
	r->rebinding_time = (uint32_t)((uint64_t)cfg->lease_secs * 7 / 8);
}

static void finish(struct server_result *res, const struct dhcp_msg *m,
		   const struct dhcp_reply *r)
{
	res->len = dhcp_build(r, res->reply, sizeof(res->reply));
	if (!res->len) {
		res->note = "reply does not fit";
		return;
	}
	res->dest = server_dest_for(m, r->msg_type, r->yiaddr, &res->dest_ip,
				    &res->dest_port);
	memcpy(res->dest_mac, m->chaddr, 6);
}

static void nak(struct server_result *res, const struct dhcp_msg *m,
		const struct server_cfg *cfg, const char *why)
{
	struct dhcp_reply r;

	start_reply(&r, m, cfg, DHCPNAK);
	r.message = why;
	/* RFC 2131 4.3.2: with a relay, the NAK must be broadcast by it. */
	if (m->giaddr)
		r.flags |= DHCP_FLAG_BROADCAST;
	res->note = why;
	finish(res, m, &r);
}

void server_guard_init(struct server_guard *g, uint32_t count,
		       uint32_t period_secs)
{
	memset(g, 0, sizeof(*g));
	g->new_limit.count = count;
	g->new_limit.period_ms = (period_secs ? period_secs : 1) * 1000;
	g->new_limit.burst = count ? count : 1;
}

/* The address the server has on record for the client: its static lease,
 * or the pool slot still linked to its MAC (offered, bound, or run out but
 * not given to anyone since). 0: no record. */
static uint32_t record_of(const struct lease_db *db, const uint8_t mac[6])
{
	const struct static_lease *s = lease_db_static_by_mac(db, mac);
	const struct lease *l;

	if (s)
		return s->ip;
	l = lease_db_find_mac(db, mac);
	return l ? lease_db_slot_ip(db, l) : 0;
}

/* A client with no record is about to take a pool address: 1 if the bound
 * on new clients allows it (charged once per address taken, at the OFFER
 * or at a bind without one). */
static int allow_new(struct server_guard *g, const struct server_rx *rx,
		     struct server_result *res)
{
	if (!g->new_limit.count ||
	    ratelimit_take(&g->new_bucket, &g->new_limit, rx->now_ms))
		return 1;
	g->new_refused++;
	res->new_refused = 1;
	res->note = "new clients over the bound (new-lease-rate)";
	return 0;
}

static void discover(const struct server_cfg *cfg, struct lease_db *db,
		     struct server_guard *g, const struct dhcp_msg *m,
		     const struct server_rx *rx, struct server_result *res)
{
	struct dhcp_reply r;
	uint32_t requested = in_subnet(cfg, m->requested_ip) ?
			     m->requested_ip : 0;
	uint32_t ip = lease_db_choose(db, m->chaddr, requested, rx->now);

	if (!ip) {
		db->exhausted++;
		res->exhausted = 1;
		res->note = "pool exhausted";
		return;
	}
	if (!record_of(db, m->chaddr) && !allow_new(g, rx, res))
		return;
	if (lease_db_offer(db, m->chaddr, ip, rx->now,
			   cfg->offer_hold_secs) < 0) {
		res->note = "address not available";
		return;
	}
	res->counts_changed = 1;
	start_reply(&r, m, cfg, DHCPOFFER);
	r.yiaddr = ip;
	add_lease_times(&r, cfg);
	add_options(&r, m, cfg);
	res->addr = ip;
	finish(res, m, &r);
}

/* The name to publish for the client binding ip: its option 12 as one
 * label, or "" when the policy refuses it (counted, and the refused name
 * kept in res for the log). */
static void publish_name(const struct server_cfg *cfg,
			 const struct lease_db *db, struct server_guard *g,
			 const struct dhcp_msg *m, uint32_t ip, int64_t now,
			 char name[LEASE_NAME_MAX + 1],
			 struct server_result *res)
{
	const struct lease *l = lease_db_slot(db, ip);
	enum name_verdict v;

	hostname_sanitize(m->hostname, name, LEASE_NAME_MAX + 1);
	if (!name[0])
		return;
	/* A renewal keeps the name it holds: no scan of the pool. */
	if (l && l->named && l->has_mac && l->state == LEASE_BOUND &&
	    memcmp(l->mac, m->chaddr, 6) == 0 &&
	    strcmp(lease_db_hostname(db, l), name) == 0)
		return;
	v = name_policy_check(&cfg->names, db, m->chaddr, name, now);
	if (v == NAME_OK)
		return;
	g->names_refused++;
	res->name_refused = 1;
	res->name_verdict = (uint8_t)v;
	memcpy(res->name, name, LEASE_NAME_MAX + 1);
	name[0] = 0;
}

/* Binds ip and ACKs, or NAKs if ip cannot be the client's. */
static void bind_and_ack(const struct server_cfg *cfg, struct lease_db *db,
			 struct server_guard *g, const struct dhcp_msg *m,
			 uint32_t ip, const struct server_rx *rx,
			 struct server_result *res)
{
	struct dhcp_reply r;
	char name[LEASE_NAME_MAX + 1];
	int rc;

	if (!in_subnet(cfg, ip)) {
		nak(res, m, cfg, "address not on this network");
		return;
	}
	if (!record_of(db, m->chaddr)) {
		if (!lease_db_available(db, m->chaddr, ip, rx->now)) {
			nak(res, m, cfg, "address not available");
			return;
		}
		if (!allow_new(g, rx, res))
			return;
	}
	publish_name(cfg, db, g, m, ip, rx->now, name, res);
	rc = lease_db_bind(db, m->chaddr, ip, name, rx->now, cfg->lease_secs);
	if (rc < 0) {
		nak(res, m, cfg, "address not available");
		return;
	}
	res->leases_changed = res->counts_changed = 1;
	res->hosts_changed = rc == 1;
	res->addr = ip;
	start_reply(&r, m, cfg, DHCPACK);
	r.ciaddr = m->ciaddr;
	r.yiaddr = ip;
	add_lease_times(&r, cfg);
	add_options(&r, m, cfg);
	finish(res, m, &r);
}

/*
 * RFC 2131 4.3.2. INIT-REBOOT from a client the server has no record of
 * gets no answer (a made-up MAC must not bind free addresses without even
 * an OFFER); one with a record is NAKed when the address is not the one on
 * record. RENEWING and REBINDING are NAKed the same way; from a client
 * with no record (its lease was lost with a checkpoint not yet written)
 * the address is bound if free, as a new client under the bound, so the
 * server learns it again rather than handing it to someone else.
 */
static void request(const struct server_cfg *cfg, struct lease_db *db,
		    struct server_guard *g, const struct dhcp_msg *m,
		    const struct server_rx *rx, struct server_result *res)
{
	uint32_t rec;

	if (m->server_id) {
		/* SELECTING: the client answers one server's OFFER. */
		if (m->server_id != cfg->server_ip) {
			lease_db_cancel_offer(db, m->chaddr);
			res->counts_changed = 1;
			res->note = "client chose another server";
			return;
		}
		if (!m->requested_ip || m->ciaddr) {
			res->note = "SELECTING without requested address";
			return;
		}
		bind_and_ack(cfg, db, g, m, m->requested_ip, rx, res);
		return;
	}
	if (m->requested_ip && !m->ciaddr) {
		/* INIT-REBOOT: the client checks a remembered address. */
		if (!in_subnet(cfg, m->requested_ip)) {
			nak(res, m, cfg, "address not on this network");
			return;
		}
		rec = record_of(db, m->chaddr);
		if (!rec) {
			g->unknown_silent++;
			res->note = "INIT-REBOOT from a client with no record";
			return;
		}
		if (rec != m->requested_ip) {
			nak(res, m, cfg, "not the client's address");
			return;
		}
		bind_and_ack(cfg, db, g, m, m->requested_ip, rx, res);
		return;
	}
	if (m->ciaddr) {
		/* RENEWING (unicast) or REBINDING (broadcast): the reply
		 * goes to ciaddr either way. */
		rec = record_of(db, m->chaddr);
		if (rec && rec != m->ciaddr) {
			nak(res, m, cfg, "not the client's address");
			return;
		}
		bind_and_ack(cfg, db, g, m, m->ciaddr, rx, res);
		return;
	}
	res->note = "REQUEST without address";
}

static void inform(const struct server_cfg *cfg, const struct dhcp_msg *m,
		   struct server_result *res)
{
	struct dhcp_reply r;

	if (!m->ciaddr) {
		res->note = "INFORM without ciaddr";
		return;
	}
	/* RFC 2131 4.3.5: no lease time, no yiaddr. */
	start_reply(&r, m, cfg, DHCPACK);
	r.ciaddr = m->ciaddr;
	add_options(&r, m, cfg);
	finish(res, m, &r);
}

void server_handle(const struct server_cfg *cfg, struct lease_db *db,
		   struct server_guard *g, const struct server_rx *rx,
		   struct server_result *res)
{
	struct dhcp_msg m;
	int err;

	/* Not the whole struct: the reply buffer is rewritten when used. */
	res->len = 0;
	res->dest_ip = 0;
	res->dest_port = 0;
	res->dest = DEST_NONE;
	res->leases_changed = res->hosts_changed = res->exhausted = 0;
	res->counts_changed = res->new_refused = res->name_refused = 0;
	res->name_verdict = 0;
	res->name[0] = 0;
	res->msg_type = 0;
	res->addr = 0;
	res->note = NULL;

	err = dhcp_parse(rx->pkt, rx->len, &m);
	if (err) {
		res->note = dhcp_strerror(err);
		return;
	}
	res->msg_type = m.msg_type;
	if (m.op != 1) {
		res->note = "not a BOOTREQUEST";
		return;
	}
	/* Leases are keyed by Ethernet MAC. */
	if (m.htype != 1 || m.hlen != 6) {
		res->note = "not Ethernet";
		return;
	}
	/* One subnet: a relay from elsewhere is not ours to serve. */
	if (m.giaddr && !in_subnet(cfg, m.giaddr)) {
		res->note = "relay from another subnet";
		return;
	}
	/* Without a relay the frame comes from the client itself: a chaddr
	 * that is not its source is made up (a starvation tool's). */
	if (server_chaddr_spoofed(rx->pkt, rx->len, rx->src_mac)) {
		g->chaddr_mismatch++;
		res->note = "chaddr is not the frame's source MAC";
		return;
	}

	switch (m.msg_type) {
	case DHCPDISCOVER:
		discover(cfg, db, g, &m, rx, res);
		break;
	case DHCPREQUEST:
		request(cfg, db, g, &m, rx, res);
		break;
	case DHCPDECLINE:
		if (m.server_id && m.server_id != cfg->server_ip) {
			res->note = "DECLINE for another server";
			break;
		}
		if (lease_db_decline(db, m.chaddr, m.requested_ip, rx->now,
				     cfg->decline_hold_secs) == 0) {
			res->leases_changed = res->counts_changed = 1;
			res->hosts_changed = 1;
			res->addr = m.requested_ip;
		} else {
			res->note = "DECLINE of an address not held";
		}
		break;
	case DHCPRELEASE:
		err = lease_db_release(db, m.chaddr, m.ciaddr);
		if (err >= 0) {
			res->leases_changed = res->counts_changed = 1;
			res->hosts_changed = err == 1;
			res->addr = m.ciaddr;
		} else {
			res->note = "RELEASE of an address not held";
		}
		break;
	case DHCPINFORM:
		inform(cfg, &m, res);
		break;
	default:
		res->note = "message type a server does not take";
		break;
	}
}
