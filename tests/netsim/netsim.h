/* netsim: simulated LAN/WAN hosts (lwIP netifs in one process) wired to a
 * QEMU guest's NICs through QEMU UDP socket netdevs. See README.md. */
#ifndef NETSIM_H
#define NETSIM_H

#include <stddef.h>
#include <stdint.h>

#include "lwip/ip_addr.h"
#include "lwip/netif.h"
#include "ra_log.h"

#define NETSIM_MAX_HOSTS 32
#define NETSIM_NAME_MAX 16
#define NETSIM_FRAME_MAX 1536
#define NETSIM_TEXT_MAX 256
/* `dhcp ... hostname H`: lwIP's client has a 68-byte option area; after its
 * REQUEST options 40 bytes are left, and a longer name trips an assert. */
#define NETSIM_DHCP_HOSTNAME_MAX 32

/* One Ethernet segment: a UDP socket connected to one QEMU socket netdev. */
struct segment {
	const char *name;
	int fd; /* -1: segment not configured */
	unsigned long rx_frames, rx_bytes; /* from QEMU */
	unsigned long tx_frames, tx_bytes; /* to QEMU */
	unsigned long tx_errors;           /* sendto failed (QEMU not up yet) */
	unsigned long local_frames;        /* host-to-host through the hub */
	unsigned long local_drops;         /* hub queue full */
	unsigned long unclaimed;           /* unicast from QEMU for no host */
	struct ra_log ra_log;              /* RAs from QEMU (`ra-log`) */
};

struct host {
	char name[NETSIM_NAME_MAX];
	struct segment *seg;
	struct netif netif;
	uint8_t mac[6];
	int in_use;
	int dhcp;
	/* lwIP's DHCP client sends netif->hostname (option 12) by pointer in
	 * every later message: the name it was given lives here. */
	char dhcp_hostname[NETSIM_DHCP_HOSTNAME_MAX + 1];
	ip6_addr_t gw6; /* IPv6 default gateway (`gw6`), or any */
};

extern struct segment segments[2];

/* hub.c */
struct segment *segment_find(const char *name);
int segment_open(struct segment *seg, const char *local, const char *remote);
void hub_from_wire(struct segment *seg);
void hub_drain_local(void);
err_t hub_linkoutput(struct netif *netif, struct pbuf *p);
void hub_send_raw(struct segment *seg, const uint8_t *frame, size_t len);

/* host.c */
struct host *host_find(const char *name);
struct host *host_find_index(int i); /* NULL for a free slot */
struct host *host_add(const char *name, struct segment *seg, const uint8_t mac[6]);
struct host *host_by_netif(const struct netif *netif);
int host_set_ip4(struct host *h, const ip_addr_t *ip, int plen, const ip_addr_t *gw);
int host_add_ip6(struct host *h, const ip_addr_t *ip);
void host_format_addrs(const struct host *h, char *buf, size_t n);

/* reply.c: every command answers exactly one line, ok ... or fail ... */
void reply(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void format_endpoint(char *buf, size_t n, const ip_addr_t *ip, uint16_t port);

/* pending.c: at most one command waits at a time; stdin is not read meanwhile. */
typedef void (*pending_fn)(void);
void pending_start(uint32_t timeout_ms, pending_fn on_timeout, pending_fn on_tick);
void pending_done(void);
int pending_active(void);
void pending_check(void);
int pending_wait_ms(void);

/* commands (cmd_*.c): argv[0] is the command name */
void cmd_ping(int argc, char **argv);
void cmd_tcp_listen(int argc, char **argv);
void cmd_tcp_connect(int argc, char **argv);
void cmd_udp_listen(int argc, char **argv);
void cmd_udp_send(int argc, char **argv);
void cmd_peers(int argc, char **argv);
void cmd_dhcp(int argc, char **argv);
void cmd_dhcp_server(int argc, char **argv);
void cmd_leases(int argc, char **argv);
void cmd_dhcp_flood(int argc, char **argv);
void cmd_dhcp_flood_leases(int argc, char **argv);
void cmd_dns_query(int argc, char **argv);
void cmd_dns_server(int argc, char **argv);
void cmd_dns_record(int argc, char **argv);
void cmd_dns_stats(int argc, char **argv);

/* dhcp_flood.c: the hub hands a running flood the frames it wants (its
 * clients' MACs, broadcasts); input returns whether it wanted FRAME. */
int dhcp_flood_wants(const struct segment *seg, const uint8_t *frame);
int dhcp_flood_input(const struct segment *seg, const uint8_t *frame, size_t len);

/* peers.c: source addresses seen by listeners, for NAT/forward assertions */
#define NETSIM_MAX_LISTENERS 16
#define NETSIM_MAX_PEERS 32
void peers_record(const struct host *h, int proto, uint16_t port,
		  const ip_addr_t *ip, uint16_t peer_port);
int peers_register(const struct host *h, int proto, uint16_t port);

#endif
