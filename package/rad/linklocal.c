/*
 * linklocal.c - find a usable link-local address in /proc/net/if_inet6.
 */
#include <string.h>

#include "keel/hex.h"

#include "linklocal.h"

#define IFA_FLAG_DADFAILED	0x08
#define IFA_FLAG_TENTATIVE	0x40

/* Next whitespace-separated field of [*pos, end); 0 length at line end. */
static size_t field(const char *line, size_t end, size_t *pos,
		    const char **start)
{
	size_t i = *pos, from;

	while (i < end && (line[i] == ' ' || line[i] == '\t'))
		i++;
	from = i;
	while (i < end && line[i] != ' ' && line[i] != '\t')
		i++;
	*start = line + from;
	*pos = i;
	return i - from;
}

static int hex_value(const char *s, size_t len, unsigned *out)
{
	*out = 0;
	if (!len || len > 8)
		return -1;
	for (size_t i = 0; i < len; i++) {
		int d = hex_digit(s[i]);

		if (d < 0)
			return -1;
		*out = *out << 4 | (unsigned)d;
	}
	return 0;
}

static int parse_line(const char *line, size_t len, const char *ifname,
		      uint8_t addr[16], unsigned *flags)
{
	const char *f[6];
	size_t flen[6], pos = 0;
	unsigned scope, dummy;

	for (int i = 0; i < 6; i++)
		flen[i] = field(line, len, &pos, &f[i]);
	if (flen[0] != 32 || flen[5] != strlen(ifname) ||
	    memcmp(f[5], ifname, flen[5]) != 0 ||
	    hex_value(f[1], flen[1], &dummy) < 0 ||
	    hex_value(f[2], flen[2], &dummy) < 0 ||
	    hex_value(f[3], flen[3], &scope) < 0 ||
	    hex_value(f[4], flen[4], flags) < 0)
		return -1;
	for (int i = 0; i < 16; i++) {
		int hi = hex_digit(f[0][2 * i]), lo = hex_digit(f[0][2 * i + 1]);

		if (hi < 0 || lo < 0)
			return -1;
		addr[i] = (uint8_t)(hi << 4 | lo);
	}
	/* fe80::/10 is the link-local range (scope 0x20 says the same). */
	return addr[0] == 0xfe && (addr[1] & 0xc0) == 0x80 ? 0 : -1;
}

enum linklocal_state linklocal_find(const char *text, size_t n,
				    const char *ifname, uint8_t addr[16])
{
	enum linklocal_state state = LINKLOCAL_NONE;
	size_t start = 0;

	while (start < n) {
		const char *nl = memchr(text + start, '\n', n - start);
		size_t len = nl ? (size_t)(nl - (text + start)) : n - start;
		uint8_t a[16];
		unsigned flags;

		if (parse_line(text + start, len, ifname, a, &flags) == 0) {
			if (flags & (IFA_FLAG_TENTATIVE | IFA_FLAG_DADFAILED)) {
				state = LINKLOCAL_TENTATIVE;
			} else {
				memcpy(addr, a, 16);
				return LINKLOCAL_OK;
			}
		}
		start += len + 1;
	}
	return state;
}
