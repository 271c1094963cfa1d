/*
 * from_config.c - wan6's command line and its part of keel.conf.
 */
#include <arpa/inet.h>
#include <stdio.h>
#include <string.h>

#include "keel/args.h"

#include "from_config.h"

_Static_assert(ENGINE_LAN_MAX >= CONFIG_MAX_LANS,
	       "wan6 numbers fewer LANs than keel.conf has");
_Static_assert(ENGINE_LAN_NAME_MAX >= CONFIG_NAME_MAX,
	       "wan6 holds shorter LAN names than keel.conf");
_Static_assert(WIRE_NAME_MAX >= CONFIG_DOMAIN_MAX,
	       "wan6 holds shorter AFTR names than keel.conf");
_Static_assert(WIRE_DNS_MAX >= CONFIG_MAX_SERVERS,
	       "wan6 holds fewer DNS servers than [wan] dns");

static const char usage[] =
	"usage: wan6 -C FILE [options]\n"
	"  -C FILE   keel.conf to read ([wan] and each [lan])\n"
	"  -n        check: print the settings and exit\n"
	"  -u USER   drop to USER (default wan6)\n"
	"  -l FILE   lease file (default " WAN6_LEASE_PATH ")\n"
	"  -d DIR    where the last prefix is kept (default " WAN6_DATA_DIR ")\n"
	"  -h        this help\n";

int options_parse(int argc, char **argv, struct wan6_options *o, char *err,
		  size_t errlen, FILE *out)
{
	struct args a;
	const char *v;
	int c;

	memset(o, 0, sizeof(*o));
	o->user = "wan6";
	o->lease_path = WAN6_LEASE_PATH;
	o->data_dir = WAN6_DATA_DIR;
	args_init(&a, argc, argv, "nh", "Culd");
	while ((c = args_next(&a, &v, err, errlen)) > 0) {
		switch (c) {
		case 'C': o->config_path = v; break;
		case 'n': o->check_only = 1; break;
		case 'u': o->user = v; o->user_set = 1; break;
		case 'l': o->lease_path = v; break;
		case 'd': o->data_dir = v; break;
		case 'h': fputs(usage, out); return 1;
		}
	}
	if (c < 0)
		return -1;
	if (!o->config_path)
		return args_fail(err, errlen, "-C FILE is required");
	return 0;
}

int options_from_config(struct wan6_options *o, const struct keel_config *cfg,
			char *err, size_t errlen)
{
	if (!cfg->wan.present) {
		snprintf(err, errlen, "no [wan] section: no WAN to ask for a prefix");
		return -1;
	}
	config_wan_l3(&cfg->wan, o->ifname);
	/* The port itself (not a VLAN or ppp0): its MAC is the DUID, the
	 * same whatever runs on top. */
	snprintf(o->link, sizeof(o->link), "%s", cfg->wan.interface);
	o->mode = cfg->wan.dhcpv6 == CONFIG_DHCPV6_ON ? ENGINE_ON :
		cfg->wan.dhcpv6 == CONFIG_DHCPV6_OFF ? ENGINE_OFF : ENGINE_AUTO;
	o->n_lans = cfg->n_lans;
	for (unsigned i = 0; i < cfg->n_lans; i++) {
		memcpy(o->lans[i].name, cfg->lans[i].name, sizeof(o->lans[i].name));
		memcpy(o->lans[i].ifname, cfg->lans[i].interface,
		       sizeof(o->lans[i].ifname));
		o->lans[i].subnet_id = cfg->lans[i].subnet_id;
	}
	memset(&o->dslite, 0, sizeof(o->dslite));
	if (cfg->wan.ipv4 == CONFIG_WAN_IPV4_DSLITE) {
		const uint8_t *local = config_wan_dslite_local(&cfg->wan);

		o->dslite.on = 1;
		if (cfg->wan.aftr.family == CONFIG_AF_INET6) {
			o->dslite.has_remote = 1;
			memcpy(o->dslite.remote, cfg->wan.aftr.bytes, 16);
		}
		memcpy(o->dslite.name, cfg->wan.aftr_name,
		       sizeof(cfg->wan.aftr_name));
		/* IPv4 servers would sit behind the tunnel being set up. */
		for (unsigned i = 0; cfg->wan.mode == CONFIG_WAN_STATIC &&
		     i < cfg->wan.n_dns; i++)
			if (cfg->wan.dns[i].family == CONFIG_AF_INET6)
				memcpy(o->dslite.dns[o->dslite.n_dns++],
				       cfg->wan.dns[i].bytes, 16);
		if (local) {
			o->dslite.has_local = 1;
			memcpy(o->dslite.local, local, 16);
		}
	}
	return 0;
}

void options_print(const struct wan6_options *o, FILE *out)
{
	char a[INET6_ADDRSTRLEN];

	fprintf(out, "interface %s\n", o->ifname);
	fprintf(out, "duid-from %s\n", o->link);
	fprintf(out, "dhcpv6 %s\n", o->mode == ENGINE_ON ? "on" :
		o->mode == ENGINE_OFF ? "off" : "auto");
	fprintf(out, "lease %s\n", o->lease_path);
	fprintf(out, "data %s\n", o->data_dir);
	fprintf(out, "user %s\n", o->user);
	for (unsigned i = 0; i < o->n_lans; i++)
		fprintf(out, "lan %s interface %s subnet-id %u\n",
			o->lans[i].name, o->lans[i].ifname,
			(unsigned)o->lans[i].subnet_id);
	if (!o->dslite.on) {
		fprintf(out, "ipv4 native\n");
		return;
	}
	fprintf(out, "ipv4 dslite tunnel %s\n", CONFIG_DSLITE_IFNAME);
	if (o->dslite.has_remote) {
		fprintf(out, "dslite-remote %s (config)\n",
			inet_ntop(AF_INET6, o->dslite.remote, a, sizeof(a)));
	} else {
		if (o->dslite.name[0])
			fprintf(out, "dslite-remote %s (config name, before "
				"dhcpv6 option 64's), ", o->dslite.name);
		else
			fprintf(out, "dslite-remote from dhcpv6 option 64 "
				"(AFTR name), ");
		fputs("resolved with option 23's servers", out);
		for (unsigned i = 0; i < o->dslite.n_dns; i++)
			fprintf(out, "%s%s", i ? " " : ", else [wan] dns ",
				inet_ntop(AF_INET6, o->dslite.dns[i], a,
					  sizeof(a)));
		fputc('\n', out);
	}
	if (o->dslite.has_local)
		fprintf(out, "dslite-local %s (static)\n",
			inet_ntop(AF_INET6, o->dslite.local, a, sizeof(a)));
	else
		fprintf(out, "dslite-local dhcpv6 address, else slaac, else "
			"first lan's ::1\n");
}
