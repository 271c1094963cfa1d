/*
 * plan_print.h - `init -n FILE`: what init would do with a config, the way
 * the daemons' -n prints theirs: the kernel settings and rtnetlink requests
 * of the network plan (decoded from the very requests network_step sends),
 * the services it would start with their command lines, and the files it
 * writes for third-party servers. For keel-config's key tests and for
 * people reading an unfamiliar config.
 */
#ifndef KEEL_INIT_PLAN_PRINT_H
#define KEEL_INIT_PLAN_PRINT_H

#include <stdio.h>

#include "keel/config.h"

/* Prints cfg's plan to out. Pure but for out. Returns 0, or -1 if the plan
 * itself is unusable (say why on out too). */
int plan_print(const struct keel_config *cfg, FILE *out);

#endif /* KEEL_INIT_PLAN_PRINT_H */
