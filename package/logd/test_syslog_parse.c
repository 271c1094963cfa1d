/* syslog_parse / kmsg_parse / rfc3339_parse: the forms real senders use
 * (musl and glibc syslog(3), logger --rfc5424, network 3164 with a host,
 * the kernel's /dev/kmsg), and broken input that must not be misread. */
#include <string.h>

#include "check.h"
#include "syslog_parse.h"

static int span_is(struct span s, const char *want)
{
	return s.n == strlen(want) && !memcmp(s.p, want, s.n);
}

static int parse(const char *s, struct log_msg *m)
{
	return syslog_parse(s, strlen(s), m);
}

static void test_3164(void)
{
	struct log_msg m;

	/* musl syslog(3): "<PRI>Mmm dd hh:mm:ss tag[pid]: text". */
	CHECK_EQ_INT(parse("<30>Nov 23 13:50:01 dnsd[42]: cache full\n", &m),
		     0);
	CHECK_EQ_UINT(m.facility, 3);
	CHECK_EQ_UINT(m.severity, 6);
	CHECK(span_is(m.prog, "dnsd"));
	CHECK_EQ_INT(m.pid, 42);
	CHECK(span_is(m.text, "cache full"));
	CHECK_EQ_UINT(m.host.n, 0);
	CHECK_EQ_UINT(m.time_us, 0);

	/* Day with a leading space, no pid. */
	CHECK_EQ_INT(parse("<13>Nov  3 01:02:03 prog: x", &m), 0);
	CHECK(span_is(m.prog, "prog"));
	CHECK_EQ_INT(m.pid, -1);
	CHECK(span_is(m.text, "x"));

	/* From the network, with a host. */
	CHECK_EQ_INT(parse("<34>Oct 11 22:14:15 mymachine su: 'su root' "
			   "failed", &m), 0);
	CHECK(span_is(m.host, "mymachine"));
	CHECK(span_is(m.prog, "su"));
	CHECK(span_is(m.text, "'su root' failed"));
	CHECK_EQ_UINT(m.facility, 4);
	CHECK_EQ_UINT(m.severity, 2);

	/* No PRI: user.notice. No tag: all text. */
	CHECK_EQ_INT(parse("just some words here", &m), 0);
	CHECK_EQ_UINT(m.facility, 1);
	CHECK_EQ_UINT(m.severity, 5);
	CHECK_EQ_UINT(m.prog.n, 0);
	CHECK(span_is(m.text, "just some words here"));

	/* A PRI out of range is text. */
	CHECK_EQ_INT(parse("<999>x: y", &m), 0);
	CHECK(span_is(m.text, "y"));
	CHECK(span_is(m.prog, "<999>x"));

	/* Bad pid brackets: no tag. */
	CHECK_EQ_INT(parse("<13>prog[12a]: t", &m), 0);
	CHECK_EQ_UINT(m.prog.n, 0);

	/* Empty after trimming: nothing to log. */
	CHECK_EQ_INT(parse("<13>\n\n", &m), -1);
	CHECK_EQ_INT(syslog_parse("", 0, &m), -1);
	/* Embedded NUL (some senders add one) trimmed at the end. */
	CHECK_EQ_INT(syslog_parse("<13>a: b\0", 9, &m), 0);
	CHECK(span_is(m.text, "b"));
}

static void test_5424(void)
{
	struct log_msg m;

	CHECK_EQ_INT(parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example"
			   ".com evntslog 1234 ID47 [exampleSDID@32473 iut=\"3"
			   "\" eventSource=\"Appl]ication\"] An application "
			   "event", &m), 0);
	CHECK_EQ_UINT(m.facility, 20);
	CHECK_EQ_UINT(m.severity, 5);
	CHECK(span_is(m.host, "mymachine.example.com"));
	CHECK(span_is(m.prog, "evntslog"));
	CHECK_EQ_INT(m.pid, 1234);
	CHECK(span_is(m.text, "An application event"));
	CHECK_EQ_UINT(m.time_us, 1065910455003000ull);

	/* NILVALUEs, BOM. */
	CHECK_EQ_INT(parse("<14>1 - - - - - - \xef\xbb\xbfhi", &m), 0);
	CHECK_EQ_UINT(m.host.n, 0);
	CHECK_EQ_UINT(m.prog.n, 0);
	CHECK_EQ_INT(m.pid, -1);
	CHECK(span_is(m.text, "hi"));
	CHECK_EQ_UINT(m.time_us, 0);

	/* Non-numeric PROCID is kept out of pid. */
	CHECK_EQ_INT(parse("<14>1 2026-11-23T13:50:01+01:00 h app abc - - t",
			   &m), 0);
	CHECK_EQ_INT(m.pid, -1);
	CHECK_EQ_UINT(m.time_us, 1795441801000000ull - 3600000000ull);

	/* Truncated header: read as 3164 text instead. */
	CHECK_EQ_INT(parse("<14>1 2026-11-23T13:50:01Z host", &m), 0);
	CHECK(!span_is(m.host, "host"));
	CHECK_EQ_UINT(m.time_us, 0);
	/* Unclosed structured data. */
	CHECK_EQ_INT(parse("<14>1 - h a - - [x y=\"]", &m), 0);
}

static void test_rfc3339(void)
{
	uint64_t us;

	CHECK_EQ_INT(rfc3339_parse("1970-01-01T00:00:00Z", 20, &us), 0);
	CHECK_EQ_UINT(us, 0);
	CHECK_EQ_INT(rfc3339_parse("2000-02-29T12:00:00.5Z", 22, &us), 0);
	CHECK_EQ_UINT(us, 951825600500000ull);
	CHECK_EQ_INT(rfc3339_parse("2000-13-01T00:00:00Z", 20, &us), -1);
	CHECK_EQ_INT(rfc3339_parse("2000-01-01T00:00:00", 19, &us), -1);
	CHECK_EQ_INT(rfc3339_parse("2000-01-01T00:00:00+0100", 24, &us), -1);
	CHECK_EQ_INT(rfc3339_parse("2000-01-01T00:00:00.Z", 21, &us), -1);
}

static void test_kmsg(void)
{
	struct log_msg m;
	uint64_t seq = 0;
	const char *rec = "6,1234,5000000,-;eth0: link up\n SUBSYSTEM=net\n"
			  " DEVICE=n2\n";

	CHECK_EQ_INT(kmsg_parse(rec, strlen(rec), 1000000000000ull, &m, &seq),
		     0);
	CHECK_EQ_UINT(seq, 1234);
	CHECK_EQ_UINT(m.time_us, 1000005000000ull);
	CHECK_EQ_UINT(m.facility, 0);
	CHECK_EQ_UINT(m.severity, 6);
	CHECK(span_is(m.prog, "kernel"));
	CHECK(span_is(m.text, "eth0: link up"));

	/* A userspace writer's facility (user.err = 11), extra fields. */
	rec = "11,7,1,c,caller=T1;init: hello";
	CHECK_EQ_INT(kmsg_parse(rec, strlen(rec), 0, &m, &seq), 0);
	CHECK_EQ_UINT(m.facility, 1);
	CHECK_EQ_UINT(m.severity, 3);
	CHECK(span_is(m.prog, "init"));
	CHECK(span_is(m.text, "hello"));
	rec = "14,8,1,-;dnsd[77]: listening";
	CHECK_EQ_INT(kmsg_parse(rec, strlen(rec), 0, &m, &seq), 0);
	CHECK(span_is(m.prog, "dnsd"));
	CHECK_EQ_INT(m.pid, 77);
	CHECK(span_is(m.text, "listening"));
	/* The kernel's own lines keep "kernel" even when they look tagged. */
	rec = "6,9,1,-;eth0: link up";
	CHECK_EQ_INT(kmsg_parse(rec, strlen(rec), 0, &m, &seq), 0);
	CHECK(span_is(m.prog, "kernel"));
	CHECK(span_is(m.text, "eth0: link up"));

	CHECK_EQ_INT(kmsg_parse("6,1,2", 5, 0, &m, &seq), -1);
	CHECK_EQ_INT(kmsg_parse("x,1,2,-;t", 9, 0, &m, &seq), -1);
	CHECK_EQ_INT(kmsg_parse("6,1,2,-", 7, 0, &m, &seq), -1);
	CHECK_EQ_INT(kmsg_parse("", 0, 0, &m, &seq), -1);
}

int main(void)
{
	test_3164();
	test_5424();
	test_rfc3339();
	test_kmsg();
	return check_done();
}
