/*
 * fuzz_local.c - libFuzzer target: the hosts/lease file parser (the DHCP
 * daemon writes that file; a bad line must cost only that line) and the
 * reverse-name parser.
 */
#include <stdint.h>
#include <string.h>

#include "dns_wire.h"
#include "local.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct local_table t;
	struct local_result r;
	char name[300];
	uint8_t addr[16];
	size_t i;

	if (!t.hosts && local_init(&t, 64, "lan") < 0)
		return 0;
	local_clear(&t);
	local_add_hosts_buf(&t, (const char *)data, size);
	/* Whatever a lease file brings, its names stay under the domain. */
	local_clear(&t);
	local_add_leases_buf(&t, (const char *)data, size);
	if (t.foreign)
		__builtin_trap();
	for (i = 0; i < t.count; i++) {
		if (local_lookup(&t, t.hosts[i].name,
				 t.hosts[i].family == 4 ? DNS_T_A : DNS_T_AAAA,
				 &r) != LOCAL_FOUND)
			__builtin_trap();
	}
	if (size < sizeof(name)) {
		memcpy(name, data, size);
		name[size] = '\0';
		local_parse_reverse(name, addr);
		local_lookup(&t, name, DNS_T_PTR, &r);
	}
	return 0;
}
