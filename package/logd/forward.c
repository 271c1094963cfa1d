/*
 * forward.c - every record, as RFC 5424, to one remote collector.
 *
 * The ring is the backlog: the forwarder is one more cursor into it, so
 * while the collector is away nothing extra is held, and what the ring
 * overwrites before it was sent is counted in `lost`. UDP sends and
 * forgets. TCP uses RFC 6587 octet counting; a record's cursor moves only
 * once its whole frame is written, so after a reconnect (non-blocking,
 * backoff 1 s doubling to 60 s) the frame that was cut is sent again.
 */
#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "logd.h"

#define BACKOFF_MIN_MS	1000
#define BACKOFF_MAX_MS	60000

static void fwd_connect(struct forward *f);

static void fwd_down(struct forward *f, const char *why, int err)
{
	evloop_fd_remove(&f->d->loop, &f->watch);
	close(f->watch.fd);
	f->watch.fd = -1;
	f->frame_off = 0;	/* resend the whole frame next time */
	f->errors++;
	if (f->state == FWD_UP)
		logd_self(f->d, 3, 4, "forward to %s: %s: %s",
			  f->d->cfg->remote.text, why, strerror(err));
	f->state = FWD_WAIT;
	evloop_timer_set(&f->d->loop, &f->retry, f->backoff_ms);
	f->backoff_ms = f->backoff_ms * 2 > BACKOFF_MAX_MS ? BACKOFF_MAX_MS
							   : f->backoff_ms * 2;
}

static void want_out(struct forward *f, bool on)
{
	if (f->want_out == on)
		return;
	f->want_out = on;
	evloop_fd_modify(&f->d->loop, &f->watch,
			 (f->tcp ? EPOLLIN | EPOLLRDHUP : 0) |
				 (on ? EPOLLOUT : 0));
}

static void pump(struct forward *f)
{
	struct ring_rec rec;

	if (f->state != FWD_UP)
		return;
	for (;;) {
		if (!f->frame_len) {
			if (!ring_next(&f->d->ring, &f->cur, &rec, &f->lost))
				break;
			f->frame_len = format_5424(&rec, f->d->hostname, f->tcp,
						   f->frame, sizeof(f->frame));
			f->frame_off = 0;
			if (!f->frame_len)
				continue;
		}
		ssize_t n = send(f->watch.fd, f->frame + f->frame_off,
				 f->frame_len - f->frame_off,
				 MSG_NOSIGNAL | MSG_DONTWAIT);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && (errno == EAGAIN || errno == ENOBUFS)) {
			want_out(f, true);
			return;
		}
		if (n < 0 && !f->tcp && errno == ECONNREFUSED) {
			/* An ICMP error for an earlier datagram (the
			 * collector is not listening), reported instead
			 * of sending this one: count it, send this again. */
			f->errors++;
			continue;
		}
		if (n < 0 && !f->tcp) {
			f->errors++;
			f->frame_len = 0;
			continue;
		}
		if (n < 0) {
			fwd_down(f, "send", errno);
			return;
		}
		f->frame_off += (size_t)n;
		if (f->frame_off == f->frame_len) {
			f->frame_len = 0;
			f->sent++;
		}
	}
	want_out(f, false);
}

static void on_sock(struct evloop *loop, struct evloop_fd *w, uint32_t ev)
{
	struct forward *f = w->arg;

	(void)loop;
	if (!f->tcp && (ev & EPOLLERR)) {
		/* ICMP unreachable for an earlier datagram: read it off,
		 * or epoll reports it forever. */
		int err = 0;
		socklen_t len = sizeof(err);

		getsockopt(w->fd, SOL_SOCKET, SO_ERROR, &err, &len);
		f->errors++;
	}
	if (f->state == FWD_CONNECTING) {
		int err = 0;
		socklen_t len = sizeof(err);

		getsockopt(w->fd, SOL_SOCKET, SO_ERROR, &err, &len);
		if (err || (ev & (EPOLLERR | EPOLLHUP))) {
			fwd_down(f, "connect", err ? err : ECONNREFUSED);
			return;
		}
		f->state = FWD_UP;
		f->connects++;
		f->backoff_ms = BACKOFF_MIN_MS;
		f->want_out = true;	/* so want_out(false) rearms */
		logd_self(f->d, 3, 6, "forwarding to %s over tcp",
			  f->d->cfg->remote.text);
		pump(f);
		return;
	}
	if (f->tcp && (ev & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR))) {
		/* A collector never talks back: data or EOF means it is
		 * going away. */
		char junk[256];
		ssize_t n = recv(w->fd, junk, sizeof(junk), MSG_DONTWAIT);

		if (n == 0 || (n < 0 && errno != EAGAIN) ||
		    (ev & (EPOLLHUP | EPOLLERR))) {
			fwd_down(f, "closed", n == 0 ? ECONNRESET : errno);
			return;
		}
	}
	if (ev & EPOLLOUT)
		pump(f);
}

static void fwd_connect(struct forward *f)
{
	const struct endpoint *a = &f->d->cfg->remote;
	int fd = socket(a->sa.ss_family,
			(f->tcp ? SOCK_STREAM : SOCK_DGRAM) | SOCK_NONBLOCK |
				SOCK_CLOEXEC, 0);

	if (fd < 0) {
		f->state = FWD_WAIT;
		evloop_timer_set(&f->d->loop, &f->retry, f->backoff_ms);
		return;
	}
	f->watch.fd = fd;
	if (connect(fd, (const struct sockaddr *)&a->sa, a->len) < 0 &&
	    errno != EINPROGRESS) {
		f->state = FWD_CONNECTING;
		evloop_fd_add(&f->d->loop, &f->watch, EPOLLOUT);
		fwd_down(f, "connect", errno);
		return;
	}
	if (f->tcp) {
		f->state = FWD_CONNECTING;
		f->want_out = true;
		evloop_fd_add(&f->d->loop, &f->watch, EPOLLOUT | EPOLLIN);
		return;
	}
	f->state = FWD_UP;
	f->want_out = false;
	evloop_fd_add(&f->d->loop, &f->watch, 0);
	pump(f);
}

static void on_retry(struct evloop *loop, struct evloop_timer *t)
{
	(void)loop;
	fwd_connect(t->arg);
}

void forward_notify(struct logd *d)
{
	if (d->fwd.state == FWD_UP && !d->fwd.want_out)
		pump(&d->fwd);
}

int forward_init(struct logd *d, char *err, size_t errlen)
{
	struct forward *f = &d->fwd;

	(void)err;
	(void)errlen;
	memset(f, 0, sizeof(*f));
	f->d = d;
	f->watch.fd = -1;
	if (!d->cfg->remote_set)
		return 0;
	f->tcp = d->cfg->remote_tcp;
	f->watch.cb = on_sock;
	f->watch.arg = f;
	f->retry.cb = on_retry;
	f->retry.arg = f;
	f->backoff_ms = BACKOFF_MIN_MS;
	/* Everything already in the ring (boot messages) goes out too. */
	ring_oldest(&d->ring, &f->cur);
	fwd_connect(f);
	return 0;
}
