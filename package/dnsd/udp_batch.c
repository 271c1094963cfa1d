/*
 * udp_batch.c - reads queries with recvmmsg and sends the replies of one
 * read with sendmmsg. No allocation per packet: every datagram and reply
 * has its slot in a table made at start.
 */
#define _GNU_SOURCE	/* recvmmsg, sendmmsg */
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "server.h"
#include "udp_batch.h"

struct udp_batch {
	int fd;				/* socket being read; -1: none */
	unsigned nout;			/* replies queued */
	struct mmsghdr rx[UDP_BATCH];
	struct iovec rx_iov[UDP_BATCH];
	struct sockaddr_storage rx_addr[UDP_BATCH];
	struct mmsghdr tx[UDP_BATCH];
	struct iovec tx_iov[UDP_BATCH];
	struct sockaddr_storage tx_addr[UDP_BATCH];
	uint8_t rx_buf[UDP_BATCH][UDP_QUERY_MAX];
	uint8_t tx_buf[UDP_BATCH][UDP_REPLY_SLOT];
};

struct udp_batch *udp_batch_new(void)
{
	struct udp_batch *b = malloc(sizeof(*b));
	unsigned i;

	if (!b)
		return NULL;
	b->fd = -1;
	b->nout = 0;
	for (i = 0; i < UDP_BATCH; i++) {
		b->rx_iov[i].iov_base = b->rx_buf[i];
		b->rx_iov[i].iov_len = sizeof(b->rx_buf[i]);
		memset(&b->rx[i], 0, sizeof(b->rx[i]));
		b->rx[i].msg_hdr.msg_name = &b->rx_addr[i];
		b->rx[i].msg_hdr.msg_iov = &b->rx_iov[i];
		b->rx[i].msg_hdr.msg_iovlen = 1;
		b->tx_iov[i].iov_base = b->tx_buf[i];
		memset(&b->tx[i], 0, sizeof(b->tx[i]));
		b->tx[i].msg_hdr.msg_name = &b->tx_addr[i];
		b->tx[i].msg_hdr.msg_iov = &b->tx_iov[i];
		b->tx[i].msg_hdr.msg_iovlen = 1;
	}
	return b;
}

void udp_batch_free(struct udp_batch *b)
{
	free(b);
}

static void flush(struct server *srv, struct udp_batch *b)
{
	unsigned done = 0;

	while (done < b->nout) {
		/* The system call itself: 64-bit musl's sendmmsg() is a loop
		 * of sendmsg() calls (for the types of cmsg fields; there
		 * are none here, and the padding of every header is zero
		 * from udp_batch_new). */
		int n = (int)syscall(SYS_sendmmsg, b->fd, b->tx + done,
				     b->nout - done, MSG_DONTWAIT);

		/* The call reports only the first failure: count it, skip
		 * that reply and send the rest, as sendto per reply would. */
		if (n <= 0) {
			srv->stats.send_errors++;
			done++;
		} else {
			done += (unsigned)n;
		}
	}
	b->nout = 0;
}

void udp_send(struct server *srv, const struct client_ctx *ctx,
	      const uint8_t *msg, size_t len)
{
	struct udp_batch *b = srv->udp;
	unsigned i;

	if (!b || ctx->reply_fd != b->fd || len > UDP_REPLY_SLOT ||
	    ctx->addr_len > sizeof(b->tx_addr[0])) {
		if (sendto(ctx->reply_fd, msg, len, MSG_DONTWAIT, ctx->addr,
			   ctx->addr_len) < 0)
			srv->stats.send_errors++;
		return;
	}
	if (b->nout == UDP_BATCH)
		flush(srv, b);
	i = b->nout++;
	memcpy(b->tx_buf[i], msg, len);
	b->tx_iov[i].iov_len = len;
	memcpy(&b->tx_addr[i], ctx->addr, ctx->addr_len);
	b->tx[i].msg_hdr.msg_namelen = ctx->addr_len;
}

/* Drains the socket: up to UDP_WAKEUP_MAX datagrams; returns how many. */
static int drain(struct server *srv, struct udp_batch *b, int fd)
{
	int got, i, total = 0;

	do {
		for (i = 0; i < UDP_BATCH; i++) {
			b->rx[i].msg_hdr.msg_namelen = sizeof(b->rx_addr[i]);
			b->rx[i].msg_hdr.msg_flags = 0;
		}
		/* Returns what is there (at least one) without a second,
		 * failing call to learn the socket is empty. */
		got = recvmmsg(fd, b->rx, UDP_BATCH, MSG_DONTWAIT, NULL);
		if (got <= 0)
			break;
		b->fd = fd;
		for (i = 0; i < got; i++) {
			const struct msghdr *h = &b->rx[i].msg_hdr;
			struct client_ctx ctx;

			ctx.addr = (const struct sockaddr *)&b->rx_addr[i];
			ctx.addr_len = h->msg_namelen;
			ctx.reply_fd = fd;
			ctx.tcp = NULL;
			if (h->msg_flags & MSG_TRUNC)
				handle_oversize(srv, &ctx, b->rx_buf[i],
						b->rx[i].msg_len);
			else
				handle_query(srv, &ctx, b->rx_buf[i],
					     b->rx[i].msg_len);
		}
		flush(srv, b);
		b->fd = -1;
		total += got;
	} while (got == UDP_BATCH && total < UDP_WAKEUP_MAX);
	return total;
}

/*
 * A wakeup reads what is there and answers it; nothing waits for more.
 * (Holding the socket in a storm to gather larger batches saved CPU but
 * added up to the hold to every answer's latency.)
 */
void udp_cb(struct evloop *loop, struct evloop_fd *watch, uint32_t events)
{
	(void)events;
	drain(server_of(loop), server_of(loop)->udp, watch->fd);
}
