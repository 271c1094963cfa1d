/*
 * watchdog.h - pet the hardware watchdog while init's loop is alive.
 */
#ifndef KEEL_INIT_WATCHDOG_H
#define KEEL_INIT_WATCHDOG_H

#include "keel/evloop.h"

#define WATCHDOG_DEVICE "/dev/watchdog"
#define WATCHDOG_TIMEOUT_S 30
/* The kernel command line may set keel_watchdog=SECONDS (2-600), which
 * reaches init as an environment variable (tests use a short one). */
#define WATCHDOG_ENV "keel_watchdog"

struct watchdog {
	int fd;			/* -1: no watchdog */
	int pet_ms;		/* a third of the timeout */
	struct evloop_timer pet;
};

/* The timeout asked for by the environment value (NULL: none), or the
 * default; out-of-range or malformed values give the default. Pure. */
int watchdog_timeout(const char *env);

struct init;
struct step_report;

/* Boot step: arm the watchdog and pet it from the event loop three times
 * per timeout: if init's loop ever stops turning, the board resets. A board
 * without one is reported, not an error. */
void watchdog_step(struct init *init, struct step_report *report);

#endif /* KEEL_INIT_WATCHDOG_H */
