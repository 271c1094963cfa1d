/*
 * test_pool_status.c - the pool's counts keel status shows: bound,
 * offered, declined and free addresses as time passes, static leases in
 * and outside the pool, the file's exact text, and its replacement.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "keel/file.h"

#include "check.h"
#include "pool_status.h"
#include "test_packet.h"

static const uint8_t mac_a[6] = { 2, 0, 0, 0, 0, 0xa };
static const uint8_t mac_b[6] = { 2, 0, 0, 0, 0, 0xb };
static const uint8_t mac_c[6] = { 2, 0, 0, 0, 0, 0xc };
static const uint8_t mac_d[6] = { 2, 0, 0, 0, 0, 0xd };
static const uint8_t printer[6] = { 2, 0, 0, 0, 0, 0x99 };
static const uint8_t camera[6] = { 2, 0, 0, 0, 0, 0x98 };

/* Ten addresses, .100 to .109. */
#define FIRST IP4(192, 168, 1, 100)
#define LAST IP4(192, 168, 1, 109)

static void expect_counts(const struct pool_status *st, uint32_t leases,
			 uint32_t offered, uint32_t free_, uint32_t declined)
{
	CHECK_EQ_UINT(st->leases, leases);
	CHECK_EQ_UINT(st->offered, offered);
	CHECK_EQ_UINT(st->free, free_);
	CHECK_EQ_UINT(st->declined, declined);
}

static void test_count(void)
{
	struct lease_db db;
	struct pool_status st;

	CHECK_EQ_INT(lease_db_init(&db, FIRST, LAST), 0);
	pool_status_count(&db, 1000, &st);
	CHECK_EQ_UINT(st.first, FIRST);
	CHECK_EQ_UINT(st.last, LAST);
	CHECK_EQ_UINT(st.statics, 0);
	expect_counts(&st, 0, 0, 10, 0);

	/* A static lease in the pool is never free for others; one outside
	 * it only counts as static. */
	CHECK_EQ_INT(lease_db_add_static(&db, printer, IP4(192, 168, 1, 109),
					 "printer"), 0);
	CHECK_EQ_INT(lease_db_add_static(&db, camera, IP4(192, 168, 1, 20),
					 "camera"), 0);
	pool_status_count(&db, 1000, &st);
	CHECK_EQ_UINT(st.statics, 2);
	expect_counts(&st, 0, 0, 9, 0);

	/* a bound for 60 s, b offered for 10 s, c bound then released, d
	 * declines its address for 100 s, the printer binds its own. */
	CHECK_EQ_INT(lease_db_bind(&db, mac_a, IP4(192, 168, 1, 100), "pc",
				   1000, 60), 1);
	CHECK_EQ_INT(lease_db_offer(&db, mac_b, IP4(192, 168, 1, 101), 1000,
				    10), 0);
	CHECK_EQ_INT(lease_db_bind(&db, mac_c, IP4(192, 168, 1, 102), "",
				   1000, 60), 0);
	CHECK_EQ_INT(lease_db_release(&db, mac_c, IP4(192, 168, 1, 102)), 0);
	CHECK_EQ_INT(lease_db_bind(&db, mac_d, IP4(192, 168, 1, 103), "",
				   1000, 60), 0);
	CHECK_EQ_INT(lease_db_decline(&db, mac_d, IP4(192, 168, 1, 103), 1000,
				      100), 0);
	CHECK_EQ_INT(lease_db_bind(&db, printer, IP4(192, 168, 1, 109), "",
				   1000, 60), 0);
	CHECK_EQ_INT(lease_db_bind(&db, camera, IP4(192, 168, 1, 20), "",
				   1000, 60), 0);
	pool_status_count(&db, 1000, &st);
	expect_counts(&st, 2, 1, 6, 1);

	/* The offer runs out: free again. */
	pool_status_count(&db, 1010, &st);
	expect_counts(&st, 2, 0, 7, 1);
	/* The leases run out: free, the printer's address still not. */
	pool_status_count(&db, 1060, &st);
	expect_counts(&st, 0, 0, 8, 1);
	/* The decline's hold ends. */
	pool_status_count(&db, 1100, &st);
	expect_counts(&st, 0, 0, 9, 0);
	lease_db_free(&db);
}

static void test_format(void)
{
	struct pool_status st = {
		.first = FIRST, .last = LAST, .leases = 3, .offered = 1,
		.free = 4, .declined = 0, .statics = 2,
	};
	static const char want[] = "pool 192.168.1.100-192.168.1.109\n"
				   "leases 3\n"
				   "offered 1\n"
				   "free 4\n"
				   "declined 0\n"
				   "static 2\n"
				   "written-ms 1234567\n";
	char buf[256];

	CHECK_EQ_INT(pool_status_format(&st, 1234567, buf, sizeof(buf)),
		     (int)sizeof(want) - 1);
	CHECK_STR(buf, want);
	CHECK_EQ_INT(pool_status_format(&st, 1234567, buf, sizeof(want)),
		     (int)sizeof(want) - 1);
	CHECK_EQ_INT(pool_status_format(&st, 1234567, buf, sizeof(want) - 1),
		     -1);
	CHECK_STR(buf, "");

	/* The largest pool and counts fit the 256 bytes dhcpd uses. */
	st = (struct pool_status){
		.first = IP4(255, 255, 255, 255), .last = IP4(255, 255, 255, 255),
		.leases = UINT32_MAX, .offered = UINT32_MAX, .free = UINT32_MAX,
		.declined = UINT32_MAX, .statics = UINT32_MAX,
	};
	CHECK(pool_status_format(&st, UINT64_MAX, buf, sizeof(buf)) > 0);
}

static void test_write(void)
{
	char dir[] = "/tmp/dhcpd-status-XXXXXX";
	char path[64], tmp[72], back[256], cmd[64];
	int truncated;
	ssize_t got;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof(path), "%s/lan.status", dir);
	CHECK_EQ_INT(pool_status_write(path, "leases 1\n", 9), 0);
	CHECK_EQ_INT(pool_status_write(path, "leases 2\n", 9), 0);
	got = file_read(path, back, sizeof(back) - 1, &truncated);
	back[got < 0 ? 0 : got] = '\0';
	CHECK_STR(back, "leases 2\n");
	snprintf(tmp, sizeof(tmp), "%s.tmp", path);
	CHECK(access(tmp, F_OK) < 0);
	snprintf(path, sizeof(path), "%s/none/lan.status", dir);
	errno = 0;
	CHECK_EQ_INT(pool_status_write(path, "leases 1\n", 9), -1);
	CHECK_EQ_INT(errno, ENOENT);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
}

int main(void)
{
	test_count();
	test_format();
	test_write();
	return check_done();
}
