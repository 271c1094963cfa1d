/*
 * test_get.c - key names to values in canonical keel.conf text.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "get.h"

static const char text[] =
	"hostname keel\n"
	"\n"
	"[wan]\n"
	"interface eth0\n"
	"mode dhcp\n"
	"\n"
	"[lan]\n"
	"interface eth1\n"
	"address 10.0.0.1/24 fd00::1/64\n"
	"\n"
	"[lan guest]\n"
	"interface eth2\n"
	"address 10.1.0.1/24\n"
	"\n"
	"[dhcp]\n"
	"range 10.0.0.100 10.0.0.249\n"
	"static 52:54:00:00:00:01 10.0.0.5 nas\n"
	"static 52:54:00:00:00:02 10.0.0.6\n"
	"\n"
	"[forward web]\n"
	"to 10.0.0.5:80\n"
	"\n"
	"[dns]\n"
	"# upstream: the servers the WAN learned\n"
	"domain lan\n";

static char out[1024];

static int get(const char *key)
{
	FILE *f = fmemopen(out, sizeof(out), "w");
	int n;

	if (!f)
		return -2;
	n = get_setting(text, sizeof(text) - 1, key, f);
	fclose(f);
	return n;
}

int main(void)
{
	CHECK_EQ_INT(get("hostname"), 1);
	CHECK_STR(out, "keel\n");
	CHECK_EQ_INT(get("wan.interface"), 1);
	CHECK_STR(out, "eth0\n");
	CHECK_EQ_INT(get("lan.address"), 1);
	CHECK_STR(out, "10.0.0.1/24 fd00::1/64\n");
	CHECK_EQ_INT(get("lan.lan.address"), 1);
	CHECK_STR(out, "10.0.0.1/24 fd00::1/64\n");
	CHECK_EQ_INT(get("lan.guest.interface"), 1);
	CHECK_STR(out, "eth2\n");
	CHECK_EQ_INT(get("dhcp.static"), 2);
	CHECK_STR(out, "52:54:00:00:00:01 10.0.0.5 nas\n52:54:00:00:00:02 10.0.0.6\n");
	CHECK_EQ_INT(get("forward.web.to"), 1);
	CHECK_STR(out, "10.0.0.5:80\n");
	CHECK_EQ_INT(get("dns.domain"), 1);
	/* Not set, or not there. */
	CHECK_EQ_INT(get("dns.upstream"), 0);
	CHECK_EQ_INT(get("wan.address"), 0);
	CHECK_EQ_INT(get("lan.nope.interface"), 0);
	CHECK_EQ_INT(get("forward.web"), 0);	/* web is not a key of [forward] */
	CHECK_EQ_INT(get("interface"), 0);	/* not at the top level */
	CHECK_EQ_INT(get("wan.inter"), 0);	/* prefixes do not match */
	/* Malformed keys. */
	CHECK_EQ_INT(get(""), -1);
	CHECK_EQ_INT(get("wan."), -1);
	CHECK_EQ_INT(get(".wan"), -1);
	CHECK_EQ_INT(get("a.b.c.d"), -1);
	CHECK_EQ_INT(get("wan interface"), -1);
	CHECK_EQ_INT(get("[wan].interface"), -1);
	return check_done();
}
