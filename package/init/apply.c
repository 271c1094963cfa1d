/*
 * apply.c - live apply: on SIGHUP init reads /run/keel/apply-request and
 * applies a new config without a reboot (firewall in one batch, addresses
 * reconciled, only the daemons whose settings changed restarted), keeps a
 * config on trial until it is confirmed, and rolls back by itself when
 * the confirm does not come (commit confirmed, as in Junos and VyOS).
 *
 * What survives a power cut is decided by the files on /data alone:
 * keel.conf is only ever replaced whole (atomic_file), a config on trial
 * lives in keel.conf.pending until confirmed, and a boot throws a pending
 * file away. So a boot runs the old config or the new one, never a mix.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/clock.h"
#include "keel/file.h"
#include "keel/log.h"
#include "keel/paths.h"

#include "apply.h"
#include "apply_request.h"
#include "boot.h"
#include "firewall.h"
#include "hostname.h"
#include "init.h"
#include "network.h"
#include "portnames_apply.h"
#include "services.h"

#define RUN_CONFIG_OLD KEEL_RUN_CONFIG ".old"

static struct init *apply_owner;

static void write_result(const char *id, const char *status, const char *text)
{
	char line[sizeof(((struct step_report *)0)->text) + 96];
	struct atomic_file f;
	int n = snprintf(line, sizeof(line), "%s %s %s\n", id, status, text);

	if (n < 0)
		return;
	if ((size_t)n >= sizeof(line))
		n = (int)sizeof(line) - 1;
	if (atomic_open(&f, APPLY_RESULT_PATH, 0644) < 0)
		return;
	atomic_write(&f, line, (size_t)n);
	atomic_commit(&f);
}

/* The saved config: /data/keel.conf, or the image's default without one. */
static const char *saved_path(void)
{
	return access(KEEL_DATA_CONFIG, F_OK) == 0 ? KEEL_DATA_CONFIG :
	       CONFIG_PATH_DEFAULT;
}

/*
 * Applies the config at path. Returns 0 (applied), -1 (rejected: nothing
 * changed), or -2 (the ruleset failed to load: back on the old config).
 * *report says what was done.
 */
static int apply_file(struct init *init, const char *path,
		      struct step_report *report)
{
	static struct keel_config next, old;
	struct config_error err;
	char why[160];
	uint64_t t0 = clock_mono_ms();

	if (config_load(path, &next, &err) < 0) {
		report_add(report, "%s: %s", path, err.msg);
		return -1;
	}
	old = init->config;
	/* What each daemon runs now, to restart only those that change. */
	services_remember_settings(&init->services);
	/* The old snapshot stays, to go back to if the firewall refuses. */
	unlink(RUN_CONFIG_OLD);
	if (link(KEEL_RUN_CONFIG, RUN_CONFIG_OLD) < 0) {
		report_add(report, "%s: %s", RUN_CONFIG_OLD, strerror(errno));
		return -1;
	}
	init->config = next;
	if (services_write_snapshot(&init->config) < 0) {
		init->config = old;
		rename(RUN_CONFIG_OLD, KEEL_RUN_CONFIG);
		report_add(report, "cannot write %s", KEEL_RUN_CONFIG);
		return -1;
	}
	init->config_path = path;
	/* The firewall first, in one batch: if the kernel or keel-fw refuses
	 * it, the old ruleset is still whole, and so is everything else. */
	if (firewall_try(init, why, sizeof(why)) < 0) {
		init->config = old;
		rename(RUN_CONFIG_OLD, KEEL_RUN_CONFIG);
		report_add(report, "firewall: %s; the old config stays", why);
		logx_err("apply: %s: firewall: %s: back on the old config", path, why);
		/* Did the old ruleset survive? keel-fw's batch is all or
		 * nothing, but reload it to be sure; lockdown if that fails. */
		if (firewall_try(init, why, sizeof(why)) < 0)
			firewall_lockdown(init, why);
		return -2;
	}
	report_add(report, "firewall %s", firewall_state_name(init->firewall.state));
	/* Early in the line, which a long report cuts at the end. */
	ports_pending(&old, &init->config, report);
	if (strcmp(old.hostname, init->config.hostname) != 0)
		hostname_step(init, report);
	network_reconcile(init, &old, report);
	services_reconcile(init, report);
	report_add(report, "in %llu ms", (unsigned long long)(clock_mono_ms() - t0));
	return 0;
}

static void end_trial(struct apply *a)
{
	a->pending = false;
	evloop_timer_cancel(&apply_owner->loop, &a->confirm_timer);
}

/* Back to the saved config; the trial file goes first, so a power cut in
 * the middle boots the saved config too. */
static int rollback(struct init *init, struct step_report *report)
{
	unlink(KEEL_DATA_CONFIG_PENDING);
	end_trial(&init->apply);
	return apply_file(init, saved_path(), report);
}

static void confirm_expired(struct evloop *loop, struct evloop_timer *t)
{
	struct init *init = apply_owner;
	struct step_report report = { .len = 0, .failed = false };

	(void)loop;
	(void)t;
	report.text[0] = '\0';
	logx_err("apply: the config on trial was not confirmed within %u s: "
		 "rolling back to %s", init->apply.confirm_s, saved_path());
	rollback(init, &report);
	logx_warn("apply: rolled back: %s", report.text);
	write_result(init->apply.trial_id, "rolled-back", report.text);
}

static void handle(struct init *init, const struct apply_request *req)
{
	struct apply *a = &init->apply;
	struct step_report report = { .len = 0, .failed = false };
	const char *status = "applied";
	int r;

	report.text[0] = '\0';
	switch (req->action) {
	case APPLY_SAVED:
		/* A saved config replaces any trial. */
		if (a->pending) {
			unlink(KEEL_DATA_CONFIG_PENDING);
			end_trial(a);
		}
		r = apply_file(init, saved_path(), &report);
		status = r == 0 ? "applied" : r == -1 ? "rejected" : "rolled-back";
		break;
	case APPLY_PENDING:
		r = apply_file(init, KEEL_DATA_CONFIG_PENDING, &report);
		if (r < 0) {
			unlink(KEEL_DATA_CONFIG_PENDING);
			status = r == -1 ? "rejected" : "rolled-back";
			break;
		}
		a->pending = true;
		a->confirm_s = req->confirm_s;
		snprintf(a->trial_id, sizeof(a->trial_id), "%s", req->id);
		evloop_timer_set(&init->loop, &a->confirm_timer,
				 (uint64_t)req->confirm_s * 1000);
		report_add(&report, "on trial: confirm within %u s",
			   req->confirm_s);
		status = "applied";
		break;
	case APPLY_CONFIRM:
		if (!a->pending) {
			status = "nothing";
			report_add(&report, "no config on trial");
			break;
		}
		/* The trial becomes the saved config in one rename. */
		if (rename(KEEL_DATA_CONFIG_PENDING, KEEL_DATA_CONFIG) < 0) {
			status = "rejected";
			report_add(&report, "rename %s: %s", KEEL_DATA_CONFIG_PENDING,
				   strerror(errno));
			break;
		}
		atomic_sync_dir(KEEL_DATA_CONFIG);
		end_trial(a);
		init->config_path = KEEL_DATA_CONFIG;
		status = "confirmed";
		report_add(&report, "%s saved", KEEL_DATA_CONFIG);
		break;
	case APPLY_ROLLBACK:
		if (!a->pending) {
			status = "nothing";
			report_add(&report, "no config on trial");
			break;
		}
		rollback(init, &report);
		status = "rolled-back";
		break;
	}
	logx("apply %s: %s: %s", req->id, status, report.text);
	write_result(req->id, status, report.text);
}

static void on_sighup(struct evloop *loop, const struct signalfd_siginfo *info,
		      void *arg)
{
	struct init *init = arg;
	struct apply_request req;
	char buf[128], err[100];
	int truncated;
	ssize_t n = file_read(APPLY_REQUEST_PATH, buf, sizeof(buf), &truncated);

	(void)loop;
	(void)info;
	if (n < 0) {
		/* A bare SIGHUP (kill -HUP 1): apply the saved config. */
		snprintf(req.id, sizeof(req.id), "hup");
		req.action = APPLY_SAVED;
		handle(init, &req);
		return;
	}
	unlink(APPLY_REQUEST_PATH);
	if (truncated || apply_request_parse(buf, (size_t)n, &req, err, sizeof(err)) < 0) {
		logx_err("apply: %s: %s", APPLY_REQUEST_PATH,
			 truncated ? "too long" : err);
		return;
	}
	handle(init, &req);
}

int apply_init(struct init *init)
{
	apply_owner = init;
	init->apply.confirm_timer.cb = confirm_expired;
	return evloop_signal(&init->loop, SIGHUP, on_sighup, init);
}

void apply_boot_cleanup(struct step_report *report)
{
	/* A trial that a reboot or power cut interrupted was never
	 * confirmed: the saved config is the one to run. */
	if (unlink(KEEL_DATA_CONFIG_PENDING) == 0) {
		logx_warn("apply: a config on trial was not confirmed before this "
			  "boot: %s removed, running the saved config",
			  KEEL_DATA_CONFIG_PENDING);
		report_add(report, "unconfirmed trial discarded");
	}
}
