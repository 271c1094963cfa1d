/*
 * test_lease_db.c - allocation, statics, offers, expiry, decline, release,
 * names, times past 2038.
 */
#include "check.h"
#include "lease_db.h"
#include "test_packet.h"

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const uint8_t mac_b[6] = { 2, 0, 0, 0, 0, 0xb };
static const uint8_t mac_c[6] = { 2, 0, 0, 0, 0, 0xc };

#define FIRST IP4(10, 99, 0, 10)
#define LAST IP4(10, 99, 0, 12)

static void test_static_by_mac(void)
{
	struct lease_db db;

	CHECK_EQ_INT(lease_db_init(&db, FIRST, LAST), 0);
	CHECK_EQ_INT(lease_db_add_static(&db, mac_a, IP4(10, 99, 0, 5),
					 "printer"), 0);
	CHECK_EQ_INT(lease_db_add_static(&db, mac_b, IP4(10, 99, 0, 11), ""),
		     0);
	/* Duplicates are refused. */
	CHECK_EQ_INT(lease_db_add_static(&db, mac_a, IP4(10, 99, 0, 6), ""),
		     -1);
	CHECK_EQ_INT(lease_db_add_static(&db, mac_c, IP4(10, 99, 0, 5), ""),
		     -1);
	/* Static wins over what the client asks. */
	CHECK_EQ_UINT(lease_db_choose(&db, mac_a, FIRST, 100),
		      IP4(10, 99, 0, 5));
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, IP4(10, 99, 0, 5), "", 100, 60),
		     0);
	/* A static address inside the pool is never given to others. */
	for (int i = 0; i < 5; i++) {
		uint8_t mac[6] = { 4, 0, 0, 0, 0, (uint8_t)i };
		uint32_t ip = lease_db_choose(&db, mac, IP4(10, 99, 0, 11),
					      100);

		CHECK(ip != IP4(10, 99, 0, 11));
		CHECK(!lease_db_available(&db, mac, IP4(10, 99, 0, 11), 100));
	}
	CHECK(lease_db_available(&db, mac_b, IP4(10, 99, 0, 11), 100));
	lease_db_free(&db);
}

static void test_keep_previous_and_requested(void)
{
	struct lease_db db;
	uint32_t ip, other;

	lease_db_init(&db, FIRST, LAST);
	/* The requested address, if free. */
	CHECK_EQ_UINT(lease_db_choose(&db, mac_a, IP4(10, 99, 0, 12), 100),
		      IP4(10, 99, 0, 12));
	/* Outside the pool: ignored. */
	ip = lease_db_choose(&db, mac_a, IP4(10, 99, 0, 50), 100);
	CHECK(lease_db_in_pool(&db, ip));
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, ip, "pc", 100, 60), 1);
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, ip, "pc", 110, 60), 0);
	/* The client keeps its address even when asking for another. */
	other = ip == FIRST ? LAST : FIRST;
	CHECK_EQ_UINT(lease_db_choose(&db, mac_a, other, 120), ip);
	/* ... and after its lease ran out, until someone else needs it. */
	CHECK_EQ_UINT(lease_db_choose(&db, mac_a, 0, 1000), ip);
	/* Others get the never-used addresses first. */
	CHECK(lease_db_choose(&db, mac_b, 0, 1000) != ip);
	/* Binding a held address for another client fails. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_b, ip, "", 120, 60), -1);
	/* Deterministic: the same MAC starts at the same point. */
	CHECK_EQ_UINT(lease_db_choose(&db, mac_c, 0, 120),
		      lease_db_choose(&db, mac_c, 0, 120));
	lease_db_free(&db);
}

static void test_exhaustion_and_expiry(void)
{
	struct lease_db db;
	const uint8_t *macs[3] = { mac_a, mac_b, mac_c };
	uint8_t mac_d[6] = { 2, 0, 0, 0, 0, 0xd };
	uint32_t ip;

	lease_db_init(&db, FIRST, LAST);
	for (int i = 0; i < 3; i++) {
		ip = lease_db_choose(&db, macs[i], 0, 100);
		CHECK(ip != 0);
		CHECK_EQ_INT(lease_db_bind(&db, macs[i], ip, "", 100, 600), 0);
	}
	CHECK_EQ_UINT(lease_db_choose(&db, mac_d, 0, 150), 0);
	/* An offer also holds, until it runs out. */
	lease_db_release(&db, mac_c, lease_db_choose(&db, mac_c, 0, 150));
	ip = lease_db_choose(&db, mac_d, 0, 150);
	CHECK(ip != 0);
	CHECK_EQ_INT(lease_db_offer(&db, mac_d, ip, 150, 30), 0);
	CHECK_EQ_UINT(lease_db_choose(&db, mac_c, 0, 160), 0);
	CHECK_EQ_UINT(lease_db_choose(&db, mac_c, 0, 181), ip);
	/* Expired leases are reused once nothing else is left. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_c, ip, "", 181, 600), 0);
	CHECK_EQ_UINT(lease_db_choose(&db, mac_d, 0, 699), 0);
	CHECK(lease_db_choose(&db, mac_d, 0, 701) != 0);
	lease_db_free(&db);
}

static void test_decline_release(void)
{
	struct lease_db db;
	uint32_t ip, next;

	lease_db_init(&db, FIRST, FIRST + 1);
	ip = lease_db_choose(&db, mac_a, FIRST, 100);
	CHECK_EQ_UINT(ip, FIRST);
	lease_db_bind(&db, mac_a, ip, "", 100, 60);
	/* Only the holder can decline or release. */
	CHECK_EQ_INT(lease_db_decline(&db, mac_b, ip, 100, 600), -1);
	CHECK_EQ_INT(lease_db_release(&db, mac_b, ip), -1);
	CHECK_EQ_INT(lease_db_decline(&db, mac_a, ip, 100, 600), 0);
	CHECK_EQ_UINT(db.declined, 1);
	/* The declined address is out of use for the hold time. */
	next = lease_db_choose(&db, mac_a, FIRST, 110);
	CHECK_EQ_UINT(next, FIRST + 1);
	CHECK_EQ_UINT(lease_db_choose(&db, mac_b, FIRST, 110), FIRST + 1);
	CHECK(!lease_db_available(&db, mac_a, FIRST, 110));
	CHECK(lease_db_available(&db, mac_a, FIRST, 701));
	/* Release frees at once. */
	lease_db_bind(&db, mac_a, next, "pc", 110, 60);
	CHECK_EQ_INT(lease_db_release(&db, mac_a, next), 1);
	CHECK(lease_db_find_mac(&db, mac_a) == NULL);
	CHECK(lease_db_available(&db, mac_b, next, 111));
	lease_db_free(&db);
}

static void test_rebind_moves(void)
{
	struct lease_db db;

	lease_db_init(&db, FIRST, LAST);
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "", 100, 60), 0);
	/* Binding another address frees the old one: one per client. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, LAST, "", 100, 60), 0);
	CHECK(lease_db_available(&db, mac_b, FIRST, 101));
	CHECK(lease_db_slot(&db, FIRST)->state == LEASE_FREE);
	/* Cancelled offers go back. */
	lease_db_offer(&db, mac_b, FIRST, 101, 30);
	CHECK(!lease_db_available(&db, mac_c, FIRST, 102));
	lease_db_cancel_offer(&db, mac_b);
	CHECK(lease_db_available(&db, mac_c, FIRST, 102));
	/* Restore refuses duplicates and addresses outside the pool. */
	CHECK_EQ_INT(lease_db_restore(&db, mac_a, FIRST, 500, ""), -1);
	CHECK_EQ_INT(lease_db_restore(&db, mac_c, LAST, 500, ""), -1);
	CHECK_EQ_INT(lease_db_restore(&db, mac_c, IP4(10, 99, 1, 1), 500, ""),
		     -1);
	CHECK_EQ_INT(lease_db_restore(&db, mac_c, FIRST, 500, "x"), 0);
	CHECK_EQ_UINT(lease_db_choose(&db, mac_c, 0, 600), FIRST);
	lease_db_free(&db);
	/* Bad pools. */
	CHECK_EQ_INT(lease_db_init(&db, LAST, FIRST), -1);
	CHECK_EQ_INT(lease_db_init(&db, 0, LEASE_POOL_MAX), -1);
}

static void test_many_clients(void)
{
	struct lease_db db;
	unsigned got = 0;

	/* A /22's worth: every client gets a distinct address. */
	lease_db_init(&db, IP4(10, 99, 0, 1), IP4(10, 99, 3, 254));
	for (unsigned i = 0; i < db.count; i++) {
		uint8_t mac[6] = { 6, 0, 0, 0, (uint8_t)(i >> 8), (uint8_t)i };
		uint32_t ip = lease_db_choose(&db, mac, 0, 100);

		if (ip && lease_db_bind(&db, mac, ip, "", 100, 600) == 0)
			got++;
	}
	CHECK_EQ_UINT(got, db.count);
	for (unsigned i = 0; i < db.count; i++) {
		uint8_t mac[6] = { 6, 0, 0, 0, (uint8_t)(i >> 8), (uint8_t)i };

		CHECK(lease_db_find_mac(&db, mac) != NULL);
		if (!lease_db_find_mac(&db, mac))
			break;
	}
	lease_db_free(&db);
}

static void test_names(void)
{
	struct lease_db db;

	lease_db_init(&db, FIRST, LAST);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)), "");
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "pc", 100, 60), 1);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)), "pc");
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "pc", 110, 60), 0);
	/* Dropping the name changes the hosts file; no name twice does not. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "", 120, 60), 1);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)), "");
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "", 130, 60), 0);
	/* A lapsed address taken by another client loses the old name. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "pc", 140, 60), 1);
	CHECK_EQ_INT(lease_db_offer(&db, mac_b, FIRST, 500, 30), 0);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)), "");
	CHECK_EQ_INT(lease_db_bind(&db, mac_b, FIRST, "", 510, 60), 0);
	/* Release reports whether a named lease went away. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_c, LAST, "tv", 510, 60), 1);
	CHECK_EQ_INT(lease_db_release(&db, mac_c, LAST), 1);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, LAST)), "");
	CHECK_EQ_INT(lease_db_release(&db, mac_b, FIRST), 0);
	lease_db_free(&db);
}

static void test_times_past_2038(void)
{
	struct lease_db db;
	const int64_t t2039 = 2200000000;	/* past INT32_MAX */
	const int64_t t2106 = 4294967000;	/* UINT32_MAX is 4294967295 */

	lease_db_init(&db, FIRST, LAST);
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "", t2039, 60), 0);
	CHECK(lease_db_slot(&db, FIRST)->expires == t2039 + 60);
	CHECK(!lease_db_available(&db, mac_b, FIRST, t2039 + 59));
	CHECK(lease_db_available(&db, mac_b, FIRST, t2039 + 60));
	/* Past the last second a lease can hold, it holds to that second. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, FIRST, "", t2106, 3600), 0);
	CHECK_EQ_UINT(lease_db_slot(&db, FIRST)->expires, UINT32_MAX);
	CHECK(!lease_db_available(&db, mac_b, FIRST, t2106 + 200));
	CHECK_EQ_INT(lease_db_restore(&db, mac_b, LAST, INT64_MAX, ""), 0);
	CHECK_EQ_UINT(lease_db_slot(&db, LAST)->expires, UINT32_MAX);
	lease_db_free(&db);
}

static void test_largest_pool(void)
{
	struct lease_db db;
	const uint32_t first = IP4(10, 99, 0, 0);
	const uint32_t last = first + LEASE_POOL_MAX - 1;

	/* The last slot's link (slot + 1) must not collide with "none". */
	CHECK_EQ_INT(lease_db_init(&db, first, last), 0);
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, last, "", 100, 60), 0);
	CHECK_EQ_INT(lease_db_bind(&db, mac_b, first, "", 100, 60), 0);
	CHECK(lease_db_find_mac(&db, mac_a) == lease_db_slot(&db, last));
	CHECK(lease_db_find_mac(&db, mac_b) == lease_db_slot(&db, first));
	CHECK_EQ_UINT(lease_db_choose(&db, mac_a, 0, 110), last);
	CHECK_EQ_INT(lease_db_release(&db, mac_a, last), 0);
	CHECK(lease_db_find_mac(&db, mac_a) == NULL);
	CHECK(lease_db_find_mac(&db, mac_b) == lease_db_slot(&db, first));
	lease_db_free(&db);
}

int main(void)
{
	test_static_by_mac();
	test_keep_previous_and_requested();
	test_exhaustion_and_expiry();
	test_decline_release();
	test_rebind_moves();
	test_many_clients();
	test_names();
	test_times_past_2038();
	test_largest_pool();
	return check_done();
}
