/* Unit tests for engine.c and lease.c: the exchange Solicit -> Advertise
 * -> Request -> Reply, retransmission, Renew at T1, Rebind at T2, expiry,
 * IA_PD alone, a prefix change and a remembered prefix giving deprecated
 * LAN /64s, the link coming back, a Decline after a failed DAD, and the
 * lease file's text. */
#define _GNU_SOURCE	/* memmem */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "engine.h"
#include "lease.h"

static const uint8_t mac[6] = { 2, 0, 0, 0, 0, 1 };
static const uint8_t server[10] = { 0, 3, 0, 1, 2, 0, 0, 0, 0, 0x53 };
static const struct engine_lan_cfg lans[2] = {
	{ "lan", 1 }, { "guest", 2 },
};

static void setup(struct engine *e, enum engine_mode mode)
{
	engine_init(e, mode, "ppp0", mac, lans, 2, 42);
}

/* The server's answer to whatever e last sent. */
static struct wire_msg answer(const struct engine *e, uint8_t type,
			      const char *addr, const char *prefix,
			      uint32_t t1, uint32_t t2, uint32_t pref,
			      uint32_t valid)
{
	struct wire_msg m;

	memset(&m, 0, sizeof(m));
	m.type = type;
	memcpy(m.xid, e->out + 1, 3);
	m.client_id = e->duid;
	m.client_id_len = sizeof(e->duid);
	m.server_id = server;
	m.server_id_len = sizeof(server);
	m.status = DHCP6_STATUS_SUCCESS;
	m.na.present = 1;
	if (addr) {
		m.na.t1 = t1;
		m.na.t2 = t2;
		m.na.n = 1;
		inet_pton(AF_INET6, addr, m.na.addrs[0].addr);
		m.na.addrs[0].preferred = pref;
		m.na.addrs[0].valid = valid;
	} else {
		m.na.status = DHCP6_STATUS_NO_ADDRS_AVAIL;
		m.na.has_status = 1;
	}
	m.pd.present = 1;
	if (prefix) {
		m.pd.t1 = t1;
		m.pd.t2 = t2;
		m.pd.n = 1;
		inet_pton(AF_INET6, prefix, m.pd.prefixes[0].prefix);
		m.pd.prefixes[0].len = 56;
		m.pd.prefixes[0].preferred = pref;
		m.pd.prefixes[0].valid = valid;
	} else {
		m.pd.status = DHCP6_STATUS_NO_PREFIX_AVAIL;
		m.pd.has_status = 1;
	}
	m.n_dns = 1;
	inet_pton(AF_INET6, "2001:db8:0:1::53", m.dns[0]);
	return m;
}

/* Runs timers until e sends something; returns the time it did. */
static uint64_t until_sent(struct engine *e, uint64_t now)
{
	for (int i = 0; i < 100 && !e->out_len; i++) {
		uint64_t t = engine_next_wakeup(e);

		if (t == ENGINE_NEVER)
			break;
		now = t > now ? t : now;
		engine_timer(e, now);
	}
	return now;
}

/* Link up, RA with M, Advertise, Reply: bound at about t = 1 s. */
static uint64_t get_bound(struct engine *e, const char *addr, const char *prefix)
{
	struct wire_msg m;
	uint64_t now = 1000;

	engine_link(e, now, 1);
	CHECK_EQ_INT(e->state, ENGINE_NONE);
	CHECK_EQ_INT(e->out_len, 0);
	engine_ra(e, now, 1, 0);
	CHECK_EQ_INT(e->state, ENGINE_SOLICITING);
	now = until_sent(e, now);
	CHECK_RANGE(now, 1000, 2000);	/* SOL_MAX_DELAY */
	CHECK_EQ_INT(e->out[0], DHCP6_SOLICIT);
	m = answer(e, DHCP6_ADVERTISE, addr, prefix, 60, 90, 120, 180);
	e->out_len = 0;
	CHECK_EQ_INT(engine_receive(e, now, &m), 1);
	CHECK_EQ_INT(e->state, ENGINE_REQUESTING);
	CHECK(e->out_len > 0);
	CHECK_EQ_INT(e->out[0], DHCP6_REQUEST);
	m = answer(e, DHCP6_REPLY, addr, prefix, 60, 90, 120, 180);
	e->out_len = 0;
	e->lease_changed = 0;
	CHECK_EQ_INT(engine_receive(e, now, &m), 1);
	CHECK_EQ_INT(e->state, ENGINE_BOUND);
	CHECK(e->lease_changed);
	return now;
}

static void test_bind_renew_rebind_expire(void)
{
	static struct engine e;
	struct wire_msg m;
	uint64_t t0, now;

	setup(&e, ENGINE_AUTO);
	t0 = get_bound(&e, "2001:db8:0:1::1000", "2001:db8:100::");
	CHECK_EQ_INT(e.n_addrs, 1);
	CHECK_EQ_INT(e.n_prefixes, 1);
	CHECK_EQ_INT(e.n_lan_prefixes, 2);
	CHECK_EQ_UINT(e.t1_at, t0 + 60000);
	CHECK_EQ_UINT(e.t2_at, t0 + 90000);
	CHECK_EQ_UINT(e.prefixes[0].valid_until, t0 + 180000);
	/* Nothing before T1. */
	CHECK_EQ_UINT(engine_next_wakeup(&e), t0 + 60000);
	engine_timer(&e, t0 + 59999);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	CHECK_EQ_INT(e.out_len, 0);
	/* Renew at T1, to our server, holding the bindings. */
	engine_timer(&e, t0 + 60000);
	CHECK_EQ_INT(e.state, ENGINE_RENEWING);
	CHECK_EQ_INT(e.out[0], DHCP6_RENEW);
	/* Retransmitted about 10 s later (REN_TIMEOUT +-10%). */
	e.out_len = 0;
	now = until_sent(&e, t0 + 60000);
	CHECK_RANGE(now - (t0 + 60000), 9000, 11000);
	CHECK_EQ_INT(e.out[0], DHCP6_RENEW);
	/* Rebind at T2, without a server id. */
	e.out_len = 0;
	while (e.state == ENGINE_RENEWING) {
		e.out_len = 0;
		now = engine_next_wakeup(&e);
		engine_timer(&e, now);
	}
	CHECK_EQ_INT(e.state, ENGINE_REBINDING);
	CHECK_EQ_UINT(now, t0 + 90000);
	CHECK_EQ_INT(e.out[0], DHCP6_REBIND);
	/* An answer to the Rebind renews everything. */
	m = answer(&e, DHCP6_REPLY, "2001:db8:0:1::1000", "2001:db8:100::",
		   60, 90, 120, 180);
	CHECK_EQ_INT(engine_receive(&e, now, &m), 1);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	CHECK_EQ_UINT(e.prefixes[0].valid_until, now + 180000);
	CHECK_EQ_INT(e.n_deprecated, 0);
	/* Silence until the valid lifetime ends: back to Solicit, no LANs. */
	while (e.state != ENGINE_SOLICITING) {
		e.out_len = 0;
		engine_timer(&e, engine_next_wakeup(&e));
	}
	CHECK_EQ_INT(e.n_prefixes, 0);
	CHECK_EQ_INT(e.n_addrs, 0);
	CHECK_EQ_INT(e.n_lan_prefixes, 0);
}

static void test_wrong_answers_ignored(void)
{
	static struct engine e;
	struct wire_msg m;
	uint8_t other[10];

	setup(&e, ENGINE_ON);
	engine_link(&e, 0, 1);
	CHECK_EQ_INT(e.state, ENGINE_SOLICITING);	/* no RA needed */
	until_sent(&e, 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, NULL, 0, 0, 0, 0);
	CHECK_EQ_INT(engine_receive(&e, 1, &m), 0);	/* nothing offered */
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 10, 20);
	m.xid[0] ^= 1;
	CHECK_EQ_INT(engine_receive(&e, 1, &m), 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 10, 20);
	memcpy(other, e.duid, 10);
	other[9] ^= 1;
	m.client_id = other;
	CHECK_EQ_INT(engine_receive(&e, 1, &m), 0);
	m = answer(&e, DHCP6_REPLY, NULL, "2001:db8:100::", 0, 0, 10, 20);
	CHECK_EQ_INT(engine_receive(&e, 1, &m), 0);	/* no rapid commit */
	CHECK_EQ_INT(e.state, ENGINE_SOLICITING);
	CHECK_EQ_UINT(e.ignored, 4);
}

/* WPD-6: NoAddrsAvail for IA_NA is fine when IA_PD is bound; T1 = T2 = 0
 * gives 0.5 and 0.8 of the preferred lifetime. */
static void test_pd_only(void)
{
	static struct engine e;
	struct wire_msg m;
	uint64_t now;

	setup(&e, ENGINE_AUTO);
	engine_link(&e, 0, 1);
	engine_ra(&e, 0, 1, 1);
	now = until_sent(&e, 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 1000, 2000);
	CHECK_EQ_INT(engine_receive(&e, now, &m), 1);
	m = answer(&e, DHCP6_REPLY, NULL, "2001:db8:100::", 0, 0, 1000, 2000);
	CHECK_EQ_INT(engine_receive(&e, now, &m), 1);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	CHECK_EQ_INT(e.n_addrs, 0);
	CHECK_EQ_INT(e.n_prefixes, 1);
	CHECK_EQ_UINT(e.t1_at, now + 500000);
	CHECK_EQ_UINT(e.t2_at, now + 800000);
	/* A Reply that binds nothing: start over, backing off. */
	setup(&e, ENGINE_ON);
	engine_link(&e, 0, 1);
	now = until_sent(&e, 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 10, 20);
	engine_receive(&e, now, &m);
	m = answer(&e, DHCP6_REPLY, NULL, NULL, 0, 0, 0, 0);
	e.out_len = 0;
	CHECK_EQ_INT(engine_receive(&e, now, &m), 1);
	CHECK_EQ_INT(e.state, ENGINE_SOLICITING);
	CHECK(engine_next_wakeup(&e) >= now + 2000);
}

static void test_request_gives_up(void)
{
	static struct engine e;
	struct wire_msg m;
	uint64_t now;
	int sent = 0;

	setup(&e, ENGINE_ON);
	engine_link(&e, 0, 1);
	now = until_sent(&e, 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 10, 20);
	engine_receive(&e, now, &m);
	while (e.state == ENGINE_REQUESTING) {
		if (e.out_len)
			sent++;
		e.out_len = 0;
		engine_timer(&e, engine_next_wakeup(&e));
	}
	CHECK_EQ_INT(sent, 10);		/* REQ_MAX_RC */
	CHECK_EQ_INT(e.state, ENGINE_SOLICITING);
}

/* Renumbering (L-13): a Renew's Reply withdraws the old /56 (0/0, as Kea
 * does) and gives a new one: the old LAN /64s become deprecated for at
 * most 2 h, the new ones are LAN prefixes. */
static void test_prefix_change(void)
{
	static struct engine e;
	static char text[LEASE_TEXT_MAX];
	struct wire_msg m;
	uint64_t now;
	uint8_t want[16];

	setup(&e, ENGINE_AUTO);
	now = get_bound(&e, NULL, "2001:db8:100::");
	now += 60000;
	engine_timer(&e, now);
	CHECK_EQ_INT(e.state, ENGINE_RENEWING);
	m = answer(&e, DHCP6_REPLY, NULL, "2001:db8:200::", 60, 90, 120, 180);
	m.pd.n = 2;
	inet_pton(AF_INET6, "2001:db8:100::", m.pd.prefixes[1].prefix);
	m.pd.prefixes[1].len = 56;
	m.pd.prefixes[1].preferred = m.pd.prefixes[1].valid = 0;
	CHECK_EQ_INT(engine_receive(&e, now, &m), 1);
	CHECK_EQ_INT(e.n_prefixes, 1);
	CHECK_EQ_INT(e.n_lan_prefixes, 2);
	inet_pton(AF_INET6, "2001:db8:200:1::", want);
	CHECK(!memcmp(e.lan_prefixes[0].prefix, want, 16));
	CHECK_EQ_INT(e.n_deprecated, 2);
	inet_pton(AF_INET6, "2001:db8:100:1::", want);
	CHECK(!memcmp(e.deprecated[0].prefix, want, 16));
	/* min(what was left of the old valid lifetime, 2 h) */
	CHECK_EQ_UINT(e.deprecated[0].valid_until, now - 60000 + 180000);
	CHECK(lease_format(&e, "ppp0", now, text, sizeof(text)) > 0);
	CHECK(strstr(text, "\nlan lan 2001:db8:200:1::/64 ") != NULL);
	CHECK(strstr(text, "\nlan guest 2001:db8:200:2::/64 ") != NULL);
	CHECK(strstr(text, "\ndeprecated lan 2001:db8:100:1::/64 0 ") != NULL);
	CHECK(strstr(text, "\nprefix 2001:db8:200::/56 ") != NULL);
	CHECK(strstr(text, "2001:db8:100::/56") == NULL);
	CHECK(strstr(text, "\nstate bound\n") != NULL);
	/* The deprecated lines go when their valid lifetime does. */
	engine_timer(&e, now + 120000);
	CHECK_EQ_INT(e.n_deprecated, 0);
}

/* RFC 9096: after a reboot, the prefix remembered on /data differs from
 * the new one: its LAN /64s are deprecated, valid 2 h from now. */
static void test_remembered(void)
{
	static struct engine e;
	uint8_t old[16], want[16];
	uint64_t now;

	setup(&e, ENGINE_AUTO);
	inet_pton(AF_INET6, "2001:db8:300::", old);
	engine_remember(&e, old, 56);
	now = get_bound(&e, NULL, "2001:db8:100::");
	CHECK_EQ_INT(e.n_deprecated, 2);
	inet_pton(AF_INET6, "2001:db8:300:2::", want);
	CHECK(!memcmp(e.deprecated[1].prefix, want, 16) ||
	      !memcmp(e.deprecated[0].prefix, want, 16));
	CHECK_EQ_UINT(e.deprecated[0].valid_until,
		      now + ENGINE_DEPRECATED_VALID_MS);
	/* The same prefix back: nothing deprecated. */
	setup(&e, ENGINE_AUTO);
	inet_pton(AF_INET6, "2001:db8:100::", old);
	engine_remember(&e, old, 56);
	get_bound(&e, NULL, "2001:db8:100::");
	CHECK_EQ_INT(e.n_deprecated, 0);
}

/* dhcpcd#76: the PPP session goes and comes back; a client with a
 * delegated prefix Rebinds at once instead of waiting for T1. */
static void test_link_flap(void)
{
	static struct engine e;
	uint64_t now;

	setup(&e, ENGINE_AUTO);
	now = get_bound(&e, NULL, "2001:db8:100::");
	engine_link(&e, now + 5000, 0);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	engine_link(&e, now + 8000, 1);
	CHECK_EQ_INT(e.state, ENGINE_REBINDING);
	CHECK_EQ_INT(e.out[0], DHCP6_REBIND);
	/* Without a lease: link down stops a Solicit, link up waits for an
	 * RA again; O alone asks for information only. */
	setup(&e, ENGINE_AUTO);
	engine_link(&e, 0, 1);
	engine_ra(&e, 0, 1, 0);
	engine_link(&e, 10, 0);
	CHECK_EQ_INT(e.state, ENGINE_NONE);
	CHECK_EQ_UINT(engine_next_wakeup(&e), ENGINE_NEVER);
	engine_link(&e, 20, 1);
	engine_ra(&e, 20, 0, 1);
	CHECK_EQ_INT(e.state, ENGINE_INFO);
	until_sent(&e, 20);
	CHECK_EQ_INT(e.out[0], DHCP6_INFORMATION_REQUEST);
	/* mode off: nothing at all. */
	setup(&e, ENGINE_OFF);
	engine_link(&e, 0, 1);
	engine_ra(&e, 0, 1, 1);
	CHECK_EQ_INT(e.state, ENGINE_NONE);
}

static void test_lan_prefix(void)
{
	uint8_t p[16], out[16], want[16];

	inet_pton(AF_INET6, "2001:db8:100::", p);
	CHECK_EQ_INT(engine_lan_prefix(p, 56, 255, out), 0);
	inet_pton(AF_INET6, "2001:db8:100:ff::", want);
	CHECK(!memcmp(out, want, 16));
	CHECK_EQ_INT(engine_lan_prefix(p, 56, 256, out), -1);
	CHECK_EQ_INT(engine_lan_prefix(p, 64, 0, out), 0);
	CHECK_EQ_INT(engine_lan_prefix(p, 64, 1, out), -1);
	CHECK_EQ_INT(engine_lan_prefix(p, 65, 0, out), -1);
	CHECK_EQ_INT(engine_lan_prefix(p, 48, 0xffff, out), 0);
	inet_pton(AF_INET6, "2001:db8:100:ffff::", want);
	CHECK(!memcmp(out, want, 16));
	/* Host bits of a sloppy prefix are cleared. */
	inet_pton(AF_INET6, "2001:db8:1ff::", p);
	CHECK_EQ_INT(engine_lan_prefix(p, 40, 1, out), 0);
	inet_pton(AF_INET6, "2001:db8:100:1::", want);
	CHECK(!memcmp(out, want, 16));
}

/* A /64 delegation has room for subnet-id 0 only: the other LAN is
 * skipped and counted. */
static void test_subnet_does_not_fit(void)
{
	static struct engine e;
	static const struct engine_lan_cfg two[2] = { { "lan", 0 }, { "iot", 1 } };
	struct wire_msg m;
	uint64_t now;

	engine_init(&e, ENGINE_ON, "eth0", mac, two, 2, 7);
	engine_link(&e, 0, 1);
	now = until_sent(&e, 0);
	m = answer(&e, DHCP6_ADVERTISE, NULL, "2001:db8:100::", 0, 0, 100, 200);
	m.pd.prefixes[0].len = 64;
	engine_receive(&e, now, &m);
	m = answer(&e, DHCP6_REPLY, NULL, "2001:db8:100::", 0, 0, 100, 200);
	m.pd.prefixes[0].len = 64;
	engine_receive(&e, now, &m);
	CHECK_EQ_INT(e.n_lan_prefixes, 1);
	CHECK_EQ_INT(e.lan_skipped, 1);
}

/* Whether the message in e->out carries option code at the top level. */
static int has_option(const struct engine *e, uint16_t code)
{
	for (size_t off = 4; off + 4 <= e->out_len;) {
		uint16_t c = (uint16_t)(e->out[off] << 8 | e->out[off + 1]);
		uint16_t n = (uint16_t)(e->out[off + 2] << 8 | e->out[off + 3]);

		if (c == code)
			return 1;
		off += 4u + n;
	}
	return 0;
}

/* An address that failed DAD: out of the lease, a Decline with the
 * server id and only that IA_NA address, tried 4 times, then bound with
 * the prefix; answered, bound at once; with nothing left, a Solicit. */
static void test_decline(void)
{
	static struct engine e;
	struct wire_msg m;
	uint8_t a[16], other[16];
	uint64_t now;
	unsigned sent = 0;

	setup(&e, ENGINE_AUTO);
	now = get_bound(&e, "2001:db8:0:1::1000", "2001:db8:100::");
	inet_pton(AF_INET6, "2001:db8:0:1::1000", a);
	inet_pton(AF_INET6, "2001:db8:0:1::2000", other);
	CHECK_EQ_INT(engine_decline(&e, now, other), 0);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	e.lease_changed = 0;
	CHECK_EQ_INT(engine_decline(&e, now, a), 1);
	CHECK(e.lease_changed);
	CHECK_EQ_INT(e.n_addrs, 0);
	CHECK_EQ_INT(e.n_prefixes, 1);
	CHECK_EQ_INT(e.state, ENGINE_DECLINING);
	CHECK(strcmp(engine_state_name(e.state), "declining") == 0);
	CHECK_EQ_INT(e.out[0], DHCP6_DECLINE);
	CHECK(has_option(&e, DHCP6_OPT_SERVERID));
	CHECK(has_option(&e, DHCP6_OPT_IA_NA));
	CHECK(!has_option(&e, DHCP6_OPT_IA_PD));
	CHECK(!has_option(&e, DHCP6_OPT_ORO));
	CHECK(memmem(e.out, e.out_len, a, 16) != NULL);
	/* Unanswered: DEC_MAX_RC tries, then bound with the prefix. */
	while (e.state == ENGINE_DECLINING && sent < 10) {
		if (e.out_len) {
			CHECK_EQ_INT(e.out[0], DHCP6_DECLINE);
			sent++;
			e.out_len = 0;
		}
		now = engine_next_wakeup(&e);
		engine_timer(&e, now);
	}
	CHECK_EQ_UINT(sent, 4);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	CHECK_EQ_INT(e.transmitting, 0);
	/* The next Renew asks for an address again (an empty IA_NA). */
	while (e.state == ENGINE_BOUND)
		engine_timer(&e, engine_next_wakeup(&e));
	CHECK_EQ_INT(e.out[0], DHCP6_RENEW);
	CHECK(memmem(e.out, e.out_len, a, 16) == NULL);

	/* Answered: bound at once. */
	setup(&e, ENGINE_AUTO);
	now = get_bound(&e, "2001:db8:0:1::1000", "2001:db8:100::");
	CHECK_EQ_INT(engine_decline(&e, now, a), 1);
	m = answer(&e, DHCP6_REPLY, NULL, NULL, 0, 0, 0, 0);
	m.na.present = m.pd.present = 0;
	CHECK_EQ_INT(engine_receive(&e, now + 100, &m), 1);
	CHECK_EQ_INT(e.state, ENGINE_BOUND);
	CHECK_EQ_INT(e.n_prefixes, 1);

	/* Nothing left (no prefix): a Solicit for another address. */
	setup(&e, ENGINE_AUTO);
	now = get_bound(&e, "2001:db8:0:1::1000", NULL);
	CHECK_EQ_INT(engine_decline(&e, now, a), 1);
	m = answer(&e, DHCP6_REPLY, NULL, NULL, 0, 0, 0, 0);
	m.na.present = m.pd.present = 0;
	CHECK_EQ_INT(engine_receive(&e, now + 100, &m), 1);
	CHECK_EQ_INT(e.state, ENGINE_SOLICITING);

	/* Not bound (no server to tell): only dropped from the lease. */
	setup(&e, ENGINE_AUTO);
	memcpy(e.addrs[0].addr, a, 16);
	e.n_addrs = 1;
	CHECK_EQ_INT(engine_decline(&e, 5000, a), 1);
	CHECK_EQ_INT(e.state, ENGINE_NONE);
	CHECK_EQ_INT(e.out_len, 0);
}

int main(void)
{
	test_bind_renew_rebind_expire();
	test_wrong_answers_ignored();
	test_pd_only();
	test_request_gives_up();
	test_prefix_change();
	test_remembered();
	test_link_flap();
	test_lan_prefix();
	test_subnet_does_not_fit();
	test_decline();
	return check_done();
}
