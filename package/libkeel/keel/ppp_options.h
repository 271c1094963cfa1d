/*
 * keel/ppp_options.h - pppd's options for a PPPoE WAN, from the config.
 * Pure: init writes the text to KEEL_PPP_OPTIONS (root only, it holds the
 * password) and starts pppd with just "file KEEL_PPP_OPTIONS", so no
 * credential is ever on a command line (ps) or in the public config print.
 */
#ifndef KEEL_PPP_OPTIONS_H
#define KEEL_PPP_OPTIONS_H

#include <stddef.h>
#include <stdint.h>

#include "keel/config.h"

#define KEEL_PPP_DIR		"/run/ppp"
#define KEEL_PPP_OPTIONS	"/run/ppp/keel.options"

/* LCP echo: a request every 10 s, the link declared dead after 6 unanswered
 * (a minute), and under lcp-echo-adaptive no request while traffic flows, so
 * a saturated upstream that delays echo replies is not taken for a dead
 * link (ppp-project/ppp#323). pppd exits after each failed dial or ended
 * session (maxfail 1) and init redials: PPP_HOLDOFF seconds after a session
 * that ran, doubling after each quick failure up to a minute (a wrong
 * password, an ISP that does not answer), so a dial loop is never tight and
 * an ISP that locks accounts after many failures is not provoked. */
#define PPP_LCP_ECHO_INTERVAL	10
#define PPP_LCP_ECHO_FAILURE	6
#define PPP_HOLDOFF		5
#define PPP_MAXFAIL		1

/* The options text, NUL-terminated; returns its length, or -1 if size is
 * too small or cfg's WAN is not PPPoE. */
int ppp_options_text(const struct keel_config *cfg, char *buf, size_t size);

/* FNV-1a of the text (0 when none): init restarts pppd when it changes,
 * though pppd's argv stays the same. */
uint64_t ppp_options_stamp(const struct keel_config *cfg);

#endif /* KEEL_PPP_OPTIONS_H */
