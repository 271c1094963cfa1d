/*
 * sshban.c - count dropbear's failures and unauthenticated connections
 * per source, decide bans.
 */
#include <arpa/inet.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "sshban.h"

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

/* Do two prefixes share an address? (One holds the other's start.) */
static bool prefix_overlap(const struct prefix *a, const struct prefix *b)
{
	return prefix_contains(a, b->family, b->addr) ||
	       prefix_contains(b, a->family, a->addr);
}

/* The source as counted and banned; see sshban_event(). */
static void source_prefix(const struct sshban_config *cfg,
			  const struct sshban_source *src, struct prefix *p)
{
	unsigned bits;

	memset(p, 0, sizeof(*p));
	p->family = src->family;
	memcpy(p->addr, src->addr, src->family == AF_INET ? 4 : 16);
	if (src->family == AF_INET || src->zoned) {
		p->len = src->family == AF_INET ? 32 : 128;
		return;
	}
	p->len = cfg->prefix6 ? cfg->prefix6 : SSHBAN_PREFIX6_DEFAULT;
	for (bits = p->len; bits < 128; bits++)
		p->addr[bits / 8] &= (uint8_t)~(0x80u >> (bits % 8));
	for (size_t i = 0; i < cfg->n_allow + cfg->n_local6; i++) {
		const struct prefix *q = i < cfg->n_allow ? &cfg->allow[i] :
			&cfg->local6[i - cfg->n_allow];

		if (prefix_overlap(p, q)) {
			memcpy(p->addr, src->addr, 16);
			p->len = 128;
			return;
		}
	}
}

static struct sshban_entry *lookup(struct sshban *t, const struct prefix *p,
				   uint64_t now_ms)
{
	struct sshban_entry *victim = NULL;

	for (size_t i = 0; i < SSHBAN_TRACK_MAX; i++) {
		struct sshban_entry *e = &t->e[i];

		if (e->family == p->family && e->len == p->len &&
		    !memcmp(e->addr, p->addr, 16))
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
	victim->family = p->family;
	memcpy(victim->addr, p->addr, 16);
	victim->len = p->len;
	victim->window_start_ms = victim->probe_window_start_ms = now_ms;
	return victim;
}

/* Remembers that pid logged "nonexistent user"; the oldest makes room. */
static void nouser_note(struct sshban *t, int32_t pid, uint64_t now_ms)
{
	size_t slot = 0;

	for (size_t i = 0; i < SSHBAN_NOUSER_MAX; i++) {
		if (t->nouser[i].pid == pid || !t->nouser[i].pid) {
			slot = i;
			break;
		}
		if (t->nouser[i].at_ms < t->nouser[slot].at_ms)
			slot = i;
	}
	if (t->nouser[slot].pid && t->nouser[slot].pid != pid)
		t->nouser_dropped++;
	t->nouser[slot].pid = pid;
	t->nouser[slot].at_ms = now_ms;
}

/* Did pid log "nonexistent user"? Forgets it (its exit ends it). */
static bool nouser_take(struct sshban *t, int32_t pid)
{
	for (size_t i = 0; i < SSHBAN_NOUSER_MAX; i++) {
		if (t->nouser[i].pid && t->nouser[i].pid == pid) {
			t->nouser[i].pid = 0;
			return true;
		}
	}
	return false;
}

/* One more in a count with its own window; true at the threshold. */
static bool count(uint32_t *n, uint64_t *start_ms, uint32_t limit,
		  uint32_t window_s, uint64_t now_ms)
{
	if (now_ms - *start_ms > (uint64_t)window_s * 1000) {
		*start_ms = now_ms;
		*n = 0;
	}
	return ++*n >= limit;
}

enum sshban_verdict sshban_event(struct sshban *t,
				 const struct sshban_config *cfg,
				 enum sshban_line line, int32_t pid,
				 const struct sshban_source *src,
				 uint64_t now_ms, struct sshban_ban *ban)
{
	struct sshban_entry *e;
	struct prefix p;
	uint64_t secs;
	bool probe;

	if (!cfg->failures)
		return SSHBAN_OFF;
	if (line == SSHBAN_LINE_NOUSER) {
		if (pid > 0)
			nouser_note(t, pid, now_ms);
		return SSHBAN_COUNTED;
	}
	if (line != SSHBAN_LINE_FAILURE && line != SSHBAN_LINE_NOAUTH)
		return SSHBAN_OFF;
	probe = line == SSHBAN_LINE_NOAUTH && !(pid > 0 && nouser_take(t, pid));
	for (size_t i = 0; i < cfg->n_allow; i++)
		if (prefix_contains(&cfg->allow[i], src->family, src->addr))
			return SSHBAN_ALLOWED;
	source_prefix(cfg, src, &p);
	e = lookup(t, &p, now_ms);
	if (!e)
		return SSHBAN_UNTRACKED;
	e->last_seen_ms = now_ms;
	if (e->banned_until_ms)
		return SSHBAN_ALREADY;
	if (probe) {
		if (!cfg->probes ||
		    !count(&e->probes, &e->probe_window_start_ms, cfg->probes,
			   cfg->probe_window_s, now_ms))
			return SSHBAN_COUNTED;
	} else if (!count(&e->fails, &e->window_start_ms, cfg->failures,
			  cfg->window_s, now_ms)) {
		return SSHBAN_COUNTED;
	}
	secs = cfg->ban_s;
	for (uint32_t i = 0; i < e->offences && secs < cfg->ban_max_s; i++)
		secs *= 2;
	if (secs > cfg->ban_max_s)
		secs = cfg->ban_max_s;
	e->offences++;
	e->fails = e->probes = 0;
	e->banned_until_ms = now_ms + secs * 1000;
	ban->what = p;
	ban->ms = secs * 1000;
	ban->probes = probe;
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
			e->fails = e->probes = 0;
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
