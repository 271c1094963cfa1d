/* Unit tests for delegated.c: renumbering, deprecation, counting down. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "delegated.h"

static void lease(const char *text, uint64_t now_ms, struct lease6 *l)
{
	CHECK_EQ_INT(lease6_parse(text, strlen(text), "lan", now_ms, l),
		     LEASE6_OK);
}

static const char *addr_of(const uint8_t *addr)
{
	static char a[INET6_ADDRSTRLEN];

	return inet_ntop(AF_INET6, addr, a, sizeof(a));
}

static void configured_lan(struct ra_config *ra)
{
	memset(ra, 0, sizeof(*ra));
	inet_pton(AF_INET6, "fd00::", ra->prefixes[0].addr);
	ra->prefixes[0].len = 64;
	ra->prefix_count = 1;
}

static void test_renumbering(void)
{
	struct delegated t;
	struct ra_config ra;
	struct lease6 l;
	uint64_t now = 1000000;

	memset(&t, 0, sizeof(t));
	configured_lan(&ra);
	/* Lifetimes 3600/7200 from now. */
	lease("wan6 1\nlan lan 2001:db8:100:1::/64 4600000 8200000\n", now, &l);
	CHECK_EQ_UINT(delegated_update(&t, &l, now), 0);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 1);
	CHECK_STR(addr_of(ra.timed[0].prefix.addr), "2001:db8:100:1::");
	CHECK_EQ_UINT(ra.timed[0].prefix.len, 64);
	CHECK_EQ_UINT(ra.timed[0].preferred_secs, 3600);
	CHECK_EQ_UINT(ra.timed[0].valid_secs, 7200);
	/* Ten minutes later the RA carries what is left. */
	delegated_to_ra(&t, &ra, now + 600000);
	CHECK_EQ_UINT(ra.timed[0].preferred_secs, 3000);
	CHECK_EQ_UINT(ra.timed[0].valid_secs, 6600);

	/* Renumbered: the new prefix, the old one deprecated by wan6 with a
	 * day left: valid at most 2 h, counting down. */
	now += 1000000;
	lease("wan6 1\nlan lan 2001:db8:300:1::/64 90000000 180000000\n"
	      "deprecated lan 2001:db8:100:1::/64 0 90000000\n", now, &l);
	CHECK_EQ_UINT(delegated_update(&t, &l, now), 0);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 2);
	CHECK_STR(addr_of(ra.timed[0].prefix.addr), "2001:db8:300:1::");
	CHECK_EQ_UINT(ra.timed[0].preferred_secs, 88000);
	CHECK_STR(addr_of(ra.timed[1].prefix.addr), "2001:db8:100:1::");
	CHECK_EQ_UINT(ra.timed[1].preferred_secs, 0);
	CHECK_EQ_UINT(ra.timed[1].valid_secs, 7200);
	delegated_to_ra(&t, &ra, now + 100000);
	CHECK_EQ_UINT(ra.timed[1].valid_secs, 7100);

	/* The file rewritten later with the same line: the 2 h keep
	 * counting from the first deprecation, not from now. */
	lease("wan6 1\nlan lan 2001:db8:300:1::/64 90000000 180000000\n"
	      "deprecated lan 2001:db8:100:1::/64 0 90000000\n", now + 200000,
	      &l);
	delegated_update(&t, &l, now + 200000);
	delegated_to_ra(&t, &ra, now + 200000);
	CHECK_EQ_UINT(ra.timed[1].valid_secs, 7000);

	/* The file disappears: both stay, deprecated. */
	now += 300000;
	CHECK_EQ_UINT(delegated_update(&t, NULL, now), 0);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 2);
	CHECK_EQ_UINT(ra.timed[0].preferred_secs, 0);
	CHECK_EQ_UINT(ra.timed[0].valid_secs, 7200);
	CHECK_EQ_UINT(ra.timed[1].preferred_secs, 0);
	CHECK_EQ_UINT(ra.timed[1].valid_secs, 6900);

	/* When the valid time runs out the prefix leaves the RA and the
	 * table. */
	delegated_to_ra(&t, &ra, now + 6900000);
	CHECK_EQ_UINT(ra.timed_count, 1);
	CHECK_STR(addr_of(ra.timed[0].prefix.addr), "2001:db8:300:1::");
	CHECK_EQ_UINT(t.count, 1);
	delegated_to_ra(&t, &ra, now + 7200000);
	CHECK_EQ_UINT(ra.timed_count, 0);
	CHECK_EQ_UINT(t.count, 0);
}

static void test_dropped_from_lease(void)
{
	struct delegated t;
	struct ra_config ra;
	struct lease6 l;
	uint64_t now = 5000;

	memset(&t, 0, sizeof(t));
	configured_lan(&ra);
	/* A prefix with a short life left goes without a deprecated line:
	 * rad deprecates it itself, keeping the shorter deadline. */
	lease("wan6 1\nlan lan 2001:db8:1::/64 605000 1205000\n", now, &l);
	delegated_update(&t, &l, now);
	lease("wan6 1\nlan lan 2001:db8:2::/64 605000 1205000\n", now, &l);
	delegated_update(&t, &l, now);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 2);
	CHECK_STR(addr_of(ra.timed[1].prefix.addr), "2001:db8:1::");
	CHECK_EQ_UINT(ra.timed[1].preferred_secs, 0);
	CHECK_EQ_UINT(ra.timed[1].valid_secs, 1200);
	/* Delegated again: announced as current once more. */
	lease("wan6 1\nlan lan 2001:db8:1::/64 605000 1205000\n", now, &l);
	delegated_update(&t, &l, now);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 2);
	CHECK_STR(addr_of(ra.timed[0].prefix.addr), "2001:db8:1::");
	CHECK_EQ_UINT(ra.timed[0].preferred_secs, 600);

	/* A delegated prefix equal to the LAN's configured one is in the
	 * RA once, with the configured lifetimes. */
	lease("wan6 1\nlan lan fd00::/64 605000 1205000\n", now, &l);
	memset(&t, 0, sizeof(t));
	delegated_update(&t, &l, now);
	delegated_to_ra(&t, &ra, now);
	CHECK_EQ_UINT(ra.timed_count, 0);
}

static void test_full(void)
{
	char text[LEASE6_FILE_MAX];
	struct delegated t;
	struct ra_config ra;
	struct lease6 l;
	size_t off;

	memset(&t, 0, sizeof(t));
	configured_lan(&ra);
	off = (size_t)snprintf(text, sizeof(text), "wan6 1\n");
	for (unsigned i = 0; i < DELEGATED_MAX; i++)
		off += (size_t)snprintf(text + off, sizeof(text) - off,
					"lan lan 2001:db8:%x::/64 2000000 "
					"3000000\n", i + 1);
	lease(text, 0, &l);
	CHECK_EQ_UINT(delegated_update(&t, &l, 0), 0);
	/* A whole new set: the lease wins the room; of the 12 old ones 2
	 * fit as deprecated, 10 are counted. */
	off = (size_t)snprintf(text, sizeof(text), "wan6 1\n");
	for (unsigned i = 0; i < DELEGATED_MAX - 2; i++)
		off += (size_t)snprintf(text + off, sizeof(text) - off,
					"lan lan 2001:db8:1:%x::/64 2000000 "
					"3000000\n", i + 1);
	lease(text, 0, &l);
	CHECK_EQ_UINT(delegated_update(&t, &l, 0), DELEGATED_MAX - 2);
	CHECK_EQ_UINT(t.count, DELEGATED_MAX);
	delegated_to_ra(&t, &ra, 0);
	CHECK_EQ_UINT(ra.timed_count, RA_TIMED_MAX);
	CHECK_EQ_UINT(ra.timed[DELEGATED_MAX - 1].preferred_secs, 0);
}

int main(void)
{
	test_renumbering();
	test_dropped_from_lease();
	test_full();
	return check_done();
}
