/*
 * local.c - the table of local hosts and the answers it gives.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "keel/hex.h"

#include "dns_wire.h"
#include "local.h"

static bool valid_hostname(const char *name)
{
	size_t n = strlen(name), label = 0, i;

	if (n == 0 || n > LOCAL_NAME_MAX)
		return false;
	for (i = 0; i <= n; i++) {
		char c = name[i];

		if (c == '.' || c == '\0') {
			if (label == 0 || label > DNS_LABEL_MAX)
				return false;
			label = 0;
			continue;
		}
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return false;
		label++;
	}
	return true;
}

static bool ends_with_label(const char *name, const char *suffix);

static void lower(char *s)
{
	for (; *s; s++)
		if (*s >= 'A' && *s <= 'Z')
			*s = (char)(*s + 32);
}

int local_init(struct local_table *t, size_t max, const char *domain)
{
	memset(t, 0, sizeof(*t));
	if (domain && *domain) {
		if (!valid_hostname(domain))
			return -1;
		snprintf(t->domain, sizeof(t->domain), "%s", domain);
		lower(t->domain);
	}
	t->max = max;
	t->hosts = calloc(max ? max : 1, sizeof(*t->hosts));
	return t->hosts ? 0 : -1;
}

void local_free(struct local_table *t)
{
	free(t->hosts);
	t->hosts = NULL;
	t->count = t->max = 0;
}

void local_clear(struct local_table *t)
{
	t->count = 0;
	t->foreign = 0;
	t->dropped = 0;
	t->bad_lines = 0;
}

int local_add(struct local_table *t, const char *name, int family,
	      const uint8_t *addr)
{
	struct local_host *h;
	int n;

	if (!valid_hostname(name))
		return -1;
	if (t->count >= t->max) {
		t->dropped++;
		return -2;
	}
	h = &t->hosts[t->count];
	if (!strchr(name, '.') && t->domain[0])
		n = snprintf(h->name, sizeof(h->name), "%s.%s", name,
			     t->domain);
	else
		n = snprintf(h->name, sizeof(h->name), "%s", name);
	if (n < 0 || (size_t)n >= sizeof(h->name))
		return -1;
	lower(h->name);
	h->family = (uint8_t)family;
	memset(h->addr, 0, sizeof(h->addr));
	memcpy(h->addr, addr, family == 4 ? 4 : 16);
	/* "10.0.0.5 nas.lan nas" names one host: answer it once. */
	for (size_t i = 0; i < t->count; i++)
		if (t->hosts[i].family == h->family &&
		    memcmp(t->hosts[i].addr, h->addr, sizeof(h->addr)) == 0 &&
		    strcmp(t->hosts[i].name, h->name) == 0)
			return 0;
	if (!ends_with_label(h->name, t->domain))
		t->foreign++;
	t->count++;
	return 0;
}

/*
 * What a DHCP client may name itself: one label (letters, digits, inner
 * hyphens), optionally followed by ".<domain>" as dhcpd writes it. A
 * client asking for "www.example.com" or "a.b" must not get that name
 * answered for the whole LAN.
 */
static bool lease_name_ok(const struct local_table *t, const char *name)
{
	size_t n = strlen(name), d = strlen(t->domain), i;

	if (d && n > d + 1 && name[n - d - 1] == '.' &&
	    strncasecmp(name + n - d, t->domain, d) == 0)
		n -= d + 1;
	if (n == 0 || n > DNS_LABEL_MAX || name[0] == '-' ||
	    name[n - 1] == '-')
		return false;
	for (i = 0; i < n; i++) {
		char c = name[i];

		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-'))
			return false;
	}
	return true;
}

/* "ADDR NAME..." lines. lease: every name must pass lease_name_ok(), or
 * the whole line is refused (counted in bad_lines). */
static size_t add_lines(struct local_table *t, const char *buf, size_t len,
			bool lease)
{
	size_t pos = 0, added = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t line_len = nl ? (size_t)(nl - (buf + pos)) : len - pos;
		char line[512], *save = NULL, *tok, *hash;
		char *names[sizeof(line) / 2];	/* "a b c ...": at most this */
		size_t nnames, i;
		uint8_t addr[16];
		int family, added_names = 0;

		pos += line_len + 1;
		if (line_len >= sizeof(line)) {
			t->bad_lines++;
			continue;
		}
		memcpy(line, buf + pos - line_len - 1, line_len);
		line[line_len] = '\0';
		if ((hash = strchr(line, '#')))
			*hash = '\0';
		tok = strtok_r(line, " \t\r", &save);
		if (!tok)
			continue;
		if (inet_pton(AF_INET, tok, addr) == 1)
			family = 4;
		else if (inet_pton(AF_INET6, tok, addr) == 1)
			family = 6;
		else {
			t->bad_lines++;
			continue;
		}
		/* The names first: a lease line is taken whole or not at
		 * all. A line has room for at most 256 names. */
		nnames = 0;
		while ((tok = strtok_r(NULL, " \t\r", &save)))
			names[nnames++] = tok;
		for (i = 0; lease && i < nnames; i++)
			if (!lease_name_ok(t, names[i]))
				break;
		if (lease && i < nnames) {
			t->bad_lines++;
			continue;
		}
		for (i = 0; i < nnames; i++) {
			int rc = local_add(t, names[i], family, addr);

			if (rc == -1)
				t->bad_lines++;
			else if (rc == 0)
				added_names++;
		}
		if (added_names)
			added++;
	}
	return added;
}

size_t local_add_hosts_buf(struct local_table *t, const char *buf,
			   size_t len)
{
	return add_lines(t, buf, len, false);
}

size_t local_add_leases_buf(struct local_table *t, const char *buf,
			    size_t len)
{
	return add_lines(t, buf, len, true);
}

static long add_file(struct local_table *t, const char *path, bool lease)
{
	FILE *f = fopen(path, "r");
	static char buf[1 << 20];
	size_t len;
	int err;

	if (!f)
		return errno == ENOENT ? 0 : -1;
	len = fread(buf, 1, sizeof(buf), f);
	err = ferror(f);
	fclose(f);
	if (err) {
		errno = EIO;
		return -1;
	}
	return (long)add_lines(t, buf, len, lease);
}

long local_add_hosts_file(struct local_table *t, const char *path)
{
	return add_file(t, path, false);
}

long local_add_leases_file(struct local_table *t, const char *path)
{
	return add_file(t, path, true);
}

static bool ends_with_label(const char *name, const char *suffix)
{
	size_t n = strlen(name), s = strlen(suffix);

	if (s == 0 || n < s)
		return false;
	if (n == s)
		return strcmp(name, suffix) == 0;
	return name[n - s - 1] == '.' && strcmp(name + n - s, suffix) == 0;
}


int local_parse_reverse(const char *name, uint8_t addr[16])
{
	size_t n = strlen(name);
	static const char v4[] = ".in-addr.arpa", v6[] = ".ip6.arpa";

	memset(addr, 0, 16);
	if (n > sizeof(v4) - 1 &&
	    strcmp(name + n - (sizeof(v4) - 1), v4) == 0) {
		const char *p = name;
		int octet;

		for (octet = 3; octet >= 0; octet--) {
			unsigned v = 0, digits = 0;

			while (*p >= '0' && *p <= '9' && digits < 4) {
				v = v * 10 + (unsigned)(*p++ - '0');
				digits++;
			}
			if (digits == 0 || digits > 3 || v > 255 || *p != '.')
				return 0;
			addr[octet] = (uint8_t)v;
			p++;
		}
		return strcmp(p - 1, v4) == 0 ? 4 : 0;
	}
	/* 32 "x." nibbles, the last dot being the one of ".ip6.arpa". */
	if (n == 63 + sizeof(v6) - 1 && strcmp(name + 63, v6) == 0) {
		int i;

		for (i = 0; i < 32; i++) {
			int v = hex_digit(name[2 * i]);

			if (v < 0 || name[2 * i + 1] != '.')
				return 0;
			/* Nibbles come least significant first. */
			if (i % 2 == 0)
				addr[15 - i / 2] = (uint8_t)v;
			else
				addr[15 - i / 2] |= (uint8_t)(v << 4);
		}
		return 6;
	}
	return 0;
}

/* RFC 6303: reverse names of private ranges must not leak upstream. */
static bool private_address(int family, const uint8_t *a)
{
	if (family == 4)
		return a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
		       (a[0] == 192 && a[1] == 168) ||
		       (a[0] == 169 && a[1] == 254) || a[0] == 127;
	return (a[0] & 0xfe) == 0xfc || (a[0] == 0xfe && (a[1] & 0xc0) == 0x80);
}

static enum local_verdict reverse_lookup(const struct local_table *t,
					 const char *qname,
					 struct local_result *res)
{
	uint8_t addr[16];
	int family = local_parse_reverse(qname, addr);
	size_t i;

	if (!family)
		return LOCAL_NONE;
	for (i = 0; i < t->count; i++) {
		const struct local_host *h = &t->hosts[i];

		if (h->family == family &&
		    memcmp(h->addr, addr, family == 4 ? 4 : 16) == 0) {
			snprintf(res->ptr_name, sizeof(res->ptr_name), "%s",
				 h->name);
			res->count = 1;
			return LOCAL_FOUND;
		}
	}
	return private_address(family, addr) ? LOCAL_NXDOMAIN : LOCAL_NONE;
}

enum local_verdict local_lookup(const struct local_table *t,
				const char *qname, uint16_t qtype,
				struct local_result *res)
{
	char full[LOCAL_NAME_MAX + 1];
	bool ours, exists = false;
	size_t i;
	int want;

	res->count = 0;
	res->ptr_name[0] = '\0';
	if (qtype == DNS_T_PTR) {
		enum local_verdict v = reverse_lookup(t, qname, res);

		if (v != LOCAL_NONE)
			return v;
	}
	if (t->domain[0] && strcmp(qname, t->domain) == 0)
		return LOCAL_NODATA;
	if (!strchr(qname, '.') && t->domain[0]) {
		/* A bare name is a LAN name: never ask the internet. */
		int n = snprintf(full, sizeof(full), "%s.%s", qname, t->domain);

		if (n < 0 || (size_t)n >= sizeof(full))
			return LOCAL_NXDOMAIN;
		qname = full;
		ours = true;
	} else {
		ours = !strchr(qname, '.') ||
		       ends_with_label(qname, t->domain);
	}
	/* Most queries are for the internet: skip the scan when no local
	 * name lives outside the domain. */
	if (!ours && t->foreign == 0)
		return LOCAL_NONE;
	want = qtype == DNS_T_A ? 4 : qtype == DNS_T_AAAA ? 6 : 0;
	for (i = 0; i < t->count; i++) {
		const struct local_host *h = &t->hosts[i];

		if (strcmp(h->name, qname) != 0)
			continue;
		exists = true;
		if (h->family == want && res->count < LOCAL_ADDRS_MAX)
			memcpy(res->addrs[res->count++], h->addr, 16);
	}
	if (res->count)
		return LOCAL_FOUND;
	if (exists)
		return LOCAL_NODATA;
	return ours ? LOCAL_NXDOMAIN : LOCAL_NONE;
}
