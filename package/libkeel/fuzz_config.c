/* libFuzzer target: keel.conf parsing must never crash or read out of
 * bounds, and whatever it accepts must print in canonical form and parse
 * back to the very same struct; anything refused must still yield a valid
 * safe default with the keys salvaged from it. */
#define _GNU_SOURCE	/* memmem */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keel/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct keel_config cfg, again;
	static char printed[256 * 1024];
	struct config_error err;
	/* An exact-size heap copy lets ASan catch a read one past the end. */
	char *buf = malloc(size ? size : 1);
	FILE *out;
	long n;

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	if (config_parse(buf, size, &cfg, &err) != 0) {
		/* Every error says something, and the message is terminated. */
		if (!err.msg[0] || !memchr(err.msg, '\0', sizeof(err.msg)))
			abort();
		/* The fallback init then takes must always be valid. Only
		 * key lines change it, so skip the slow path without one. */
		if (memmem(buf, size, "authorized-key", 14) &&
		    (config_salvage_keys(buf, size, &again) < 0 ||
		     config_validate(&again, &err) != 0))
			abort();
		free(buf);
		return 0;
	}
	free(buf);
	out = fmemopen(printed, sizeof(printed), "w");
	if (!out)
		return 0;
	config_print(&cfg, out);
	n = ftell(out);
	fclose(out);
	if (n <= 0 || (size_t)n >= sizeof(printed))
		abort();
	if (config_parse(printed, (size_t)n, &again, &err) != 0) {
		fprintf(stderr, "re-parse failed: %s\n%s", err.msg, printed);
		abort();
	}
	if (memcmp(&cfg, &again, sizeof(cfg)) != 0) {
		fprintf(stderr, "round trip differs:\n%s", printed);
		abort();
	}
	return 0;
}
