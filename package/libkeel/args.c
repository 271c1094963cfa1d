/*
 * args.c - single-letter options without getopt (keel/args.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "keel/args.h"

void args_init(struct args *a, int argc, char *const argv[],
	       const char *flags, const char *valued)
{
	a->argc = argc;
	a->argv = argv;
	a->next = 1;
	a->flags = flags;
	a->valued = valued;
}

int args_fail(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
	return -1;
}

int args_next(struct args *a, const char **value, char *err, size_t errlen)
{
	const char *opt;

	*value = NULL;
	if (a->next >= a->argc)
		return 0;
	opt = a->argv[a->next++];
	if (opt[0] != '-' || !opt[1] || opt[2])
		return args_fail(err, errlen, "unexpected argument '%s'", opt);
	if (strchr(a->flags, opt[1]))
		return (unsigned char)opt[1];
	if (!strchr(a->valued, opt[1]))
		return args_fail(err, errlen,
				 "unknown option %s (-h for help)", opt);
	if (a->next >= a->argc)
		return args_fail(err, errlen, "%s needs a value", opt);
	*value = a->argv[a->next++];
	return (unsigned char)opt[1];
}
