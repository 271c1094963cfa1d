/* The hub: each segment is one UDP socket to a QEMU socket netdev (one
 * Ethernet frame per datagram). Frames from QEMU go to the host whose MAC
 * matches (every host for broadcast/multicast); frames from a simulated host
 * go to QEMU and to the other hosts on the segment that would accept them.
 * A running `dhcp-flood` is one more taker: its made-up clients' MACs and
 * broadcasts; its own raw frames go out like a host's but never back to it. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "lwip/pbuf.h"
#include "lwip/sys.h"
#include "netsim.h"

struct segment segments[2] = {
	{ .name = "lan", .fd = -1 },
	{ .name = "wan", .fd = -1 },
};

/* Host-to-host frames wait here until the main loop delivers them: handing
 * them to another netif from inside linkoutput would re-enter lwIP. */
#define LOCAL_RING 256
struct local_frame {
	struct segment *seg;
	const struct netif *from;
	uint8_t raw; /* sent by dhcp-flood, not by a host */
	uint16_t len;
	uint8_t data[NETSIM_FRAME_MAX];
};
static struct local_frame ring[LOCAL_RING];
static unsigned ring_head, ring_tail; /* free-running; head - tail = queued */

struct segment *segment_find(const char *name)
{
	for (size_t i = 0; i < sizeof(segments) / sizeof(segments[0]); i++)
		if (strcmp(segments[i].name, name) == 0)
			return &segments[i];
	return NULL;
}

static int parse_sockaddr(const char *s, struct sockaddr_in *sa)
{
	char host[64];
	const char *colon = strrchr(s, ':');
	unsigned long port;
	char *end;

	if (colon == NULL || (size_t)(colon - s) >= sizeof(host))
		return -1;
	memcpy(host, s, (size_t)(colon - s));
	host[colon - s] = '\0';
	port = strtoul(colon + 1, &end, 10);
	if (*end != '\0' || port == 0 || port > 65535)
		return -1;
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons((uint16_t)port);
	return inet_pton(AF_INET, host, &sa->sin_addr) == 1 ? 0 : -1;
}

/* LOCAL is netsim's end, REMOTE is QEMU's localaddr. */
int segment_open(struct segment *seg, const char *local, const char *remote)
{
	struct sockaddr_in la, ra;
	int fd, buf = 1 << 20;

	if (parse_sockaddr(local, &la) < 0 || parse_sockaddr(remote, &ra) < 0) {
		fprintf(stderr, "netsim: %s: bad address %s or %s (want IPv4:PORT)\n",
			seg->name, local, remote);
		return -1;
	}
	fd = socket(AF_INET, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
	if (fd < 0) {
		fprintf(stderr, "netsim: %s: socket: %s\n", seg->name, strerror(errno));
		return -1;
	}
	/* TCP bulk bursts arrive faster than one poll round drains them. */
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof(buf));
	setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof(buf));
	if (bind(fd, (struct sockaddr *)&la, sizeof(la)) < 0 ||
	    connect(fd, (struct sockaddr *)&ra, sizeof(ra)) < 0) {
		fprintf(stderr, "netsim: %s: bind %s / connect %s: %s\n",
			seg->name, local, remote, strerror(errno));
		close(fd);
		return -1;
	}
	seg->fd = fd;
	return 0;
}

static int wants_frame(const struct host *h, const uint8_t *frame)
{
	return (frame[0] & 1) != 0 || memcmp(frame, h->mac, 6) == 0;
}

static void deliver(struct host *h, const uint8_t *frame, size_t len)
{
	struct pbuf *p = pbuf_alloc(PBUF_RAW, (u16_t)len, PBUF_POOL);

	if (p == NULL)
		return; /* lwIP out of buffers: the wire lost a frame */
	pbuf_take(p, frame, (u16_t)len);
	if (h->netif.input(p, &h->netif) != ERR_OK)
		pbuf_free(p);
}

/* Deliver to every host on SEG that accepts FRAME, except the sender, and to
 * a running flood unless it sent FRAME (RAW). */
static int deliver_segment(struct segment *seg, const struct netif *from,
			   const uint8_t *frame, size_t len, int raw)
{
	int n = 0;

	for (int i = 0; i < NETSIM_MAX_HOSTS; i++) {
		struct host *h = host_find_index(i);

		if (h == NULL || h->seg != seg || &h->netif == from || !wants_frame(h, frame))
			continue;
		deliver(h, frame, len);
		n++;
	}
	if (!raw && dhcp_flood_input(seg, frame, len))
		n++;
	return n;
}

void hub_from_wire(struct segment *seg)
{
	uint8_t frame[NETSIM_FRAME_MAX];

	/* Bounded, so one busy segment cannot starve the other or stdin. */
	for (int i = 0; i < 64; i++) {
		ssize_t n = recv(seg->fd, frame, sizeof(frame), 0);

		if (n < 0)
			return; /* EAGAIN, or ECONNREFUSED before QEMU is up */
		if (n < 14)
			continue;
		seg->rx_frames++;
		seg->rx_bytes += (unsigned long)n;
		ra_log_frame(&seg->ra_log, sys_now(), frame, (size_t)n);
		if (deliver_segment(seg, NULL, frame, (size_t)n, 0) == 0 && !(frame[0] & 1))
			seg->unclaimed++;
		hub_drain_local();
	}
}

void hub_drain_local(void)
{
	while (ring_tail != ring_head) {
		struct local_frame *f = &ring[ring_tail % LOCAL_RING];

		deliver_segment(f->seg, f->from, f->data, f->len, f->raw);
		ring_tail++;
	}
}

static int any_local_taker(const struct segment *seg, const struct netif *from,
			   const uint8_t *frame, int raw)
{
	for (int i = 0; i < NETSIM_MAX_HOSTS; i++) {
		struct host *h = host_find_index(i);

		if (h != NULL && h->seg == seg && &h->netif != from && wants_frame(h, frame))
			return 1;
	}
	return !raw && dhcp_flood_wants(seg, frame);
}

/* A frame sent on SEG by FROM (or by the flood: RAW). */
static void hub_switch(struct segment *seg, const struct netif *from,
		       const uint8_t *frame, size_t len, int raw)
{
	int local = any_local_taker(seg, from, frame, raw);
	struct local_frame *f;

	/* Like a learning switch that already knows its hosts: unicast to a
	 * simulated host stays off the wire; the rest goes to QEMU. */
	if ((frame[0] & 1) || !local) {
		if (send(seg->fd, frame, len, 0) < 0) {
			seg->tx_errors++;
		} else {
			seg->tx_frames++;
			seg->tx_bytes += len;
		}
	}
	if (!local)
		return;
	if (ring_head - ring_tail == LOCAL_RING) {
		seg->local_drops++;
		return;
	}
	f = &ring[ring_head % LOCAL_RING];
	f->seg = seg;
	f->from = from;
	f->raw = (uint8_t)raw;
	f->len = (uint16_t)len;
	memcpy(f->data, frame, len);
	ring_head++;
	seg->local_frames++;
}

err_t hub_linkoutput(struct netif *netif, struct pbuf *p)
{
	struct host *h = host_by_netif(netif);
	uint8_t frame[NETSIM_FRAME_MAX];
	u16_t len;

	if (p->tot_len > sizeof(frame) || p->tot_len < 14)
		return ERR_BUF;
	len = pbuf_copy_partial(p, frame, p->tot_len, 0);
	hub_switch(h->seg, netif, frame, len, 0);
	return ERR_OK;
}

/* The flood's frames reach every host, its own NAME's included (a server
 * on that host may be what it floods), and QEMU. */
void hub_send_raw(struct segment *seg, const uint8_t *frame, size_t len)
{
	if (len >= 14 && len <= NETSIM_FRAME_MAX)
		hub_switch(seg, NULL, frame, len, 1);
}
