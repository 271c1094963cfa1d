/*
 * fuzz_decode.c - libFuzzer target: any frame a capture can deliver goes
 * through pkt_decode() under each link type. The first byte picks the link
 * type, the rest is the frame.
 */
#include <stdint.h>
#include <string.h>

#include "decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int links[] = { LINK_ETHERNET, LINK_RAW, LINK_LINUX_SLL,
				     LINK_RAW_DLT };
	struct pkt_info pi;

	if (size < 1)
		return 0;
	if (pkt_decode(data + 1, size - 1, links[data[0] % 4], &pi) ==
	    DECODE_OK) {
		/* A decoded packet must say what it is. */
		if (pi.family != 4 && pi.family != 6)
			__builtin_trap();
		if (pi.l4_missing && (pi.sport || pi.dport))
			__builtin_trap();
	}
	return 0;
}
