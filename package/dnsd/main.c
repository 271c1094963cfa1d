/*
 * main.c - dnsd: DNS cache and forwarder for the LAN side of a Keel
 * router. Options in, sockets bound, privileges dropped, event loop run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "keel/log.h"
#include "keel/privdrop.h"

#include "options.h"
#include "server.h"

/* Large (two 64 KiB buffers): static, not on the stack. */
static struct server srv;

int main(int argc, char **argv)
{
	struct dnsd_config cfg;
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
	log_init("dnsd", cfg.log_kmsg ? KEEL_LOG_KMSG : KEEL_LOG_STDERR);

	if (cfg.check_only) {
		struct blocklist bl = { 0 };

		options_print(&cfg, stdout);
		if (cfg.blocklist) {
			if (blocklist_load_file(&bl, cfg.blocklist) < 0) {
				fprintf(stderr, "dnsd: blocklist %s: cannot "
					"read\n", cfg.blocklist);
				return 1;
			}
			printf("blocklist-names %zu (%zu bad lines, %zu "
			       "duplicates)\n", bl.count, bl.bad_lines,
			       bl.duplicates);
			blocklist_free(&bl);
		}
		printf("cache-entries %zu (%zu bytes each, replies up to %d "
		       "bytes)%s\n", cache_entries_for(cfg.cache_bytes),
		       cache_entry_cost(), CACHE_MSG_MAX,
		       cache_entries_for(cfg.cache_bytes) ? "" :
		       ": nothing is cached");
		return 0;
	}

	if (server_init(&srv, &cfg, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (geteuid() == 0) {
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
	if (server_run(&srv) < 0) {
		logx_err("event loop failed");
		return 1;
	}
	server_log_stats(&srv);
	return 0;
}
