/* netsim: see README.md. One process, one poll loop: QEMU's socket netdevs,
 * lwIP's timers, and the line protocol on stdin/stdout. */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd_parse.h"
#include "lwip/dhcp6.h"
#include "lwip/dns.h"
#include "lwip/init.h"
#include "lwip/timeouts.h"
#include "netsim.h"

#define LINE_MAX_LEN 1024
#define ARGV_MAX 32

static void usage(void)
{
	fprintf(stderr, "usage: netsim [-n] [--lan LOCAL,QEMU] [--wan LOCAL,QEMU]\n"
		"  LOCAL: netsim's IPv4:PORT; QEMU: the netdev's localaddr IPv4:PORT\n");
	exit(2);
}

/* host NAME SEG mac MAC [ip A/P] [gw G] [ip6 A/P]... [gw6 G6] [slaac on]
 *      [dhcp6 on]   (stateless DHCPv6 when an RA sets the O flag)
 * Everything is parsed before the host is added, so a bad line adds nothing. */
static void cmd_host(int argc, char **argv)
{
	ip_addr_t ip4, gw, gw6, ip6[LWIP_IPV6_NUM_ADDRESSES - 1];
	int plen4 = -1, have_gw = 0, have_gw6 = 0, n6 = 0, plen, slaac = 0, dhcp6 = 0;
	struct segment *seg;
	uint8_t mac[6];
	struct host *h;
	char addrs[512];

	if (argc < 5 || argc % 2 == 0 || strcmp(argv[3], "mac") != 0 ||
	    parse_mac(argv[4], mac) < 0 || (seg = segment_find(argv[2])) == NULL) {
		reply("fail host: usage: host NAME lan|wan mac MAC [ip A/P] [gw G] [ip6 A/P]... [gw6 G6] [slaac on] [dhcp6 on]");
		return;
	}
	for (int i = 5; i + 1 < argc; i += 2) {
		int bad;

		if (strcmp(argv[i], "ip") == 0)
			bad = parse_prefix(argv[i + 1], &ip4, &plen4) < 0 || !IP_IS_V4(&ip4);
		else if (strcmp(argv[i], "gw") == 0)
			bad = parse_prefix(argv[i + 1], &gw, &plen) < 0 || !IP_IS_V4(&gw) ||
			      !(have_gw = 1);
		else if (strcmp(argv[i], "slaac") == 0)
			bad = strcmp(argv[i + 1], "on") != 0 || !(slaac = 1);
		else if (strcmp(argv[i], "dhcp6") == 0)
			bad = strcmp(argv[i + 1], "on") != 0 || !(dhcp6 = 1);
		else if (strcmp(argv[i], "gw6") == 0)
			bad = parse_prefix(argv[i + 1], &gw6, &plen) < 0 || !IP_IS_V6(&gw6) ||
			      !(have_gw6 = 1);
		else if (strcmp(argv[i], "ip6") == 0)
			bad = n6 == LWIP_IPV6_NUM_ADDRESSES - 1 ||
			      parse_prefix(argv[i + 1], &ip6[n6++], &plen) < 0 ||
			      !IP_IS_V6(&ip6[n6 - 1]) || plen != 64;
		else
			bad = 1;
		if (bad) {
			reply("fail host %s: bad %s %s (ip6 wants a /64; at most %d)", argv[1],
			      argv[i], argv[i + 1], LWIP_IPV6_NUM_ADDRESSES - 1);
			return;
		}
	}
	if (seg->fd < 0) {
		reply("fail host %s: segment %s not connected", argv[1], argv[2]);
		return;
	}
	if ((h = host_add(argv[1], seg, mac)) == NULL) {
		reply("fail host %s: duplicate name, name too long or table full (%d)",
		      argv[1], NETSIM_MAX_HOSTS);
		return;
	}
	if (plen4 >= 0)
		host_set_ip4(h, &ip4, plen4, have_gw ? &gw : NULL);
	if (have_gw6)
		ip6_addr_copy(h->gw6, *ip_2_ip6(&gw6));
	/* Addresses and a default router from the router's advertisements. */
	if (slaac)
		netif_set_ip6_autoconfig_enabled(&h->netif, 1);
	if (dhcp6 && dhcp6_enable_stateless(&h->netif) != ERR_OK) {
		reply("fail host %s: lwIP could not start DHCPv6", argv[1]);
		return;
	}
	for (int i = 0; i < n6; i++)
		if (host_add_ip6(h, &ip6[i]) < 0) {
			reply("fail host %s: lwIP refused ip6 address %d", argv[1], i + 1);
			return;
		}
	host_format_addrs(h, addrs, sizeof(addrs));
	reply("ok host %s %s mac %s %s", argv[1], argv[2], argv[4], addrs);
}

static void cmd_addr(int argc, char **argv)
{
	struct host *h;
	char addrs[512];

	if (argc < 2 || (h = host_find(argv[1])) == NULL) {
		reply("fail addr: usage: addr HOST");
		return;
	}
	host_format_addrs(h, addrs, sizeof(addrs));
	reply("ok addr %s %s", argv[1], addrs);
}

/* dns-servers: what lwIP's DHCP clients set (one list for the whole
 * stack: the last lease or DHCPv6 reply wins). */
static void cmd_dns_servers(int argc, char **argv)
{
	char line[256], a[IPADDR_STRLEN_MAX];
	size_t off = (size_t)snprintf(line, sizeof(line), "ok dns-servers");

	(void)argc;
	(void)argv;
	for (u8_t i = 0; i < DNS_MAX_SERVERS; i++) {
		const ip_addr_t *s = dns_getserver(i);

		if (ip_addr_isany(s) || off >= sizeof(line))
			continue;
		ipaddr_ntoa_r(s, a, sizeof(a));
		off += (size_t)snprintf(line + off, sizeof(line) - off, " %s", a);
	}
	reply("%s", line);
}

static void cmd_stats(void)
{
	char line[512];
	size_t off = (size_t)snprintf(line, sizeof(line), "ok stats");

	for (size_t i = 0; i < sizeof(segments) / sizeof(segments[0]); i++) {
		const struct segment *s = &segments[i];

		off += (size_t)snprintf(line + off, sizeof(line) - off,
			" %s rx %lu/%lu tx %lu/%lu tx_err %lu local %lu local_drop %lu unclaimed %lu",
			s->name, s->rx_frames, s->rx_bytes, s->tx_frames, s->tx_bytes,
			s->tx_errors, s->local_frames, s->local_drops, s->unclaimed);
		if (off >= sizeof(line))
			break;
	}
	reply("%s", line);
}

/* ra-log SEG [clear]: the RAs QEMU sent on SEG, oldest first; `clear`
 * empties the log after printing it. */
static void cmd_ra_log(int argc, char **argv)
{
	static char text[RA_LOG_TEXT_MAX];
	struct segment *seg;

	if (argc < 2 || argc > 3 || (seg = segment_find(argv[1])) == NULL ||
	    (argc == 3 && strcmp(argv[2], "clear") != 0)) {
		reply("fail ra-log: usage: ra-log lan|wan [clear]");
		return;
	}
	if (ra_log_format(&seg->ra_log, text, sizeof(text)) < 0)
		reply("fail ra-log %s: log longer than %zu bytes", argv[1], sizeof(text));
	else
		reply("ok ra-log %s %s", argv[1], text);
	if (argc == 3)
		ra_log_clear(&seg->ra_log);
}

/* Returns 0 to go on, 1 on quit. */
static int dispatch(char *line)
{
	char *argv[ARGV_MAX];
	int argc = cmd_split(line, argv, ARGV_MAX);
	static const struct {
		const char *name;
		void (*fn)(int, char **);
	} cmds[] = {
		{ "host", cmd_host },
		{ "addr", cmd_addr },
		{ "dhcp", cmd_dhcp },
		{ "dhcp-server", cmd_dhcp_server },
		{ "leases", cmd_leases },
		{ "dhcp-flood", cmd_dhcp_flood },
		{ "dhcp-flood-leases", cmd_dhcp_flood_leases },
		{ "ping", cmd_ping },
		{ "tcp-listen", cmd_tcp_listen },
		{ "tcp-connect", cmd_tcp_connect },
		{ "udp-listen", cmd_udp_listen },
		{ "udp-send", cmd_udp_send },
		{ "peers", cmd_peers },
		{ "dns-query", cmd_dns_query },
		{ "dns-server", cmd_dns_server },
		{ "dns-record", cmd_dns_record },
		{ "dns-stats", cmd_dns_stats },
		{ "dns-servers", cmd_dns_servers },
		{ "ra-log", cmd_ra_log },
	};

	if (argc < 0) {
		reply("fail parse: too many words or an unclosed quote");
		return 0;
	}
	if (argc == 0 || argv[0][0] == '#')
		return 0; /* blank lines and comments get no answer */
	if (strcmp(argv[0], "quit") == 0) {
		reply("ok quit");
		return 1;
	}
	if (strcmp(argv[0], "stats") == 0) {
		cmd_stats();
		return 0;
	}
	for (size_t i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(argv[0], cmds[i].name) == 0) {
			cmds[i].fn(argc, argv);
			return 0;
		}
	}
	reply("fail %s: unknown command", argv[0]);
	return 0;
}

int main(int argc, char **argv)
{
	static char inbuf[LINE_MAX_LEN * 4];
	size_t inlen = 0;
	int check_only = 0, stdin_eof = 0;

	for (int i = 1; i < argc; i++) {
		struct segment *seg;
		char *comma;

		if (strcmp(argv[i], "-n") == 0) {
			check_only = 1;
			continue;
		}
		if (strncmp(argv[i], "--", 2) != 0 || (seg = segment_find(argv[i] + 2)) == NULL ||
		    i + 1 == argc || (comma = strchr(argv[i + 1], ',')) == NULL)
			usage();
		*comma = '\0';
		if (segment_open(seg, argv[i + 1], comma + 1) < 0)
			return 1;
		if (check_only)
			printf("%s: netsim %s, qemu %s\n", seg->name, argv[i + 1], comma + 1);
		i++;
	}
	if (check_only)
		return 0;
	setvbuf(stdout, NULL, _IOLBF, 0);
	srandom((unsigned)getpid());
	lwip_init();

	for (;;) {
		struct pollfd pfd[3];
		int nfd = 0, wait_ms, pw;
		u32_t lw;
		char *nl;

		sys_check_timeouts();
		hub_drain_local();
		pending_check();
		hub_drain_local();
		if (!pending_active() && (nl = memchr(inbuf, '\n', inlen)) != NULL) {
			size_t used = (size_t)(nl - inbuf) + 1;

			*nl = '\0';
			if (dispatch(inbuf))
				return 0;
			memmove(inbuf, inbuf + used, inlen - used);
			inlen -= used;
			continue;
		}
		if (!pending_active() && stdin_eof)
			return 0;

		lw = sys_timeouts_sleeptime();
		wait_ms = lw > 1000 ? 1000 : (int)lw;
		pw = pending_wait_ms();
		if (pw >= 0 && pw < wait_ms)
			wait_ms = pw;
		for (size_t i = 0; i < sizeof(segments) / sizeof(segments[0]); i++) {
			if (segments[i].fd < 0)
				continue;
			pfd[nfd].fd = segments[i].fd;
			pfd[nfd++].events = POLLIN;
		}
		if (!pending_active() && !stdin_eof) {
			pfd[nfd].fd = 0;
			pfd[nfd++].events = POLLIN;
		}
		if (poll(pfd, (nfds_t)nfd, wait_ms) < 0 && errno != EINTR) {
			fprintf(stderr, "netsim: poll: %s\n", strerror(errno));
			return 1;
		}
		for (size_t i = 0; i < sizeof(segments) / sizeof(segments[0]); i++)
			if (segments[i].fd >= 0)
				hub_from_wire(&segments[i]);
		if (nfd > 0 && pfd[nfd - 1].fd == 0 && (pfd[nfd - 1].revents & (POLLIN | POLLHUP))) {
			ssize_t n = read(0, inbuf + inlen, sizeof(inbuf) - inlen);

			if (n <= 0) {
				stdin_eof = 1;
			} else {
				inlen += (size_t)n;
				if (inlen == sizeof(inbuf) && memchr(inbuf, '\n', inlen) == NULL) {
					reply("fail parse: line longer than %zu bytes", sizeof(inbuf));
					inlen = 0;
				}
			}
		}
	}
}
