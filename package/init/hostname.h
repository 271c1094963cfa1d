/*
 * hostname.h - /etc/hostname: parse (pure) and apply.
 */
#ifndef KEEL_INIT_HOSTNAME_H
#define KEEL_INIT_HOSTNAME_H

#include <stddef.h>

#define HOSTNAME_DEFAULT "keel"
/* One DNS label (RFC 1123): what the LAN will resolve the router as. */
#define HOSTNAME_MAX 63

enum hostname_error {
	HOSTNAME_OK = 0,
	HOSTNAME_EMPTY,
	HOSTNAME_TOO_LONG,
	HOSTNAME_BAD_CHAR,
	HOSTNAME_BAD_HYPHEN,
};

/*
 * Takes the first line of buf (len bytes, need not be NUL-terminated),
 * trims spaces, tabs and a CR around it, and validates it as 1-63 characters
 * of [A-Za-z0-9-], not starting or ending with '-'. On success copies it
 * NUL-terminated into out (which holds HOSTNAME_MAX + 1 bytes). On error,
 * out is untouched and *bad_offset (when not NULL) is the offset in buf of
 * the offending byte, if the error has one.
 */
enum hostname_error hostname_parse(const char *buf, size_t len,
				   char out[HOSTNAME_MAX + 1],
				   size_t *bad_offset);

const char *hostname_strerror(enum hostname_error err);

struct init;
struct step_report;

/* Boot step: sets the hostname from keel.conf (loaded by config_step),
 * else from /etc/hostname, else the default. */
void hostname_step(struct init *init, struct step_report *report);

#endif /* KEEL_INIT_HOSTNAME_H */
