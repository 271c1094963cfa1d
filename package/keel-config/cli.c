/*
 * cli.c - keel-config: check keel.conf before a reboot finds the mistake,
 * and read settings from shell scripts.
 */
#include <string.h>
#include <unistd.h>

#include "keel/config.h"
#include "keel/paths.h"

#include "apply_cmd.h"
#include "cli.h"
#include "get.h"
#include "validators.h"

static const char usage[] =
	"usage: keel-config check [FILE]     parse FILE (default " KEEL_DATA_CONFIG ",\n"
	"                                    else " CONFIG_PATH_DEFAULT "), run every\n"
	"                                    service's own check on it, print the\n"
	"                                    effective settings\n"
	"       keel-config get KEY [FILE]   print one setting, e.g. "
	"wan.interface,\n"
	"                                    dhcp.range, lan.guest.address, "
	"forward.web.to\n"
	"       keel-config default          print the built-in safe default\n"
	"       keel-config keys             list every key: SECTION KEY (- for the top level)\n"
	"       keel-config apply FILE [--confirm DURATION]\n"
	"                                    check FILE, save it and apply it live;\n"
	"                                    with --confirm, undone after DURATION\n"
	"                                    unless confirmed\n"
	"       keel-config confirm          keep the config applied with --confirm\n"
	"       keel-config rollback         undo it now\n"
	"exit status: 0 ok, 1 error in FILE or KEY not set, 2 usage\n";

/* The canonical print, for get: large enough for every table at its limit. */
static char printed[256 * 1024];

static int check(const char *path, FILE *out, FILE *errout)
{
	static struct keel_config cfg;
	static char checked[2048];
	struct config_error err;
	FILE *verdicts;
	int rc;

	if (config_load(path, &cfg, &err) != 0) {
		fprintf(errout, "keel-config: %s: %s\n", path, err.msg);
		return CLI_INVALID;
	}
	/* The services' own checks and keel-fw's, before saying valid;
	 * their "ok" lines follow the settings. */
	verdicts = fmemopen(checked, sizeof(checked), "w");
	if (!verdicts) {
		fputs("keel-config: out of memory\n", errout);
		return CLI_INVALID;
	}
	checked[0] = '\0';
	rc = validators_run(&cfg, path, verdicts, errout);
	fclose(verdicts);
	if (rc != 0)
		return CLI_INVALID;
	fprintf(out, "# %s: valid; effective settings:\n", path);
	config_print_public(&cfg, out);
	fputs(checked, out);
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
	config_print_public(&cfg, out);
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
	config_print_public(&cfg, mem);
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

static void print_key(const char *section, const char *key, void *ctx)
{
	fprintf(ctx, "%s %s\n", section[0] ? section : "-", key);
}

/* The file init reads: the saved one on /data, else the image's. */
static const char *default_path(void)
{
	return access(KEEL_DATA_CONFIG, F_OK) == 0 ? KEEL_DATA_CONFIG :
	       CONFIG_PATH_DEFAULT;
}

int keel_config_main(int argc, char **argv, FILE *out, FILE *errout)
{
	const char *cmd = argc > 1 ? argv[1] : "";

	if (strcmp(cmd, "check") == 0 && argc <= 3)
		return check(argc == 3 ? argv[2] : default_path(), out,
			     errout);
	if (strcmp(cmd, "get") == 0 && (argc == 3 || argc == 4))
		return get(argv[2], argc == 4 ? argv[3] : default_path(),
			   out, errout);
	if (strcmp(cmd, "apply") == 0)
		return apply_cmd(argc, argv, out, errout);
	if ((strcmp(cmd, "confirm") == 0 || strcmp(cmd, "rollback") == 0) && argc == 2)
		return apply_decide(cmd, out, errout);
	if (strcmp(cmd, "keys") == 0 && argc == 2) {
		config_each_key(print_key, out);
		return CLI_OK;
	}
	if (strcmp(cmd, "default") == 0 && argc == 2)
		return print_default(out, errout);
	if (strcmp(cmd, "-h") == 0 || strcmp(cmd, "--help") == 0) {
		fputs(usage, out);
		return CLI_OK;
	}
	fputs(usage, errout);
	return CLI_USAGE;
}
