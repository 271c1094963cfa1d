/* libFuzzer target: whatever the lease file holds, lease6_parse stays
 * inside it and keeps only well-formed /64s with lifetimes an RA can
 * carry; the table and the RA built from them stay bounded and valid. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "delegated.h"
#include "lease6.h"
#include "ra_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint8_t zero[8];
	static struct delegated table;
	static uint8_t buf[RA_MAX_LEN];
	char *text = malloc(size ? size : 1);
	uint64_t now = 1000000;
	struct ra_config ra;
	struct lease6 l;
	size_t n;

	if (!text)
		return 0;
	memcpy(text, data, size);
	if (lease6_parse(text, size, "lan", now, &l) != LEASE6_OK &&
	    l.count)
		abort();
	if (l.count > LEASE6_MAX)
		abort();
	for (unsigned i = 0; i < l.count; i++) {
		const struct lease6_prefix *p = &l.prefixes[i];

		if (p->len != 64 || memcmp(p->addr + 8, zero, 8) ||
		    p->addr[0] == 0xff || !p->valid_secs ||
		    p->valid_secs > LEASE6_LIFETIME_MAX ||
		    p->preferred_secs > p->valid_secs ||
		    (p->deprecated && (p->preferred_secs ||
				       p->valid_secs > 7200)))
			abort();
	}
	for (unsigned i = 0; i < l.error_count && i < LEASE6_ERRORS_MAX; i++)
		if (l.errors[i].line < 2 || !l.errors[i].why)
			abort();
	/* The table carries state from one input to the next, as rad's
	 * does from one file to the next. */
	delegated_update(&table, size & 1 ? NULL : &l, now);
	memset(&ra, 0, sizeof(ra));
	ra.hop_limit = 64;
	ra.prefix_count = 1;
	ra.prefixes[0].len = 64;
	ra.prefixes[0].addr[0] = 0xfd;
	delegated_to_ra(&table, &ra, now + size * 1000);
	if (table.count > DELEGATED_MAX || ra.timed_count > RA_TIMED_MAX)
		abort();
	n = ra_build(&ra, 1800, buf, sizeof(buf));
	if (!n || nd_options_check(buf, n, 16) < 0)
		abort();
	for (unsigned i = 0; i < ra.timed_count; i++)
		if (!ra.timed[i].valid_secs ||
		    ra.timed[i].preferred_secs > ra.timed[i].valid_secs)
			abort();
	free(text);
	return 0;
}
