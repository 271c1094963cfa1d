/*
 * test_options.c - the command line: collectors, limits, combinations.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdarg.h>

#include "check.h"
#include "options.h"

static int parse(struct flowd_options *o, char *err, size_t errlen, ...)
{
	char *argv[32];
	int argc = 0;
	va_list ap;

	argv[argc++] = "flowd";
	va_start(ap, errlen);
	while ((argv[argc] = va_arg(ap, char *)))
		argc++;
	va_end(ap);
	options_defaults(o);
	err[0] = '\0';
	return options_parse(o, argc, argv, err, errlen);
}

static void test_collectors(void)
{
	struct endpoint c;

	CHECK_EQ_INT(parse_collector("192.0.2.1", &c), 0);
	CHECK_STR(c.text, "192.0.2.1:2055");
	CHECK_EQ_INT(parse_collector("192.0.2.1:9995", &c), 0);
	CHECK_EQ_UINT(ntohs(((struct sockaddr_in *)&c.sa)->sin_port), 9995);
	CHECK_EQ_INT(parse_collector("[2001:db8::1]:4739", &c), 0);
	CHECK_STR(c.text, "[2001:db8::1]:4739");
	CHECK_EQ_UINT(c.sa.ss_family, AF_INET6);
	CHECK_EQ_INT(parse_collector("::1", &c), 0);
	CHECK_STR(c.text, "[::1]:2055");
	CHECK_EQ_INT(parse_collector("192.0.2.1:0", &c), -1);
	CHECK_EQ_INT(parse_collector("192.0.2.1:65536", &c), -1);
	CHECK_EQ_INT(parse_collector("192.0.2.1:-5", &c), -1);
	CHECK_EQ_INT(parse_collector("192.0.2.1:", &c), -1);
	CHECK_EQ_INT(parse_collector("collector.lan", &c), -1);
	CHECK_EQ_INT(parse_collector("[::1", &c), -1);
	CHECK_EQ_INT(parse_collector("[::1]x", &c), -1);
	CHECK_EQ_INT(parse_collector("", &c), -1);
}

static void test_argv(void)
{
	struct flowd_options o;
	char err[256];

	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "eth0", "-i", "br-lan",
			   "-c", "10.0.0.10", "-c", "[fd00::10]:9995", "-v",
			   "10", "-m", "1024", "-I", "30", "-A", "60", NULL), 0);
	CHECK_EQ_UINT(o.n_ifaces, 2);
	CHECK_STR(o.ifaces[1], "br-lan");
	CHECK_EQ_UINT(o.n_collectors, 2);
	CHECK_EQ_INT(o.eng.version, 10);
	CHECK_EQ_UINT(o.eng.max_flows, 1024);
	CHECK_EQ_UINT(o.eng.idle_s, 30);
	CHECK_EQ_UINT(o.eng.active_s, 60);
	CHECK_EQ_UINT(o.eng.linger_s, 5);
	CHECK(!o.both_directions);	/* two interfaces: ingress only */
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "eth0", "-c",
			   "10.0.0.10", NULL), 0);
	CHECK(o.both_directions);	/* one: everything it sees */
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "eth0", "-d", "in",
			   "-c", "10.0.0.10", NULL), 0);
	CHECK(!o.both_directions);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-i", "b", "-d",
			   "both", "-c", "10.0.0.10", NULL), 0);
	CHECK(o.both_directions);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-d", "out",
			   "-c", "10.0.0.10", NULL), -1);

	/* Defaults. */
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-r", "x.pcap", "-c",
			   "127.0.0.1", NULL), 0);
	CHECK_EQ_INT(o.eng.version, 9);
	CHECK_EQ_UINT(o.eng.max_flows, 8192);
	CHECK_EQ_UINT(o.eng.idle_s, 15);
	CHECK_EQ_UINT(o.eng.active_s, 300);
	CHECK_STR(o.user, "flowd");
	CHECK_STR(o.summary_path, "/run/flowd/summary");

	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-i", "b", "-i",
			   "c", "-i", "d", "-i", "e", "-c", "1.2.3.4", NULL),
		     -1);
	CHECK_STR(err, "more than 4 -i");
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-i", "a", "-c",
			   "1.2.3.4", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", NULL), -1);
	CHECK_STR(err, "no -c collector given");
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-c", "1.2.3.4", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-r", "f", "-c",
			   "1.2.3.4", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-c", "1.2.3.4",
			   "-v", "8", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-c", "1.2.3.4",
			   "-m", "8", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-c", "1.2.3.4",
			   "-I", "0", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "0123456789abcdefX",
			   "-c", "1.2.3.4", NULL), -1);
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-c", "1.2.3.4",
			   "-q", NULL), -1);
	CHECK_STR(err, "unknown option -q (-h for help)");
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-i", "a", "-c", NULL), -1);
	CHECK_STR(err, "-c needs a value");
	/* -S needs nothing else. */
	CHECK_EQ_INT(parse(&o, err, sizeof(err), "-S", NULL), 0);
	CHECK(o.show_summary);
}

int main(void)
{
	test_collectors();
	test_argv();
	return check_done();
}
