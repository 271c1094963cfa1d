/*
 * dns_wire.h - DNS messages over byte buffers (RFC 1035, 6891): parse,
 * build, compare names. Pure functions: no I/O, no globals, no allocation.
 */
#ifndef DNSD_DNS_WIRE_H
#define DNSD_DNS_WIRE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define DNS_HDR_LEN	12
#define DNS_NAME_MAX	255	/* wire form, root label included */
#define DNS_LABEL_MAX	63
#define DNS_UDP_MIN	512	/* what a client without EDNS0 accepts */
#define DNS_EDNS_SIZE	1232	/* DNS flag day 2020: no IP fragmentation */
#define DNS_MSG_MAX	65535
#define DNS_TTL_TRACK	64	/* RRs whose TTL offsets a parse records */
#define DNS_TEXT_MAX	1024	/* dns_name_to_text() worst case, \DDD escapes */

enum dns_type {
	DNS_T_A = 1, DNS_T_NS = 2, DNS_T_CNAME = 5, DNS_T_SOA = 6,
	DNS_T_PTR = 12, DNS_T_MX = 15, DNS_T_TXT = 16, DNS_T_AAAA = 28,
	DNS_T_OPT = 41, DNS_T_ANY = 255,
};
#define DNS_C_IN 1

enum dns_rcode {
	DNS_R_NOERROR = 0, DNS_R_FORMERR = 1, DNS_R_SERVFAIL = 2,
	DNS_R_NXDOMAIN = 3, DNS_R_NOTIMP = 4, DNS_R_REFUSED = 5,
};

#define DNS_F_QR	0x8000
#define DNS_F_OPCODE	0x7800
#define DNS_F_AA	0x0400
#define DNS_F_TC	0x0200
#define DNS_F_RD	0x0100
#define DNS_F_RA	0x0080
#define DNS_F_AD	0x0020
#define DNS_F_CD	0x0010
#define DNS_F_RCODE	0x000f

enum dns_err {
	DNS_OK = 0,
	DNS_ESHORT = -1,	/* message ends inside a field */
	DNS_ELABEL = -2,	/* label type 0x40/0x80 or label too long */
	DNS_ENAMELEN = -3,	/* name longer than 255 bytes */
	DNS_ELOOP = -4,		/* compression pointer not strictly backwards */
	DNS_ECOUNT = -5,	/* not exactly one question */
	DNS_ERDATA = -6,	/* RDATA does not match its type's layout */
	DNS_EOPT = -7,		/* second OPT, or OPT outside additional */
	DNS_ETRAIL = -8,	/* bytes after the last record */
};

struct dns_question {
	uint8_t name[DNS_NAME_MAX];	/* uncompressed wire form, as sent */
	size_t name_len;
	uint16_t type;
	uint16_t klass;
};

struct dns_msg {
	uint16_t id, flags;
	uint16_t qdcount, ancount, nscount, arcount;
	struct dns_question q;
	size_t question_end;		/* offset just past the question */
	size_t end;			/* offset just past the last record */
	/* EDNS0 */
	bool has_edns;
	uint16_t edns_udp_size;
	uint8_t edns_version;
	bool edns_do;
	size_t opt_off, opt_len;
	bool opt_is_last;
	/* For caching: lowest TTL of all records but OPT, and where every TTL
	 * sits so a cached copy can be aged in place. */
	uint32_t min_ttl;
	unsigned rr_count;
	size_t ttl_off[DNS_TTL_TRACK];
	unsigned ttl_count;		/* < rr_count when there were more */
	/* Highest offset read through a compression pointer, in owner
	 * names and the RDATA names checked (CNAME, NS, PTR, SOA); 0 if
	 * none. Beyond the question, a pointer may reach a TTL field. */
	size_t max_ptr_reach;
	/* For negative caching (RFC 2308): the SOA in the authority section. */
	bool has_soa;
	uint32_t soa_ttl, soa_minimum;
};

const char *dns_strerror(int err);

/*
 * Reads the possibly compressed name at off into out (DNS_NAME_MAX bytes)
 * as an uncompressed wire name. Pointers must go strictly backwards, which
 * rules out loops. *next is the offset after the name where it started.
 * Returns 0 or a negative dns_err.
 */
int dns_name_read(const uint8_t *msg, size_t len, size_t off,
		  uint8_t *out, size_t *out_len, size_t *next);

/* Walks the whole message, validating every name and RDATA length.
 * Requires exactly one question. Returns 0 or a negative dns_err. */
int dns_parse(const uint8_t *msg, size_t len, struct dns_msg *out);

/* Wire names, ASCII case-insensitive (RFC 4343). */
bool dns_name_equal(const uint8_t *a, size_t alen, const uint8_t *b,
		    size_t blen);
void dns_name_lower(uint8_t *name, size_t len);

/* Dotted text, no trailing dot ("." for the root); bytes outside
 * [A-Za-z0-9-_] and dots inside labels are escaped as \DDD, so the text
 * never matches a plain hostname by accident. Returns the length. */
size_t dns_name_to_text(const uint8_t *name, size_t len, char *out,
			size_t cap);
/* Plain hostname text (no escapes) to wire form; a trailing dot is
 * optional. Returns 0 or a negative dns_err. */
int dns_name_from_text(const char *text, uint8_t *out, size_t *out_len);

const char *dns_type_name(uint16_t type, char *buf, size_t cap);
const char *dns_rcode_name(unsigned rcode);

/* Builds a reply or query in a caller's buffer; overflow is sticky. */
struct dns_builder {
	uint8_t *buf;
	size_t cap, len;
	bool overflow;
};

/* Header and question of a reply to query (whose raw bytes are qbuf):
 * same ID, QR set, RD copied, RA set. */
void dns_reply_start(struct dns_builder *b, uint8_t *buf, size_t cap,
		     const uint8_t *qbuf, const struct dns_msg *query,
		     unsigned rcode);
/* An answer record owned by the question name (pointer to offset 12). */
void dns_add_answer(struct dns_builder *b, uint16_t type, uint32_t ttl,
		    const uint8_t *rdata, size_t rdlen);
/* An OPT record advertising udp_size; counts in ARCOUNT. */
void dns_add_opt(struct dns_builder *b, uint16_t udp_size);

/* A recursive query with an OPT record when edns_size is non-zero.
 * Returns the length, or 0 if cap is too small. */
size_t dns_build_query(uint8_t *buf, size_t cap, uint16_t id,
		       const struct dns_question *q, uint16_t edns_size,
		       bool cd);

/* Removes the OPT record when it is the last one. Returns the new length,
 * or 0 if there is an OPT record elsewhere (the caller must not cache). */
size_t dns_strip_opt(uint8_t *msg, size_t len, const struct dns_msg *m);

/* Cuts a reply to header and question with TC set (RFC 1035 4.2.1).
 * Returns the new length. */
size_t dns_truncate(uint8_t *msg, const struct dns_msg *m);

/*
 * Makes a complete reply (header and question as the client sent them)
 * fit the client: an OPT record is appended when the client used EDNS0,
 * and over UDP a reply larger than the client accepts (512 without EDNS0)
 * is cut to header + question with TC set, so the client retries over TCP.
 * Returns the new length (cap must leave room for the 11-byte OPT).
 */
size_t dns_fit_reply(uint8_t *msg, size_t len, size_t cap,
		     size_t question_end, bool client_edns,
		     uint16_t client_udp_size, bool stream);

/* Header field access for messages already checked to be >= 12 bytes. */
static inline uint16_t dns_get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}
static inline uint32_t dns_get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}
static inline void dns_put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}
static inline void dns_put32(uint8_t *p, uint32_t v)
{
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* "A 192.0.2.1 CNAME x.example" for the first few answers, for the query
 * log. Returns the length written (always NUL-terminated if cap > 0). */
size_t dns_answer_summary(const uint8_t *msg, size_t len,
			  const struct dns_msg *m, char *out, size_t cap);

#endif /* DNSD_DNS_WIRE_H */
