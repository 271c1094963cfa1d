/* request_build: logread's flags become logd's request words. */
#include <string.h>

#include "check.h"
#include "request.h"

static int build(struct logread_opts *o, const char *a1, const char *a2,
		 const char *a3, const char *a4)
{
	char *argv[6] = { "logread", (char *)a1, (char *)a2, (char *)a3,
			  (char *)a4, NULL };
	int argc = 1;
	char err[100];

	while (argc < 5 && argv[argc])
		argc++;
	return request_build(o, argc, argv, err, sizeof(err));
}

int main(void)
{
	struct logread_opts o;

	CHECK_EQ_INT(build(&o, NULL, NULL, NULL, NULL), 0);
	CHECK_STR(o.line, "dump\n");
	CHECK_STR(o.socket_path, "/run/logd/read.sock");
	CHECK_EQ_INT(build(&o, "-f", "-n", "10", NULL), 0);
	CHECK_STR(o.line, "follow n=10\n");
	CHECK_EQ_INT(build(&o, "-p", "dropbear", "-l", "warning"), 0);
	CHECK_STR(o.line, "dump prog=dropbear level=warning\n");
	CHECK_EQ_INT(build(&o, "-s", "-S", "/tmp/x.sock", NULL), 0);
	CHECK_STR(o.line, "stats\n");
	CHECK_STR(o.socket_path, "/tmp/x.sock");
	/* Nothing that could add a word or a line to the request. */
	CHECK_EQ_INT(build(&o, "-p", "a b", NULL, NULL), -1);
	CHECK_EQ_INT(build(&o, "-p", "a\nstats", NULL, NULL), -1);
	CHECK_EQ_INT(build(&o, "-n", "x", NULL, NULL), -1);
	CHECK_EQ_INT(build(&o, "-q", NULL, NULL, NULL), -1);
	CHECK_EQ_INT(build(&o, "extra", NULL, NULL, NULL), -1);
	return check_done();
}
