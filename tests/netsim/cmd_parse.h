/* Pure parsers for netsim's line protocol: no I/O, no globals. */
#ifndef NETSIM_CMD_PARSE_H
#define NETSIM_CMD_PARSE_H

#include <stddef.h>
#include <stdint.h>

#include "lwip/ip_addr.h"

/* Split LINE in place into at most MAX words (a "double quoted" word may hold
 * spaces). Returns the word count, or -1 on too many words or an open quote. */
int cmd_split(char *line, char **argv, int max);
int parse_mac(const char *s, uint8_t mac[6]);
/* ADDR/PLEN (v4 or v6); PLEN defaults to 32 or 128 when absent. */
int parse_prefix(const char *s, ip_addr_t *ip, int *plen);
/* A.B.C.D:PORT or [V6]:PORT */
int parse_endpoint(const char *s, ip_addr_t *ip, uint16_t *port);
int parse_ulong(const char *s, unsigned long max, unsigned long *out);
/* Find "KEY VALUE" among argv[from..argc); returns VALUE or NULL. */
const char *opt_value(int argc, char **argv, int from, const char *key);

#endif
