/*
 * from_config.h - flowd's settings from keel.conf (flowd -C FILE): the one
 * place that maps the [flow] section onto struct flowd_options.
 */
#ifndef FLOWD_FROM_CONFIG_H
#define FLOWD_FROM_CONFIG_H

#include <stddef.h>

#include "keel/config.h"

#include "options.h"

/*
 * Pure. Sets from cfg's [flow]: the capture interfaces, the collectors and
 * the export version; leaves every other field of o as it is, then runs
 * options_finish(). No [flow] section, or more than flowd's tables hold, is
 * an error naming the limit, never cut. Returns 0, or -1 with one line in
 * err.
 */
int options_from_config(struct flowd_options *o, const struct keel_config *cfg,
			char *err, size_t errlen);

#endif /* FLOWD_FROM_CONFIG_H */
