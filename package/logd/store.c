/*
 * store.c - every message, from any input or from logd itself, goes into
 * the ring here; readers and the forwarder are woken once per loop round.
 */
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "keel/clock.h"

#include "logd.h"

uint64_t logd_wall_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return timespec_to_us(&ts);
}

static void on_notify(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	readers_notify(t->arg);
	forward_notify(t->arg);
}

void logd_store(struct logd *ld, const struct log_msg *m, bool may_ban)
{
	ring_put(&ld->ring, m);
	if (may_ban)
		banfw_check(ld, m);
	/* Readers and the forwarder catch up once per loop round, not per
	 * message: under a flood that is one write per batch. */
	if (!ld->notify_timer.pending)
		evloop_timer_set(&ld->loop, &ld->notify_timer, 0);
}

void logd_self(struct logd *ld, int facility, int severity, const char *fmt,
	       ...)
{
	char text[256];
	struct log_msg m = { 0 };
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	m.time_us = logd_wall_us();
	m.facility = (uint8_t)facility;
	m.severity = (uint8_t)severity;
	m.pid = (int32_t)getpid();
	m.prog.p = "logd";
	m.prog.n = 4;
	m.text.p = text;
	m.text.n = (size_t)n < sizeof(text) ? (size_t)n : sizeof(text) - 1;
	logd_store(ld, &m, false);
}

void logd_store_init(struct logd *ld)
{
	ld->notify_timer.cb = on_notify;
	ld->notify_timer.arg = ld;
}
