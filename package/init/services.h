/*
 * services.h - the daemons init starts from the config and keeps running.
 *
 * Each service runs as its own user (or root where it must), is restarted
 * with exponential backoff when it exits, and is listed with its pid,
 * restarts and uptime in /run/keel/services, which `keel status` prints.
 */
#ifndef KEEL_INIT_SERVICES_H
#define KEEL_INIT_SERVICES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/children.h"
#include "keel/config.h"
#include "keel/evloop.h"

#include "backoff.h"

#define SERVICES_MAX 12
#define SERVICE_ARGV_MAX 48
#define SERVICES_STATUS_PATH "/run/keel/services"

/* What to run: a plan entry, pure data. */
struct service_def {
	char name[16];
	char user[16];		/* "" runs as root (it may drop rights itself) */
	char rundir[32];	/* made under /run for it before start; "" none */
	char datadir[32];	/* the same under /data (persistent); "" none */
	char rundir_owner[16];	/* who owns rundir and datadir (the daemon's user) */
	char args[SERVICE_ARGV_MAX][64];
	unsigned argc;
};

struct service {
	struct service_def def;
	struct child child;
	struct evloop_timer restart;
	struct backoff backoff;
	uint64_t started_ms;	/* CLOCK_MONOTONIC of the current run */
	uint64_t restart_at_ms;	/* when waiting to restart */
	unsigned restarts;
	int last_status;	/* from waitpid(), valid once restarts > 0 */
};

struct services {
	struct service list[SERVICES_MAX];
	size_t count;
	struct children *kids;
	struct evloop *loop;
	bool stopping;
};

/* The services the config asks for, in start order. Pure. Returns how many
 * were needed (more than max means some were left out). */
size_t services_plan(const struct keel_config *cfg, struct service_def *out,
		     size_t max);

/* Files init writes for the services from the config, before starting
 * them. Pure formatters: return the length, or -1 if size is too small. */
#define SERVICES_DNS_HOSTS_PATH "/run/dnsd/hosts"
#define SERVICES_WAN_DNS_PATH "/run/keel/wan-dns"
#define SERVICES_ROOT_HOME "/run/root"
int services_dns_hosts(const struct keel_config *cfg, char *buf, size_t size);
int services_wan_dns(const struct keel_config *cfg, char *buf, size_t size);
int services_authorized_keys(const struct keel_config *cfg, char *buf,
			     size_t size);

/* One status line per service, for /run/keel/services. Pure. */
int services_format(const struct services *svcs, uint64_t now_ms,
		    char *buf, size_t size);

struct init;
struct step_report;

/* Boot step: start everything services_plan() lists. */
void services_step(struct init *init, struct step_report *report);

/* Shutdown: no more restarts; the processes get SIGTERM with everyone. */
void services_stop(struct services *svcs);

#endif /* KEEL_INIT_SERVICES_H */
