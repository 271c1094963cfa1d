/*
 * fuzz_engine.c - libFuzzer target: a stream of frames through the whole
 * packet path (decode, a small flow table, expiry, all three encoders).
 * Input: the first byte picks the export version, then records of a
 * 2-byte time step (10 ms units), a 1-byte length and that many frame
 * bytes. Invariants: datagrams fit the MTU, and every flow created is
 * exported exactly once by the end.
 */
#include <stdint.h>
#include <string.h>

#include "engine.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void count_send(void *arg, const uint8_t *buf, size_t len)
{
	(void)arg;
	if (len > EXPORT_MTU || len < 16)
		__builtin_trap();
	(void)buf;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const int versions[] = { 5, 9, 10 };
	static struct engine e;
	struct engine_settings st = {
		.max_flows = 16, .idle_s = 2, .active_s = 5, .linger_s = 1,
		.tmpl_every_pkts = 2, .tmpl_every_s = 3,
	};
	uint64_t now = 1700000000000ull;
	size_t off = 1;

	if (size < 1)
		return 0;
	st.version = versions[data[0] % 3];
	if (engine_init(&e, &st, data[0], now, count_send, NULL) < 0)
		return 0;
	while (off + 3 <= size) {
		size_t len = data[off + 2];

		now += (uint64_t)(data[off] << 8 | data[off + 1]) * 10;
		off += 3;
		if (len > size - off)
			len = size - off;
		engine_packet(&e, data[off - 3] & 3, now, data + off, len, 1);
		off += len;
	}
	engine_flush(&e);
	/* Every flow created was exported (v5 skips IPv6 before counting). */
	if (e.st.exported != e.ft.created || e.ft.count != 0)
		__builtin_trap();
	engine_free(&e);
	return 0;
}
