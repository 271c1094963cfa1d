/*
 * dhcp_wire.h - BOOTP/DHCPv4 packets (RFC 951, 2131, 2132, 3442) as plain
 * structs: a pure parser and a pure builder over byte buffers, no I/O.
 *
 * Addresses are in host byte order throughout; only the wire is big-endian.
 */
#ifndef DHCPD_DHCP_WIRE_H
#define DHCPD_DHCP_WIRE_H

#include <stddef.h>
#include <stdint.h>

#define DHCP_SERVER_PORT 67
#define DHCP_CLIENT_PORT 68

/* Fixed header (236) + magic cookie (4). */
#define DHCP_FIXED_LEN 236
#define DHCP_MIN_LEN (DHCP_FIXED_LEN + 4)
/* RFC 1542: some relays and BOOTP clients drop anything shorter. */
#define DHCP_BOOTP_MIN_LEN 300
/* Largest reply we build: fits a 576-byte IP datagram (RFC 2131 2). */
#define DHCP_REPLY_MAX 548

#define DHCP_FLAG_BROADCAST 0x8000u

enum dhcp_msg_type {
	DHCPDISCOVER = 1, DHCPOFFER, DHCPREQUEST, DHCPDECLINE, DHCPACK,
	DHCPNAK, DHCPRELEASE, DHCPINFORM,
};

enum dhcp_opt {
	OPT_PAD = 0, OPT_SUBNET_MASK = 1, OPT_ROUTER = 3, OPT_DNS = 6,
	OPT_HOSTNAME = 12, OPT_DOMAIN = 15, OPT_MTU = 26, OPT_REQUESTED_IP = 50,
	OPT_LEASE_TIME = 51, OPT_OVERLOAD = 52, OPT_MSG_TYPE = 53,
	OPT_SERVER_ID = 54, OPT_PARAM_LIST = 55, OPT_MESSAGE = 56,
	OPT_MAX_SIZE = 57, OPT_RENEWAL = 58, OPT_REBINDING = 59,
	OPT_CLIENT_ID = 61, OPT_FQDN = 81, OPT_CLASSLESS_ROUTES = 121,
	OPT_END = 255,
};

/* Parse results. */
enum dhcp_err {
	DHCP_OK = 0,
	DHCP_ERR_SHORT,		/* shorter than header + cookie */
	DHCP_ERR_COOKIE,	/* not DHCP (plain BOOTP or garbage) */
	DHCP_ERR_OP,		/* op is neither BOOTREQUEST nor BOOTREPLY */
	DHCP_ERR_HLEN,		/* hardware address longer than chaddr */
	DHCP_ERR_TRUNCATED,	/* an option runs past its field */
	DHCP_ERR_BAD_OPTION,	/* an option has an impossible length */
	DHCP_ERR_NO_TYPE,	/* no message type (53): BOOTP, not served */
};

#define DHCP_CLIENT_ID_MAX 64
#define DHCP_HOSTNAME_MAX 63
#define DHCP_PARAMS_MAX 64

/* What the server needs from a client's packet. Strings are copied, so the
 * struct outlives the receive buffer. */
struct dhcp_msg {
	uint8_t op, htype, hlen, hops;
	uint32_t xid;
	uint16_t secs, flags;
	uint32_t ciaddr, yiaddr, siaddr, giaddr;
	uint8_t chaddr[16];

	uint8_t msg_type;		/* 0: none */
	uint32_t requested_ip;		/* 0: none */
	uint32_t server_id;		/* 0: none */
	uint32_t lease_time;		/* 0: none */
	uint32_t renewal_time;		/* 0: none (in replies: T1) */
	uint32_t rebinding_time;	/* 0: none (in replies: T2) */
	uint16_t max_size;		/* 0: none */
	uint8_t client_id_len;		/* 0: none */
	uint8_t client_id[DHCP_CLIENT_ID_MAX];
	uint8_t hostname_len;		/* 0: none; from 12, else from 81 */
	char hostname[DHCP_HOSTNAME_MAX + 1];
	uint8_t params_len;
	uint8_t params[DHCP_PARAMS_MAX];
	uint8_t overload;		/* option 52 value, 0 if absent */
	uint8_t saw_end;		/* END seen in the options field */
};

/*
 * Parses one packet. Every read is bounds-checked; options in sname/file are
 * read only when option 52 says so. A missing END is tolerated (the field
 * simply ends: some embedded clients omit it), an option running past the
 * end of its field is not. When an option occurs twice the first wins.
 * Returns DHCP_OK or a dhcp_err.
 */
int dhcp_parse(const uint8_t *p, size_t n, struct dhcp_msg *out);
const char *dhcp_strerror(int err);
const char *dhcp_type_name(unsigned type);
/* 1 if the client asked for option code in its parameter list (55). */
int dhcp_wants(const struct dhcp_msg *m, uint8_t code);

/* Sized for keel.conf's maxima (keel/config.h): 4 DNS servers, a full
 * 253-character domain, 8 option 121 routes plus the default route the
 * server appends (RFC 3442). */
#define DHCP_DNS_MAX 4
#define DHCP_ROUTES_MAX 9
#define DHCP_DOMAIN_MAX 253

struct dhcp_route {
	uint32_t dest;
	uint8_t prefix;		/* 0..32 */
	uint32_t gateway;
};

/* A reply, as the server decided it. Zero fields are left out. */
struct dhcp_reply {
	uint8_t msg_type;
	uint32_t xid;
	uint16_t flags;
	uint32_t ciaddr, yiaddr, siaddr, giaddr;
	uint8_t htype, hlen;
	uint8_t chaddr[16];

	uint32_t server_id;
	uint32_t lease_time, renewal_time, rebinding_time;
	uint32_t subnet_mask;
	uint32_t router;
	uint32_t dns[DHCP_DNS_MAX];
	unsigned dns_count;
	char domain[DHCP_DOMAIN_MAX + 1];
	uint16_t mtu;
	struct dhcp_route routes[DHCP_ROUTES_MAX];
	unsigned route_count;
	const char *message;	/* option 56, for NAKs */
	uint8_t client_id_len;	/* echoed (RFC 6842) */
	uint8_t client_id[DHCP_CLIENT_ID_MAX];
};

/* Encodes routes as option 121's value (RFC 3442: destination cut to
 * ceil(prefix/8) octets). Returns the length, or 0 if it does not fit. */
size_t dhcp_encode_routes(const struct dhcp_route *routes, unsigned count,
			  uint8_t *out, size_t size);

/* Builds the reply into buf (at least DHCP_REPLY_MAX bytes), padded to 300
 * bytes, never longer than DHCP_REPLY_MAX. Options that do not fit the
 * options field go into file and sname (option 52, RFC 2131 4.1), so even
 * a maximal configuration is answered. Returns the length, or 0 if size is
 * too small or the options do not fit all three fields. */
size_t dhcp_build(const struct dhcp_reply *r, uint8_t *buf, size_t size);

#endif /* DHCPD_DHCP_WIRE_H */
