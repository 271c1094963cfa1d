/*
 * keel-upgrade - install signed bundles into the inactive A/B slot and
 * drive the boot state (docs/ab-layout.md, docs/bundle.md).
 */
#include <stdio.h>

#include "bootdisk.h"
#include "install.h"
#include "keel/log.h"
#include "options.h"

int main(int argc, char **argv)
{
	struct options o;
	char err[256];

	log_init("keel-upgrade", KEEL_LOG_STDERR);
	if (options_parse(argc, argv, &o, err, sizeof(err)) != 0) {
		logx_err("%s", err);
		return 2;
	}
	if (o.kmsg)
		log_init("keel-upgrade", KEEL_LOG_STDERR | KEEL_LOG_KMSG);
	if (o.mode != MODE_HELP && bootdisk_defaults(&o, o.mode == MODE_INSTALL, err,
						     sizeof(err)) < 0) {
		logx_err("%s", err);
		return 2;
	}
	/* No sodium_init(): it only picks CPU-specific implementations for the
	 * ciphers and hashes keel-upgrade never calls (and seeds randombytes),
	 * and calling it links them all in: 240 KB instead of ~100 KB. Ed25519
	 * verification and SHA-512 are plain portable C in libsodium and need
	 * no initialisation; tests/upgrade/run checks exactly this binary. */
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
