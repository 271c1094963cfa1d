/*
 * firewall.c - run keel-fw on the config snapshot, synchronously and
 * bounded; if it fails, hold the lockdown ruleset (firewall.h).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/children.h"
#include "keel/fw_lockdown.h"
#include "keel/log.h"
#include "keel/nlmsg.h"
#include "keel/paths.h"

#include "boot.h"
#include "firewall.h"
#include "init.h"
#include "run_bounded.h"

#define KEEL_FW "/usr/sbin/keel-fw"
#define FIREWALL_TIMEOUT_MS 10000

const char *firewall_state_name(enum firewall_state state)
{
	switch (state) {
	case FIREWALL_LOADED:
		return "loaded";
	case FIREWALL_LAN_ONLY:
		return "lan-only";
	case FIREWALL_LOCKDOWN:
		return "lockdown";
	default:
		return "none";
	}
}

/* One line for `keel status`: "STATE[: why]". */
static void write_status(const struct firewall *fw)
{
	char line[sizeof(fw->why) + 32];
	int n = snprintf(line, sizeof(line), "%s%s%s\n", firewall_state_name(fw->state),
			 fw->why[0] ? ": " : "", fw->why);
	struct atomic_file f;

	if (n < 0 || atomic_open(&f, FIREWALL_STATUS_PATH, 0644) < 0)
		return;
	atomic_write(&f, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
	atomic_commit(&f);
}

static int load_lockdown(const struct keel_config *cfg, char *err, size_t errlen)
{
	static uint8_t mem[16384] __attribute__((aligned(4)));
	uint32_t seq = ((uint32_t)time(NULL) << 8) & 0x7fffffffu, end;
	struct nlsock_result res;
	struct nlbuf b;
	int fd, r;

	nlb_init(&b, mem, sizeof(mem));
	end = fw_lockdown_build(cfg, &b, seq);
	if (!end) {
		snprintf(err, errlen, "lockdown batch does not fit");
		return -1;
	}
	fd = nlsock_open(NETLINK_NETFILTER);
	if (fd < 0) {
		snprintf(err, errlen, "netlink: %s", strerror(errno));
		return -1;
	}
	r = nlsock_talk(fd, b.data, b.len, seq, end, 0, 0, NULL, NULL, &res);
	close(fd);
	if (r < 0) {
		snprintf(err, errlen, "netlink: %s", strerror(errno));
		return -1;
	}
	if (res.errors) {
		snprintf(err, errlen, "kernel refused the lockdown: %s%s%s",
			 strerror(-res.first_err), res.first_err_msg[0] ? ": " : "",
			 res.first_err_msg);
		return -1;
	}
	return 0;
}

/* Forwarding off now: a ruleset that is not the full one must never sit
 * behind forwarding left on by an earlier, good one. */
static void forwarding_off(void)
{
	static const char *const paths[] = {
		"/proc/sys/net/ipv4/ip_forward",
		"/proc/sys/net/ipv6/conf/all/forwarding",
	};

	for (unsigned i = 0; i < 2; i++) {
		FILE *f = fopen(paths[i], "we");

		if (!f || fputs("0", f) < 0 || fclose(f) != 0)
			logx_err("firewall: %s: cannot turn forwarding off: %s",
				 paths[i], strerror(errno));
	}
}

void firewall_lockdown(struct init *init, const char *why)
{
	struct firewall *fw = &init->firewall;
	char err[160];

	forwarding_off();
	snprintf(fw->why, sizeof(fw->why), "%s", why);
	if (load_lockdown(&init->config, err, sizeof(err)) < 0) {
		fw->state = FIREWALL_NONE;
		snprintf(fw->why, sizeof(fw->why), "%s; lockdown failed too: %s", why, err);
		logx_err("firewall: NO RULESET LOADED: %s. Forwarding is off; "
			 "the WAN stays down.", fw->why);
		fprintf(stderr, "keel-init: FIREWALL: NO RULESET LOADED: %s\n", fw->why);
	} else {
		fw->state = FIREWALL_LOCKDOWN;
		logx_err("firewall: LOCKDOWN: %s. Nothing is forwarded and nothing "
			 "is accepted from the WAN; SSH, DNS and DHCP stay open on the LAN.",
			 why);
		fprintf(stderr, "keel-init: FIREWALL LOCKDOWN: %s\n", why);
	}
	write_status(fw);
}

int firewall_try(struct init *init, char *why, size_t whylen)
{
	char *argv[] = { KEEL_FW, "apply", "-c", KEEL_RUN_CONFIG, NULL };
	struct firewall *fw = &init->firewall;
	char how[48];
	int status;

	if (!init->config.wan.present) {
		/* No WAN: nothing to route to, so the lockdown rules (LAN
		 * services only) are the whole policy, by design. */
		if (load_lockdown(&init->config, why, whylen) < 0)
			return -1;
		fw->state = FIREWALL_LAN_ONLY;
		fw->why[0] = '\0';
		write_status(fw);
		return 0;
	}
	if (access(KEEL_FW, X_OK) < 0)
		snprintf(why, whylen, "%s: %s", KEEL_FW, strerror(errno));
	else if ((status = run_bounded(argv, FIREWALL_TIMEOUT_MS)) < 0)
		snprintf(why, whylen, "keel-fw did not finish: %s", strerror(errno));
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		/* keel-fw said why on the kernel log just above. */
		snprintf(why, whylen, "keel-fw %s (see its line above)",
			 child_status_str(status, how, sizeof(how)));
	else {
		fw->state = FIREWALL_LOADED;
		fw->why[0] = '\0';
		write_status(fw);
		return 0;
	}
	return -1;
}

int firewall_load(struct init *init, struct step_report *report)
{
	char why[160];

	if (firewall_try(init, why, sizeof(why)) == 0) {
		report_add(report, init->firewall.state == FIREWALL_LOADED ?
			   "table inet keel from %s" : "no [wan]: LAN-only rules (%s)",
			   KEEL_RUN_CONFIG);
		return 0;
	}
	firewall_lockdown(init, why);
	report->failed = true;
	report_add(report, "LOCKDOWN: %s", why);
	return -1;
}

void firewall_step(struct init *init, struct step_report *report)
{
	firewall_load(init, report);
}
