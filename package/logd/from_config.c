/*
 * from_config.c - keel.conf's [log] and [ssh] keys to struct logd_options.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

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
	if (cfg->ssh.ban_prefix6 < SSHBAN_PREFIX6_MIN ||
	    cfg->ssh.ban_prefix6 > 128) {
		snprintf(err, errlen, "[ssh] ban-prefix6 %u: logd takes %u to "
			 "128", cfg->ssh.ban_prefix6, SSHBAN_PREFIX6_MIN);
		return -1;
	}
	if (cfg->ssh.probe_limit.count > LOGD_BAN_FAILURES_MAX) {
		snprintf(err, errlen, "[ssh] probe-limit %u: more than logd's "
			 "%u (LOGD_BAN_FAILURES_MAX)",
			 cfg->ssh.probe_limit.count, LOGD_BAN_FAILURES_MAX);
		return -1;
	}
	if (cfg->ssh.n_ban_allow > SSHBAN_ALLOW_MAX) {
		snprintf(err, errlen, "[ssh] ban-allow: %u prefixes, more than "
			 "logd's %d (SSHBAN_ALLOW_MAX)", cfg->ssh.n_ban_allow,
			 SSHBAN_ALLOW_MAX);
		return -1;
	}
	out.ring_bytes = cfg->log.ring_bytes;
	out.ban.failures = failures;
	out.ban.ban_s = cfg->ssh.ban_seconds;
	out.ban.prefix6 = cfg->ssh.ban_prefix6;
	out.ban.probes = cfg->ssh.probe_limit.count;
	out.ban.probe_window_s = cfg->ssh.probe_limit.count ?
		cfg->ssh.probe_limit.per_seconds : out.ban.probe_window_s;
	out.ban.n_allow = cfg->ssh.n_ban_allow;
	for (size_t i = 0; i < cfg->ssh.n_ban_allow; i++) {
		const struct config_addr *a = &cfg->ssh.ban_allow[i];
		struct prefix *p = &out.ban.allow[i];

		memset(p, 0, sizeof(*p));
		p->family = a->family == CONFIG_AF_INET ? AF_INET : AF_INET6;
		memcpy(p->addr, a->bytes, 16);
		p->len = a->prefix;
	}
	out.ban.n_local6 = 0;
	for (size_t l = 0; l < cfg->n_lans; l++) {
		const struct config_lan *lan = &cfg->lans[l];

		for (size_t i = 0; i < lan->n_addrs; i++) {
			const struct config_addr *a = &lan->addrs[i];
			struct prefix *p;

			if (a->family != CONFIG_AF_INET6 ||
			    out.ban.n_local6 == SSHBAN_LOCAL6_MAX)
				continue;
			p = &out.ban.local6[out.ban.n_local6++];
			memset(p, 0, sizeof(*p));
			p->family = AF_INET6;
			memcpy(p->addr, a->bytes, 16);
			p->len = a->prefix;
		}
	}
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
