/*
 * test_from_config.c - flowd -C: [flow] interface, collector and version
 * land in the options and show in the -n printout, a maximal [flow] maps
 * whole, no [flow] (or more than flowd holds) is an error, never cut.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "from_config.h"

/* A WAN and a bridged LAN: five interfaces [flow] may name. */
#define NET "[wan]\ninterface eth0\n" \
	"[lan]\ninterface br0\nports eth1 eth2 eth3\n" \
	"address 10.0.0.1/24 fd00::1/64\n"
#define FLOW NET "[flow]\ninterface eth0\ncollector 192.0.2.10\n"

static struct keel_config conf;
static struct flowd_options opt;
static char err[320];

/* Parses text as keel.conf, then maps it onto default options. */
static int map(const char *text)
{
	struct config_error cerr;

	options_defaults(&opt);
	err[0] = '\0';
	if (config_parse(text, strlen(text), &conf, &cerr) < 0) {
		snprintf(err, sizeof(err), "parse: %s", cerr.msg);
		return -2;
	}
	return options_from_config(&opt, &conf, err, sizeof(err));
}

/* The -n printout of text's settings, into out. */
static void printed(const char *text, char *out, size_t size)
{
	FILE *f;

	out[0] = '\0';
	if (map(text) != 0)
		return;
	f = fmemopen(out, size, "w");
	if (!f)
		return;
	options_print(&opt, f);
	fclose(f);
}

static void test_keys(void)
{
	CHECK_EQ_INT(map(FLOW), 0);
	CHECK_EQ_UINT(opt.n_ifaces, 1);
	CHECK_STR(opt.ifaces[0], "eth0");
	CHECK_EQ_UINT(opt.n_collectors, 1);
	CHECK_STR(opt.collectors[0].text, "192.0.2.10:2055");
	CHECK_EQ_UINT(opt.collectors[0].sa.ss_family, AF_INET);
	CHECK_EQ_INT(opt.eng.version, 9);
	CHECK(opt.both_directions);	/* one interface: all it sees */
	/* What [flow] does not hold stays as the flags left it. */
	CHECK_EQ_UINT(opt.eng.max_flows, 8192);
	CHECK_STR(opt.user, "flowd");
	CHECK(opt.read_file == NULL);

	CHECK_EQ_INT(map(NET "[flow]\ninterface eth0 br0\n"
			 "collector [2001:db8::10]:4739 192.0.2.11:9995\n"
			 "version 10\n"), 0);
	CHECK_EQ_UINT(opt.n_ifaces, 2);
	CHECK_STR(opt.ifaces[1], "br0");
	CHECK(!opt.both_directions);	/* several: ingress only */
	CHECK_EQ_UINT(opt.n_collectors, 2);
	CHECK_STR(opt.collectors[0].text, "[2001:db8::10]:4739");
	CHECK_EQ_UINT(opt.collectors[0].sa.ss_family, AF_INET6);
	CHECK_EQ_UINT(ntohs(((struct sockaddr_in6 *)&opt.collectors[0].sa)->sin6_port),
		      4739);
	CHECK_STR(opt.collectors[1].text, "192.0.2.11:9995");
	CHECK_EQ_INT(opt.eng.version, 10);
	CHECK_EQ_INT(map(FLOW "version 5\n"), 0);
	CHECK_EQ_INT(opt.eng.version, 5);

	/* -d, not in keel.conf, still decides the direction. */
	options_defaults(&opt);
	opt.both_directions = true;
	opt.direction_set = true;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), 0);
	CHECK(opt.both_directions);
}

static void test_maximal(void)
{
	CHECK_EQ_INT(map(NET "[flow]\ninterface eth0 eth1 eth2 eth3\n"
			 "collector 192.0.2.1 192.0.2.2:65535 "
			 "[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535 [::1]\n"
			 "version 10\n"), 0);
	CHECK_EQ_UINT(opt.n_ifaces, CONFIG_MAX_FLOW_IFACES);
	CHECK_STR(opt.ifaces[3], "eth3");
	CHECK_EQ_UINT(opt.n_collectors, CONFIG_MAX_COLLECTORS);
	CHECK_STR(opt.collectors[2].text,
		  "[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535");
	CHECK_STR(opt.collectors[3].text, "[::1]:2055");
	/* The longest interface name keel.conf takes. */
	CHECK_EQ_INT(map("[wan]\ninterface wan-0123456789a\n"
			 "[lan]\ninterface br0\naddress 10.0.0.1/24\n"
			 "[flow]\ninterface wan-0123456789a\n"
			 "collector 192.0.2.1\n"), 0);
	CHECK_STR(opt.ifaces[0], "wan-0123456789a");
}

static void test_errors(void)
{
	/* No [flow]: flowd has nothing to do, and says so. */
	CHECK_EQ_INT(map(NET), -1);
	CHECK(strstr(err, "no [flow] section") != NULL);
	/* Beyond what the parser lets through: flowd's own limits hold. */
	CHECK_EQ_INT(map(FLOW), 0);
	conf.flow.n_interfaces = FLOWD_MAX_IFACES + 1;
	options_defaults(&opt);
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "FLOWD_MAX_IFACES") != NULL);
	conf.flow.n_interfaces = 1;
	conf.flow.n_collectors = FLOWD_MAX_COLLECTORS + 1;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "FLOWD_MAX_COLLECTORS") != NULL);
	conf.flow.n_collectors = 1;
	conf.flow.version = 7;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "version 7") != NULL);
	/* A failed map leaves the options as they were. */
	CHECK_EQ_UINT(opt.n_ifaces, 0);
	CHECK_EQ_UINT(opt.n_collectors, 0);
	CHECK_EQ_INT(opt.eng.version, 9);
}

/* Every key flowd owns changes what -n prints. */
static void test_printout(void)
{
	static const char *const variants[] = {
		NET "[flow]\ninterface eth1\ncollector 192.0.2.10\n",
		NET "[flow]\ninterface eth0 eth1\ncollector 192.0.2.10\n",
		NET "[flow]\ninterface eth0\ncollector 192.0.2.11\n",
		NET "[flow]\ninterface eth0\ncollector 192.0.2.10:9995\n",
		NET "[flow]\ninterface eth0\ncollector 192.0.2.10 192.0.2.11\n",
		FLOW "version 5\n",
		FLOW "version 10\n",
	};
	static char base[4096], other[4096];

	printed(FLOW, base, sizeof(base));
	CHECK(strstr(base, "interface eth0\n") != NULL);
	CHECK(strstr(base, "collector 192.0.2.10:2055\n") != NULL);
	CHECK(strstr(base, "version 9 (NetFlow v9)\n") != NULL);
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		printed(variants[i], other, sizeof(other));
		check_report(other[0] && strcmp(base, other) != 0, __FILE__,
			     __LINE__, "-n output does not show: %s", variants[i]);
	}
}

/* -C and the flags keel.conf owns exclude each other. */
static int parse(const char *line)
{
	static char buf[256];
	char *argv[32] = { "flowd" };
	int argc = 1;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *t = strtok(buf, " "); t && argc < 31; t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	options_defaults(&opt);
	return options_parse(&opt, argc, argv, err, sizeof(err));
}

static void test_flags(void)
{
	CHECK_EQ_INT(parse("-C /etc/keel/keel.conf -n -k -U nobody -m 1024 "
			   "-d in -O 0"), 0);
	CHECK_STR(opt.config_path, "/etc/keel/keel.conf");
	CHECK(opt.check_only && opt.log_kmsg);
	CHECK_EQ_UINT(opt.eng.max_flows, 1024);
	CHECK_EQ_INT(parse("-C k.conf -i eth0"), -1);
	CHECK(strstr(err, "-i and -C") != NULL);
	CHECK_EQ_INT(parse("-c 192.0.2.1 -C k.conf"), -1);
	CHECK(strstr(err, "-c and -C") != NULL);
	CHECK_EQ_INT(parse("-C k.conf -v 5"), -1);
	CHECK_EQ_INT(parse("-C k.conf -r x.pcap"), -1);
	CHECK_EQ_INT(parse("-C"), -1);
	CHECK(strstr(err, "needs a value") != NULL);
	/* -S reads the summary and needs nothing else. */
	CHECK_EQ_INT(parse("-C k.conf -S"), 0);
}

int main(void)
{
	test_keys();
	test_maximal();
	test_errors();
	test_printout();
	test_flags();
	return check_done();
}
