/*
 * test_querylog.c - line format and the budget per period (20/s, 30/m)
 * with its count of suppressed lines; off writes every line.
 */
#include "check.h"
#include "querylog.h"

int main(void)
{
	struct querylog ql;
	uint64_t suppressed;
	char line[256];
	unsigned i, admitted = 0;

	querylog_format(line, sizeof(line), "192.0.2.7", "example.com", "A",
			"NOERROR", QSRC_FORWARDED, "A 192.0.2.1", 0);
	CHECK_STR(line, "query 192.0.2.7 example.com A NOERROR forwarded: "
			"A 192.0.2.1");
	querylog_format(line, sizeof(line), "::1", "ads.example", "AAAA",
			"NXDOMAIN", QSRC_BLOCKED, "", 12);
	CHECK_STR(line, "query ::1 ads.example AAAA NXDOMAIN blocked "
			"(12 lines suppressed)");
	CHECK_EQ_UINT(querylog_format(line, 10, "a", "b", "c", "d",
				      QSRC_LOCAL, "", 0), 9);

	querylog_init(&ql, false, 3, 1);
	CHECK(!querylog_admit(&ql, 0, &suppressed));
	querylog_init(&ql, true, 3, 1);
	for (i = 0; i < 10; i++)
		admitted += querylog_admit(&ql, 5000 + i, &suppressed);
	CHECK_EQ_UINT(admitted, 3);
	CHECK_EQ_UINT(ql.suppressed, 7);
	/* Next second: the first line reports what was dropped. */
	CHECK(querylog_admit(&ql, 6000, &suppressed));
	CHECK_EQ_UINT(suppressed, 7);
	CHECK(querylog_admit(&ql, 6001, &suppressed));
	CHECK_EQ_UINT(suppressed, 0);
	CHECK_EQ_UINT(ql.suppressed_total, 7);

	/* 30/m: thirty lines, then none until the minute is over. */
	querylog_init(&ql, true, 30, 60);
	for (i = 0, admitted = 0; i < 100; i++)
		admitted += querylog_admit(&ql, 10000 + i * 100, &suppressed);
	CHECK_EQ_UINT(admitted, 30);
	CHECK(!querylog_admit(&ql, 10000 + 59999, &suppressed));
	CHECK(querylog_admit(&ql, 10000 + 60000, &suppressed));
	CHECK_EQ_UINT(suppressed, 71);
	/* off: every line. */
	querylog_init(&ql, true, 0, 0);
	for (i = 0, admitted = 0; i < 10000; i++)
		admitted += querylog_admit(&ql, 5000, &suppressed);
	CHECK_EQ_UINT(admitted, 10000);
	return check_done();
}
