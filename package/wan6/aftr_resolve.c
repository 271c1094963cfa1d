/*
 * aftr_resolve.c - the AFTR name's resolution rounds (aftr_resolve.h).
 */
#include <string.h>

#include "aftr_resolve.h"

static uint16_t next_id(struct aftr_resolve *r)
{
	/* xorshift64: an unguessable-enough ID for an on-path-only threat
	 * (the answer must also come from the server asked, to our port). */
	r->rng ^= r->rng << 13;
	r->rng ^= r->rng >> 7;
	r->rng ^= r->rng << 17;
	return (uint16_t)(r->rng >> 24);
}

void aftr_init(struct aftr_resolve *r, uint64_t seed)
{
	memset(r, 0, sizeof(*r));
	r->rng = seed | 1;
	r->next_at = ENGINE_NEVER;
}

static void start_round(struct aftr_resolve *r, uint64_t now)
{
	r->waiting = 0;
	r->server = 0;
	r->next_at = r->name[0] ? now : ENGINE_NEVER;
}

void aftr_set(struct aftr_resolve *r, uint64_t now, const char *name,
	      const uint8_t servers[][16], unsigned n_servers)
{
	int new_name = strcmp(r->name, name) != 0, new_servers;
	size_t len;

	if (n_servers > WIRE_DNS_MAX)
		n_servers = WIRE_DNS_MAX;
	new_servers = n_servers != r->n_servers ||
		(n_servers && memcmp(r->servers, servers, n_servers * 16));
	if (!new_name && !new_servers)
		return;
	len = strnlen(name, WIRE_NAME_MAX);
	memcpy(r->name, name, len);
	r->name[len] = '\0';
	memcpy(r->servers, servers, n_servers * 16);
	r->n_servers = n_servers;
	if (new_name)
		r->failures = 0;
	start_round(r, now);
}

static uint64_t backoff(unsigned failures)
{
	uint64_t ms = AFTR_BACKOFF_MIN_MS;

	for (unsigned i = 1; i < failures && ms < AFTR_BACKOFF_MAX_MS; i++)
		ms *= 2;
	return ms < AFTR_BACKOFF_MAX_MS ? ms : AFTR_BACKOFF_MAX_MS;
}

static void round_failed(struct aftr_resolve *r, uint64_t now)
{
	r->failures++;
	r->waiting = 0;
	r->server = 0;
	r->round_failed = 1;
	r->next_at = now + backoff(r->failures);
}

void aftr_timer(struct aftr_resolve *r, uint64_t now)
{
	if (!r->name[0] || now < r->next_at)
		return;
	if (r->waiting) {
		/* No (usable) answer from this one: the next. */
		r->waiting = 0;
		r->server++;
	} else {
		r->last_error = DNS_OK;
	}
	if (r->server >= r->n_servers) {
		round_failed(r, now);
		return;
	}
	r->id = next_id(r);
	r->out_len = dns_aaaa_query(r->name, r->id, r->out, sizeof(r->out));
	if (!r->out_len) {	/* wire_name_decode lets no such name in */
		r->next_at = ENGINE_NEVER;
		return;
	}
	r->waiting = 1;
	r->next_at = now + AFTR_TIMEOUT_MS;
}

int aftr_answer(struct aftr_resolve *r, uint64_t now, const uint8_t from[16],
		const uint8_t *p, size_t n)
{
	uint8_t addr[16];
	uint32_t ttl = 0;
	enum dns_result res;

	if (!r->waiting || r->server >= r->n_servers ||
	    memcmp(from, r->servers[r->server], 16)) {
		r->ignored++;
		return 0;
	}
	res = dns_aaaa_answer(p, n, r->id, r->name, addr, &ttl);
	if (res == DNS_NOT_ANSWER || res == DNS_MALFORMED) {
		/* A stray or forged packet must not end the wait. */
		r->ignored++;
		return 0;
	}
	if (res != DNS_OK) {
		r->last_error = res;
		r->next_at = now;	/* the next server, at once */
		return 1;
	}
	if (!r->has_addr || memcmp(r->addr, addr, 16))
		r->changed = 1;
	r->has_addr = 1;
	memcpy(r->addr, addr, 16);
	r->waiting = 0;
	r->server = 0;
	r->failures = 0;
	if (ttl < AFTR_TTL_MIN_S)
		ttl = AFTR_TTL_MIN_S;
	if (ttl > AFTR_TTL_MAX_S)
		ttl = AFTR_TTL_MAX_S;
	r->next_at = now + (uint64_t)ttl * 1000;
	return 1;
}

uint64_t aftr_next_wakeup(const struct aftr_resolve *r)
{
	return r->name[0] ? r->next_at : ENGINE_NEVER;
}
