/*
 * test_engine.c - frames in, datagrams out: the path flowd runs for every
 * packet, with the clock taken from the packets as in -r mode.
 */
#include "check.h"
#include "engine.h"
#include "test_frames.h"

#define T0 1700000000000ull

struct sent {
	unsigned datagrams;
	size_t bytes;
	uint8_t last[EXPORT_MTU];
	size_t last_len;
};

static void capture_send(void *arg, const uint8_t *buf, size_t len)
{
	struct sent *s = arg;

	s->datagrams++;
	s->bytes += len;
	memcpy(s->last, buf, len);
	s->last_len = len;
}

static struct engine_settings settings(int version)
{
	struct engine_settings st = {
		.version = version, .max_flows = 64, .idle_s = 15,
		.active_s = 300, .linger_s = 5, .tmpl_every_pkts = 20,
		.tmpl_every_s = 60, .source_id = 0,
	};
	return st;
}

static void test_tcp_session_v9(void)
{
	static struct engine e;
	struct engine_settings st = settings(9);
	struct sent s = { 0 };
	uint8_t f[256];
	size_t n;

	CHECK_EQ_INT(engine_init(&e, &st, 1, T0, capture_send, &s), 0);
	e.ifindex[1] = 7;
	n = frame_v4(f, 1, 2, 40000, 80, 0x02, 0);
	engine_packet(&e, 1, T0 + 10, f, n, 1);
	n = frame_v4(f, 2, 1, 80, 40000, 0x12, 0);
	engine_packet(&e, 1, T0 + 20, f, n, 1);
	n = frame_v4(f, 1, 2, 40000, 80, 0x11, 100);
	engine_packet(&e, 1, T0 + 30, f, n, 1);
	CHECK_EQ_UINT(e.st.packets, 3);
	CHECK_EQ_UINT(e.st.bytes, 40 + 40 + 140);
	CHECK_EQ_UINT(e.ft.count, 2);
	/* Not IP, and malformed. */
	n = frame_eth(f, 0x0806, 0);
	engine_packet(&e, 1, T0 + 40, f, n + 28, 1);
	frame_v4(f, 1, 2, 40000, 80, 0x10, 0);
	engine_packet(&e, 1, T0 + 40, f, 20, 1);	/* cut in the IP header */
	CHECK_EQ_UINT(e.st.not_ip, 1);
	CHECK_EQ_UINT(e.st.bad, 1);

	/* 5 s after the FIN the client's flow goes; the server's idles on. */
	engine_tick(&e, T0 + 5030);
	CHECK_EQ_UINT(e.st.exported, 1);
	CHECK_EQ_UINT(s.datagrams, 1);
	CHECK_EQ_UINT(s.last[0] << 8 | s.last[1], 9);
	engine_tick(&e, T0 + 15020);
	CHECK_EQ_UINT(e.st.exported, 2);
	CHECK_EQ_UINT(s.datagrams, 2);
	CHECK_EQ_UINT(e.ft.count, 0);
	/* Nothing pending: a tick sends nothing. */
	engine_tick(&e, T0 + 16000);
	CHECK_EQ_UINT(s.datagrams, 2);
	engine_free(&e);
}

static void test_v5_skips_ipv6(void)
{
	static struct engine e;
	struct engine_settings st = settings(5);
	struct sent s = { 0 };
	uint8_t f[256];
	size_t n = frame_eth(f, 0x86dd, 0);

	n += frame_ip6(f + n, 1, 2, 17, 8);
	n += frame_l4(f + n, 1, 2, -1);
	CHECK_EQ_INT(engine_init(&e, &st, 1, T0, capture_send, &s), 0);
	engine_packet(&e, 0, T0, f, n, 1);
	engine_packet(&e, 0, T0, f, n, 1);
	CHECK_EQ_UINT(e.st.v6_skipped, 2);
	CHECK_EQ_UINT(e.ft.count, 0);
	n = frame_v4(f, 1, 2, 5, 6, -1, 10);
	engine_packet(&e, 0, T0, f, n, 1);
	engine_flush(&e);
	CHECK_EQ_UINT(s.datagrams, 1);
	CHECK_EQ_UINT(s.last_len, 24 + 48);
	engine_free(&e);
}

/* Offline, time comes from packets: expiry happens as the file's clock
 * passes, and many flows fill datagram after datagram. */
static void test_packet_clock_and_many_flows(void)
{
	static struct engine e;
	struct engine_settings st = settings(10);
	struct sent s = { 0 };
	uint8_t f[256];
	unsigned i;

	st.max_flows = 1024;
	CHECK_EQ_INT(engine_init(&e, &st, 9, T0, capture_send, &s), 0);
	for (i = 0; i < 1000; i++) {
		size_t n = frame_v4(f, (uint8_t)i, 200, 1000 + i, 53, -1, 20);

		engine_packet(&e, 0, T0 + i, f, n, 1);
	}
	CHECK_EQ_UINT(e.ft.count, 1000);
	/* One packet 20 s later: the clock moves, all idle flows go. */
	{
		size_t n = frame_v4(f, 1, 2, 1, 2, -1, 0);

		engine_packet(&e, 0, T0 + 20000, f, n, 1);
	}
	CHECK_EQ_UINT(e.st.exported, 1000);
	CHECK_EQ_UINT(e.ft.count, 1);
	CHECK(s.datagrams >= 1000 / (EXPORT_MTU / 54));
	engine_flush(&e);
	CHECK_EQ_UINT(e.st.exported, 1001);
	CHECK_EQ_UINT(e.st.datagrams, s.datagrams);
	engine_free(&e);
}

/* The wall clock stepping back a day must not freeze expiry. */
static void test_clock_step_back(void)
{
	static struct engine e;
	struct engine_settings st = settings(9);
	struct sent s = { 0 };
	uint8_t f[256];
	size_t n = frame_v4(f, 1, 2, 3, 4, -1, 0);

	CHECK_EQ_INT(engine_init(&e, &st, 1, T0, capture_send, &s), 0);
	engine_packet(&e, 0, T0 + 1000, f, n, 1);
	engine_tick(&e, T0 - 86400000);
	CHECK_EQ_UINT(e.st.exported, 1);
	CHECK_EQ_UINT(e.now_ms, T0 - 86400000);
	engine_packet(&e, 0, T0 - 86400000 + 10, f, n, 1);
	engine_tick(&e, T0 - 86400000 + 16000);
	CHECK_EQ_UINT(e.st.exported, 2);
	engine_free(&e);
}

int main(void)
{
	struct engine_settings bad = settings(7);
	static struct engine e;

	CHECK_EQ_INT(engine_init(&e, &bad, 0, 0, capture_send, NULL), -1);
	test_tcp_session_v9();
	test_v5_skips_ipv6();
	test_packet_clock_and_many_flows();
	test_clock_step_back();
	return check_done();
}
