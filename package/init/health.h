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

#define HEALTH_FIRST_CHECK_MS 2000	/* after the services started */
#define HEALTH_RETRY_MS 1000
#define KEEL_UPGRADE "/usr/sbin/keel-upgrade"

struct services;

/* Pure: every planned service is running and has said it is ready (a
 * third-party server: listens). On failure *why names the first that is
 * not. */
bool health_services_ok(const struct services *svcs, const char **why);

/* Pure: the full ruleset (or, with no WAN, the LAN-only one) is loaded; a
 * boot in lockdown is not a good boot. */
struct firewall;
bool health_firewall_ok(const struct firewall *fw, const char **why);

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
