/* test_service_plan.c - which services a config runs, and that Keel's
 * daemons get the config snapshot instead of settings in argv. */
#include <stdio.h>
#include <string.h>

#include "keel/config.h"
#include "keel/file.h"
#include "keel/service_plan.h"
#include "check.h"

static struct keel_config cfg;
static struct service_def defs[SERVICES_MAX];

static const struct service_def *find(size_t n, const char *name)
{
	for (size_t i = 0; i < n && i < SERVICES_MAX; i++)
		if (strcmp(defs[i].name, name) == 0)
			return &defs[i];
	return NULL;
}

static int has_args(const struct service_def *d, const char *a, const char *b)
{
	for (unsigned i = 0; i + 1 < d->argc; i++)
		if (strcmp(d->args[i], a) == 0 && strcmp(d->args[i + 1], b) == 0)
			return 1;
	return 0;
}

static int parse(const char *text)
{
	struct config_error err;
	int r = config_parse(text, strlen(text), &cfg, &err);

	if (r)
		fprintf(stderr, "config: %s\n", err.msg);
	return r;
}

static void test_default_wan(void)
{
	char err[200];
	const struct service_def *d;

	CHECK_EQ_INT(parse("hostname r1\n[wan]\ninterface eth0\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX,
				   err, sizeof(err)), 5);
	CHECK_STR(defs[0].name, "logd");
	CHECK(defs[0].keel_daemon);
	CHECK(has_args(&defs[0], "-C", "/run/keel/keel.conf"));
	CHECK_EQ_INT(service_config_arg(&defs[0]), 2);
	CHECK_STR(defs[1].name, "wan-dhcp");
	CHECK(!defs[1].keel_daemon);
	CHECK_EQ_INT(service_config_arg(&defs[1]), -1);
	CHECK_STR(defs[1].args[defs[1].argc - 1], "hostname:r1");
	d = find(5, "sshd");
	CHECK(d && d->listen_port == 22 && has_args(d, "-p", "10.0.0.1:22"));
	d = find(5, "dnsd");
	CHECK(d && d->argc == 3);
	/* DHCPv6 on the WAN unless [wan] dhcpv6 off. */
	d = find(5, "wan6");
	CHECK(d && d->keel_daemon && d->argc == 3);
	CHECK(d && strcmp(d->rundir, "/run/wan6") == 0 &&
	      strcmp(d->datadir, "/data/wan6") == 0 &&
	      strcmp(d->rundir_owner, "wan6") == 0);
	/* A count past max is still counted. */
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, 1, err, sizeof(err)), 5);
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\ndhcpv6 off\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, SERVICES_MAX, err,
				   sizeof(err)), 4);
	CHECK(find(4, "wan6") == NULL);
}

/* DS-Lite: no DHCPv4 client on the WAN; wan6 still runs (IPv6, and the
 * AFTR's name when aftr is not set). */
static void test_dslite(void)
{
	char err[200];

	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nipv4 dslite\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, SERVICES_MAX, err,
				   sizeof(err)), 4);
	CHECK(find(4, "wan-dhcp") == NULL);
	CHECK(find(4, "wan6") != NULL);
	/* dhcpv6 off: wan6 still runs, to give the tunnel its local end
	 * from SLAAC... */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nipv4 dslite\ndhcpv6 off\n"
			   "aftr 2001:db8::1\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, SERVICES_MAX, err,
				   sizeof(err)), 4);
	CHECK(find(4, "wan6") != NULL);
	/* ...unless a static WAN address is that end (init sets it). */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nmode static\n"
			   "address 2001:db8:1::2/64\ngateway fe80::1\n"
			   "ipv4 dslite\ndhcpv6 off\naftr 2001:db8::1\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, SERVICES_MAX, err,
				   sizeof(err)), 3);
	CHECK(find(3, "wan6") == NULL);
	/* ...unless aftr is a name: wan6 resolves it. */
	CHECK_EQ_INT(parse("[wan]\ninterface eth0\nmode static\n"
			   "address 2001:db8:1::2/64\ngateway fe80::1\n"
			   "dns 2001:db8:1::53\nipv4 dslite\ndhcpv6 off\n"
			   "aftr gw.transix.jp\n"
			   "[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	CHECK_EQ_INT(services_plan(&cfg, "/x", defs, SERVICES_MAX, err,
				   sizeof(err)), 4);
	CHECK(find(4, "wan6") != NULL);
}

/* Every count at its documented maximum: 13 services (14 with a DHCP
 * WAN), each fits. */
static void test_maximal(void)
{
	static char text[CONFIG_FILE_MAX];
	char err[200];
	int truncated, n;
	ssize_t len = file_read(KEEL_TEST_CONFIG_DIR "/maximal.conf", text,
				sizeof(text), &truncated);
	struct config_error cerr;

	CHECK(len > 0 && !truncated);
	CHECK_EQ_INT(config_parse(text, (size_t)len, &cfg, &cerr), 0);
	n = services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX, err,
			  sizeof(err));
	CHECK_EQ_INT(n, 13);
	CHECK(find(13, "dhcpd-guestnnnn") != NULL);
	CHECK(find(13, "rad-labnnnnnnnn") != NULL);
	CHECK(find(13, "flowd") != NULL);
	CHECK(find(13, "wan6") != NULL);
	/* The 63-character hostname reaches udhcpc whole. */
	cfg.wan.mode = CONFIG_WAN_DHCP;
	n = services_plan(&cfg, "/run/keel/keel.conf", defs, SERVICES_MAX, err,
			  sizeof(err));
	CHECK_EQ_INT(n, 14);
	CHECK(strlen(find(14, "wan-dhcp")->args[8]) == 9 + 63);
	/* dropbear on all 16 LAN addresses. */
	CHECK_EQ_INT((int)find(14, "sshd")->argc, 4 + 32);
}

/* An argument that cannot fit is an error, never a cut. */
static void test_overflow(void)
{
	char err[200], path[200];

	CHECK_EQ_INT(parse("[lan]\ninterface eth1\naddress 10.0.0.1/24\n"), 0);
	memset(path, 'p', sizeof(path) - 1);
	path[sizeof(path) - 1] = '\0';
	CHECK_EQ_INT(services_plan(&cfg, path, defs, SERVICES_MAX, err, sizeof(err)), -1);
	CHECK(strstr(err, "does not fit") != NULL);
}

int main(void)
{
	test_default_wan();
	test_dslite();
	test_maximal();
	test_overflow();
	return check_done();
}
