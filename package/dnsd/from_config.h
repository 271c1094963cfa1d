/*
 * from_config.h - dnsd's settings from keel.conf: listen on the [lan]
 * addresses, [dns] for the resolver, the names of each [dhcp] pool's
 * leases. The one place that maps the config onto dnsd (init used to do it
 * with argv flags, cutting what did not fit).
 */
#ifndef DNSD_FROM_CONFIG_H
#define DNSD_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "options.h"

/*
 * Sets every config-backed field of o from cfg and leaves the others (user,
 * timeouts, -n, -k) as they are. Pure. o keeps pointers into cfg, which
 * must live as long as o. Returns 0, or -1 with one line in err when
 * something does not fit dnsd (a table, a DNS name): never a silent cut.
 */
int options_from_config(struct dnsd_config *o, const struct keel_config *cfg,
			char *err, size_t errlen);

#endif /* DNSD_FROM_CONFIG_H */
