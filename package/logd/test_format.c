/* format_line / format_5424 / read_req_parse: what readers and the
 * collector see, and that a sender cannot forge lines or fields. */
#include <string.h>

#include "check.h"
#include "format.h"
#include "read_req.h"

static struct ring_rec rec(const char *prog, int pid, const char *text)
{
	struct ring_rec r = { 0 };

	r.time_us = 1795441801123456ull;	/* 2026-11-23 13:50:01 UTC */
	r.facility = 4;
	r.severity = 5;
	r.pid = pid;
	r.prog.p = prog;
	r.prog.n = strlen(prog);
	r.text.p = text;
	r.text.n = strlen(text);
	return r;
}

int main(void)
{
	char buf[FORMAT_LINE_MAX];
	struct ring_rec r = rec("dropbear", 42, "Bad password");
	struct read_req q;

	CHECK(format_line(&r, "gw", buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "Nov 23 13:50:01 gw dropbear[42]: Bad password\n");
	r = rec("kernel", -1, "a\nb\x1b[2J");
	r.host.p = "other";
	r.host.n = 5;
	CHECK(format_line(&r, "gw", buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "Nov 23 13:50:01 other kernel: a?b?[2J\n");
	r = rec("", -1, "no tag");
	format_line(&r, "gw", buf, sizeof(buf));
	CHECK_STR(buf, "Nov 23 13:50:01 gw no tag\n");
	CHECK_EQ_UINT(format_line(&r, "gw", buf, 10), 0);

	r = rec("dropbear", 42, "Bad password");
	CHECK(format_5424(&r, "gw", 0, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "<37>1 2026-11-23T13:50:01.123456Z gw dropbear 42 - - "
		  "Bad password");
	r = rec("my prog", -1, "x");
	CHECK(format_5424(&r, "gw", 1, buf, sizeof(buf)) > 0);
	CHECK_STR(buf, "52 <37>1 2026-11-23T13:50:01.123456Z gw my_prog - - - "
		  "x");
	CHECK_EQ_UINT(format_5424(&r, "gw", 1, buf, 20), 0);

	CHECK_EQ_INT(severity_from_name("warning"), 4);
	CHECK_EQ_INT(severity_from_name("3"), 3);
	CHECK_EQ_INT(severity_from_name("err"), 3);
	CHECK_EQ_INT(severity_from_name("8"), -1);
	CHECK_EQ_INT(severity_from_name("loud"), -1);

	CHECK_EQ_INT(read_req_parse("dump", 4, &q), 0);
	CHECK(!q.follow && !q.stats && !q.last_set && q.min_sev == 7);
	CHECK_EQ_INT(read_req_parse("follow n=5 prog=dnsd level=err", 30, &q),
		     0);
	CHECK(q.follow && q.last_set && q.last == 5 && q.min_sev == 3);
	CHECK_STR(q.prog, "dnsd");
	CHECK_EQ_INT(read_req_parse("stats", 5, &q), 0);
	CHECK(q.stats);
	CHECK_EQ_INT(read_req_parse("", 0, &q), -1);
	CHECK_EQ_INT(read_req_parse("drop", 4, &q), -1);
	CHECK_EQ_INT(read_req_parse("dump n=x", 8, &q), -1);
	CHECK_EQ_INT(read_req_parse("dump level=loud", 15, &q), -1);
	CHECK_EQ_INT(read_req_parse("dump what=1", 11, &q), -1);
	CHECK_EQ_INT(read_req_parse("dump prog=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
				    "aaaaaa", 48, &q), -1);
	return check_done();
}
