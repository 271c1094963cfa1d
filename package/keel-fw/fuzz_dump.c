/* libFuzzer target: whatever the kernel (or anything posing as it) sends
 * back to `show` and `bans` is parsed in bounds: netlink framing, nested
 * attributes, counters, verdicts, comments and set elements. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <keel/nlmsg.h>

#include "dump.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct nlmsg_view m;
	struct fw_chain_info c;
	struct fw_rule_info r;
	struct fw_elem_info e[8];
	size_t off = 0;
	unsigned n;
	char line[512], text[128];
	int err;
	uint32_t seq;
	/* A copy of exactly size bytes, so ASan sees any overread. */
	uint8_t *buf = malloc(size ? size : 1);

	if (!buf)
		return 0;
	memcpy(buf, data, size);
	while (nlmsg_next(buf, size, &off, &m) > 0) {
		(void)nlmsg_error(&m, &err, &seq, text, sizeof(text));
		if (fw_chain_parse(&m, &c) == 0)
			fw_chain_format(&c, line, sizeof(line));
		if (fw_rule_parse(&m, &r) == 0) {
			fw_rule_format(&r, line, sizeof(line));
			if (strlen(r.comment) >= sizeof(r.comment))
				abort();
		}
		(void)fw_setelems_parse(&m, e, 8, &n);
	}
	free(buf);
	return 0;
}
