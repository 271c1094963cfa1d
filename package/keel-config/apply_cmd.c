/*
 * apply_cmd.c - keel-config apply, confirm, rollback (apply_cmd.h).
 *
 * apply checks FILE exactly as `check` does (parser and every service's
 * own check), then saves it on /data atomically - as keel.conf, or with
 * --confirm as keel.conf.pending, which only init's confirm turns into
 * keel.conf - and asks init to apply it. A rejected file changes nothing.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/config.h"
#include "keel/file.h"
#include "keel/paths.h"

#include "apply_cmd.h"
#include "cli.h"
#include "validators.h"

#define REQUEST_PATH "/run/keel/apply-request"
#define RESULT_PATH "/run/keel/apply-result"
#define ANSWER_TIMEOUT_MS 90000	/* init restarts daemons: bounded, not instant */

static int save(const char *dst, const char *text, size_t len, FILE *errout)
{
	struct atomic_file f;

	if (atomic_open(&f, dst, 0600) < 0) {
		fprintf(errout, "keel-config: %s: %s\n", dst, strerror(errno));
		return -1;
	}
	atomic_write(&f, text, len);
	if (atomic_commit(&f) < 0) {
		fprintf(errout, "keel-config: %s: %s\n", dst, strerror(errno));
		return -1;
	}
	return 0;
}

/* Leaves the request, wakes init, waits for the answer with the same id. */
static int ask_init(const char *action, FILE *out, FILE *errout)
{
	char id[32], line[128], answer[1024];
	struct timespec pause = { 0, 20 * 1000 * 1000 };
	long waited = 0;
	int n;

	snprintf(id, sizeof(id), "%ld-%ld", (long)getpid(), (long)time(NULL));
	n = snprintf(line, sizeof(line), "%s %s\n", id, action);
	unlink(RESULT_PATH);
	if (save(REQUEST_PATH, line, (size_t)n, errout) < 0)
		return CLI_INVALID;
	if (kill(1, SIGHUP) < 0) {
		fprintf(errout, "keel-config: cannot signal init: %s\n", strerror(errno));
		return CLI_INVALID;
	}
	/* A command, not a daemon: polling a file every 20 ms is fine. */
	for (; waited < ANSWER_TIMEOUT_MS; waited += 20) {
		int truncated;
		ssize_t got = file_read(RESULT_PATH, answer, sizeof(answer) - 1, &truncated);

		if (got > 0 && strncmp(answer, id, strlen(id)) == 0 &&
		    answer[strlen(id)] == ' ') {
			const char *status = answer + strlen(id) + 1;

			answer[got] = '\0';
			fprintf(out, "keel-config: init: %s", status);
			if (strncmp(status, "applied", 7) == 0 ||
			    strncmp(status, "confirmed", 9) == 0)
				return CLI_OK;
			/* Rolling back is a success when asked for. */
			return strncmp(status, "rolled-back", 11) == 0 &&
			       strcmp(action, "rollback") == 0 ? CLI_OK : CLI_INVALID;
		}
		nanosleep(&pause, NULL);
	}
	fprintf(errout, "keel-config: init did not answer within %d s\n",
		ANSWER_TIMEOUT_MS / 1000);
	return CLI_INVALID;
}

int apply_cmd(int argc, char **argv, FILE *out, FILE *errout)
{
	static char text[CONFIG_FILE_MAX + 1];
	static struct keel_config cfg;
	struct config_error err;
	uint32_t confirm_s = 0;
	const char *path = NULL, *why;
	char action[32];
	int truncated;
	ssize_t len;

	for (int i = 2; i < argc; i++) {
		if (strcmp(argv[i], "--confirm") == 0 && i + 1 < argc) {
			why = config_duration_parse(argv[++i], 10, 3600, &confirm_s);
			if (why) {
				fprintf(errout, "keel-config: --confirm %s %s (10s to 1h)\n",
					argv[i], why);
				return CLI_USAGE;
			}
		} else if (!path && argv[i][0] != '-') {
			path = argv[i];
		} else {
			fprintf(errout, "usage: keel-config apply FILE [--confirm DURATION]\n");
			return CLI_USAGE;
		}
	}
	if (!path) {
		fprintf(errout, "usage: keel-config apply FILE [--confirm DURATION]\n");
		return CLI_USAGE;
	}
	len = file_read(path, text, sizeof(text), &truncated);
	if (len < 0 || truncated) {
		fprintf(errout, "keel-config: %s: %s\n", path,
			len < 0 ? strerror(errno) : "larger than 64 KiB");
		return CLI_INVALID;
	}
	if (config_parse(text, (size_t)len, &cfg, &err) != 0) {
		fprintf(errout, "keel-config: %s: %s; nothing changed\n", path, err.msg);
		return CLI_INVALID;
	}
	if (validators_run(&cfg, path, out, errout) != 0) {
		fprintf(errout, "keel-config: %s: nothing changed\n", path);
		return CLI_INVALID;
	}
	if (save(confirm_s ? KEEL_DATA_CONFIG_PENDING : KEEL_DATA_CONFIG, text,
		 (size_t)len, errout) < 0)
		return CLI_INVALID;
	if (confirm_s)
		snprintf(action, sizeof(action), "pending %u", confirm_s);
	else
		snprintf(action, sizeof(action), "saved");
	return ask_init(action, out, errout);
}

int apply_decide(const char *action, FILE *out, FILE *errout)
{
	return ask_init(action, out, errout);
}
