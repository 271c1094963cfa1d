/*
 * from_config.h - the firewall policy that /etc/keel/keel.conf describes.
 */
#ifndef KEEL_FW_FROM_CONFIG_H
#define KEEL_FW_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "policy.h"

/* Zones from [lan] and [wan], forwards from [forward NAME]. Pure. Returns
 * 0, or -1 with err filled (e.g. no [wan]: nothing to firewall yet). */
int fw_policy_from_config(const struct keel_config *cfg, struct fw_policy *p,
			  char *err, size_t err_size);

#endif /* KEEL_FW_FROM_CONFIG_H */
