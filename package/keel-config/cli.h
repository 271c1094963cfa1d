/*
 * cli.h - the keel-config command, callable in-process so the tests run
 * exactly what main() runs.
 */
#ifndef KEEL_CONFIG_CLI_H
#define KEEL_CONFIG_CLI_H

#include <stdio.h>

/* Exit statuses. */
#define CLI_OK		0
#define CLI_INVALID	1	/* an error in the file, or KEY not set */
#define CLI_USAGE	2

int keel_config_main(int argc, char **argv, FILE *out, FILE *errout);

#endif /* KEEL_CONFIG_CLI_H */
