/*
 * aftr_resolve.h - resolving DHCPv6's AFTR name (RFC 6334 section 3) as a
 * pure state machine beside the engine: the name and the DNS servers of
 * option 23 go in with the time, a query to send comes out (out, to
 * servers[server]), answers go in, and the address comes out. One query
 * in flight, 2 s per server, then the next server; a round with no address
 * backs off 5 s, 10 s ... 300 s. An address is asked again after its TTL
 * (60 s to 1 day). The last address is kept while a new one is sought.
 */
#ifndef WAN6_AFTR_RESOLVE_H
#define WAN6_AFTR_RESOLVE_H

#include <stdint.h>

#include "dns_aaaa.h"
#include "engine.h"
#include "wire.h"

#define AFTR_TIMEOUT_MS		2000u
#define AFTR_BACKOFF_MIN_MS	5000u
#define AFTR_BACKOFF_MAX_MS	300000u
#define AFTR_TTL_MIN_S		60u
#define AFTR_TTL_MAX_S		86400u

struct aftr_resolve {
	char name[WIRE_NAME_MAX + 1];	/* "" : nothing to resolve */
	unsigned n_servers;
	uint8_t servers[WIRE_DNS_MAX][16];
	unsigned server;		/* asked now, or next */
	int waiting;
	uint16_t id;
	uint64_t next_at;		/* ENGINE_NEVER: idle */
	unsigned failures;		/* rounds without an address in a row */
	uint64_t rng;
	int has_addr;
	uint8_t addr[16];
	/* Outputs, cleared by whoever consumes them. */
	uint8_t out[DNS_MSG_MAX];
	size_t out_len;			/* a query for servers[server] */
	int changed;			/* has_addr / addr changed */
	int round_failed;		/* a round ended without an address */
	enum dns_result last_error;	/* DNS_OK: no server answered */
	uint64_t ignored;		/* answers not for our query */
};

void aftr_init(struct aftr_resolve *r, uint64_t seed);
/* The lease's name and servers; a new name or new servers start a round
 * now. An empty name stops asking (the address is kept). */
void aftr_set(struct aftr_resolve *r, uint64_t now, const char *name,
	      const uint8_t servers[][16], unsigned n_servers);
void aftr_timer(struct aftr_resolve *r, uint64_t now);
/* A UDP payload from port 53 of from. Returns 1 if it was the answer. */
int aftr_answer(struct aftr_resolve *r, uint64_t now, const uint8_t from[16],
		const uint8_t *p, size_t n);
uint64_t aftr_next_wakeup(const struct aftr_resolve *r);

#endif /* WAN6_AFTR_RESOLVE_H */
