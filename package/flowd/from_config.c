/*
 * from_config.c - keel.conf's [flow] section to struct flowd_options.
 */
#include <stdio.h>
#include <string.h>

#include "from_config.h"

/* A maximal valid keel.conf must always map. */
_Static_assert(FLOWD_MAX_IFACES >= CONFIG_MAX_FLOW_IFACES,
	       "flowd holds fewer interfaces than keel.conf allows");
_Static_assert(FLOWD_MAX_COLLECTORS >= CONFIG_MAX_COLLECTORS,
	       "flowd holds fewer collectors than keel.conf allows");
_Static_assert(IF_NAMESIZE > CONFIG_IFNAME_MAX,
	       "flowd's interface names are shorter than keel.conf's");

int options_from_config(struct flowd_options *o, const struct keel_config *cfg,
			char *err, size_t errlen)
{
	const struct config_flow *flow = &cfg->flow;
	struct flowd_options out = *o;

	if (!flow->present) {
		snprintf(err, errlen, "no [flow] section: nothing to capture "
			 "or export");
		return -1;
	}
	if (flow->n_interfaces > FLOWD_MAX_IFACES) {
		snprintf(err, errlen, "[flow] interface: %u interfaces, flowd "
			 "captures on at most %d (FLOWD_MAX_IFACES)",
			 flow->n_interfaces, FLOWD_MAX_IFACES);
		return -1;
	}
	if (flow->n_collectors > FLOWD_MAX_COLLECTORS) {
		snprintf(err, errlen, "[flow] collector: %u collectors, flowd "
			 "sends to at most %d (FLOWD_MAX_COLLECTORS)",
			 flow->n_collectors, FLOWD_MAX_COLLECTORS);
		return -1;
	}
	if (flow->version != 5 && flow->version != 9 && flow->version != 10) {
		snprintf(err, errlen, "[flow] version %u: not 5, 9 or 10",
			 flow->version);
		return -1;
	}
	out.n_ifaces = 0;
	for (unsigned i = 0; i < flow->n_interfaces; i++) {
		const char *name = flow->interfaces[i];

		if (!name[0] || strlen(name) >= IF_NAMESIZE) {
			snprintf(err, errlen, "[flow] interface %s: not an "
				 "interface name", name);
			return -1;
		}
		strcpy(out.ifaces[out.n_ifaces++], name);
	}
	out.n_collectors = 0;
	for (unsigned i = 0; i < flow->n_collectors; i++) {
		const struct config_endpoint *c = &flow->collectors[i];
		char addr[CONFIG_ADDR_STRLEN], text[CONFIG_ADDR_STRLEN + 8];

		/* Through the -c parser, so both paths give one form. */
		config_addr_str(&c->addr, false, addr, sizeof(addr));
		snprintf(text, sizeof(text),
			 c->addr.family == CONFIG_AF_INET6 ? "[%s]:%u" : "%s:%u",
			 addr, (unsigned)c->port);
		if (parse_collector(text, &out.collectors[out.n_collectors])) {
			snprintf(err, errlen, "[flow] collector %s: not an "
				 "address and port flowd can use", text);
			return -1;
		}
		out.n_collectors++;
	}
	out.eng.version = flow->version;
	if (options_finish(&out, err, errlen) < 0)
		return -1;
	*o = out;
	return 0;
}
