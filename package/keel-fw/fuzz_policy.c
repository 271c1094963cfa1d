/* libFuzzer target: the policy file and forward parsers must stay in
 * bounds, and whatever they accept must print and parse back the same, and
 * build a batch that fits. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "policy.h"
#include "ruleset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint8_t mem[1024 * 1024] __attribute__((aligned(4)));
static struct fw_batch fb;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct fw_policy p, q;
	static char out[16384];
	char err[200];
	struct fw_forward f;
	char *text = malloc(size ? size : 1);

	if (!text)
		return 0;
	memcpy(text, data, size);
	(void)fw_forward_parse(text, size, &f, err, sizeof(err));
	fw_policy_init(&p);
	if (fw_policy_parse(text, size, &p, err, sizeof(err)) == 0) {
		fw_policy_print(&p, out, sizeof(out));
		fw_policy_init(&q);
		if (fw_policy_parse(out, strlen(out), &q, err, sizeof(err)) ||
		    memcmp(&p, &q, sizeof(p)))
			abort();
		if (fw_policy_check(&p, err, sizeof(err)) == 0) {
			fw_batch_init(&fb, mem, sizeof(mem), 1);
			/* Even the largest policy fits what keel-fw sends. */
			if (fw_ruleset_build(&p, NULL, 0, 0, &fb) < 0)
				abort();
		}
	}
	free(text);
	return 0;
}
