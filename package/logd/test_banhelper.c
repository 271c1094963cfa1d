/* banhelper_check: the privileged helper carries out only well-formed
 * bans of the shapes logd makes (/32, IPv6 /48../128, a sane time), and
 * refuses everything else a compromised parser might send. */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "banhelper.h"
#include "check.h"

static struct banhelper_req req(int family, const char *addr, unsigned len,
				uint32_t seconds)
{
	struct banhelper_req r = {
		.magic = BANHELPER_MAGIC, .seconds = seconds,
		.family = (uint8_t)family, .prefix_len = (uint8_t)len,
	};

	inet_pton(family, addr, r.addr);
	return r;
}

static const char *check(struct banhelper_req r)
{
	struct banhelper_req out;

	return banhelper_check(&r, sizeof(r), &out);
}

int main(void)
{
	struct banhelper_req r = req(AF_INET, "10.0.0.100", 32, 600), out;
	uint8_t big[sizeof(r) + 1] = { 0 };

	CHECK(banhelper_check(&r, sizeof(r), &out) == NULL);
	CHECK_MEM(&out, sizeof(out), &r, sizeof(r));
	CHECK(check(req(AF_INET6, "2001:db8:1:2::", 64, 1)) == NULL);
	CHECK(check(req(AF_INET6, "2001:db8:1::", 48, 86400 * 30)) == NULL);
	CHECK(check(req(AF_INET6, "fe80::1", 128, 60)) == NULL);

	/* Size, magic, padding, family. */
	CHECK(banhelper_check(&r, sizeof(r) - 1, &out) != NULL);
	memcpy(big, &r, sizeof(r));
	CHECK(banhelper_check(big, sizeof(big), &out) != NULL);
	r.magic++;
	CHECK(check(r) != NULL);
	r = req(AF_INET, "10.0.0.100", 32, 600);
	r.pad[1] = 1;
	CHECK(check(r) != NULL);
	r = req(AF_INET, "10.0.0.100", 32, 600);
	r.family = AF_UNIX;
	CHECK(check(r) != NULL);
	/* Wider than logd ever bans, host bits, stray bytes. */
	CHECK(check(req(AF_INET, "10.0.0.0", 8, 600)) != NULL);
	CHECK(check(req(AF_INET6, "2001:db8::", 47, 600)) != NULL);
	CHECK(check(req(AF_INET6, "2001:db8::", 0, 600)) != NULL);
	CHECK(check(req(AF_INET6, "2001:db8::1", 64, 600)) != NULL);
	CHECK(check(req(AF_INET6, "2001:db8::1", 129, 600)) != NULL);
	r = req(AF_INET, "10.0.0.100", 32, 600);
	r.addr[8] = 1;
	CHECK(check(r) != NULL);
	/* Addresses nobody should ban: the router's own loopback, none,
	 * multicast. */
	CHECK(check(req(AF_INET, "0.0.0.0", 32, 600)) != NULL);
	CHECK(check(req(AF_INET, "127.0.0.1", 32, 600)) != NULL);
	CHECK(check(req(AF_INET, "224.0.0.1", 32, 600)) != NULL);
	CHECK(check(req(AF_INET6, "::1", 128, 600)) != NULL);
	CHECK(check(req(AF_INET6, "::", 128, 600)) != NULL);
	CHECK(check(req(AF_INET6, "ff02::1", 128, 600)) != NULL);
	/* Time: 0 and past the cap. */
	CHECK(check(req(AF_INET, "10.0.0.100", 32, 0)) != NULL);
	CHECK(check(req(AF_INET, "10.0.0.100", 32, 86400 * 30 + 1)) != NULL);
	return check_done();
}
