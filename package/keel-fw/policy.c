/*
 * policy.c - the firewall policy and its tiny text format.
 *
 * One directive per line, words separated by blanks, '#' starts a comment:
 *
 *   lan IFNAME...            interfaces of the lan zone (trusted)
 *   wan IFNAME...            interfaces of the wan zone (masqueraded, filtered)
 *   forward PROTO PORT HOST[:PORT]
 *                            port forward from wan; PROTO tcp, udp, tcp+udp;
 *                            HOST 192.168.1.10 or [fd00::10]
 *   ban-timeout SECONDS      default lifetime of `keel-fw ban` (3600)
 *   icmp-rate N              wan echo-requests accepted per second (10),
 *                            to the router and, apart, to each lan
 *   wan-mtu N                the wan link's MTU (1280-9000), when below
 *                            what the hosts assume: SYNs from wan are
 *                            clamped to fit it (default: not set)
 *   dslite IFNAME MTU [AFTR] DS-Lite: IPv4 leaves by the tunnel IFNAME
 *                            (MTU 1240-8960), unmasqueraded; the wan
 *                            accepts IPv4-in-IPv6 from AFTR (an IPv6
 *                            address; none: from any source)
 *
 * Pure functions over a buffer: no I/O, no allocation.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <arpa/inet.h>

#include "policy.h"

__attribute__((format(printf, 3, 4)))
static int fail(char *err, size_t err_size, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, err_size, fmt, ap);
	va_end(ap);
	return -1;
}

void fw_policy_init(struct fw_policy *p)
{
	memset(p, 0, sizeof(*p));
	p->ban_timeout_s = 3600;
	p->icmp_echo_per_s = 10;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Next word of s[*off..len): returns its length (0 at the end). */
static size_t next_word(const char *s, size_t len, size_t *off,
			const char **word)
{
	size_t start;

	while (*off < len && is_blank(s[*off]))
		(*off)++;
	start = *off;
	while (*off < len && !is_blank(s[*off]))
		(*off)++;
	*word = s + start;
	return *off - start;
}

int fw_uint_parse(const char *s, size_t len, uint32_t min, uint32_t max,
		  uint32_t *out)
{
	uint64_t v = 0;

	if (len == 0 || len > 10)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
	}
	if (v < min || v > max)
		return -1;
	*out = (uint32_t)v;
	return 0;
}

int fw_addr_parse(const char *s, size_t len, int *family, uint8_t addr[16])
{
	char tmp[INET6_ADDRSTRLEN];

	if (len == 0 || len >= sizeof(tmp) || memchr(s, '\0', len))
		return -1;
	memcpy(tmp, s, len);
	tmp[len] = '\0';
	memset(addr, 0, 16);
	if (inet_pton(AF_INET, tmp, addr) == 1) {
		*family = AF_INET;
		return 0;
	}
	if (inet_pton(AF_INET6, tmp, addr) == 1) {
		*family = AF_INET6;
		return 0;
	}
	return -1;
}

static int ifname_ok(const char *s, size_t len)
{
	if (len == 0 || len > FW_IFNAME_MAX)
		return 0;
	if (len == 1 && s[0] == '.')
		return 0;
	if (len == 2 && s[0] == '.' && s[1] == '.')
		return 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		/* What the kernel's dev_valid_name() refuses, plus what
		 * would confuse our own output. */
		if (c <= ' ' || c == '/' || c == ':' || c == '#' || c >= 0x7f)
			return 0;
	}
	return 1;
}

int fw_policy_add_if(struct fw_policy *p, int wan, const char *name,
		     size_t len, char *err, size_t err_size)
{
	char (*list)[FW_IFNAME_MAX + 1] = wan ? p->wan : p->lan;
	unsigned *n = wan ? &p->n_wan : &p->n_lan;

	if (!ifname_ok(name, len))
		return fail(err, err_size, "bad interface name \"%.*s\"",
			    (int)(len > 32 ? 32 : len), name);
	for (unsigned i = 0; i < p->n_lan; i++)
		if (strlen(p->lan[i]) == len && !memcmp(p->lan[i], name, len))
			return fail(err, err_size, "%.*s is already in lan",
				    (int)len, name);
	for (unsigned i = 0; i < p->n_wan; i++)
		if (strlen(p->wan[i]) == len && !memcmp(p->wan[i], name, len))
			return fail(err, err_size, "%.*s is already in wan",
				    (int)len, name);
	if (*n >= FW_ZONE_IFS_MAX)
		return fail(err, err_size, "more than %d %s interfaces",
			    FW_ZONE_IFS_MAX, wan ? "wan" : "lan");
	memcpy(list[*n], name, len);
	list[*n][len] = '\0';
	(*n)++;
	return 0;
}

int fw_forward_parse(const char *s, size_t len, struct fw_forward *f,
		     char *err, size_t err_size)
{
	const char *w, *host, *port = NULL;
	size_t off = 0, wl, hl, pl = 0;
	uint32_t v;

	memset(f, 0, sizeof(*f));
	wl = next_word(s, len, &off, &w);
	if (wl == 3 && !memcmp(w, "tcp", 3))
		f->protos = FW_PROTO_TCP;
	else if (wl == 3 && !memcmp(w, "udp", 3))
		f->protos = FW_PROTO_UDP;
	else if (wl == 7 && !memcmp(w, "tcp+udp", 7))
		f->protos = FW_PROTO_TCP | FW_PROTO_UDP;
	else
		return fail(err, err_size, "forward: protocol must be tcp, "
			    "udp or tcp+udp, not \"%.*s\"",
			    (int)(wl > 16 ? 16 : wl), w);
	wl = next_word(s, len, &off, &w);
	if (fw_uint_parse(w, wl, 1, 65535, &v) < 0)
		return fail(err, err_size, "forward: bad port \"%.*s\"",
			    (int)(wl > 16 ? 16 : wl), w);
	f->ext_port = (uint16_t)v;
	f->to_port = f->ext_port;
	wl = next_word(s, len, &off, &w);
	if (wl && w[0] == '[') {
		const char *close = memchr(w, ']', wl);

		if (!close)
			return fail(err, err_size, "forward: missing ]");
		host = w + 1;
		hl = (size_t)(close - host);
		if ((size_t)(close + 1 - w) < wl) {
			if (close[1] != ':')
				return fail(err, err_size,
					    "forward: expected :PORT after ]");
			port = close + 2;
			pl = wl - (size_t)(port - w);
		}
	} else {
		const char *colon = memchr(w, ':', wl);

		host = w;
		hl = wl;
		if (colon && memchr(colon + 1, ':', wl - (size_t)(colon + 1 - w)))
			return fail(err, err_size,
				    "forward: write IPv6 as [ADDR]");
		if (colon) {
			hl = (size_t)(colon - w);
			port = colon + 1;
			pl = wl - hl - 1;
		}
	}
	if (fw_addr_parse(host, hl, &f->family, f->addr) < 0)
		return fail(err, err_size, "forward: bad address \"%.*s\"",
			    (int)(hl > 40 ? 40 : hl), host);
	if (w[0] == '[' && f->family != AF_INET6)
		return fail(err, err_size, "forward: [] is for IPv6 addresses");
	if (w[0] != '[' && f->family != AF_INET)
		return fail(err, err_size, "forward: write IPv6 as [ADDR]");
	if (port) {
		if (fw_uint_parse(port, pl, 1, 65535, &v) < 0)
			return fail(err, err_size, "forward: bad port \"%.*s\"",
				    (int)(pl > 16 ? 16 : pl), port);
		f->to_port = (uint16_t)v;
	}
	/* IPv4 is always translated; IPv6 only when a port was given. */
	f->dnat = f->family == AF_INET || port != NULL;
	wl = next_word(s, len, &off, &w);
	if (wl)
		return fail(err, err_size, "forward: unexpected \"%.*s\"",
			    (int)(wl > 16 ? 16 : wl), w);
	return 0;
}

int fw_policy_add_forward(struct fw_policy *p, const char *s, size_t len,
			  char *err, size_t err_size)
{
	struct fw_forward f;

	if (fw_forward_parse(s, len, &f, err, err_size) < 0)
		return -1;
	if (p->n_fwd >= FW_FORWARDS_MAX)
		return fail(err, err_size, "more than %d forwards",
			    FW_FORWARDS_MAX);
	for (unsigned i = 0; i < p->n_fwd; i++)
		if (p->fwd[i].family == f.family &&
		    (p->fwd[i].protos & f.protos) &&
		    p->fwd[i].ext_port == f.ext_port &&
		    (p->fwd[i].dnat || f.dnat))
			return fail(err, err_size, "forward: port %u is "
				    "already forwarded", f.ext_port);
	p->fwd[p->n_fwd++] = f;
	return 0;
}

static int parse_dslite(const char *s, size_t len, size_t off,
			struct fw_policy *p, char *err, size_t err_size)
{
	const char *arg;
	size_t al;
	uint32_t v;
	int family;

	al = next_word(s, len, &off, &arg);
	if (!ifname_ok(arg, al))
		return fail(err, err_size, "dslite: bad interface name \"%.*s\"",
			    (int)(al > 32 ? 32 : al), arg);
	memcpy(p->dslite, arg, al);
	p->dslite[al] = '\0';
	al = next_word(s, len, &off, &arg);
	if (fw_uint_parse(arg, al, FW_WAN_MTU_MIN - 40, FW_WAN_MTU_MAX - 40, &v))
		return fail(err, err_size, "dslite: MTU not a number in %d-%d",
			    FW_WAN_MTU_MIN - 40, FW_WAN_MTU_MAX - 40);
	p->dslite_mtu = v;
	al = next_word(s, len, &off, &arg);
	if (al) {
		if (fw_addr_parse(arg, al, &family, p->aftr) || family != AF_INET6)
			return fail(err, err_size, "dslite: AFTR \"%.*s\" is not "
				    "an IPv6 address", (int)(al > 40 ? 40 : al), arg);
		p->has_aftr = 1;
	}
	if (next_word(s, len, &off, &arg))
		return fail(err, err_size, "unexpected words");
	return 0;
}

static int parse_line(const char *s, size_t len, struct fw_policy *p,
		      char *err, size_t err_size)
{
	const char *w, *arg;
	size_t off = 0, wl, al;
	uint32_t v;

	wl = next_word(s, len, &off, &w);
	if (wl == 0)
		return 0;
	if ((wl == 3 && !memcmp(w, "lan", 3)) ||
	    (wl == 3 && !memcmp(w, "wan", 3))) {
		int wan = w[0] == 'w', any = 0;

		while ((al = next_word(s, len, &off, &arg)) > 0) {
			if (fw_policy_add_if(p, wan, arg, al, err, err_size))
				return -1;
			any = 1;
		}
		if (!any)
			return fail(err, err_size, "%s: no interface given",
				    wan ? "wan" : "lan");
		return 0;
	}
	if (wl == 7 && !memcmp(w, "forward", 7))
		return fw_policy_add_forward(p, s + off, len - off, err,
					     err_size);
	if ((wl == 11 && !memcmp(w, "ban-timeout", 11)) ||
	    (wl == 9 && !memcmp(w, "icmp-rate", 9))) {
		int ban = w[0] == 'b';

		al = next_word(s, len, &off, &arg);
		if (fw_uint_parse(arg, al, 1, ban ? 100000000 : 10000, &v))
			return fail(err, err_size, "%s: bad number",
				    ban ? "ban-timeout" : "icmp-rate");
		*(ban ? &p->ban_timeout_s : &p->icmp_echo_per_s) = v;
		if (next_word(s, len, &off, &arg))
			return fail(err, err_size, "unexpected words");
		return 0;
	}
	if (wl == 7 && !memcmp(w, "wan-mtu", 7)) {
		al = next_word(s, len, &off, &arg);
		if (fw_uint_parse(arg, al, FW_WAN_MTU_MIN, FW_WAN_MTU_MAX, &v))
			return fail(err, err_size, "wan-mtu: not a number "
				    "in %d-%d", FW_WAN_MTU_MIN,
				    FW_WAN_MTU_MAX);
		p->wan_mtu = v;
		if (next_word(s, len, &off, &arg))
			return fail(err, err_size, "unexpected words");
		return 0;
	}
	if (wl == 6 && !memcmp(w, "dslite", 6))
		return parse_dslite(s, len, off, p, err, err_size);
	return fail(err, err_size, "unknown directive \"%.*s\"",
		    (int)(wl > 20 ? 20 : wl), w);
}

int fw_policy_parse(const char *text, size_t len, struct fw_policy *p,
		    char *err, size_t err_size)
{
	size_t off = 0;
	unsigned line = 0;

	while (off < len) {
		const char *nl = memchr(text + off, '\n', len - off);
		size_t end = nl ? (size_t)(nl - text) : len;
		const char *hash = memchr(text + off, '#', end - off);
		size_t stop = hash ? (size_t)(hash - text) : end;
		char msg[160];

		line++;
		if (memchr(text + off, '\0', end - off))
			return fail(err, err_size, "line %u: NUL byte", line);
		if (parse_line(text + off, stop - off, p, msg, sizeof(msg)))
			return fail(err, err_size, "line %u: %s", line, msg);
		off = end + 1;
	}
	return 0;
}

int fw_policy_check(const struct fw_policy *p, char *err, size_t err_size)
{
	if (p->n_wan == 0)
		return fail(err, err_size, "no wan interface (wan IFNAME)");
	for (unsigned i = 0; p->dslite[0] && i < p->n_lan + p->n_wan; i++)
		if (!strcmp(p->dslite, i < p->n_lan ? p->lan[i] :
			    p->wan[i - p->n_lan]))
			return fail(err, err_size, "dslite %s is also in %s",
				    p->dslite, i < p->n_lan ? "lan" : "wan");
	for (unsigned i = 0; p->dslite[0] && i < p->n_fwd; i++)
		if (p->fwd[i].family == AF_INET)
			return fail(err, err_size, "an IPv4 forward cannot "
				    "work with dslite (the AFTR owns the "
				    "public IPv4 address)");
	if (p->n_lan == 0 && p->n_fwd)
		return fail(err, err_size, "forwards need a lan interface");
	return 0;
}

/* Appends to out[size], keeping it terminated; stops quietly when full. */
__attribute__((format(printf, 3, 4)))
static void append(char *out, size_t size, const char *fmt, ...)
{
	size_t used = strnlen(out, size);
	va_list ap;

	if (used + 1 >= size)
		return;
	va_start(ap, fmt);
	vsnprintf(out + used, size - used, fmt, ap);
	va_end(ap);
}

void fw_policy_print(const struct fw_policy *p, char *out, size_t size)
{
	char a[INET6_ADDRSTRLEN];

	if (!size)
		return;
	out[0] = '\0';
	for (int wan = 0; wan < 2; wan++) {
		unsigned n = wan ? p->n_wan : p->n_lan;

		if (!n)
			continue;
		append(out, size, "%s", wan ? "wan" : "lan");
		for (unsigned i = 0; i < n; i++)
			append(out, size, " %s", wan ? p->wan[i] : p->lan[i]);
		append(out, size, "\n");
	}
	for (unsigned i = 0; i < p->n_fwd; i++) {
		const struct fw_forward *f = &p->fwd[i];
		const char *proto = f->protos == FW_PROTO_TCP ? "tcp" :
			f->protos == FW_PROTO_UDP ? "udp" : "tcp+udp";

		inet_ntop(f->family, f->addr, a, sizeof(a));
		if (f->family == AF_INET)
			append(out, size, "forward %s %u %s:%u\n", proto,
			       f->ext_port, a, f->to_port);
		else if (f->dnat)
			append(out, size, "forward %s %u [%s]:%u\n", proto,
			       f->ext_port, a, f->to_port);
		else
			append(out, size, "forward %s %u [%s]\n", proto,
			       f->ext_port, a);
	}
	append(out, size, "ban-timeout %u\nicmp-rate %u\n", p->ban_timeout_s,
	       p->icmp_echo_per_s);
	if (p->wan_mtu)
		append(out, size, "wan-mtu %u\n", p->wan_mtu);
	if (p->dslite[0]) {
		append(out, size, "dslite %s %u", p->dslite, p->dslite_mtu);
		if (p->has_aftr && inet_ntop(AF_INET6, p->aftr, a, sizeof(a)))
			append(out, size, " %s", a);
		append(out, size, "\n");
	}
}
