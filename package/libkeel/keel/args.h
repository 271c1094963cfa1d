/*
 * keel/args.h - command lines of single-letter options ("-x" or "-x VALUE"),
 * walked without getopt's global state so option parsers stay pure
 * functions that unit tests can call again and again.
 */
#ifndef KEEL_ARGS_H
#define KEEL_ARGS_H

#include <stddef.h>

struct args {
	int argc;
	char *const *argv;
	int next;		/* index of the next argument */
	const char *flags;	/* letters that take no value */
	const char *valued;	/* letters that take one */
};

void args_init(struct args *a, int argc, char *const argv[],
	       const char *flags, const char *valued);

/* The next option's letter, with its value in *value (NULL for a flag);
 * 0 when the arguments are used up; -1 with the reason in err for a
 * positional argument, an unknown letter or a missing value. */
int args_next(struct args *a, const char **value, char *err, size_t errlen);

/* Formats a reason into err and returns -1: parsers' error returns. */
int args_fail(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#endif /* KEEL_ARGS_H */
