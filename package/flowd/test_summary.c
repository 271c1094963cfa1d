/*
 * test_summary.c - the summary text: counters, top flows in order, and a
 * buffer too small for it.
 */
#include "check.h"
#include "engine.h"
#include "summary.h"
#include "test_frames.h"

static void no_send(void *arg, const uint8_t *buf, size_t len)
{
	(void)arg;
	(void)buf;
	(void)len;
}

int main(void)
{
	static struct engine e;
	static char text[4096];
	struct engine_settings st = {
		.version = 9, .max_flows = 64, .idle_s = 15, .active_s = 300,
		.linger_s = 5, .tmpl_every_pkts = 20, .tmpl_every_s = 60,
	};
	struct capture_counts cc = { .received = 99, .dropped = 3 };
	uint8_t f[256];
	unsigned i, j;
	size_t n;
	char *a, *b;

	CHECK_EQ_INT(engine_init(&e, &st, 1, 1700000000000ull, no_send,
				 NULL), 0);
	/* 12 flows, flow i with i packets of 100 + i bytes of payload. */
	for (i = 1; i <= 12; i++)
		for (j = 0; j < i; j++) {
			n = frame_v4(f, (uint8_t)i, 99, 1000 + i, 80, 0x10, 100);
			engine_packet(&e, 0, 1700000000000ull + j, f, n, 1);
		}
	n = summary_format(text, sizeof(text), &e, &cc, 1700000005000ull);
	CHECK_EQ_UINT(n, strlen(text));
	CHECK(strstr(text, "time 1700000005\n") != NULL);
	CHECK(strstr(text, "active-flows 12\n") != NULL);
	CHECK(strstr(text, "packets 78\n") != NULL);
	CHECK(strstr(text, "capture-dropped 3\n") != NULL);
	CHECK(strstr(text, "top-flows 10\n") != NULL);
	/* Biggest first; the two smallest left out. */
	a = strstr(text, "flow tcp 10.0.0.12:1012 > 10.0.0.99:80 bytes 1680 "
		   "packets 12 seconds 0\n");
	b = strstr(text, "flow tcp 10.0.0.11:1011 > ");
	CHECK(a != NULL && b != NULL && a < b);
	CHECK(strstr(text, "10.0.0.2:1002") == NULL);
	CHECK(strstr(text, "10.0.0.3:1003") != NULL);

	/* Cut, but still a string. */
	n = summary_format(text, 40, &e, &cc, 0);
	CHECK(n < 40);
	CHECK_EQ_UINT(strlen(text), n);
	CHECK_EQ_UINT(summary_format(text, 0, &e, &cc, 0), 0);
	engine_free(&e);
	return check_done();
}
