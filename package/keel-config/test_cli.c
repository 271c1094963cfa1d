/*
 * test_cli.c - keel-config as a person or script runs it: good and bad
 * files, the exit status and the message that names the problem.
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "cli.h"

/* make check runs tests from package/keel-config. */
#define SHIPPED "../../rootfs/skeleton/etc/keel/keel.conf"

static char path[] = "/tmp/keel-test-cli-XXXXXX";
static char out[256 * 1024], errout[4096];

static void put(const char *content)
{
	FILE *f = fopen(path, "w");

	if (!f || fputs(content, f) < 0)
		CHECK(!"cannot write the temporary file");
	if (f)
		fclose(f);
}

/* Runs keel-config with up to three arguments; captures both streams. */
static int run(const char *a1, const char *a2, const char *a3)
{
	char *argv[] = { "keel-config", (char *)a1, (char *)a2, (char *)a3, NULL };
	int argc = 1 + !!a1 + (a1 && a2) + (a1 && a2 && a3);
	FILE *o = fmemopen(out, sizeof(out), "w");
	FILE *e = fmemopen(errout, sizeof(errout), "w");
	int status;

	if (!o || !e)
		abort();
	out[0] = errout[0] = '\0';	/* not every libc clears on "w" */
	status = keel_config_main(argc, argv, o, e);
	fclose(o);
	fclose(e);
	return status;
}

static void test_check(void)
{
	CHECK_EQ_INT(run("check", SHIPPED, NULL), CLI_OK);
	CHECK_STR(errout, "");
	CHECK(strstr(out, "valid; effective settings:") != NULL);
	CHECK(strstr(out, "\n[dhcp]\nrange 10.0.0.100 10.0.0.249\n") != NULL);
	CHECK(strstr(out, "\n[ssh]\npassword off\nlisten lan\n") != NULL);

	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dhcp]\n"
	    "range 10.0.0.100 10.0.0.300\n");
	CHECK_EQ_INT(run("check", path, NULL), CLI_INVALID);
	CHECK_STR(out, "");
	CHECK(strstr(errout, ": line 5, column 18: [dhcp] range: 10.0.0.300 is "
		     "not an IPv4 address\n") != NULL);
	CHECK(strncmp(errout, "keel-config: /tmp/keel-test-cli-", 32) == 0);

	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dhcp]\n"
	    "range 10.0.1.100 10.0.1.200\n");
	CHECK_EQ_INT(run("check", path, NULL), CLI_INVALID);
	CHECK(strstr(errout, "[dhcp lan] range start 10.0.1.100 is outside "
		     "every [lan lan] subnet") != NULL);

	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dhcp]\nlease 1h\n");
	CHECK_EQ_INT(run("check", path, NULL), CLI_INVALID);
	CHECK(strstr(errout, "line 5, column 1: [dhcp] lease: unknown key") != NULL);

	CHECK_EQ_INT(run("check", "/nonexistent/keel.conf", NULL), CLI_INVALID);
	CHECK_STR(errout, "keel-config: /nonexistent/keel.conf: cannot read: "
		  "No such file or directory\n");
}

/* What check prints is itself a valid file that prints the same. */
static void test_check_output_rechecks(void)
{
	static char first[256 * 1024];
	char *body;

	if (run("check", SHIPPED, NULL) != CLI_OK)
		return;
	body = strchr(out, '\n') + 1;	/* past the "# valid" line */
	strcpy(first, body);
	put(first);
	CHECK_EQ_INT(run("check", path, NULL), CLI_OK);
	CHECK_STR(strchr(out, '\n') + 1, first);
}

static void test_get(void)
{
	CHECK_EQ_INT(run("get", "wan.interface", SHIPPED), CLI_OK);
	CHECK_STR(out, "eth0\n");
	CHECK_EQ_INT(run("get", "lan.address", SHIPPED), CLI_OK);
	CHECK_STR(out, "10.0.0.1/24 fd00::1/64\n");
	CHECK_EQ_INT(run("get", "dhcp.lease-time", SHIPPED), CLI_OK);
	CHECK_STR(out, "12h\n");
	CHECK_EQ_INT(run("get", "services.dnsd", SHIPPED), CLI_OK);
	CHECK_STR(out, "on\n");
	/* Defaults are answered too: they are effective settings. */
	CHECK_EQ_INT(run("get", "ssh.port", SHIPPED), CLI_OK);
	CHECK_STR(out, "22\n");
	CHECK_EQ_INT(run("get", "dns.upstream", SHIPPED), CLI_INVALID);
	CHECK_STR(out, "");
	CHECK_STR(errout, "keel-config: dns.upstream: not set\n");
	CHECK_EQ_INT(run("get", "wan..x", SHIPPED), CLI_USAGE);

	/* A broken file answers from the safe default, as init would run. */
	put("[wan]\ninterface eth0\n[lan]\ninterface eth1\naddress x\n");
	CHECK_EQ_INT(run("get", "lan.interface", path), CLI_OK);
	CHECK_STR(out, "br-lan\n");
	CHECK(strstr(errout, "answering from the built-in safe default") != NULL);
	CHECK_EQ_INT(run("get", "wan.interface", path), CLI_INVALID);
}

static void test_usage(void)
{
	CHECK_EQ_INT(run(NULL, NULL, NULL), CLI_USAGE);
	CHECK(strncmp(errout, "usage: keel-config check", 24) == 0);
	CHECK_EQ_INT(run("frobnicate", NULL, NULL), CLI_USAGE);
	CHECK_EQ_INT(run("get", NULL, NULL), CLI_USAGE);
	CHECK_EQ_INT(run("check", "a", "b"), CLI_USAGE);
	CHECK_EQ_INT(run("--help", NULL, NULL), CLI_OK);
	CHECK(strstr(out, "exit status") != NULL);
	CHECK_EQ_INT(run("default", NULL, NULL), CLI_OK);
	CHECK(strstr(out, "[lan]\ninterface br-lan\nports eth1 eth2 eth3\n") != NULL);
	CHECK(strstr(out, "\n[wan]\n") == NULL);
	CHECK_EQ_INT(run("keys", NULL, NULL), CLI_OK);
	CHECK(strncmp(out, "- hostname\n", 11) == 0);
	CHECK(strstr(out, "\ndhcp rate-limit\n") != NULL);
	CHECK(strstr(out, "\nflow version\n") != NULL);
}

/* Stand-ins for the services' check modes (KEEL_SBIN): each accepts any
 * file but dnsd, which refuses a domain, as the real one refuses what does
 * not fit it. */
static char sbin[] = "/tmp/keel-test-sbin-XXXXXX";

static void make_validators(void)
{
	static const char *const names[] = { "logd", "dhcpd", "rad", "wan6", "flowd", "keel-fw" };
	char file[128];
	FILE *f;

	if (!mkdtemp(sbin))
		abort();
	for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		snprintf(file, sizeof(file), "%s/%s", sbin, names[i]);
		f = fopen(file, "w");
		if (!f)
			abort();
		fputs("#!/bin/sh\nexit 0\n", f);
		fclose(f);
		chmod(file, 0755);
	}
	snprintf(file, sizeof(file), "%s/dnsd", sbin);
	f = fopen(file, "w");
	if (!f)
		abort();
	fputs("#!/bin/sh\n[ \"$1 $2\" = \"-n -C\" ] || exit 2\n"
	      "if grep -q '^domain refuse.example' \"$3\"; then\n"
	      "  echo 'dnsd: that domain, never' >&2; exit 1\nfi\n", f);
	fclose(f);
	chmod(file, 0755);
	setenv("KEEL_SBIN", sbin, 1);
}

static void remove_validators(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf %s", sbin);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", sbin);
}

/* A file the parser accepts but a service refuses is not valid. */
static void test_check_runs_validators(void)
{
	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dns]\ndomain refuse.example\n");
	CHECK_EQ_INT(run("check", path, NULL), CLI_INVALID);
	CHECK(strstr(errout, ": dnsd refuses it: dnsd: that domain, never\n") != NULL);
	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dns]\ndomain fine.example\n");
	CHECK_EQ_INT(run("check", path, NULL), CLI_OK);
	CHECK(strstr(out, "# dnsd: ok\n") != NULL);
	CHECK(strstr(out, "# logd: ok\n") != NULL);
	CHECK(strstr(out, "# keel-fw: ok\n") == NULL);	/* no [wan]: no ruleset */
	/* A service that cannot be run is an error too. */
	setenv("KEEL_SBIN", "/nonexistent", 1);
	CHECK_EQ_INT(run("check", path, NULL), CLI_INVALID);
	CHECK(strstr(errout, "logd refuses it: cannot run /nonexistent/logd") != NULL);
	setenv("KEEL_SBIN", sbin, 1);
	/* apply checks the same way, and changes nothing when refused. */
	put("[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dns]\ndomain refuse.example\n");
	CHECK_EQ_INT(run("apply", path, NULL), CLI_INVALID);
	CHECK(strstr(errout, "nothing changed") != NULL);
	CHECK_EQ_INT(run("apply", path, "--confirm"), CLI_USAGE);
}

int main(void)
{
	int fd = mkstemp(path);

	make_validators();

	if (!CHECK(fd >= 0))
		return check_done();
	close(fd);
	test_check();
	test_check_output_rechecks();
	test_get();
	test_usage();
	test_check_runs_validators();
	unlink(path);
	remove_validators();
	return check_done();
}
