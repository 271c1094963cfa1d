/* dhcp-flood HOST count N [rate R] [timeout S] [hostname H]
 * dhcp-flood-leases HOST
 * From HOST's segment, play N DHCP clients at once, each with its own MAC as
 * Ethernet source and chaddr (what a server that checks one against the
 * other sees from a spoofing host): DISCOVER, REQUEST what is offered, count
 * the ACKs. The frames are built raw (dhcp_flood_msg.c) and the hub hands
 * back replies to the made-up MACs. Client i's MAC is 06:SS:hh:hh:ii:ii:
 * locally administered, SS this netsim's flood number, hh:hh HOST's MAC's
 * last two bytes, ii:ii the index; so floods never reuse each other's MACs. */
#define _GNU_SOURCE /* random() */
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"
#include "dhcp_flood_msg.h"
#include "lwip/sys.h"
#include "netsim.h"

#define FLOOD_MAX_CLIENTS 1024
/* DISCOVERs per loop round (20 ms) without a rate: fast, yet the hub's
 * 256-frame ring has room for them and their replies. */
#define FLOOD_BURST 32

enum { CL_IDLE, CL_DISCOVERING, CL_REQUESTING, CL_ACKED, CL_NAKED };

static struct {
	struct host *host; /* of the running or last flood */
	int active;
	uint8_t mac_prefix[4]; /* 06:SS:hh:hh */
	unsigned n, sent, offers, acks, naks, resolved;
	unsigned long rate; /* DISCOVERs per second; 0: FLOOD_BURST per round */
	u32_t start;
	uint32_t xid_base;
	char hostname[FLOOD_HOSTNAME_MAX + 1];
	size_t hostname_len;
	struct {
		uint8_t state;
		uint32_t ip; /* offered, then acked (network order) */
	} cl[FLOOD_MAX_CLIENTS];
} fl;
static uint8_t flood_seq; /* floods so far in this netsim, the MACs' SS */

static void client_mac(unsigned i, uint8_t mac[6])
{
	memcpy(mac, fl.mac_prefix, 4);
	mac[4] = (uint8_t)(i >> 8);
	mac[5] = (uint8_t)i;
}

static int client_of(const uint8_t mac[6])
{
	unsigned i = (unsigned)mac[4] << 8 | mac[5];

	return memcmp(mac, fl.mac_prefix, 4) == 0 && i < fl.n ? (int)i : -1;
}

static void send_req(unsigned i, uint8_t type, uint32_t requested, uint32_t server_id)
{
	uint8_t frame[FLOOD_FRAME_MAX];
	struct flood_req r = {
		.type = type, .xid = fl.xid_base + i, .requested = requested,
		.server_id = server_id, .hostname = fl.hostname,
		.hostname_len = fl.hostname_len,
	};
	size_t len;

	client_mac(i, r.mac);
	len = flood_req_build(frame, sizeof(frame), &r);
	if (len > 0) /* always: the hostname's length was checked */
		hub_send_raw(fl.host->seg, frame, len);
}

int dhcp_flood_wants(const struct segment *seg, const uint8_t *frame)
{
	return fl.active && seg == fl.host->seg && ((frame[0] & 1) || client_of(frame) >= 0);
}

int dhcp_flood_input(const struct segment *seg, const uint8_t *frame, size_t len)
{
	struct flood_reply rep;
	int i;

	if (!dhcp_flood_wants(seg, frame))
		return 0;
	/* Only a reply to one of ours, with the xid it was sent with. */
	if (flood_reply_parse(frame, len, &rep) < 0 || (i = client_of(rep.chaddr)) < 0 ||
	    rep.xid != fl.xid_base + (unsigned)i)
		return 1;
	switch (rep.type) {
	case DHCP_OFFER:
		if (fl.cl[i].state != CL_DISCOVERING)
			break; /* the first offer wins, as for most clients */
		fl.offers++;
		fl.cl[i].state = CL_REQUESTING;
		fl.cl[i].ip = rep.yiaddr;
		send_req((unsigned)i, DHCP_REQUEST, rep.yiaddr, rep.server_id);
		break;
	case DHCP_ACK:
		if (fl.cl[i].state != CL_REQUESTING)
			break;
		fl.acks++;
		fl.resolved++;
		fl.cl[i].state = CL_ACKED;
		if (rep.yiaddr != 0)
			fl.cl[i].ip = rep.yiaddr;
		break;
	case DHCP_NAK:
		if (fl.cl[i].state != CL_DISCOVERING && fl.cl[i].state != CL_REQUESTING)
			break;
		fl.naks++;
		fl.resolved++;
		fl.cl[i].state = CL_NAKED;
		break;
	}
	return 1;
}

static void flood_answer(void)
{
	fl.active = 0;
	reply("ok dhcp-flood %s sent %u offers %u acks %u naks %u", fl.host->name, fl.sent,
	      fl.offers, fl.acks, fl.naks);
}

/* Every loop round: the DISCOVERs that are due, then done when every
 * client has its ACK or NAK. A client that hears nothing waits for the
 * timeout; nothing is resent, so `sent` is the number of clients tried. */
static void flood_tick(void)
{
	unsigned due = fl.n, burst = 0;

	if (fl.rate) {
		unsigned long long by_now = (unsigned long long)(u32_t)(sys_now() - fl.start) *
					    fl.rate / 1000 + 1;

		if (by_now < due)
			due = (unsigned)by_now;
	}
	while (fl.sent < due && burst++ < FLOOD_BURST) {
		fl.cl[fl.sent].state = CL_DISCOVERING;
		send_req(fl.sent++, DHCP_DISCOVER, 0, 0);
	}
	if (fl.resolved == fl.n) {
		pending_done();
		flood_answer();
	}
}

void cmd_dhcp_flood(int argc, char **argv)
{
	unsigned long n = 0, rate = 0, timeout_s = 20;
	const char *name = NULL;
	struct host *h = argc >= 2 ? host_find(argv[1]) : NULL;
	int bad = h == NULL || argc % 2 != 0;

	for (int i = 2; !bad && i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "count") == 0)
			bad = parse_ulong(argv[i + 1], FLOOD_MAX_CLIENTS, &n) < 0 || n == 0;
		else if (strcmp(argv[i], "rate") == 0)
			bad = parse_ulong(argv[i + 1], 100000, &rate) < 0 || rate == 0;
		else if (strcmp(argv[i], "timeout") == 0)
			bad = parse_ulong(argv[i + 1], 600, &timeout_s) < 0 || timeout_s == 0;
		else if (strcmp(argv[i], "hostname") == 0)
			bad = (name = argv[i + 1])[0] == '\0' ||
			      strlen(name) > FLOOD_HOSTNAME_MAX;
		else
			bad = 1;
	}
	if (bad || n == 0) {
		reply("fail dhcp-flood: usage: dhcp-flood HOST count N [rate R] [timeout S] [hostname H]"
		      " (N 1-%d, R 1-100000/s, S 1-600, H 1-%d bytes)",
		      FLOOD_MAX_CLIENTS, FLOOD_HOSTNAME_MAX);
		return;
	}
	fl.host = h;
	fl.active = 1;
	fl.mac_prefix[0] = 0x06; /* locally administered, unicast */
	fl.mac_prefix[1] = ++flood_seq;
	fl.mac_prefix[2] = h->mac[4];
	fl.mac_prefix[3] = h->mac[5];
	fl.n = (unsigned)n;
	fl.sent = fl.offers = fl.acks = fl.naks = fl.resolved = 0;
	fl.rate = rate;
	fl.start = sys_now();
	fl.xid_base = (uint32_t)random();
	fl.hostname_len = name ? strlen(name) : 0;
	memcpy(fl.hostname, name ? name : "", fl.hostname_len + 1);
	memset(fl.cl, 0, sizeof(fl.cl));
	pending_start((u32_t)timeout_s * 1000, flood_answer, flood_tick);
}

/* The addresses the last flood from HOST was acked, in client order. */
void cmd_dhcp_flood_leases(int argc, char **argv)
{
	static char line[FLOOD_MAX_CLIENTS * (IP4ADDR_STRLEN_MAX + 1) + 96];
	char ip[IP4ADDR_STRLEN_MAX];
	size_t off;

	if (argc != 2 || host_find(argv[1]) == NULL) {
		reply("fail dhcp-flood-leases: usage: dhcp-flood-leases HOST");
		return;
	}
	if (fl.host == NULL || strcmp(fl.host->name, argv[1]) != 0) {
		reply("fail dhcp-flood-leases %s: no flood from %s", argv[1], argv[1]);
		return;
	}
	off = (size_t)snprintf(line, sizeof(line), "ok dhcp-flood-leases %s count %u",
			       argv[1], fl.acks);
	for (unsigned i = 0; i < fl.n && off < sizeof(line); i++) {
		ip4_addr_t a;

		if (fl.cl[i].state != CL_ACKED)
			continue;
		ip4_addr_set_u32(&a, fl.cl[i].ip);
		ip4addr_ntoa_r(&a, ip, sizeof(ip));
		off += (size_t)snprintf(line + off, sizeof(line) - off, " %s", ip);
	}
	reply("%s", line);
}
