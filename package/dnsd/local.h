/*
 * local.h - names dnsd answers itself: the router's name, static hosts,
 * and DHCP lease hostnames, all under the local domain, with PTR records.
 *
 * Interface to the DHCP daemon: it writes a hosts-format file per pool
 * (with -C /run/dhcpd/LAN.hosts, keel/paths.h; -L names others; "ADDR
 * NAME" per line, temp + rename) and dnsd, seeing it change or on SIGHUP,
 * rebuilds the table from its sources. A bad line costs that line and a
 * counter, never the service.
 */
#ifndef DNSD_LOCAL_H
#define DNSD_LOCAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LOCAL_NAME_MAX	253
#define LOCAL_ADDRS_MAX	16

struct local_host {
	char name[LOCAL_NAME_MAX + 1];	/* lowercase, fully qualified */
	uint8_t family;			/* 4 or 6 */
	uint8_t addr[16];
};

struct local_table {
	struct local_host *hosts;
	size_t count, max;
	size_t dropped;			/* table full */
	size_t foreign;			/* names outside the domain */
	size_t bad_lines;
	char domain[LOCAL_NAME_MAX + 1];	/* "" = none */
};

enum local_verdict {
	LOCAL_NONE,		/* not ours: forward it */
	LOCAL_FOUND,		/* answers in the result */
	LOCAL_NODATA,		/* the name exists, not with this type */
	LOCAL_NXDOMAIN,		/* ours, and no such name */
};

struct local_result {
	unsigned count;
	uint8_t addrs[LOCAL_ADDRS_MAX][16];	/* A: first 4 bytes */
	char ptr_name[LOCAL_NAME_MAX + 1];
};

/* Returns 0, or -1 on allocation failure or a bad domain. */
int local_init(struct local_table *t, size_t max, const char *domain);
void local_free(struct local_table *t);
void local_clear(struct local_table *t);

/* name: a hostname; without a dot it is put under the domain. Returns 0,
 * -1 for a bad name, -2 when the table is full (counted). */
int local_add(struct local_table *t, const char *name, int family,
	      const uint8_t *addr);
/* "ADDR NAME [ALIAS...]" lines, '#' comments. Returns lines added. */
size_t local_add_hosts_buf(struct local_table *t, const char *buf,
			   size_t len);
/* A DHCP lease names file: as local_add_hosts_buf(), but every name of a
 * line must be one label, or one label under the domain ("nas",
 * "nas.lan"); a line with any other name ("a.b", "www.bank.com", junk)
 * is refused whole and counted in bad_lines: a client must not name
 * itself into someone else's domain. */
size_t local_add_leases_buf(struct local_table *t, const char *buf,
			    size_t len);
/* Missing file: 0 hosts, not an error (leases appear later). Returns
 * hosts added, or -1 with errno for other read errors. */
long local_add_hosts_file(struct local_table *t, const char *path);
long local_add_leases_file(struct local_table *t, const char *path);

/* qname: lowercase text, no trailing dot. qtype: A, AAAA, PTR, other. */
enum local_verdict local_lookup(const struct local_table *t,
				const char *qname, uint16_t qtype,
				struct local_result *res);

/* "4.3.2.1.in-addr.arpa" / nibble ip6.arpa names to an address. Returns
 * 4 or 6, or 0 if the name is not a complete reverse name. */
int local_parse_reverse(const char *name, uint8_t addr[16]);

#endif /* DNSD_LOCAL_H */
