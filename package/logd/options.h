/*
 * options.h - logd's settings and the command line that fills them.
 * init maps keel.conf's [log] keys to flags (ring-size -> -s, remote ->
 * -r/-t); everything else reads struct logd_options only.
 */
#ifndef LOGD_OPTIONS_H
#define LOGD_OPTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/socket.h>

#include "keel/endpoint.h"
#include "keel/numarg.h"

#include "sshban.h"

#define LOGD_UDP_MAX	4
#define LOGD_RING_MIN	(16u << 10)
#define LOGD_RING_MAX	(16u << 20)
#define LOGD_BAN_FAILURES_MAX	1000
#define LOGD_BAN_SECONDS_MAX	(86400u * 30)

struct logd_options {
	const char *config_path;	/* -C: keel.conf; NULL: flags only */
	const char *syslog_path;	/* unix datagram socket */
	const char *kmsg_path;		/* NULL: no kernel log */
	const char *read_path;		/* unix stream socket for logread */
	struct endpoint udp[LOGD_UDP_MAX];
	size_t n_udp;
	size_t ring_bytes;
	bool remote_set;
	struct endpoint remote;
	bool remote_tcp;
	struct sshban_config ban;
	const char *user;
	const char *hostname;		/* NULL: the kernel's */
	bool check_only;
};

void options_defaults(struct logd_options *cfg);

/* Parses argv into cfg. Returns 0, 1 for -h (usage printed), or -1 with
 * one line in err (for "logd: <err>"). With -C the flags keel.conf owns
 * (-s -r -t -f -b) are refused; options_from_config() fills those. */
int options_parse(struct logd_options *cfg, int argc, char **argv,
		  char *err, size_t errlen);

/* Cross-checks once every setting is in: a ban never longer than the
 * longest ban, two distinct socket paths. Returns 0 or -1 with err. */
int options_check(const struct logd_options *cfg, char *err, size_t errlen);

void options_print(const struct logd_options *cfg, FILE *f);

#endif /* LOGD_OPTIONS_H */
