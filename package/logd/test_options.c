/* options_parse: defaults, every flag, and the errors -n must catch. */
#include <arpa/inet.h>
#include <string.h>

#include "check.h"
#include "options.h"

static int parse(struct logd_options *c, const char *line, char *err)
{
	static char buf[512];
	char *argv[48] = { "logd" };
	int argc = 1;

	snprintf(buf, sizeof(buf), "%s", line);
	for (char *t = strtok(buf, " "); t && argc < 47;
	     t = strtok(NULL, " "))
		argv[argc++] = t;
	argv[argc] = NULL;
	options_defaults(c);
	return options_parse(c, argc, argv, err, 200);
}

int main(void)
{
	struct logd_options c;
	char err[200];

	CHECK_EQ_INT(parse(&c, "", err), 0);
	CHECK_STR(c.syslog_path, "/dev/log");
	CHECK_STR(c.kmsg_path, "/dev/kmsg");
	CHECK_STR(c.read_path, "/run/logd/read.sock");
	CHECK_EQ_UINT(c.ring_bytes, 256u << 10);
	CHECK_EQ_UINT(c.ban.failures, 5);
	CHECK_EQ_UINT(c.ban.window_s, 600);
	CHECK_EQ_UINT(c.ban.ban_s, 600);
	CHECK_EQ_UINT(c.ban.ban_max_s, 86400);
	CHECK_STR(c.user, "logd");
	CHECK(!c.remote_set && !c.check_only);

	CHECK_EQ_INT(parse(&c, "-S /tmp/l -K - -R /tmp/r -s 1m -r 10.0.0.1 -t "
			   "tcp -U 192.168.7.1 -U [fd00::1]:5514 -f 3 -w 60 -b "
			   "2 -m 8 -a 192.168.7.0/24 -a fd00::/8 -u nobody -H "
			   "gw -n", err), 0);
	CHECK_STR(c.syslog_path, "/tmp/l");
	CHECK(c.kmsg_path == NULL);
	CHECK_EQ_UINT(c.ring_bytes, 1u << 20);
	CHECK(c.remote_set && c.remote_tcp);
	CHECK_STR(c.remote.text, "10.0.0.1:514");
	CHECK_EQ_UINT(c.n_udp, 2);
	CHECK_STR(c.udp[1].text, "[fd00::1]:5514");
	CHECK_EQ_UINT(c.ban.failures, 3);
	CHECK_EQ_UINT(c.ban.n_allow, 2);
	CHECK_STR(c.hostname, "gw");
	CHECK(c.check_only);

	CHECK_EQ_INT(parse(&c, "-s 8k", err), -1);
	CHECK(strstr(err, "-s 8k") != NULL);
	CHECK_EQ_INT(parse(&c, "-s 32m", err), -1);
	CHECK_EQ_INT(parse(&c, "-U 0.0.0.0", err), -1);
	CHECK(strstr(err, "wildcard") != NULL);
	CHECK_EQ_INT(parse(&c, "-U [::]:514", err), -1);
	CHECK_EQ_INT(parse(&c, "-r 10.0.0.1:99999", err), -1);
	CHECK_EQ_INT(parse(&c, "-t sctp", err), -1);
	CHECK_EQ_INT(parse(&c, "-b 100 -m 10", err), -1);
	CHECK_EQ_INT(parse(&c, "-a 10.0.0.0/40", err), -1);
	CHECK_EQ_INT(parse(&c, "-f x", err), -1);
	CHECK_EQ_INT(parse(&c, "-w 0", err), -1);
	CHECK_EQ_INT(parse(&c, "-S /a -R /a", err), -1);
	CHECK_EQ_INT(parse(&c, "-x", err), -1);
	CHECK_EQ_INT(parse(&c, "-s", err), -1);
	CHECK(strstr(err, "needs a value") != NULL);
	CHECK_EQ_INT(parse(&c, "extra", err), -1);
	CHECK_EQ_INT(parse(&c, "-U 1.1.1.1 -U 1.1.1.2 -U 1.1.1.3 -U 1.1.1.4 "
			   "-U 1.1.1.5", err), -1);
	CHECK_EQ_INT(parse(&c, "-f 0", err), 0);
	CHECK_EQ_UINT(c.ban.failures, 0);
	return check_done();
}
