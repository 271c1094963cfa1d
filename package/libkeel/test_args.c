/*
 * test_args.c - single-letter options: flags, values, and each refusal.
 */
#include <string.h>

#include "check.h"
#include "keel/args.h"

int main(void)
{
	char *const ok[] = { "prog", "-n", "-i", "eth0", "-v", "-t", "-5", NULL };
	char *const positional[] = { "prog", "-n", "eth0", NULL };
	char *const unknown[] = { "prog", "-x", NULL };
	char *const missing[] = { "prog", "-i", NULL };
	char *const long_opt[] = { "prog", "--help", NULL };
	char *const dash[] = { "prog", "-", NULL };
	struct args a;
	const char *v;
	char err[80];

	args_init(&a, 7, ok, "nv", "it");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 'n');
	CHECK(v == NULL);
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 'i');
	CHECK(v && strcmp(v, "eth0") == 0);
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 'v');
	/* A value may itself start with a dash. */
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 't');
	CHECK(v && strcmp(v, "-5") == 0);
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 0);
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 0);

	args_init(&a, 3, positional, "n", "i");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), 'n');
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), -1);
	CHECK(strcmp(err, "unexpected argument 'eth0'") == 0);

	args_init(&a, 2, unknown, "n", "i");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), -1);
	CHECK(strcmp(err, "unknown option -x (-h for help)") == 0);

	args_init(&a, 2, missing, "n", "i");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), -1);
	CHECK(strcmp(err, "-i needs a value") == 0);

	args_init(&a, 2, long_opt, "nh", "i");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), -1);
	CHECK(strcmp(err, "unexpected argument '--help'") == 0);

	args_init(&a, 2, dash, "n", "i");
	CHECK_EQ_INT(args_next(&a, &v, err, sizeof(err)), -1);

	/* args_fail formats and returns -1; a short buffer truncates. */
	CHECK_EQ_INT(args_fail(err, 8, "%s %d", "abcdef", 42), -1);
	CHECK(strcmp(err, "abcdef ") == 0);
	return check_done();
}
