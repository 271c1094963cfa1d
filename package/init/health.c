/*
 * health.c - confirm a good boot to the A/B machinery, or reboot a trial
 * boot that never becomes healthy.
 */
#include <errno.h>
#include <ifaddrs.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include "keel/clock.h"
#include "keel/file.h"
#include "keel/log.h"

#include "health.h"
#include "init.h"
#include "run_bounded.h"
#include "services.h"
#include "shutdown.h"

bool health_services_ok(const struct services *svcs, const char **why)
{
	for (size_t i = 0; i < svcs->count; i++) {
		const struct service *s = &svcs->list[i];

		if (s->retired)
			continue;
		if (s->child.pid <= 0 || !s->ready) {
			*why = s->def.name;
			return false;
		}
	}
	*why = NULL;
	return true;
}

bool health_firewall_ok(const struct firewall *fw, const char **why)
{
	if (fw->state == FIREWALL_LOADED || fw->state == FIREWALL_LAN_ONLY) {
		*why = NULL;
		return true;
	}
	*why = fw->state == FIREWALL_LOCKDOWN ? "firewall lockdown" : "no firewall";
	return false;
}

static bool has_word(const char *buf, size_t len, const char *word)
{
	size_t wl = strlen(word);

	for (size_t i = 0; i + wl <= len; i++)
		if ((i == 0 || buf[i - 1] == ' ') && memcmp(buf + i, word, wl) == 0 &&
		    (i + wl == len || buf[i + wl] == ' ' || buf[i + wl] == '\n'))
			return true;
	return false;
}

void health_boot_kind(const char *cmdline, size_t len, bool *ab, bool *trial)
{
	*ab = has_word(cmdline, len, "keel.slot=A") || has_word(cmdline, len, "keel.slot=B");
	*trial = *ab && has_word(cmdline, len, "keel.trial=1");
}

/* The first LAN has an IPv4 (or any) address. */
static bool lan_has_address(const char *ifname)
{
	struct ifaddrs *list, *a;
	bool found = false;

	if (!ifname[0])
		return true;
	if (getifaddrs(&list) < 0)
		return false;
	for (a = list; a && !found; a = a->ifa_next)
		found = a->ifa_addr && strcmp(a->ifa_name, ifname) == 0 &&
			(a->ifa_addr->sa_family == AF_INET ||
			 a->ifa_addr->sa_family == AF_INET6);
	freeifaddrs(list);
	return found;
}

static struct init *init_of_health(struct evloop_timer *t)
{
	return (struct init *)((char *)t - offsetof(struct init, health) -
			       offsetof(struct health, timer));
}

static void confirm(struct health *h)
{
	char *argv[] = { KEEL_UPGRADE, "--mark-good", "--kmsg", NULL };
	char how[48];
	int status = run_bounded(argv, 30000);

	h->done = true;
	if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		logx("health: good boot%s: slot confirmed", h->trial ? " (trial)" : "");
		return;
	}
	logx_err("health: keel-upgrade --mark-good %s",
		 status < 0 ? strerror(errno) : child_status_str(status, how, sizeof(how)));
}

static void check(struct evloop *loop, struct evloop_timer *t)
{
	struct init *init = init_of_health(t);
	struct health *h = &init->health;
	uint64_t now = clock_mono_ms();
	const char *why = NULL;

	if (h->done)
		return;
	if (health_firewall_ok(&init->firewall, &why) &&
	    health_services_ok(&init->services, &why) &&
	    lan_has_address(h->lan_if)) {
		confirm(h);
		return;
	}
	if (now - h->started_ms < h->deadline_ms) {
		evloop_timer_set(loop, t, HEALTH_RETRY_MS);
		return;
	}
	h->done = true;
	if (!h->trial) {
		logx_err("health: not healthy after %d s (%s): this slot stays as it is",
			 (int)(h->deadline_ms / 1000), why ? why : "LAN address missing");
		return;
	}
	logx_err("health: trial boot not healthy after %d s (%s): rebooting so the "
		 "bootloader falls back to the previous slot",
		 (int)(h->deadline_ms / 1000), why ? why : "LAN address missing");
	shutdown_run(init, SHUTDOWN_REBOOT);
}

void health_start(struct init *init)
{
	struct health *h = &init->health;
	char cmdline[2048];
	int truncated;
	ssize_t n = file_read("/proc/cmdline", cmdline, sizeof(cmdline), &truncated);

	memset(h, 0, sizeof(*h));
	health_boot_kind(cmdline, n > 0 ? (size_t)n : 0, &h->ab, &h->trial);
	if (!h->ab)
		return;	/* booted without slots (QEMU -kernel): nothing to confirm */
	if (init->config.n_lans)
		snprintf(h->lan_if, sizeof(h->lan_if), "%s", init->config.lans[0].interface);
	h->started_ms = clock_mono_ms();
	h->deadline_ms = (uint64_t)init->config.trial_seconds * 1000;
	h->timer.cb = check;
	evloop_timer_set(&init->loop, &h->timer, HEALTH_FIRST_CHECK_MS);
	if (h->trial)
		logx("health: trial boot from an A/B slot; confirming once services are "
		     "ready, rebooting to fall back if not within %u s",
		     init->config.trial_seconds);
	else
		logx("health: confirmed boot from an A/B slot; confirming once services are ready");
}
