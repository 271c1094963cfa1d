/*
 * options.h - flowd's settings and the command line that fills them.
 */
#ifndef FLOWD_OPTIONS_H
#define FLOWD_OPTIONS_H

#include <net/if.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "keel/endpoint.h"

#include "engine.h"

#define FLOWD_MAX_IFACES	ENGINE_MAX_IFACES
#define FLOWD_MAX_COLLECTORS	4
#define FLOWD_DEFAULT_PORT	2055


struct flowd_options {
	const char *config_path;	/* -C: keel.conf; NULL: flags only */
	char ifaces[FLOWD_MAX_IFACES][IF_NAMESIZE];
	size_t n_ifaces;
	struct endpoint collectors[FLOWD_MAX_COLLECTORS];
	size_t n_collectors;
	struct engine_settings eng;
	const char *read_file;		/* -r: offline */
	const char *user;
	const char *summary_path;
	uint32_t summary_s;
	uint32_t snaplen;
	uint32_t buffer_kb;		/* kernel capture ring per interface */
	/* Packets leaving the interfaces too. Default: yes for one
	 * interface (it is all there is to see), no for several, where
	 * ingress alone counts each forwarded packet once (-d). */
	bool both_directions;
	bool direction_set;
	bool check_only;
	bool show_summary;
	bool log_kmsg;
};

void options_defaults(struct flowd_options *o);

/* Parses argv into o and checks the combination. Returns 0, 1 for -h
 * (usage printed), or -1 with one line in err. With -C the flags keel.conf
 * owns (-i -c -v, and -r, which replaces the interfaces) are refused, and
 * the combination is checked by options_from_config() once the file is in. */
int options_parse(struct flowd_options *o, int argc, char **argv,
		  char *err, size_t errlen);

/* Checks the combination once every setting is in (a source of packets, a
 * collector) and settles the capture direction. Returns 0 or -1 with err. */
int options_finish(struct flowd_options *o, char *err, size_t errlen);

/* Pure: "192.0.2.1", "192.0.2.1:9995", "::1", "[::1]:9995" (default port
 * 2055). Returns 0 or -1. */
/* A collector: ADDR[:PORT], default port FLOWD_DEFAULT_PORT. */
int parse_collector(const char *text, struct endpoint *out);

void options_print(const struct flowd_options *o, FILE *f);

#endif /* FLOWD_OPTIONS_H */
