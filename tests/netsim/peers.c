/* Source addresses of connections and datagrams each listener saw, so
 * forwarding and masquerade tests can assert what the far side observed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"
#include "netsim.h"

struct listener {
	const struct host *host;
	int proto; /* 6 tcp, 17 udp */
	uint16_t port;
	unsigned npeers;
	unsigned long dropped; /* peers beyond NETSIM_MAX_PEERS */
	ip_addr_t peer_ip[NETSIM_MAX_PEERS];
	uint16_t peer_port[NETSIM_MAX_PEERS];
};

static struct listener listeners[NETSIM_MAX_LISTENERS];
static unsigned nlisteners;

static struct listener *find(const struct host *h, int proto, uint16_t port)
{
	for (unsigned i = 0; i < nlisteners; i++)
		if (listeners[i].host == h && listeners[i].port == port &&
		    (proto == 0 || listeners[i].proto == proto))
			return &listeners[i];
	return NULL;
}

int peers_register(const struct host *h, int proto, uint16_t port)
{
	struct listener *l;

	if (find(h, proto, port) != NULL)
		return 0;
	if (nlisteners == NETSIM_MAX_LISTENERS)
		return -1;
	l = &listeners[nlisteners++];
	memset(l, 0, sizeof(*l));
	l->host = h;
	l->proto = proto;
	l->port = port;
	return 0;
}

void peers_record(const struct host *h, int proto, uint16_t port,
		  const ip_addr_t *ip, uint16_t peer_port)
{
	struct listener *l = find(h, proto, port);

	if (l == NULL)
		return;
	if (l->npeers == NETSIM_MAX_PEERS) {
		l->dropped++;
		return;
	}
	ip_addr_copy(l->peer_ip[l->npeers], *ip);
	l->peer_port[l->npeers++] = peer_port;
}

/* peers HOST PORT [tcp|udp] [clear] */
void cmd_peers(int argc, char **argv)
{
	char line[NETSIM_MAX_PEERS * 50 + 64], ep[64];
	const struct host *h;
	struct listener *l;
	unsigned long port = 0;
	int proto = 0;
	size_t off;

	if (argc < 3 || (h = host_find(argv[1])) == NULL ||
	    parse_ulong(argv[2], 65535, &port) < 0) {
		reply("fail peers: usage: peers HOST PORT [tcp|udp] [clear]");
		return;
	}
	for (int i = 3; i < argc; i++)
		if (strcmp(argv[i], "tcp") == 0)
			proto = 6;
		else if (strcmp(argv[i], "udp") == 0)
			proto = 17;
	if ((l = find(h, proto, (uint16_t)port)) == NULL) {
		reply("fail peers %s %s: no listener", argv[1], argv[2]);
		return;
	}
	off = (size_t)snprintf(line, sizeof(line), "ok peers %s %s %s count %u",
			       argv[1], argv[2], l->proto == 6 ? "tcp" : "udp", l->npeers);
	for (unsigned i = 0; i < l->npeers && off < sizeof(line); i++) {
		format_endpoint(ep, sizeof(ep), &l->peer_ip[i], l->peer_port[i]);
		off += (size_t)snprintf(line + off, sizeof(line) - off, " %s", ep);
	}
	if (argc > 3 && strcmp(argv[argc - 1], "clear") == 0)
		l->npeers = 0;
	reply("%s", line);
}
