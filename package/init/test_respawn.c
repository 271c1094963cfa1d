/*
 * test_respawn.c - when a dying console shell is restarted at once, and
 * when it has to wait.
 */
#include "check.h"
#include "respawn.h"

static void test_occasional_exits_respawn_at_once(void)
{
	struct respawn r;

	respawn_reset(&r);
	/* A user typing "exit" now and then: every 30 s for a long time. */
	for (uint64_t t = 1000; t < 1000 + 40 * 30000; t += 30000)
		CHECK_EQ_UINT(respawn_note_exit(&r, t), 0);
}

static void test_crash_loop_backs_off(void)
{
	struct respawn r;
	uint64_t t = 5000;

	respawn_reset(&r);
	/* Five quick exits are tolerated... */
	for (int i = 0; i < RESPAWN_BURST; i++, t += 100)
		CHECK_EQ_UINT(respawn_note_exit(&r, t), 0);
	/* ...the sixth within 10 s waits. */
	CHECK_EQ_UINT(respawn_note_exit(&r, t), RESPAWN_BACKOFF_MS);
	/* Dying again right after the wait still counts as looping. */
	t += RESPAWN_BACKOFF_MS;
	CHECK_EQ_UINT(respawn_note_exit(&r, t), RESPAWN_BACKOFF_MS);
}

static void test_window_edge(void)
{
	struct respawn r;

	respawn_reset(&r);
	for (int i = 0; i < RESPAWN_BURST; i++)
		respawn_note_exit(&r, (uint64_t)i * 10);
	/* Six exits spanning exactly the window are not "within" it. */
	CHECK_EQ_UINT(respawn_note_exit(&r, RESPAWN_WINDOW_MS), 0);

	respawn_reset(&r);
	for (int i = 0; i < RESPAWN_BURST; i++)
		respawn_note_exit(&r, (uint64_t)i * 10);
	CHECK_EQ_UINT(respawn_note_exit(&r, RESPAWN_WINDOW_MS - 1),
		      RESPAWN_BACKOFF_MS);
}

static void test_rate_is_bounded(void)
{
	struct respawn r;
	uint64_t t = 0;
	int starts = 0;

	/* A shell that dies instantly, forever: count restarts in a minute.
	 * Without backoff it would be thousands. */
	respawn_reset(&r);
	while (t < 60000) {
		starts++;
		t += 1 + respawn_note_exit(&r, t);
	}
	CHECK_RANGE(starts, 12, 40);
}

static void test_recovers_after_calm(void)
{
	struct respawn r;
	uint64_t t = 0;

	respawn_reset(&r);
	for (int i = 0; i <= RESPAWN_BURST; i++)
		respawn_note_exit(&r, t++);
	/* A shell that then lives for a minute respawns at once again. */
	CHECK_EQ_UINT(respawn_note_exit(&r, t + 60000), 0);
}

int main(void)
{
	test_occasional_exits_respawn_at_once();
	test_crash_loop_backs_off();
	test_window_edge();
	test_rate_is_bounded();
	test_recovers_after_calm();
	return check_done();
}
