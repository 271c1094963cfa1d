/*
 * config_parser.h - the keel.conf parser's state and the helpers its key
 * handlers share. Private to libkeel: config.c reads lines and sections,
 * config_keys.c holds one handler per key and the tables naming them.
 */
#ifndef KEEL_CONFIG_PARSER_H
#define KEEL_CONFIG_PARSER_H

#include <stdbool.h>
#include <stddef.h>

#include "config_value.h"

#define ARGS_MAX 16	/* values on one line; list limits are lower */
#define KEYS_MAX 16	/* keys in one section kind */

enum section {
	SEC_TOP, SEC_WAN, SEC_LAN, SEC_DHCP, SEC_DNS, SEC_FORWARD,
	SEC_SERVICES, SEC_SSH, SEC_LOG, SEC_FLOW, SEC_PORTS, SEC_COUNT
};

struct tok {
	const char *s;
	size_t n;
};

struct parser {
	struct keel_config *cfg;
	struct config_error *err;
	unsigned line;
	const char *line_start;
	enum section sec;
	int idx;			/* which lan/dhcp/forward */
	unsigned sec_line;		/* line of the current [header] */
	char sec_label[48];		/* "[dhcp lan]", "" at the top */
	struct tok key;			/* being parsed; n 0 in headers */
	char where[80];			/* conf_where(): "[dhcp lan] range" */
	unsigned key_line[KEYS_MAX];	/* where each key was first given */
	unsigned unique_line[SEC_COUNT];
	unsigned dhcp_line[CONFIG_MAX_LANS];
	struct tok args[ARGS_MAX];
	size_t n_args;
	struct tok rest;		/* the values as one string */
	signed char svc[5];		/* -1: not given */
	bool fwd_family_given;
};

struct key_spec {
	const char *name;
	int (*parse)(struct parser *p);
	uint8_t min_args, max_args;	/* max_args LIST: a list */
	bool repeat;			/* may be given more than once */
	bool rest_of_line;		/* any number of words (ssh keys) */
};
#define LIST ARGS_MAX

enum name_rule { NAME_NONE, NAME_OPTIONAL, NAME_REQUIRED };

struct section_spec {
	const char *name;
	enum name_rule name_rule;
	const struct key_spec *keys;	/* ends with a NULL name */
};

extern const struct section_spec conf_sections[SEC_COUNT];

bool conf_is_blank(char c);
/* Splits s[0..n) at blanks into at most max words, up to a '#' that starts
 * a word; *overflow points at the first word that did not fit. */
size_t conf_split(const char *s, size_t n, struct tok *out, size_t max,
		  const char **overflow);
bool conf_tok_is(const struct tok *t, const char *word);

/* Errors: each fills p->err and returns -1. */
const char *conf_where(struct parser *p);
__attribute__((format(printf, 3, 4)))
int conf_fail_at(struct parser *p, const char *at, const char *fmt, ...);
__attribute__((format(printf, 3, 4)))
int conf_fail_tok(struct parser *p, const struct tok *t, const char *fmt, ...);
/* why from a config_val_*() parser: NULL is success (returns 0). */
int conf_check(struct parser *p, const struct tok *t, const char *why);
int conf_too_many(struct parser *p, unsigned limit, const char *what,
		  const char *limit_name);

/* Values with their ranges in the message. */
int conf_get_uint(struct parser *p, const struct tok *t, uint32_t min,
		  uint32_t max, uint32_t *out);
int conf_get_duration(struct parser *p, const struct tok *t, uint32_t min,
		      uint32_t max, uint32_t *out);
int conf_get_size(struct parser *p, const struct tok *t, uint32_t min,
		  uint32_t max, uint32_t *out);
int conf_get_addr_list(struct parser *p, int family, bool cidr,
		       struct config_addr *out, uint8_t *n_out, unsigned max,
		       const char *limit_name);
int conf_get_ifname_list(struct parser *p,
			 char (*out)[CONFIG_IFNAME_MAX + 1], uint8_t *n_out,
			 unsigned max, const char *limit_name);
int conf_get_network(struct parser *p, const struct tok *t, int family,
		     struct config_addr *out);

#endif /* KEEL_CONFIG_PARSER_H */
