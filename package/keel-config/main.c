/*
 * main.c - keel-config's entry point; everything else is in cli.c.
 */
#include <stdio.h>

#include "cli.h"

int main(int argc, char **argv)
{
	int status = keel_config_main(argc, argv, stdout, stderr);

	if (fflush(stdout) != 0) {
		perror("keel-config: stdout");
		return CLI_INVALID;
	}
	return status;
}
