/*
 * test_hostname.c - what /etc/hostname contents become the hostname.
 */
#include <string.h>

#include "check.h"
#include "hostname.h"

static char out[HOSTNAME_MAX + 1];
static size_t bad;

/* Parses a C string (length from strlen) into out. */
static enum hostname_error parse(const char *text)
{
	strcpy(out, "untouched");
	bad = 999;
	return hostname_parse(text, strlen(text), out, &bad);
}

static void test_accepted(void)
{
	CHECK_EQ_INT(parse("router"), HOSTNAME_OK);
	CHECK_STR(out, "router");
	CHECK_EQ_INT(parse("keel-01\n"), HOSTNAME_OK);
	CHECK_STR(out, "keel-01");
	CHECK_EQ_INT(parse("Edge7\r\n"), HOSTNAME_OK);
	CHECK_STR(out, "Edge7");
	CHECK_EQ_INT(parse("  \tgw  \t\r\n"), HOSTNAME_OK);
	CHECK_STR(out, "gw");
	CHECK_EQ_INT(parse("a"), HOSTNAME_OK);
	CHECK_STR(out, "a");
	/* Only the first line counts. */
	CHECK_EQ_INT(parse("first\nsecond bad!\n"), HOSTNAME_OK);
	CHECK_STR(out, "first");
}

static void test_empty(void)
{
	CHECK_EQ_INT(parse(""), HOSTNAME_EMPTY);
	CHECK_EQ_INT(parse("\n"), HOSTNAME_EMPTY);
	CHECK_EQ_INT(parse("   \r\n"), HOSTNAME_EMPTY);
	CHECK_EQ_INT(parse("\nkeel\n"), HOSTNAME_EMPTY);
	CHECK_STR(out, "untouched");
}

static void test_length(void)
{
	char name[80];

	memset(name, 'a', 63);
	name[63] = '\0';
	CHECK_EQ_INT(parse(name), HOSTNAME_OK);
	CHECK_EQ_UINT(strlen(out), 63);
	name[63] = 'a';
	name[64] = '\n';
	name[65] = '\0';
	CHECK_EQ_INT(parse(name), HOSTNAME_TOO_LONG);
	CHECK_STR(out, "untouched");
}

static void test_bad_characters(void)
{
	CHECK_EQ_INT(parse("my router"), HOSTNAME_BAD_CHAR);
	CHECK_EQ_UINT(bad, 2);
	CHECK_EQ_INT(parse("keel.lan"), HOSTNAME_BAD_CHAR);
	CHECK_EQ_UINT(bad, 4);
	CHECK_EQ_INT(parse("under_score"), HOSTNAME_BAD_CHAR);
	CHECK_EQ_INT(parse("caf\xc3\xa9"), HOSTNAME_BAD_CHAR);
	CHECK_EQ_INT(parse("\rkeel"), HOSTNAME_BAD_CHAR);
	CHECK_EQ_INT(parse("-keel"), HOSTNAME_BAD_HYPHEN);
	CHECK_EQ_UINT(bad, 0);
	CHECK_EQ_INT(parse("keel-\n"), HOSTNAME_BAD_HYPHEN);
	CHECK_EQ_UINT(bad, 4);
	CHECK_STR(out, "untouched");
}

static void test_length_bounded_buffer(void)
{
	/* Not NUL-terminated, and a NUL inside is just a bad byte. */
	const char raw[] = { 'g', 'w', 'X', 'Y' };
	const char nul[] = { 'g', '\0', 'w' };

	CHECK_EQ_INT(hostname_parse(raw, 2, out, NULL), HOSTNAME_OK);
	CHECK_STR(out, "gw");
	CHECK_EQ_INT(hostname_parse(nul, sizeof(nul), out, &bad),
		     HOSTNAME_BAD_CHAR);
	CHECK_EQ_UINT(bad, 1);
}

static void test_messages_name_the_problem(void)
{
	CHECK(strstr(hostname_strerror(HOSTNAME_TOO_LONG), "63") != NULL);
	CHECK(strstr(hostname_strerror(HOSTNAME_EMPTY), "empty") != NULL);
}

int main(void)
{
	test_accepted();
	test_empty();
	test_length();
	test_bad_characters();
	test_length_bounded_buffer();
	test_messages_name_the_problem();
	return check_done();
}
