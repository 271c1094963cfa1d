/* libFuzzer: any dropbear line through sshban_match, and whatever source
 * it yields through the decision table (IPv6 per /56, probes limited,
 * an allowlist); the first input byte is the line's pid, so NOUSER lines
 * and exits meet. */
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>

#include "sshban.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct sshban table;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct sshban_config cfg = {
		.failures = 2, .window_s = 10, .probes = 3,
		.probe_window_s = 5, .ban_s = 1, .ban_max_s = 4,
		.prefix6 = 56, .n_allow = 1,
		.allow = { { .family = AF_INET6, .len = 60,
			     .addr = { 0x20, 0x01, 0x0d, 0xb8 } } },
	};
	static uint64_t now;
	struct sshban_source src;
	struct sshban_ban ban;
	struct sshban_entry e;
	enum sshban_line line;
	int32_t pid;

	if (!size)
		return 0;
	pid = data[0];
	line = sshban_match("dropbear", 8, (const char *)data + 1, size - 1,
			    &src);
	if (line != SSHBAN_LINE_NONE &&
	    sshban_event(&table, &cfg, line, pid, &src, now, &ban) ==
		    SSHBAN_BAN) {
		unsigned bits = ban.what.family == AF_INET ? 32 : 128;

		if (ban.what.len > bits || !ban.ms)
			__builtin_trap();
	}
	now += 700;
	while (sshban_expired(&table, now, 20000, &e))
		;
	return 0;
}
