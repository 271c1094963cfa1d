/*
 * boot.c - the boot steps, in order, and the runner that times them.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "keel/clock.h"
#include "keel/log.h"

#include "boot.h"
#include "console.h"
#include "data.h"
#include "firewall.h"
#include "hostname.h"
#include "mounts.h"
#include "network.h"
#include "portnames_apply.h"
#include "services.h"
#include "watchdog.h"

/* Later steps (network, firewall, services) slot in before the console. */
const struct boot_step boot_steps[] = {
	{ "mounts", mounts_step },
	{ "watchdog", watchdog_step },
	{ "data", data_step },
	{ "config", config_step },
	{ "ports", ports_step },	/* before anything uses a port name */
	{ "hostname", hostname_step },
	{ "firewall", firewall_step },
	{ "network", network_step },
	{ "services", services_step },
	{ "console", console_step },
};
const size_t boot_steps_count = sizeof(boot_steps) / sizeof(boot_steps[0]);

void report_add(struct step_report *report, const char *fmt, ...)
{
	static const char cut_mark[] = "...";
	size_t room = sizeof(report->text) - report->len;
	va_list ap;
	int n;

	if (room <= sizeof(cut_mark))
		return;
	if (report->len > 0) {
		report->text[report->len++] = ' ';
		report->text[report->len] = '\0';
		room--;
	}
	va_start(ap, fmt);
	n = vsnprintf(report->text + report->len, room, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= room) {
		report->len = sizeof(report->text) - 1;
		memcpy(report->text + report->len - (sizeof(cut_mark) - 1),
		       cut_mark, sizeof(cut_mark) - 1);
	} else {
		report->len += (size_t)n;
	}
}

void boot_run(struct init *init)
{
	for (size_t i = 0; i < boot_steps_count; i++) {
		const struct boot_step *step = &boot_steps[i];
		struct step_report report = { .len = 0, .failed = false };
		uint64_t start = clock_mono_us();

		report.text[0] = '\0';
		step->run(init, &report);
		logx_prio(report.failed ? LOG_WARNING : LOG_INFO,
			  "%s: %s%s(%llu us%s)", step->name, report.text,
			  report.len ? " " : "",
			  (unsigned long long)(clock_mono_us() - start),
			  report.failed ? ", with errors" : "");
	}
}
