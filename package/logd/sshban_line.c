/*
 * sshban_line.c - what a dropbear line says about a source: a failed
 * authentication, a connection that ended before any, or neither.
 *
 * The texts matched are dropbear 2022.83's (svr-authpasswd.c,
 * svr-authpubkey.c, svr-auth.c, svr-session.c); addresses come as
 * "host:port" from getnameinfo(NI_NUMERICHOST), IPv6 without brackets, so
 * the port is after the last ':', and a link-local address carries its
 * zone: "fe80::1%eth1:51234".
 */
#include <arpa/inet.h>
#include <string.h>
#include <sys/socket.h>

#include "sshban.h"

/* Longest zone: an interface name (IFNAMSIZ - 1) or an index. */
#define ZONE_MAX	15

static const char *find(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle);

	for (size_t i = 0; i + k <= n; i++)
		if (!memcmp(p + i, needle, k))
			return p + i;
	return NULL;
}

/* "A:P" (ending at the end, at ' ' or at '>') to a source; *used says
 * where it ended. Returns 1, or 0 if it is not an address and port. */
static int parse_addr_port(const char *p, size_t n, struct sshban_source *src,
			   size_t *used)
{
	static const uint8_t mapped[12] = { [10] = 0xff, [11] = 0xff };
	char host[INET6_ADDRSTRLEN];
	size_t end = 0, colon = 0, host_len;
	const char *pct;

	while (end < n && p[end] != '>' && p[end] != ' ')
		end++;
	for (size_t i = 0; i < end; i++)
		if (p[i] == ':')
			colon = i;
	if (!colon || colon + 1 == end)
		return 0;
	for (size_t i = colon + 1; i < end; i++)
		if (p[i] < '0' || p[i] > '9')
			return 0;
	host_len = colon;
	memset(src, 0, sizeof(*src));
	pct = memchr(p, '%', colon);
	if (pct) {
		size_t zone_len = colon - (size_t)(pct - p) - 1;

		if (!zone_len || zone_len > ZONE_MAX)
			return 0;
		host_len = (size_t)(pct - p);
		src->zoned = true;
	}
	if (host_len >= sizeof(host))
		return 0;
	memcpy(host, p, host_len);
	host[host_len] = '\0';
	*used = end;
	if (!src->zoned && inet_pton(AF_INET, host, src->addr) == 1) {
		src->family = AF_INET;
		return 1;
	}
	if (inet_pton(AF_INET6, host, src->addr) != 1)
		return 0;
	src->family = AF_INET6;
	/* A zone only on a link-local (fe80::/10): nothing else has one. */
	if (src->zoned)
		return src->addr[0] == 0xfe && (src->addr[1] & 0xc0) == 0x80;
	if (!memcmp(src->addr, mapped, 12)) {
		memmove(src->addr, src->addr + 12, 4);
		memset(src->addr + 4, 0, 12);
		src->family = AF_INET;
	}
	return 1;
}

/* "<A:P>: " then either "(user '" (a user was tried) or anything else. */
static enum sshban_line exit_line(const char *p, size_t n,
				  struct sshban_source *src)
{
	static const char user[] = ": (user '";
	size_t used = 0;

	if (!parse_addr_port(p, n, src, &used) || used >= n || p[used] != '>')
		return SSHBAN_LINE_NONE;
	p += used + 1;
	n -= used + 1;
	if (n >= sizeof(user) - 1 && !memcmp(p, user, sizeof(user) - 1))
		return SSHBAN_LINE_FAILURE;
	return n >= 2 && p[0] == ':' && p[1] == ' ' ? SSHBAN_LINE_NOAUTH :
						      SSHBAN_LINE_NONE;
}

enum sshban_line sshban_match(const char *prog, size_t prog_len,
			      const char *text, size_t text_len,
			      struct sshban_source *src)
{
	static const char *const from_lines[] = {
		"Bad password attempt for '",
		"Too-long password attempt for '",
		"Pubkey auth bad signature for '",
	};
	static const char *const exit_lines[] = {
		"Exit before auth from <",
		"Early exit from <",
	};
	static const char nouser[] = "Login attempt for nonexistent user";
	const char *from;
	size_t used;

	if (prog_len != 8 || memcmp(prog, "dropbear", 8))
		return SSHBAN_LINE_NONE;
	if (text_len == sizeof(nouser) - 1 &&
	    !memcmp(text, nouser, sizeof(nouser) - 1))
		return SSHBAN_LINE_NOUSER;
	for (size_t i = 0; i < sizeof(exit_lines) / sizeof(exit_lines[0]);
	     i++) {
		size_t k = strlen(exit_lines[i]);

		if (text_len > k && !memcmp(text, exit_lines[i], k))
			return exit_line(text + k, text_len - k, src);
	}
	for (size_t i = 0; i < sizeof(from_lines) / sizeof(from_lines[0]);
	     i++) {
		size_t k = strlen(from_lines[i]);

		if (text_len <= k || memcmp(text, from_lines[i], k))
			continue;
		/* The user name is the attacker's: take the last " from ". */
		from = NULL;
		for (const char *f = text; f;) {
			const char *next = find(f, text_len - (size_t)(f - text),
						" from ");

			if (next)
				from = next;
			f = next ? next + 1 : NULL;
		}
		if (!from)
			return SSHBAN_LINE_NONE;
		from += 6;
		return parse_addr_port(from, text_len - (size_t)(from - text),
				       src, &used) ? SSHBAN_LINE_FAILURE :
						     SSHBAN_LINE_NONE;
	}
	return SSHBAN_LINE_NONE;
}
