/*
 * dnsreply - the ISP's DNS server in the peer VM, just enough to show that
 * the router's dnsd forwards to the server IPCP (or DHCP) named:
 *   dnsreply NAME ADDR
 * answers UDP queries on port 53 (IPv4 and IPv6): NAME's A record is ADDR
 * (TTL 60), NAME has no other records (NODATA), every other name is
 * NXDOMAIN. One line per query on stdout: "query NAME TYPE from ADDR".
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>

/* The query's name, dotted, into out; the offset after QTYPE/QCLASS's
 * start, or 0 if the question does not parse. */
static size_t qname(const unsigned char *q, size_t len, char *out, size_t max)
{
	size_t off = 12, n = 0;

	while (off < len && q[off] != 0) {
		size_t l = q[off++];

		if (l > 63 || off + l > len || n + l + 2 > max)
			return 0;
		if (n)
			out[n++] = '.';
		for (size_t i = 0; i < l; i++)
			out[n++] = (char)tolower(q[off + i]);
		off += l;
	}
	out[n] = '\0';
	return off < len && off + 5 <= len ? off + 1 : 0;
}

int main(int argc, char **argv)
{
	static unsigned char q[512], r[512];
	struct sockaddr_in6 me = { .sin6_family = AF_INET6, .sin6_port = htons(53) };
	struct in_addr a;
	int fd, off6 = 0;

	if (argc != 3 || inet_pton(AF_INET, argv[2], &a) != 1) {
		fprintf(stderr, "usage: dnsreply NAME IPV4-ADDRESS\n");
		return 2;
	}
	fd = socket(AF_INET6, SOCK_DGRAM, 0);
	if (fd < 0 || setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off6, sizeof(off6)) < 0 ||
	    bind(fd, (struct sockaddr *)&me, sizeof(me)) < 0) {
		perror("dnsreply");
		return 1;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (;;) {
		struct sockaddr_in6 from;
		socklen_t fl = sizeof(from);
		ssize_t n = recvfrom(fd, q, sizeof(q), 0, (struct sockaddr *)&from, &fl);
		char name[256], src[INET6_ADDRSTRLEN];
		size_t end, rl;
		unsigned type;
		int match;

		if (n < 17 || (q[2] & 0x80) || q[4] != 0 || q[5] != 1)
			continue;	/* not a one-question query */
		end = qname(q, (size_t)n, name, sizeof(name));
		if (!end)
			continue;
		type = (unsigned)q[end] << 8 | q[end + 1];
		inet_ntop(AF_INET6, &from.sin6_addr, src, sizeof(src));
		printf("query %s %u from %s\n", name, type, src);
		match = strcasecmp(name, argv[1]) == 0;
		rl = end + 4;
		memcpy(r, q, rl);
		r[2] = 0x84 | (q[2] & 0x01);	/* QR, AA, RD copied */
		r[3] = match ? 0 : 3;		/* NOERROR or NXDOMAIN */
		memset(r + 6, 0, 6);
		if (match && type == 1) {
			static const unsigned char rr[] = { 0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4 };

			r[7] = 1;
			memcpy(r + rl, rr, sizeof(rr));
			memcpy(r + rl + sizeof(rr), &a, 4);
			rl += sizeof(rr) + 4;
		}
		sendto(fd, r, rl, 0, (struct sockaddr *)&from, fl);
	}
}
