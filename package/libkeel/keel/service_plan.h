/*
 * keel/service_plan.h - which daemons a config runs, and how they are
 * started. Shared by init (which starts them) and `keel-config check`
 * (which runs each one's own check mode on the file), so both agree.
 *
 * Keel's own daemons get no settings on their command line: they read the
 * config snapshot themselves (-C, and -S for the LAN a per-LAN daemon
 * serves). Only the third-party programs (udhcpc, dropbear) get argv, and a
 * plan that does not fit is an error, never a silent cut.
 */
#ifndef KEEL_SERVICE_PLAN_H
#define KEEL_SERVICE_PLAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "keel/config.h"

/* logd, wan-dhcp or wan-ppp, wan6, 4 dhcpd, dnsd, sshd, 4 rad, flowd = 14,
 * with room. */
#define SERVICES_MAX 16
#define SERVICE_ARGV_MAX 48
#define SERVICE_ARG_LEN 80

/* What to run: a plan entry, pure data. */
struct service_def {
	char name[16];
	char user[16];		/* "" runs as root (it may drop rights itself) */
	char rundir[32];	/* made under /run for it before start; "" none */
	char datadir[32];	/* the same under /data (persistent); "" none */
	char rundir_owner[16];	/* who owns rundir and datadir (the daemon's user) */
	char args[SERVICE_ARGV_MAX][SERVICE_ARG_LEN];
	unsigned argc;
	/* Keel's own daemon: reads -C FILE, has a check mode -n, and writes
	 * its readiness to $KEEL_READY_FD. */
	bool keel_daemon;
	/* Ready when this TCP port listens (third-party servers that cannot
	 * tell init themselves); 0 with !keel_daemon: ready once started. */
	unsigned listen_port;
	bool overflow;		/* an argument did not fit: plan unusable */
	/* What the service reads besides argv that init writes for it (pppd's
	 * root-only options file): a change restarts it. 0: nothing. */
	uint64_t stamp;
	/* The first restart delay after a quick exit (doubling from there up to
	 * a minute); 0: init's default, half a second. */
	uint32_t restart_min_ms;
};

/*
 * The services cfg asks for, in start order, reading their settings from
 * config_path. Pure. Returns how many were needed (more than max means
 * some were left out), or -1 with err filled when an entry's arguments do
 * not fit (a bug guard: the config's limits are sized to fit).
 */
int services_plan(const struct keel_config *cfg, const char *config_path,
		  struct service_def *out, size_t max, char *err, size_t errlen);

/* Index of the "-C" value in d->args, or -1 (not a Keel daemon). */
int service_config_arg(const struct service_def *d);

#endif /* KEEL_SERVICE_PLAN_H */
