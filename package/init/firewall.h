/*
 * firewall.h - load the firewall before any interface comes up.
 */
#ifndef KEEL_INIT_FIREWALL_H
#define KEEL_INIT_FIREWALL_H

struct init;
struct step_report;

/* Boot step: `keel-fw apply -c CONFIG`, waited for (bounded). The ruleset
 * is in force before network_step brings the WAN up. */
void firewall_step(struct init *init, struct step_report *report);

#endif /* KEEL_INIT_FIREWALL_H */
