/*
 * apply.h - live apply of a new config, with commit-confirmed rollback
 * (apply.c; the request format is apply_request.h).
 */
#ifndef KEEL_INIT_APPLY_H
#define KEEL_INIT_APPLY_H

#include <stdbool.h>
#include <stdint.h>

#include "keel/evloop.h"

struct apply {
	struct evloop_timer confirm_timer;
	bool pending;		/* a config on trial, not yet confirmed */
	uint32_t confirm_s;
	char trial_id[32];	/* its request, for the rollback's result */
};

struct init;
struct step_report;

/* Routes SIGHUP to the apply handler. Returns 0 or -1. */
int apply_init(struct init *init);

/* At boot, before the config is read: a trial left by a power cut or a
 * reboot is discarded. */
void apply_boot_cleanup(struct step_report *report);

#endif /* KEEL_INIT_APPLY_H */
