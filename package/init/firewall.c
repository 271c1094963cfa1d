/*
 * firewall.c - run keel-fw once at boot, synchronously: its output goes to
 * the kernel log, a failure is reported and boot goes on (the console must
 * stay reachable), and it may take at most FIREWALL_TIMEOUT_MS.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "keel/children.h"
#include "keel/clock.h"
#include "keel/log.h"

#include "boot.h"
#include "childio.h"
#include "firewall.h"
#include "init.h"
#include "run_bounded.h"

#define KEEL_FW "/usr/sbin/keel-fw"
#define FIREWALL_TIMEOUT_MS 10000

void firewall_step(struct init *init, struct step_report *report)
{
	char *argv[] = { KEEL_FW, "apply", "-c", (char *)init->config_path, NULL };
	char how[48];
	int status;

	if (access(KEEL_FW, X_OK) < 0) {
		logx_err("firewall: %s: %s", KEEL_FW, strerror(errno));
		report->failed = true;
		report_add(report, "no keel-fw");
		return;
	}
	status = run_bounded(argv, FIREWALL_TIMEOUT_MS);
	if (status < 0) {
		logx_err("firewall: keel-fw: %s", strerror(errno));
		report->failed = true;
		report_add(report, "keel-fw did not finish");
		return;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		/* keel-fw said why on the kernel log just above. */
		report->failed = true;
		report_add(report, "keel-fw %s, see above",
			   child_status_str(status, how, sizeof(how)));
		return;
	}
	report_add(report, "table inet keel from %s", init->config_path);
}
