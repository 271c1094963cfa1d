/*
 * tcp_client.c - DNS over TCP from clients (RFC 7766): length-prefixed
 * queries, one in flight per connection, a bounded table of connections,
 * an idle timeout.
 */
#define _GNU_SOURCE	/* accept4 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

static void client_cb(struct evloop *loop, struct evloop_fd *watch,
		      uint32_t events);
static void idle_cb(struct evloop *loop, struct evloop_timer *timer);
static void resume_cb(struct evloop *loop, struct evloop_timer *timer);

static void client_close(struct server *srv, struct tcp_client *c)
{
	evloop_fd_remove(&srv->loop, &c->watch);
	evloop_timer_cancel(&srv->loop, &c->idle);
	evloop_timer_cancel(&srv->loop, &c->resume);
	close(c->fd);
	free(c->wbuf);
	c->wbuf = NULL;
	c->fd = -1;
	c->used = false;
	/* Replies still on their way for this connection see a new gen. */
	c->gen++;
}

static void update_interest(struct server *srv, struct tcp_client *c)
{
	uint32_t ev = 0;

	if (c->wbuf)
		ev |= EPOLLOUT;
	else if (!c->waiting)
		ev |= EPOLLIN;
	evloop_fd_modify(&srv->loop, &c->watch, ev);
}

/* Runs the complete queries in rbuf, one at a time. */
static void process(struct server *srv, struct tcp_client *c)
{
	while (!c->waiting && !c->wbuf && c->rlen >= 2 && c->used) {
		size_t qlen = dns_get16(c->rbuf);
		struct client_ctx ctx;

		if (qlen < DNS_HDR_LEN || qlen > TCP_QUERY_MAX) {
			client_close(srv, c);
			return;
		}
		if (c->rlen < 2 + qlen)
			break;
		ctx.addr = (const struct sockaddr *)&c->addr;
		ctx.addr_len = c->addr_len;
		ctx.reply_fd = -1;
		ctx.tcp = c;
		/* handle_query may answer at once (tcp_client_send) or
		 * leave the query with the forwarder (c->waiting). */
		handle_query(srv, &ctx, c->rbuf + 2, qlen);
		if (!c->used)
			return;
		memmove(c->rbuf, c->rbuf + 2 + qlen, c->rlen - 2 - qlen);
		c->rlen -= 2 + qlen;
	}
	if (c->used)
		update_interest(srv, c);
}

void tcp_client_send(struct server *srv, struct tcp_client *c,
		     const uint8_t *msg, size_t len)
{
	ssize_t n;

	if (c->wbuf) {
		/* One query in flight per connection: cannot happen. */
		return;
	}
	c->wbuf = malloc(2 + len);
	if (!c->wbuf) {
		client_close(srv, c);
		return;
	}
	dns_put16(c->wbuf, (uint16_t)len);
	memcpy(c->wbuf + 2, msg, len);
	c->wlen = 2 + len;
	c->wdone = 0;
	n = write(c->fd, c->wbuf, c->wlen);
	if (n < 0 && errno != EAGAIN) {
		client_close(srv, c);
		return;
	}
	if (n > 0)
		c->wdone = (size_t)n;
	if (c->wdone == c->wlen) {
		free(c->wbuf);
		c->wbuf = NULL;
	}
	evloop_timer_set(&srv->loop, &c->idle, TCP_IDLE_MS);
}

void tcp_client_resume(struct server *srv, struct tcp_client *c)
{
	/* Not process() directly: this runs while the forwarder walks a
	 * pending query's waiters, which a new query could join. */
	evloop_timer_set(&srv->loop, &c->resume, 0);
}

void tcp_accept_cb(struct evloop *loop, struct evloop_fd *watch,
		   uint32_t events)
{
	struct server *srv = server_of(loop);
	int i;

	(void)events;
	for (i = 0; i < 16; i++) {
		struct sockaddr_storage addr;
		socklen_t addr_len = sizeof(addr);
		struct tcp_client *c = NULL;
		size_t k;
		int fd = accept4(watch->fd, (struct sockaddr *)&addr, &addr_len,
				 SOCK_NONBLOCK | SOCK_CLOEXEC);

		if (fd < 0)
			return;
		for (k = 0; k < srv->ntcp; k++) {
			if (!srv->tcp[k].used) {
				c = &srv->tcp[k];
				break;
			}
		}
		if (!c) {
			srv->stats.tcp_refused++;
			close(fd);
			continue;
		}
		c->used = true;
		c->fd = fd;
		c->waiting = false;
		c->rlen = 0;
		c->wbuf = NULL;
		c->addr = addr;
		c->addr_len = addr_len;
		c->watch.fd = fd;
		c->watch.cb = client_cb;
		c->watch.arg = c;
		c->idle.cb = idle_cb;
		c->idle.arg = c;
		c->resume.cb = resume_cb;
		c->resume.arg = c;
		if (evloop_fd_add(&srv->loop, &c->watch, EPOLLIN) < 0) {
			close(fd);
			c->used = false;
			continue;
		}
		evloop_timer_set(&srv->loop, &c->idle, TCP_IDLE_MS);
	}
}

static void client_cb(struct evloop *loop, struct evloop_fd *watch,
		      uint32_t events)
{
	struct server *srv = server_of(loop);
	struct tcp_client *c = watch->arg;
	ssize_t n;

	if (c->wbuf && (events & EPOLLOUT)) {
		n = write(c->fd, c->wbuf + c->wdone, c->wlen - c->wdone);
		if (n < 0 && errno != EAGAIN) {
			client_close(srv, c);
			return;
		}
		if (n > 0)
			c->wdone += (size_t)n;
		if (c->wdone == c->wlen) {
			free(c->wbuf);
			c->wbuf = NULL;
			process(srv, c);
		}
		return;
	}
	if (events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
		if (c->rlen == sizeof(c->rbuf)) {
			client_close(srv, c);
			return;
		}
		n = read(c->fd, c->rbuf + c->rlen, sizeof(c->rbuf) - c->rlen);
		if (n == 0 || (n < 0 && errno != EAGAIN)) {
			client_close(srv, c);
			return;
		}
		if (n > 0) {
			c->rlen += (size_t)n;
			evloop_timer_set(&srv->loop, &c->idle, TCP_IDLE_MS);
		}
		process(srv, c);
	}
}

static void idle_cb(struct evloop *loop, struct evloop_timer *timer)
{
	client_close(server_of(loop), timer->arg);
}

static void resume_cb(struct evloop *loop, struct evloop_timer *timer)
{
	struct tcp_client *c = timer->arg;

	if (c->used)
		process(server_of(loop), c);
}
