/*
 * nlmsg.c - netlink message building and parsing over caller buffers, and
 * the send-and-collect-ACKs socket helper. See keel/nlmsg.h.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <arpa/inet.h>
#include <linux/netlink.h>

#include "keel/nlmsg.h"

#define ALIGN4(x) (((x) + 3u) & ~(size_t)3u)

void nlb_init(struct nlbuf *b, void *mem, size_t cap)
{
	b->data = mem;
	b->cap = cap;
	b->len = 0;
	b->overflow = 0;
}

/* Reserves len bytes plus padding, zeroed; NULL once out of room. */
static uint8_t *nlb_reserve(struct nlbuf *b, size_t len)
{
	size_t padded = ALIGN4(len);
	uint8_t *p;

	if (b->overflow || padded < len || b->cap - b->len < padded) {
		b->overflow = 1;
		return NULL;
	}
	p = b->data + b->len;
	memset(p, 0, padded);
	b->len += padded;
	return p;
}

size_t nlb_msg_begin(struct nlbuf *b, uint16_t type, uint16_t flags,
		     uint32_t seq, const void *hdr, size_t hdr_len)
{
	size_t off = b->len;
	struct nlmsghdr nlh = {
		.nlmsg_type = type, .nlmsg_flags = flags, .nlmsg_seq = seq,
	};
	uint8_t *p = nlb_reserve(b, sizeof(nlh));

	if (!p)
		return off;
	memcpy(p, &nlh, sizeof(nlh));
	if (hdr_len) {
		p = nlb_reserve(b, hdr_len);
		if (p)
			memcpy(p, hdr, hdr_len);
	}
	return off;
}

void nlb_msg_end(struct nlbuf *b, size_t msg_off)
{
	uint32_t len = (uint32_t)(b->len - msg_off);

	if (b->overflow)
		return;
	memcpy(b->data + msg_off + offsetof(struct nlmsghdr, nlmsg_len),
	       &len, sizeof(len));
}

void nlb_put(struct nlbuf *b, uint16_t type, const void *data, size_t len)
{
	struct nlattr nla;
	uint8_t *p;

	if (len > 0xffff - NLA_HDRLEN) {
		b->overflow = 1;
		return;
	}
	p = nlb_reserve(b, NLA_HDRLEN + len);
	if (!p)
		return;
	nla.nla_len = (uint16_t)(NLA_HDRLEN + len);
	nla.nla_type = type;
	memcpy(p, &nla, sizeof(nla));
	if (len)
		memcpy(p + NLA_HDRLEN, data, len);
}

void nlb_put_u8(struct nlbuf *b, uint16_t type, uint8_t v)
{
	nlb_put(b, type, &v, 1);
}

void nlb_put_u32(struct nlbuf *b, uint16_t type, uint32_t v)
{
	nlb_put(b, type, &v, 4);
}

void nlb_put_be16(struct nlbuf *b, uint16_t type, uint16_t host_v)
{
	uint16_t v = htons(host_v);

	nlb_put(b, type, &v, 2);
}

void nlb_put_be32(struct nlbuf *b, uint16_t type, uint32_t host_v)
{
	uint32_t v = htonl(host_v);

	nlb_put(b, type, &v, 4);
}

void nlb_put_be64(struct nlbuf *b, uint16_t type, uint64_t host_v)
{
	uint8_t v[8];

	for (int i = 7; i >= 0; i--) {
		v[i] = (uint8_t)host_v;
		host_v >>= 8;
	}
	nlb_put(b, type, v, 8);
}

void nlb_put_str(struct nlbuf *b, uint16_t type, const char *s)
{
	nlb_put(b, type, s, strlen(s) + 1);
}

size_t nlb_nest_begin(struct nlbuf *b, uint16_t type)
{
	size_t off = b->len;

	nlb_put(b, type | NLA_F_NESTED, NULL, 0);
	return off;
}

void nlb_nest_end(struct nlbuf *b, size_t nest_off)
{
	size_t len = b->len - nest_off;
	uint16_t len16 = (uint16_t)len;

	if (b->overflow)
		return;
	if (len > 0xffff) {
		b->overflow = 1;
		return;
	}
	memcpy(b->data + nest_off + offsetof(struct nlattr, nla_len),
	       &len16, sizeof(len16));
}

/* ---- parsing ---- */

int nla_next(const uint8_t *p, size_t n, size_t *off, struct nla_view *a)
{
	struct nlattr nla;

	if (*off >= n)
		return 0;
	if (n - *off < NLA_HDRLEN)
		return -1;
	memcpy(&nla, p + *off, sizeof(nla));
	if (nla.nla_len < NLA_HDRLEN || nla.nla_len > n - *off)
		return -1;
	a->type = nla.nla_type & NLA_TYPE_MASK;
	a->data = p + *off + NLA_HDRLEN;
	a->len = nla.nla_len - NLA_HDRLEN;
	/* The last attribute's padding may be missing. */
	*off += ALIGN4(nla.nla_len);
	if (*off > n)
		*off = n;
	return 1;
}

int nla_parse(const uint8_t *p, size_t n, struct nla_view *tb,
	      unsigned maxtype)
{
	struct nla_view a;
	size_t off = 0;
	int r;

	memset(tb, 0, sizeof(*tb) * (maxtype + 1));
	while ((r = nla_next(p, n, &off, &a)) > 0)
		if (a.type <= maxtype)
			tb[a.type] = a;
	return r;
}

int nla_get_u8(const struct nla_view *a, uint8_t *v)
{
	if (!a->data || a->len != 1)
		return -1;
	*v = a->data[0];
	return 0;
}

int nla_get_u32(const struct nla_view *a, uint32_t *v)
{
	if (!a->data || a->len != 4)
		return -1;
	memcpy(v, a->data, 4);
	return 0;
}

int nla_get_be16(const struct nla_view *a, uint16_t *v)
{
	uint16_t be;

	if (!a->data || a->len != 2)
		return -1;
	memcpy(&be, a->data, 2);
	*v = ntohs(be);
	return 0;
}

int nla_get_be32(const struct nla_view *a, uint32_t *v)
{
	uint32_t be;

	if (!a->data || a->len != 4)
		return -1;
	memcpy(&be, a->data, 4);
	*v = ntohl(be);
	return 0;
}

int nla_get_be64(const struct nla_view *a, uint64_t *v)
{
	uint64_t x = 0;

	if (!a->data || a->len != 8)
		return -1;
	for (int i = 0; i < 8; i++)
		x = x << 8 | a->data[i];
	*v = x;
	return 0;
}

int nla_get_str(const struct nla_view *a, char *buf, size_t size)
{
	const uint8_t *nul;
	size_t len;

	if (!a->data || a->len == 0)
		return -1;
	nul = memchr(a->data, 0, a->len);
	if (!nul)
		return -1;
	len = (size_t)(nul - a->data);
	if (len >= size)
		return -1;
	memcpy(buf, a->data, len);
	buf[len] = '\0';
	return 0;
}

int nlmsg_next(const uint8_t *p, size_t n, size_t *off, struct nlmsg_view *m)
{
	if (*off >= n)
		return 0;
	if (n - *off < sizeof(m->hdr))
		return -1;
	memcpy(&m->hdr, p + *off, sizeof(m->hdr));
	if (m->hdr.nlmsg_len < sizeof(m->hdr) || m->hdr.nlmsg_len > n - *off)
		return -1;
	m->payload = p + *off + sizeof(m->hdr);
	m->payload_len = m->hdr.nlmsg_len - sizeof(m->hdr);
	*off += ALIGN4(m->hdr.nlmsg_len);
	if (*off > n)
		*off = n;
	return 1;
}

int nlmsg_parse(const struct nlmsg_view *m, size_t hdr_len,
		struct nla_view *tb, unsigned maxtype)
{
	size_t skip = ALIGN4(hdr_len);

	if (m->payload_len < skip) {
		memset(tb, 0, sizeof(*tb) * (maxtype + 1));
		return -1;
	}
	return nla_parse(m->payload + skip, m->payload_len - skip, tb, maxtype);
}

int nlmsg_error(const struct nlmsg_view *m, int *err, uint32_t *seq,
		char *msg, size_t msg_size)
{
	struct nlmsgerr e;
	struct nla_view tb[NLMSGERR_ATTR_MAX + 1];
	size_t tlv_off;

	msg[0] = '\0';
	if (m->hdr.nlmsg_type != NLMSG_ERROR || m->payload_len < sizeof(e))
		return -1;
	memcpy(&e, m->payload, sizeof(e));
	if (e.error > 0)
		return -1;
	*err = e.error;
	*seq = e.msg.nlmsg_seq;
	if (!(m->hdr.nlmsg_flags & NLM_F_ACK_TLVS))
		return 0;
	/* The request is echoed in full unless the ACK was capped. */
	tlv_off = sizeof(e);
	if (!(m->hdr.nlmsg_flags & NLM_F_CAPPED)) {
		if (e.msg.nlmsg_len < sizeof(e.msg))
			return -1;
		tlv_off += ALIGN4(e.msg.nlmsg_len) - sizeof(e.msg);
	}
	if (tlv_off > m->payload_len)
		return -1;
	if (nla_parse(m->payload + tlv_off, m->payload_len - tlv_off, tb,
		      NLMSGERR_ATTR_MAX) < 0)
		return 0;	/* the errno itself is still good */
	if (nla_get_str(&tb[NLMSGERR_ATTR_MSG], msg, msg_size) < 0)
		msg[0] = '\0';
	return 0;
}

/* ---- sockets ---- */

int nlsock_open(int protocol)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	int one = 1;
	int rcvbuf = 2 << 20;	/* and the largest batch we send */
	int fd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, protocol);

	if (fd < 0)
		return -1;
	/* Optional niceties: error text from the kernel, short ACKs, and room
	 * for one ACK per message of a large batch. */
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_EXT_ACK, &one, sizeof(one));
	(void)setsockopt(fd, SOL_NETLINK, NETLINK_CAP_ACK, &one, sizeof(one));
	/* The FORCE variants pass the sysctl caps (wmem_max is ~200 KiB) and
	 * need CAP_NET_ADMIN, which whoever sends nf_tables batches has. */
	if (setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
		(void)setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &rcvbuf,
				 sizeof(rcvbuf));
	if (setsockopt(fd, SOL_SOCKET, SO_SNDBUFFORCE, &rcvbuf, sizeof(rcvbuf)))
		(void)setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &rcvbuf,
				 sizeof(rcvbuf));
	if (bind(fd, (struct sockaddr *)&sa, sizeof(sa)) < 0) {
		int e = errno;

		close(fd);
		errno = e;
		return -1;
	}
	return fd;
}

/* Handles one datagram of replies; 1 = finished (DONE or dump error). */
static int talk_datagram(const uint8_t *p, size_t n, uint32_t seq_lo,
			 uint32_t seq_hi, int want_done, nlsock_cb cb,
			 void *ctx, struct nlsock_result *res, int *stop)
{
	struct nlmsg_view m;
	size_t off = 0;
	int r;

	while ((r = nlmsg_next(p, n, &off, &m)) > 0) {
		uint32_t seq = m.hdr.nlmsg_seq;
		int err;
		char text[sizeof(res->first_err_msg)];

		if (m.hdr.nlmsg_type == NLMSG_ERROR) {
			if (nlmsg_error(&m, &err, &seq, text, sizeof(text)) < 0)
				continue;
			if (seq < seq_lo || seq > seq_hi)
				continue;
			if (err == 0) {
				res->acks++;
			} else {
				if (!res->errors++) {
					res->first_err = err;
					res->first_err_seq = seq;
					memcpy(res->first_err_msg, text,
					       sizeof(text));
				}
			}
			if (cb && (*stop = cb(&m, ctx)) != 0)
				return 1;
			if (want_done && err)
				return 1;
			continue;
		}
		if (seq < seq_lo || seq > seq_hi)
			continue;
		if (m.hdr.nlmsg_type == NLMSG_DONE) {
			res->done = 1;
			return 1;
		}
		if (m.hdr.nlmsg_type == NLMSG_NOOP)
			continue;
		if (cb && (*stop = cb(&m, ctx)) != 0)
			return 1;
	}
	if (r < 0) {
		errno = EBADMSG;
		return -1;
	}
	return 0;
}

int nlsock_talk(int fd, const void *buf, size_t len, uint32_t seq_lo,
		uint32_t seq_hi, int want_done, int timeout_ms,
		nlsock_cb cb, void *ctx, struct nlsock_result *res)
{
	struct sockaddr_nl kernel = { .nl_family = AF_NETLINK };
	/* Dump replies come in datagrams of up to a page or so; 32 KiB is
	 * what libmnl recommends for any reply. */
	static uint8_t rx[32768] __attribute__((aligned(4)));
	int stop = 0;

	memset(res, 0, sizeof(*res));
	if (sendto(fd, buf, len, 0, (struct sockaddr *)&kernel,
		   sizeof(kernel)) < 0)
		return -1;
	for (;;) {
		ssize_t got;
		int r;

		if (want_done) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };

			r = poll(&pfd, 1, timeout_ms);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0)
				return -1;
			if (r == 0) {
				errno = ETIMEDOUT;
				return -1;
			}
		}
		/* MSG_TRUNC returns the datagram's real length, so a reply
		 * cut to fit rx is an error instead of a parse of half. */
		got = recv(fd, rx, sizeof(rx), MSG_DONTWAIT | MSG_TRUNC);
		if (got > (ssize_t)sizeof(rx)) {
			errno = EMSGSIZE;
			return -1;
		}
		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (!want_done && (errno == EAGAIN ||
					   errno == EWOULDBLOCK))
				return 0;
			return -1;
		}
		r = talk_datagram(rx, (size_t)got, seq_lo, seq_hi, want_done,
				  cb, ctx, res, &stop);
		if (r < 0)
			return -1;
		if (stop)
			return stop;
		if (r > 0)
			return 0;
	}
}
