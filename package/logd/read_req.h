/*
 * read_req.h - the one request line a reader (logread) sends on logd's
 * reader socket: words separated by spaces, ended by '\n':
 *   dump | follow | stats    what to do (first word)
 *   n=N                      start N records from the end
 *   prog=NAME                only this program
 *   level=L                  only severity L (name or 0..7) or worse
 * Pure parser, shared by nothing else: logread writes the same words.
 */
#ifndef LOGD_READ_REQ_H
#define LOGD_READ_REQ_H

#include <stdbool.h>
#include <stddef.h>

#include "logmsg.h"

struct read_req {
	bool follow, stats;
	bool last_set;
	size_t last;
	char prog[LOGMSG_PROG_MAX + 1];	/* "" = every program */
	int min_sev;			/* 7 = everything */
};

/* line without its '\n'. Returns 0 or -1. */
int read_req_parse(const char *line, size_t n, struct read_req *out);

#endif /* LOGD_READ_REQ_H */
