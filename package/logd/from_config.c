/*
 * from_config.c - keel.conf's [log] and [ssh] keys to struct logd_options.
 */
#include <stdio.h>

#include "from_config.h"

int options_from_config(struct logd_options *o, const struct keel_config *cfg,
			char *err, size_t errlen)
{
	const struct config_endpoint *remote = &cfg->log.remote;
	struct logd_options out = *o;
	uint32_t failures = cfg->services.sshd ? cfg->ssh.ban_after : 0;

	if (cfg->log.ring_bytes < LOGD_RING_MIN ||
	    cfg->log.ring_bytes > LOGD_RING_MAX) {
		snprintf(err, errlen, "[log] ring-size %u: logd takes %u to %u "
			 "bytes (LOGD_RING_MIN, LOGD_RING_MAX)",
			 cfg->log.ring_bytes, LOGD_RING_MIN, LOGD_RING_MAX);
		return -1;
	}
	if (failures > LOGD_BAN_FAILURES_MAX) {
		snprintf(err, errlen, "[ssh] ban-after %u: more than logd's %u "
			 "(LOGD_BAN_FAILURES_MAX)", failures,
			 LOGD_BAN_FAILURES_MAX);
		return -1;
	}
	if (cfg->ssh.ban_seconds < 1 ||
	    cfg->ssh.ban_seconds > LOGD_BAN_SECONDS_MAX) {
		snprintf(err, errlen, "[ssh] ban-time %u s: logd takes 1 to %u "
			 "(LOGD_BAN_SECONDS_MAX)", cfg->ssh.ban_seconds,
			 LOGD_BAN_SECONDS_MAX);
		return -1;
	}
	out.ring_bytes = cfg->log.ring_bytes;
	out.ban.failures = failures;
	out.ban.ban_s = cfg->ssh.ban_seconds;
	out.remote_set = cfg->log.remote_set;
	out.remote_tcp = false;
	if (cfg->log.remote_set) {
		char addr[CONFIG_ADDR_STRLEN], text[CONFIG_ADDR_STRLEN + 8];

		/* Through the -r parser, so both paths give one form. */
		config_addr_str(&remote->addr, false, addr, sizeof(addr));
		snprintf(text, sizeof(text),
			 remote->addr.family == CONFIG_AF_INET6 ? "[%s]:%u" :
								  "%s:%u",
			 addr, (unsigned)remote->port);
		if (endpoint_parse(text, 514, &out.remote)) {
			snprintf(err, errlen, "[log] remote %s: not an address "
				 "and port logd can use", text);
			return -1;
		}
		out.remote_tcp = cfg->log.remote_proto == CONFIG_PROTO_TCP;
	}
	if (options_check(&out, err, errlen) < 0)
		return -1;
	*o = out;
	return 0;
}
