/*
 * config_print.c - keel.conf in canonical form: every effective setting,
 * defaults included, in a fixed order. What `keel-config check` and the
 * daemons' -n modes show, and valid input to config_parse() again.
 */
#include <stdio.h>
#include <string.h>

#include "config_value.h"

static void put_addr(FILE *out, const struct config_addr *a, bool prefix)
{
	char buf[CONFIG_ADDR_STRLEN];

	fputs(config_addr_str(a, prefix, buf, sizeof(buf)), out);
}

static void put_addr_list(FILE *out, const char *key,
			  const struct config_addr *list, unsigned n,
			  bool prefix)
{
	if (!n)
		return;
	fputs(key, out);
	for (unsigned i = 0; i < n; i++) {
		fputc(' ', out);
		put_addr(out, &list[i], prefix);
	}
	fputc('\n', out);
}

static void put_endpoint(FILE *out, const struct config_endpoint *ep)
{
	if (ep->addr.family == CONFIG_AF_INET6)
		fputc('[', out);
	put_addr(out, &ep->addr, false);
	if (ep->addr.family == CONFIG_AF_INET6)
		fputc(']', out);
	fprintf(out, ":%u", ep->port);
}

static void put_bool(FILE *out, const char *key, bool on)
{
	fprintf(out, "%s %s\n", key, on ? "on" : "off");
}

static void put_duration(FILE *out, const char *key, uint32_t seconds)
{
	char buf[16];

	config_fmt_duration(seconds, buf, sizeof(buf));
	fprintf(out, "%s %s\n", key, buf);
}

static void put_size(FILE *out, const char *key, uint32_t bytes)
{
	char buf[16];

	config_fmt_size(bytes, buf, sizeof(buf));
	fprintf(out, "%s %s\n", key, buf);
}

static void put_rate(FILE *out, const char *key, const struct config_rate *r)
{
	char buf[24];

	config_fmt_rate(r, buf, sizeof(buf));
	fprintf(out, "%s %s\n", key, buf);
}

/* "[lan]" for the default name, so the common file reads plainly. */
static void put_header(FILE *out, const char *kind, const char *name)
{
	if (name && strcmp(name, "lan") != 0)
		fprintf(out, "\n[%s %s]\n", kind, name);
	else
		fprintf(out, "\n[%s]\n", kind);
}

static void print_wan(const struct keel_config *cfg, bool secrets, FILE *out)
{
	const struct config_wan *wan = &cfg->wan;

	if (!wan->present) {
		fputs("\n# no [wan]: the WAN stays down\n", out);
		return;
	}
	fputs("\n[wan]\n", out);
	fprintf(out, "interface %s\n", wan->interface);
	fprintf(out, "mode %s\n", wan->mode == CONFIG_WAN_STATIC ? "static" :
		wan->mode == CONFIG_WAN_PPPOE ? "pppoe" : "dhcp");
	if (wan->vlan)
		fprintf(out, "vlan %u\n", (unsigned)wan->vlan);
	if (wan->mtu)
		fprintf(out, "mtu %u\n", (unsigned)wan->mtu);
	if (wan->ppp_user[0])
		fprintf(out, "user %s\n", wan->ppp_user);
	if (wan->ppp_password[0] && secrets)
		fprintf(out, "password %s\n", wan->ppp_password);
	else if (wan->ppp_password[0])
		fputs("# password: set, not shown\n", out);
	if (wan->ppp_service[0])
		fprintf(out, "service %s\n", wan->ppp_service);
	put_addr_list(out, "address", wan->addrs, wan->n_addrs, true);
	if (wan->gateway4.family || wan->gateway6.family) {
		fputs("gateway", out);
		if (wan->gateway4.family) {
			fputc(' ', out);
			put_addr(out, &wan->gateway4, false);
		}
		if (wan->gateway6.family) {
			fputc(' ', out);
			put_addr(out, &wan->gateway6, false);
		}
		fputc('\n', out);
	}
	put_addr_list(out, "dns", wan->dns, wan->n_dns, false);
	put_bool(out, "accept-ra", wan->accept_ra);
	if (wan->dhcpv6 != CONFIG_DHCPV6_AUTO)
		fprintf(out, "dhcpv6 %s\n",
			wan->dhcpv6 == CONFIG_DHCPV6_ON ? "on" : "off");
	if (wan->ipv4 == CONFIG_WAN_IPV4_DSLITE)
		fputs("ipv4 dslite\n", out);
	if (wan->aftr.family) {
		fputs("aftr ", out);
		put_addr(out, &wan->aftr, false);
		fputc('\n', out);
	}
	if (wan->aftr_name[0])
		fprintf(out, "aftr %s\n", wan->aftr_name);
}

static void print_lan(const struct config_lan *lan, unsigned index, FILE *out)
{
	put_header(out, "lan", lan->name);
	fprintf(out, "interface %s\n", lan->interface);
	if (lan->n_ports) {
		fputs("ports", out);
		for (unsigned i = 0; i < lan->n_ports; i++)
			fprintf(out, " %s", lan->ports[i]);
		fputc('\n', out);
	}
	put_addr_list(out, "address", lan->addrs, lan->n_addrs, true);
	/* The default (the section's index) stays implicit. */
	if (lan->subnet_id != index)
		fprintf(out, "subnet-id %u\n", (unsigned)lan->subnet_id);
}

static void print_dhcp(const struct keel_config *cfg, unsigned index,
		       FILE *out)
{
	const struct config_dhcp_pool *dp = &cfg->dhcp[index];

	put_header(out, "dhcp", dp->lan);
	fputs("range ", out);
	put_addr(out, &dp->range_start, false);
	fputc(' ', out);
	put_addr(out, &dp->range_end, false);
	fputc('\n', out);
	put_duration(out, "lease-time", dp->lease_seconds);
	fputs("router ", out);
	put_addr(out, &dp->router, false);
	fputc('\n', out);
	put_addr_list(out, "dns", dp->dns, dp->n_dns, false);
	fprintf(out, "domain %s\n", dp->domain);
	if (dp->mtu)
		fprintf(out, "mtu %u\n", dp->mtu);
	for (unsigned i = 0; i < dp->n_routes; i++) {
		fputs("route ", out);
		put_addr(out, &dp->routes[i].dest, true);
		fputc(' ', out);
		put_addr(out, &dp->routes[i].gateway, false);
		fputc('\n', out);
	}
	for (unsigned i = 0; i < cfg->n_dhcp_static; i++) {
		const struct config_dhcp_static *st = &cfg->dhcp_static[i];

		if (st->pool != index)
			continue;
		fprintf(out, "static %02x:%02x:%02x:%02x:%02x:%02x ",
			st->mac[0], st->mac[1], st->mac[2], st->mac[3],
			st->mac[4], st->mac[5]);
		put_addr(out, &st->addr, false);
		if (st->hostname[0])
			fprintf(out, " %s", st->hostname);
		fputc('\n', out);
	}
	put_rate(out, "rate-limit", &dp->rate_limit);
	put_rate(out, "new-lease-rate", &dp->new_lease_rate);
}

static void print_dns(const struct config_dns *dns, FILE *out)
{
	fputs("\n[dns]\n", out);
	if (dns->n_upstreams)
		put_addr_list(out, "upstream", dns->upstreams,
			      dns->n_upstreams, false);
	else
		fputs("# upstream: the servers the WAN learned\n", out);
	fprintf(out, "domain %s\n", dns->domain);
	put_size(out, "cache-size", dns->cache_bytes);
	put_duration(out, "negative-ttl-max", dns->negative_ttl_max);
	for (unsigned i = 0; i < dns->n_hosts; i++) {
		fprintf(out, "host %s ", dns->hosts[i].name);
		put_addr(out, &dns->hosts[i].addr, false);
		fputc('\n', out);
	}
	if (dns->blocklist[0])
		fprintf(out, "blocklist %s\n", dns->blocklist);
	put_bool(out, "query-log", dns->query_log);
	put_rate(out, "query-log-rate", &dns->query_log_rate);
	put_rate(out, "client-rate-limit", &dns->client_rate_limit);
	put_bool(out, "rebind-protection", dns->rebind_protection);
	/* One a line: 8 long domains would not fit on one. */
	for (unsigned i = 0; i < dns->n_rebind_allow; i++)
		fprintf(out, "rebind-allow %s\n", dns->rebind_allow[i]);
}

static void print_forward(const struct config_forward *f, FILE *out)
{
	static const char *const protos[] = { "", "tcp", "udp", "both" };
	struct config_endpoint to = { f->to_addr, f->to_port };

	fprintf(out, "\n[forward %s]\n", f->name);
	fprintf(out, "proto %s\n", protos[f->proto & 3]);
	if (f->port_last != f->port_first)
		fprintf(out, "port %u-%u\n", f->port_first, f->port_last);
	else
		fprintf(out, "port %u\n", f->port_first);
	fputs("to ", out);
	put_endpoint(out, &to);
	fprintf(out, "\nfamily %s\n",
		f->family == CONFIG_AF_INET6 ? "ipv6" : "ipv4");
}

static void print_services(const struct config_services *svc, FILE *out)
{
	fputs("\n[services]\n", out);
	put_bool(out, "dnsd", svc->dnsd);
	put_bool(out, "dhcpd", svc->dhcpd);
	put_bool(out, "flowd", svc->flowd);
	put_bool(out, "logd", svc->logd);
	put_bool(out, "sshd", svc->sshd);
}

static void print_ssh(const struct config_ssh *ssh, FILE *out)
{
	fputs("\n[ssh]\n", out);
	put_bool(out, "password", ssh->password);
	fprintf(out, "listen %s\n", ssh->lan_only ? "lan" : "all");
	fprintf(out, "port %u\n", ssh->port);
	fprintf(out, "ban-after %u\n", ssh->ban_after);
	put_duration(out, "ban-time", ssh->ban_seconds);
	fprintf(out, "ban-prefix6 %u\n", ssh->ban_prefix6);
	put_rate(out, "probe-limit", &ssh->probe_limit);
	for (unsigned i = 0; i < ssh->n_ban_allow; i++) {
		fputs("ban-allow ", out);
		put_addr(out, &ssh->ban_allow[i], true);
		fputc('\n', out);
	}
	for (unsigned i = 0; i < ssh->n_keys; i++)
		fprintf(out, "authorized-key %s\n", ssh->keys[i]);
}

static void print_log(const struct config_log *log, FILE *out)
{
	fputs("\n[log]\n", out);
	put_size(out, "ring-size", log->ring_bytes);
	if (log->remote_set) {
		fputs("remote ", out);
		put_endpoint(out, &log->remote);
		fprintf(out, " %s\n",
			log->remote_proto == CONFIG_PROTO_TCP ? "tcp" : "udp");
	}
}

static void print_flow(const struct config_flow *flow, FILE *out)
{
	if (!flow->present)
		return;
	fputs("\n[flow]\n", out);
	if (flow->n_interfaces) {
		fputs("interface", out);
		for (unsigned i = 0; i < flow->n_interfaces; i++)
			fprintf(out, " %s", flow->interfaces[i]);
		fputc('\n', out);
	}
	if (flow->n_collectors) {
		fputs("collector", out);
		for (unsigned i = 0; i < flow->n_collectors; i++) {
			fputc(' ', out);
			put_endpoint(out, &flow->collectors[i]);
		}
		fputc('\n', out);
	}
	fprintf(out, "version %u\n", flow->version);
}

static void print_ports(const struct config_ports *ports, FILE *out)
{
	if (!ports->n_names)
		return;
	fputs("\n[ports]\n", out);
	for (unsigned i = 0; i < ports->n_names; i++) {
		const uint8_t *m = ports->names[i].mac;

		fprintf(out, "name %s %02x:%02x:%02x:%02x:%02x:%02x\n",
			ports->names[i].name, m[0], m[1], m[2], m[3], m[4],
			m[5]);
	}
}

static void print_all(const struct keel_config *cfg, bool secrets, FILE *out)
{
	fprintf(out, "hostname %s\n", cfg->hostname);
	put_duration(out, "trial-timeout", cfg->trial_seconds);
	print_wan(cfg, secrets, out);
	for (unsigned i = 0; i < cfg->n_lans; i++)
		print_lan(&cfg->lans[i], i, out);
	for (unsigned i = 0; i < cfg->n_dhcp; i++)
		print_dhcp(cfg, i, out);
	print_dns(&cfg->dns, out);
	for (unsigned i = 0; i < cfg->n_forwards; i++)
		print_forward(&cfg->forwards[i], out);
	print_services(&cfg->services, out);
	print_ssh(&cfg->ssh, out);
	print_log(&cfg->log, out);
	print_flow(&cfg->flow, out);
	print_ports(&cfg->ports, out);
}

void config_print(const struct keel_config *cfg, FILE *out)
{
	print_all(cfg, true, out);
}

void config_print_public(const struct keel_config *cfg, FILE *out)
{
	print_all(cfg, false, out);
}
