/*
 * test_console.c - finding the console device in
 * /sys/class/tty/console/active, and its TERM.
 */
#include <string.h>

#include "check.h"
#include "console.h"

static char name[CONSOLE_NAME_MAX + 1];

static const char *parse(const char *text)
{
	strcpy(name, "untouched");
	return console_parse_active(text, strlen(text), name);
}

static void test_last_name_wins(void)
{
	CHECK(parse("tty0 ttyS0\n") == NULL);
	CHECK_STR(name, "ttyS0");
	CHECK(parse("ttyAMA0\n") == NULL);
	CHECK_STR(name, "ttyAMA0");
	CHECK(parse("hvc0") == NULL);
	CHECK_STR(name, "hvc0");
	CHECK(parse("ttyS1\ttty1  \n") == NULL);
	CHECK_STR(name, "tty1");
	/* Only the first line. */
	CHECK(parse("ttyS0\nttyX9\n") == NULL);
	CHECK_STR(name, "ttyS0");
}

static void test_rejected(void)
{
	char longest[CONSOLE_NAME_MAX + 2];

	CHECK(parse("") != NULL);
	CHECK(parse("\n") != NULL);
	CHECK(parse("   \n") != NULL);
	/* Nothing that could walk out of /dev. */
	CHECK(parse("tty0 ../sda\n") != NULL);
	CHECK(parse("tty0 pts/0\n") != NULL);
	CHECK(parse("\x01\x02garbage\xff\n") != NULL);
	CHECK_STR(name, "untouched");

	memset(longest, 'a', CONSOLE_NAME_MAX);
	longest[CONSOLE_NAME_MAX] = '\0';
	CHECK(parse(longest) == NULL);
	CHECK_EQ_UINT(strlen(name), CONSOLE_NAME_MAX);
	longest[CONSOLE_NAME_MAX] = 'a';
	longest[CONSOLE_NAME_MAX + 1] = '\0';
	CHECK(parse(longest) != NULL);
}

static void test_length_bounded_buffer(void)
{
	const char raw[] = { 't', 't', 'y', 'S', '0', ' ', 'X' };
	const char nul[] = { 't', 't', 'y', '\0', '0' };

	CHECK(console_parse_active(raw, 5, name) == NULL);
	CHECK_STR(name, "ttyS0");
	CHECK(console_parse_active(nul, sizeof(nul), name) != NULL);
}

static void test_term(void)
{
	CHECK_STR(console_term("ttyS0"), "vt100");
	CHECK_STR(console_term("ttyAMA0"), "vt100");
	CHECK_STR(console_term("hvc0"), "vt100");
	CHECK_STR(console_term("tty1"), "linux");
	CHECK_STR(console_term("tty0"), "linux");
	CHECK_STR(console_term("tty"), "vt100");
	CHECK_STR(console_term("console"), "vt100");
}

int main(void)
{
	test_last_name_wins();
	test_rejected();
	test_length_bounded_buffer();
	test_term();
	return check_done();
}
