/* Unit tests for linklocal.c over /proc/net/if_inet6 text. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "linklocal.h"

static enum linklocal_state find(const char *text, const char *ifname,
				 char *out)
{
	uint8_t a[16];
	enum linklocal_state st = linklocal_find(text, strlen(text), ifname, a);

	if (st == LINKLOCAL_OK)
		inet_ntop(AF_INET6, a, out, INET6_ADDRSTRLEN);
	else
		strcpy(out, "-");
	return st;
}

int main(void)
{
	char a[INET6_ADDRSTRLEN];
	static const char proc[] =
		"fd000000000000000000000000000001 03 40 00 80     eth1\n"
		"fe8000000000000000fc00fffe000001 02 40 20 80     eth0\n"
		"fe8000000000000050540afffe000002 03 40 20 80     eth1\n"
		"00000000000000000000000000000001 01 80 10 80       lo\n";
	static const char tentative[] =
		"fe8000000000000050540afffe000002 03 40 20 c0     eth1\n";
	static const char dadfailed[] =
		"fe8000000000000050540afffe000002 03 40 20 88     eth1\n";
	static const char two[] =
		"fe800000000000000000000000000009 03 40 20 c0     eth1\n"
		"fe8000000000000050540afffe000002 03 40 20 80     eth1";
	static const char junk[] =
		"fe80zz00000000000050540afffe000002 03 40 20 80     eth1\n"
		"fe8000000000000050540afffe00000 03 40 20 80     eth1\n"
		"fe8000000000000050540afffe000002 03 40 20 xx     eth1\n"
		"fe8000000000000050540afffe000002\n\n"
		"fe8000000000000050540afffe000002 03 40 20 80     eth10\n"
		"fe8000000000000050540afffe000002 03 40 20 80     eth\n";

	CHECK_EQ_INT(find(proc, "eth1", a), LINKLOCAL_OK);
	CHECK_STR(a, "fe80::5054:aff:fe00:2");
	CHECK_EQ_INT(find(proc, "eth0", a), LINKLOCAL_OK);
	CHECK_STR(a, "fe80::fc:ff:fe00:1");
	CHECK_EQ_INT(find(proc, "lo", a), LINKLOCAL_NONE);
	CHECK_EQ_INT(find(proc, "eth2", a), LINKLOCAL_NONE);
	CHECK_EQ_INT(find(tentative, "eth1", a), LINKLOCAL_TENTATIVE);
	CHECK_EQ_INT(find(dadfailed, "eth1", a), LINKLOCAL_TENTATIVE);
	/* A usable one after a tentative one, without a final newline. */
	CHECK_EQ_INT(find(two, "eth1", a), LINKLOCAL_OK);
	CHECK_STR(a, "fe80::5054:aff:fe00:2");
	CHECK_EQ_INT(find(junk, "eth1", a), LINKLOCAL_NONE);
	CHECK_EQ_INT(find("", "eth1", a), LINKLOCAL_NONE);
	return check_done();
}
