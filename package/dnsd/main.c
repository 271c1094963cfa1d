/*
 * main.c - dnsd: DNS cache and forwarder for the LAN side of a Keel
 * router. Settings in (keel.conf with -C, or flags), sockets bound,
 * privileges dropped, init told, event loop run.
 */
#include <errno.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel/config.h"
#include "keel/log.h"
#include "keel/privdrop.h"
#include "keel/ready.h"
#include "keel/seccomp.h"

#include "from_config.h"
#include "options.h"
#include "seccomp_list.h"
#include "server.h"
#include "stats_file.h"

/* Large (two 64 KiB buffers): static, not on the stack. */
static struct server srv;
/* The parsed -C file: cfg points into it for as long as dnsd runs. */
static struct keel_config conf;
static struct dnsd_config cfg;

/* -n: the settings, what the blocklist and cache come to; 0 or 1. */
static int check_settings(void)
{
	struct blocklist bl = { 0 };
	size_t entries = cache_entries_for(cfg.cache_bytes);

	options_print(&cfg, stdout);
	if (cfg.blocklist) {
		if (blocklist_load_file(&bl, cfg.blocklist) < 0) {
			if (errno == ENOENT) {
				/* dnsd runs without it and loads it once it exists. */
				printf("blocklist-names 0 (missing: loaded when it appears)\n");
				goto cache;
			}
			fprintf(stderr, "dnsd: blocklist %s: %s\n", cfg.blocklist,
				strerror(errno));
			return 1;
		}
		printf("blocklist-names %zu (%zu bad lines, %zu duplicates)\n",
		       bl.count, bl.bad_lines, bl.duplicates);
		blocklist_free(&bl);
	}
cache:
	printf("cache-entries %zu (%zu bytes each, replies up to %d bytes)%s\n",
	       entries, cache_entry_cost(), CACHE_MSG_MAX,
	       entries ? "" : ": nothing is cached");
	return 0;
}

/*
 * The stats file's directory, for the user dnsd drops to: init makes a
 * /run directory only for services whose plan names one, and dnsd's does
 * not. Made here while still root and given to that user. One that exists
 * is left as it is (a restarted dnsd finds its own): a directory something
 * else made is reported, never taken over. Not fatal: DNS matters more
 * than its counters.
 */
static void make_stats_dir(const char *path, const char *user)
{
	char dir[DNSD_PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct passwd *pw = getpwnam(user);
	struct stat st;

	if (!slash || slash == path || (size_t)(slash - path) >= sizeof(dir) ||
	    !pw)
		return;
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	if (mkdir(dir, 0755) == 0) {
		if (chown(dir, pw->pw_uid, pw->pw_gid) < 0)
			logx_warn("chown %s to %s: %s", dir, user,
				  strerror(errno));
		return;
	}
	if (errno != EEXIST) {
		logx_warn("mkdir %s: %s", dir, strerror(errno));
		return;
	}
	if (lstat(dir, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid != pw->pw_uid)
		logx_warn("%s is not %s's: no stats file for keel status",
			  dir, user);
}

int main(int argc, char **argv)
{
	struct config_error cerr;
	char err[512];
	const char *why;
	int rc;

	options_defaults(&cfg);
	rc = options_parse(&cfg, argc, argv, err, sizeof(err));
	if (rc == 1)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "dnsd: %s\n", err);
		return 2;
	}
	/* Strict: a config dnsd cannot run is an error, never defaults (init
	 * already fell back to the safe default if keel.conf was bad). */
	if (cfg.config_path) {
		if (config_load(cfg.config_path, &conf, &cerr) < 0) {
			fprintf(stderr, "dnsd: %s: %s\n", cfg.config_path,
				cerr.msg);
			return 1;
		}
		if (options_from_config(&cfg, &conf, err, sizeof(err)) < 0) {
			fprintf(stderr, "dnsd: %s: %s\n", cfg.config_path, err);
			return 1;
		}
	}
	log_init("dnsd", cfg.log_kmsg ? KEEL_LOG_KMSG : KEEL_LOG_STDERR);

	if (cfg.check_only)
		return check_settings();

	if (server_init(&srv, &cfg, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (geteuid() == 0) {
		if (cfg.stats_file && cfg.stats_file[0])
			make_stats_dir(cfg.stats_file, cfg.user);
		if (privdrop(cfg.user, &why) < 0) {
			logx_err("cannot drop privileges to %s: %s", cfg.user,
				 why);
			return 1;
		}
	} else {
		logx_warn("not root: running as uid %u, no privilege drop",
			  (unsigned)geteuid());
	}
	logx("listening on %zu addresses, %zu upstreams, cache %u entries, "
	     "%zu blocked names, %zu local names", cfg.nlisten, cfg.nupstream,
	     srv.cache.capacity, srv.block.count, srv.local.count);
	/* Nothing left to set up: from here on, only the calls serving DNS
	 * and reloading its files need to work. */
	if (seccomp_lockdown(&dnsd_seccomp, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	/* Sockets bound, rights dropped: init may start what needs DNS. */
	if (ready_notify() < 0)
		logx_warn("cannot tell init we are ready ($KEEL_READY_FD)");
	if (server_run(&srv) < 0) {
		logx_err("event loop failed");
		return 1;
	}
	server_log_stats(&srv);
	/* Stopped: no counts that look current. */
	if (cfg.stats_file && cfg.stats_file[0])
		unlink(cfg.stats_file);
	return 0;
}
