/*
 * test_blocklist.c - line formats, parent-domain matching, case.
 */
#include <string.h>

#include "blocklist.h"
#include "check.h"

static int parse(const char *line, char *out)
{
	return blocklist_parse_line(line, strlen(line), out);
}

static void test_lines(void)
{
	char out[BLOCKLIST_NAME_MAX + 1];

	CHECK_EQ_INT(parse("ads.example.com", out), 15);
	CHECK_STR(out, "ads.example.com");
	CHECK_EQ_INT(parse("  Ads.Example.COM.  # trailing", out), 15);
	CHECK_STR(out, "ads.example.com");
	CHECK_EQ_INT(parse("0.0.0.0 tracker.example\r", out), 15);
	CHECK_STR(out, "tracker.example");
	CHECK_EQ_INT(parse("127.0.0.1\tx.example alias.example", out), 9);
	CHECK_STR(out, "x.example");
	CHECK_EQ_INT(parse(":: v6.example", out), 10);
	CHECK_EQ_INT(parse("||adblock.example^", out), 15);
	CHECK_STR(out, "adblock.example");
	CHECK_EQ_INT(parse("*.wild.example", out), 12);
	CHECK_STR(out, "wild.example");
	/* Ignored lines. */
	CHECK_EQ_INT(parse("", out), 0);
	CHECK_EQ_INT(parse("   ", out), 0);
	CHECK_EQ_INT(parse("# comment", out), 0);
	CHECK_EQ_INT(parse("! adblock comment", out), 0);
	CHECK_EQ_INT(parse("127.0.0.1 localhost", out), 0);
	CHECK_EQ_INT(parse("0.0.0.0 0.0.0.0", out), 0);
	/* Malformed. */
	CHECK_EQ_INT(parse("192.168.1.1 real.example", out), -1);
	CHECK_EQ_INT(parse("bad..example", out), -1);
	CHECK_EQ_INT(parse(".lead.example", out), -1);
	CHECK_EQ_INT(parse("sp ace", out), -1);
	CHECK_EQ_INT(parse("semi;colon.example", out), -1);
	{
		char line[300];

		memset(line, 'a', sizeof(line));
		line[64] = '\0';	/* one label of 64 */
		CHECK_EQ_INT(parse(line, out), -1);
		line[64] = 'a';
		line[299] = '\0';
		CHECK_EQ_INT(parse(line, out), -1);
	}
}

static void test_match(void)
{
	static const char list[] =
		"# test list\n"
		"ads.example.com\n"
		"0.0.0.0 tracker.net\n"
		"ads.example.com\n"
		"bad line here\n"
		"COM.evil\n"
		"zz.top";
	struct blocklist bl = { 0 };

	CHECK_EQ_INT(blocklist_load_buf(&bl, list, strlen(list)), 0);
	CHECK_EQ_UINT(bl.count, 4);
	CHECK_EQ_UINT(bl.duplicates, 1);
	CHECK_EQ_UINT(bl.bad_lines, 1);
	CHECK(blocklist_match(&bl, "ads.example.com"));
	CHECK(blocklist_match(&bl, "x.ads.example.com"));
	CHECK(blocklist_match(&bl, "a.b.c.tracker.net"));
	CHECK(blocklist_match(&bl, "com.evil"));
	CHECK(blocklist_match(&bl, "zz.top"));
	/* Parents and look-alikes are not blocked. */
	CHECK(!blocklist_match(&bl, "example.com"));
	CHECK(!blocklist_match(&bl, "com"));
	CHECK(!blocklist_match(&bl, "notads.example.com"));
	CHECK(!blocklist_match(&bl, "ads.example.com.au"));
	CHECK(!blocklist_match(&bl, "xtracker.net"));
	CHECK(!blocklist_match(&bl, ""));
	blocklist_free(&bl);
	CHECK(!blocklist_match(&bl, "ads.example.com"));
	/* Empty file. */
	CHECK_EQ_INT(blocklist_load_buf(&bl, "", 0), 0);
	CHECK_EQ_UINT(bl.count, 0);
	blocklist_free(&bl);
}

int main(void)
{
	test_lines();
	test_match();
	return check_done();
}
