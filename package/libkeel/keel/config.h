/*
 * keel/config.h - /etc/keel/keel.conf, the one configuration file of a Keel
 * router: its parsed form, the pure parser, the cross-checks, the canonical
 * printer and the loader init uses. docs/config.md describes the format.
 *
 * Everything is fixed-size (no allocation): each table has a CONFIG_MAX_*
 * maximum, and a file that exceeds one is an error naming the limit.
 * config_parse() zeroes the whole struct first, so two parses of equivalent
 * text compare equal with memcmp() (the round-trip tests rely on it).
 */
#ifndef KEEL_CONFIG_H
#define KEEL_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define CONFIG_PATH_DEFAULT	"/etc/keel/keel.conf"

/* Limits. Strings hold their maximum length plus a NUL. */
#define CONFIG_FILE_MAX		(64 * 1024)	/* config_load() reads */
#define CONFIG_LINE_MAX		2048	/* bytes, without the newline */
#define CONFIG_HOSTNAME_MAX	63	/* one DNS label */
#define CONFIG_DOMAIN_MAX	253	/* a full DNS name */
#define CONFIG_IFNAME_MAX	15	/* Linux IFNAMSIZ - 1 */
#define CONFIG_NAME_MAX		31	/* [lan NAME], [forward NAME] */
#define CONFIG_PATH_MAX		127	/* file paths (blocklist) */
#define CONFIG_SSH_KEY_MAX	1023	/* one authorized_keys line */
#define CONFIG_PPP_TEXT_MAX	63	/* PPPoE user, password, service */
#define CONFIG_MAX_LANS		4
#define CONFIG_MAX_PORTS	8	/* bridge members of one LAN */
#define CONFIG_MAX_ADDRS	4	/* addresses of one interface */
#define CONFIG_MAX_SERVERS	4	/* DNS server lists */
#define CONFIG_MAX_DHCP_ROUTES	8	/* option 121 routes per pool */
#define CONFIG_MAX_DHCP_STATIC	64	/* static leases, all pools */
#define CONFIG_MAX_DNS_HOSTS	64
#define CONFIG_MAX_REBIND_ALLOW	8	/* [dns] rebind-allow domains */
#define CONFIG_MAX_FORWARDS	32
#define CONFIG_MAX_SSH_KEYS	8
#define CONFIG_MAX_SSH_ALLOW	16	/* [ssh] ban-allow */
#define CONFIG_MAX_FLOW_IFACES	4
#define CONFIG_MAX_COLLECTORS	4
#define CONFIG_MAX_PORT_NAMES	16	/* [ports] name lines */

/* An IPv4 or IPv6 address, with a prefix length where the key takes CIDR. */
#define CONFIG_AF_INET	4
#define CONFIG_AF_INET6	6
struct config_addr {
	uint8_t family;		/* 0 (unset), CONFIG_AF_INET, CONFIG_AF_INET6 */
	uint8_t prefix;		/* 0-32 or 0-128; 0 if the key has none */
	uint8_t bytes[16];	/* network order; IPv4 uses the first 4 */
};

/* An address and UDP/TCP port (syslog target, flow collector). */
struct config_endpoint {
	struct config_addr addr;
	uint16_t port;
};

/* "N/s", "N/m", "N/h", or off (count 0). */
struct config_rate {
	uint32_t count;
	uint32_t per_seconds;	/* 1, 60 or 3600 */
};

enum config_wan_mode {
	CONFIG_WAN_DHCP = 0,	/* busybox udhcpc */
	CONFIG_WAN_STATIC,
	CONFIG_WAN_PPPOE,	/* pppd with rp-pppoe built in, on ppp0 */
};

/* The PPP interface a PPPoE WAN's pppd makes (pppd's "ifname"). */
#define CONFIG_WAN_PPP_IFNAME	"ppp0"
/* A PPPoE frame carries 8 bytes of PPPoE and PPP header in 1500. */
#define CONFIG_PPPOE_MTU_DEFAULT 1492

/* [wan] dhcpv6: when wan6 runs DHCPv6 on the WAN (RFC 7084 WPD-4). */
enum config_wan_dhcpv6 {
	CONFIG_DHCPV6_AUTO = 0,	/* when a Router Advertisement has M or O */
	CONFIG_DHCPV6_ON,	/* always */
	CONFIG_DHCPV6_OFF,	/* never: wan6 is not started */
};

/* [wan] ipv4: how IPv4 reaches the Internet. DS-Lite (RFC 6333): the
 * router is the B4, its IPv4 rides in IPv6 to the ISP's AFTR, which does
 * the NAT44; no DHCPv4 on the WAN and no NAT on the router. */
enum config_wan_ipv4 {
	CONFIG_WAN_IPV4_NATIVE = 0,
	CONFIG_WAN_IPV4_DSLITE,
};

/* The DS-Lite tunnel (ip6tnl, ipip6) and its MTU: 1500 less the outer
 * IPv6 header. RFC 6333 5.7 well-known B4 address 192.0.0.2/29 (the
 * AFTR's side is 192.0.0.1). */
#define CONFIG_DSLITE_IFNAME	"dslite0"
#define CONFIG_DSLITE_MTU	1460
#define CONFIG_DSLITE_HDR	40	/* the outer IPv6 header */

enum config_proto {
	CONFIG_PROTO_TCP = 1,
	CONFIG_PROTO_UDP = 2,
	CONFIG_PROTO_BOTH = 3,	/* bit mask: tcp | udp */
};

struct config_wan {
	bool present;		/* no [wan] section: the WAN stays down */
	char interface[CONFIG_IFNAME_MAX + 1];
	enum config_wan_mode mode;
	uint8_t n_addrs;
	struct config_addr addrs[CONFIG_MAX_ADDRS];	/* static only */
	struct config_addr gateway4;			/* static only */
	struct config_addr gateway6;			/* static only */
	uint8_t n_dns;
	struct config_addr dns[CONFIG_MAX_SERVERS];	/* static only */
	bool accept_ra;
	uint16_t vlan;		/* 802.1Q tag on interface; 0: untagged */
	uint16_t mtu;		/* 0: the link's own; PPPoE: 1492 */
	char ppp_user[CONFIG_PPP_TEXT_MAX + 1];		/* pppoe only */
	char ppp_password[CONFIG_PPP_TEXT_MAX + 1];	/* never printed */
	char ppp_service[CONFIG_PPP_TEXT_MAX + 1];	/* "" any */
	enum config_wan_dhcpv6 dhcpv6;
	enum config_wan_ipv4 ipv4;
	/* dslite only, at most one of the two: the AFTR's IPv6 address, or
	 * its DNS name (wan6 resolves it, as it would option 64's); neither:
	 * DHCPv6 names it (OPTION_AFTR_NAME, RFC 6334). */
	struct config_addr aftr;
	char aftr_name[CONFIG_DOMAIN_MAX + 1];
};

/*
 * The WAN's interfaces, derived: the link its frames use (interface, or
 * interface.VLAN when tagged) and the one its IP traffic uses (ppp0 for
 * PPPoE, else the link). The firewall's WAN, NAT and routes go on the
 * latter; udhcpc and pppd run on the former. out holds IFNAMSIZ bytes;
 * config validation makes sure the VLAN name fits.
 */
void config_wan_link(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1]);
void config_wan_l3(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1]);
/* The MTU in effect: the key, or PPPoE's default, or 0 (leave it). */
unsigned config_wan_mtu(const struct config_wan *wan);
/* Where IPv4 leaves: dslite0 under ipv4 dslite, else config_wan_l3's. */
void config_wan_l3_v4(const struct config_wan *wan, char out[CONFIG_IFNAME_MAX + 1]);
/* The DS-Lite tunnel's MTU: 1460, or the WAN's MTU less 40 when that is
 * smaller (PPPoE 1492 -> 1452). */
unsigned config_wan_dslite_mtu(const struct config_wan *wan);
/* The DS-Lite tunnel's local end when the config fixes it: a static WAN's
 * first IPv6 address (16 bytes), else NULL (wan6 learns it at run time
 * from DHCPv6, SLAAC or the delegated prefix). */
const uint8_t *config_wan_dslite_local(const struct config_wan *wan);
/* Does [wan] run wan6: DHCPv6 not off, or DS-Lite with no static local
 * end or with aftr by name (wan6 then only follows the WAN's addresses
 * for the tunnel, or resolves the name)? */
bool config_wan_runs_wan6(const struct config_wan *wan);

struct config_lan {
	char name[CONFIG_NAME_MAX + 1];
	/* The interface itself, or the bridge to create when ports are set. */
	char interface[CONFIG_IFNAME_MAX + 1];
	uint8_t n_ports;
	char ports[CONFIG_MAX_PORTS][CONFIG_IFNAME_MAX + 1];
	uint8_t n_addrs;
	struct config_addr addrs[CONFIG_MAX_ADDRS];
	/* Which /64 of a delegated prefix this LAN gets (wan6); default:
	 * the section's index in the file. */
	uint16_t subnet_id;
};

struct config_route {
	struct config_addr dest;	/* IPv4 CIDR */
	struct config_addr gateway;
};

struct config_dhcp_pool {
	char lan[CONFIG_NAME_MAX + 1];	/* the [lan NAME] it serves */
	uint8_t lan_index;		/* resolved by config_parse() */
	struct config_addr range_start, range_end;
	uint32_t lease_seconds;
	struct config_addr router;	/* default: the LAN's IPv4 address */
	uint8_t n_dns;
	/* Default: the router, if dnsd runs. */
	struct config_addr dns[CONFIG_MAX_SERVERS];
	char domain[CONFIG_DOMAIN_MAX + 1];	/* default: [dns] domain */
	uint16_t mtu;			/* option 26; 0: not sent */
	uint8_t n_routes;
	struct config_route routes[CONFIG_MAX_DHCP_ROUTES]; /* option 121 */
	struct config_rate rate_limit;	/* per client MAC */
	/* Per pool: addresses taken by clients with no lease or offer. */
	struct config_rate new_lease_rate;
};

struct config_dhcp_static {
	uint8_t pool;			/* index into dhcp[] */
	uint8_t mac[6];
	struct config_addr addr;
	char hostname[CONFIG_HOSTNAME_MAX + 1];	/* may be empty */
};

struct config_dns_host {
	char name[CONFIG_DOMAIN_MAX + 1];
	struct config_addr addr;
};

struct config_dns {
	uint8_t n_upstreams;		/* 0: the servers WAN learned */
	struct config_addr upstreams[CONFIG_MAX_SERVERS];
	char domain[CONFIG_DOMAIN_MAX + 1];
	uint32_t cache_bytes;
	uint32_t negative_ttl_max;	/* seconds: cap for NXDOMAIN/NODATA */
	uint8_t n_hosts;
	struct config_dns_host hosts[CONFIG_MAX_DNS_HOSTS];
	char blocklist[CONFIG_PATH_MAX + 1];	/* empty: none */
	bool query_log;
	struct config_rate query_log_rate;
	struct config_rate client_rate_limit;
	/* Drop upstream answers that give names private addresses, but
	 * for names under rebind_allow (dnsd's rebind.h). */
	bool rebind_protection;
	uint8_t n_rebind_allow;
	char rebind_allow[CONFIG_MAX_REBIND_ALLOW][CONFIG_DOMAIN_MAX + 1];
};

struct config_forward {
	char name[CONFIG_NAME_MAX + 1];
	enum config_proto proto;
	uint8_t family;			/* of to_addr */
	uint16_t port_first, port_last;	/* external, on the WAN */
	struct config_addr to_addr;
	uint16_t to_port;		/* internal first port */
};

struct config_services {
	bool dnsd, dhcpd, flowd, logd, sshd;
};

struct config_ssh {
	bool password;
	bool lan_only;
	uint16_t port;
	uint16_t ban_after;	/* failed logins that ban a source; 0 = off */
	uint32_t ban_seconds;	/* first ban; logd doubles it per repeat */
	uint8_t ban_prefix6;	/* IPv6 bans cover this /len (48-128) */
	struct config_rate probe_limit;	/* connections without auth */
	uint8_t n_ban_allow;
	struct config_addr ban_allow[CONFIG_MAX_SSH_ALLOW];	/* prefix set */
	uint8_t n_keys;
	char keys[CONFIG_MAX_SSH_KEYS][CONFIG_SSH_KEY_MAX + 1];
};

struct config_log {
	uint32_t ring_bytes;
	bool remote_set;
	struct config_endpoint remote;
	enum config_proto remote_proto;	/* TCP or UDP */
};

struct config_flow {
	bool present;
	uint8_t n_interfaces;
	char interfaces[CONFIG_MAX_FLOW_IFACES][CONFIG_IFNAME_MAX + 1];
	uint8_t n_collectors;
	struct config_endpoint collectors[CONFIG_MAX_COLLECTORS];
	uint8_t version;		/* 5, 9 or 10 (IPFIX) */
};

/* [ports]: physical Ethernet ports named by MAC; init names every other
 * one eth0, eth1, ... in bus-address order (package/init/portnames.h). */
struct config_port_name {
	char name[CONFIG_IFNAME_MAX + 1];
	uint8_t mac[6];
};

struct config_ports {
	uint8_t n_names;
	struct config_port_name names[CONFIG_MAX_PORT_NAMES];
};

struct keel_config {
	char hostname[CONFIG_HOSTNAME_MAX + 1];
	uint32_t trial_seconds;	/* a trial boot's time to become healthy */
	struct config_wan wan;
	uint8_t n_lans;
	struct config_lan lans[CONFIG_MAX_LANS];
	uint8_t n_dhcp;
	struct config_dhcp_pool dhcp[CONFIG_MAX_LANS];
	uint8_t n_dhcp_static;
	struct config_dhcp_static dhcp_static[CONFIG_MAX_DHCP_STATIC];
	struct config_dns dns;
	uint8_t n_forwards;
	struct config_forward forwards[CONFIG_MAX_FORWARDS];
	struct config_services services;
	struct config_ssh ssh;
	struct config_log log;
	struct config_flow flow;
	struct config_ports ports;
};

/* Where and why parsing failed. */
struct config_error {
	unsigned line;		/* 1-based; 0 for cross-section errors */
	unsigned column;	/* 1-based byte column; 0 when not known */
	/* The full message, location first: "line 12, column 7: [dhcp lan]
	 * range: 10.0.0.300 is not an IPv4 address". */
	char msg[256];
};

/*
 * Parses len bytes of buf (need not be NUL-terminated) into out, fills
 * defaults for absent keys, then runs config_validate(). Pure: no I/O, no
 * allocation, no globals. Returns 0, or -1 with err filled (out is then
 * unspecified).
 */
int config_parse(const char *buf, size_t len, struct keel_config *out,
		 struct config_error *err);

/* Cross-checks between sections (DHCP ranges inside their LAN, forward
 * targets on a LAN, no interface used twice...). Returns 0 or -1. */
int config_validate(const struct keel_config *cfg, struct config_error *err);

/* Writes cfg in canonical form: every effective setting, fixed order, so
 * config_parse() of the output gives back an identical struct. */
void config_print(const struct keel_config *cfg, FILE *out);
/* The same without secrets (the PPPoE password becomes a comment): what
 * init's run-time snapshot, keel-config get/print and init -n show. It
 * parses back to cfg minus those secrets. */
void config_print_public(const struct keel_config *cfg, FILE *out);

/* The built-in safe default: LAN 10.0.0.1/24 on eth1 with DHCP, DNS and
 * LAN-only SSH (password off), WAN down. Parsed by config_parse() like any
 * file, so it is always valid (a unit test proves it). */
extern const char config_safe_default_text[];
int config_safe_default(struct keel_config *out);

/* Reads path (at most CONFIG_FILE_MAX bytes) and parses it. Returns 0, or
 * -1 with err filled (I/O errors too, with line 0). */
int config_load(const char *path, struct keel_config *out,
		struct config_error *err);

/*
 * For init and daemons: config_load(), and when that fails logs why with
 * logx_err() and fills out with the safe default instead, so a bad edit
 * never leaves the router unreachable. The file's own authorized-key lines
 * are kept (see config_salvage_keys()), so its owner can still log in.
 * Returns 0 if path was used, 1 if the default was.
 */
int config_load_or_default(const char *path, struct keel_config *out);

/*
 * Fills out with the safe default plus every "authorized-key" line of buf
 * (a file that failed to parse) that the parser accepts on its own, up to
 * CONFIG_MAX_SSH_KEYS; nothing else of buf is trusted. Pure. Returns the
 * number of keys kept, or -1 if the default itself failed.
 */
int config_salvage_keys(const char *buf, size_t len, struct keel_config *out);

/* A duration as keel.conf writes it ("120", "90s", "2m", "1h") within
 * [min, max] seconds, for commands that take one. Returns NULL, or why
 * not ("is not a duration", "is out of range ..."). */
const char *config_duration_parse(const char *s, uint32_t min, uint32_t max,
				  uint32_t *seconds);

/* Calls cb for every key the parser knows, with its section's name (""
 * for the top level): what docs/config.md must document, no more. */
void config_each_key(void (*cb)(const char *section, const char *key, void *ctx),
		     void *ctx);

/* Index of the LAN named name, or -1. */
int config_lan_find(const struct keel_config *cfg, const char *name);

/* Formats an address ("10.0.0.1", "fd00::1", with "/prefix" if with_prefix)
 * into buf (at least CONFIG_ADDR_STRLEN bytes). Returns buf. */
#define CONFIG_ADDR_STRLEN 50
const char *config_addr_str(const struct config_addr *addr, bool with_prefix,
			    char *buf, size_t size);

#endif /* KEEL_CONFIG_H */
