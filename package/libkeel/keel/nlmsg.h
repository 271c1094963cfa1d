/*
 * keel/nlmsg.h - netlink messages built in, and parsed from, a caller's
 * buffer; and a small socket helper to send a batch and collect its ACKs.
 *
 * Generic: nothing here knows nf_tables or rtnetlink. Builders never write
 * past the buffer: once something does not fit, the buffer is marked
 * overflowed, later calls do nothing, and nlb_ok() says so once at the end
 * (so callers check one flag instead of every call). Positions are byte
 * offsets, not pointers, so nothing dangles and tests can compare layouts.
 *
 * Parsers take (pointer, length), check every length against what is left,
 * and never assume the buffer is aligned (they copy headers out).
 */
#ifndef KEEL_NLMSG_H
#define KEEL_NLMSG_H

#include <stddef.h>
#include <stdint.h>
#include <linux/netlink.h>

struct nlbuf {
	uint8_t *data;
	size_t cap;
	size_t len;
	int overflow;	/* something did not fit: the content is unusable */
};

void nlb_init(struct nlbuf *b, void *mem, size_t cap);
static inline int nlb_ok(const struct nlbuf *b) { return !b->overflow; }

/*
 * Starts a message: nlmsghdr plus a fixed family header (hdr, hdr_len;
 * e.g. struct nfgenmsg or struct ifinfomsg), padded to 4 bytes. Returns the
 * message's offset for nlb_msg_end(), which sets nlmsg_len.
 */
size_t nlb_msg_begin(struct nlbuf *b, uint16_t type, uint16_t flags,
		     uint32_t seq, const void *hdr, size_t hdr_len);
void nlb_msg_end(struct nlbuf *b, size_t msg_off);

/* Attributes: type, then payload padded to 4 bytes. */
void nlb_put(struct nlbuf *b, uint16_t type, const void *data, size_t len);
void nlb_put_u8(struct nlbuf *b, uint16_t type, uint8_t v);
void nlb_put_u32(struct nlbuf *b, uint16_t type, uint32_t v);	/* host order */
void nlb_put_be16(struct nlbuf *b, uint16_t type, uint16_t host_v);
void nlb_put_be32(struct nlbuf *b, uint16_t type, uint32_t host_v);
void nlb_put_be64(struct nlbuf *b, uint16_t type, uint64_t host_v);
void nlb_put_str(struct nlbuf *b, uint16_t type, const char *s); /* with NUL */

/* Nesting: begin returns the nest's offset, end fills in its length. The
 * NLA_F_NESTED flag is set, as strict kernels want it. */
size_t nlb_nest_begin(struct nlbuf *b, uint16_t type);
void nlb_nest_end(struct nlbuf *b, size_t nest_off);

/* ---- parsing ---- */

/* One attribute: type without the NESTED/BYTEORDER flags, and its payload. */
struct nla_view {
	uint16_t type;
	const uint8_t *data;
	size_t len;
};

/*
 * Walks the attributes in p[0..n): tb[type] gets each attribute whose type
 * is <= maxtype (later duplicates win, unknown types are skipped, as the
 * kernel does). tb needs maxtype + 1 entries and is cleared first; absent
 * attributes have data == NULL. Returns 0, or -1 if an attribute's length
 * is malformed.
 */
int nla_parse(const uint8_t *p, size_t n, struct nla_view *tb,
	      unsigned maxtype);

/* Iterates attributes one by one (for lists such as NFTA_LIST_ELEM):
 * returns 1 with *a filled, 0 at the end, -1 if malformed. */
int nla_next(const uint8_t *p, size_t n, size_t *off, struct nla_view *a);

/* Typed readers: 0 on success, -1 if absent or the wrong size. */
int nla_get_u8(const struct nla_view *a, uint8_t *v);
int nla_get_u32(const struct nla_view *a, uint32_t *v);	/* host order */
int nla_get_be16(const struct nla_view *a, uint16_t *v);
int nla_get_be32(const struct nla_view *a, uint32_t *v);
int nla_get_be64(const struct nla_view *a, uint64_t *v);
/* Copies a NUL-terminated string attribute into buf (size >= 1); -1 if
 * absent, unterminated, or longer than size - 1. */
int nla_get_str(const struct nla_view *a, char *buf, size_t size);

/* One message out of a receive buffer. */
struct nlmsg_view {
	struct nlmsghdr hdr;		/* copied out: the buffer may be unaligned */
	const uint8_t *payload;		/* after the nlmsghdr */
	size_t payload_len;
};

/* Returns 1 with *m filled and *off advanced, 0 at the end of the buffer,
 * -1 if a header or length is malformed. */
int nlmsg_next(const uint8_t *p, size_t n, size_t *off, struct nlmsg_view *m);

/* Attributes of a message after its fixed family header of hdr_len bytes;
 * same contract as nla_parse(). */
int nlmsg_parse(const struct nlmsg_view *m, size_t hdr_len,
		struct nla_view *tb, unsigned maxtype);

/*
 * An NLMSG_ERROR message: *err is 0 for an ACK or a negative errno; *seq
 * is the sequence number of the request it answers; msg (size >= 1) gets
 * the kernel's extended-ACK text if it sent one, else "". Returns 0, or -1
 * if m is not a well-formed NLMSG_ERROR.
 */
int nlmsg_error(const struct nlmsg_view *m, int *err, uint32_t *seq,
		char *msg, size_t msg_size);

/* ---- sockets ---- */

/* A netlink socket of the given protocol (NETLINK_NETFILTER,
 * NETLINK_ROUTE), bound, close-on-exec, with extended and capped ACKs.
 * Returns the fd or -1 with errno set. */
int nlsock_open(int protocol);

/*
 * Called for each reply while nlsock_talk() drains the socket: data
 * messages for dumps, and every NLMSG_ERROR (err 0 = ACK). Return 0 to go
 * on, non-zero to stop (that value is returned by nlsock_talk()).
 */
typedef int (*nlsock_cb)(const struct nlmsg_view *m, void *ctx);

struct nlsock_result {
	unsigned acks;		/* NLMSG_ERROR with 0 */
	unsigned errors;	/* NLMSG_ERROR with an errno */
	int first_err;		/* negative errno of the first error, or 0 */
	uint32_t first_err_seq;
	char first_err_msg[128];	/* extended-ACK text, or "" */
	int done;		/* NLMSG_DONE seen (dumps) */
};

/*
 * Sends buf[0..len) as one datagram and reads every reply. Netlink runs the
 * request inside sendmsg(), so when want_done is 0 (a batch) every reply
 * is already queued when send returns and the socket is drained without
 * blocking; with want_done set (a dump) it waits, up to timeout_ms per
 * read, until NLMSG_DONE or an error. Replies whose seq is outside
 * [seq_lo, seq_hi] are ignored (stale). Returns 0 if it read everything
 * (check res->first_err for the kernel's verdict), the callback's non-zero
 * value, or -1 with errno set on a socket error or timeout.
 */
int nlsock_talk(int fd, const void *buf, size_t len, uint32_t seq_lo,
		uint32_t seq_hi, int want_done, int timeout_ms,
		nlsock_cb cb, void *ctx, struct nlsock_result *res);

#endif /* KEEL_NLMSG_H */
