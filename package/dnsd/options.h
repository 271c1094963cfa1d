/*
 * options.h - dnsd's settings and the command line that fills them.
 *
 * Kept in one place so that Keel's config file, once its parser exists,
 * fills the same struct; everything else only reads struct dnsd_config.
 */
#ifndef DNSD_OPTIONS_H
#define DNSD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "keel/endpoint.h"
#include "keel/numarg.h"

#define DNSD_LISTEN_MAX		16
#define DNSD_UPSTREAM_MAX	8
#define DNSD_LEASES_MAX		4


enum block_mode { BLOCK_NXDOMAIN, BLOCK_NULL };

struct dnsd_config {
	struct endpoint listen[DNSD_LISTEN_MAX];
	size_t nlisten;
	struct endpoint upstream[DNSD_UPSTREAM_MAX];
	size_t nupstream;
	size_t cache_bytes;
	const char *domain;
	const char *router_name;	/* NULL: the kernel's hostname */
	const char *blocklist;
	enum block_mode block_mode;
	const char *hosts_file;
	const char *leases_files[DNSD_LEASES_MAX]; /* watched for changes */
	size_t nleases;
	bool leases_given;		/* the first -L replaces the default */
	const char *upstream_file;	/* -F: watched; adds to -u servers */
	bool querylog;
	uint32_t querylog_per_sec;
	uint32_t rate, burst;		/* per client; 0 = unlimited */
	const char *user;
	uint32_t pending_max;
	uint32_t upstream_timeout_ms;
	uint32_t tcp_clients_max;
	bool check_only;
	bool log_kmsg;
};

void options_defaults(struct dnsd_config *cfg);

/* Parses argv into cfg. Returns 0, 1 for -h (usage printed), or -1 with
 * one line in err (for "dnsd: <err>"). */
int options_parse(struct dnsd_config *cfg, int argc, char **argv,
		  char *err, size_t errlen);


void options_print(const struct dnsd_config *cfg, FILE *f);

#endif /* DNSD_OPTIONS_H */
