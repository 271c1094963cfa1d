/*
 * services.h - the daemons init starts from the config and keeps running.
 *
 * What runs comes from libkeel's service plan (keel/service_plan.h), which
 * `keel-config check` shares. Keel's daemons read their settings from the
 * config snapshot init writes (/run/keel/keel.conf) and say when they are
 * ready through a pipe ($KEEL_READY_FD); third-party servers count as ready
 * when their port listens. Each service is restarted with exponential
 * backoff when it exits, and listed in /run/keel/services with its pid,
 * restarts, start time and readiness, which `keel status` prints.
 */
#ifndef KEEL_INIT_SERVICES_H
#define KEEL_INIT_SERVICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/children.h"
#include "keel/config.h"
#include "keel/evloop.h"
#include "keel/service_plan.h"

#include "backoff.h"

#define SERVICES_STATUS_PATH "/run/keel/services"
#define SERVICES_READY_POLL_MS 200	/* a third-party port, until it listens */

struct service {
	struct service_def def;
	struct child child;
	struct evloop_timer restart;
	struct evloop_timer ready_poll;
	struct evloop_fd ready_watch;	/* read end of the readiness pipe; fd -1: none */
	struct backoff backoff;
	uint64_t started_ms;	/* CLOCK_MONOTONIC of the current run */
	uint64_t started_boot_ms;	/* the same on CLOCK_BOOTTIME, for keel status */
	uint64_t restart_at_ms;	/* when waiting to restart */
	unsigned restarts;
	int last_status;	/* from waitpid(), valid once restarts > 0 */
	bool ready;		/* said so (or listens) in the current run */
	bool retired;		/* stopped by a live apply: not restarted */
	bool replace;		/* stopped by a live apply: start again at once with next */
	struct service_def next;	/* the definition to start after replace */
	uint64_t settings;	/* hash of its -n output before a live apply; 0 unknown */
};

struct services {
	struct service list[SERVICES_MAX];
	size_t count;
	struct children *kids;
	struct evloop *loop;
	bool stopping;
};

/* Files init writes for the services from the config, before starting
 * them. Pure formatters: return the length, or -1 if size is too small. */
#define SERVICES_ROOT_HOME "/run/root"
int services_wan_dns(const struct keel_config *cfg, char *buf, size_t size);
int services_authorized_keys(const struct keel_config *cfg, char *buf,
			     size_t size);

/* One status line per service, for /run/keel/services:
 * NAME STATE PID RESTARTS STARTED_MS READY LAST, STARTED_MS on
 * CLOCK_BOOTTIME (keel status subtracts it from /proc/uptime). Pure. */
int services_format(const struct services *svcs, uint64_t now_ms,
		    char *buf, size_t size);

/* Pure: /proc/net/tcp or tcp6 text has a socket listening on port. */
bool services_port_listening(const char *proc_net_tcp, size_t len,
			     unsigned port);

/* Writes cfg in canonical form to KEEL_RUN_CONFIG (atomically): what the
 * daemons read. Returns 0 or -1 (logged). */
int services_write_snapshot(const struct keel_config *cfg);

struct init;
struct step_report;

/* Boot step: write the snapshot and the services' files, then start
 * everything the plan lists. */
void services_step(struct init *init, struct step_report *report);

/* Live apply, before the new snapshot replaces the old: each Keel
 * daemon's settings (its -n output, hashed) under the config it runs. */
void services_remember_settings(struct services *svcs);

/* Live apply: the new config is in init->config and its snapshot written.
 * Starts what is new, stops what is gone, restarts (at once) each service
 * whose definition changed or whose -n output differs from the one
 * services_remember_settings() saw. Returns how many were touched; names
 * them in report. */
int services_reconcile(struct init *init, struct step_report *report);

/* Shutdown: no more restarts; the processes get SIGTERM with everyone. */
void services_stop(struct services *svcs);

#endif /* KEEL_INIT_SERVICES_H */
