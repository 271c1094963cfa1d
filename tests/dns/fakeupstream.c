/*
 * fakeupstream.c - a tiny authoritative-looking DNS server for dnsd's
 * interop test. Answers fixed records and misbehaves on request.
 *
 *   fakeupstream -p PORT [-a ANSWER_IPV4] [-m normal|silent|truncate|spoof]
 *
 *   NAME A      -> ANSWER (default 192.0.2.1), TTL 300
 *   NAME AAAA   -> 2001:db8::1, TTL 300
 *   nx*.NAME    -> NXDOMAIN, SOA (TTL 300, minimum 60) in authority
 *   nodata.NAME -> NOERROR, no answer, SOA
 *   big.NAME A  -> 40 A records (over 512 bytes)
 *   count.fake TXT -> "udp=N tcp=N" (not counted): queries seen so far
 *
 * Modes: silent never answers (a dead upstream); truncate answers UDP with
 * TC set and no records (TCP gets the full answer); spoof sends, before
 * each real answer, a reply from another source port, one with a wrong
 * ID and one for another question, all pointing at 6.6.6.6.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

static unsigned long udp_count, tcp_count;
static uint8_t answer_addr[4] = { 192, 0, 2, 1 };
static enum { NORMAL, SILENT, TRUNCATE, SPOOF } mode = NORMAL;

static void put16(uint8_t *p, unsigned v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

static unsigned get16(const uint8_t *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static size_t add_rr(uint8_t *out, size_t n, unsigned type, unsigned ttl,
		     const void *rdata, size_t rdlen)
{
	put16(out + n, 0xc00c);
	put16(out + n + 2, type);
	put16(out + n + 4, 1);
	put16(out + n + 6, ttl >> 16);
	put16(out + n + 8, ttl & 0xffff);
	put16(out + n + 10, (unsigned)rdlen);
	memcpy(out + n + 12, rdata, rdlen);
	return n + 12 + rdlen;
}

static size_t add_soa(uint8_t *out, size_t n)
{
	/* mname/rname compressed to the question name; serial..minimum. */
	uint8_t rd[4 + 20] = { 0xc0, 0x0c, 0xc0, 0x0c };

	put16(rd + 4 + 16, 0);
	put16(rd + 4 + 18, 60);	/* minimum 60 */
	return add_rr(out, n, 6, 300, rd, sizeof(rd));
}

/* Builds the reply to q into out. Returns its length, 0 to ignore. */
static size_t answer(const uint8_t *q, size_t len, uint8_t *out, int tcp,
		     int *is_count)
{
	size_t pos = 12, n, qend;
	unsigned qtype, i;
	char first[64] = "";

	*is_count = 0;
	if (len < 17 || (q[2] & 0x80) || get16(q + 4) != 1)
		return 0;
	while (pos < len && q[pos] != 0) {
		if (pos == 12)
			snprintf(first, sizeof(first), "%.*s", q[pos],
				 (const char *)q + pos + 1);
		pos += 1 + q[pos];
	}
	if (pos + 5 > len)
		return 0;
	qend = pos + 5;
	qtype = get16(q + pos + 1);
	memcpy(out, q, qend);
	put16(out + 2, 0x8180 | (get16(q + 2) & 0x0100));
	put16(out + 6, 0);
	put16(out + 8, 0);
	put16(out + 10, 0);
	n = qend;
	if (strcmp(first, "count") == 0 && qtype == 16) {
		char txt[80];
		int l = snprintf(txt + 1, sizeof(txt) - 1, "udp=%lu tcp=%lu",
				 udp_count, tcp_count);

		txt[0] = (char)l;
		*is_count = 1;
		put16(out + 6, 1);
		return add_rr(out, n, 16, 0, txt, (size_t)l + 1);
	}
	if (mode == TRUNCATE && !tcp) {
		put16(out + 2, get16(out + 2) | 0x0200);
		return n;
	}
	if (strncmp(first, "nx", 2) == 0) {
		put16(out + 2, get16(out + 2) | 3);
		put16(out + 8, 1);
		return add_soa(out, n);
	}
	if (strcmp(first, "nodata") == 0 || (qtype != 1 && qtype != 28)) {
		put16(out + 8, 1);
		return add_soa(out, n);
	}
	if (qtype == 28) {
		uint8_t a6[16] = { 0x20, 0x01, 0x0d, 0xb8 };

		a6[15] = 1;
		put16(out + 6, 1);
		return add_rr(out, n, 28, 300, a6, 16);
	}
	if (strcmp(first, "big") == 0) {
		for (i = 0; i < 40; i++) {
			uint8_t a[4] = { 198, 51, 100, (uint8_t)i };

			n = add_rr(out, n, 1, 300, a, 4);
		}
		put16(out + 6, 40);
		return n;
	}
	put16(out + 6, 1);
	return add_rr(out, n, 1, 300, answer_addr, 4);
}

static void spoof(int udp, const struct sockaddr_in *to, const uint8_t *good,
		  size_t len)
{
	static const uint8_t evil[4] = { 6, 6, 6, 6 };
	uint8_t bad[4096];
	int other = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in lo = { .sin_family = AF_INET };
	size_t qend = 12;

	if (len > sizeof(bad) || len < 16)
		return;
	while (qend < len && good[qend])
		qend += 1 + good[qend];
	qend += 5;
	memcpy(bad, good, qend);
	put16(bad + 6, 1);
	put16(bad + 8, 0);
	put16(bad + 10, 0);
	len = add_rr(bad, qend, 1, 300, evil, 4);
	/* 1: right ID and question, wrong source port. */
	lo.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (other >= 0) {
		bind(other, (struct sockaddr *)&lo, sizeof(lo));
		sendto(other, bad, len, 0, (const struct sockaddr *)to,
		       sizeof(*to));
		close(other);
	}
	/* 2: right port, wrong ID. */
	put16(bad, get16(bad) ^ 0x5a5a);
	sendto(udp, bad, len, 0, (const struct sockaddr *)to, sizeof(*to));
	put16(bad, get16(bad) ^ 0x5a5a);
	/* 3: right port and ID, another question (first letter changed). */
	bad[13] = bad[13] == 'z' ? 'y' : 'z';
	sendto(udp, bad, len, 0, (const struct sockaddr *)to, sizeof(*to));
}

static void serve_tcp(int conn)
{
	struct timeval tv = { 2, 0 };
	uint8_t buf[2 + 65535], out[2 + 65535];

	setsockopt(conn, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
	for (;;) {
		size_t got = 0, want = 2, n;
		int is_count;

		while (got < want) {
			ssize_t r = read(conn, buf + got, want - got);

			if (r <= 0)
				return;
			got += (size_t)r;
			if (got == 2)
				want = 2 + get16(buf);
		}
		n = answer(buf + 2, want - 2, out + 2, 1, &is_count);
		if (!is_count)
			tcp_count++;
		if (mode == SILENT || n == 0)
			continue;
		put16(out, (unsigned)n);
		if (write(conn, out, n + 2) < 0)
			return;
	}
}

int main(int argc, char **argv)
{
	struct sockaddr_in sa = { .sin_family = AF_INET };
	int opt, udp, tcp, one = 1;

	while ((opt = getopt(argc, argv, "p:a:m:")) != -1) {
		switch (opt) {
		case 'p':
			sa.sin_port = htons((uint16_t)atoi(optarg));
			break;
		case 'a':
			if (inet_pton(AF_INET, optarg, answer_addr) != 1)
				return 2;
			break;
		case 'm':
			mode = strcmp(optarg, "silent") == 0 ? SILENT :
			       strcmp(optarg, "truncate") == 0 ? TRUNCATE :
			       strcmp(optarg, "spoof") == 0 ? SPOOF : NORMAL;
			break;
		default:
			fprintf(stderr, "usage: fakeupstream -p PORT [-a ADDR] "
				"[-m normal|silent|truncate|spoof]\n");
			return 2;
		}
	}
	signal(SIGPIPE, SIG_IGN);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	udp = socket(AF_INET, SOCK_DGRAM, 0);
	tcp = socket(AF_INET, SOCK_STREAM, 0);
	setsockopt(tcp, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(udp, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    bind(tcp, (struct sockaddr *)&sa, sizeof(sa)) < 0 ||
	    listen(tcp, 8) < 0) {
		perror("fakeupstream: bind");
		return 1;
	}
	for (;;) {
		struct pollfd pf[2] = { { udp, POLLIN, 0 }, { tcp, POLLIN, 0 } };

		if (poll(pf, 2, -1) < 0 && errno != EINTR)
			return 1;
		if (pf[0].revents & POLLIN) {
			uint8_t buf[4096], out[4096];
			struct sockaddr_in from;
			socklen_t fl = sizeof(from);
			ssize_t r = recvfrom(udp, buf, sizeof(buf), 0,
					     (struct sockaddr *)&from, &fl);
			size_t n;
			int is_count;

			if (r > 0) {
				n = answer(buf, (size_t)r, out, 0, &is_count);
				if (!is_count)
					udp_count++;
				if (n && (mode != SILENT || is_count)) {
					if (mode == SPOOF && !is_count)
						spoof(udp, &from, out, n);
					sendto(udp, out, n, 0,
					       (struct sockaddr *)&from, fl);
				}
			}
		}
		if (pf[1].revents & POLLIN) {
			int conn = accept(tcp, NULL, NULL);

			if (conn >= 0) {
				serve_tcp(conn);
				close(conn);
			}
		}
	}
}
