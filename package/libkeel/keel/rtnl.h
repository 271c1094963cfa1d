/*
 * keel/rtnl.h - interface configuration over rtnetlink: links up, bridges
 * and their ports, addresses, routes. Message builders are pure (they fill
 * an nlbuf, see keel/nlmsg.h); rtnl_apply() sends a built batch and says
 * which request the kernel refused. init uses this instead of running `ip`.
 */
#ifndef KEEL_RTNL_H
#define KEEL_RTNL_H

#include <stdint.h>

#include "keel/nlmsg.h"

/* An IPv4 or IPv6 address with prefix length, in network byte order. */
struct rtnl_prefix {
	uint8_t family;		/* AF_INET or AF_INET6 */
	uint8_t len;		/* prefix length */
	uint8_t addr[16];	/* 4 or 16 bytes used */
};

/* Parses "10.0.0.1/24", "fd00::1/64" or a bare address (full-length
 * prefix). Pure. Returns 0, or -1 if it is not a valid address/prefix. */
int rtnl_prefix_parse(const char *text, struct rtnl_prefix *out);

/* Each builder appends one request (NLM_F_REQUEST|NLM_F_ACK) with sequence
 * number seq; the result is in the buffer's overflow flag. */
void rtnl_link_set(struct nlbuf *b, uint32_t seq, int ifindex, int up,
		   unsigned mtu);	/* mtu 0: leave it */
void rtnl_bridge_add(struct nlbuf *b, uint32_t seq, const char *name);
/* An 802.1Q link NAME on the parent, tagging with vid (1-4094). */
void rtnl_vlan_add(struct nlbuf *b, uint32_t seq, const char *name,
		   int parent_ifindex, unsigned vid);
/*
 * An ip6tnl link NAME carrying IPv4 in IPv6 (ipip6, DS-Lite's B4 side) to
 * remote (16 bytes), its outer packets leaving by link_ifindex (0: any).
 * local (16 bytes) is the outer source; NULL leaves it unset, and then the
 * kernel's ip6tnl sends nothing (ip6_tnl_xmit_ctl needs a configured
 * address) until rtnl_ip6tnl_change sets one. No encapsulation-limit
 * option (IP6_TNL_F_IGN_ENCAP_LIMIT): many AFTRs drop packets carrying
 * it. Hop limit 64. mtu 0: the kernel's (the route's MTU less 40).
 */
void rtnl_ip6tnl_add(struct nlbuf *b, uint32_t seq, const char *name,
		     int link_ifindex, const uint8_t *local,
		     const uint8_t *remote, unsigned mtu);
/* The same settings on the existing tunnel ifindex (a new AFTR or local
 * address): the kernel replaces all of them, so all are sent. */
void rtnl_ip6tnl_change(struct nlbuf *b, uint32_t seq, int ifindex,
			int link_ifindex, const uint8_t *local,
			const uint8_t *remote);
/* Removes a link (a tunnel a live apply no longer wants). */
void rtnl_link_del(struct nlbuf *b, uint32_t seq, int ifindex);
/* IFLA_INFO_DATA of ip6tnl (linux/if_tunnel.h, which clashes with the C
 * library's headers under musl) and linux/ip6_tunnel.h's flag. */
#define RTNL_IPTUN_LINK		1
#define RTNL_IPTUN_LOCAL	2
#define RTNL_IPTUN_REMOTE	3
#define RTNL_IPTUN_TTL		4
#define RTNL_IPTUN_FLAGS	8
#define RTNL_IPTUN_PROTO	9
#define RTNL_IP6_TNL_F_IGN_ENCAP_LIMIT	0x1
#define RTNL_IP6TNL_HOPLIMIT	64
/* Renames the link; the kernel refuses (EBUSY) while it is up. */
void rtnl_link_rename(struct nlbuf *b, uint32_t seq, int ifindex,
		      const char *name);
void rtnl_link_master(struct nlbuf *b, uint32_t seq, int ifindex,
		      int master_ifindex);
void rtnl_addr_add(struct nlbuf *b, uint32_t seq, int ifindex,
		   const struct rtnl_prefix *p);
/* The same with IFA_F_* flags (e.g. IFA_F_NODAD, carried in IFA_FLAGS). */
void rtnl_addr_add_flags(struct nlbuf *b, uint32_t seq, int ifindex,
			 const struct rtnl_prefix *p, uint32_t flags);
/* The same with lifetimes (IFA_CACHEINFO): the kernel deprecates the
 * address after preferred_secs and removes it after valid_secs
 * (0xffffffff: forever). A delegated prefix's LAN address (wan6). */
void rtnl_addr_add_life(struct nlbuf *b, uint32_t seq, int ifindex,
			const struct rtnl_prefix *p, uint32_t flags,
			uint32_t preferred_secs, uint32_t valid_secs);
/* Removes that address (a live apply that dropped it from the config). */
void rtnl_addr_del(struct nlbuf *b, uint32_t seq, int ifindex,
		   const struct rtnl_prefix *p);
/* A route to dst via gateway (gateway NULL: on-link) out of ifindex
 * (0: let the kernel pick from the gateway). */
void rtnl_route_add(struct nlbuf *b, uint32_t seq, const struct rtnl_prefix *dst,
		    const struct rtnl_prefix *gateway, int ifindex);

/* An unreachable route to dst (add) or its removal: the unused part of a
 * delegated prefix must not loop back to the ISP (RFC 7084 WPD-5). */
void rtnl_route_unreachable(struct nlbuf *b, uint32_t seq,
			    const struct rtnl_prefix *dst, int add);
/*
 * Sends the requests in b (sequence numbers seq_lo..seq_hi) on a
 * NETLINK_ROUTE socket and waits for every ACK. EEXIST is not an error
 * (configuration is re-applied on renewals). Returns 0, or the negative
 * errno of the first refused request with its sequence number in
 * *failed_seq and the kernel's message, if any, in msg.
 */
int rtnl_apply(const struct nlbuf *b, uint32_t seq_lo, uint32_t seq_hi,
	       uint32_t *failed_seq, char *msg, size_t msg_size);
/* The same on a NETLINK_ROUTE socket the caller opened (nlsock_open()) and
 * keeps: a daemon under seccomp opens no socket after setup. */
int rtnl_apply_fd(int fd, const struct nlbuf *b, uint32_t seq_lo,
		  uint32_t seq_hi, uint32_t *failed_seq, char *msg,
		  size_t msg_size);

#endif /* KEEL_RTNL_H */
