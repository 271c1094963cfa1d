/*
 * engine.c - the client's states and timers (RFC 8415 sections 15, 18).
 * Deviations kept deliberately small: the first acceptable Advertise is
 * taken at once (no collection over the first RT), and NoBinding in a
 * Renew/Rebind Reply starts over with a Solicit instead of a Request.
 */
#include <string.h>

#include "engine.h"

/* Section 7.6, in ms. */
#define SOL_MAX_DELAY	1000u
#define SOL_TIMEOUT	1000u
#define SOL_MAX_RT	3600000u
#define REQ_TIMEOUT	1000u
#define REQ_MAX_RT	30000u
#define REQ_MAX_RC	10u
#define REN_TIMEOUT	10000u
#define REN_MAX_RT	600000u
#define REB_TIMEOUT	10000u
#define REB_MAX_RT	600000u
#define INF_MAX_DELAY	1000u
#define INF_TIMEOUT	1000u
#define INF_MAX_RT	3600000u
#define DEC_TIMEOUT	1000u
#define DEC_MAX_RC	4u
#define IRT_DEFAULT_MS	(86400ull * 1000)
#define IRT_MINIMUM_MS	(600ull * 1000)
/* Failed exchanges back off up to this before the next Solicit. */
#define FAIL_BACKOFF_MAX_MS	300000u

static uint64_t rng_next(struct engine *e)
{
	/* xorshift64: timing jitter and transaction ids, nothing secret. */
	e->rng ^= e->rng << 13;
	e->rng ^= e->rng >> 7;
	e->rng ^= e->rng << 17;
	return e->rng;
}

static uint64_t min64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

/* now + seconds, with DHCP6_INFINITY as never. */
static uint64_t until(uint64_t now, uint32_t secs)
{
	return secs == DHCP6_INFINITY ? ENGINE_NEVER : now + (uint64_t)secs * 1000;
}

void engine_init(struct engine *e, enum engine_mode mode, const char *ifname,
		 const uint8_t mac[6], const struct engine_lan_cfg *lans,
		 unsigned n_lans, uint64_t seed)
{
	memset(e, 0, sizeof(*e));
	e->mode = mode;
	e->iaid = wire_iaid(ifname);
	wire_duid_ll(mac, e->duid);
	if (n_lans > ENGINE_LAN_MAX)
		n_lans = ENGINE_LAN_MAX;
	memcpy(e->lans, lans, n_lans * sizeof(*lans));
	e->n_lans = n_lans;
	e->rng = seed | 1;
	e->t1_at = e->t2_at = e->refresh_at = ENGINE_NEVER;
}

void engine_remember(struct engine *e, const uint8_t prefix[16], uint8_t len)
{
	memset(&e->remembered, 0, sizeof(e->remembered));
	memcpy(e->remembered.prefix, prefix, 16);
	e->remembered.len = len;
	e->has_remembered = 1;
}

int engine_lan_prefix(const uint8_t prefix[16], uint8_t len,
		      uint16_t subnet_id, uint8_t out[16])
{
	unsigned bits = 64u - len;
	uint64_t hi = 0, id = subnet_id;

	if (len > 64 || (bits < 16 && id >> bits))
		return -1;
	for (int i = 0; i < 8; i++)
		hi = hi << 8 | prefix[i];
	if (len)
		hi &= ~0ull << (64 - len);
	else
		hi = 0;
	hi |= id;
	memset(out, 0, 16);
	for (int i = 7; i >= 0; i--, hi >>= 8)
		out[i] = (uint8_t)hi;
	return 0;
}

/* ---- the exchange ---- */

/* RT * (1 + RAND), RAND in [-0.1, 0.1] (or [0, 0.1] for a first Solicit,
 * which section 15 wants strictly after IRT). */
static uint64_t jitter(struct engine *e, uint64_t rt, int positive)
{
	int64_t r = (int64_t)(rng_next(e) % 201) - 100;

	if (positive && r < 0)
		r = -r;
	return (uint64_t)((int64_t)rt + (int64_t)rt * r / 1000);
}

static void build(struct engine *e, uint64_t now)
{
	struct wire_request r;
	uint64_t elapsed = (now - e->tx_start) / 10;
	struct wire_addr addrs[WIRE_IA_MAX];
	struct wire_prefix prefixes[WIRE_IA_MAX];
	uint8_t type;

	switch (e->state) {
	case ENGINE_SOLICITING: type = DHCP6_SOLICIT; break;
	case ENGINE_REQUESTING: type = DHCP6_REQUEST; break;
	case ENGINE_RENEWING: type = DHCP6_RENEW; break;
	case ENGINE_REBINDING: type = DHCP6_REBIND; break;
	case ENGINE_INFO: type = DHCP6_INFORMATION_REQUEST; break;
	case ENGINE_DECLINING: type = DHCP6_DECLINE; break;
	default: return;
	}
	memset(&r, 0, sizeof(r));
	r.type = type;
	memcpy(r.xid, e->xid, 3);
	r.duid = e->duid;
	r.duid_len = sizeof(e->duid);
	r.elapsed_cs = e->count == 0 ? 0 :
		(uint16_t)(elapsed > 0xffff ? 0xffff : elapsed);
	r.iaid = e->iaid;
	r.want_na = r.want_pd = 1;
	if (type == DHCP6_REQUEST || type == DHCP6_RENEW ||
	    type == DHCP6_DECLINE) {
		r.server_id = e->server_id;
		r.server_id_len = e->server_id_len;
	}
	if (type == DHCP6_REQUEST) {
		r.n_addrs = e->n_offer_addrs;
		r.addrs = e->offer_addrs;
		r.n_prefixes = e->n_offer_prefixes;
		r.prefixes = e->offer_prefixes;
	} else if (type == DHCP6_RENEW || type == DHCP6_REBIND) {
		for (unsigned i = 0; i < e->n_addrs; i++) {
			memset(&addrs[i], 0, sizeof(addrs[i]));
			memcpy(addrs[i].addr, e->addrs[i].addr, 16);
		}
		for (unsigned i = 0; i < e->n_prefixes; i++) {
			memset(&prefixes[i], 0, sizeof(prefixes[i]));
			memcpy(prefixes[i].prefix, e->prefixes[i].prefix, 16);
			prefixes[i].len = e->prefixes[i].len;
		}
		r.n_addrs = e->n_addrs;
		r.addrs = addrs;
		r.n_prefixes = e->n_prefixes;
		r.prefixes = prefixes;
	} else if (type == DHCP6_DECLINE) {
		/* Only the IA_NA with the declined addresses (18.2.8). */
		for (unsigned i = 0; i < e->n_declined; i++) {
			memset(&addrs[i], 0, sizeof(addrs[i]));
			memcpy(addrs[i].addr, e->declined[i], 16);
		}
		r.n_addrs = e->n_declined;
		r.addrs = addrs;
		r.want_pd = 0;
	}
	e->out_len = wire_build(&r, e->out, sizeof(e->out));
}

/* Sends (if the link is up) and schedules the next try (section 15). */
static void transmit(struct engine *e, uint64_t now)
{
	if (e->link_up)
		build(e, now);
	if (e->count == 0)
		e->rt = jitter(e, e->irt, e->state == ENGINE_SOLICITING);
	else
		e->rt = jitter(e, 2 * e->rt, 0);
	if (e->mrt && e->rt > e->mrt)
		e->rt = jitter(e, e->mrt, 0);
	e->count++;
	e->tx_next = now + e->rt;
	if (e->mrd_until != ENGINE_NEVER && e->tx_next > e->mrd_until)
		e->tx_next = e->mrd_until;
}

static void start(struct engine *e, uint64_t now, enum engine_state st,
		  uint64_t delay)
{
	uint64_t x = rng_next(e);

	e->state = st;
	e->transmitting = 1;
	if (st != ENGINE_DECLINING)
		e->n_declined = 0;
	e->xid[0] = (uint8_t)(x >> 16);
	e->xid[1] = (uint8_t)(x >> 8);
	e->xid[2] = (uint8_t)x;
	e->count = 0;
	e->mrc = 0;
	e->mrd_until = ENGINE_NEVER;
	switch (st) {
	case ENGINE_SOLICITING:
		e->irt = SOL_TIMEOUT;
		e->mrt = SOL_MAX_RT;
		break;
	case ENGINE_REQUESTING:
		e->irt = REQ_TIMEOUT;
		e->mrt = REQ_MAX_RT;
		e->mrc = REQ_MAX_RC;
		break;
	case ENGINE_RENEWING:
		e->irt = REN_TIMEOUT;
		e->mrt = REN_MAX_RT;
		e->mrd_until = e->t2_at;	/* then Rebind */
		break;
	case ENGINE_REBINDING:
		e->irt = REB_TIMEOUT;
		e->mrt = REB_MAX_RT;
		break;		/* until the bindings expire */
	case ENGINE_DECLINING:
		e->irt = DEC_TIMEOUT;
		e->mrt = 0;
		e->mrc = DEC_MAX_RC;
		break;
	default:
		e->irt = INF_TIMEOUT;
		e->mrt = INF_MAX_RT;
		break;
	}
	e->tx_start = now + delay;
	e->tx_next = now + delay;
	if (!delay)
		transmit(e, now);
}

static void stop_tx(struct engine *e)
{
	e->transmitting = 0;
}

static void solicit(struct engine *e, uint64_t now)
{
	uint64_t delay = rng_next(e) % (SOL_MAX_DELAY + 1);

	/* A server that answers but binds nothing must not make a loop. */
	if (e->failures) {
		unsigned shift = e->failures > 9 ? 9 : e->failures;

		delay += min64(1000ull << shift, FAIL_BACKOFF_MAX_MS);
	}
	start(e, now, ENGINE_SOLICITING, delay);
}

static void inform(struct engine *e, uint64_t now)
{
	start(e, now, ENGINE_INFO, rng_next(e) % (INF_MAX_DELAY + 1));
}

/* ---- the lease ---- */

static int lan_prefix_eq(const struct engine_lan_prefix *a,
			 const struct engine_lan_prefix *b)
{
	return a->lan == b->lan && !memcmp(a->prefix, b->prefix, 16);
}

static void deprecate(struct engine *e, const struct engine_lan_prefix *old,
		      uint64_t now)
{
	struct engine_lan_prefix d = *old;

	d.pref_until = now;
	d.valid_until = min64(old->valid_until, now + ENGINE_DEPRECATED_VALID_MS);
	if (d.valid_until <= now)
		return;
	for (unsigned i = 0; i < e->n_deprecated; i++)
		if (lan_prefix_eq(&e->deprecated[i], &d)) {
			e->deprecated[i].valid_until =
				min64(e->deprecated[i].valid_until, d.valid_until);
			return;
		}
	if (e->n_deprecated >= ENGINE_DEPRECATED_MAX) {
		e->deprecated_dropped++;
		return;
	}
	e->deprecated[e->n_deprecated++] = d;
}

static void undeprecate(struct engine *e, const struct engine_lan_prefix *p)
{
	for (unsigned i = 0; i < e->n_deprecated; i++)
		if (lan_prefix_eq(&e->deprecated[i], p)) {
			e->deprecated[i] = e->deprecated[--e->n_deprecated];
			return;
		}
}

/* The LAN /64s of the delegated prefixes; those that went away are
 * announced deprecated (RFC 7084 L-13). */
static void recompute_lans(struct engine *e, uint64_t now)
{
	struct engine_lan_prefix next[ENGINE_LAN_PREFIX_MAX];
	unsigned n = 0, skipped = 0;

	for (unsigned p = 0; p < e->n_prefixes; p++)
		for (unsigned l = 0; l < e->n_lans; l++) {
			struct engine_lan_prefix lp = {
				.lan = l,
				.pref_until = e->prefixes[p].pref_until,
				.valid_until = e->prefixes[p].valid_until,
			};

			if (engine_lan_prefix(e->prefixes[p].prefix,
					      e->prefixes[p].len,
					      e->lans[l].subnet_id, lp.prefix) < 0) {
				skipped++;
				continue;
			}
			next[n++] = lp;
		}
	for (unsigned i = 0; i < e->n_lan_prefixes; i++) {
		int kept = 0;

		for (unsigned j = 0; j < n && !kept; j++)
			kept = lan_prefix_eq(&e->lan_prefixes[i], &next[j]);
		if (!kept)
			deprecate(e, &e->lan_prefixes[i], now);
	}
	/* After a reboot the old LANs are only known from /data (RFC 9096). */
	if (e->has_remembered && n) {
		int same = 0;

		for (unsigned p = 0; p < e->n_prefixes; p++)
			same |= e->prefixes[p].len == e->remembered.len &&
				!memcmp(e->prefixes[p].prefix,
					e->remembered.prefix, 16);
		for (unsigned l = 0; l < e->n_lans && !same; l++) {
			struct engine_lan_prefix old = {
				.lan = l, .valid_until = ENGINE_NEVER,
			};

			if (engine_lan_prefix(e->remembered.prefix,
					      e->remembered.len,
					      e->lans[l].subnet_id,
					      old.prefix) == 0)
				deprecate(e, &old, now);
		}
		e->has_remembered = 0;
	}
	for (unsigned j = 0; j < n; j++)
		undeprecate(e, &next[j]);
	memcpy(e->lan_prefixes, next, n * sizeof(next[0]));
	e->n_lan_prefixes = n;
	e->lan_skipped = skipped;
	e->lease_changed = 1;
}

static void upsert_addr(struct engine *e, const struct wire_addr *a,
			uint64_t now)
{
	unsigned i;

	for (i = 0; i < e->n_addrs; i++)
		if (!memcmp(e->addrs[i].addr, a->addr, 16))
			break;
	if (!a->valid) {	/* withdrawn */
		if (i < e->n_addrs)
			e->addrs[i] = e->addrs[--e->n_addrs];
		return;
	}
	if (i == e->n_addrs) {
		if (e->n_addrs >= WIRE_IA_MAX)
			return;
		e->n_addrs++;
	}
	memcpy(e->addrs[i].addr, a->addr, 16);
	e->addrs[i].pref_until = until(now, a->preferred);
	e->addrs[i].valid_until = until(now, a->valid);
}

static void upsert_prefix(struct engine *e, const struct wire_prefix *x,
			  uint64_t now)
{
	unsigned i;

	for (i = 0; i < e->n_prefixes; i++)
		if (e->prefixes[i].len == x->len &&
		    !memcmp(e->prefixes[i].prefix, x->prefix, 16))
			break;
	if (!x->valid) {
		if (i < e->n_prefixes)
			e->prefixes[i] = e->prefixes[--e->n_prefixes];
		return;
	}
	if (i == e->n_prefixes) {
		if (e->n_prefixes >= WIRE_IA_MAX)
			return;
		e->n_prefixes++;
	}
	memcpy(e->prefixes[i].prefix, x->prefix, 16);
	e->prefixes[i].len = x->len;
	e->prefixes[i].pref_until = until(now, x->preferred);
	e->prefixes[i].valid_until = until(now, x->valid);
}

static int ia_ok(const struct wire_ia *ia)
{
	return ia->present && ia->status == DHCP6_STATUS_SUCCESS;
}

/* T1/T2 from the IAs, or from the shortest preferred lifetime when the
 * server left them to us (section 14.2: 0.5 and 0.8 of it). */
static void set_timers(struct engine *e, const struct wire_msg *m,
		       uint64_t now)
{
	uint32_t t1 = 0, t2 = 0;
	uint64_t pref = ENGINE_NEVER;
	const struct wire_ia *ias[2] = { &m->na, &m->pd };

	for (int i = 0; i < 2; i++) {
		if (!ia_ok(ias[i]) || !ias[i]->n)
			continue;
		if (ias[i]->t1 && (!t1 || ias[i]->t1 < t1))
			t1 = ias[i]->t1;
		if (ias[i]->t2 && (!t2 || ias[i]->t2 < t2))
			t2 = ias[i]->t2;
	}
	for (unsigned i = 0; i < e->n_addrs; i++)
		pref = min64(pref, e->addrs[i].pref_until);
	for (unsigned i = 0; i < e->n_prefixes; i++)
		pref = min64(pref, e->prefixes[i].pref_until);
	if (!t1 || !t2) {
		uint64_t left = pref == ENGINE_NEVER ? ENGINE_NEVER :
			pref > now ? pref - now : 0;

		/* At least 10 s, so a deprecated binding cannot spin us. */
		if (left == ENGINE_NEVER) {
			e->t1_at = e->t2_at = ENGINE_NEVER;
			return;
		}
		if (left < 20000)
			left = 20000;
		e->t1_at = t1 ? until(now, t1) : now + left / 2;
		e->t2_at = t2 ? until(now, t2) : now + left * 4 / 5;
	} else {
		e->t1_at = until(now, t1);
		e->t2_at = until(now, t2);
	}
	if (e->t2_at < e->t1_at)
		e->t2_at = e->t1_at;
}

static void take_config(struct engine *e, const struct wire_msg *m)
{
	e->n_dns = m->n_dns;
	memcpy(e->dns, m->dns, sizeof(e->dns));
	memcpy(e->domain, m->domain, sizeof(e->domain));
	memcpy(e->aftr, m->aftr, sizeof(e->aftr));
}

static void restart(struct engine *e, uint64_t now)
{
	e->failures++;
	solicit(e, now);
}

/* A Reply to Request, Renew or Rebind (section 18.2.10). */
static void apply_reply(struct engine *e, const struct wire_msg *m,
			uint64_t now)
{
	int requesting = e->state == ENGINE_REQUESTING;

	if ((m->na.present && m->na.status == DHCP6_STATUS_NO_BINDING) ||
	    (m->pd.present && m->pd.status == DHCP6_STATUS_NO_BINDING)) {
		if (!requesting) {
			restart(e, now);
			return;
		}
	}
	if (requesting) {
		e->n_addrs = e->n_prefixes = 0;
		e->t1_at = e->t2_at = ENGINE_NEVER;
	}
	if (ia_ok(&m->na))
		for (unsigned i = 0; i < m->na.n; i++)
			upsert_addr(e, &m->na.addrs[i], now);
	if (ia_ok(&m->pd))
		for (unsigned i = 0; i < m->pd.n; i++)
			upsert_prefix(e, &m->pd.prefixes[i], now);
	if (!e->n_addrs && !e->n_prefixes) {
		recompute_lans(e, now);
		restart(e, now);
		return;
	}
	if (m->server_id && m->server_id_len <= sizeof(e->server_id)) {
		memcpy(e->server_id, m->server_id, m->server_id_len);
		e->server_id_len = m->server_id_len;
	}
	take_config(e, m);
	set_timers(e, m, now);
	stop_tx(e);
	e->state = ENGINE_BOUND;
	e->failures = 0;
	recompute_lans(e, now);
}

/* The Decline answered or given up on (section 18.2.8): bound with what
 * is left (T1/T2 unchanged), else a Solicit for a new address. */
static void decline_done(struct engine *e, uint64_t now)
{
	e->n_declined = 0;
	stop_tx(e);
	e->lease_changed = 1;
	if (e->n_addrs || e->n_prefixes)
		e->state = ENGINE_BOUND;
	else if (e->link_up)
		solicit(e, now);
	else
		e->state = ENGINE_NONE;
}

int engine_decline(struct engine *e, uint64_t now, const uint8_t addr[16])
{
	unsigned i, j;

	for (i = 0; i < e->n_addrs; i++)
		if (!memcmp(e->addrs[i].addr, addr, 16))
			break;
	if (i == e->n_addrs)
		return 0;
	e->addrs[i] = e->addrs[--e->n_addrs];
	e->lease_changed = 1;
	/* Only a server that gave it can be told. */
	if (e->state != ENGINE_BOUND && e->state != ENGINE_RENEWING &&
	    e->state != ENGINE_REBINDING && e->state != ENGINE_DECLINING)
		return 1;
	for (j = 0; j < e->n_declined; j++)
		if (!memcmp(e->declined[j], addr, 16))
			break;
	if (j == e->n_declined && e->n_declined < WIRE_IA_MAX)
		memcpy(e->declined[e->n_declined++], addr, 16);
	/* Another failure during a Decline: a new one with both. */
	start(e, now, ENGINE_DECLINING, 0);
	return 1;
}

static int has_binding(const struct wire_ia *ia, int pd)
{
	if (!ia_ok(ia))
		return 0;
	for (unsigned i = 0; i < ia->n; i++)
		if (pd ? ia->prefixes[i].valid : ia->addrs[i].valid)
			return 1;
	return 0;
}

int engine_receive(struct engine *e, uint64_t now, const struct wire_msg *m)
{
	if (!e->transmitting || memcmp(m->xid, e->xid, 3) ||
	    !m->client_id || m->client_id_len != sizeof(e->duid) ||
	    memcmp(m->client_id, e->duid, sizeof(e->duid)) || !m->server_id ||
	    m->server_id_len > sizeof(e->server_id) ||
	    (m->has_status && m->status != DHCP6_STATUS_SUCCESS)) {
		e->ignored++;
		return 0;
	}
	switch (e->state) {
	case ENGINE_SOLICITING:
		/* Section 18.2.9: an Advertise with nothing in it is
		 * ignored; IA_PD alone is plenty (WPD-6). */
		if (m->type != DHCP6_ADVERTISE ||
		    (!has_binding(&m->na, 0) && !has_binding(&m->pd, 1))) {
			e->ignored++;
			return 0;
		}
		memcpy(e->server_id, m->server_id, m->server_id_len);
		e->server_id_len = m->server_id_len;
		e->n_offer_addrs = ia_ok(&m->na) ? m->na.n : 0;
		memcpy(e->offer_addrs, m->na.addrs, sizeof(e->offer_addrs));
		e->n_offer_prefixes = ia_ok(&m->pd) ? m->pd.n : 0;
		memcpy(e->offer_prefixes, m->pd.prefixes,
		       sizeof(e->offer_prefixes));
		start(e, now, ENGINE_REQUESTING, 0);
		return 1;
	case ENGINE_REQUESTING:
	case ENGINE_RENEWING:
	case ENGINE_REBINDING:
		if (m->type != DHCP6_REPLY) {
			e->ignored++;
			return 0;
		}
		apply_reply(e, m, now);
		return 1;
	case ENGINE_DECLINING:
		if (m->type != DHCP6_REPLY) {
			e->ignored++;
			return 0;
		}
		decline_done(e, now);
		return 1;
	case ENGINE_INFO:
		if (m->type != DHCP6_REPLY) {
			e->ignored++;
			return 0;
		}
		take_config(e, m);
		stop_tx(e);
		e->refresh_at = now + (m->info_refresh ?
			(m->info_refresh == DHCP6_INFINITY ? ENGINE_NEVER - now - 1 :
			 (uint64_t)m->info_refresh * 1000) : IRT_DEFAULT_MS);
		if (e->refresh_at < now + IRT_MINIMUM_MS)
			e->refresh_at = now + IRT_MINIMUM_MS;
		e->lease_changed = 1;
		return 1;
	default:
		e->ignored++;
		return 0;
	}
}

/* ---- events ---- */

void engine_link(struct engine *e, uint64_t now, int up)
{
	if (e->mode == ENGINE_OFF)
		return;
	if (!up) {
		e->link_up = 0;
		if (e->state == ENGINE_SOLICITING ||
		    e->state == ENGINE_REQUESTING || e->state == ENGINE_INFO) {
			stop_tx(e);
			e->state = ENGINE_NONE;
			e->lease_changed = 1;
		}
		return;
	}
	if (e->link_up)
		return;
	e->link_up = 1;
	e->failures = 0;
	/* Section 18.2.12: on a link that may have changed (a new PPP
	 * session), a client with delegated prefixes Rebinds: the classic
	 * bug is to keep waiting for a T1 the new session knows nothing of. */
	if (e->n_addrs || e->n_prefixes)
		start(e, now, ENGINE_REBINDING, 0);
	else if (e->mode == ENGINE_ON)
		solicit(e, now);
	else {
		stop_tx(e);
		e->state = ENGINE_NONE;
	}
	e->lease_changed = 1;
}

void engine_ra(struct engine *e, uint64_t now, int managed, int other)
{
	if (e->mode != ENGINE_AUTO || !e->link_up)
		return;
	if (managed && (e->state == ENGINE_NONE || e->state == ENGINE_INFO)) {
		solicit(e, now);
		e->lease_changed = 1;
	} else if (other && e->state == ENGINE_NONE) {
		inform(e, now);
		e->lease_changed = 1;
	}
}

static void expire(struct engine *e, uint64_t now)
{
	unsigned before = e->n_addrs + e->n_prefixes;

	for (unsigned i = 0; i < e->n_addrs;)
		if (e->addrs[i].valid_until <= now)
			e->addrs[i] = e->addrs[--e->n_addrs];
		else
			i++;
	for (unsigned i = 0; i < e->n_prefixes;)
		if (e->prefixes[i].valid_until <= now)
			e->prefixes[i] = e->prefixes[--e->n_prefixes];
		else
			i++;
	for (unsigned i = 0; i < e->n_deprecated;)
		if (e->deprecated[i].valid_until <= now) {
			e->deprecated[i] = e->deprecated[--e->n_deprecated];
			e->lease_changed = 1;
		} else {
			i++;
		}
	if (e->n_addrs + e->n_prefixes == before)
		return;
	recompute_lans(e, now);
	if (!e->n_addrs && !e->n_prefixes &&
	    (e->state == ENGINE_BOUND || e->state == ENGINE_RENEWING ||
	     e->state == ENGINE_REBINDING || e->state == ENGINE_DECLINING)) {
		e->n_declined = 0;
		e->t1_at = e->t2_at = ENGINE_NEVER;
		if (e->link_up)
			solicit(e, now);
		else {
			stop_tx(e);
			e->state = ENGINE_NONE;
		}
	}
}

void engine_timer(struct engine *e, uint64_t now)
{
	expire(e, now);
	if (e->state == ENGINE_BOUND && now >= e->t1_at) {
		start(e, now, ENGINE_RENEWING, 0);
		e->lease_changed = 1;
		return;
	}
	if (e->state == ENGINE_RENEWING && now >= e->t2_at) {
		start(e, now, ENGINE_REBINDING, 0);
		e->lease_changed = 1;
		return;
	}
	if (e->state == ENGINE_INFO && !e->transmitting &&
	    now >= e->refresh_at && e->link_up) {
		inform(e, now);
		return;
	}
	if (!e->transmitting || now < e->tx_next)
		return;
	if (e->mrc && e->count >= e->mrc && e->state == ENGINE_DECLINING) {
		decline_done(e, now);
		return;
	}
	if (e->mrc && e->count >= e->mrc) {
		/* Request unanswered (section 18.2.2): find a server again. */
		restart(e, now);
		e->lease_changed = 1;
		return;
	}
	transmit(e, now);
}

uint64_t engine_next_wakeup(const struct engine *e)
{
	uint64_t t = ENGINE_NEVER;

	for (unsigned i = 0; i < e->n_addrs; i++)
		t = min64(t, e->addrs[i].valid_until);
	for (unsigned i = 0; i < e->n_prefixes; i++)
		t = min64(t, e->prefixes[i].valid_until);
	for (unsigned i = 0; i < e->n_deprecated; i++)
		t = min64(t, e->deprecated[i].valid_until);
	if (e->transmitting)
		t = min64(t, e->tx_next);
	if (e->state == ENGINE_BOUND)
		t = min64(t, e->t1_at);
	if (e->state == ENGINE_RENEWING)
		t = min64(t, e->t2_at);
	if (e->state == ENGINE_INFO && !e->transmitting)
		t = min64(t, e->refresh_at);
	return t;
}

const char *engine_state_name(enum engine_state s)
{
	switch (s) {
	case ENGINE_NONE: return "none";
	case ENGINE_SOLICITING: return "soliciting";
	case ENGINE_REQUESTING: return "requesting";
	case ENGINE_BOUND: return "bound";
	case ENGINE_RENEWING: return "renewing";
	case ENGINE_REBINDING: return "rebinding";
	case ENGINE_INFO: return "info";
	case ENGINE_DECLINING: return "declining";
	}
	return "?";
}
