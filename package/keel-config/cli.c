/*
 * cli.c - keel-config: check keel.conf before a reboot finds the mistake,
 * and read settings from shell scripts.
 */
#include <string.h>

#include "keel/config.h"

#include "cli.h"
#include "get.h"

static const char usage[] =
	"usage: keel-config check [FILE]     parse FILE (default "
	CONFIG_PATH_DEFAULT "),\n"
	"                                    print the effective settings\n"
	"       keel-config get KEY [FILE]   print one setting, e.g. "
	"wan.interface,\n"
	"                                    dhcp.range, lan.guest.address, "
	"forward.web.to\n"
	"       keel-config default          print the built-in safe default\n"
	"exit status: 0 ok, 1 error in FILE or KEY not set, 2 usage\n";

/* The canonical print, for get: large enough for every table at its limit. */
static char printed[256 * 1024];

static int check(const char *path, FILE *out, FILE *errout)
{
	static struct keel_config cfg;
	struct config_error err;

	if (config_load(path, &cfg, &err) != 0) {
		fprintf(errout, "keel-config: %s: %s\n", path, err.msg);
		return CLI_INVALID;
	}
	fprintf(out, "# %s: valid; effective settings:\n", path);
	config_print(&cfg, out);
	return CLI_OK;
}

static int print_default(FILE *out, FILE *errout)
{
	static struct keel_config cfg;

	if (config_safe_default(&cfg) != 0) {
		fputs("keel-config: the built-in default does not parse\n",
		      errout);
		return CLI_INVALID;
	}
	config_print(&cfg, out);
	return CLI_OK;
}

/*
 * Answers from the configuration init actually runs: if the file is broken
 * that is the safe default (with a warning), so scripts and daemons agree.
 */
static int get(const char *key, const char *path, FILE *out, FILE *errout)
{
	static struct keel_config cfg;
	struct config_error err;
	FILE *mem;
	long len;
	int found;

	if (config_load(path, &cfg, &err) != 0) {
		fprintf(errout, "keel-config: %s: %s; answering from the "
			"built-in safe default\n", path, err.msg);
		if (config_safe_default(&cfg) != 0)
			return CLI_INVALID;
	}
	mem = fmemopen(printed, sizeof(printed), "w");
	if (!mem) {
		fputs("keel-config: out of memory\n", errout);
		return CLI_INVALID;
	}
	config_print(&cfg, mem);
	len = ftell(mem);
	fclose(mem);
	found = get_setting(printed, len > 0 ? (size_t)len : 0, key, out);
	if (found < 0) {
		fprintf(errout, "keel-config: %s: not a key (want SECTION.KEY "
			"or SECTION.NAME.KEY)\n", key);
		return CLI_USAGE;
	}
	if (found == 0) {
		fprintf(errout, "keel-config: %s: not set\n", key);
		return CLI_INVALID;
	}
	return CLI_OK;
}

int keel_config_main(int argc, char **argv, FILE *out, FILE *errout)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "check") == 0 && argc <= 3)
		return check(argc == 3 ? argv[2] : CONFIG_PATH_DEFAULT, out,
			     errout);
	if (strcmp(cmd, "get") == 0 && (argc == 3 || argc == 4))
		return get(argv[2], argc == 4 ? argv[3] : CONFIG_PATH_DEFAULT,
			   out, errout);
	if (strcmp(cmd, "default") == 0 && argc == 2)
		return print_default(out, errout);
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage, out);
		return CLI_OK;
	}
	fputs(usage, errout);
	return CLI_USAGE;
}
