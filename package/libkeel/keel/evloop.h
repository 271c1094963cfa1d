/*
 * keel/evloop.h - the one event loop of a Keel daemon: epoll for file
 * descriptors, signalfd for signals, a deadline-sorted list for timers.
 *
 * Nothing is allocated: watchers and timers are structs the caller owns
 * (usually embedded in its own state), linked in while active. Callbacks
 * run from evloop_run() only, never from signal context.
 */
#ifndef KEEL_EVLOOP_H
#define KEEL_EVLOOP_H

#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <sys/epoll.h>
#include <sys/signalfd.h>

/* Linux numbers signals 1..64. */
#define EVLOOP_NSIG 65

/* File descriptors handed to epoll_wait() per round. */
#define EVLOOP_BATCH 16

struct evloop;

struct evloop_fd;
typedef void (*evloop_fd_cb)(struct evloop *loop, struct evloop_fd *watch,
			     uint32_t events);
struct evloop_fd {
	int fd;
	evloop_fd_cb cb;
	void *arg;
};

struct evloop_timer;
typedef void (*evloop_timer_cb)(struct evloop *loop,
				struct evloop_timer *timer);
struct evloop_timer {
	evloop_timer_cb cb;
	void *arg;
	/* Owned by the loop. */
	struct evloop_timer *next;
	uint64_t deadline_ms;	/* CLOCK_MONOTONIC */
	uint64_t armed_seq;
	bool pending;
};

typedef void (*evloop_signal_cb)(struct evloop *loop,
				 const struct signalfd_siginfo *info,
				 void *arg);

struct evloop {
	int epoll_fd;
	int signal_fd;
	sigset_t signals;	/* routed through signal_fd, blocked */
	struct evloop_fd signal_watch;
	struct {
		evloop_signal_cb cb;
		void *arg;
	} on_signal[EVLOOP_NSIG];
	struct evloop_timer *timers;	/* sorted by deadline, then arming */
	uint64_t timer_seq;
	/* The batch being dispatched, so a callback can remove a watcher
	 * whose event is still queued behind it. */
	struct epoll_event *batch;
	int batch_len;
	int batch_pos;
	bool stop;
};

/* Returns 0, or -1 with errno set. */
int evloop_init(struct evloop *loop);
/* Closes the loop's descriptors and unblocks the signals it took over. */
void evloop_close(struct evloop *loop);

/* events: EPOLLIN, EPOLLOUT... Returns 0, or -1 with errno set. */
int evloop_fd_add(struct evloop *loop, struct evloop_fd *watch,
		  uint32_t events);
int evloop_fd_modify(struct evloop *loop, struct evloop_fd *watch,
		     uint32_t events);
/* Safe from any callback, including for a watcher with a queued event. */
int evloop_fd_remove(struct evloop *loop, struct evloop_fd *watch);

/* (Re)arms timer to fire once, delay_ms from now. */
void evloop_timer_set(struct evloop *loop, struct evloop_timer *timer,
		      uint64_t delay_ms);
void evloop_timer_cancel(struct evloop *loop, struct evloop_timer *timer);
/* Milliseconds until timer fires (0 if due), or -1 if not pending. */
int64_t evloop_timer_remaining(const struct evloop_timer *timer);

/*
 * Blocks signo for the whole process and delivers it to cb through the
 * loop. Child processes inherit the blocked mask: whoever forks must reset
 * it (children_spawn() does). Returns 0, or -1 with errno set.
 */
int evloop_signal(struct evloop *loop, int signo, evloop_signal_cb cb,
		  void *arg);

/*
 * One round: waits up to max_wait_ms (-1: until something happens; never
 * past the next timer) and runs the callbacks that are due. Returns 0, or
 * -1 with errno set if epoll failed.
 */
int evloop_run_once(struct evloop *loop, int max_wait_ms);
/* Rounds until evloop_stop(). Returns 0 when stopped, -1 on epoll failure. */
int evloop_run(struct evloop *loop);
void evloop_stop(struct evloop *loop);

#endif /* KEEL_EVLOOP_H */
