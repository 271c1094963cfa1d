/* dhcp-server HOST pool FIRST-LAST [gw G] [dns D] [lease S]
 * leases HOST
 * A small DHCPv4 server on a simulated host: the ISP that hands the router
 * its WAN address. One per netsim (it binds port 67 on any address); leases
 * are kept per client MAC in a fixed table. */
#include <stdio.h>
#include <string.h>

#include "cmd_parse.h"
#include "dhcp_msg.h"
#include "lwip/udp.h"
#include "netsim.h"

#define MAX_LEASES 32
#define LEASE_NAME_MAX 32 /* option 12 bytes kept per lease for `leases` */

static struct {
	struct host *host;
	struct udp_pcb *pcb;
	uint32_t first, count; /* pool, host byte order */
	struct dhcp_reply base; /* server, mask, router, dns, lease time */
	struct {
		uint8_t mac[6];
		uint32_t ip; /* network order; 0: free */
		int acked;
		char name[LEASE_NAME_MAX + 1]; /* the client's last option 12, "" if none */
	} leases[MAX_LEASES];
	unsigned long pool_full, naks;
} srv;

static int lease_of(const uint8_t mac[6], uint32_t *ip)
{
	int free_slot = -1;

	for (int i = 0; i < MAX_LEASES; i++) {
		if (srv.leases[i].ip != 0 && memcmp(srv.leases[i].mac, mac, 6) == 0) {
			*ip = srv.leases[i].ip;
			return i;
		}
		if (srv.leases[i].ip == 0 && free_slot < 0)
			free_slot = i;
	}
	if (free_slot < 0 || (uint32_t)free_slot >= srv.count) {
		srv.pool_full++;
		return -1;
	}
	/* Slot i holds pool address first + i: stable and collision-free. */
	memcpy(srv.leases[free_slot].mac, mac, 6);
	srv.leases[free_slot].ip = lwip_htonl(srv.first + (uint32_t)free_slot);
	srv.leases[free_slot].acked = 0;
	*ip = srv.leases[free_slot].ip;
	return free_slot;
}

/* Keep what the client calls itself, one printable word (so tests can see
 * which hostname a DHCP client sent); odd bytes become '?'. */
static void lease_set_name(int slot, const struct dhcp_req *req)
{
	char *name = srv.leases[slot].name;
	size_t n = req->hostname_len > LEASE_NAME_MAX ? LEASE_NAME_MAX : req->hostname_len;

	for (size_t i = 0; i < n; i++)
		name[i] = req->hostname[i] > ' ' && req->hostname[i] < 0x7f ? (char)req->hostname[i] : '?';
	name[n] = '\0';
}

static void send_reply(const struct dhcp_req *req, struct dhcp_reply *rep)
{
	uint8_t buf[DHCP_REPLY_MAX];
	size_t len = dhcp_reply_build(buf, req, rep);
	struct pbuf *p = pbuf_alloc(PBUF_TRANSPORT, (u16_t)len, PBUF_RAM);
	ip_addr_t dst;

	if (p == NULL)
		return;
	pbuf_take(p, buf, (u16_t)len);
	/* Broadcast unless the client already has its address (renewal). */
	if (req->ciaddr != 0)
		ip_addr_set_ip4_u32_val(dst, req->ciaddr);
	else
		ip_addr_set_ip4_u32_val(dst, IPADDR_BROADCAST);
	udp_sendto_if(srv.pcb, p, &dst, 68, &srv.host->netif);
	pbuf_free(p);
}

static void srv_recv(void *arg, struct udp_pcb *pcb, struct pbuf *p,
		     const ip_addr_t *addr, u16_t port)
{
	uint8_t buf[576];
	u16_t n = pbuf_copy_partial(p, buf, sizeof(buf), 0);
	struct dhcp_reply rep = srv.base;
	struct dhcp_req req;
	uint32_t ip, want;
	int slot;

	(void)arg;
	(void)pcb;
	(void)addr;
	(void)port;
	pbuf_free(p);
	if (dhcp_req_parse(buf, n, &req) < 0)
		return;
	if (req.type == DHCP_RELEASE) {
		for (int i = 0; i < MAX_LEASES; i++)
			if (memcmp(srv.leases[i].mac, req.chaddr, 6) == 0)
				srv.leases[i].ip = 0;
		return;
	}
	if (req.type != DHCP_DISCOVER && req.type != DHCP_REQUEST)
		return;
	if (req.server_id != 0 && req.server_id != srv.base.server)
		return; /* the client chose another server */
	if ((slot = lease_of(req.chaddr, &ip)) < 0)
		return;
	rep.yiaddr = ip;
	lease_set_name(slot, &req);
	if (req.type == DHCP_DISCOVER) {
		rep.type = DHCP_OFFER;
	} else {
		want = req.requested ? req.requested : req.ciaddr;
		rep.type = want == ip ? DHCP_ACK : DHCP_NAK;
		if (rep.type == DHCP_ACK)
			srv.leases[slot].acked = 1;
		else
			srv.naks++;
	}
	send_reply(&req, &rep);
}

static int parse_v4(const char *s, uint32_t *net_order)
{
	ip_addr_t a;
	int plen;

	if (parse_prefix(s, &a, &plen) < 0 || !IP_IS_V4(&a))
		return -1;
	*net_order = ip4_addr_get_u32(ip_2_ip4(&a));
	return 0;
}

void cmd_dhcp_server(int argc, char **argv)
{
	const char *pool = opt_value(argc, argv, 2, "pool");
	const char *gw = opt_value(argc, argv, 2, "gw");
	const char *dns = opt_value(argc, argv, 2, "dns");
	const char *lease = opt_value(argc, argv, 2, "lease");
	unsigned long lease_s = 600;
	char first[32], *dash;
	uint32_t a, b;
	struct host *h;

	if (argc < 4 || (h = host_find(argv[1])) == NULL || pool == NULL ||
	    strlen(pool) >= sizeof(first) || (dash = strchr(strcpy(first, pool), '-')) == NULL ||
	    (*dash = '\0', parse_v4(first, &a) < 0) || parse_v4(dash + 1, &b) < 0 ||
	    lwip_ntohl(b) < lwip_ntohl(a) || (gw && parse_v4(gw, &srv.base.router) < 0) ||
	    (dns && parse_v4(dns, &srv.base.dns) < 0) ||
	    (lease && parse_ulong(lease, 86400 * 365, &lease_s) < 0)) {
		reply("fail dhcp-server: usage: dhcp-server HOST pool FIRST-LAST [gw G] [dns D] [lease S]");
		return;
	}
	if (srv.pcb != NULL) {
		reply("fail dhcp-server %s: one DHCP server per netsim (on %s)", argv[1], srv.host->name);
		return;
	}
	if (ip4_addr_isany(netif_ip4_addr(&h->netif))) {
		reply("fail dhcp-server %s: the host needs a static address", argv[1]);
		return;
	}
	srv.host = h;
	srv.first = lwip_ntohl(a);
	srv.count = lwip_ntohl(b) - srv.first + 1;
	if (srv.count > MAX_LEASES)
		srv.count = MAX_LEASES;
	srv.base.server = ip4_addr_get_u32(netif_ip4_addr(&h->netif));
	srv.base.mask = ip4_addr_get_u32(netif_ip4_netmask(&h->netif));
	srv.base.lease_secs = (uint32_t)lease_s;
	srv.pcb = udp_new_ip_type(IPADDR_TYPE_V4);
	if (srv.pcb == NULL) {
		reply("fail dhcp-server %s: no pcb", argv[1]);
		return;
	}
	udp_bind_netif(srv.pcb, &h->netif);
	if (udp_bind(srv.pcb, IP4_ADDR_ANY, 67) != ERR_OK) {
		udp_remove(srv.pcb);
		srv.pcb = NULL;
		reply("fail dhcp-server %s: port 67 in use", argv[1]);
		return;
	}
	udp_recv(srv.pcb, srv_recv, NULL);
	reply("ok dhcp-server %s pool %s (%u addresses)", argv[1], pool, (unsigned)srv.count);
}

void cmd_leases(int argc, char **argv)
{
	char line[MAX_LEASES * (48 + 6 + LEASE_NAME_MAX) + 96], ip[IP4ADDR_STRLEN_MAX];
	size_t off;

	if (argc < 2 || srv.pcb == NULL || strcmp(argv[1], srv.host->name) != 0) {
		reply("fail leases: no DHCP server on %s", argc < 2 ? "?" : argv[1]);
		return;
	}
	off = (size_t)snprintf(line, sizeof(line), "ok leases %s pool_full %lu naks %lu",
			       argv[1], srv.pool_full, srv.naks);
	for (int i = 0; i < MAX_LEASES && off < sizeof(line); i++) {
		const uint8_t *m = srv.leases[i].mac;
		ip4_addr_t a;

		if (srv.leases[i].ip == 0)
			continue;
		ip4_addr_set_u32(&a, srv.leases[i].ip);
		ip4addr_ntoa_r(&a, ip, sizeof(ip));
		off += (size_t)snprintf(line + off, sizeof(line) - off,
					" %02x:%02x:%02x:%02x:%02x:%02x=%s%s%s%s", m[0], m[1], m[2],
					m[3], m[4], m[5], ip, srv.leases[i].acked ? "" : "(offered)",
					srv.leases[i].name[0] ? ",name=" : "", srv.leases[i].name);
	}
	reply("%s", line);
}
