/* udp-listen HOST PORT echo | reply TEXT
 * udp-send HOST ADDR:PORT TEXT [expect TEXT] [timeout S]
 * Without expect, udp-send answers once the datagram is handed to lwIP;
 * with it, the datagram is resent every second until a matching reply. */
#include <stdio.h>
#include <string.h>

#include "cmd_parse.h"
#include "lwip/sys.h"
#include "lwip/udp.h"
#include "netsim.h"

struct udp_server {
	struct host *host;
	uint16_t port;
	int echo;
	char text[NETSIM_TEXT_MAX + 1];
};

#define MAX_UDP_SERVERS 16
static struct udp_server servers[MAX_UDP_SERVERS];
static unsigned nservers;

static void srv_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		     const ip_addr_t *addr, u16_t port)
{
	struct udp_server *srv = arg;
	struct pbuf *out;

	peers_record(srv->host, 17, srv->port, addr, port);
	if (srv->echo) {
		udp_sendto(pcb, p, addr, port);
	} else if ((out = pbuf_alloc(PBUF_TRANSPORT, (u16_t)strlen(srv->text), PBUF_RAM)) != NULL) {
		pbuf_take(out, srv->text, out->tot_len);
		udp_sendto(pcb, out, addr, port);
		pbuf_free(out);
	}
	pbuf_free(p);
}

void cmd_udp_listen(int argc, char **argv)
{
	struct udp_server *srv;
	struct udp_pcb *pcb;
	unsigned long port;
	struct host *h;

	if (argc < 4 || (h = host_find(argv[1])) == NULL ||
	    parse_ulong(argv[2], 65535, &port) < 0 || port == 0 ||
	    (strcmp(argv[3], "echo") != 0 && (strcmp(argv[3], "reply") != 0 || argc < 5)) ||
	    (argc >= 5 && strlen(argv[4]) > NETSIM_TEXT_MAX)) {
		reply("fail udp-listen: usage: udp-listen HOST PORT echo|reply TEXT");
		return;
	}
	if (nservers == MAX_UDP_SERVERS || peers_register(h, 17, (uint16_t)port) < 0) {
		reply("fail udp-listen %s %s: too many listeners", argv[1], argv[2]);
		return;
	}
	srv = &servers[nservers];
	memset(srv, 0, sizeof(*srv));
	srv->host = h;
	srv->port = (uint16_t)port;
	srv->echo = strcmp(argv[3], "echo") == 0;
	if (!srv->echo)
		strcpy(srv->text, argv[4]);
	pcb = udp_new_ip_type(IPADDR_TYPE_ANY);
	if (pcb == NULL) {
		reply("fail udp-listen %s %s: no pcb", argv[1], argv[2]);
		return;
	}
	/* SO_REUSE is off in lwipopts, so the same port on two hosts needs
	 * distinct local addresses: bind the host's IPv4 address when it has
	 * one (then the server is IPv4 only), else any address. */
	udp_bind_netif(pcb, &h->netif);
	ip_addr_t local = *IP_ANY_TYPE;
	if (!ip4_addr_isany(netif_ip4_addr(&h->netif)))
		ip_addr_copy_from_ip4(local, *netif_ip4_addr(&h->netif));
	if (udp_bind(pcb, &local, (u16_t)port) != ERR_OK) {
		udp_remove(pcb);
		reply("fail udp-listen %s %s: port in use", argv[1], argv[2]);
		return;
	}
	udp_recv(pcb, srv_recv, srv);
	nservers++;
	reply("ok udp-listen %s %s %s", argv[1], argv[2], argv[3]);
}

static struct {
	struct udp_pcb *pcb;
	struct host *host;
	ip_addr_t dst;
	uint16_t port;
	char target[64], text[NETSIM_TEXT_MAX + 1], expect[NETSIM_TEXT_MAX + 1];
	u32_t last_sent;
	unsigned sent;
} us;

static void us_end(void)
{
	udp_remove(us.pcb);
	us.pcb = NULL;
	pending_done();
}

static void us_send(void)
{
	struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)strlen(us.text), PBUF_RAM);

	if (p == NULL)
		return;
	pbuf_take(p, us.text, p->tot_len);
	udp_sendto(us.pcb, p, &us.dst, us.port);
	pbuf_free(p);
	us.last_sent = sys_now();
	us.sent++;
}

static void us_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		    const ip_addr_t *addr, u16_t port)
{
	char got[NETSIM_TEXT_MAX + 1], from[64];
	u16_t n;

	(void)arg;
	(void)pcb;
	n = pbuf_copy_partial(p, got, sizeof(got) - 1, 0);
	got[n] = '\0';
	pbuf_free(p);
	if (us.pcb == NULL || strstr(got, us.expect) == NULL)
		return;
	for (u16_t i = 0; i < n; i++)
		if (got[i] < 0x20 || got[i] >= 0x7f || got[i] == '"')
			got[i] = '.';
	format_endpoint(from, sizeof(from), addr, port);
	reply("ok udp-send %s %s got \"%s\" from %s sent %u", us.host->name, us.target, got,
	      from, us.sent);
	us_end();
}

static void us_tick(void)
{
	if (sys_now() - us.last_sent >= 1000)
		us_send();
}

static void us_timeout(void)
{
	reply("fail udp-send %s %s timeout (%u sent, no reply with \"%s\")", us.host->name,
	      us.target, us.sent, us.expect);
	udp_remove(us.pcb);
	us.pcb = NULL;
}

void cmd_udp_send(int argc, char **argv)
{
	const char *expect = opt_value(argc, argv, 4, "expect");
	const char *t = opt_value(argc, argv, 4, "timeout");
	unsigned long timeout_s = 3;

	if (argc < 4 || (us.host = host_find(argv[1])) == NULL ||
	    parse_endpoint(argv[2], &us.dst, &us.port) < 0 || strlen(argv[3]) > NETSIM_TEXT_MAX ||
	    (expect && strlen(expect) > NETSIM_TEXT_MAX) ||
	    (t && parse_ulong(t, 600, &timeout_s) < 0)) {
		reply("fail udp-send: usage: udp-send HOST ADDR:PORT TEXT [expect TEXT] [timeout S]");
		return;
	}
	snprintf(us.target, sizeof(us.target), "%s", argv[2]);
	snprintf(us.text, sizeof(us.text), "%s", argv[3]);
	snprintf(us.expect, sizeof(us.expect), "%s", expect ? expect : "");
	if (IP_IS_V6(&us.dst))
		ip6_addr_assign_zone(ip_2_ip6(&us.dst), IP6_UNKNOWN, &us.host->netif);
	us.pcb = udp_new_ip_type(IP_GET_TYPE(&us.dst));
	if (us.pcb == NULL || udp_bind(us.pcb, IP_ANY_TYPE, 0) != ERR_OK) {
		reply("fail udp-send %s %s: no pcb", argv[1], argv[2]);
		return;
	}
	udp_bind_netif(us.pcb, &us.host->netif);
	us.sent = 0;
	if (expect == NULL) {
		us_send();
		reply("ok udp-send %s %s sent", argv[1], argv[2]);
		udp_remove(us.pcb);
		us.pcb = NULL;
		return;
	}
	udp_recv(us.pcb, us_recv, NULL);
	pending_start((u32_t)timeout_s * 1000, us_timeout, us_tick);
	us_send();
}
