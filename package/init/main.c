/*
 * main.c - keel-init, PID 1 of a Keel image.
 *
 * Sets up the event loop, runs the boot steps, prints the ready line, then
 * lives in the loop: reaping children, respawning the console shell and
 * waiting for a poweroff or reboot request.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/log.h"

#include "apply.h"
#include "boot.h"
#include "health.h"
#include "init.h"
#include "plan_print.h"
#include "shutdown.h"

#define PROG "keel-init"

static struct init init;

/*
 * The kernel hands init /dev/console as fds 0-2, but only if it could open
 * it. Fill any gap, so the descriptors init opens later never land on 0-2
 * and get handed to the shell as its stdio by accident.
 */
static void hold_stdio(void)
{
	for (int fd = STDIN_FILENO; fd <= STDERR_FILENO; fd++) {
		int got;

		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		got = open("/dev/console", O_RDWR | O_NOCTTY);
		if (got < 0)
			got = open("/dev/null", O_RDWR);
		if (got < 0)
			got = open("/", O_RDONLY | O_DIRECTORY);
		if (got >= 0 && got != fd) {
			dup2(got, fd);
			close(got);
		}
	}
}

/* The one line system tests and humans wait for; stdout is the console. */
static void print_ready(const struct init *ctx)
{
	uint64_t elapsed_ms = (clock_mono_us() - ctx->start_us) / 1000;
	uint64_t uptime_ms = clock_boot_ms();

	printf(PROG ": ready in %llu ms (kernel uptime %llu.%03llu s)\n",
	       (unsigned long long)elapsed_ms,
	       (unsigned long long)(uptime_ms / 1000),
	       (unsigned long long)(uptime_ms % 1000));
	fflush(stdout);
}

static void fatal(const char *what)
{
	/* Exiting makes the kernel panic with this line just above it:
	 * the clearest failure PID 1 can give (and panic= reboots). */
	logx_err("fatal: %s: %s", what, strerror(errno));
	exit(1);
}

int main(int argc, char **argv)
{
	init.start_us = clock_mono_us();

	if (argc > 1 && (strcmp(argv[1], "--version") == 0 ||
			 strcmp(argv[1], "-V") == 0)) {
		printf(PROG " %s\n", KEEL_VERSION);
		return 0;
	}
	/* Check mode: what this config would make init do (plan_print.h). */
	if (argc == 3 && strcmp(argv[1], "-n") == 0) {
		static struct keel_config cfg;
		struct config_error err;

		if (config_load(argv[2], &cfg, &err) < 0) {
			fprintf(stderr, PROG ": %s: %s\n", argv[2], err.msg);
			return 1;
		}
		return plan_print(&cfg, stdout) == 0 ? 0 : 1;
	}
	/* Any other argument comes from the kernel command line: ignore. */
	if (getpid() != 1) {
		fprintf(stderr, PROG ": must run as PID 1 (this is PID %ld), "
			"refusing\n", (long)getpid());
		return 1;
	}

	hold_stdio();
	umask(022);
	log_init(PROG, KEEL_LOG_KMSG);

	/* Ctrl-Alt-Del becomes SIGINT to us instead of an instant reboot,
	 * so it goes through the clean shutdown. */
	if (reboot(RB_DISABLE_CAD) < 0)
		logx_warn("reboot(RB_DISABLE_CAD): %s", strerror(errno));

	if (evloop_init(&init.loop) < 0)
		fatal("event loop");
	if (children_init(&init.kids, &init.loop) < 0)
		fatal("SIGCHLD handling");
	if (shutdown_signals_init(&init) < 0)
		fatal("shutdown signals");
	if (apply_init(&init) < 0)
		fatal("SIGHUP (live apply)");

	boot_run(&init);
	print_ready(&init);
	health_start(&init);

	if (evloop_run(&init.loop) < 0)
		fatal("event loop");
	return 1;
}
