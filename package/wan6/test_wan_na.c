/* Unit tests for wan_na.c: the lease's IA_NA addresses as /128s on the
 * WAN with the lease's lifetimes (added once, again when renewed), the
 * old one deleted when the address changes, is withdrawn, expires or the
 * lease goes, nothing deleted for a link that went down or was made anew,
 * a failed DAD (deleted, not put back while the lease has it), and the
 * full sequence with DS-Lite: bound, added, DAD done, the tunnel's local
 * end becomes the IA_NA address. */
#include <arpa/inet.h>
#include <linux/if_addr.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "dslite.h"
#include "wan_na.h"

#define NOW	100000ull
#define WAN	7

static void set_addr(struct engine *e, unsigned i, const char *text,
		     uint64_t pref_until, uint64_t valid_until)
{
	memset(&e->addrs[i], 0, sizeof(e->addrs[i]));
	inet_pton(AF_INET6, text, e->addrs[i].addr);
	e->addrs[i].pref_until = pref_until;
	e->addrs[i].valid_until = valid_until;
	if (e->n_addrs <= i)
		e->n_addrs = i + 1;
}

static int is(const struct wan_na_req *r, enum wan_na_op op, const char *text)
{
	uint8_t a[16];

	inet_pton(AF_INET6, text, a);
	return r->op == op && !memcmp(r->addr, a, 16);
}

static void test_add_renew_change_lose(void)
{
	static struct engine e;
	struct wan_na t;
	struct wan_na_req r[WAN_NA_REQ_MAX];

	memset(&e, 0, sizeof(e));
	memset(&t, 0, sizeof(t));
	/* Nothing bound: nothing to do. */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 0);
	/* Bound: the address with the lease's lifetimes, in seconds. */
	set_addr(&e, 0, "2001:db8:0:1::1000", NOW + 40000, NOW + 60000);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
	CHECK_EQ_UINT(r[0].preferred_secs, 40);
	CHECK_EQ_UINT(r[0].valid_secs, 60);
	CHECK_EQ_INT(r[0].renewal, 0);
	/* Later, nothing changed: nothing sent (not once per packet). */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 3000, r), 0);
	/* Renewed: the same address again with the new lifetimes. */
	e.addrs[0].pref_until = NOW + 4000 + 40000;
	e.addrs[0].valid_until = NOW + 4000 + 60000;
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 4000, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
	CHECK_EQ_UINT(r[0].preferred_secs, 40);
	CHECK_EQ_UINT(r[0].valid_secs, 60);
	CHECK_EQ_INT(r[0].renewal, 1);
	/* Another address: the new one added first, then the old deleted. */
	set_addr(&e, 0, "2001:db8:0:1::2000", NOW + 40000, NOW + 60000);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 5000, r), 2);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::2000"));
	CHECK_EQ_UINT(r[0].preferred_secs, 35);
	CHECK(is(&r[1], WAN_NA_DEL, "2001:db8:0:1::1000"));
	/* The lease lost: deleted, once. */
	e.n_addrs = 0;
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 6000, r), 1);
	CHECK(is(&r[0], WAN_NA_DEL, "2001:db8:0:1::2000"));
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 6000, r), 0);
}

static void test_expiry_and_lifetimes(void)
{
	static struct engine e;
	struct wan_na t;
	struct wan_na_req r[WAN_NA_REQ_MAX];

	memset(&e, 0, sizeof(e));
	memset(&t, 0, sizeof(t));
	/* Infinite stays infinite; a preferred past valid is cut to it;
	 * rounding is up (never 0 for a valid address). */
	set_addr(&e, 0, "2001:db8::1", ENGINE_NEVER, ENGINE_NEVER);
	set_addr(&e, 1, "2001:db8::2", ENGINE_NEVER, NOW + 1);
	set_addr(&e, 2, "2001:db8::3", NOW, NOW + 30500);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 3);
	CHECK_EQ_UINT(r[0].preferred_secs, 0xffffffffu);
	CHECK_EQ_UINT(r[0].valid_secs, 0xffffffffu);
	CHECK_EQ_UINT(r[1].preferred_secs, 1);
	CHECK_EQ_UINT(r[1].valid_secs, 1);
	CHECK_EQ_UINT(r[2].preferred_secs, 0);	/* deprecated */
	CHECK_EQ_UINT(r[2].valid_secs, 31);
	/* Expired in the lease before the engine's timer ran: deleted. */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 1, r), 1);
	CHECK(is(&r[0], WAN_NA_DEL, "2001:db8::2"));
	CHECK_EQ_UINT(t.n, 2);
	/* The table is bounded by the lease: WIRE_IA_MAX adds at most. */
	memset(&t, 0, sizeof(t));
	for (unsigned i = 0; i < WIRE_IA_MAX; i++) {
		char text[32];

		snprintf(text, sizeof(text), "2001:db8::%x", 0x10 + i);
		set_addr(&e, i, text, ENGINE_NEVER, ENGINE_NEVER);
	}
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), WIRE_IA_MAX);
	CHECK_EQ_UINT(t.n, WIRE_IA_MAX);
	CHECK_EQ_UINT(wan_na_secs_left(NOW + 0x200000000000ull, NOW), 0xfffffffeu);
}

static void test_link(void)
{
	static struct engine e;
	struct wan_na t;
	struct wan_na_req r[WAN_NA_REQ_MAX];

	memset(&e, 0, sizeof(e));
	memset(&t, 0, sizeof(t));
	set_addr(&e, 0, "2001:db8:0:1::1000", NOW + 40000, NOW + 60000);
	/* No WAN yet (ppp0 absent): nothing, and nothing remembered. */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, 0, NOW, r), 0);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
	/* Down: the kernel dropped it; no delete, and it is put back. */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, 0, NOW + 1000, r), 0);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 2000, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
	CHECK_EQ_UINT(r[0].valid_secs, 58);
	/* A new ppp0 (another index): added there, no delete on the old. */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN + 1, NOW + 3000, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
	CHECK_EQ_INT(t.ifindex, WAN + 1);
}

static void test_dad_failed(void)
{
	static struct engine e;
	struct wan_na t;
	struct wan_na_req r[WAN_NA_REQ_MAX];
	uint8_t a[16], other[16];

	memset(&e, 0, sizeof(e));
	memset(&t, 0, sizeof(t));
	set_addr(&e, 0, "2001:db8:0:1::1000", NOW + 40000, NOW + 60000);
	memcpy(a, e.addrs[0].addr, 16);
	inet_pton(AF_INET6, "2001:db8:0:1::99", other);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 1);
	/* Somebody else's address failing is not ours to act on. */
	CHECK_EQ_INT(wan_na_dad_failed(&t, other), 0);
	CHECK_EQ_INT(wan_na_dad_failed(&t, a), 1);
	CHECK_EQ_INT(wan_na_dad_failed(&t, a), 0);	/* reported once */
	/* Deleted (the kernel keeps a permanent one as dadfailed)... */
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 1);
	CHECK(is(&r[0], WAN_NA_DEL, "2001:db8:0:1::1000"));
	/* ... and not put back, even when renewed or the link flaps. */
	e.addrs[0].valid_until += 4000;
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 4000, r), 0);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, 0, NOW + 5000, r), 0);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 6000, r), 0);
	/* Once out of the lease (declined) it is forgotten: a later lease
	 * with it gets DAD again. */
	e.n_addrs = 0;
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 7000, r), 0);
	CHECK_EQ_UINT(t.n_failed, 0);
	set_addr(&e, 0, "2001:db8:0:1::1000", NOW + 40000, NOW + 60000);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 8000, r), 1);
	CHECK(is(&r[0], WAN_NA_ADD, "2001:db8:0:1::1000"));
}

/* Bound with an address; wan6 adds it; the kernel reports it tentative,
 * then DAD done: DS-Lite moves from the SLAAC address to it, and back
 * when the lease loses it and wan6 deletes it. */
static void test_dslite_sequence(void)
{
	static struct engine e;
	struct wan_na t;
	struct wan_na_req r[WAN_NA_REQ_MAX];
	struct dslite_cfg cfg = { .on = 1, .has_remote = 1 };
	struct dslite_addrs wan;
	struct dslite_want w;
	uint8_t slaac[16];

	memset(&e, 0, sizeof(e));
	memset(&t, 0, sizeof(t));
	memset(&wan, 0, sizeof(wan));
	inet_pton(AF_INET6, "2001:db8:0:1::a", cfg.remote);
	inet_pton(AF_INET6, "2001:db8:0:1::99", slaac);
	dslite_addr_event(&wan, slaac, 0, 0);
	set_addr(&e, 0, "2001:db8:0:1::1000", NOW + 40000, NOW + 60000);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, NULL, NULL, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW, r), 1);
	CHECK_EQ_INT(r[0].op, WAN_NA_ADD);
	/* RTM_NEWADDR while DAD runs: not yet. */
	dslite_addr_event(&wan, r[0].addr, IFA_F_TENTATIVE | IFA_F_NOPREFIXROUTE, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, NULL, slaac, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
	/* DAD done. */
	dslite_addr_event(&wan, r[0].addr, IFA_F_NOPREFIXROUTE, 0);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, NULL, slaac, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_IA_NA);
	CHECK(memcmp(w.local, e.addrs[0].addr, 16) == 0);
	/* Lease lost: deleted; RTM_DELADDR; back to SLAAC. */
	e.n_addrs = 0;
	CHECK_EQ_UINT(wan_na_plan(&t, &e, WAN, NOW + 1000, r), 1);
	CHECK_EQ_INT(r[0].op, WAN_NA_DEL);
	dslite_addr_event(&wan, r[0].addr, 0, 1);
	CHECK_EQ_INT(dslite_decide(&cfg, &e, NOW, &wan, NULL, w.local, &w), 1);
	CHECK_EQ_INT(w.local_from, DSLITE_FROM_SLAAC);
}

int main(void)
{
	test_add_renew_change_lose();
	test_expiry_and_lifetimes();
	test_link();
	test_dad_failed();
	test_dslite_sequence();
	return check_done();
}
