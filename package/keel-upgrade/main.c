/*
 * keel-upgrade - install signed bundles into the inactive A/B slot and
 * drive the boot state (docs/ab-layout.md, docs/bundle.md).
 */
#include <sodium.h>
#include <stdio.h>

#include "install.h"
#include "keel/log.h"
#include "options.h"

int main(int argc, char **argv)
{
	struct options o;
	char err[128];

	log_init("keel-upgrade", KEEL_LOG_STDERR);
	if (options_parse(argc, argv, &o, err, sizeof(err)) != 0) {
		logx_err("%s", err);
		return 2;
	}
	if (o.kmsg)
		log_init("keel-upgrade", KEEL_LOG_STDERR | KEEL_LOG_KMSG);
	if (sodium_init() < 0) {
		logx_err("libsodium failed to initialise");
		return 1;
	}
	switch (o.mode) {
	case MODE_HELP:
		fputs(options_usage, stdout);
		return 0;
	case MODE_MARK_GOOD:
		return run_mark_good(&o);
	case MODE_ROLLBACK:
		return run_rollback(&o);
	case MODE_STATUS:
		return run_status(&o);
	case MODE_INSTALL:
		break;
	}
	return run_install(&o);
}
