/* options and system info parsing. */
#include <stdarg.h>
#include <string.h>

#include "check.h"
#include "options.h"
#include "sysinfo.h"

static int parse(struct options *o, char *err, int argc, ...)
{
	char *argv[16];
	va_list ap;

	va_start(ap, argc);
	argv[0] = "keel-upgrade";
	for (int i = 1; i < argc; i++)
		argv[i] = va_arg(ap, char *);
	va_end(ap);
	return options_parse(argc, argv, o, err, 128);
}

int main(void)
{
	struct options o;
	char err[128], val[32];

	CHECK_EQ_INT(parse(&o, err, 1), 0);
	CHECK(o.mode == MODE_INSTALL && strcmp(o.bundle, "-") == 0);
	/* No device named: found from the running root (bootdisk.c). */
	CHECK(o.disk == NULL);
	CHECK(o.slot_path[0] == NULL && o.slot_path[1] == NULL);
	CHECK(o.state_lba[0] == 2040 && o.state_lba[1] == 2044);
	CHECK_STR(o.pubkey, "/etc/keel/bundle.pub");

	CHECK_EQ_INT(parse(&o, err, 9, "--disk", "d.img", "--slot-b", "b.img", "--state-lba", "0,4",
			   "--force", "x.bundle"), 0);
	CHECK_STR(o.disk, "d.img");
	CHECK_STR(o.slot_path[1], "b.img");
	CHECK(o.state_lba[0] == 0 && o.state_lba[1] == 4 && o.force);
	CHECK_STR(o.bundle, "x.bundle");
	CHECK_EQ_INT(parse(&o, err, 3, "--running-version", "1700000000"), 0);
	CHECK(o.running_version_set && o.running_version == 1700000000);
	CHECK_EQ_INT(parse(&o, err, 2, "--status"), 0);
	CHECK(o.mode == MODE_STATUS);

	CHECK_EQ_INT(parse(&o, err, 3, "--status", "--rollback"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "--mark-good", "x.bundle"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "a", "b"), -1);
	CHECK_EQ_INT(parse(&o, err, 2, "--disk"), -1);
	CHECK(strstr(err, "--disk") != NULL);
	CHECK_EQ_INT(parse(&o, err, 2, "--frobnicate"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "--state-lba", "5"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "--state-lba", "5,5"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "--state-lba", "5,x"), -1);
	CHECK_EQ_INT(parse(&o, err, 3, "--running-version", "-1"), -1);

	const char *cl = "BOOT_IMAGE=x root=/dev/vda3 keel.slot=B keel.trial=1 quiet\n";
	CHECK(cmdline_slot(cl, strlen(cl)) == 'B');
	CHECK_EQ_INT(cmdline_trial(cl, strlen(cl)), 1);
	CHECK(cmdline_slot("keel.slot=A", 11) == 'A');
	CHECK(cmdline_slot("xkeel.slot=A", 12) == 0);
	CHECK(cmdline_slot("keel.slot=AB", 12) == 0);
	CHECK(cmdline_slot("keel.slot=", 10) == 0);
	CHECK(cmdline_slot("", 0) == 0);
	CHECK_EQ_INT(cmdline_trial("keel.slot=A", 11), 0);

	const char *osr = "NAME=Keel\nVERSION_ID=v1-2-gabc\nKEEL_BOARD=qemu-x86_64\n"
			  "PRETTY_NAME=\"Keel v1 (x)\"\nKEEL_VERSION_NUMBER=1700000000";
	CHECK_EQ_INT(kv_lookup(osr, strlen(osr), "KEEL_BOARD", val, sizeof(val)), 11);
	CHECK_STR(val, "qemu-x86_64");
	CHECK_EQ_INT(kv_lookup(osr, strlen(osr), "KEEL_VERSION_NUMBER", val, sizeof(val)), 10);
	CHECK_STR(val, "1700000000");
	CHECK_EQ_INT(kv_lookup(osr, strlen(osr), "PRETTY_NAME", val, sizeof(val)), 11);
	CHECK_STR(val, "Keel v1 (x)");
	CHECK_EQ_INT(kv_lookup(osr, strlen(osr), "KEEL", val, sizeof(val)), -1);
	CHECK_EQ_INT(kv_lookup(osr, strlen(osr), "NAME", val, 4), -1);
	return check_done();
}
