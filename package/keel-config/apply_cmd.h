/*
 * apply_cmd.h - keel-config apply / confirm / rollback: hand a checked
 * config to init for a live apply (init's apply_request.h has the
 * protocol) and wait for its answer.
 */
#ifndef KEEL_CONFIG_APPLY_CMD_H
#define KEEL_CONFIG_APPLY_CMD_H

#include <stdio.h>

/* apply FILE [--confirm DURATION] */
int apply_cmd(int argc, char **argv, FILE *out, FILE *errout);
/* confirm | rollback */
int apply_decide(const char *action, FILE *out, FILE *errout);

#endif /* KEEL_CONFIG_APPLY_CMD_H */
