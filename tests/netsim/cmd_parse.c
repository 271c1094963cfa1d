/* Parsers for netsim's command lines: pure functions over strings. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_parse.h"

int cmd_split(char *line, char **argv, int max)
{
	int argc = 0;
	char *p = line;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
			p++;
		if (*p == '\0')
			return argc;
		if (argc == max)
			return -1;
		if (*p == '"') {
			char *end = strchr(p + 1, '"');

			if (end == NULL)
				return -1;
			argv[argc++] = p + 1;
			*end = '\0';
			p = end + 1;
			continue;
		}
		argv[argc++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n')
			p++;
		if (*p != '\0')
			*p++ = '\0';
	}
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int parse_mac(const char *s, uint8_t mac[6])
{
	for (int i = 0; i < 6; i++) {
		int hi = hexval(s[0]), lo = hi < 0 ? -1 : hexval(s[1]);

		if (hi < 0 || lo < 0)
			return -1;
		mac[i] = (uint8_t)(hi << 4 | lo);
		s += 2;
		if (i < 5 && *s++ != ':')
			return -1;
	}
	return *s == '\0' ? 0 : -1;
}

int parse_ulong(const char *s, unsigned long max, unsigned long *out)
{
	char *end;
	unsigned long v;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -1;
	*out = v;
	return 0;
}

/* ipaddr_aton wants a NUL-terminated string; copy the address part out. */
static int parse_addr_n(const char *s, size_t n, ip_addr_t *ip)
{
	char buf[64];

	if (n == 0 || n >= sizeof(buf))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	return ipaddr_aton(buf, ip) ? 0 : -1;
}

int parse_prefix(const char *s, ip_addr_t *ip, int *plen)
{
	const char *slash = strchr(s, '/');
	unsigned long v;

	if (parse_addr_n(s, slash ? (size_t)(slash - s) : strlen(s), ip) < 0)
		return -1;
	if (slash == NULL) {
		*plen = IP_IS_V6(ip) ? 128 : 32;
		return 0;
	}
	if (parse_ulong(slash + 1, IP_IS_V6(ip) ? 128 : 32, &v) < 0)
		return -1;
	*plen = (int)v;
	return 0;
}

int parse_endpoint(const char *s, ip_addr_t *ip, uint16_t *port)
{
	const char *colon;
	unsigned long v;

	if (s[0] == '[') {
		const char *close = strchr(s, ']');

		if (close == NULL || close[1] != ':')
			return -1;
		if (parse_addr_n(s + 1, (size_t)(close - s - 1), ip) < 0 || !IP_IS_V6(ip))
			return -1;
		colon = close + 1;
	} else {
		colon = strchr(s, ':');
		if (colon == NULL || strchr(colon + 1, ':') != NULL)
			return -1;
		if (parse_addr_n(s, (size_t)(colon - s), ip) < 0 || !IP_IS_V4(ip))
			return -1;
	}
	if (parse_ulong(colon + 1, 65535, &v) < 0 || v == 0)
		return -1;
	*port = (uint16_t)v;
	return 0;
}

const char *opt_value(int argc, char **argv, int from, const char *key)
{
	for (int i = from; i + 1 < argc; i++)
		if (strcmp(argv[i], key) == 0)
			return argv[i + 1];
	return NULL;
}
