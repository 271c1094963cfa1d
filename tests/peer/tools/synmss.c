/*
 * synmss - prints the MSS option of each TCP SYN (not SYN-ACK) that
 * arrives on an interface, IPv4 or IPv6, as "syn SRC DST mss N":
 *   synmss IFNAME
 * The ISP peer VM's view of what the router's clamp left in a forwarded
 * SYN. A cooked packet socket (SOCK_DGRAM), so Ethernet and PPP alike.
 */
#include <arpa/inet.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

/* The MSS in a TCP header's options, or -1. */
static int tcp_mss(const unsigned char *t, size_t len)
{
	size_t off, hl;

	if (len < 20)
		return -1;
	hl = (size_t)(t[12] >> 4) * 4;
	if (hl < 20 || hl > len)
		return -1;
	for (off = 20; off < hl;) {
		if (t[off] == 0)
			break;
		if (t[off] == 1) {
			off++;
			continue;
		}
		if (off + 1 >= hl || t[off + 1] < 2 || off + t[off + 1] > hl)
			break;
		if (t[off] == 2 && t[off + 1] == 4)
			return t[off + 2] << 8 | t[off + 3];
		off += t[off + 1];
	}
	return -1;
}

int main(int argc, char **argv)
{
	static unsigned char p[65536];
	struct sockaddr_ll sll;
	int fd;

	if (argc != 2) {
		fprintf(stderr, "usage: synmss IFNAME\n");
		return 2;
	}
	fd = socket(AF_PACKET, SOCK_DGRAM, htons(ETH_P_ALL));
	memset(&sll, 0, sizeof(sll));
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(ETH_P_ALL);
	sll.sll_ifindex = (int)if_nametoindex(argv[1]);
	if (fd < 0 || !sll.sll_ifindex ||
	    bind(fd, (struct sockaddr *)&sll, sizeof(sll)) < 0) {
		perror("synmss");
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (;;) {
		char s[INET6_ADDRSTRLEN], d[INET6_ADDRSTRLEN];
		const unsigned char *t;
		ssize_t n = recv(fd, p, sizeof(p), 0);
		size_t len = n > 0 ? (size_t)n : 0;

		if (len >= 20 && p[0] >> 4 == 4 && p[9] == 6 &&
		    len >= (size_t)(p[0] & 15) * 4 + 20) {
			inet_ntop(AF_INET, p + 12, s, sizeof(s));
			inet_ntop(AF_INET, p + 16, d, sizeof(d));
			t = p + (p[0] & 15) * 4;
		} else if (len >= 60 && p[0] >> 4 == 6 && p[6] == 6) {
			inet_ntop(AF_INET6, p + 8, s, sizeof(s));
			inet_ntop(AF_INET6, p + 24, d, sizeof(d));
			t = p + 40;
		} else {
			continue;
		}
		if ((t[13] & 0x12) == 0x02)	/* SYN without ACK */
			printf("syn %s %s mss %d\n", s, d,
			       tcp_mss(t, len - (size_t)(t - p)));
	}
}
