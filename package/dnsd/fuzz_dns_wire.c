/*
 * fuzz_dns_wire.c - libFuzzer target: every message a peer can send goes
 * through dns_parse(); whatever parses is also stripped of OPT, cached and
 * looked up again, summarised for the log, scanned for private addresses
 * (rebind.h) and fitted to a client.
 */
#include <stdint.h>
#include <string.h>

#include "cache.h"
#include "dns_wire.h"
#include "rebind.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct cache c;
	static uint8_t msg[DNS_MSG_MAX + 64], out[DNS_MSG_MAX + 64];
	char text[DNS_TEXT_MAX], sum[256];
	struct dns_msg m, clean;
	size_t len, n;

	if (!c.entries && cache_init(&c, 64 * 1024, 300, 1) < 0)
		return 0;
	if (size > DNS_MSG_MAX)
		return 0;
	memcpy(msg, data, size);
	if (dns_parse(msg, size, &m) != DNS_OK)
		return 0;
	dns_name_to_text(m.q.name, m.q.name_len, text, sizeof(text));
	dns_answer_summary(msg, size, &m, sum, sizeof(sum));
	{
		uint8_t first[16];
		int family = 0;
		unsigned bad = rebind_scan(msg, size, &m, first, &family);

		/* What it reports must be what it judged private. */
		if (bad > m.ancount ||
		    (bad && !(family == 4 ? rebind_private_v4(first) :
				family == 6 && rebind_private_v6(first))))
			__builtin_trap();
		rebind_name_allowed(text, (const char *const[]){ "lan" }, 1);
	}
	len = dns_strip_opt(msg, size, &m);
	if (len && dns_parse(msg, len, &clean) == DNS_OK) {
		cache_store(&c, msg, len, &clean, 1000);
		n = cache_lookup(&c, &clean, 2000, out, sizeof(out));
		if (n) {
			/* A cached copy must parse as well as the original. */
			if (dns_parse(out, n, &m) != DNS_OK)
				__builtin_trap();
			dns_fit_reply(out, n, sizeof(out), m.question_end, true,
				      512, false);
		}
	}
	return 0;
}
