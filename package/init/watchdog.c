/*
 * watchdog.c - the hardware watchdog, petted from init's event loop.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <linux/watchdog.h>

#include "keel/log.h"

#include "boot.h"
#include "init.h"
#include "watchdog.h"

int watchdog_timeout(const char *env)
{
	int v = 0;

	if (!env || !*env)
		return WATCHDOG_TIMEOUT_S;
	for (const char *p = env; *p; p++) {
		if (*p < '0' || *p > '9' || v > 600)
			return WATCHDOG_TIMEOUT_S;
		v = v * 10 + (*p - '0');
	}
	return v >= 2 && v <= 600 ? v : WATCHDOG_TIMEOUT_S;
}

static void pet(struct evloop *loop, struct evloop_timer *timer)
{
	struct watchdog *wd = timer->arg;

	if (ioctl(wd->fd, WDIOC_KEEPALIVE, 0) < 0)
		logx_warn("watchdog: keepalive: %s", strerror(errno));
	evloop_timer_set(loop, timer, (uint64_t)wd->pet_ms);
}

void watchdog_step(struct init *init, struct step_report *report)
{
	struct watchdog *wd = &init->watchdog;
	int timeout = watchdog_timeout(getenv(WATCHDOG_ENV));
	int wanted = timeout;

	wd->fd = open(WATCHDOG_DEVICE, O_WRONLY | O_CLOEXEC);
	if (wd->fd < 0) {
		report_add(report, "none (%s: %s)", WATCHDOG_DEVICE, strerror(errno));
		return;
	}
	/* Some drivers round the timeout: report what the hardware took. */
	if (ioctl(wd->fd, WDIOC_SETTIMEOUT, &timeout) < 0)
		logx_warn("watchdog: set timeout %d s: %s", wanted, strerror(errno));
	if (ioctl(wd->fd, WDIOC_GETTIMEOUT, &timeout) < 0 || timeout < 2)
		timeout = wanted;
	wd->pet_ms = timeout * 1000 / 3;
	wd->pet = (struct evloop_timer){ .cb = pet, .arg = wd };
	pet(&init->loop, &wd->pet);
	report_add(report, "%s armed, %d s timeout, petted every %d ms",
		   WATCHDOG_DEVICE, timeout, wd->pet_ms);
}
