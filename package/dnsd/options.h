/*
 * options.h - dnsd's settings, the command line that fills them, and
 * their -n printout.
 *
 * On a router dnsd reads /etc/keel/keel.conf itself (-C, through
 * from_config.c); the flags that set the same things are for tests and
 * benches and are refused next to -C, so a setting has one source.
 */
#ifndef DNSD_OPTIONS_H
#define DNSD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "keel/config.h"
#include "keel/endpoint.h"
#include "keel/numarg.h"

#define DNSD_LISTEN_MAX		16
#define DNSD_UPSTREAM_MAX	8
#define DNSD_LEASES_MAX		4
#define DNSD_HOSTS_MAX		64	/* static hosts from the config */
#define DNSD_PATH_MAX		128	/* lease files made from LAN names */
#define DNSD_NEGATIVE_TTL_MAX	86400	/* -m and [dns] negative-ttl-max */
#define DNSD_REBIND_ALLOW_MAX	8	/* -A and [dns] rebind-allow */

enum block_mode { BLOCK_NXDOMAIN, BLOCK_NULL };

struct dnsd_config {
	const char *config_path;	/* -C: settings come from this file */
	struct endpoint listen[DNSD_LISTEN_MAX];
	size_t nlisten;
	struct endpoint upstream[DNSD_UPSTREAM_MAX];
	size_t nupstream;
	size_t cache_bytes;		/* 0: no cache */
	uint32_t negative_ttl_max;	/* seconds; 0: not cached */
	const char *domain;
	const char *router_name;	/* NULL: the kernel's hostname */
	const char *blocklist;
	enum block_mode block_mode;
	const char *hosts_file;
	/* Static hosts of the config; they point into its struct
	 * keel_config, which lives as long as dnsd. */
	const struct config_dns_host *hosts;
	size_t nhosts;
	const char *leases_files[DNSD_LEASES_MAX]; /* watched for changes */
	size_t nleases;
	bool leases_given;		/* the first -L replaces the default */
	char leases_path[DNSD_LEASES_MAX][DNSD_PATH_MAX]; /* made by -C */
	const char *upstream_file;	/* -F: watched; adds to -u servers */
	bool querylog;
	struct config_rate querylog_rate;	/* lines; count 0: all */
	struct config_rate client_rate;		/* count 0: unlimited */
	uint32_t client_burst;		/* queries a client may send at once */
	/* rebind.h: upstream answers with private addresses dropped, but
	 * for names under these domains. */
	bool rebind_protection;
	const char *rebind_allow[DNSD_REBIND_ALLOW_MAX];
	size_t nrebind_allow;
	/* -W: counters for keel status, rewritten every 10 s; with -C
	 * DNSD_STATS_FILE unless -W says otherwise; NULL or "": none. */
	const char *stats_file;
	const char *user;
	uint32_t pending_max;
	/* Forwarded queries one client may have pending; 0 until parsed,
	 * then -p or a quarter of pending_max, so one client flooding
	 * names that never resolve leaves 3/4 of the table to the rest. */
	uint32_t pending_per_client;
	uint32_t upstream_timeout_ms;
	uint32_t tcp_clients_max;
	bool check_only;
	bool log_kmsg;
};

/* The defaults are keel.conf's (docs/config.md), so a test run with few
 * flags behaves like a router with a short config. */
void options_defaults(struct dnsd_config *cfg);

/* Parses argv into cfg. Returns 0, 1 for -h (usage printed), or -1 with
 * one line in err (for "dnsd: <err>"). With -C the file is not read here
 * (main does, then options_from_config()), and the checks that need
 * listen and upstream addresses are left to that. */
int options_parse(struct dnsd_config *cfg, int argc, char **argv,
		  char *err, size_t errlen);

/* Pure: "100/s", "30/m", "1000/h", "off"; a bare number is per second.
 * Returns 0 or -1. */
int options_parse_rate(const char *text, struct config_rate *out);
/* "100/s", "30/m", "1000/h" or "off" into buf (at least 16 bytes). */
const char *options_rate_str(const struct config_rate *rate, char *buf,
			     size_t size);

/* Every effective setting, one per line, config-backed ones included. */
void options_print(const struct dnsd_config *cfg, FILE *f);

#endif /* DNSD_OPTIONS_H */
