/*
 * sshban.h - SSH brute-force bans from dropbear's log lines.
 *
 * Pure: the caller passes each message and the time (monotonic ms), and
 * gets back what to do; it owns the firewall and the timers. One fixed
 * table of sources (an IPv4 address, an IPv6 prefix of ban_prefix6 bits,
 * or one link-local address); when it is full, the least recently seen
 * source that is not banned makes room, and if every slot holds a ban the
 * new source is not tracked (counted in `dropped`).
 *
 * Two counts per source, each with its own threshold and window: failed
 * authentications (ban-after), and connections that ended before any
 * authentication was tried (probe-limit: port checks, banner grabs), so a
 * monitoring host's checks do not ban it after a few.
 */
#ifndef LOGD_SSHBAN_H
#define LOGD_SSHBAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SSHBAN_TRACK_MAX	256
#define SSHBAN_ALLOW_MAX	16
#define SSHBAN_LOCAL6_MAX 16	/* 4 LANs x 4 addresses (keel.conf) */
/* dropbear processes whose "nonexistent user" line awaits their exit
 * line; each connection is one process, so this bounds concurrent ones. */
#define SSHBAN_NOUSER_MAX	32
#define SSHBAN_PREFIX6_MIN	48
#define SSHBAN_PREFIX6_DEFAULT	64

struct prefix {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];
	uint8_t len;		/* bits */
};

struct sshban_config {
	uint32_t failures;	/* within window_s; 0 = banning off */
	uint32_t window_s;
	uint32_t probes;	/* connections without auth within
				 * probe_window_s; 0 = never banned for them */
	uint32_t probe_window_s;
	uint32_t ban_s;		/* first ban; doubles per repeat offence */
	uint32_t ban_max_s;
	uint8_t prefix6;	/* IPv6 sources counted and banned per /this */
	struct prefix allow[SSHBAN_ALLOW_MAX];
	size_t n_allow;
	/* The router's own LAN IPv6 prefixes: a source in one is counted and
	 * banned per address, since a /prefix6 ban there would shut every
	 * host of that LAN out of the router. */
	struct prefix local6[SSHBAN_LOCAL6_MAX];
	size_t n_local6;
};

/* What a dropbear line says. */
enum sshban_line {
	SSHBAN_LINE_NONE,
	SSHBAN_LINE_FAILURE,	/* an authentication failed, from addr */
	SSHBAN_LINE_NOAUTH,	/* a connection from addr ended before a
				 * user was accepted for authentication */
	SSHBAN_LINE_NOUSER,	/* "Login attempt for nonexistent user": no
				 * address; its process's NOAUTH line follows */
};

struct sshban_source {
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];	/* IPv4-mapped IPv6 comes as IPv4 */
	bool zoned;		/* "fe80::1%eth1": a link-local with its zone */
};

/*
 * Parses one line of program prog. Counted as failures: "Bad password
 * attempt for 'u' from A:P", "Too-long password attempt ... from A:P",
 * "Pubkey auth bad signature ... from A:P" and "Exit before auth from
 * <A:P>: (user 'u', N fails): ..." (a user was tried). "Exit before auth
 * from <A:P>: MSG" without a user and "Early exit from <A:P>: MSG" are
 * NOAUTH: a port check, a banner grab, a stalled key exchange, or an
 * unknown user (dropbear names no user then; its NOUSER line came first
 * from the same process). A is as getnameinfo() writes it: IPv6 without
 * brackets, link-local with "%zone" (the zone is dropped: see README).
 */
enum sshban_line sshban_match(const char *prog, size_t prog_len,
			      const char *text, size_t text_len,
			      struct sshban_source *src);

/* "192.168.1.0/24", "fd00::/8", "10.0.0.1" (a host). Returns 0 or -1. */
int prefix_parse(const char *text, struct prefix *out);
bool prefix_contains(const struct prefix *p, int family,
		     const uint8_t addr[16]);

struct sshban_entry {
	int family;		/* 0: free slot */
	uint8_t addr[16];	/* the prefix, host bits clear */
	uint8_t len;		/* prefix length: 32, 128 or prefix6 */
	uint32_t fails, probes;
	uint32_t offences;	/* bans so far: the next lasts ban_s << this */
	uint64_t window_start_ms, probe_window_start_ms;
	uint64_t last_seen_ms;
	uint64_t banned_until_ms;	/* 0: not banned */
};

struct sshban {
	struct sshban_entry e[SSHBAN_TRACK_MAX];
	uint64_t dropped;	/* sources not tracked: table full of bans */
	/* pids whose "nonexistent user" line came, awaiting their exit */
	struct {
		int32_t pid;	/* 0: free */
		uint64_t at_ms;
	} nouser[SSHBAN_NOUSER_MAX];
	uint64_t nouser_dropped;	/* the oldest made room */
};

enum sshban_verdict {
	SSHBAN_COUNTED,		/* one more, no ban yet */
	SSHBAN_BAN,		/* ban *ban now */
	SSHBAN_ALLOWED,		/* in the allowlist: never banned */
	SSHBAN_ALREADY,		/* banned already (late lines) */
	SSHBAN_UNTRACKED,	/* table full; see dropped */
	SSHBAN_OFF,
};

struct sshban_ban {
	struct prefix what;	/* what to put in the firewall */
	uint64_t ms;		/* for how long */
	bool probes;		/* for probes, not failures */
};

/*
 * One line's event at now_ms: line SSHBAN_LINE_FAILURE or NOAUTH with its
 * source, or NOUSER (src unused) from process pid. A NOAUTH from a pid
 * that logged NOUSER counts as a failure. The source counts as its /32,
 * a zoned link-local as its /128 (fe80::/64 is every host on the link),
 * anything else IPv6 as its /prefix6 -- or /128 when that prefix holds an
 * allowlisted address, so a ban never covers one, or overlaps one of the
 * router's own LAN prefixes (local6).
 */
enum sshban_verdict sshban_event(struct sshban *t,
				 const struct sshban_config *cfg,
				 enum sshban_line line, int32_t pid,
				 const struct sshban_source *src,
				 uint64_t now_ms, struct sshban_ban *ban);

/*
 * Bans that ended by now_ms: returns 1 and copies one into *out (its ban
 * is cleared, its offence count kept), or 0 when none is left. Sources
 * quiet for longer than forget_ms (not banned) are forgotten here too, so
 * a repeat offender is remembered that long.
 */
int sshban_expired(struct sshban *t, uint64_t now_ms, uint64_t forget_ms,
		   struct sshban_entry *out);

/* Earliest ban end, or 0 if nothing is banned: for the caller's timer. */
uint64_t sshban_next_expiry(const struct sshban *t);

#endif /* LOGD_SSHBAN_H */
