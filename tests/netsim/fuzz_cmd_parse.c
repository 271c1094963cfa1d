/* libFuzzer target: every parser of netsim's line protocol on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char line[512], *argv[16];
	ip_addr_t ip;
	uint8_t mac[6];
	uint16_t port;
	unsigned long v;
	int plen, argc;

	if (size >= sizeof(line))
		return 0;
	memcpy(line, data, size);
	line[size] = '\0';
	argc = cmd_split(line, argv, 16);
	for (int i = 0; i < argc; i++) {
		parse_mac(argv[i], mac);
		parse_prefix(argv[i], &ip, &plen);
		parse_endpoint(argv[i], &ip, &port);
		parse_ulong(argv[i], 65535, &v);
		opt_value(argc, argv, i, argv[i]);
	}
	return 0;
}
