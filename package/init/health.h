/*
 * health.h - when is this boot good? After an A/B upgrade the new slot is
 * on trial; init confirms it (keel-upgrade --mark-good) only once every
 * service has run steadily and the LAN has its address. A trial boot that
 * never gets there reboots, so the bootloader counts down and falls back.
 */
#ifndef KEEL_INIT_HEALTH_H
#define KEEL_INIT_HEALTH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/evloop.h"

#define HEALTH_FIRST_CHECK_MS 10000	/* after the services started */
#define HEALTH_RETRY_MS 5000
#define HEALTH_STEADY_MS 8000		/* each service up this long */
#define KEEL_UPGRADE "/usr/sbin/keel-upgrade"

struct services;

/* Pure: every planned service is running, has been for steady_ms, and
 * the plan was not empty of what the config asked for. On failure *why
 * names the first service that is not. */
bool health_services_ok(const struct services *svcs, uint64_t now_ms,
			uint64_t steady_ms, const char **why);

/* Pure: from a kernel command line, whether this boot came from an A/B
 * slot (keel.slot=) and whether the slot is on trial (keel.trial=1). */
void health_boot_kind(const char *cmdline, size_t len, bool *ab, bool *trial);

struct health {
	struct evloop_timer timer;
	uint64_t started_ms;
	uint64_t deadline_ms;	/* [top] trial-timeout: give up, reboot */
	bool ab, trial, done;
	char lan_if[16];
};

struct init;
/* Arms the checks; called after the services step. */
void health_start(struct init *init);

#endif
