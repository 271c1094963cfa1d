/*
 * boot.h - boot as a sequence of named, individually timed steps.
 *
 * Each step does one job and reports in one short phrase; the runner logs
 * one line per step with its duration, so a slow or failing step is obvious
 * in dmesg. Failures inside a step are logged where they happen and boot
 * goes on: a router with a missing mount is still reachable on its console.
 */
#ifndef KEEL_INIT_BOOT_H
#define KEEL_INIT_BOOT_H

#include <stdbool.h>
#include <stddef.h>

struct init;

struct step_report {
	char text[192];
	size_t len;
	bool failed;	/* logged the step line as a warning */
};

/* Appends one item, space-separated; an overflowing report ends in "...". */
__attribute__((format(printf, 2, 3)))
void report_add(struct step_report *report, const char *fmt, ...);

struct boot_step {
	const char *name;
	void (*run)(struct init *init, struct step_report *report);
};

extern const struct boot_step boot_steps[];
extern const size_t boot_steps_count;

void boot_run(struct init *init);

#endif /* KEEL_INIT_BOOT_H */
