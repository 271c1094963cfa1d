/*
 * evloop.c - epoll + signalfd + timers.
 *
 * Timers live in a singly linked list sorted by deadline: a daemon has a
 * handful of them, and a list keeps them allocation-free and obvious.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/evloop.h"

int evloop_init(struct evloop *loop)
{
	memset(loop, 0, sizeof(*loop));
	loop->signal_fd = -1;
	sigemptyset(&loop->signals);
	loop->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	return loop->epoll_fd < 0 ? -1 : 0;
}

void evloop_close(struct evloop *loop)
{
	if (loop->signal_fd >= 0) {
		struct signalfd_siginfo info;

		/* Consume what is pending, or unblocking would deliver it
		 * with its default action (often: terminate). */
		while (read(loop->signal_fd, &info, sizeof(info)) ==
		       (ssize_t)sizeof(info))
			;
		close(loop->signal_fd);
		loop->signal_fd = -1;
		sigprocmask(SIG_UNBLOCK, &loop->signals, NULL);
		sigemptyset(&loop->signals);
	}
	if (loop->epoll_fd >= 0) {
		close(loop->epoll_fd);
		loop->epoll_fd = -1;
	}
	loop->timers = NULL;
}

int evloop_fd_add(struct evloop *loop, struct evloop_fd *watch,
		  uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.ptr = watch };

	return epoll_ctl(loop->epoll_fd, EPOLL_CTL_ADD, watch->fd, &ev);
}

int evloop_fd_modify(struct evloop *loop, struct evloop_fd *watch,
		     uint32_t events)
{
	struct epoll_event ev = { .events = events, .data.ptr = watch };

	return epoll_ctl(loop->epoll_fd, EPOLL_CTL_MOD, watch->fd, &ev);
}

int evloop_fd_remove(struct evloop *loop, struct evloop_fd *watch)
{
	int ret = epoll_ctl(loop->epoll_fd, EPOLL_CTL_DEL, watch->fd, NULL);
	int saved_errno = errno;

	/* The watcher may be freed once we return: forget queued events. */
	for (int i = loop->batch_pos + 1; i < loop->batch_len; i++) {
		if (loop->batch[i].data.ptr == watch)
			loop->batch[i].data.ptr = NULL;
	}
	errno = saved_errno;
	return ret;
}

static void timer_unlink(struct evloop *loop, struct evloop_timer *timer)
{
	for (struct evloop_timer **link = &loop->timers; *link;
	     link = &(*link)->next) {
		if (*link == timer) {
			*link = timer->next;
			break;
		}
	}
	timer->next = NULL;
	timer->pending = false;
}

void evloop_timer_set(struct evloop *loop, struct evloop_timer *timer,
		      uint64_t delay_ms)
{
	uint64_t now = clock_mono_ms();
	struct evloop_timer **link = &loop->timers;

	if (timer->pending)
		timer_unlink(loop, timer);
	timer->deadline_ms = delay_ms > UINT64_MAX - now ? UINT64_MAX :
			     now + delay_ms;
	timer->armed_seq = ++loop->timer_seq;
	timer->pending = true;

	/* After timers with the same deadline: equal deadlines fire in the
	 * order they were armed. */
	while (*link && (*link)->deadline_ms <= timer->deadline_ms)
		link = &(*link)->next;
	timer->next = *link;
	*link = timer;
}

void evloop_timer_cancel(struct evloop *loop, struct evloop_timer *timer)
{
	if (timer->pending)
		timer_unlink(loop, timer);
}

int64_t evloop_timer_remaining(const struct evloop_timer *timer)
{
	uint64_t now;

	if (!timer->pending)
		return -1;
	now = clock_mono_ms();
	if (timer->deadline_ms <= now)
		return 0;
	if (timer->deadline_ms - now > INT64_MAX)
		return INT64_MAX;
	return (int64_t)(timer->deadline_ms - now);
}

static void signals_ready(struct evloop *loop, struct evloop_fd *watch,
			  uint32_t events)
{
	struct signalfd_siginfo info;

	(void)events;
	while (read(watch->fd, &info, sizeof(info)) == (ssize_t)sizeof(info)) {
		uint32_t signo = info.ssi_signo;

		if (signo < EVLOOP_NSIG && loop->on_signal[signo].cb)
			loop->on_signal[signo].cb(loop, &info,
						  loop->on_signal[signo].arg);
	}
}

int evloop_signal(struct evloop *loop, int signo, evloop_signal_cb cb,
		  void *arg)
{
	sigset_t one, wanted;
	bool was_blocked;
	int fd;

	if (signo <= 0 || signo >= EVLOOP_NSIG || signo == SIGKILL ||
	    signo == SIGSTOP || !cb) {
		errno = EINVAL;
		return -1;
	}
	sigemptyset(&one);
	sigaddset(&one, signo);
	wanted = loop->signals;
	sigaddset(&wanted, signo);
	was_blocked = sigismember(&loop->signals, signo);

	/* Block before the signalfd sees it, so no instance slips through
	 * to the default action in between. */
	if (sigprocmask(SIG_BLOCK, &one, NULL) < 0)
		return -1;
	fd = signalfd(loop->signal_fd, &wanted, SFD_NONBLOCK | SFD_CLOEXEC);
	if (fd < 0)
		goto fail;
	if (loop->signal_fd < 0) {
		loop->signal_fd = fd;
		loop->signal_watch.fd = fd;
		loop->signal_watch.cb = signals_ready;
		loop->signal_watch.arg = NULL;
		if (evloop_fd_add(loop, &loop->signal_watch, EPOLLIN) < 0) {
			int saved_errno = errno;

			close(fd);
			loop->signal_fd = -1;
			errno = saved_errno;
			goto fail;
		}
	}
	loop->signals = wanted;
	loop->on_signal[signo].cb = cb;
	loop->on_signal[signo].arg = arg;
	return 0;
fail:
	if (!was_blocked) {
		int saved_errno = errno;

		sigprocmask(SIG_UNBLOCK, &one, NULL);
		errno = saved_errno;
	}
	return -1;
}

/*
 * Runs the timers due now. A timer armed by a callback during this pass
 * waits for the next round even if already due, so a callback re-arming
 * with delay 0 cannot keep the loop from polling its descriptors.
 */
static void timers_run(struct evloop *loop)
{
	uint64_t now = clock_mono_ms();
	uint64_t last_seq = loop->timer_seq;

	while (loop->timers && loop->timers->deadline_ms <= now &&
	       loop->timers->armed_seq <= last_seq) {
		struct evloop_timer *timer = loop->timers;

		loop->timers = timer->next;
		timer->next = NULL;
		timer->pending = false;
		timer->cb(loop, timer);
	}
}

static int next_timeout(const struct evloop *loop, int max_wait_ms)
{
	uint64_t now, wait;

	if (!loop->timers)
		return max_wait_ms;
	now = clock_mono_ms();
	wait = loop->timers->deadline_ms > now ?
	       loop->timers->deadline_ms - now : 0;
	if (wait > INT_MAX)
		wait = INT_MAX;
	if (max_wait_ms >= 0 && (uint64_t)max_wait_ms < wait)
		return max_wait_ms;
	return (int)wait;
}

int evloop_run_once(struct evloop *loop, int max_wait_ms)
{
	struct epoll_event events[EVLOOP_BATCH];
	int n;

	n = epoll_wait(loop->epoll_fd, events, EVLOOP_BATCH,
		       next_timeout(loop, max_wait_ms));
	if (n < 0) {
		if (errno != EINTR)
			return -1;
		n = 0;
	}

	loop->batch = events;
	loop->batch_len = n;
	for (loop->batch_pos = 0; loop->batch_pos < n; loop->batch_pos++) {
		struct evloop_fd *watch = events[loop->batch_pos].data.ptr;

		if (watch)
			watch->cb(loop, watch, events[loop->batch_pos].events);
	}
	loop->batch = NULL;
	loop->batch_len = 0;
	loop->batch_pos = 0;

	timers_run(loop);
	return 0;
}

int evloop_run(struct evloop *loop)
{
	loop->stop = false;
	while (!loop->stop) {
		if (evloop_run_once(loop, -1) < 0)
			return -1;
	}
	return 0;
}

void evloop_stop(struct evloop *loop)
{
	loop->stop = true;
}
