/* libFuzzer target: the IPv4/UDP headers of every frame dhcpd reads; the
 * payload it hands on must lie inside the input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ipv4_udp.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf = malloc(size ? size : 1);
	struct ipv4_udp u;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (ipv4_udp_parse(buf, size, &u) == IPV4_UDP_OK &&
	    (u.payload < buf + 28 || u.payload + u.len > buf + size))
		abort();
	free(buf);
	return 0;
}
