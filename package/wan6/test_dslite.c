/* Unit tests for dslite.c: the WAN address table, and the tunnel's ends
 * from a static address, IA_NA, SLAAC (stable over temporary, preferred
 * over deprecated, the current one kept) and the first LAN's prefix, with
 * the remote from the config or the resolved AFTR name. */
#include <linux/if_addr.h>
#include <string.h>

#include "check.h"
#include "dslite.h"

#define NOW 100000ull

static const uint8_t aftr[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x0a };
static const uint8_t resolved[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x0b };
static const uint8_t st[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 9, [15] = 2 };
static const uint8_t na[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [14] = 0x10 };
static const uint8_t slaac1[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [15] = 0x21 };
static const uint8_t slaac2[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [15] = 0x22 };
static const uint8_t tmp[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 1, [15] = 0x23 };
static const uint8_t ula[16] = { 0xfd, 0, [15] = 1 };
static const uint8_t ll[16] = { 0xfe, 0x80, [15] = 1 };
static const uint8_t lan0[16] = { 0x20, 0x01, 0x0d, 0xb8, 1, 0, 0, 1 };
static const uint8_t lan1[16] = { 0x20, 0x01, 0x0d, 0xb8, 1, 0, 0, 2 };

static void test_table(void)
{
	struct dslite_addrs t;
	uint8_t a[16];

	memset(&t, 0, sizeof(t));
	CHECK_EQ_INT(dslite_addr_event(&t, slaac1, IFA_F_TENTATIVE, 0), 1);
	CHECK_EQ_INT(dslite_addr_event(&t, slaac1, IFA_F_TENTATIVE, 0), 0);
	CHECK_EQ_INT(dslite_addr_event(&t, slaac1, 0, 0), 1);	/* DAD done */
	CHECK_EQ_UINT(t.n, 1);
	CHECK_EQ_INT(dslite_addr_event(&t, ll, 0, 0), 0);
	CHECK_EQ_INT(dslite_addr_event(&t, ula, 0, 0), 0);
	CHECK_EQ_UINT(t.n, 1);
	CHECK_EQ_INT(dslite_addr_event(&t, slaac2, 0, 1), 0);	/* unknown */
	CHECK_EQ_INT(dslite_addr_event(&t, slaac1, 0, 1), 1);
	CHECK_EQ_UINT(t.n, 0);
	/* Bounded, and what did not fit is counted. */
	memcpy(a, slaac1, 16);
	for (int i = 0; i < DSLITE_WAN_ADDR_MAX + 2; i++) {
		a[15] = (uint8_t)i;
		dslite_addr_event(&t, a, 0, 0);
	}
	CHECK_EQ_UINT(t.n, DSLITE_WAN_ADDR_MAX);
	CHECK_EQ_UINT(t.dropped, 2);
}

static void test_decide(void)
{
	static struct engine e;
	struct dslite_cfg cfg = { .on = 1 };
	struct dslite_addrs wan;
	struct dslite_want w;

	memset(&e, 0, sizeof(e));
	memset(&wan, 0, sizeof(wan));
	/* Nothing known: leave the tunnel alone. */
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, NULL, NULL, &w), 0);
	/* A remote without a local is not enough either. */
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 0);

	/* The first LAN's ::1 when that is all there is (LAN 1 listed
	 * first, LAN 0 wins). */
	e.n_lan_prefixes = 2;
	e.lan_prefixes[0] = (struct engine_lan_prefix){ .lan = 1,
		.valid_until = ENGINE_NEVER };
	memcpy(e.lan_prefixes[0].prefix, lan1, 16);
	e.lan_prefixes[1] = (struct engine_lan_prefix){ .lan = 0,
		.valid_until = ENGINE_NEVER };
	memcpy(e.lan_prefixes[1].prefix, lan0, 16);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_LAN);
	CHECK(memcmp(w.local, lan0, 15) == 0 && w.local[15] == 1);
	CHECK_EQ_INT(w.remote_from, DSLITE_FROM_OPTION64);
	CHECK(memcmp(w.remote, resolved, 16) == 0);

	/* A SLAAC address beats it; tentative ones do not count. */
	dslite_addr_event(&wan, slaac1, IFA_F_TENTATIVE, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_LAN);
	dslite_addr_event(&wan, tmp, IFA_F_TEMPORARY, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	CHECK(memcmp(w.local, tmp, 16) == 0);
	/* Stable beats temporary. */
	dslite_addr_event(&wan, slaac1, 0, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, tmp, &w), 1);
	CHECK(memcmp(w.local, slaac1, 16) == 0);
	/* Another stable one: the current stays... */
	dslite_addr_event(&wan, slaac2, 0, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, slaac2, &w), 1);
	CHECK(memcmp(w.local, slaac2, 16) == 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, slaac1, &w), 1);
	CHECK(memcmp(w.local, slaac1, 16) == 0);
	/* ...until it is deprecated. */
	dslite_addr_event(&wan, slaac1, IFA_F_DEPRECATED, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, slaac1, &w), 1);
	CHECK(memcmp(w.local, slaac2, 16) == 0);

	/* IA_NA beats SLAAC; an expired one does not count. */
	e.n_addrs = 1;
	memcpy(e.addrs[0].addr, na, 16);
	e.addrs[0].pref_until = NOW + 1000;
	e.addrs[0].valid_until = NOW;
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	e.addrs[0].valid_until = NOW + 2000;
	/* Not on the WAN yet (or tentative): the kernel could not use it. */
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	dslite_addr_event(&wan, na, IFA_F_TENTATIVE, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	dslite_addr_event(&wan, na, 0, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_IA_NA);
	CHECK(memcmp(w.local, na, 16) == 0);

	/* A name from the config, resolved: said so. */
	memcpy(cfg.name, "gw.transix.jp", 14);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.remote_from, DSLITE_FROM_NAME);
	CHECK(memcmp(w.remote, resolved, 16) == 0);
	cfg.name[0] = '\0';

	/* The config's aftr beats a resolved name; a static address beats
	 * everything. */
	cfg.has_remote = 1;
	memcpy(cfg.remote, aftr, 16);
	cfg.has_local = 1;
	memcpy(cfg.local, st, 16);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 1);
	CHECK_EQ_INT(w.remote_from, DSLITE_FROM_CONFIG);
	CHECK(memcmp(w.remote, aftr, 16) == 0);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_STATIC);
	CHECK(memcmp(w.local, st, 16) == 0);
	/* DS-Lite off: nothing. */
	cfg.on = 0;
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, resolved, NULL, &w), 0);
}

/* The name to resolve and its servers: the config's name before option
 * 64's, option 23's servers before a static WAN's [wan] dns. */
static void test_resolve_input(void)
{
	static struct engine e;
	static const uint8_t opt23[16] = { 0x20, 0x01, 0x0d, 0xb8, [15] = 0x53 };
	static const uint8_t own[16] = { 0x20, 0x01, 0x0d, 0xb8, 0, 9, [15] = 0x53 };
	struct dslite_cfg cfg = { .on = 1 };
	const uint8_t (*servers)[16] = NULL;
	unsigned n = 9;

	memset(&e, 0, sizeof(e));
	/* Nothing names it, nothing to ask. */
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "");
	CHECK_EQ_UINT(n, 0);
	/* Option 64 and option 23. */
	memcpy(e.aftr, "aftr.example", 13);
	e.n_dns = 1;
	memcpy(e.dns[0], opt23, 16);
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "aftr.example");
	CHECK(n == 1 && memcmp(servers[0], opt23, 16) == 0);
	/* The config's name wins over option 64's. */
	memcpy(cfg.name, "gw.transix.jp", 14);
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "gw.transix.jp");
	CHECK(n == 1 && memcmp(servers[0], opt23, 16) == 0);
	/* Option 23 still wins over the WAN's own servers... */
	cfg.n_dns = 1;
	memcpy(cfg.dns[0], own, 16);
	dslite_resolve_input(&cfg, &e, &servers, &n);
	CHECK(n == 1 && memcmp(servers[0], opt23, 16) == 0);
	/* ...which serve when DHCPv6 gives none (dhcpv6 off, or no O). */
	e.n_dns = 0;
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "gw.transix.jp");
	CHECK(n == 1 && memcmp(servers[0], own, 16) == 0);
	/* An address in the config: nothing to resolve. */
	cfg.has_remote = 1;
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "");
	cfg.has_remote = 0;
	cfg.on = 0;
	CHECK_STR(dslite_resolve_input(&cfg, &e, &servers, &n), "");
}

int main(void)
{
	test_table();
	test_decide();
	test_resolve_input();
	return check_done();
}
