/*
 * network.h - boot steps that read the config and bring the network up.
 */
#ifndef KEEL_INIT_NETWORK_H
#define KEEL_INIT_NETWORK_H

struct init;
struct step_report;

/* Loads /data/keel.conf if present, else /etc/keel/keel.conf; a file that
 * fails to parse is logged and replaced by the safe default. */
void config_step(struct init *init, struct step_report *report);

/* Kernel network settings, bridges, links, addresses and static routes
 * over rtnetlink, from the config loaded by config_step. */
void network_step(struct init *init, struct step_report *report);

/* Live apply: removes the addresses the old config had and the new one
 * does not, then network_step() with the new config (idempotent). */
struct keel_config;
void network_reconcile(struct init *init, const struct keel_config *old,
		       struct step_report *report);

#endif /* KEEL_INIT_NETWORK_H */
