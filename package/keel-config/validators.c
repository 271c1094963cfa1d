/*
 * validators.c - run the services' own check modes on a config
 * (validators.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/service_plan.h"

#include "validators.h"

#define CHECK_OUT_MAX 512	/* of a refusal's stderr, for the message */

/* The program's path, moved under $KEEL_SBIN if set. */
static void program_path(const char *prog, char *buf, size_t size)
{
	const char *dir = getenv("KEEL_SBIN");
	const char *base = strrchr(prog, '/');

	if (dir && *dir)
		snprintf(buf, size, "%s/%s", dir, base ? base + 1 : prog);
	else
		snprintf(buf, size, "%s", prog);
}

/* Runs argv with stdout discarded and stderr captured. Returns the wait
 * status, or -1 with errno. */
static int run_quiet(char *const argv[], char *err, size_t errsize)
{
	int p[2], status;
	size_t used = 0;
	pid_t pid;

	err[0] = '\0';
	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(p[0]);
		close(p[1]);
		return -1;
	}
	if (pid == 0) {
		int devnull = open("/dev/null", O_WRONLY);

		if (devnull < 0 || dup2(devnull, STDOUT_FILENO) < 0 ||
		    dup2(p[1], STDERR_FILENO) < 0)
			_exit(126);
		close(p[0]);
		execv(argv[0], argv);
		fprintf(stderr, "cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(p[1]);
	for (;;) {
		char chunk[256];
		ssize_t n = read(p[0], chunk, sizeof(chunk));

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		/* Keep the first lines; drain the rest so the child never blocks. */
		for (ssize_t i = 0; i < n && used + 1 < errsize; i++)
			err[used++] = chunk[i];
	}
	err[used] = '\0';
	close(p[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return status;
}

/* The first line of a refusal, without the newline. */
static const char *first_line(char *text)
{
	char *nl = strchr(text, '\n');

	if (nl)
		*nl = '\0';
	return text[0] ? text : "(no message)";
}

static int validate(const char *name, char *const argv[], FILE *out, FILE *errout,
		    const char *path)
{
	char err[CHECK_OUT_MAX];
	int status = run_quiet(argv, err, sizeof(err));

	if (status < 0) {
		fprintf(errout, "keel-config: %s: %s: cannot run %s: %s\n", path, name,
			argv[0], strerror(errno));
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(errout, "keel-config: %s: %s refuses it: %s\n", path, name,
			first_line(err));
		return -1;
	}
	fprintf(out, "# %s: ok\n", name);
	return 0;
}

int validators_run(const struct keel_config *cfg, const char *path,
		   FILE *out, FILE *errout)
{
	static struct service_def defs[SERVICES_MAX];
	char err[200], prog[256];
	int n = services_plan(cfg, path, defs, SERVICES_MAX, err, sizeof(err));

	if (n < 0) {
		fprintf(errout, "keel-config: %s: %s\n", path, err);
		return -1;
	}
	if (n > SERVICES_MAX) {
		fprintf(errout, "keel-config: %s: %d services, init supervises at most %d\n",
			path, n, SERVICES_MAX);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		char *argv[SERVICE_ARGV_MAX + 2];
		unsigned k = 0;

		if (!defs[i].keel_daemon)
			continue;
		program_path(defs[i].args[0], prog, sizeof(prog));
		argv[k++] = prog;
		argv[k++] = "-n";
		for (unsigned a = 1; a < defs[i].argc; a++)
			argv[k++] = defs[i].args[a];
		argv[k] = NULL;
		if (validate(defs[i].name, argv, out, errout, path) < 0)
			return -1;
	}
	if (cfg->wan.present) {
		char *argv[] = { prog, "apply", "-n", "-c", (char *)path, NULL };

		program_path("/usr/sbin/keel-fw", prog, sizeof(prog));
		if (validate("keel-fw", argv, out, errout, path) < 0)
			return -1;
	}
	return 0;
}
