/*
 * test_evloop.c - timers, descriptors and signals through the event loop,
 * with real pipes and signals on the host.
 */
#include <errno.h>
#include <signal.h>
#include <unistd.h>

#include "check.h"
#include "keel/clock.h"
#include "keel/evloop.h"

/* Runs rounds until *done or ~2 s pass, so a broken loop fails, not hangs. */
static void run_until(struct evloop *loop, const int *done)
{
	uint64_t give_up = clock_mono_ms() + 2000;

	while (!*done && clock_mono_ms() < give_up)
		evloop_run_once(loop, 50);
}

struct fired {
	int order[8];
	int count;
};

static void record_timer(struct evloop *loop, struct evloop_timer *timer)
{
	struct fired *fired = timer->arg;

	(void)loop;
	if (fired->count < 8)
		fired->order[fired->count] = (int)timer->deadline_ms;
	fired->count++;
}

static void test_timers_fire_in_deadline_order(void)
{
	struct evloop loop;
	struct fired fired = { .count = 0 };
	struct evloop_timer t30 = { .cb = record_timer, .arg = &fired };
	struct evloop_timer t10 = { .cb = record_timer, .arg = &fired };
	struct evloop_timer t20 = { .cb = record_timer, .arg = &fired };
	uint64_t start;
	int all = 0;

	CHECK_EQ_INT(evloop_init(&loop), 0);
	start = clock_mono_ms();
	evloop_timer_set(&loop, &t30, 30);
	evloop_timer_set(&loop, &t10, 10);
	evloop_timer_set(&loop, &t20, 20);
	CHECK_RANGE(evloop_timer_remaining(&t20), 0, 20);

	while (!all && clock_mono_ms() < start + 2000) {
		evloop_run_once(&loop, -1);
		all = fired.count == 3;
	}
	CHECK_EQ_INT(fired.count, 3);
	CHECK(fired.order[0] < fired.order[1] &&
	      fired.order[1] < fired.order[2]);
	/* Never early: the last one is due 30 ms after arming. */
	CHECK(clock_mono_ms() - start >= 30);
	CHECK_EQ_INT(evloop_timer_remaining(&t30), -1);
	evloop_close(&loop);
}

static void test_cancel_and_rearm(void)
{
	struct evloop loop;
	struct fired fired = { .count = 0 };
	struct evloop_timer timer = { .cb = record_timer, .arg = &fired };
	uint64_t start;

	evloop_init(&loop);
	evloop_timer_set(&loop, &timer, 5);
	evloop_timer_cancel(&loop, &timer);
	CHECK_EQ_INT(evloop_timer_remaining(&timer), -1);
	evloop_run_once(&loop, 30);
	CHECK_EQ_INT(fired.count, 0);

	/* Re-arming a pending timer moves it instead of adding it twice. */
	start = clock_mono_ms();
	evloop_timer_set(&loop, &timer, 1000);
	evloop_timer_set(&loop, &timer, 10);
	while (fired.count == 0 && clock_mono_ms() < start + 2000)
		evloop_run_once(&loop, -1);
	CHECK_EQ_INT(fired.count, 1);
	CHECK(clock_mono_ms() - start < 1000);
	evloop_run_once(&loop, 20);
	CHECK_EQ_INT(fired.count, 1);
	evloop_close(&loop);
}

static void rearm_now(struct evloop *loop, struct evloop_timer *timer)
{
	int *count = timer->arg;

	if (++*count < 3)
		evloop_timer_set(loop, timer, 0);
}

static void test_zero_delay_rearm_yields_each_round(void)
{
	struct evloop loop;
	int count = 0;
	struct evloop_timer timer = { .cb = rearm_now, .arg = &count };

	evloop_init(&loop);
	evloop_timer_set(&loop, &timer, 0);
	evloop_run_once(&loop, 0);
	CHECK_EQ_INT(count, 1);
	evloop_run_once(&loop, 0);
	evloop_run_once(&loop, 0);
	CHECK_EQ_INT(count, 3);
	evloop_run_once(&loop, 0);
	CHECK_EQ_INT(count, 3);
	evloop_close(&loop);
}

struct pipe_watch {
	struct evloop_fd watch;
	struct pipe_watch *other;
	int reads;
	int write_fd;
};

static void read_one(struct evloop *loop, struct evloop_fd *watch,
		     uint32_t events)
{
	struct pipe_watch *pw = watch->arg;
	char byte;

	if ((events & EPOLLIN) && read(watch->fd, &byte, 1) == 1)
		pw->reads++;
	/* The first one to run removes the other, whose event is queued in
	 * the same batch: it must not run. */
	if (pw->other) {
		evloop_fd_remove(loop, &pw->other->watch);
		pw->other->other = NULL;
		pw->other = NULL;
	}
}

static void test_fd_events_and_removal_mid_batch(void)
{
	struct evloop loop;
	struct pipe_watch a = { .reads = 0 }, b = { .reads = 0 };
	int pa[2], pb[2];

	evloop_init(&loop);
	if (pipe(pa) < 0 || pipe(pb) < 0) {
		CHECK(!"pipe");
		return;
	}
	a.watch = (struct evloop_fd){ .fd = pa[0], .cb = read_one, .arg = &a };
	b.watch = (struct evloop_fd){ .fd = pb[0], .cb = read_one, .arg = &b };
	a.other = &b;
	b.other = &a;
	CHECK_EQ_INT(evloop_fd_add(&loop, &a.watch, EPOLLIN), 0);
	CHECK_EQ_INT(evloop_fd_add(&loop, &b.watch, EPOLLIN), 0);

	CHECK_EQ_INT(write(pa[1], "x", 1), 1);
	CHECK_EQ_INT(write(pb[1], "y", 1), 1);
	evloop_run_once(&loop, 100);
	CHECK_EQ_INT(a.reads + b.reads, 1);

	/* The survivor keeps working; the removed one stays silent. */
	CHECK_EQ_INT(write(pa[1], "x", 1), 1);
	CHECK_EQ_INT(write(pb[1], "y", 1), 1);
	evloop_run_once(&loop, 100);
	evloop_run_once(&loop, 0);
	CHECK_EQ_INT(a.reads + b.reads, 2);
	CHECK(a.reads == 2 || b.reads == 2);

	for (int i = 0; i < 2; i++) {
		close(pa[i]);
		close(pb[i]);
	}
	evloop_close(&loop);
}

struct signal_seen {
	int signo;
	pid_t sender;
	int count;
};

static void note_signal(struct evloop *loop,
			const struct signalfd_siginfo *info, void *arg)
{
	struct signal_seen *seen = arg;

	(void)loop;
	seen->signo = (int)info->ssi_signo;
	seen->sender = (pid_t)info->ssi_pid;
	seen->count++;
}

static void test_signals_arrive_as_events(void)
{
	struct evloop loop;
	struct signal_seen seen = { .count = 0 };
	sigset_t now;

	evloop_init(&loop);
	CHECK_EQ_INT(evloop_signal(&loop, SIGUSR1, note_signal, &seen), 0);
	CHECK_EQ_INT(evloop_signal(&loop, SIGUSR2, note_signal, &seen), 0);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(sigismember(&now, SIGUSR1) && sigismember(&now, SIGUSR2));

	raise(SIGUSR2);
	run_until(&loop, &seen.count);
	CHECK_EQ_INT(seen.count, 1);
	CHECK_EQ_INT(seen.signo, SIGUSR2);
	CHECK_EQ_INT(seen.sender, getpid());

	CHECK_EQ_INT(evloop_signal(&loop, SIGKILL, note_signal, &seen), -1);
	CHECK_EQ_INT(errno, EINVAL);
	CHECK_EQ_INT(evloop_signal(&loop, 0, note_signal, &seen), -1);
	CHECK_EQ_INT(evloop_signal(&loop, EVLOOP_NSIG, note_signal, &seen), -1);

	/* A signal still pending at close is dropped, not delivered with
	 * its default action (which would kill this test). */
	raise(SIGUSR1);
	evloop_close(&loop);
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK(!sigismember(&now, SIGUSR1) && !sigismember(&now, SIGUSR2));
}

static void stop_loop(struct evloop *loop, struct evloop_timer *timer)
{
	(void)timer;
	evloop_stop(loop);
}

static void test_run_until_stopped(void)
{
	struct evloop loop;
	struct evloop_timer timer = { .cb = stop_loop };

	evloop_init(&loop);
	evloop_timer_set(&loop, &timer, 5);
	CHECK_EQ_INT(evloop_run(&loop), 0);
	evloop_close(&loop);
}

int main(void)
{
	test_timers_fire_in_deadline_order();
	test_cancel_and_rearm();
	test_zero_delay_rearm_yields_each_round();
	test_fd_events_and_removal_mid_batch();
	test_signals_arrive_as_events();
	test_run_until_stopped();
	return check_done();
}
