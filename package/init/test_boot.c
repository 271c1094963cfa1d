/*
 * test_boot.c - step reports stay one bounded line.
 */
#include <string.h>

#include "boot.h"
#include "check.h"

static void test_items_are_space_separated(void)
{
	struct step_report r = { .len = 0 };

	r.text[0] = '\0';
	report_add(&r, "%s", "/dev(already)");
	report_add(&r, "%s", "/proc");
	CHECK_STR(r.text, "/dev(already) /proc");
	CHECK_EQ_UINT(r.len, strlen(r.text));
}

static void test_overflow_is_marked(void)
{
	struct step_report r = { .len = 0 };

	r.text[0] = '\0';
	for (int i = 0; i < 100; i++)
		report_add(&r, "/mount/point/%d", i);
	CHECK_EQ_UINT(r.len, sizeof(r.text) - 1);
	CHECK_EQ_UINT(strlen(r.text), r.len);
	CHECK(strcmp(r.text + r.len - 3, "...") == 0);
	CHECK(strncmp(r.text, "/mount/point/0 /mount/point/1 ", 30) == 0);
}

static void test_steps_are_named(void)
{
	CHECK(boot_steps_count >= 3);
	for (size_t i = 0; i < boot_steps_count; i++)
		CHECK(boot_steps[i].name && boot_steps[i].name[0] &&
		      boot_steps[i].run);
	/* The shell starts last, once everything it may use is there. */
	CHECK_STR(boot_steps[boot_steps_count - 1].name, "console");
	CHECK_STR(boot_steps[0].name, "mounts");
}

int main(void)
{
	test_items_are_space_separated();
	test_overflow_is_marked();
	test_steps_are_named();
	return check_done();
}
