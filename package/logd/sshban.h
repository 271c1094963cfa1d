/*
 * sshban.h - SSH brute-force bans from dropbear's log lines.
 *
 * Pure: the caller passes each message and the time (monotonic ms), and
 * gets back what to do; it owns the firewall and the timers. One fixed
 * table of addresses; when it is full, the least recently seen address
 * that is not banned makes room, and if every slot holds a ban the new
 * address is not tracked (counted in `dropped`).
 */
#ifndef LOGD_SSHBAN_H
#define LOGD_SSHBAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SSHBAN_TRACK_MAX	256
#define SSHBAN_ALLOW_MAX	16

struct prefix {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];
	uint8_t len;		/* bits */
};

struct sshban_config {
	uint32_t failures;	/* within window_s; 0 = banning off */
	uint32_t window_s;
	uint32_t ban_s;		/* first ban; doubles per repeat offence */
	uint32_t ban_max_s;
	struct prefix allow[SSHBAN_ALLOW_MAX];
	size_t n_allow;
};

struct sshban_entry {
	int family;		/* 0: free slot */
	uint8_t addr[16];
	uint32_t fails;
	uint32_t offences;	/* bans so far: the next lasts ban_s << this */
	uint64_t window_start_ms;
	uint64_t last_seen_ms;
	uint64_t banned_until_ms;	/* 0: not banned */
};

struct sshban {
	struct sshban_entry e[SSHBAN_TRACK_MAX];
	uint64_t dropped;	/* addresses not tracked: table full of bans */
};

/*
 * Is this dropbear line an authentication failure, and from where?
 * Counted: "Bad password attempt for 'u' from A:P", "Too-long password
 * attempt ... from A:P", "Pubkey auth bad signature for ... from A:P" and
 * "Exit before auth from <A:P>: ..." (a connection that ended without
 * logging in: how attempts on unknown users show, whose own line names
 * no address). Returns 1 with family/addr (IPv4-mapped IPv6 as IPv4), or 0.
 */
int sshban_match(const char *prog, size_t prog_len, const char *text,
		 size_t text_len, int *family, uint8_t addr[16]);

/* "192.168.1.0/24", "fd00::/8", "10.0.0.1" (a host). Returns 0 or -1. */
int prefix_parse(const char *text, struct prefix *out);
bool prefix_contains(const struct prefix *p, int family,
		     const uint8_t addr[16]);

enum sshban_verdict {
	SSHBAN_COUNTED,		/* one more failure, no ban yet */
	SSHBAN_BAN,		/* ban now for *ban_ms */
	SSHBAN_ALLOWED,		/* in the allowlist: never banned */
	SSHBAN_ALREADY,		/* banned already (late lines) */
	SSHBAN_UNTRACKED,	/* table full; see dropped */
	SSHBAN_OFF,
};

/* One failure from addr at now_ms. */
enum sshban_verdict sshban_failure(struct sshban *t,
				   const struct sshban_config *cfg,
				   int family, const uint8_t addr[16],
				   uint64_t now_ms, uint64_t *ban_ms);

/*
 * Bans that ended by now_ms: returns 1 and copies one into *out (its ban
 * is cleared, its offence count kept), or 0 when none is left. Addresses
 * quiet for longer than forget_ms (not banned) are forgotten here too, so
 * a repeat offender is remembered that long.
 */
int sshban_expired(struct sshban *t, uint64_t now_ms, uint64_t forget_ms,
		   struct sshban_entry *out);

/* Earliest ban end, or 0 if nothing is banned: for the caller's timer. */
uint64_t sshban_next_expiry(const struct sshban *t);

#endif /* LOGD_SSHBAN_H */
