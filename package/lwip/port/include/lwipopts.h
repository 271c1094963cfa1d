/* lwIP options for Keel's simulated LAN/WAN hosts: raw API, no OS, both IP
 * versions, several netifs (hosts) per process, enough buffers for tests. */
#ifndef KEEL_LWIPOPTS_H
#define KEEL_LWIPOPTS_H

#define NO_SYS 1
#define SYS_LIGHTWEIGHT_PROT 0
#define LWIP_NETCONN 0
#define LWIP_SOCKET 0

#define LWIP_IPV4 1
#define LWIP_IPV6 1
#define LWIP_ARP 1
#define LWIP_ETHERNET 1
#define LWIP_ICMP 1
#define LWIP_RAW 1
#define LWIP_UDP 1
#define LWIP_TCP 1
#define LWIP_DHCP 1
#define LWIP_DNS 1
#define LWIP_IPV6_AUTOCONFIG 1
#define LWIP_IPV6_DHCP6 1
#define LWIP_IPV6_DHCP6_STATELESS 1
/* Link-local, the LAN's ULA, the old delegated /64 (deprecated for up to
 * two hours after a renumbering) and the new one, and one spare: with
 * lwIP's 3 a SLAAC host had no slot left for the new prefix. */
#define LWIP_IPV6_NUM_ADDRESSES 5
/* Copy IPv6 fragment headers: the default reuses the packet in place, which
 * asserts (and would corrupt data) with 64-bit pointers. */
#define IPV6_FRAG_COPYHEADER 1
#define LWIP_NETIF_HOSTNAME 1
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK 1
#define LWIP_SINGLE_NETIF 0
#define LWIP_HAVE_LOOPIF 0

#define MEM_ALIGNMENT 8
#define MEM_SIZE (1024 * 1024)
#define MEMP_NUM_PBUF 256
#define MEMP_NUM_UDP_PCB 32
#define MEMP_NUM_TCP_PCB 64
#define MEMP_NUM_TCP_PCB_LISTEN 16
#define MEMP_NUM_TCP_SEG 256
#define MEMP_NUM_SYS_TIMEOUT 32
#define PBUF_POOL_SIZE 512
/* Neighbour, destination and multicast tables are shared by every host in
 * the process: size them for 32 hosts, not lwIP's one-netif defaults (four
 * MLD groups left the fifth address unable to answer neighbour solicits):
 * one group per address, 32 hosts x LWIP_IPV6_NUM_ADDRESSES. */
#define MEMP_NUM_MLD6_GROUP 160
#define LWIP_ND6_NUM_NEIGHBORS 64
#define LWIP_ND6_NUM_DESTINATIONS 64
#define ARP_TABLE_SIZE 64
#define TCP_MSS 1460
#define TCP_WND (8 * TCP_MSS)
#define TCP_SND_BUF (8 * TCP_MSS)
#define TCP_SND_QUEUELEN (4 * TCP_SND_BUF / TCP_MSS)

/* lwIP has no static IPv6 gateway: a hook lets the program name one per
 * netif (netsim's `gw6`); the port's default names none. */
#define LWIP_HOOK_FILENAME "arch/keel_hooks.h"
#define LWIP_HOOK_ND6_GET_GW(netif, dest) keel_lwip_nd6_gw(netif, dest)

#define LWIP_STATS 0
#define LWIP_DEBUG 0

#endif
