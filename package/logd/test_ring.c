/* ring: records come back as stored, oldest are overwritten and counted,
 * cursors see what they missed, and memory never grows past the ring. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "ring.h"

static uint64_t mem[4096];	/* 32 KiB */

static struct log_msg msg(const char *prog, const char *text, int sev)
{
	struct log_msg m = { 0 };

	m.time_us = 1000;
	m.severity = (uint8_t)sev;
	m.facility = 3;
	m.pid = 7;
	m.prog.p = prog;
	m.prog.n = strlen(prog);
	m.text.p = text;
	m.text.n = strlen(text);
	return m;
}

static void test_basic(void)
{
	struct ring r;
	struct ring_cursor c;
	struct ring_rec rec;
	struct log_msg m = msg("a", "one", 6);

	ring_init(&r, mem, sizeof(mem));
	ring_oldest(&r, &c);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 0);
	CHECK_EQ_UINT(ring_put(&r, &m), 0);
	m = msg("bb", "two", 3);
	m.host.p = "h";
	m.host.n = 1;
	CHECK_EQ_UINT(ring_put(&r, &m), 1);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 1);
	CHECK_EQ_UINT(rec.seq, 0);
	CHECK_MEM(rec.text.p, rec.text.n, "one", 3);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 1);
	CHECK_MEM(rec.prog.p, rec.prog.n, "bb", 2);
	CHECK_MEM(rec.host.p, rec.host.n, "h", 1);
	CHECK_EQ_UINT(rec.severity, 3);
	CHECK_EQ_INT(rec.pid, 7);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 0);
	ring_last(&r, &c, 1);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 1);
	CHECK_EQ_UINT(rec.seq, 1);
	ring_last(&r, &c, 10);
	CHECK_EQ_UINT(c.seq, 0);
}

static void test_wrap(void)
{
	struct ring r;
	struct ring_cursor slow, c;
	struct ring_rec rec;
	char text[200];
	uint64_t lost = 0, expect;

	ring_init(&r, mem, sizeof(mem));
	ring_oldest(&r, &slow);
	/* Many laps with varying sizes: every read record is whole and in
	 * order, the count of live plus overwritten is the total. */
	for (unsigned i = 0; i < 20000; i++) {
		struct log_msg m;

		snprintf(text, sizeof(text), "message %u %.*s", i,
			 (int)(i % 150), "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			 "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
			 "xxxxxxxxxxxx");
		m = msg("p", text, 6);
		ring_put(&r, &m);
		CHECK_EQ_UINT(r.count + r.overwritten, i + 1);
		CHECK(r.tail <= r.cap && r.head <= r.cap);
	}
	ring_oldest(&r, &c);
	expect = r.first_seq;
	while (ring_next(&r, &c, &rec, NULL)) {
		char want[32];
		int n = snprintf(want, sizeof(want), "message %llu ",
				 (unsigned long long)expect);

		CHECK_EQ_UINT(rec.seq, expect);
		CHECK(rec.text.n >= (size_t)n &&
		      !memcmp(rec.text.p, want, (size_t)n));
		expect++;
	}
	CHECK_EQ_UINT(expect, 20000);
	/* The slow cursor learns how many it missed, then reads on. */
	CHECK_EQ_INT(ring_next(&r, &slow, &rec, &lost), 1);
	CHECK_EQ_UINT(lost, r.first_seq);
	CHECK_EQ_UINT(rec.seq, r.first_seq);
}

static void test_long_text(void)
{
	static char big[5000];
	struct ring r;
	struct ring_cursor c;
	struct ring_rec rec;
	struct log_msg m;

	memset(big, 'y', sizeof(big) - 1);
	ring_init(&r, mem, 1024);
	m = msg("p", big, 6);
	ring_put(&r, &m);
	ring_put(&r, &m);
	ring_oldest(&r, &c);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 1);
	CHECK(rec.text.n > 0 && rec.text.n < 256);
	ring_init(&r, mem, sizeof(mem));
	ring_put(&r, &m);
	ring_oldest(&r, &c);
	CHECK_EQ_INT(ring_next(&r, &c, &rec, NULL), 1);
	CHECK_EQ_UINT(rec.text.n, LOGMSG_TEXT_MAX);
}

int main(void)
{
	test_basic();
	test_wrap();
	test_long_text();
	return check_done();
}
