/*
 * test_from_config.c - logd -C: each [log]/[ssh] key lands in the option
 * it owns and shows in the -n printout, a maximal config maps whole, and
 * what logd cannot hold is an error, never cut.
 */
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "check.h"
#include "from_config.h"

#define LAN "[lan]\ninterface eth1\naddress 10.0.0.1/24 fd00::1/64\n"

static struct keel_config conf;
static struct logd_options opt;
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

static void test_defaults(void)
{
	CHECK_EQ_INT(map(LAN), 0);
	CHECK_EQ_UINT(opt.ring_bytes, 256u << 10);
	CHECK_EQ_UINT(opt.ban.failures, 5);	/* sshd is on by default */
	CHECK_EQ_UINT(opt.ban.ban_s, 600);
	CHECK_EQ_UINT(opt.ban.prefix6, 64);
	CHECK_EQ_UINT(opt.ban.probes, 20);
	CHECK_EQ_UINT(opt.ban.probe_window_s, 60);
	CHECK_EQ_UINT(opt.ban.n_allow, 0);
	/* The LAN's own IPv6 prefix: sources in it are banned per address. */
	CHECK_EQ_UINT(opt.ban.n_local6, 1);
	CHECK_EQ_INT(opt.ban.local6[0].family, AF_INET6);
	CHECK_EQ_UINT(opt.ban.local6[0].len, 64);
	CHECK_EQ_UINT(opt.ban.local6[0].addr[0], 0xfd);
	CHECK(!opt.remote_set);
	/* What keel.conf does not hold stays as the flags left it. */
	CHECK_STR(opt.syslog_path, "/dev/log");
	CHECK_EQ_UINT(opt.ban.window_s, 600);
	CHECK_EQ_UINT(opt.ban.ban_max_s, 86400);
	CHECK_STR(opt.user, "logd");
}

static void test_keys(void)
{
	CHECK_EQ_INT(map(LAN "[log]\nring-size 1M\n"), 0);
	CHECK_EQ_UINT(opt.ring_bytes, 1u << 20);

	CHECK_EQ_INT(map(LAN "[log]\nremote 192.0.2.5\n"), 0);
	CHECK(opt.remote_set && !opt.remote_tcp);
	CHECK_STR(opt.remote.text, "192.0.2.5:514");
	CHECK_EQ_UINT(opt.remote.sa.ss_family, AF_INET);
	CHECK_EQ_INT(map(LAN "[log]\nremote [2001:db8::5]:1514 tcp\n"), 0);
	CHECK(opt.remote_set && opt.remote_tcp);
	CHECK_STR(opt.remote.text, "[2001:db8::5]:1514");
	CHECK_EQ_UINT(opt.remote.sa.ss_family, AF_INET6);
	CHECK_EQ_INT(map(LAN "[log]\nremote 192.0.2.5:5514 udp\n"), 0);
	CHECK(opt.remote_set && !opt.remote_tcp);
	CHECK_STR(opt.remote.text, "192.0.2.5:5514");

	CHECK_EQ_INT(map(LAN "[ssh]\nban-after 3\nban-time 1h\n"), 0);
	CHECK_EQ_UINT(opt.ban.failures, 3);
	CHECK_EQ_UINT(opt.ban.ban_s, 3600);
	CHECK_EQ_INT(map(LAN "[ssh]\nban-after 0\n"), 0);
	CHECK_EQ_UINT(opt.ban.failures, 0);
	/* No sshd, nothing to watch: the ban is off whatever ban-after says. */
	CHECK_EQ_INT(map(LAN "[services]\nsshd off\n[ssh]\nban-after 3\n"), 0);
	CHECK_EQ_UINT(opt.ban.failures, 0);
}

static void test_maximal(void)
{
	CHECK_EQ_INT(map(LAN "[log]\nring-size 16M\n"
			 "remote [2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535 tcp\n"
			 "[ssh]\nban-after 1000\nban-time 1d\n"), 0);
	CHECK_EQ_UINT(opt.ring_bytes, LOGD_RING_MAX);
	CHECK_STR(opt.remote.text, "[2001:db8:ffff:ffff:ffff:ffff:ffff:ffff]:65535");
	CHECK_EQ_UINT(opt.ban.failures, 1000);
	CHECK_EQ_UINT(opt.ban.ban_s, 86400);
	CHECK_EQ_INT(map(LAN "[log]\nring-size 16K\n[ssh]\nban-time 1s\n"), 0);
	CHECK_EQ_UINT(opt.ring_bytes, LOGD_RING_MIN);
	CHECK_EQ_UINT(opt.ban.ban_s, 1);
	/* The [ssh] ban keys, from the maximal config's values. */
	CHECK_EQ_INT(map(LAN "[ssh]\nban-prefix6 48\nprobe-limit 1000/h\n"
			 "ban-allow 192.0.2.1 2001:db8:1::/48\n"
			 "ban-allow 10.0.0.0/8\n"), 0);
	CHECK_EQ_UINT(opt.ban.prefix6, 48);
	CHECK_EQ_UINT(opt.ban.probes, 1000);
	CHECK_EQ_UINT(opt.ban.probe_window_s, 3600);
	CHECK_EQ_UINT(opt.ban.n_allow, 3);
	CHECK_EQ_INT(opt.ban.allow[0].family, AF_INET);
	CHECK_EQ_UINT(opt.ban.allow[0].len, 32);
	CHECK_EQ_INT(opt.ban.allow[1].family, AF_INET6);
	CHECK_EQ_UINT(opt.ban.allow[1].len, 48);
	CHECK_EQ_UINT(opt.ban.allow[1].addr[5], 1);
	CHECK_EQ_UINT(opt.ban.allow[2].len, 8);
	/* Out of range or malformed: the parser's error names the key. */
	CHECK_EQ_INT(map(LAN "[ssh]\nban-prefix6 47\n"), -2);
	CHECK(strstr(err, "ban-prefix6") || strstr(err, "47"));
	CHECK_EQ_INT(map(LAN "[ssh]\nban-prefix6 129\n"), -2);
	CHECK_EQ_INT(map(LAN "[ssh]\nban-allow 10.0.0.0/33\n"), -2);
	CHECK_EQ_INT(map(LAN "[ssh]\nban-allow nowhere\n"), -2);
	CHECK_EQ_INT(map(LAN "[ssh]\nprobe-limit 5\n"), -2);
}

static void test_limits(void)
{
	CHECK_EQ_INT(map(LAN), 0);
	/* Beyond what the parser lets through: logd's own limits hold. */
	conf.log.ring_bytes = LOGD_RING_MAX + 1;
	options_defaults(&opt);
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "ring-size") && strstr(err, "LOGD_RING_MAX"));
	conf.log.ring_bytes = LOGD_RING_MIN - 1;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	conf.log.ring_bytes = LOGD_RING_MIN;
	conf.ssh.ban_after = LOGD_BAN_FAILURES_MAX + 1;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "ban-after") && strstr(err, "LOGD_BAN_FAILURES_MAX"));
	conf.ssh.ban_after = 5;
	conf.ssh.ban_seconds = 0;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "ban-time") != NULL);
	/* A failed map leaves the options as they were. */
	CHECK_EQ_UINT(opt.ring_bytes, 256u << 10);

	/* -m (not in keel.conf) shorter than the config's first ban. */
	CHECK_EQ_INT(map(LAN "[ssh]\nban-time 2h\n"), 0);
	options_defaults(&opt);
	opt.ban.ban_max_s = 3600;
	CHECK_EQ_INT(options_from_config(&opt, &conf, err, sizeof(err)), -1);
	CHECK(strstr(err, "longest ban") != NULL);
	CHECK_EQ_UINT(opt.ban.ban_s, 600);	/* untouched */
}

/* Every key logd owns changes what -n prints. */
static void test_printout(void)
{
	static const char *const variants[] = {
		LAN "[log]\nring-size 512K\n",
		LAN "[log]\nremote 192.0.2.5\n",
		LAN "[log]\nremote 192.0.2.6\n",
		LAN "[log]\nremote 192.0.2.5 tcp\n",
		LAN "[ssh]\nban-after 4\n",
		LAN "[ssh]\nban-time 20m\n",
		LAN "[ssh]\nban-prefix6 56\n",
		LAN "[ssh]\nprobe-limit 5/m\n",
		LAN "[ssh]\nprobe-limit off\n",
		LAN "[ssh]\nban-allow 192.0.2.7\n",
		LAN "[services]\nsshd off\n",
	};
	static char base[2048], other[2048];

	printed(LAN, base, sizeof(base));
	CHECK(strstr(base, "ring            262144 bytes\n") != NULL);
	CHECK(strstr(base, "remote          none\n") != NULL);
	CHECK(strstr(base, "ssh ban         5 failures in 600s: 600s") != NULL);
	for (size_t i = 0; i < sizeof(variants) / sizeof(variants[0]); i++) {
		printed(variants[i], other, sizeof(other));
		check_report(other[0] && strcmp(base, other) != 0, __FILE__,
			     __LINE__, "-n output does not show: %s", variants[i]);
	}
	printed(variants[3], other, sizeof(other));
	CHECK(strstr(other, "remote          192.0.2.5:514 tcp\n") != NULL);
}

/* -C and the flags keel.conf owns exclude each other. */
static int parse(const char *line)
{
	static char buf[256];
	char *argv[32] = { "logd" };
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
	CHECK_EQ_INT(parse("-C /etc/keel/keel.conf -n -u nobody -K - -U "
			   "10.0.0.1 -w 60 -m 3600 -H gw"), 0);
	CHECK_STR(opt.config_path, "/etc/keel/keel.conf");
	CHECK(opt.check_only);
	CHECK_EQ_UINT(opt.ban.ban_max_s, 3600);
	CHECK_EQ_INT(parse("-C k.conf -s 1m"), -1);
	CHECK(strstr(err, "-s and -C") != NULL);
	CHECK_EQ_INT(parse("-r 10.0.0.1 -C k.conf"), -1);
	CHECK(strstr(err, "-r and -C") != NULL);
	CHECK_EQ_INT(parse("-C k.conf -t tcp"), -1);
	CHECK_EQ_INT(parse("-C k.conf -f 3"), -1);
	CHECK_EQ_INT(parse("-C k.conf -b 60"), -1);
	CHECK_EQ_INT(parse("-C k.conf -a 10.0.0.0/8"), -1);
	CHECK(strstr(err, "-a and -C") != NULL);
	CHECK_EQ_INT(parse("-C k.conf -6 56"), -1);
	CHECK_EQ_INT(parse("-C k.conf -p 5/60"), -1);
	/* The flags themselves. */
	CHECK_EQ_INT(parse("-6 56 -p 7/30"), 0);
	CHECK_EQ_UINT(opt.ban.prefix6, 56);
	CHECK_EQ_UINT(opt.ban.probes, 7);
	CHECK_EQ_UINT(opt.ban.probe_window_s, 30);
	CHECK_EQ_INT(parse("-p 0"), 0);
	CHECK_EQ_UINT(opt.ban.probes, 0);
	CHECK_EQ_INT(parse("-6 47"), -1);
	CHECK(strstr(err, "-6 47") != NULL);
	CHECK_EQ_INT(parse("-6 129"), -1);
	CHECK_EQ_INT(parse("-p 5"), -1);
	CHECK_EQ_INT(parse("-p 5/0"), -1);
	CHECK_EQ_INT(parse("-p x/60"), -1);
	CHECK_EQ_INT(parse("-C"), -1);
	CHECK(strstr(err, "needs a value") != NULL);
	/* The ban check waits for the config's ban time. */
	CHECK_EQ_INT(parse("-C k.conf -m 60"), 0);
	CHECK_EQ_INT(parse("-m 60"), -1);
}

int main(void)
{
	test_defaults();
	test_keys();
	test_maximal();
	test_limits();
	test_printout();
	test_flags();
	return check_done();
}
