/*
 * test_checkpoint.c - lease file lines, round trip, corrupt and truncated
 * files, and the hosts file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "checkpoint.h"
#include "hostnames.h"
#include "test_packet.h"

#define FIRST IP4(10, 99, 0, 10)
#define LAST IP4(10, 99, 0, 20)

static char dir[64];

static void write_text(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	fputs(text, fp);
	fclose(fp);
}

static size_t read_text(const char *path, char *buf, size_t size)
{
	FILE *fp = fopen(path, "r");
	size_t n = 0;

	if (fp) {
		n = fread(buf, 1, size - 1, fp);
		fclose(fp);
	}
	buf[n] = 0;
	return n;
}

static void test_parse_line(void)
{
	struct checkpoint_lease l;
	const char *why;
	static const char good[] = "52:54:00:12:34:0a 10.99.0.10 1795000000 pc";
	static const char *const bad[] = {
		"52:54:00:12:34 10.99.0.10 1 pc",
		"52:54:00:12:34:zz 10.99.0.10 1 pc",
		"52-54-00-12-34-0a 10.99.0.10 1 pc",
		"52:54:00:12:34:0a 10.99.0 1 pc",
		"52:54:00:12:34:0a 10.99.0.300 1 pc",
		"52:54:00:12:34:0a 10.99.0.10 -1 pc",
		"52:54:00:12:34:0a 10.99.0.10 1234567890123 pc",
		"52:54:00:12:34:0a 10.99.0.10 12x pc",
		"52:54:00:12:34:0a 10.99.0.10 1",
		"52:54:00:12:34:0a 10.99.0.10 1 pc extra",
		"52:54:00:12:34:0a 10.99.0.10 1 bad_name",
		"52:54:00:12:34:0a",
		"garbage",
	};
	char buf[CHECKPOINT_LINE_MAX];
	size_t n;

	CHECK_EQ_INT(checkpoint_parse_line(good, sizeof(good) - 1, &l, &why),
		     1);
	CHECK_EQ_UINT(l.mac[5], 0x0a);
	CHECK_EQ_UINT(l.ip, FIRST);
	CHECK_EQ_INT(l.expires, 1795000000);
	CHECK_STR(l.hostname, "pc");
	n = checkpoint_format_line(&l, buf, sizeof(buf));
	CHECK_MEM(buf, n, "52:54:00:12:34:0a 10.99.0.10 1795000000 pc\n", 43);
	CHECK_EQ_INT(checkpoint_parse_line("# c", 3, &l, &why), 0);
	CHECK_EQ_INT(checkpoint_parse_line("", 0, &l, &why), 0);
	CHECK_EQ_INT(checkpoint_parse_line("a 1 2 -", 7, &l, &why), -1);
	CHECK(why != NULL);
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int rc = checkpoint_parse_line(bad[i], strlen(bad[i]), &l,
					       &why);

		check_report(rc == -1 && why, __FILE__, __LINE__,
			     "line \"%s\" accepted", bad[i]);
	}
	/* "-" is no name; \r\n endings are fine. */
	CHECK_EQ_INT(checkpoint_parse_line("52:54:00:12:34:0a 10.99.0.10 5 -\r",
					   33, &l, &why), 1);
	CHECK_STR(l.hostname, "");
	/* A NUL inside the line. */
	CHECK_EQ_INT(checkpoint_parse_line("52:54:00:12:34:0a\0", 18, &l, &why),
		     -1);
}

static void test_round_trip(void)
{
	struct lease_db db, back;
	struct checkpoint_stats st;
	char path[96];
	unsigned n = 0;

	snprintf(path, sizeof(path), "%s/leases", dir);
	lease_db_init(&db, FIRST, LAST);
	for (uint8_t i = 0; i < 5; i++) {
		uint8_t mac[6] = { 2, 0, 0, 0, 0, i };

		lease_db_bind(&db, mac, FIRST + i, i == 2 ? "tv" : "", 1000,
			      3600);
	}
	/* Offers and declines are not saved. */
	lease_db_offer(&db, (const uint8_t *)"\2\0\0\0\1\0", FIRST + 8, 1000,
		       60);
	CHECK_EQ_INT(checkpoint_save(path, &db), 0);
	CHECK(access(path, F_OK) == 0);
	lease_db_init(&back, FIRST, LAST);
	CHECK_EQ_INT(checkpoint_load(path, &back, &st), 0);
	CHECK_EQ_UINT(st.loaded, 5);
	CHECK_EQ_UINT(st.bad, 0);
	for (uint32_t i = 0; i < back.count; i++) {
		const struct lease *a = &db.slots[i], *b = &back.slots[i];

		if (b->state == LEASE_BOUND) {
			n++;
			CHECK(memcmp(a->mac, b->mac, 6) == 0);
			CHECK_EQ_INT(a->expires, b->expires);
			CHECK_STR(lease_db_hostname(&db, a),
				  lease_db_hostname(&back, b));
		}
	}
	CHECK_EQ_UINT(n, 5);
	/* Clients find their address again. */
	CHECK_EQ_UINT(lease_db_choose(&back, (const uint8_t *)"\2\0\0\0\0\3",
				      0, 9000), FIRST + 3);
	lease_db_free(&back);
	/* A missing file is an empty one. */
	lease_db_init(&back, FIRST, LAST);
	snprintf(path, sizeof(path), "%s/none", dir);
	CHECK_EQ_INT(checkpoint_load(path, &back, &st), 0);
	CHECK_EQ_UINT(st.loaded, 0);
	lease_db_free(&back);
	lease_db_free(&db);
}

static void test_corrupt_and_truncated(void)
{
	struct lease_db db;
	struct checkpoint_stats st;
	char path[96], big[400];

	snprintf(path, sizeof(path), "%s/corrupt", dir);
	memset(big, 'x', sizeof(big) - 1);
	big[sizeof(big) - 1] = 0;
	/* One bad line among good ones costs one lease. */
	{
		char text[1024];

		snprintf(text, sizeof(text),
			 "# header\n"
			 "02:00:00:00:00:01 10.99.0.10 2000 a\n"
			 "02:00:00:00:00:02 10.99.0.11 20\xff\xfe b\n"
			 "%s\n"
			 "02:00:00:00:00:03 10.99.0.12 2000 -\n"
			 "02:00:00:00:00:04 10.99.9.12 2000 -\n"
			 "02:00:00:00:00:01 10.99.0.13 2000 dup\n"
			 "02:00:00:00:00:05 10.99.0.14 2000 c\n"
			 "02:00:00:00:00:06 10.99.0.1", big);
		write_text(path, text);
	}
	lease_db_init(&db, FIRST, LAST);
	CHECK_EQ_INT(checkpoint_load(path, &db, &st), 0);
	CHECK_EQ_UINT(st.loaded, 3);
	/* The bad expiry, the overlong line, the cut last line. */
	CHECK_EQ_UINT(st.bad, 3);
	/* Outside the pool, and a MAC seen twice. */
	CHECK_EQ_UINT(st.rejected, 2);
	CHECK(lease_db_slot(&db, IP4(10, 99, 0, 14))->state == LEASE_BOUND);
	lease_db_free(&db);
	/* A file of binary garbage loads nothing and does not fail. */
	write_text(path, "\x01\x02\x03\n\n\x7f garbage\n");
	lease_db_init(&db, FIRST, LAST);
	CHECK_EQ_INT(checkpoint_load(path, &db, &st), 0);
	CHECK_EQ_UINT(st.loaded, 0);
	CHECK_EQ_UINT(st.bad, 2);
	lease_db_free(&db);
	/* A path in a missing directory fails to save, and leaves no temp. */
	lease_db_init(&db, FIRST, LAST);
	snprintf(path, sizeof(path), "%s/missing/leases", dir);
	CHECK_EQ_INT(checkpoint_save(path, &db), -1);
	lease_db_free(&db);
}

static void test_hosts(void)
{
	struct lease_db db;
	char path[96], buf[512];
	char name[LEASE_NAME_MAX + 1];

	CHECK_EQ_UINT(hostname_sanitize("My-PC.local", name, sizeof(name)), 5);
	CHECK_STR(name, "my-pc");
	CHECK_EQ_UINT(hostname_sanitize("a b", name, sizeof(name)), 0);
	CHECK_EQ_UINT(hostname_sanitize("x\ny", name, sizeof(name)), 0);
	CHECK_EQ_UINT(hostname_sanitize("-lead", name, sizeof(name)), 0);
	CHECK_EQ_UINT(hostname_sanitize("", name, sizeof(name)), 0);
	memset(buf, 'a', 100);
	buf[100] = 0;
	CHECK_EQ_UINT(hostname_sanitize(buf, name, sizeof(name)), 0);
	CHECK_EQ_UINT(hosts_line(FIRST, "pc", "lan", buf, sizeof(buf)), 21);
	CHECK_STR(buf, "10.99.0.10 pc.lan pc\n");
	CHECK_EQ_UINT(hosts_line(FIRST, "pc", "", buf, 5), 0);
	{
		/* A 63-character name in a 253-character domain would be a
		 * name DNS cannot carry: published short only. */
		char longname[64], domain[254], line[512];

		memset(longname, 'n', 63);
		longname[63] = 0;
		memset(domain, 'd', 253);
		for (int i = 63; i < 253; i += 64)
			domain[i] = '.';
		domain[253] = 0;
		CHECK_EQ_UINT(hosts_line(FIRST, longname, domain, line,
					 sizeof(line)), 11 + 63 + 1);
		CHECK_EQ_UINT(hosts_line(FIRST, "pc", domain + 64, line,
					 sizeof(line)), 11 + 3 + 189 + 1 + 2 + 1);
	}

	snprintf(path, sizeof(path), "%s/hosts", dir);
	lease_db_init(&db, FIRST, LAST);
	lease_db_add_static(&db, (const uint8_t *)"\2\0\0\0\0\x99",
			    IP4(10, 99, 0, 5), "printer");
	lease_db_bind(&db, (const uint8_t *)"\2\0\0\0\0\1", FIRST, "pc", 1000,
		      60);
	lease_db_bind(&db, (const uint8_t *)"\2\0\0\0\0\2", FIRST + 1, "old",
		      10, 60);
	lease_db_bind(&db, (const uint8_t *)"\2\0\0\0\0\3", FIRST + 2, "", 1000,
		      60);
	CHECK_EQ_INT(hosts_write(path, &db, "", 1030), 0);
	read_text(path, buf, sizeof(buf));
	CHECK_STR(buf, "# written by dhcpd\n10.99.0.5 printer\n10.99.0.10 pc\n");
	/* pc's lease runs out at 1060: the file must be rewritten then. */
	CHECK_EQ_INT(hosts_next_expiry(&db, 1030), 1060);
	CHECK_EQ_INT(hosts_next_expiry(&db, 1060), 0);
	lease_db_free(&db);
}

int main(void)
{
	char tmpl[] = "/tmp/dhcpd-test-XXXXXX";
	char cmd[128];

	if (!mkdtemp(tmpl)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(dir, sizeof(dir), "%s", tmpl);
	test_parse_line();
	test_round_trip();
	test_corrupt_and_truncated();
	test_hosts();
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return check_done();
}
