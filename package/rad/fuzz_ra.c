/* libFuzzer target: any configuration options_parse could produce, and
 * some it would not, must give an RA that fits RA_MAX_LEN, is a whole
 * number of 8-byte units and has well-formed options - or no RA at all. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ra_wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static uint8_t buf[RA_MAX_LEN];
	struct ra_config c;
	size_t fixed = 4 + sizeof(c.prefixes) + sizeof(c.rdnss) + 6, n, dlen;

	if (size < fixed)
		return 0;
	memset(&c, 0, sizeof(c));
	c.hop_limit = data[0];
	c.prefix_count = data[1] % (RA_PREFIX_MAX + 1);
	c.rdnss_count = data[2] % (RA_RDNSS_MAX + 1);
	c.has_lladdr = data[3] & 1;
	c.mtu = data[3] & 2 ? 1280u + data[3] : 0;
	c.flags = data[3] & 0xc0;
	memcpy(c.prefixes, data + 4, sizeof(c.prefixes));
	/* Delegated prefixes: the same bytes, lifetimes from the header. */
	c.timed_count = (unsigned)(data[2] >> 3) % (RA_TIMED_MAX + 1);
	for (unsigned i = 0; i < c.timed_count; i++) {
		c.timed[i].prefix = c.prefixes[i % RA_PREFIX_MAX];
		c.timed[i].valid_secs = (uint32_t)data[i % 4] << 24 | i;
		c.timed[i].preferred_secs = data[3] & 4 ? 0 : i;
	}
	memcpy(c.rdnss, data + 4 + sizeof(c.prefixes), sizeof(c.rdnss));
	memcpy(c.lladdr, data + fixed - 6, 6);
	dlen = size - fixed;
	if (dlen > RA_DOMAIN_MAX)
		dlen = RA_DOMAIN_MAX;
	memcpy(c.domain, data + fixed, dlen);
	c.domain[dlen] = 0;
	n = ra_build(&c, (uint16_t)size, buf, sizeof(buf));
	if (n && (n > RA_MAX_LEN || n % 8 || buf[0] != 134 ||
		  nd_options_check(buf, n, 16) < 0))
		abort();
	/* Without a domain every configuration fits. */
	c.domain[0] = 0;
	if (!ra_build(&c, 0, buf, sizeof(buf)))
		abort();
	return 0;
}
