/*
 * request.h - logread's command line into the one request line logd's
 * reader socket takes ("dump|follow|stats [n=N] [prog=P] [level=L]\n").
 */
#ifndef LOGREAD_REQUEST_H
#define LOGREAD_REQUEST_H

#include <stddef.h>

struct logread_opts {
	const char *socket_path;
	char line[160];		/* the request, '\n' included */
};

/* Returns 0, 1 for -h (usage printed), or -1 with one line in err. */
int request_build(struct logread_opts *o, int argc, char **argv, char *err,
		  size_t errlen);

#endif /* LOGREAD_REQUEST_H */
