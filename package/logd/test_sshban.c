/* sshban: dropbear 2022.83's failure lines give the source address; the
 * decision table bans at the threshold within the window, doubles a
 * repeat offender's ban up to the cap, never bans the allowlist, and
 * stays bounded when flooded with addresses. */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "sshban.h"

static int match(const char *text, int *family, uint8_t addr[16])
{
	return sshban_match("dropbear", 8, text, strlen(text), family, addr);
}

static void test_match(void)
{
	int fam = 0;
	uint8_t a[16], want[16] = { 10, 0, 0, 100 };
	uint8_t v6[16];

	CHECK_EQ_INT(match("Bad password attempt for 'root' from "
			   "10.0.0.100:43210", &fam, a), 1);
	CHECK_EQ_INT(fam, AF_INET);
	CHECK_MEM(a, 4, want, 4);
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.100:43210>: (user "
			   "'admin', 3 fails): Max auth tries reached - user "
			   "'admin'", &fam, a), 1);
	CHECK_MEM(a, 4, want, 4);
	CHECK_EQ_INT(match("Exit before auth from <10.0.0.100:43210>: Exited "
			   "normally", &fam, a), 1);
	/* IPv6 comes without brackets; the port is after the last ':'. */
	CHECK_EQ_INT(match("Bad password attempt for 'root' from "
			   "2001:db8::7:22", &fam, a), 1);
	CHECK_EQ_INT(fam, AF_INET6);
	inet_pton(AF_INET6, "2001:db8::7", v6);
	CHECK_MEM(a, 16, v6, 16);
	/* IPv4-mapped counts as IPv4. */
	CHECK_EQ_INT(match("Pubkey auth bad signature for 'u' with key "
			   "SHA256:abc from ::ffff:10.0.0.100:5000", &fam, a),
		     1);
	CHECK_EQ_INT(fam, AF_INET);
	CHECK_MEM(a, 4, want, 4);
	CHECK_EQ_INT(match("Too-long password attempt for 'x' from "
			   "10.0.0.100:1", &fam, a), 1);
	/* A user name chosen by the attacker cannot pick the address. */
	CHECK_EQ_INT(match("Bad password attempt for 'x from 1.2.3.4:5' from "
			   "10.0.0.100:43210", &fam, a), 1);
	CHECK_MEM(a, 4, want, 4);

	/* Not failures, or not dropbear. */
	CHECK_EQ_INT(match("Password auth succeeded for 'root' from "
			   "10.0.0.100:43210", &fam, a), 0);
	CHECK_EQ_INT(match("Login attempt for nonexistent user", &fam, a), 0);
	CHECK_EQ_INT(match("Child connection from 10.0.0.100:43210", &fam, a),
		     0);
	CHECK_EQ_INT(sshban_match("sshd", 4, "Bad password attempt for 'r' "
				  "from 10.0.0.1:1", 39, &fam, a), 0);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from nowhere", &fam,
			   a), 0);
	CHECK_EQ_INT(match("Bad password attempt for 'r' from 300.1.1.1:2",
			   &fam, a), 0);
	CHECK_EQ_INT(match("Exit before auth from <>", &fam, a), 0);
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

static void test_decisions(void)
{
	struct sshban_config cfg = { .failures = 3, .window_s = 60,
				     .ban_s = 10, .ban_max_s = 35 };
	uint8_t a[16] = { 10, 0, 0, 100 }, ok[16] = { 192, 168, 7, 5 };
	struct sshban_entry e;
	uint64_t ms = 0, now = 1000;

	prefix_parse("192.168.7.0/24", &cfg.allow[cfg.n_allow++]);
	memset(&t, 0, sizeof(t));
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, ok, now, &ms),
		     SSHBAN_ALLOWED);
	/* Two failures, then the window passes: counting starts over. */
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now, &ms),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now + 1000, &ms),
		     SSHBAN_COUNTED);
	now += 61000;
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now, &ms),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now, &ms),
		     SSHBAN_COUNTED);
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now, &ms),
		     SSHBAN_BAN);
	CHECK_EQ_UINT(ms, 10000);
	CHECK_EQ_UINT(sshban_next_expiry(&t), now + 10000);
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now + 1, &ms),
		     SSHBAN_ALREADY);
	CHECK_EQ_INT(sshban_expired(&t, now + 9999, 1000000, &e), 0);
	CHECK_EQ_INT(sshban_expired(&t, now + 10000, 1000000, &e), 1);
	CHECK_MEM(e.addr, 4, a, 4);
	CHECK_EQ_UINT(e.offences, 1);
	CHECK_EQ_UINT(sshban_next_expiry(&t), 0);
	/* Repeat offences: 20 s, then capped at 35 s. */
	now += 20000;
	for (int i = 0; i < 3; i++)
		sshban_failure(&t, &cfg, AF_INET, a, now, &ms);
	CHECK_EQ_UINT(ms, 20000);
	CHECK_EQ_INT(sshban_expired(&t, now + 20000, 1000000, &e), 1);
	now += 30000;
	for (int i = 0; i < 3; i++)
		sshban_failure(&t, &cfg, AF_INET, a, now, &ms);
	CHECK_EQ_UINT(ms, 35000);
	CHECK_EQ_INT(sshban_expired(&t, now + 35000, 1000000, &e), 1);
	/* Quiet long enough: forgotten, the next ban is a first again. */
	now += 35000;
	CHECK_EQ_INT(sshban_expired(&t, now + 2000, 1000, &e), 0);
	now += 3000;
	for (int i = 0; i < 3; i++)
		sshban_failure(&t, &cfg, AF_INET, a, now, &ms);
	CHECK_EQ_UINT(ms, 10000);
	cfg.failures = 0;
	CHECK_EQ_INT(sshban_failure(&t, &cfg, AF_INET, a, now, &ms),
		     SSHBAN_OFF);
}

static void test_bounded(void)
{
	struct sshban_config cfg = { .failures = 1, .window_s = 60,
				     .ban_s = 10, .ban_max_s = 10 };
	uint8_t a[16] = { 0 };
	uint64_t ms;
	unsigned bans = 0, untracked = 0;

	memset(&t, 0, sizeof(t));
	/* More attackers than slots, each banned on its first failure: the
	 * table fills with bans, the rest are counted as untracked. */
	for (unsigned i = 0; i < SSHBAN_TRACK_MAX + 10; i++) {
		a[0] = 10;
		a[2] = (uint8_t)(i >> 8);
		a[3] = (uint8_t)i;
		switch (sshban_failure(&t, &cfg, AF_INET, a, 5, &ms)) {
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
	test_bounded();
	return check_done();
}
