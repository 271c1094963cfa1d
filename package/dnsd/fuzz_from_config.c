/*
 * fuzz_from_config.c - libFuzzer target: any keel.conf the parser accepts
 * maps onto dnsd's settings without a crash or a read past a table, and
 * whatever maps prints (-n) and names a listen address.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "from_config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct keel_config conf;
	static struct dnsd_config opts;
	static FILE *sink;
	struct config_error cerr;
	char err[256];

	if (!sink && !(sink = fopen("/dev/null", "w")))
		return 0;
	if (config_parse((const char *)data, size, &conf, &cerr) != 0)
		return 0;
	options_defaults(&opts);
	if (options_from_config(&opts, &conf, err, sizeof(err)) != 0) {
		if (!err[0])
			abort();
		return 0;
	}
	if (opts.nlisten == 0 || opts.nlisten > DNSD_LISTEN_MAX ||
	    opts.nleases > DNSD_LEASES_MAX || opts.nhosts > DNSD_HOSTS_MAX ||
	    (opts.nupstream == 0 && !opts.upstream_file))
		abort();
	options_print(&opts, sink);
	return 0;
}
