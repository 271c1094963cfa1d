/*
 * firewall.h - load the firewall before any interface comes up, and fail
 * closed: when keel-fw cannot load the ruleset (it crashed, timed out, or
 * the kernel refused it), init loads the built-in lockdown ruleset
 * (keel/fw_lockdown.h) itself, forwarding stays off, the failure is loud,
 * and a trial boot is not confirmed.
 */
#ifndef KEEL_INIT_FIREWALL_H
#define KEEL_INIT_FIREWALL_H

#include <stdbool.h>

#define FIREWALL_STATUS_PATH "/run/keel/firewall"

enum firewall_state {
	FIREWALL_NONE = 0,	/* nothing loaded: even the lockdown failed */
	FIREWALL_LOADED,	/* the config's full ruleset */
	FIREWALL_LAN_ONLY,	/* no [wan]: the lockdown rules are the policy */
	FIREWALL_LOCKDOWN,	/* the ruleset failed: lockdown holds */
};

struct firewall {
	enum firewall_state state;
	char why[200];		/* for LOCKDOWN and NONE */
};

/* Forwarding may be turned on only with the full ruleset in force. */
static inline bool firewall_allows_forwarding(const struct firewall *fw)
{
	return fw->state == FIREWALL_LOADED;
}

/* "loaded", "lan-only", "lockdown", "none". */
const char *firewall_state_name(enum firewall_state state);

struct init;
struct step_report;

/* Boot step: `keel-fw apply -c` on the config snapshot, waited for
 * (bounded); on any failure the lockdown. In force before network_step
 * brings the WAN up. */
void firewall_step(struct init *init, struct step_report *report);

/* The same for a live apply, on the snapshot now in place. Returns 0 when
 * the full ruleset (or the LAN-only one) is loaded, -1 when the lockdown
 * (or nothing) holds. */
int firewall_load(struct init *init, struct step_report *report);

/* Loads the config's ruleset (keel-fw; the LAN-only rules without a WAN)
 * and records the state; on failure changes nothing (keel-fw's batch is
 * all or nothing) and says why. Returns 0 or -1. */
int firewall_try(struct init *init, char *why, size_t whylen);

/* Loads the lockdown and records why; forwarding off. */
void firewall_lockdown(struct init *init, const char *why);

#endif /* KEEL_INIT_FIREWALL_H */
