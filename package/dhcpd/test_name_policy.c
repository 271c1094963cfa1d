/*
 * test_name_policy.c - which client names reach the hosts file: never a
 * hijack name, the router's, a [dns] host's, a static host's or another
 * client's current one.
 */
#include "check.h"
#include "name_policy.h"
#include "test_packet.h"

#define FIRST IP4(10, 99, 0, 10)

static const uint8_t alice[6] = { 0x52, 0x54, 0, 0, 0, 1 };
static const uint8_t mallory[6] = { 0x52, 0x54, 0, 0, 0, 2 };
static const uint8_t nas_mac[6] = { 0x52, 0x54, 0, 0, 0, 5 };

static void test_reserve(void)
{
	static struct name_policy p;

	CHECK_EQ_INT(name_policy_reserve(&p, "Keel"), 0);
	CHECK_STR(p.reserved[0], "keel");
	CHECK_EQ_INT(name_policy_reserve(&p, "keel"), 0);	/* once */
	CHECK_EQ_UINT(p.count, 1);
	CHECK_EQ_INT(name_policy_reserve(&p, "two.labels"), -1);
	CHECK_EQ_INT(name_policy_reserve(&p, "-bad"), -1);
	CHECK_EQ_INT(name_policy_reserve(&p, ""), -1);
	for (unsigned i = 1; i < NAME_RESERVED_MAX; i++) {
		char name[16];

		snprintf(name, sizeof(name), "h%u", i);
		CHECK_EQ_INT(name_policy_reserve(&p, name), 0);
	}
	CHECK_EQ_INT(name_policy_reserve(&p, "onetoomany"), -1);
}

static void test_check(void)
{
	static struct name_policy p;
	static struct lease_db db;

	name_policy_reserve(&p, "keel");
	name_policy_reserve(&p, "files");
	CHECK_EQ_INT(lease_db_init(&db, FIRST, FIRST + 9), 0);
	lease_db_add_static(&db, nas_mac, IP4(10, 99, 0, 5), "nas");
	CHECK_EQ_INT(lease_db_bind(&db, alice, FIRST, "laptop", 1000, 600), 1);

	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "phone", 1000),
		     NAME_OK);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "", 1000),
		     NAME_EMPTY);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "a.b", 1000),
		     NAME_EMPTY);
	/* The hijack names, whoever asks. */
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "wpad", 1000),
		     NAME_DENIED);
	CHECK_EQ_INT(name_policy_check(&p, &db, alice, "isatap", 1000),
		     NAME_DENIED);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "localhost", 1000),
		     NAME_DENIED);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "wpad-1", 1000),
		     NAME_DENIED);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "wpadx", 1000),
		     NAME_OK);
	/* The router's and a [dns] host's. */
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "keel", 1000),
		     NAME_RESERVED);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "files", 1000),
		     NAME_RESERVED);
	/* A static host's name: not for others, fine for itself. */
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "nas", 1000),
		     NAME_STATIC);
	CHECK_EQ_INT(name_policy_check(&p, &db, nas_mac, "nas", 1000),
		     NAME_OK);
	/* Another client's name while its lease lasts; its own is fine. */
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "laptop", 1000),
		     NAME_TAKEN);
	CHECK_EQ_INT(name_policy_check(&p, &db, alice, "laptop", 1000),
		     NAME_OK);
	/* Run out, or released: free to take. */
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "laptop", 1600),
		     NAME_OK);
	lease_db_release(&db, alice, FIRST);
	CHECK_EQ_INT(name_policy_check(&p, &db, mallory, "laptop", 1000),
		     NAME_OK);
	CHECK(name_verdict_str(NAME_TAKEN)[0] != 0);
	lease_db_free(&db);
}

/* Names from an older checkpoint that the policy refuses now. */
static void test_scrub(void)
{
	static struct name_policy p;
	static struct lease_db db;

	name_policy_reserve(&p, "keel");
	CHECK_EQ_INT(lease_db_init(&db, FIRST, FIRST + 9), 0);
	lease_db_add_static(&db, nas_mac, IP4(10, 99, 0, 5), "nas");
	CHECK_EQ_INT(lease_db_restore(&db, alice, FIRST, 5000, "laptop"), 0);
	CHECK_EQ_INT(lease_db_restore(&db, mallory, FIRST + 1, 5000, "wpad"), 0);
	CHECK_EQ_INT(lease_db_restore(&db, (const uint8_t *)"\2\0\0\0\0\3",
				      FIRST + 2, 5000, "keel"), 0);
	CHECK_EQ_INT(lease_db_restore(&db, (const uint8_t *)"\2\0\0\0\0\4",
				      FIRST + 3, 5000, "nas"), 0);
	CHECK_EQ_UINT(name_policy_scrub(&p, &db), 3);
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST)), "laptop");
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST + 1)), "");
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST + 2)), "");
	CHECK_STR(lease_db_hostname(&db, lease_db_slot(&db, FIRST + 3)), "");
	lease_db_free(&db);
}

int main(void)
{
	test_reserve();
	test_check();
	test_scrub();
	return check_done();
}
