/*
 * sshban.c - count dropbear's failures per address, decide bans.
 *
 * The texts matched are dropbear 2022.83's (svr-authpasswd.c,
 * svr-authpubkey.c, svr-session.c); addresses come as "host:port" from
 * getnameinfo(), IPv6 without brackets, so the port is after the last ':'.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "sshban.h"

static const char *find(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(p + i, needle, k))
			return p + i;
	return NULL;
}

/* "A:P" (ending at end or at '>') to an address. */
static int parse_addr_port(const char *p, size_t n, int *family,
			   uint8_t addr[16])
{
	char host[64];
	size_t end = 0, colon = 0;

	while (end < n && p[end] != '>' && p[end] != ' ')
		end++;
	for (size_t i = 0; i < end; i++)
		if (p[i] == ':')
			colon = i;
	if (!colon || colon >= sizeof(host))
		return 0;
	memcpy(host, p, colon);
	host[colon] = '\0';
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, host, addr) == 1) {
		*family = AF_INET;
		return 1;
	}
	if (inet_pton(AF_INET6, host, addr) == 1) {
		static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };

		if (!memcmp(addr, mapped, 12)) {
			memmove(addr, addr + 12, 4);
			memset(addr + 4, 0, 12);
			*family = AF_INET;
		} else {
			*family = AF_INET6;
		}
		return 1;
	}
	return 0;
}

int sshban_match(const char *prog, size_t prog_len, const char *text,
		 size_t text_len, int *family, uint8_t addr[16])
{
	static const char *const from_lines[] = {
		"Bad password attempt for '",
		"Too-long password attempt for '",
		"Pubkey auth bad signature for '",
	};
	static const char exit_line[] = "Exit before auth from <";
	const char *from;

	if (prog_len != 8 || memcmp(prog, "dropbear", 8))
		return 0;
	if (text_len > sizeof(exit_line) &&
	    !memcmp(text, exit_line, sizeof(exit_line) - 1))
		return parse_addr_port(text + sizeof(exit_line) - 1,
				       text_len - (sizeof(exit_line) - 1),
				       family, addr);
	for (size_t i = 0; i < sizeof(from_lines) / sizeof(from_lines[0]);
	     i++) {
		size_t k = strlen(from_lines[i]);

		if (text_len <= k || memcmp(text, from_lines[i], k))
			continue;
		/* The user name is the attacker's: take the last " from ". */
		from = NULL;
		for (const char *f = text; f;) {
			const char *next = find(f, text_len - (size_t)(f - text),
						" from ");

			if (next)
				from = next;
			f = next ? next + 1 : NULL;
		}
		if (!from)
			return 0;
		from += 6;
		return parse_addr_port(from, text_len - (size_t)(from - text),
				       family, addr);
	}
	return 0;
}

int prefix_parse(const char *text, struct prefix *out)
{
	char host[64];
	const char *slash = strchr(text, '/');
	size_t n = slash ? (size_t)(slash - text) : strlen(text);
	unsigned long len;
	char *end;

	memset(out, 0, sizeof(*out));
	if (n >= sizeof(host))
		return -1;
	memcpy(host, text, n);
	host[n] = '\0';
	if (inet_pton(AF_INET, host, out->addr) == 1)
		out->family = AF_INET;
	else if (inet_pton(AF_INET6, host, out->addr) == 1)
		out->family = AF_INET6;
	else
		return -1;
	len = out->family == AF_INET ? 32 : 128;
	if (slash) {
		unsigned long max = len;

		len = strtoul(slash + 1, &end, 10);
		if (end == slash + 1 || *end || len > max)
			return -1;
	}
	out->len = (uint8_t)len;
	return 0;
}

bool prefix_contains(const struct prefix *p, int family,
		     const uint8_t addr[16])
{
	unsigned full = p->len / 8, rest = p->len % 8;

	if (p->family != family)
		return false;
	if (memcmp(p->addr, addr, full))
		return false;
	if (rest) {
		uint8_t mask = (uint8_t)(0xff << (8 - rest));

		return (p->addr[full] & mask) == (addr[full] & mask);
	}
	return true;
}

static struct sshban_entry *lookup(struct sshban *t, int family,
				   const uint8_t addr[16], uint64_t now_ms)
{
	struct sshban_entry *victim = NULL;

	for (size_t i = 0; i < SSHBAN_TRACK_MAX; i++) {
		struct sshban_entry *e = &t->e[i];

		if (e->family == family && !memcmp(e->addr, addr, 16))
			return e;
	}
	for (size_t i = 0; i < SSHBAN_TRACK_MAX; i++) {
		struct sshban_entry *e = &t->e[i];

		if (!e->family) {
			victim = e;
			break;
		}
		if (!e->banned_until_ms &&
		    (!victim || e->last_seen_ms < victim->last_seen_ms))
			victim = e;
	}
	if (!victim) {
		t->dropped++;
		return NULL;
	}
	memset(victim, 0, sizeof(*victim));
	victim->family = family;
	memcpy(victim->addr, addr, 16);
	victim->window_start_ms = now_ms;
	return victim;
}

enum sshban_verdict sshban_failure(struct sshban *t,
				   const struct sshban_config *cfg,
				   int family, const uint8_t addr[16],
				   uint64_t now_ms, uint64_t *ban_ms)
{
	struct sshban_entry *e;
	uint64_t secs;

	if (!cfg->failures)
		return SSHBAN_OFF;
	for (size_t i = 0; i < cfg->n_allow; i++)
		if (prefix_contains(&cfg->allow[i], family, addr))
			return SSHBAN_ALLOWED;
	e = lookup(t, family, addr, now_ms);
	if (!e)
		return SSHBAN_UNTRACKED;
	e->last_seen_ms = now_ms;
	if (e->banned_until_ms)
		return SSHBAN_ALREADY;
	if (now_ms - e->window_start_ms > (uint64_t)cfg->window_s * 1000) {
		e->window_start_ms = now_ms;
		e->fails = 0;
	}
	if (++e->fails < cfg->failures)
		return SSHBAN_COUNTED;
	secs = cfg->ban_s;
	for (uint32_t i = 0; i < e->offences && secs < cfg->ban_max_s; i++)
		secs *= 2;
	if (secs > cfg->ban_max_s)
		secs = cfg->ban_max_s;
	e->offences++;
	e->fails = 0;
	e->banned_until_ms = now_ms + secs * 1000;
	*ban_ms = secs * 1000;
	return SSHBAN_BAN;
}

int sshban_expired(struct sshban *t, uint64_t now_ms, uint64_t forget_ms,
		   struct sshban_entry *out)
{
	for (size_t i = 0; i < SSHBAN_TRACK_MAX; i++) {
		struct sshban_entry *e = &t->e[i];

		if (!e->family)
			continue;
		if (e->banned_until_ms && e->banned_until_ms <= now_ms) {
			e->banned_until_ms = 0;
			e->last_seen_ms = now_ms;
			e->fails = 0;
			*out = *e;
			return 1;
		}
		if (!e->banned_until_ms && now_ms - e->last_seen_ms > forget_ms)
			memset(e, 0, sizeof(*e));
	}
	return 0;
}

uint64_t sshban_next_expiry(const struct sshban *t)
{
	uint64_t next = 0;

	for (size_t i = 0; i < SSHBAN_TRACK_MAX; i++) {
		uint64_t u = t->e[i].banned_until_ms;

		if (t->e[i].family && u && (!next || u < next))
			next = u;
	}
	return next;
}
