/*
 * test_options.c - command line to settings: addresses with ports,
 * sizes, errors.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>

#include "check.h"
#include "options.h"

static int parse(struct dnsd_config *cfg, char *err, size_t errlen, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;

	argv[argc++] = "dnsd";
	va_start(ap, errlen);
	while (argc < 31 && (argv[argc] = va_arg(ap, char *)))
		argc++;
	va_end(ap);
	argv[argc] = NULL;
	options_defaults(cfg);
	return options_parse(cfg, argc, argv, err, errlen);
}

int main(void)
{
	struct endpoint a;
	struct dnsd_config cfg;
	char err[256];
	size_t size;

	CHECK_EQ_INT(endpoint_parse("192.0.2.1", 53, &a), 0);
	CHECK_STR(a.text, "192.0.2.1:53");
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:5353", 53, &a), 0);
	CHECK_EQ_UINT(ntohs(((struct sockaddr_in *)&a.sa)->sin_port), 5353);
	CHECK_EQ_INT(endpoint_parse("::1", 53, &a), 0);
	CHECK_STR(a.text, "[::1]:53");
	CHECK_EQ_INT(endpoint_parse("[fd00::1]:5300", 53, &a), 0);
	CHECK_EQ_UINT(a.sa.ss_family, AF_INET6);
	CHECK_STR(a.text, "[fd00::1]:5300");
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:0", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:65536", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("192.0.2.1:", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("[::1", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("[::1]x", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("example.com", 53, &a), -1);
	CHECK_EQ_INT(endpoint_parse("", 53, &a), -1);

	CHECK_EQ_INT(parse_size("4096", &size), 0);
	CHECK_EQ_UINT(size, 4096);
	CHECK_EQ_INT(parse_size("512k", &size), 0);
	CHECK_EQ_UINT(size, 512 * 1024);
	CHECK_EQ_INT(parse_size("4M", &size), 0);
	CHECK_EQ_UINT(size, 4 << 20);
	CHECK_EQ_INT(parse_size("-1", &size), -1);
	CHECK_EQ_INT(parse_size("12q", &size), -1);
	CHECK_EQ_INT(parse_size("", &size), -1);

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1",
			   "-l", "[fd00::1]", "-u", "192.0.2.53", "-u",
			   "192.0.2.54:5353", "-c", "2m", "-d", "home", "-q",
			   "-r", "50", "-B", "null", "-n", NULL), 0);
	CHECK_EQ_UINT(cfg.nlisten, 2);
	CHECK_EQ_UINT(cfg.nupstream, 2);
	CHECK_EQ_UINT(cfg.cache_bytes, 2 << 20);
	CHECK_STR(cfg.domain, "home");
	CHECK(cfg.querylog);
	CHECK(cfg.check_only);
	CHECK_EQ_UINT(cfg.rate, 50);
	CHECK_EQ_UINT(cfg.burst, 100);
	CHECK_EQ_INT(cfg.block_mode, BLOCK_NULL);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1",
			   "-u", "192.0.2.53", "-r", "10/3", NULL), 0);
	CHECK_EQ_UINT(cfg.burst, 10);

	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-u", "192.0.2.53", NULL), -1);
	CHECK_STR(err, "no -l listen address given");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", NULL), -1);
	CHECK_STR(err, "no -u upstream server or -F file given");
	/* -F alone is enough (the WAN's servers come later); the first -L
	 * replaces the default lease file, more add to it. */
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-F",
			   "/run/keel/wan-dns", "-L", "/run/dhcpd/lan.hosts",
			   "-L", "/run/dhcpd/guest.hosts", NULL), 0);
	CHECK_STR(cfg.upstream_file, "/run/keel/wan-dns");
	CHECK_EQ_UINT(cfg.nupstream, 0);
	CHECK_EQ_UINT(cfg.nleases, 2);
	CHECK_STR(cfg.leases_files[1], "/run/dhcpd/guest.hosts");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "10.0.0.1", "-F", "f",
			   "-L", "a", "-L", "b", "-L", "c", "-L", "d", "-L", "e",
			   NULL), -1);
	CHECK_STR(err, "more than 4 -L");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "x", NULL), -1);
	CHECK_STR(err, "-u x: not ADDR[:PORT]");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "-B", "drop", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "-T", "5", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "0.0.0.0", "-u",
			   "192.0.2.53", NULL), -1);
	CHECK_STR(err, "-l 0.0.0.0:53: wildcard address refused, name the "
		       "LAN address");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "[::]:5353", "-u",
			   "192.0.2.53", NULL), -1);
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-z", NULL), -1);
	CHECK_STR(err, "unknown option -z (-h for help)");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", NULL), -1);
	CHECK_STR(err, "-l needs an argument");
	CHECK_EQ_INT(parse(&cfg, err, sizeof(err), "-l", "192.168.1.1", "-u",
			   "192.0.2.53", "extra", NULL), -1);
	return check_done();
}
