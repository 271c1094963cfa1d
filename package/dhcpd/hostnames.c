/*
 * hostnames.c - publish DHCP clients' names for the DNS daemon.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "keel/atomic_file.h"
#include "hostnames.h"

size_t hostname_sanitize(const char *in, char *out, size_t size)
{
	size_t len = 0;

	if (!size)
		return 0;
	out[0] = 0;
	for (const char *p = in; *p && *p != '.'; p++) {
		char c = *p;

		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-') || len + 1 >= size || len >= LEASE_NAME_MAX) {
			out[0] = 0;
			return 0;
		}
		out[len++] = c;
	}
	if (len && (out[0] == '-' || out[len - 1] == '-'))
		len = 0;
	out[len] = 0;
	return len;
}

size_t hosts_line(uint32_t ip, const char *name, const char *domain,
		  char *buf, size_t size)
{
	struct in_addr a = { htonl(ip) };
	char addr[INET_ADDRSTRLEN];
	int n;

	inet_ntop(AF_INET, &a, addr, sizeof(addr));
	/* A name longer than DNS allows (253) is published short only. */
	if (domain && domain[0] && strlen(name) + 1 + strlen(domain) <= 253)
		n = snprintf(buf, size, "%s %s.%s %s\n", addr, name, domain,
			     name);
	else
		n = snprintf(buf, size, "%s %s\n", addr, name);
	return n < 0 || (size_t)n >= size ? 0 : (size_t)n;
}

int hosts_write(const char *path, const struct lease_db *db,
		const char *domain, int64_t now)
{
	struct atomic_file f;
	/* Address, NAME.DOMAIN and NAME: always fits (DHCP_DOMAIN_MAX). */
	char line[INET_ADDRSTRLEN + 2 * (LEASE_NAME_MAX + 1) + 256];
	size_t len;

	if (atomic_open(&f, path, 0644) < 0)
		return -1;
	atomic_write(&f, "# written by dhcpd\n", 19);
	for (unsigned i = 0; i < db->static_count; i++) {
		const struct static_lease *s = &db->statics[i];

		if (!s->name[0])
			continue;
		len = hosts_line(s->ip, s->name, domain, line, sizeof(line));
		atomic_write(&f, line, len);
	}
	for (uint32_t i = 0; i < db->count; i++) {
		const struct lease *l = &db->slots[i];

		if (l->state != LEASE_BOUND || l->expires <= now ||
		    !l->named || l->is_static)
			continue;
		len = hosts_line(db->first + i, lease_db_hostname(db, l),
				 domain, line, sizeof(line));
		atomic_write(&f, line, len);
	}
	return atomic_commit(&f);
}

int64_t hosts_next_expiry(const struct lease_db *db, int64_t now)
{
	int64_t next = 0;

	for (uint32_t i = 0; i < db->count; i++) {
		const struct lease *l = &db->slots[i];

		if (l->state != LEASE_BOUND || !l->named ||
		    l->is_static || l->expires <= now)
			continue;
		if (!next || l->expires < next)
			next = l->expires;
	}
	return next;
}
