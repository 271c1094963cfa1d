/* libFuzzer target: any UDP payload from a DNS server must never make
 * dns_aaaa_answer read out of bounds or loop, and an address it accepts
 * must be global unicast. The ID is taken from the input so the question
 * and records are reached. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "dns_aaaa.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint8_t *buf = malloc(size ? size : 1), addr[16];
	uint16_t id = size >= 2 ? (uint16_t)(data[0] << 8 | data[1]) : 0;
	uint32_t ttl = 0;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (dns_aaaa_answer(buf, size, id, "aftr.example", addr, &ttl) == DNS_OK &&
	    ((addr[0] & 0xe0) != 0x20 || ttl > 0x7fffffffu))
		abort();
	free(buf);
	return 0;
}
