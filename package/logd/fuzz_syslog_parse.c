/* libFuzzer: any datagram through syslog_parse and kmsg_parse, then into a
 * ring and out as a reader line and a 5424 frame. Spans must stay inside
 * the input; ASan checks every read. */
#include <stdint.h>
#include <string.h>

#include "format.h"
#include "read_req.h"
#include "ring.h"
#include "syslog_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static uint64_t mem[2048];

static void roundtrip(const struct log_msg *m)
{
	struct ring r;
	struct ring_cursor c;
	struct ring_rec rec;
	char line[FORMAT_LINE_MAX];

	ring_init(&r, mem, sizeof(mem));
	ring_put(&r, m);
	ring_oldest(&r, &c);
	if (ring_next(&r, &c, &rec, NULL)) {
		format_line(&rec, "gw", line, sizeof(line));
		format_5424(&rec, "gw", 1, line, sizeof(line));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data;
	struct log_msg m;
	uint64_t seq, us;

	if (syslog_parse(p, size, &m) == 0)
		roundtrip(&m);
	if (kmsg_parse(p, size, 0, &m, &seq) == 0)
		roundtrip(&m);
	rfc3339_parse(p, size, &us);
	{
		struct read_req q;

		read_req_parse(p, size, &q);
	}
	return 0;
}
