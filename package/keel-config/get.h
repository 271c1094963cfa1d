/*
 * get.h - one setting out of keel.conf's canonical print, for
 * `keel-config get KEY`.
 */
#ifndef KEEL_CONFIG_GET_H
#define KEEL_CONFIG_GET_H

#include <stddef.h>
#include <stdio.h>

/*
 * KEY is "hostname", "SECTION.KEY" (wan.interface, dns.upstream, lan.address
 * for the LAN named "lan") or "SECTION.NAME.KEY" (lan.guest.address,
 * dhcp.guest.range, forward.web.to). Looks KEY up in text, the output of
 * config_print(), and writes its value to out, one line per occurrence
 * (repeatable keys such as dhcp.static have several). Returns the number of
 * lines written, or -1 if KEY is malformed.
 */
int get_setting(const char *text, size_t len, const char *key, FILE *out);

#endif /* KEEL_CONFIG_GET_H */
