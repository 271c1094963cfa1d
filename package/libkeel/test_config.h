/*
 * test_config.h - helpers shared by the test_config*.c programs: parse a
 * C string expecting success (and then a clean print/re-parse round trip)
 * or a given error.
 */
#ifndef KEEL_TEST_CONFIG_H
#define KEEL_TEST_CONFIG_H

#include <stdio.h>
#include <string.h>

#include "check.h"
#include "keel/config.h"

/* A valid minimal file: one LAN, nothing else. */
#define LAN "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"

static struct keel_config cfg, cfg2;
static struct config_error err;
static char printed[256 * 1024];

static inline size_t print_to_buffer(const struct keel_config *c)
{
	FILE *f = fmemopen(printed, sizeof(printed), "w");
	long n;

	if (!f)
		return 0;
	config_print(c, f);
	n = ftell(f);
	fclose(f);
	return n > 0 ? (size_t)n : 0;
}

/* Parses buf into cfg; on success the canonical print must parse back to
 * the very same struct. */
static inline int parse_ok_len(const char *file, int line, const char *buf,
			size_t len)
{
	struct config_error err2;
	size_t n;

	if (config_parse(buf, len, &cfg, &err) != 0)
		return check_report(0, file, line, "parse failed: %s", err.msg);
	check_report(1, file, line, "parsed");
	n = print_to_buffer(&cfg);
	if (config_parse(printed, n, &cfg2, &err2) != 0)
		return check_report(0, file, line, "re-parse of the print "
				    "failed: %s\n%s", err2.msg, printed);
	return check_report(memcmp(&cfg, &cfg2, sizeof(cfg)) == 0, file, line,
			    "print/re-parse differs:\n%s", printed);
}

#define PARSE_OK(text) parse_ok_len(__FILE__, __LINE__, text, strlen(text))

static inline int parse_err(const char *file, int line, const char *text,
		     unsigned want_line, const char *want)
{
	int rc = config_parse(text, strlen(text), &cfg, &err);

	return check_report(rc == -1 && err.line == want_line &&
			    strstr(err.msg, want) != NULL, file, line,
			    "want error on line %u containing \"%s\"; got "
			    "rc %d, line %u: \"%s\"", want_line, want, rc,
			    err.line, err.msg);
}

/* Error on line want_line (0: a cross-section check) mentioning want. */
#define PARSE_ERR(text, want_line, want) \
	parse_err(__FILE__, __LINE__, text, want_line, want)

#endif /* KEEL_TEST_CONFIG_H */
