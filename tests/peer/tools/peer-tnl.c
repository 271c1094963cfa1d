/*
 * peer-tnl - the AFTR's end of a DS-Lite tunnel in the ISP peer VM:
 *   peer-tnl NAME LINK LOCAL REMOTE
 * makes NAME, an ip6tnl (ipip6) link over LINK from LOCAL to REMOTE
 * (IPv6 addresses), with libkeel's own request builder. The peer's busybox
 * `ip` cannot make ip6tnl links, and Debian's iproute2 is not in it.
 */
#include <arpa/inet.h>
#include <net/if.h>
#include <stdio.h>

#include "keel/nlmsg.h"
#include "keel/rtnl.h"

int main(int argc, char **argv)
{
	static uint8_t mem[1024];
	uint8_t local[16], remote[16];
	struct nlbuf b;
	uint32_t failed = 0;
	char msg[128] = "";
	unsigned link;
	int rc;

	if (argc != 5) {
		fprintf(stderr, "usage: peer-tnl NAME LINK LOCAL REMOTE\n");
		return 2;
	}
	link = if_nametoindex(argv[2]);
	if (!link || inet_pton(AF_INET6, argv[3], local) != 1 ||
	    inet_pton(AF_INET6, argv[4], remote) != 1) {
		fprintf(stderr, "peer-tnl: bad link or address\n");
		return 2;
	}
	nlb_init(&b, mem, sizeof(mem));
	rtnl_ip6tnl_add(&b, 1, argv[1], (int)link, local, remote, 0);
	rc = rtnl_apply(&b, 1, 1, &failed, msg, sizeof(msg));
	if (rc != 0) {
		fprintf(stderr, "peer-tnl: %s: refused (%d) %s\n", argv[1], rc, msg);
		return 1;
	}
	return 0;
}
