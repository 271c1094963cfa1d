/*
 * from_config.h - rad's settings from keel.conf (rad -C FILE -S LAN): the
 * one place that maps a [lan NAME] and its neighbours onto struct
 * rad_options.
 */
#ifndef RAD_FROM_CONFIG_H
#define RAD_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "options.h"

/*
 * Pure. Sets from cfg, for the LAN named lan: the interface; a /64 prefix
 * per IPv6 address (the address with its low 64 bits zeroed; two addresses
 * in one /64 give it once); each IPv6 address as a DNS server when
 * [services] dnsd is on; [dns] domain as the search domain; stateless
 * DHCPv6 on; the user rad unless -u chose one. Every other field of o is
 * kept, then options_finish() runs. A missing LAN, one without IPv6, or a
 * value rad cannot hold is an error naming it, never cut. o may point into
 * cfg afterwards. Returns 0, or -1 with one line in err.
 */
int options_from_config(struct rad_options *o, const struct keel_config *cfg,
			const char *lan, char *err, size_t errlen);

#endif /* RAD_FROM_CONFIG_H */
