/*
 * reader.c - logd's reader socket: logread connects, sends one request
 * line, and gets lines back; a dump ends with the connection closed, a
 * follow stays open and gets each new record. Writes are non-blocking: a
 * slow reader keeps a cursor into the ring, and when the ring laps it the
 * reader is told how many lines it missed. At most READERS_MAX at once.
 */
#define _GNU_SOURCE	/* accept4 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "keel/log.h"

#include "logd.h"
#include "read_req.h"

static void reader_close(struct reader *r)
{
	evloop_fd_remove(&r->d->loop, &r->watch);
	close(r->watch.fd);
	r->active = false;
}

static bool wanted(const struct reader *r, const struct ring_rec *rec)
{
	if (rec->severity > r->min_sev)
		return false;
	if (r->prog[0] && (rec->prog.n != strlen(r->prog) ||
			   memcmp(rec->prog.p, r->prog, rec->prog.n)))
		return false;
	return true;
}

static void stats_text(struct reader *r)
{
	const struct logd *d = r->d;
	int n = snprintf(r->out, sizeof(r->out),
		"received %" PRIu64 "\nstored %" PRIu64 "\n"
		"overwritten %" PRIu64 "\nin-ring %zu\nbad %" PRIu64 "\n"
		"udp-dropped %" PRIu64 "\n"
		"kmsg-missed %" PRIu64 "\nreaders-refused %" PRIu64 "\n"
		"forward-sent %" PRIu64 "\nforward-lost %" PRIu64 "\n"
		"bans %" PRIu64 "\nban-errors %" PRIu64 "\n"
		"ban-untracked %" PRIu64 "\nring-bytes %zu\n",
		d->st.received, d->ring.next_seq, d->ring.overwritten,
		d->ring.count, d->st.bad, d->st.udp_dropped, d->st.kmsg_missed,
		d->st.readers_refused, d->fwd.sent, d->fwd.lost, d->st.bans,
		d->st.ban_errors, d->bans.dropped, d->ring.cap);

	r->out_len = n > 0 ? (size_t)n : 0;
	r->out_off = 0;
}

/* Writes what it can; returns -1 if the reader is gone or done. */
static int pump(struct reader *r)
{
	struct ring_rec rec;

	for (;;) {
		while (r->out_off < r->out_len) {
			ssize_t n = send(r->watch.fd, r->out + r->out_off,
					 r->out_len - r->out_off,
					 MSG_NOSIGNAL | MSG_DONTWAIT);

			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0 && errno == EAGAIN) {
				if (!r->want_out) {
					r->want_out = true;
					evloop_fd_modify(&r->d->loop, &r->watch,
							 EPOLLIN | EPOLLOUT);
				}
				return 0;
			}
			if (n <= 0)
				return -1;
			r->out_off += (size_t)n;
		}
		r->out_len = r->out_off = 0;
		if (r->lost) {
			int n = snprintf(r->out, sizeof(r->out),
					 "logd: %" PRIu64 " lines lost: reader "
					 "too slow\n", r->lost);

			r->out_len = n > 0 ? (size_t)n : 0;
			r->lost = 0;
			continue;
		}
		if (!ring_next(&r->d->ring, &r->cur, &rec, &r->lost))
			break;
		if (wanted(r, &rec))
			r->out_len = format_line(&rec, r->d->hostname, r->out,
						 sizeof(r->out));
	}
	if (r->want_out) {
		r->want_out = false;
		evloop_fd_modify(&r->d->loop, &r->watch, EPOLLIN);
	}
	return r->follow ? 0 : -1;
}

static void start(struct reader *r)
{
	struct read_req q;
	size_t n = r->req_len;

	while (n && (r->req[n - 1] == '\n' || r->req[n - 1] == '\r'))
		n--;
	r->header_done = true;
	if (read_req_parse(r->req, n, &q) < 0) {
		r->out_len = (size_t)snprintf(r->out, sizeof(r->out),
					      "logd: bad request\n");
		r->follow = false;
		ring_end(&r->d->ring, &r->cur);
		return;
	}
	r->follow = q.follow;
	r->min_sev = q.min_sev;
	memcpy(r->prog, q.prog, sizeof(r->prog));
	if (q.stats) {
		stats_text(r);
		ring_end(&r->d->ring, &r->cur);
		return;
	}
	/* follow alone starts at the end; dump and n=N from the ring. */
	if (q.last_set)
		ring_last(&r->d->ring, &r->cur, q.last);
	else if (q.follow)
		ring_end(&r->d->ring, &r->cur);
	else
		ring_oldest(&r->d->ring, &r->cur);
}

static void on_reader(struct evloop *loop, struct evloop_fd *w,
		      uint32_t events)
{
	struct reader *r = w->arg;

	(void)loop;
	if (!r->header_done && (events & EPOLLIN)) {
		ssize_t n = recv(w->fd, r->req + r->req_len,
				 sizeof(r->req) - 1 - r->req_len, MSG_DONTWAIT);

		if (n <= 0) {
			if (n < 0 && errno == EAGAIN)
				return;
			reader_close(r);
			return;
		}
		r->req_len += (size_t)n;
		if (!memchr(r->req, '\n', r->req_len) &&
		    r->req_len < sizeof(r->req) - 1)
			return;
		r->req[r->req_len] = '\0';
		start(r);
	} else if (events & EPOLLIN) {
		/* After the request a reader only closes; drain, watch EOF. */
		char junk[256];
		ssize_t n = recv(w->fd, junk, sizeof(junk), MSG_DONTWAIT);

		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			reader_close(r);
			return;
		}
	}
	if ((events & (EPOLLHUP | EPOLLERR)) && !(events & EPOLLIN)) {
		reader_close(r);
		return;
	}
	if (r->header_done && pump(r) < 0)
		reader_close(r);
}

static void on_accept(struct evloop *loop, struct evloop_fd *w,
		      uint32_t events)
{
	struct logd *d = w->arg;

	(void)events;
	for (;;) {
		int fd = accept4(w->fd, NULL, NULL,
				 SOCK_NONBLOCK | SOCK_CLOEXEC);
		struct reader *r = NULL;

		if (fd < 0)
			return;
		for (size_t i = 0; i < READERS_MAX; i++)
			if (!d->readers[i].active) {
				r = &d->readers[i];
				break;
			}
		if (!r) {
			d->st.readers_refused++;
			close(fd);
			continue;
		}
		memset(r, 0, sizeof(*r));
		r->d = d;
		r->active = true;
		r->watch.fd = fd;
		r->watch.cb = on_reader;
		r->watch.arg = r;
		if (evloop_fd_add(loop, &r->watch, EPOLLIN) < 0) {
			close(fd);
			r->active = false;
		}
	}
}

void readers_notify(struct logd *d)
{
	for (size_t i = 0; i < READERS_MAX; i++) {
		struct reader *r = &d->readers[i];

		if (r->active && r->header_done && r->follow && !r->want_out &&
		    pump(r) < 0)
			reader_close(r);
	}
}

int readers_init(struct logd *d, char *err, size_t errlen)
{
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	const char *path = d->cfg->read_path;
	char dir[sizeof(sun.sun_path)];
	char *slash;
	int fd;

	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s", path);
	/* /run/logd is ours to make: init need not know about it. */
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash && slash != dir) {
		*slash = '\0';
		if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
			snprintf(err, errlen, "mkdir %s: %s", dir,
				 strerror(errno));
			return -1;
		}
	}
	fd = socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0)
		goto fail;
	unlink(path);
	if (bind(fd, (struct sockaddr *)&sun, sizeof(sun)) < 0 ||
	    chmod(path, 0600) < 0 || listen(fd, 16) < 0)
		goto fail;
	d->read_watch.fd = fd;
	d->read_watch.cb = on_accept;
	d->read_watch.arg = d;
	if (evloop_fd_add(&d->loop, &d->read_watch, EPOLLIN) < 0)
		goto fail;
	return 0;
fail:
	snprintf(err, errlen, "reader socket %s: %s", path, strerror(errno));
	return -1;
}
