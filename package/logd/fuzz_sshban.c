/* libFuzzer: any dropbear line through sshban_match, and whatever
 * address it yields through the decision table. */
#include <stdint.h>
#include <string.h>

#include "sshban.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sshban table;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct sshban_config cfg = {
		.failures = 2, .window_s = 10, .ban_s = 1, .ban_max_s = 4,
	};
	static uint64_t now;
	uint8_t addr[16];
	int family;
	uint64_t ms;
	struct sshban_entry e;

	if (sshban_match("dropbear", 8, (const char *)data, size, &family,
			 addr))
		sshban_failure(&table, &cfg, family, addr, now, &ms);
	now += 700;
	while (sshban_expired(&table, now, 20000, &e))
		;
	return 0;
}
