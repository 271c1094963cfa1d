/*
 * fuzz_upstream_list.c - libFuzzer target for the upstream servers file.
 */
#include <stddef.h>
#include <stdint.h>

#include "upstream_list.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct endpoint out[DNSD_UPSTREAM_MAX];
	size_t bad;

	upstream_list_parse((const char *)data, size, out, DNSD_UPSTREAM_MAX, &bad);
	return 0;
}
