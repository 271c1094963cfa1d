/* libFuzzer target: netsim's DNS parsers, and the builders on what parses.
 * A parsed name must encode again and read back unchanged, so the text form
 * loses nothing. */
#include <stdlib.h>
#include <string.h>

#include "dns_msg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct dns_reply rep;

static void roundtrip(const struct dns_question *q)
{
	static uint8_t buf[DNS_HDR_LEN + DNS_NAME_WIRE_MAX + 4];
	struct dns_question back;
	size_t n = dns_query_build(buf, sizeof(buf), q->id, q->name, q->qtype);

	if (n == 0 || dns_query_parse(buf, n, &back) != 0 || strcmp(back.name, q->name) != 0 ||
	    !dns_question_match(q, &back) || back.id != q->id)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t out[4096];
	struct dns_question q;

	if (dns_query_parse(data, size, &q) == 0) {
		q.qclass = DNS_CLASS_IN;
		roundtrip(&q);
		dns_reply_build(out, DNS_UDP_MAX, &q, DNS_RCODE_NXDOMAIN, NULL, 0, 60);
	}
	if (dns_reply_parse(data, size, &rep) == 0) {
		rep.q.qclass = DNS_CLASS_IN;
		roundtrip(&rep.q);
		for (unsigned i = 0; i < rep.nan; i++)
			if (rep.an[i].rdlen > DNS_RDATA_MAX)
				rep.an[i].rdlen = DNS_RDATA_MAX;
		/* Re-serialize the answers (small cap: exercises truncation too). */
		if (dns_reply_build(out, DNS_UDP_MAX, &rep.q, rep.rcode, rep.an, rep.nan, 60) == 0)
			abort();
		dns_reply_build(out, sizeof(out), &rep.q, rep.rcode, rep.an, rep.nan, 0);
	}
	return 0;
}
