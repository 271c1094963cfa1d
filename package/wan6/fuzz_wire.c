/* libFuzzer target: any UDP payload from the WAN must never make
 * wire_parse read out of bounds, every kept binding must obey the rules
 * it promises (preferred <= valid, prefix length <= 128), and names must
 * hold no byte that could forge a lease-file field. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "wire.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_name(const char *s)
{
	for (; *s; s++)
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
			abort();
}

static void check_ia(const struct wire_ia *ia, int pd)
{
	if (ia->n > WIRE_IA_MAX)
		abort();
	for (unsigned i = 0; i < ia->n; i++) {
		if (pd && (ia->prefixes[i].len > 128 ||
			   ia->prefixes[i].preferred > ia->prefixes[i].valid))
			abort();
		if (!pd && ia->addrs[i].preferred > ia->addrs[i].valid)
			abort();
	}
	if (ia->present && ia->t1 && ia->t2 && ia->t1 > ia->t2)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct wire_msg m;
	uint8_t *buf = malloc(size ? size : 1);

	/* A copy of exactly size bytes, so ASan sees any overread. */
	if (!buf)
		return 0;
	memcpy(buf, data, size);
	/* The same bytes as one RFC 1035 name (options 24 and 64). */
	{
		char name[WIRE_NAME_MAX + 1];
		size_t used = wire_name_decode(buf, size, name);

		if (used > size || (used && (strlen(name) > WIRE_NAME_MAX ||
					     !name[0])))
			abort();
		if (used)
			check_name(name);
	}
	if (wire_parse(buf, size, 0x11223344u, &m) == WIRE_OK) {
		check_ia(&m.na, 0);
		check_ia(&m.pd, 1);
		check_name(m.domain);
		check_name(m.aftr);
		if (m.n_dns > WIRE_DNS_MAX)
			abort();
		if (m.client_id && (m.client_id < buf ||
				    m.client_id + m.client_id_len > buf + size))
			abort();
	}
	free(buf);
	return 0;
}
