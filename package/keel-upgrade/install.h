/*
 * install.h - keel-upgrade's modes: install a bundle, mark good, roll
 * back, print status. Each returns the process exit status and says why
 * on stderr in one line when it fails.
 */
#ifndef KEEL_UPGRADE_INSTALL_H
#define KEEL_UPGRADE_INSTALL_H

#include "options.h"

int run_install(const struct options *o);
int run_mark_good(const struct options *o);
int run_rollback(const struct options *o);
int run_status(const struct options *o);

#endif /* KEEL_UPGRADE_INSTALL_H */
