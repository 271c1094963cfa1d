/* sshban: dropbear 2022.83's lines give the source and what happened; the
 * decision table bans at the threshold within the window, counts failed
 * logins and connections without authentication apart, bans IPv6 per
 * prefix and link-local per address, doubles a repeat offender's ban up
 * to the cap, never bans the allowlist, and stays bounded when flooded. */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "sshban.h"

static struct sshban_source src;

static enum sshban_line match(const char *text)
{
	return sshban_match("dropbear", 8, text, strlen(text), &src);
}

static void test_match(void)
{
	uint8_t want[16] = { 10, 0, 0, 100 };
	uint8_t v6[16];

	CHECK_EQ_INT(match("Bad password attempt for 'root' from "
			   "10.0.0.100:43210"), SSHBAN_LINE_FAILURE);
	CHECK_EQ_INT(src.family, AF_INET);
	CHECK_MEM(src.addr, 4, want, 4);
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.100:43210>: (user "
			   "'admin', 3 fails): Max auth tries reached - user "
			   "'admin'"), SSHBAN_LINE_FAILURE);
	CHECK_MEM(src.addr, 4, want, 4);
	/* No user tried: a port check, a banner grab, or an unknown user. */
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.100:43210>: Exited "
			   "normally"), SSHBAN_LINE_NOAUTH);
	CHECK_MEM(src.addr, 4, want, 4);
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.100:43210>: Timeout "
			   "before auth"), SSHBAN_LINE_NOAUTH);
	CHECK_EQ_INT(match("Early exit from <10.0.0.100:1>: Failed lookup"),
		     SSHBAN_LINE_NOAUTH);
	CHECK_EQ_INT(match("Login attempt for nonexistent user"),
		     SSHBAN_LINE_NOUSER);
	/* IPv6 comes without brackets; the port is after the last ':'. */
	CHECK_EQ_INT(match("Bad password attempt for 'root' from "
			   "2001:db8::7:22"), SSHBAN_LINE_FAILURE);
	CHECK_EQ_INT(src.family, AF_INET6);
	CHECK(!src.zoned);
	inet_pton(AF_INET6, "2001:db8::7", v6);
	CHECK_MEM(src.addr, 16, v6, 16);
	/* Link-local with its zone, as getnameinfo() writes it. */
	CHECK_EQ_INT(match("Bad password attempt for 'root' from "
			   "fe80::1%eth1:51234"), SSHBAN_LINE_FAILURE);
	CHECK_EQ_INT(src.family, AF_INET6);
	CHECK(src.zoned);
	inet_pton(AF_INET6, "fe80::1", v6);
	CHECK_MEM(src.addr, 16, v6, 16);
	CHECK_EQ_INT(match("Exit before auth from <fe80::1%br-lan.10:51234>: "
			   "(user 'root', 1 fails): Exited normally"),
		     SSHBAN_LINE_FAILURE);
	CHECK(src.zoned);
	CHECK_EQ_INT(match("Exit before auth from <fe80::a:b%3:22>: Exited "
			   "normally"), SSHBAN_LINE_NOAUTH);
	/* A zone on anything but a link-local, an empty or overlong one. */
	CHECK_EQ_INT(match("Bad password attempt for 'r' from "
			   "2001:db8::1%eth0:22"), SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from "
			   "10.0.0.1%eth0:22"), SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from fe80::1%:22"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from "
			   "fe80::1%abcdefghijklmnop:22"), SSHBAN_LINE_NONE);
	/* IPv4-mapped counts as IPv4. */
	CHECK_EQ_INT(match("Pubkey auth bad signature for 'u' with key "
			   "SHA256:abc from ::ffff:10.0.0.100:5000"),
		     SSHBAN_LINE_FAILURE);
	CHECK_EQ_INT(src.family, AF_INET);
	CHECK_MEM(src.addr, 4, want, 4);
	CHECK_EQ_INT(match("Too-long password attempt for 'x' from "
			   "10.0.0.100:1"), SSHBAN_LINE_FAILURE);
	/* A user name chosen by the attacker cannot pick the address. */
	CHECK_EQ_INT(match("Bad password attempt for 'x from 1.2.3.4:5' from "
			   "10.0.0.100:43210"), SSHBAN_LINE_FAILURE);
	CHECK_MEM(src.addr, 4, want, 4);

	/* Not counted, or not dropbear. */
	CHECK_EQ_INT(match("Password auth succeeded for 'root' from "
			   "10.0.0.100:43210"), SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Login attempt for nonexistent user x"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Child connection from 10.0.0.100:43210"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Exit (root) from <10.0.0.100:43210>: Exited "
			   "normally"), SSHBAN_LINE_NONE);
	CHECK_EQ_INT(sshban_match("sshd", 4, "Bad password attempt for 'r' "
				  "from 10.0.0.1:1", 39, &src),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from nowhere"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from 10.0.0.1:x"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from 300.1.1.1:2"),
		     SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Exit before auth from <>"), SSHBAN_LINE_NONE);
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.1:2"),
		     SSHBAN_LINE_NONE);
}

static void test_prefix(void)
{
	struct prefix p;
	uint8_t a[16] = { 192, 168, 7, 200 };
	uint8_t b[16] = { 192, 168, 8, 1 };

	CHECK_EQ_INT(prefix_parse("192.168.7.0/24", &p), 0);
	CHECK(prefix_contains(&p, AF_INET, a));
	CHECK(!prefix_contains(&p, AF_INET, b));
	CHECK(!prefix_contains(&p, AF_INET6, a));
	CHECK_EQ_INT(prefix_parse("192.168.6.0/23", &p), 0);
	CHECK(prefix_contains(&p, AF_INET, a));
	CHECK_EQ_INT(prefix_parse("10.0.0.1", &p), 0);
	CHECK_EQ_UINT(p.len, 32);
	CHECK_EQ_INT(prefix_parse("fd00::/8", &p), 0);
	CHECK_EQ_UINT(p.len, 8);
	CHECK_EQ_INT(prefix_parse("10.0.0.0/33", &p), -1);
	CHECK_EQ_INT(prefix_parse("10.0.0.0/", &p), -1);
	CHECK_EQ_INT(prefix_parse("host/8", &p), -1);
}

static struct sshban t;

/* One event from a literal source (zoned if it has a '%'). */
static enum sshban_verdict ev(const struct sshban_config *cfg,
			      enum sshban_line line, int32_t pid,
			      const char *addr, uint64_t now,
			      struct sshban_ban *ban)
{
	struct sshban_source s = { 0 };
	char host[64];
	const char *pct = strchr(addr, '%');

	snprintf(host, sizeof(host), "%.*s",
		 pct ? (int)(pct - addr) : (int)strlen(addr), addr);
	s.zoned = pct != NULL;
	if (inet_pton(AF_INET, host, s.addr) == 1)
		s.family = AF_INET;
	else if (inet_pton(AF_INET6, host, s.addr) == 1)
		s.family = AF_INET6;
	return sshban_event(&t, cfg, line, pid, &s, now, ban);
}

#define FAIL SSHBAN_LINE_FAILURE
#define NOAUTH SSHBAN_LINE_NOAUTH

static void test_decisions(void)
{
	struct sshban_config cfg = { .failures = 3, .window_s = 60,
				     .ban_s = 10, .ban_max_s = 35,
				     .prefix6 = 64 };
	uint8_t a[16] = { 10, 0, 0, 100 };
	struct sshban_entry e;
	struct sshban_ban ban;
	uint64_t now = 1000;

	prefix_parse("192.168.7.0/24", &cfg.allow[cfg.n_allow++]);
	memset(&t, 0, sizeof(t));
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "192.168.7.5", now, &ban),
		     SSHBAN_ALLOWED);
	/* Two failures, then the window passes: counting starts over. */
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now + 1000, &ban),
		     SSHBAN_COUNTED);
	now += 61000;
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban), SSHBAN_BAN);
	CHECK_EQ_UINT(ban.ms, 10000);
	CHECK_EQ_UINT(ban.what.len, 32);
	CHECK_MEM(ban.what.addr, 4, a, 4);
	CHECK(!ban.probes);
	CHECK_EQ_UINT(sshban_next_expiry(&t), now + 10000);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now + 1, &ban),
		     SSHBAN_ALREADY);
	CHECK_EQ_INT(sshban_expired(&t, now + 9999, 1000000, &e), 0);
	CHECK_EQ_INT(sshban_expired(&t, now + 10000, 1000000, &e), 1);
	CHECK_MEM(e.addr, 4, a, 4);
	CHECK_EQ_UINT(e.offences, 1);
	CHECK_EQ_UINT(sshban_next_expiry(&t), 0);
	/* Repeat offences: 20 s, then capped at 35 s. */
	now += 20000;
	for (int i = 0; i < 3; i++)
		ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban);
	CHECK_EQ_UINT(ban.ms, 20000);
	CHECK_EQ_INT(sshban_expired(&t, now + 20000, 1000000, &e), 1);
	now += 30000;
	for (int i = 0; i < 3; i++)
		ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban);
	CHECK_EQ_UINT(ban.ms, 35000);
	CHECK_EQ_INT(sshban_expired(&t, now + 35000, 1000000, &e), 1);
	/* Quiet long enough: forgotten, the next ban is a first again. */
	now += 35000;
	CHECK_EQ_INT(sshban_expired(&t, now + 2000, 1000, &e), 0);
	now += 3000;
	for (int i = 0; i < 3; i++)
		ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban);
	CHECK_EQ_UINT(ban.ms, 10000);
	cfg.failures = 0;
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.100", now, &ban), SSHBAN_OFF);
}

/* IPv6: three addresses of one /64 are one source; another /64 is not.
 * The prefix length is the configured one; link-local per address. */
static void test_prefix6(void)
{
	struct sshban_config cfg = { .failures = 3, .window_s = 60,
				     .ban_s = 10, .ban_max_s = 35,
				     .prefix6 = 64 };
	struct sshban_ban ban;
	uint8_t net[16];

	memset(&t, 0, sizeof(t));
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:2::a", 1, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:3::a", 1, &ban),
		     SSHBAN_COUNTED);	/* another /64 */
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:2:1:2:3:4", 1, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:2:ffff::1", 1, &ban),
		     SSHBAN_BAN);
	inet_pton(AF_INET6, "2001:db8:1:2::", net);
	CHECK_EQ_INT(ban.what.family, AF_INET6);
	CHECK_EQ_UINT(ban.what.len, 64);
	CHECK_MEM(ban.what.addr, 16, net, 16);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:2::99", 2, &ban),
		     SSHBAN_ALREADY);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:1:3::b", 2, &ban),
		     SSHBAN_COUNTED);

	/* ban-prefix6 48 */
	cfg.prefix6 = 48;
	memset(&t, 0, sizeof(t));
	ev(&cfg, FAIL, 1, "2001:db8:5:1::1", 1, &ban);
	ev(&cfg, FAIL, 1, "2001:db8:5:2::1", 1, &ban);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:5:ffff::1", 1, &ban),
		     SSHBAN_BAN);
	inet_pton(AF_INET6, "2001:db8:5::", net);
	CHECK_EQ_UINT(ban.what.len, 48);
	CHECK_MEM(ban.what.addr, 16, net, 16);

	/* Link-local: fe80::/64 is every host on the link, so per address,
	 * whatever ban-prefix6 says; the zone does not split the count. */
	cfg.prefix6 = 64;
	memset(&t, 0, sizeof(t));
	ev(&cfg, FAIL, 1, "fe80::1%eth1", 1, &ban);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fe80::2%eth1", 1, &ban),
		     SSHBAN_COUNTED);
	ev(&cfg, FAIL, 1, "fe80::1%eth2", 1, &ban);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fe80::1%eth1", 1, &ban), SSHBAN_BAN);
	inet_pton(AF_INET6, "fe80::1", net);
	CHECK_EQ_UINT(ban.what.len, 128);
	CHECK_MEM(ban.what.addr, 16, net, 16);

	/* A /64 that holds an allowlisted address: per address instead, so
	 * the ban never covers it; the allowed one is never banned. */
	memset(&t, 0, sizeof(t));
	prefix_parse("2001:db8:9:9::10", &cfg.allow[cfg.n_allow++]);
	for (int i = 0; i < 3; i++)
		CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:9:9::10", 1, &ban),
			     SSHBAN_ALLOWED);
	ev(&cfg, FAIL, 1, "2001:db8:9:9::66", 1, &ban);
	ev(&cfg, FAIL, 1, "2001:db8:9:9::67", 1, &ban);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:9:9::66", 1, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "2001:db8:9:9::66", 1, &ban),
		     SSHBAN_BAN);
	CHECK_EQ_UINT(ban.what.len, 128);

	/* A source in one of the router's own LAN prefixes: per address, so
	 * one hostile LAN host does not shut its whole LAN out; outside
	 * them, still per /prefix6. */
	memset(&t, 0, sizeof(t));
	cfg.n_allow = 0;
	prefix_parse("fd00::1/64", &cfg.local6[cfg.n_local6++]);
	for (int i = 0; i < 2; i++)
		CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fd00::66", 1, &ban),
			     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fd00::67", 1, &ban), SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fd00::66", 1, &ban), SSHBAN_BAN);
	CHECK_EQ_UINT(ban.what.len, 128);
	inet_pton(AF_INET6, "fd00::66", net);
	CHECK_MEM(ban.what.addr, 16, net, 16);
	ev(&cfg, FAIL, 1, "fd01::1", 1, &ban);
	ev(&cfg, FAIL, 1, "fd01::2", 1, &ban);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "fd01::3", 1, &ban), SSHBAN_BAN);
	CHECK_EQ_UINT(ban.what.len, 64);
	cfg.n_local6 = 0;
}

/* Connections without authentication count apart, with their own limit;
 * an unknown user's exit (its process said "nonexistent user") is a
 * failure. */
static void test_probes(void)
{
	struct sshban_config cfg = { .failures = 3, .window_s = 600,
				     .probes = 5, .probe_window_s = 60,
				     .ban_s = 10, .ban_max_s = 35,
				     .prefix6 = 64 };
	struct sshban_ban ban;
	uint64_t now = 1000;

	memset(&t, 0, sizeof(t));
	/* A monitor: a check every 20 s for 13 minutes: never banned. */
	for (int i = 0; i < 40; i++)
		CHECK_EQ_INT(ev(&cfg, NOAUTH, 100 + i, "10.0.0.7",
				now + (uint64_t)i * 20000, &ban),
			     SSHBAN_COUNTED);
	/* A flood of them: the 5th in a minute bans, marked as probes. */
	now += 1000000;
	for (int i = 0; i < 4; i++)
		CHECK_EQ_INT(ev(&cfg, NOAUTH, 200 + i, "10.0.0.8", now, &ban),
			     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, NOAUTH, 300, "10.0.0.8", now, &ban), SSHBAN_BAN);
	CHECK(ban.probes);
	/* Probes do not add to failures: 2 failures + probes, no ban. */
	ev(&cfg, FAIL, 1, "10.0.0.9", now, &ban);
	ev(&cfg, FAIL, 1, "10.0.0.9", now, &ban);
	for (int i = 0; i < 4; i++)
		CHECK_EQ_INT(ev(&cfg, NOAUTH, 400 + i, "10.0.0.9", now, &ban),
			     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, FAIL, 1, "10.0.0.9", now, &ban), SSHBAN_BAN);
	CHECK(!ban.probes);
	/* Unknown users: NOUSER from the pid, then its exit line counts as
	 * a failure; the same exit from another pid is a probe. */
	CHECK_EQ_INT(ev(&cfg, SSHBAN_LINE_NOUSER, 500, "0.0.0.0", now, &ban),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(ev(&cfg, NOAUTH, 500, "10.0.0.10", now, &ban),
		     SSHBAN_COUNTED);
	ev(&cfg, SSHBAN_LINE_NOUSER, 501, "0.0.0.0", now, &ban);
	ev(&cfg, NOAUTH, 501, "10.0.0.10", now, &ban);
	ev(&cfg, NOAUTH, 500, "10.0.0.10", now, &ban);	/* taken: a probe */
	ev(&cfg, SSHBAN_LINE_NOUSER, 502, "0.0.0.0", now, &ban);
	CHECK_EQ_INT(ev(&cfg, NOAUTH, 502, "10.0.0.10", now, &ban),
		     SSHBAN_BAN);
	CHECK(!ban.probes);
	/* probes 0: never banned for them. */
	cfg.probes = 0;
	memset(&t, 0, sizeof(t));
	for (int i = 0; i < 100; i++)
		CHECK_EQ_INT(ev(&cfg, NOAUTH, 1, "10.0.0.11", now, &ban),
			     SSHBAN_COUNTED);
	/* The pid table is bounded: the oldest makes room, counted. */
	for (int i = 0; i < SSHBAN_NOUSER_MAX + 3; i++)
		ev(&cfg, SSHBAN_LINE_NOUSER, 1000 + i, "0.0.0.0",
		   now + (uint64_t)i, &ban);
	CHECK_EQ_UINT(t.nouser_dropped, 3);
}

static void test_bounded(void)
{
	struct sshban_config cfg = { .failures = 1, .window_s = 60,
				     .ban_s = 10, .ban_max_s = 10 };
	struct sshban_source s = { .family = AF_INET };
	struct sshban_ban ban;
	unsigned bans = 0, untracked = 0;

	memset(&t, 0, sizeof(t));
	/* More attackers than slots, each banned on its first failure: the
	 * table fills with bans, the rest are counted as untracked. */
	for (unsigned i = 0; i < SSHBAN_TRACK_MAX + 10; i++) {
		s.addr[0] = 10;
		s.addr[2] = (uint8_t)(i >> 8);
		s.addr[3] = (uint8_t)i;
		switch (sshban_event(&t, &cfg, FAIL, 1, &s, 5, &ban)) {
		case SSHBAN_BAN: bans++; break;
		case SSHBAN_UNTRACKED: untracked++; break;
		default: break;
		}
	}
	CHECK_EQ_UINT(bans, SSHBAN_TRACK_MAX);
	CHECK_EQ_UINT(untracked, 10);
	CHECK_EQ_UINT(t.dropped, 10);
}

int main(void)
{
	test_match();
	test_prefix();
	test_decisions();
	test_prefix6();
	test_probes();
	test_bounded();
	return check_done();
}
