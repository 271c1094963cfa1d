/*
 * init.h - the state PID 1 keeps for its whole life (one instance, main.c).
 */
#ifndef KEEL_INIT_INIT_H
#define KEEL_INIT_INIT_H

#include <stdint.h>

#include "keel/children.h"
#include "keel/config.h"
#include "keel/evloop.h"

#include "apply.h"
#include "console.h"
#include "firewall.h"
#include "health.h"
#include "services.h"
#include "watchdog.h"

struct init {
	struct evloop loop;
	struct children kids;
	struct console console;
	struct keel_config config;	/* as loaded at boot */
	const char *config_path;	/* the file it came from */
	struct services services;
	struct firewall firewall;
	struct apply apply;
	struct watchdog watchdog;
	struct health health;
	uint64_t start_us;	/* CLOCK_MONOTONIC when main() began */
};

#endif /* KEEL_INIT_INIT_H */
