/*
 * config_value.h - the value types of keel.conf, parsed from one token
 * (pointer and length, not NUL-terminated). Private to libkeel's config_*.c.
 *
 * Each parser returns NULL on success, or why the token is wrong, worded to
 * follow the token in a message: "10.0.0.300" "is not an IPv4 address".
 */
#ifndef KEEL_CONFIG_VALUE_H
#define KEEL_CONFIG_VALUE_H

#include <stddef.h>
#include <stdint.h>

#include "keel/config.h"

/* family: 0 for either, or CONFIG_AF_INET / CONFIG_AF_INET6. */
const char *config_val_addr(const char *s, size_t n, int family,
			    struct config_addr *out);
/* "addr/prefix"; the host part may be non-zero (an interface address). */
const char *config_val_cidr(const char *s, size_t n, int family,
			    struct config_addr *out);
/* "1.2.3.4", "1.2.3.4:514", "[fd00::1]", "[fd00::1]:514". */
const char *config_val_endpoint(const char *s, size_t n, uint16_t default_port,
				struct config_endpoint *out);
const char *config_val_mac(const char *s, size_t n, uint8_t mac[6]);
const char *config_val_uint(const char *s, size_t n, uint32_t min, uint32_t max,
			    uint32_t *out);
/* "3600", "45s", "30m", "12h", "7d", in seconds. */
const char *config_val_duration(const char *s, size_t n, uint32_t min,
				uint32_t max, uint32_t *out);
/* "65536", "64K", "1M", in bytes (K = 1024). */
const char *config_val_size(const char *s, size_t n, uint32_t min, uint32_t max,
			    uint32_t *out);
/* "off", or "N/s", "N/m", "N/h" with N >= 1. */
const char *config_val_rate(const char *s, size_t n, struct config_rate *out);
const char *config_val_bool(const char *s, size_t n, bool *out);
const char *config_val_port_range(const char *s, size_t n, uint16_t *first,
				  uint16_t *last);
const char *config_val_proto(const char *s, size_t n, enum config_proto *out);

/* Names, copied NUL-terminated into out (size = max + 1). */
const char *config_val_hostname(const char *s, size_t n, char *out);
const char *config_val_domain(const char *s, size_t n, char *out);
const char *config_val_ifname(const char *s, size_t n, char *out);
const char *config_val_name(const char *s, size_t n, char *out);
const char *config_val_path(const char *s, size_t n, char *out);
const char *config_val_ppp_text(const char *s, size_t n, char *out);

/* Shared between parser and checks. */
bool config_addr_in_subnet(const struct config_addr *addr,
			   const struct config_addr *net);
/* Compares the whole address (family and bytes), ignoring the prefix. */
bool config_addr_equal(const struct config_addr *a,
		       const struct config_addr *b);
/* addr as a host-order number (IPv4 only). */
uint32_t config_addr_v4(const struct config_addr *addr);

/* Canonical text of durations ("12h"), sizes ("1M") and rates ("30/m"). */
void config_fmt_duration(uint32_t seconds, char *buf, size_t size);
void config_fmt_size(uint32_t bytes, char *buf, size_t size);
void config_fmt_rate(const struct config_rate *rate, char *buf, size_t size);

#endif /* KEEL_CONFIG_VALUE_H */
