/*
 * validators.h - the checks a config must pass beyond the parser: every
 * service the config runs checks it with its own check mode (`dnsd -n -C
 * FILE`, `dhcpd -n -C FILE -S LAN`...) and keel-fw builds its ruleset
 * from it (`keel-fw apply -n -c FILE`). The same code that will run, not
 * a copy of its limits, so a config check accepts is one every service
 * starts with. The plan is libkeel's, shared with init.
 *
 * $KEEL_SBIN names another directory holding the programs (host tests).
 */
#ifndef KEEL_CONFIG_VALIDATORS_H
#define KEEL_CONFIG_VALIDATORS_H

#include <stdio.h>

#include "keel/config.h"

/* Runs every validator cfg (parsed from path) calls for; reports each on
 * out ("# dnsd: ok") and the first refusal on errout. Returns 0 or -1. */
int validators_run(const struct keel_config *cfg, const char *path,
		   FILE *out, FILE *errout);

#endif /* KEEL_CONFIG_VALIDATORS_H */
