/* DNS messages for netsim's resolver (dns-query) and tiny authoritative
 * server (dns-server): pure build/parse over byte buffers, no I/O.
 * Names travel as presentation text: labels joined by '.', with '.', '\',
 * '"' escaped as \X and other odd bytes (space, controls, 8-bit) as \DDD, so
 * a name is always one protocol word. The root is ".". */
#ifndef NETSIM_DNS_MSG_H
#define NETSIM_DNS_MSG_H

#include <stddef.h>
#include <stdint.h>

enum {
	DNS_TYPE_A = 1, DNS_TYPE_NS = 2, DNS_TYPE_CNAME = 5, DNS_TYPE_SOA = 6, DNS_TYPE_PTR = 12,
	DNS_TYPE_TXT = 16, DNS_TYPE_AAAA = 28,
};
enum {
	DNS_RCODE_NOERROR, DNS_RCODE_FORMERR, DNS_RCODE_SERVFAIL, DNS_RCODE_NXDOMAIN,
	DNS_RCODE_NOTIMP, DNS_RCODE_REFUSED,
};
#define DNS_CLASS_IN 1
#define DNS_FLAG_QR 0x8000
#define DNS_FLAG_AA 0x0400
#define DNS_FLAG_TC 0x0200
#define DNS_FLAG_RD 0x0100
#define DNS_FLAG_RA 0x0080

#define DNS_HDR_LEN 12
#define DNS_UDP_MAX 512          /* without EDNS (RFC 1035 4.2.1) */
#define DNS_NAME_WIRE_MAX 255
#define DNS_NAME_TEXT_MAX 1024   /* 255 wire bytes, each at worst \DDD */
#define DNS_RDATA_MAX 1024       /* rdata kept per record; longer is cut */
#define DNS_MAX_ANSWERS 16       /* answers parsed; the header count is kept */
#define DNS_MAX_POINTERS 32      /* compression pointers followed per name */

/* Parse errors (negative); dns_err_str() names them. */
enum {
	DNS_E_SHORT = -1,    /* message ends inside a field */
	DNS_E_NAME = -2,     /* bad label, name over 255 bytes, bad pointer */
	DNS_E_HEADER = -3,   /* QR/opcode wrong for what was expected */
	DNS_E_QDCOUNT = -4,  /* not exactly one question */
	DNS_E_RDATA = -5,    /* rdata length wrong for its type */
};

struct dns_question {
	uint16_t id, flags; /* of the message that held it */
	char name[DNS_NAME_TEXT_MAX];
	uint16_t qtype, qclass;
};

/* One resource record. A/AAAA/TXT (and anything else) keep raw rdata;
 * CNAME/PTR/NS keep their target name decompressed in `target`. */
struct dns_rr {
	uint16_t type, rclass;
	uint32_t ttl;
	uint16_t rdlen; /* on the wire; rdata holds the first DNS_RDATA_MAX */
	uint8_t rdata[DNS_RDATA_MAX];
	char target[DNS_NAME_TEXT_MAX];
};

struct dns_reply {
	struct dns_question q;
	unsigned rcode;
	unsigned ancount; /* from the header */
	unsigned nan;     /* answers parsed into an[] (at most DNS_MAX_ANSWERS) */
	struct dns_rr an[DNS_MAX_ANSWERS];
};

/* Text name -> wire form; returns its length, or -1 if malformed or too long. */
int dns_name_encode(const char *text, uint8_t *out, size_t cap);
/* Same name? (ASCII case-insensitive, trailing dot optional); 0 if either is malformed. */
int dns_name_equal(const char *a, const char *b);
/* in-addr.arpa / ip6.arpa name of a 4- or 16-byte address; -1 if it does not fit. */
int dns_ptr_name(const uint8_t *addr, size_t len, char *out, size_t cap);

/* A query: random ID chosen by the caller, RD set, class IN. Returns its
 * length, or 0 if NAME is malformed or CAP too small. */
size_t dns_query_build(uint8_t *buf, size_t cap, uint16_t id, const char *name, uint16_t qtype);
/* A standard query (QR 0, opcode 0, one question); 0 or DNS_E_*. */
int dns_query_parse(const uint8_t *p, size_t n, struct dns_question *q);
/* An authoritative reply to Q (AA set, RD copied, question copied, answers
 * owned by the question name). If the answers do not fit in CAP, TC is set
 * and they are left out. CNAME/PTR/NS answers are built from `target`, the
 * rest from rdata[0..rdlen). A reply without answers (NXDOMAIN, NODATA)
 * gets an SOA for the question's last label in its authority section when
 * NEG_TTL > 0: its TTL and minimum, which make it cacheable (RFC 2308).
 * Returns the length, or 0 if not even the question fits or an answer's
 * target is malformed. */
size_t dns_reply_build(uint8_t *buf, size_t cap, const struct dns_question *q, unsigned rcode,
		       const struct dns_rr *an, unsigned nan, uint32_t neg_ttl);
/* A response (QR 1) with one question, and its answer section. TXT rdata
 * is checked to start with a whole character-string. 0 or DNS_E_*. */
int dns_reply_parse(const uint8_t *p, size_t n, struct dns_reply *r);
/* Same question: name (as dns_name_equal), type and class. */
int dns_question_match(const struct dns_question *a, const struct dns_question *b);

const char *dns_err_str(int err);
/* "NOERROR" ... "REFUSED"; NULL for other codes. */
const char *dns_rcode_name(unsigned rcode);
/* "a", "aaaa", "ptr", "txt", "cname", "ns" <-> type; 0 / NULL if unknown. */
uint16_t dns_type_parse(const char *s);
const char *dns_type_name(uint16_t type);

#endif
