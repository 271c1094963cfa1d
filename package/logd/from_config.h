/*
 * from_config.h - logd's settings from keel.conf (logd -C FILE): the one
 * place that maps [log] and [ssh] keys onto struct logd_options.
 */
#ifndef LOGD_FROM_CONFIG_H
#define LOGD_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "options.h"

/*
 * Pure. Sets from cfg: the ring ([log] ring-size), the remote collector
 * and its protocol ([log] remote), the SSH ban's failures ([ssh] ban-after,
 * 0 when [services] sshd is off), first ban ([ssh] ban-time), IPv6 ban
 * prefix ([ssh] ban-prefix6), probe limit ([ssh] probe-limit) and the
 * allowlist ([ssh] ban-allow); leaves
 * every other field of o as it is, then runs options_check(). A value logd
 * cannot hold is an error naming the key and the limit, never cut, and o is
 * then left as it was. Returns 0, or -1 with one line in err.
 */
int options_from_config(struct logd_options *o, const struct keel_config *cfg,
			char *err, size_t errlen);

#endif /* LOGD_FROM_CONFIG_H */
