/*
 * request.c - logread's flags to logd's request words.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "request.h"

static const char usage[] =
	"usage: logread [-f] [-n N] [-p PROG] [-l LEVEL] [-s] [-S SOCKET]\n"
	"  -f        follow: print new lines as they come\n"
	"  -n N      start with the last N lines\n"
	"  -p PROG   only lines of this program\n"
	"  -l LEVEL  only this severity or worse (emerg..debug, 0..7)\n"
	"  -s        logd's counters instead of the log\n"
	"  -S PATH   logd's reader socket (default /run/logd/read.sock)\n";

static int word_ok(const char *s, size_t max)
{
	size_t n = strlen(s);

	if (!n || n > max)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] <= ' ' || s[i] == 0x7f)
			return 0;
	return 1;
}

int request_build(struct logread_opts *o, int argc, char **argv, char *err,
		  size_t errlen)
{
	const char *last = NULL, *prog = NULL, *level = NULL;
	int follow = 0, stats = 0, opt, n;

	o->socket_path = "/run/logd/read.sock";
	optind = 1;
	opterr = 0;
	while ((opt = getopt(argc, argv, ":fn:p:l:sS:h")) != -1) {
		switch (opt) {
		case 'f': follow = 1; break;
		case 's': stats = 1; break;
		case 'n':
			if (strspn(optarg, "0123456789") != strlen(optarg) ||
			    !word_ok(optarg, 9)) {
				snprintf(err, errlen, "-n %s: not a count",
					 optarg);
				return -1;
			}
			last = optarg;
			break;
		case 'p':
			if (!word_ok(optarg, 32)) {
				snprintf(err, errlen, "-p %s: not a program "
					 "name", optarg);
				return -1;
			}
			prog = optarg;
			break;
		case 'l':
			if (!word_ok(optarg, 15)) {
				snprintf(err, errlen, "-l %s: not a level",
					 optarg);
				return -1;
			}
			level = optarg;
			break;
		case 'S': o->socket_path = optarg; break;
		case 'h': fputs(usage, stdout); return 1;
		case ':':
			snprintf(err, errlen, "-%c needs a value", optopt);
			return -1;
		default:
			snprintf(err, errlen, "unknown option -%c", optopt);
			return -1;
		}
	}
	if (optind < argc) {
		snprintf(err, errlen, "unexpected argument %s", argv[optind]);
		return -1;
	}
	n = snprintf(o->line, sizeof(o->line), "%s%s%s%s%s%s%s\n",
		     stats ? "stats" : follow ? "follow" : "dump",
		     last ? " n=" : "", last ? last : "",
		     prog ? " prog=" : "", prog ? prog : "",
		     level ? " level=" : "", level ? level : "");
	if (n < 0 || (size_t)n >= sizeof(o->line)) {
		snprintf(err, errlen, "request too long");
		return -1;
	}
	return 0;
}
