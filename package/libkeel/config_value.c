/*
 * config_value.c - keel.conf's value types: addresses, numbers, durations,
 * sizes, rates, names. Pure functions over one token.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "keel/hex.h"

#include "config_value.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alnum(char c)
{
	return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}


/* Decimal without sign or leading zeros ("0" itself is fine), <= max. */
static bool parse_dec(const char *s, size_t n, uint32_t max, uint32_t *out)
{
	uint64_t v = 0;

	if (n == 0 || n > 10 || (n > 1 && s[0] == '0'))
		return false;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return false;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v > max)
		return false;
	*out = (uint32_t)v;
	return true;
}

/* Dotted quad, four decimal octets, no leading zeros (they read as octal to
 * some tools, so "010" is refused rather than guessed). */
static bool parse_ipv4(const char *s, size_t n, uint8_t out[4])
{
	size_t pos = 0;

	for (int i = 0; i < 4; i++) {
		size_t start = pos;
		uint32_t octet;

		while (pos < n && s[pos] != '.')
			pos++;
		if (!parse_dec(s + start, pos - start, 255, &octet))
			return false;
		out[i] = (uint8_t)octet;
		if (i < 3) {
			if (pos >= n)
				return false;
			pos++;
		}
	}
	return pos == n;
}

static bool parse_ipv6(const char *s, size_t n, uint8_t out[16])
{
	char text[48];

	if (n == 0 || n >= sizeof(text) || memchr(s, '%', n))
		return false;
	memcpy(text, s, n);
	text[n] = '\0';
	return inet_pton(AF_INET6, text, out) == 1;
}

const char *config_val_addr(const char *s, size_t n, int family,
			    struct config_addr *out)
{
	struct config_addr a;

	memset(&a, 0, sizeof(a));
	if (family != CONFIG_AF_INET6 && parse_ipv4(s, n, a.bytes)) {
		a.family = CONFIG_AF_INET;
	} else if (family != CONFIG_AF_INET && memchr(s, ':', n) &&
		   parse_ipv6(s, n, a.bytes)) {
		a.family = CONFIG_AF_INET6;
	} else {
		return family == CONFIG_AF_INET ? "is not an IPv4 address" :
		       family == CONFIG_AF_INET6 ? "is not an IPv6 address" :
		       "is not an IPv4 or IPv6 address";
	}
	*out = a;
	return NULL;
}

const char *config_val_cidr(const char *s, size_t n, int family,
			    struct config_addr *out)
{
	const char *slash = memchr(s, '/', n);
	struct config_addr a;
	uint32_t prefix;
	const char *why;

	if (!slash)
		return "has no /prefix (write it as address/prefix)";
	why = config_val_addr(s, (size_t)(slash - s), family, &a);
	if (why)
		return family == CONFIG_AF_INET ?
		       "is not an IPv4 address/prefix" :
		       family == CONFIG_AF_INET6 ?
		       "is not an IPv6 address/prefix" :
		       "is not an IPv4 or IPv6 address/prefix";
	if (!parse_dec(slash + 1, n - (size_t)(slash + 1 - s),
		       a.family == CONFIG_AF_INET ? 32 : 128, &prefix))
		return a.family == CONFIG_AF_INET ?
		       "has a bad prefix length (0-32)" :
		       "has a bad prefix length (0-128)";
	a.prefix = (uint8_t)prefix;
	*out = a;
	return NULL;
}

const char *config_val_endpoint(const char *s, size_t n, uint16_t default_port,
				struct config_endpoint *out)
{
	struct config_endpoint ep;
	const char *host = s, *port = NULL;
	size_t host_len = n, port_len = 0;
	uint32_t p;

	memset(&ep, 0, sizeof(ep));
	if (n > 0 && s[0] == '[') {
		const char *close = memchr(s, ']', n);

		if (!close)
			return "has '[' without ']'";
		host = s + 1;
		host_len = (size_t)(close - host);
		if (close + 1 < s + n) {
			if (close[1] != ':')
				return "has text after ']' that is not :port";
			port = close + 2;
			port_len = n - (size_t)(port - s);
		}
		if (config_val_addr(host, host_len, CONFIG_AF_INET6, &ep.addr))
			return "is not an [IPv6 address]";
	} else {
		const char *colon = memchr(s, ':', n);

		if (colon && memchr(colon + 1, ':', n - (size_t)(colon - s) - 1))
			return "is an IPv6 address without [brackets] (write [addr]:port)";
		if (colon) {
			host_len = (size_t)(colon - s);
			port = colon + 1;
			port_len = n - host_len - 1;
		}
		if (config_val_addr(host, host_len, CONFIG_AF_INET, &ep.addr))
			return "is not an IPv4 address[:port] or [IPv6 address][:port]";
	}
	if (port) {
		if (!parse_dec(port, port_len, 65535, &p) || p == 0)
			return "has a bad port (1-65535)";
		ep.port = (uint16_t)p;
	} else {
		ep.port = default_port;
	}
	*out = ep;
	return NULL;
}

const char *config_val_mac(const char *s, size_t n, uint8_t mac[6])
{
	uint8_t m[6];

	if (mac_parse(s, n, m) < 0)
		return "is not a MAC address (xx:xx:xx:xx:xx:xx)";
	if (m[0] & 1)
		return "is a multicast MAC address, not a client's";
	memcpy(mac, m, 6);
	return NULL;
}

const char *config_val_uint(const char *s, size_t n, uint32_t min, uint32_t max,
			    uint32_t *out)
{
	uint32_t v;

	if (!parse_dec(s, n, UINT32_MAX, &v))
		return "is not a number";
	if (v < min || v > max)
		return "is out of range";
	*out = v;
	return NULL;
}

const char *config_val_duration(const char *s, size_t n, uint32_t min,
				uint32_t max, uint32_t *out)
{
	uint32_t mult = 1, v;

	if (n > 1 && !is_digit(s[n - 1])) {
		switch (s[n - 1]) {
		case 's': mult = 1; break;
		case 'm': mult = 60; break;
		case 'h': mult = 3600; break;
		case 'd': mult = 86400; break;
		default:
			return "is not a duration (like 3600, 45s, 30m, 12h, 7d)";
		}
		n--;
	}
	if (!parse_dec(s, n, UINT32_MAX / mult, &v))
		return "is not a duration (like 3600, 45s, 30m, 12h, 7d)";
	v *= mult;
	if (v < min || v > max)
		return "is out of range";
	*out = v;
	return NULL;
}

const char *config_val_size(const char *s, size_t n, uint32_t min, uint32_t max,
			    uint32_t *out)
{
	uint32_t mult = 1, v;

	if (n > 1 && !is_digit(s[n - 1])) {
		switch (s[n - 1]) {
		case 'K': case 'k': mult = 1024; break;
		case 'M': case 'm': mult = 1024 * 1024; break;
		default:
			return "is not a size (like 65536, 64K, 1M)";
		}
		n--;
	}
	if (!parse_dec(s, n, UINT32_MAX / mult, &v))
		return "is not a size (like 65536, 64K, 1M)";
	v *= mult;
	if (v < min || v > max)
		return "is out of range";
	*out = v;
	return NULL;
}

const char *config_val_rate(const char *s, size_t n, struct config_rate *out)
{
	const char *slash = memchr(s, '/', n);
	uint32_t count, per;

	if (n == 3 && memcmp(s, "off", 3) == 0) {
		out->count = 0;
		out->per_seconds = 0;
		return NULL;
	}
	if (!slash || slash + 2 != s + n)
		return "is not a rate (like 10/s, 30/m, 100/h, or off)";
	switch (slash[1]) {
	case 's': per = 1; break;
	case 'm': per = 60; break;
	case 'h': per = 3600; break;
	default:
		return "is not a rate (like 10/s, 30/m, 100/h, or off)";
	}
	if (!parse_dec(s, (size_t)(slash - s), 1000000, &count) || count == 0)
		return "is not a rate (count 1-1000000, or off)";
	out->count = count;
	out->per_seconds = per;
	return NULL;
}

const char *config_val_bool(const char *s, size_t n, bool *out)
{
	if (n == 2 && memcmp(s, "on", 2) == 0)
		*out = true;
	else if (n == 3 && memcmp(s, "off", 3) == 0)
		*out = false;
	else
		return "is not on or off";
	return NULL;
}

const char *config_val_port_range(const char *s, size_t n, uint16_t *first,
				  uint16_t *last)
{
	const char *dash = memchr(s, '-', n);
	uint32_t a, b;

	if (!dash) {
		if (!parse_dec(s, n, 65535, &a) || a == 0)
			return "is not a port (1-65535) or range (8000-8010)";
		b = a;
	} else if (!parse_dec(s, (size_t)(dash - s), 65535, &a) || a == 0 ||
		   !parse_dec(dash + 1, n - (size_t)(dash - s) - 1, 65535, &b) ||
		   b == 0) {
		return "is not a port (1-65535) or range (8000-8010)";
	} else if (b <= a) {
		return "is a range whose end is not above its start";
	}
	*first = (uint16_t)a;
	*last = (uint16_t)b;
	return NULL;
}

const char *config_val_proto(const char *s, size_t n, enum config_proto *out)
{
	if (n == 3 && memcmp(s, "tcp", 3) == 0)
		*out = CONFIG_PROTO_TCP;
	else if (n == 3 && memcmp(s, "udp", 3) == 0)
		*out = CONFIG_PROTO_UDP;
	else if (n == 4 && memcmp(s, "both", 4) == 0)
		*out = CONFIG_PROTO_BOTH;
	else
		return "is not tcp, udp or both";
	return NULL;
}

static bool is_label(const char *s, size_t n)
{
	if (n == 0 || n > CONFIG_HOSTNAME_MAX || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-')
			return false;
	return true;
}

const char *config_val_hostname(const char *s, size_t n, char *out)
{
	if (!is_label(s, n))
		return "is not a host name (1-63 of A-Z a-z 0-9 -, no '-' at either end)";
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

const char *config_val_domain(const char *s, size_t n, char *out)
{
	size_t start = 0;

	if (n == 0 || n > CONFIG_DOMAIN_MAX)
		return "is not a domain name (at most 253 characters)";
	for (size_t i = 0; i <= n; i++) {
		if (i < n && s[i] != '.')
			continue;
		if (!is_label(s + start, i - start))
			return "is not a domain name (labels of A-Z a-z 0-9 -, dot-separated)";
		start = i + 1;
	}
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

const char *config_val_ifname(const char *s, size_t n, char *out)
{
	if (n == 0 || n > CONFIG_IFNAME_MAX)
		return "is not an interface name (1-15 characters)";
	if ((n == 1 && s[0] == '.') || (n == 2 && memcmp(s, "..", 2) == 0))
		return "is not an interface name";
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_' &&
		    s[i] != '.' && s[i] != '@')
			return "is not an interface name (A-Z a-z 0-9 - _ . @)";
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

const char *config_val_name(const char *s, size_t n, char *out)
{
	if (n == 0 || n > CONFIG_NAME_MAX)
		return "is not a section name (1-31 characters)";
	for (size_t i = 0; i < n; i++)
		if (!is_alnum(s[i]) && s[i] != '-' && s[i] != '_')
			return "is not a section name (A-Z a-z 0-9 - _)";
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

/* PPPoE user, password, service: written into pppd's options file inside
 * double quotes, so no quote or backslash; the config's tokens end at a
 * space and a '#' starts a comment. */
const char *config_val_ppp_text(const char *s, size_t n, char *out)
{
	if (n == 0 || n > CONFIG_PPP_TEXT_MAX)
		return "is not 1-63 characters";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e ||
		    s[i] == '"' || s[i] == '\\')
			return "has a character PPP options cannot carry "
			       "(printable ASCII only, no \" or \\)";
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

const char *config_val_path(const char *s, size_t n, char *out)
{
	if (n == 0 || s[0] != '/')
		return "is not an absolute path";
	if (n > CONFIG_PATH_MAX)
		return "is longer than 127 bytes";
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x21 || (unsigned char)s[i] > 0x7e)
			return "has a byte outside printable ASCII";
	memcpy(out, s, n);
	out[n] = '\0';
	return NULL;
}

bool config_addr_in_subnet(const struct config_addr *addr,
			   const struct config_addr *net)
{
	unsigned bits = net->prefix;

	if (addr->family != net->family)
		return false;
	for (unsigned i = 0; i < 16 && bits > 0; i++) {
		uint8_t mask = bits >= 8 ? 0xff : (uint8_t)(0xff << (8 - bits));

		if ((addr->bytes[i] & mask) != (net->bytes[i] & mask))
			return false;
		bits = bits >= 8 ? bits - 8 : 0;
	}
	return true;
}

bool config_addr_equal(const struct config_addr *a, const struct config_addr *b)
{
	return a->family == b->family &&
	       memcmp(a->bytes, b->bytes, sizeof(a->bytes)) == 0;
}

uint32_t config_addr_v4(const struct config_addr *addr)
{
	return (uint32_t)addr->bytes[0] << 24 | (uint32_t)addr->bytes[1] << 16 |
	       (uint32_t)addr->bytes[2] << 8 | addr->bytes[3];
}

const char *config_addr_str(const struct config_addr *addr, bool with_prefix,
			    char *buf, size_t size)
{
	char text[48];
	size_t len;

	if (addr->family == CONFIG_AF_INET) {
		snprintf(text, sizeof(text), "%u.%u.%u.%u", addr->bytes[0],
			 addr->bytes[1], addr->bytes[2], addr->bytes[3]);
	} else if (addr->family == CONFIG_AF_INET6) {
		if (!inet_ntop(AF_INET6, addr->bytes, text, sizeof(text)))
			strcpy(text, "?");
	} else {
		strcpy(text, "none");
	}
	len = strlen(text);
	if (with_prefix && addr->family)
		snprintf(text + len, sizeof(text) - len, "/%u", addr->prefix);
	snprintf(buf, size, "%s", text);
	return buf;
}

void config_fmt_duration(uint32_t seconds, char *buf, size_t size)
{
	if (seconds && seconds % 86400 == 0)
		snprintf(buf, size, "%ud", seconds / 86400);
	else if (seconds && seconds % 3600 == 0)
		snprintf(buf, size, "%uh", seconds / 3600);
	else if (seconds && seconds % 60 == 0)
		snprintf(buf, size, "%um", seconds / 60);
	else
		snprintf(buf, size, "%us", seconds);
}

void config_fmt_size(uint32_t bytes, char *buf, size_t size)
{
	if (bytes && bytes % (1024 * 1024) == 0)
		snprintf(buf, size, "%uM", bytes / (1024 * 1024));
	else if (bytes && bytes % 1024 == 0)
		snprintf(buf, size, "%uK", bytes / 1024);
	else
		snprintf(buf, size, "%u", bytes);
}

void config_fmt_rate(const struct config_rate *rate, char *buf, size_t size)
{
	if (!rate->count)
		snprintf(buf, size, "off");
	else
		snprintf(buf, size, "%u/%c", rate->count,
			 rate->per_seconds == 1 ? 's' :
			 rate->per_seconds == 60 ? 'm' : 'h');
}

const char *config_duration_parse(const char *s, uint32_t min, uint32_t max,
				  uint32_t *seconds)
{
	return config_val_duration(s, strlen(s), min, max, seconds);
}
