/*
 * checkpoint.c - the lease file: parse, format, save atomically, load.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "keel/atomic_file.h"
#include "checkpoint.h"
#include "hostnames.h"
#include "keel/hex.h"
#include "keel/log.h"


/* Splits the next space-separated field off [*p, end). */
static int next_field(const char **p, const char *end, const char **field,
		      size_t *len)
{
	while (*p < end && **p == ' ')
		(*p)++;
	*field = *p;
	while (*p < end && **p != ' ')
		(*p)++;
	*len = (size_t)(*p - *field);
	return *len > 0;
}


static int parse_ip(const char *s, size_t len, uint32_t *ip)
{
	char tmp[INET_ADDRSTRLEN];
	struct in_addr a;

	if (len >= sizeof(tmp))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = 0;
	if (inet_pton(AF_INET, tmp, &a) != 1)
		return -1;
	*ip = ntohl(a.s_addr);
	return 0;
}

static int parse_time(const char *s, size_t len, int64_t *out)
{
	int64_t v = 0;

	/* Up to 12 digits: past year 30000, and no overflow to check. */
	if (len == 0 || len > 12)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

int checkpoint_parse_line(const char *line, size_t len,
			  struct checkpoint_lease *out, const char **why)
{
	const char *p = line, *end = line + len, *f;
	size_t flen;
	char name[LEASE_NAME_MAX + 2];

	memset(out, 0, sizeof(*out));
	*why = NULL;
	if (len && line[len - 1] == '\r')
		end--;
	while (p < end && *p == ' ')
		p++;
	if (p == end || *p == '#')
		return 0;
	if (memchr(line, 0, len)) {
		*why = "NUL byte";
		return -1;
	}
	if (!next_field(&p, end, &f, &flen) || mac_parse(f, flen, out->mac)) {
		*why = "bad MAC";
		return -1;
	}
	if (!next_field(&p, end, &f, &flen) || parse_ip(f, flen, &out->ip)) {
		*why = "bad address";
		return -1;
	}
	if (!next_field(&p, end, &f, &flen) ||
	    parse_time(f, flen, &out->expires)) {
		*why = "bad expiry";
		return -1;
	}
	if (!next_field(&p, end, &f, &flen)) {
		*why = "missing name";
		return -1;
	}
	if (!(flen == 1 && f[0] == '-')) {
		if (flen > LEASE_NAME_MAX) {
			*why = "name too long";
			return -1;
		}
		memcpy(name, f, flen);
		name[flen] = 0;
		if (hostname_sanitize(name, out->hostname,
				      sizeof(out->hostname)) != flen) {
			*why = "bad name";
			return -1;
		}
	}
	if (next_field(&p, end, &f, &flen)) {
		*why = "trailing fields";
		return -1;
	}
	return 1;
}

size_t checkpoint_format_line(const struct checkpoint_lease *l, char *buf,
			      size_t size)
{
	struct in_addr a = { htonl(l->ip) };
	char addr[INET_ADDRSTRLEN];
	int n;

	inet_ntop(AF_INET, &a, addr, sizeof(addr));
	n = snprintf(buf, size,
		     "%02x:%02x:%02x:%02x:%02x:%02x %s %lld %s\n",
		     l->mac[0], l->mac[1], l->mac[2], l->mac[3], l->mac[4],
		     l->mac[5], addr,
		     (long long)(l->expires < 0 ? 0 : l->expires),
		     l->hostname[0] ? l->hostname : "-");
	return n < 0 || (size_t)n >= size ? 0 : (size_t)n;
}

int checkpoint_save(const char *path, const struct lease_db *db)
{
	static const char header[] = "# dhcpd leases: MAC ADDR EXPIRES NAME\n";
	struct atomic_file f;
	struct checkpoint_lease cl;
	char line[CHECKPOINT_LINE_MAX];

	if (atomic_open(&f, path, 0600) < 0)
		return -1;
	atomic_write(&f, header, sizeof(header) - 1);
	for (uint32_t i = 0; i < db->count; i++) {
		const struct lease *l = &db->slots[i];
		const char *name = lease_db_hostname(db, l);
		size_t len;

		/* Lapsed leases too: they keep the address with its client. */
		if (l->state != LEASE_BOUND || !l->has_mac)
			continue;
		memcpy(cl.mac, l->mac, 6);
		cl.ip = db->first + i;
		cl.expires = l->expires;
		memcpy(cl.hostname, name, strlen(name) + 1);
		len = checkpoint_format_line(&cl, line, sizeof(line));
		atomic_write(&f, line, len);
	}
	return atomic_commit(&f);
}

int checkpoint_load(const char *path, struct lease_db *db,
		    struct checkpoint_stats *stats)
{
	char line[CHECKPOINT_LINE_MAX + 2];
	unsigned lineno = 0;
	FILE *fp;

	memset(stats, 0, sizeof(*stats));
	fp = fopen(path, "re");
	if (!fp)
		return errno == ENOENT ? 0 : -1;
	while (fgets(line, sizeof(line), fp)) {
		struct checkpoint_lease cl;
		size_t len = strlen(line);
		const char *why;
		int rc;

		lineno++;
		if (len && line[len - 1] == '\n') {
			len--;
		} else if (!feof(fp)) {
			/* Overlong: skip the rest of it, count one bad line. */
			int c;

			while ((c = fgetc(fp)) != EOF && c != '\n')
				;
			logx_warn("%s:%u: line too long, lease dropped", path,
				  lineno);
			stats->bad++;
			continue;
		}
		rc = checkpoint_parse_line(line, len, &cl, &why);
		if (rc == 0)
			continue;
		if (rc < 0) {
			logx_warn("%s:%u: %s, lease dropped", path, lineno,
				  why);
			stats->bad++;
			continue;
		}
		if (lease_db_restore(db, cl.mac, cl.ip, cl.expires,
				     cl.hostname) < 0) {
			logx_warn("%s:%u: address not in pool or taken, "
				  "lease dropped", path, lineno);
			stats->rejected++;
			continue;
		}
		stats->loaded++;
	}
	if (ferror(fp)) {
		int err = errno;

		fclose(fp);
		errno = err;
		return -1;
	}
	fclose(fp);
	return 0;
}
