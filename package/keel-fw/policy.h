/*
 * policy.h - what the firewall should do, independent of nf_tables: zone
 * interfaces, port forwards, ban defaults. Filled from flags or a small
 * policy file (see policy.c for the format); the config-file reader can
 * fill it directly, the mapping is one field per setting.
 */
#ifndef KEEL_FW_POLICY_H
#define KEEL_FW_POLICY_H

#include <stddef.h>
#include <stdint.h>

#define FW_IFNAME_MAX	15	/* IFNAMSIZ - 1 */
#define FW_ZONE_IFS_MAX	8
#define FW_FORWARDS_MAX	1024	/* forwarded ports, a range counting each port */

#define FW_PROTO_TCP	0x1u
#define FW_PROTO_UDP	0x2u

/*
 * One port forward from the wan zone to a lan host.
 * IPv4: always DNAT ext_port to addr:to_port.
 * IPv6: the host has a routable address, so by default it is only an
 * accept of traffic to addr, port ext_port; with dnat set (an alternate
 * address or port was given) wan traffic to ext_port is DNATed to
 * addr:to_port first. Never SNAT: the server sees the real client.
 */
struct fw_forward {
	unsigned protos;	/* FW_PROTO_* */
	uint16_t ext_port;
	uint16_t to_port;
	int family;		/* AF_INET or AF_INET6 */
	uint8_t addr[16];
	int dnat;
};

struct fw_policy {
	char lan[FW_ZONE_IFS_MAX][FW_IFNAME_MAX + 1];
	unsigned n_lan;
	char wan[FW_ZONE_IFS_MAX][FW_IFNAME_MAX + 1];
	unsigned n_wan;
	struct fw_forward fwd[FW_FORWARDS_MAX];
	unsigned n_fwd;
	uint32_t ban_timeout_s;	/* default for `keel-fw ban` */
	uint32_t icmp_echo_per_s;	/* wan echo-request rate limit */
	/* The wan link's MTU, for the fixed MSS clamp of SYNs coming in
	 * from wan (0: unknown, no fixed clamp; see ruleset.c). */
	uint32_t wan_mtu;
	/* DS-Lite (RFC 6333): IPv4 leaves by this tunnel ("": none). It is
	 * wan for IPv4 (filtered, forwarded to from lan, MSS clamped to
	 * dslite_mtu) but never masqueraded: the AFTR does the NAT44. The
	 * wan accepts IPv4-in-IPv6 from the AFTR (from any source when
	 * has_aftr is 0: a name, DHCPv6's or [wan] aftr's, that wan6
	 * resolves; the tunnel itself only takes its own remote's). */
	char dslite[FW_IFNAME_MAX + 1];
	uint32_t dslite_mtu;
	int has_aftr;
	uint8_t aftr[16];
};

#define FW_WAN_MTU_MIN	1280	/* IPv6's minimum: the wan carries both */
#define FW_WAN_MTU_MAX	9000

void fw_policy_init(struct fw_policy *p);

/* Each returns 0, or -1 with a message in err (size >= 1). */
int fw_policy_add_if(struct fw_policy *p, int wan, const char *name,
		     size_t len, char *err, size_t err_size);
/* "PROTO PORT HOST[:PORT]" with PROTO tcp, udp or tcp+udp and HOST an
 * IPv4 address or [IPv6]. */
int fw_forward_parse(const char *s, size_t len, struct fw_forward *f,
		     char *err, size_t err_size);
int fw_policy_add_forward(struct fw_policy *p, const char *s, size_t len,
			  char *err, size_t err_size);
/* The whole policy file; err names the line. */
int fw_policy_parse(const char *text, size_t len, struct fw_policy *p,
		    char *err, size_t err_size);
/* Checks the policy can be loaded (at least one wan interface...). */
int fw_policy_check(const struct fw_policy *p, char *err, size_t err_size);

/* An IPv4 or IPv6 address (no brackets): family and 4/16 bytes. */
int fw_addr_parse(const char *s, size_t len, int *family, uint8_t addr[16]);
/* Decimal number in [min, max]. */
int fw_uint_parse(const char *s, size_t len, uint32_t min, uint32_t max,
		  uint32_t *out);

/* Prints the effective policy in the file format (for -n). */
void fw_policy_print(const struct fw_policy *p, char *out, size_t size);

#endif /* KEEL_FW_POLICY_H */
