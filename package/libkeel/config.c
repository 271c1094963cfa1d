/*
 * config.c - the keel.conf parser: lines, sections, keys. Pure: a byte
 * buffer in, a struct keel_config or one error with its line out.
 *
 * Each section kind has a table of keys (config_keys.c); each key a handler
 * that parses its values into the struct. Keys may appear once per section
 * unless the table marks them repeatable. Cross-section checks live in
 * config_validate.c.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "config_parser.h"

bool conf_is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Splits s[0..n) at blanks, up to a '#' that starts a word. */
size_t conf_split(const char *s, size_t n, struct tok *out, size_t max,
		  const char **overflow)
{
	size_t count = 0, i = 0;

	*overflow = NULL;
	while (i < n) {
		size_t start;

		while (i < n && conf_is_blank(s[i]))
			i++;
		if (i == n || s[i] == '#')
			break;
		start = i;
		while (i < n && !conf_is_blank(s[i]))
			i++;
		if (count == max) {
			*overflow = s + start;
			break;
		}
		out[count].s = s + start;
		out[count].n = i - start;
		count++;
	}
	return count;
}

/* Names what is being parsed, for messages: built only when one is needed,
 * since formatting on every line would be most of the parse time. */
const char *conf_where(struct parser *p)
{
	if (!p->key.n)
		return "section header";
	snprintf(p->where, sizeof(p->where), "%s%s%.*s", p->sec_label,
		 p->sec_label[0] ? " " : "",
		 (int)(p->key.n > 32 ? 32 : p->key.n), p->key.s);
	return p->where;
}

int conf_fail_at(struct parser *p, const char *at, const char *fmt, ...)
{
	struct config_error *err = p->err;
	va_list ap;
	int off;

	err->line = p->line;
	err->column = at ? (unsigned)(at - p->line_start) + 1 : 0;
	if (err->column)
		off = snprintf(err->msg, sizeof(err->msg),
			       "line %u, column %u: ", err->line, err->column);
	else
		off = snprintf(err->msg, sizeof(err->msg),
			       "line %u: ", err->line);
	if (off < 0 || (size_t)off >= sizeof(err->msg))
		return -1;
	va_start(ap, fmt);
	vsnprintf(err->msg + off, sizeof(err->msg) - (size_t)off, fmt, ap);
	va_end(ap);
	return -1;
}

/* "line 9, column 7: [dhcp lan] range: 10.0.0.300 is not an IPv4 address" */
int conf_fail_tok(struct parser *p, const struct tok *t, const char *fmt, ...)
{
	char why[160];
	va_list ap;
	int shown = t->n > 64 ? 64 : (int)t->n;

	va_start(ap, fmt);
	vsnprintf(why, sizeof(why), fmt, ap);
	va_end(ap);
	return conf_fail_at(p, t->s, "%s: %.*s%s %s", conf_where(p), shown,
			    t->s, t->n > 64 ? "..." : "", why);
}

int conf_check(struct parser *p, const struct tok *t, const char *why)
{
	return why ? conf_fail_tok(p, t, "%s", why) : 0;
}

int conf_too_many(struct parser *p, unsigned limit, const char *what,
		  const char *limit_name)
{
	return conf_fail_at(p, p->args[limit].s, "%s: more than %u %s (%s)",
			    conf_where(p), limit, what, limit_name);
}

bool conf_tok_is(const struct tok *t, const char *word)
{
	return t->n == strlen(word) && memcmp(t->s, word, t->n) == 0;
}

/* ---- sections ---- */

/* PPPoE: the ISP's account, and a PPP MTU that fits an Ethernet frame
 * with the 8 bytes of PPPoE and PPP headers. */
static int close_wan_pppoe(struct parser *p, const struct config_wan *wan)
{
	if (wan->n_addrs || wan->n_dns || wan->gateway4.family ||
	    wan->gateway6.family)
		return conf_fail_at(p, NULL, "[wan] address, gateway and dns are "
				    "only for mode static (PPPoE gets them from "
				    "the ISP; set [dns] upstream to override DNS)");
	if (!wan->ppp_user[0])
		return conf_fail_at(p, NULL, "[wan] mode pppoe needs user (the "
				    "ISP account's name)");
	if (wan->mtu > CONFIG_PPPOE_MTU_DEFAULT)
		return conf_fail_at(p, NULL, "[wan] mtu %u is more than PPPoE "
				    "carries in an Ethernet frame (%d)",
				    (unsigned)wan->mtu, CONFIG_PPPOE_MTU_DEFAULT);
	return 0;
}

/* Keys a section cannot do without, checked when it ends. */
static int close_section(struct parser *p)
{
	struct keel_config *cfg = p->cfg;
	unsigned saved_line = p->line;
	int rc = 0;

	p->line = p->sec_line;
	switch (p->sec) {
	case SEC_WAN:
		if (!cfg->wan.interface[0])
			rc = conf_fail_at(p, NULL, "[wan] has no interface");
		else if (cfg->wan.mode == CONFIG_WAN_STATIC &&
			 !cfg->wan.n_addrs)
			rc = conf_fail_at(p, NULL,
					  "[wan] mode static needs an address");
		else if (cfg->wan.mode == CONFIG_WAN_DHCP &&
			 (cfg->wan.n_addrs || cfg->wan.n_dns ||
			  cfg->wan.gateway4.family || cfg->wan.gateway6.family))
			rc = conf_fail_at(
				p, NULL,
				"[wan] address, gateway and dns "
				"are only for mode static (with dhcp they "
				"come from the ISP; set [dns] upstream to "
				"override DNS)");
		else if (cfg->wan.mode == CONFIG_WAN_PPPOE)
			rc = close_wan_pppoe(p, &cfg->wan);
		else if (cfg->wan.ppp_user[0] || cfg->wan.ppp_password[0] ||
			 cfg->wan.ppp_service[0])
			rc = conf_fail_at(p, NULL, "[wan] user, password and "
					  "service are only for mode pppoe");
		if (!rc && cfg->wan.vlan &&
		    strlen(cfg->wan.interface) + 1 + snprintf(NULL, 0, "%u",
			(unsigned)cfg->wan.vlan) > CONFIG_IFNAME_MAX)
			rc = conf_fail_at(p, NULL, "[wan] interface %s with vlan %u: "
					  "the name %s.%u is longer than %d bytes",
					  cfg->wan.interface, (unsigned)cfg->wan.vlan,
					  cfg->wan.interface, (unsigned)cfg->wan.vlan,
					  CONFIG_IFNAME_MAX);
		break;
	case SEC_LAN:
		if (!cfg->lans[p->idx].interface[0])
			rc = conf_fail_at(p, NULL, "%s has no interface",
					  p->sec_label);
		else if (!cfg->lans[p->idx].n_addrs)
			rc = conf_fail_at(p, NULL, "%s has no address",
					  p->sec_label);
		break;
	case SEC_DHCP:
		if (!cfg->dhcp[p->idx].range_start.family)
			rc = conf_fail_at(p, NULL, "%s has no range",
					  p->sec_label);
		break;
	case SEC_FORWARD: {
		struct config_forward *f = &cfg->forwards[p->idx];

		if (!f->proto)
			rc = conf_fail_at(p, NULL,
					  "%s has no proto (tcp, udp or both)",
					  p->sec_label);
		else if (!f->port_first)
			rc = conf_fail_at(p, NULL, "%s has no port",
					  p->sec_label);
		else if (!f->to_addr.family)
			rc = conf_fail_at(p, NULL, "%s has no to",
					  p->sec_label);
		else if (p->fwd_family_given && f->family != f->to_addr.family)
			rc = conf_fail_at(p, NULL,
					  "%s family does not match to",
					  p->sec_label);
		if (rc)
			break;
		f->family = f->to_addr.family;
		if (!f->to_port)
			f->to_port = f->port_first;
		if ((uint32_t)f->to_port + (f->port_last - f->port_first) >
		    65535)
			rc = conf_fail_at(p, NULL,
					  "%s internal ports run past 65535",
					  p->sec_label);
		break;
	}
	default: break;
	}
	p->line = saved_line;
	return rc;
}

/* Defaults a new section starts from. */
static void open_defaults(struct parser *p)
{
	struct keel_config *cfg = p->cfg;

	switch (p->sec) {
	case SEC_WAN:
		cfg->wan.present = true;
		cfg->wan.accept_ra = true;
		break;
	case SEC_DHCP:
		cfg->dhcp[p->idx].lease_seconds = 12 * 3600;
		cfg->dhcp[p->idx].rate_limit.count = 30;
		cfg->dhcp[p->idx].rate_limit.per_seconds = 60;
		cfg->dhcp[p->idx].new_lease_rate.count = 30;
		cfg->dhcp[p->idx].new_lease_rate.per_seconds = 60;
		break;
	case SEC_FLOW:
		cfg->flow.present = true;
		cfg->flow.version = 9;
		break;
	default: break;
	}
}

static int open_section(struct parser *p, const char *at, enum section sec,
			const struct tok *name)
{
	struct keel_config *cfg = p->cfg;
	const char *kind = conf_sections[sec].name;
	char label[CONFIG_NAME_MAX + 1] = "lan";

	p->key.n = 0;
	if (name->n &&
	    conf_check(p, name, config_val_name(name->s, name->n, label)))
		return -1;
	p->sec = sec;
	p->sec_line = p->line;
	p->fwd_family_given = false;
	memset(p->key_line, 0, sizeof(p->key_line));
	if (conf_sections[sec].name_rule == NAME_NONE) {
		snprintf(p->sec_label, sizeof(p->sec_label), "[%s]", kind);
		if (p->unique_line[sec])
			return conf_fail_at(p, at,
					    "%s given twice (first on line %u)",
					    p->sec_label, p->unique_line[sec]);
		p->unique_line[sec] = p->line;
		open_defaults(p);
		return 0;
	}
	/* Messages name the section as the file wrote it. */
	if (name->n)
		snprintf(p->sec_label, sizeof(p->sec_label), "[%s %s]", kind,
			 label);
	else
		snprintf(p->sec_label, sizeof(p->sec_label), "[%s]", kind);
	switch (sec) {
	case SEC_LAN:
		for (unsigned i = 0; i < cfg->n_lans; i++)
			if (strcmp(cfg->lans[i].name, label) == 0)
				return conf_fail_at(p, at, "%s given twice",
						    p->sec_label);
		if (cfg->n_lans == CONFIG_MAX_LANS)
			return conf_fail_at(p, at,
					    "more than %u [lan] sections "
					    "(CONFIG_MAX_LANS)",
					    CONFIG_MAX_LANS);
		p->idx = cfg->n_lans++;
		strcpy(cfg->lans[p->idx].name, label);
		cfg->lans[p->idx].subnet_id = (uint16_t)p->idx;
		break;
	case SEC_DHCP:
		for (unsigned i = 0; i < cfg->n_dhcp; i++)
			if (strcmp(cfg->dhcp[i].lan, label) == 0)
				return conf_fail_at(p, at,
						    "%s given twice (first on "
						    "line %u)",
						    p->sec_label,
						    p->dhcp_line[i]);
		if (cfg->n_dhcp == CONFIG_MAX_LANS)
			return conf_fail_at(p, at,
					    "more than %u [dhcp] sections "
					    "(CONFIG_MAX_LANS)",
					    CONFIG_MAX_LANS);
		p->idx = cfg->n_dhcp++;
		p->dhcp_line[p->idx] = p->line;
		strcpy(cfg->dhcp[p->idx].lan, label);
		break;
	case SEC_FORWARD:
		for (unsigned i = 0; i < cfg->n_forwards; i++)
			if (strcmp(cfg->forwards[i].name, label) == 0)
				return conf_fail_at(p, at, "%s given twice",
						    p->sec_label);
		if (cfg->n_forwards == CONFIG_MAX_FORWARDS)
			return conf_fail_at(p, at,
					    "more than %u [forward] sections "
					    "(CONFIG_MAX_FORWARDS)",
					    CONFIG_MAX_FORWARDS);
		p->idx = cfg->n_forwards++;
		strcpy(cfg->forwards[p->idx].name, label);
		break;
	default: break;
	}
	open_defaults(p);
	return 0;
}

/* "[name]" or "[name arg]", then nothing but a comment. */
static int parse_header(struct parser *p, const char *s, size_t n)
{
	const char *close = memchr(s, ']', n);
	const char *overflow;
	struct tok words[3], none = { s, 0 };
	size_t count, after;

	if (!close)
		return conf_fail_at(p, s, "section header without ']'");
	after = (size_t)(close + 1 - s);
	while (after < n && conf_is_blank(s[after]))
		after++;
	if (after < n && s[after] != '#')
		return conf_fail_at(p, s + after, "text after section header");
	count = conf_split(s + 1, (size_t)(close - s - 1), words, 3, &overflow);
	if (count == 0)
		return conf_fail_at(p, s, "empty section header");
	if (count == 3)
		return conf_fail_at(p, words[2].s,
				    "section header has more than "
				    "a kind and a name");
	if (close_section(p))
		return -1;
	for (int sec = SEC_WAN; sec < SEC_COUNT; sec++) {
		const struct section_spec *spec = &conf_sections[sec];

		if (!conf_tok_is(&words[0], spec->name))
			continue;
		if (count == 2 && spec->name_rule == NAME_NONE)
			return conf_fail_at(p, words[1].s, "[%s] takes no name",
					    spec->name);
		if (count == 1 && spec->name_rule == NAME_REQUIRED)
			return conf_fail_at(p, s,
					    "[%s] needs a name: [%s NAME]",
					    spec->name, spec->name);
		return open_section(p, s, (enum section)sec,
				    count == 2 ? &words[1] : &none);
	}
	return conf_fail_at(p, words[0].s,
			    "unknown section [%.*s] (known: wan, "
			    "lan, dhcp, dns, forward, services, ssh, log, flow, "
			    "ports)",
			    (int)(words[0].n > 32 ? 32 : words[0].n),
			    words[0].s);
}

static int parse_key_line(struct parser *p, const char *s, size_t n)
{
	const struct key_spec *keys = conf_sections[p->sec].keys, *k;
	struct tok words[ARGS_MAX + 1];
	const char *overflow;
	size_t count = conf_split(s, n, words, ARGS_MAX + 1, &overflow);
	unsigned ki;

	for (ki = 0; keys[ki].name; ki++)
		if (conf_tok_is(&words[0], keys[ki].name))
			break;
	k = &keys[ki];
	p->key = words[0];
	if (!k->name)
		return conf_fail_at(p, words[0].s, "%s: unknown key%s",
				    conf_where(p), p->sec == SEC_TOP ?
				    " (before any [section])" : "");
	if (!k->repeat && p->key_line[ki])
		return conf_fail_at(p, words[0].s,
				    "%s: given twice (first on line %u)",
				    conf_where(p), p->key_line[ki]);
	if (!p->key_line[ki])
		p->key_line[ki] = p->line;
	/* authorized-key takes the rest of the line, however many words. */
	if (overflow && !k->rest_of_line)
		return conf_fail_at(p, overflow, "%s: more than %u values",
				    conf_where(p), ARGS_MAX);
	p->n_args = count - 1;
	memcpy(p->args, words + 1, p->n_args * sizeof(words[0]));
	if (p->n_args < k->min_args)
		return conf_fail_at(p, words[0].s + words[0].n,
				    "%s: missing value", conf_where(p));
	if (p->n_args > k->max_args)
		return conf_fail_at(p, p->args[k->max_args].s,
				    "%s: too many values "
				    "(at most %u)",
				    conf_where(p), k->max_args);
	if (p->n_args) {
		const struct tok *last = &p->args[p->n_args - 1];
		const char *end = last->s + last->n;

		/* With an overflow, the rest runs to the comment or the end. */
		if (overflow) {
			const char *c = overflow;

			while (c < s + n &&
			       !(*c == '#' && conf_is_blank(c[-1])))
				c++;
			while (c > overflow && conf_is_blank(c[-1]))
				c--;
			end = c;
		}
		p->rest.s = p->args[0].s;
		p->rest.n = (size_t)(end - p->args[0].s);
	}
	return k->parse(p);
}

static int parse_line(struct parser *p, const char *s, size_t n)
{
	size_t i;

	if (n > CONFIG_LINE_MAX)
		return conf_fail_at(p, NULL,
				    "longer than %u bytes (CONFIG_LINE_MAX)",
				    CONFIG_LINE_MAX);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return conf_fail_at(p, s + i,
					    "control character 0x%02x", c);
	}
	for (i = 0; i < n && conf_is_blank(s[i]); i++)
		;
	if (i == n || s[i] == '#')
		return 0;
	if (s[i] == '[')
		return parse_header(p, s + i, n - i);
	return parse_key_line(p, s + i, n - i);
}

/* Settings that depend on other sections, once everything is read. */
static int finish(struct parser *p)
{
	struct keel_config *cfg = p->cfg;
	static const int svc_default_on[5] = { 1, -1, -1, 1, 1 };
	bool *svc[5] = {
		&cfg->services.dnsd, &cfg->services.dhcpd, &cfg->services.flowd,
		&cfg->services.logd, &cfg->services.sshd,
	};

	for (int i = 0; i < 5; i++)
		*svc[i] = p->svc[i] >= 0 ? p->svc[i] : svc_default_on[i] == 1;
	if (p->svc[1] < 0)
		cfg->services.dhcpd = cfg->n_dhcp > 0;
	if (p->svc[2] < 0)
		cfg->services.flowd = cfg->flow.present;

	for (unsigned i = 0; i < cfg->n_dhcp; i++) {
		struct config_dhcp_pool *dp = &cfg->dhcp[i];
		int lan = config_lan_find(cfg, dp->lan);
		const struct config_lan *l;

		p->line = p->dhcp_line[i];
		if (lan < 0)
			return conf_fail_at(p, NULL, "[dhcp %s] refers to "
					    "[lan %s], which does not exist%s",
					    dp->lan, dp->lan,
					    strcmp(dp->lan, "lan") == 0 ?
					    " (name the LAN: [dhcp NAME])" : "");
		dp->lan_index = (uint8_t)lan;
		l = &cfg->lans[lan];
		if (!dp->router.family) {
			for (unsigned a = 0; a < l->n_addrs; a++) {
				if (l->addrs[a].family == CONFIG_AF_INET) {
					dp->router = l->addrs[a];
					dp->router.prefix = 0;
					break;
				}
			}
		}
		if (!dp->n_dns && cfg->services.dnsd && dp->router.family) {
			dp->dns[0] = dp->router;
			dp->n_dns = 1;
		}
		if (!dp->domain[0])
			strcpy(dp->domain, cfg->dns.domain);
	}
	return 0;
}

int config_lan_find(const struct keel_config *cfg, const char *name)
{
	for (unsigned i = 0; i < cfg->n_lans; i++)
		if (strcmp(cfg->lans[i].name, name) == 0)
			return (int)i;
	return -1;
}

static void config_defaults(struct keel_config *cfg)
{
	memset(cfg, 0, sizeof(*cfg));
	strcpy(cfg->hostname, "keel");
	cfg->trial_seconds = 120;
	strcpy(cfg->dns.domain, "lan");
	cfg->dns.cache_bytes = 1024 * 1024;
	cfg->dns.negative_ttl_max = 300;
	cfg->dns.query_log_rate = (struct config_rate){ 20, 1 };
	cfg->dns.client_rate_limit = (struct config_rate){ 100, 1 };
	cfg->dns.rebind_protection = true;
	cfg->ssh.lan_only = true;
	cfg->ssh.port = 22;
	cfg->ssh.ban_after = 5;
	cfg->ssh.ban_seconds = 600;
	cfg->ssh.ban_prefix6 = 64;
	cfg->ssh.probe_limit = (struct config_rate){ 20, 60 };
	cfg->log.ring_bytes = 256 * 1024;
}

int config_parse(const char *buf, size_t len, struct keel_config *out,
		 struct config_error *err)
{
	struct parser p;
	size_t pos = 0;

	memset(&p, 0, sizeof(p));
	memset(err, 0, sizeof(*err));
	memset(p.svc, -1, sizeof(p.svc));
	p.cfg = out;
	p.err = err;
	p.sec = SEC_TOP;
	config_defaults(out);

	while (pos < len) {
		const char *s = buf + pos;
		const char *nl = memchr(s, '\n', len - pos);
		size_t n = nl ? (size_t)(nl - s) : len - pos;

		p.line++;
		p.line_start = s;
		pos += n + (nl ? 1 : 0);
		/* CRLF files from Windows editors read the same as LF. */
		if (n && s[n - 1] == '\r')
			n--;
		if (parse_line(&p, s, n))
			return -1;
	}
	p.line_start = NULL;
	if (close_section(&p) || finish(&p))
		return -1;
	return config_validate(out, err);
}
