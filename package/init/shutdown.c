/*
 * shutdown.c - the shutdown sequence: stop respawning, TERM, wait, KILL,
 * sync, take the mounts down, then ask the kernel to power off or reboot.
 *
 * It runs synchronously from the signal callback: nothing else in the event
 * loop matters any more, and a straight line is easy to follow and to trust.
 */
#define _GNU_SOURCE	/* sync, SIGPWR */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/reboot.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/log.h"

#include "console.h"
#include "data.h"
#include "services.h"
#include "init.h"
#include "mounts.h"
#include "shutdown.h"

static const int shutdown_signals[] = {
	SIGUSR2, SIGTERM, SIGUSR1, SIGINT, SIGPWR,
};

enum shutdown_action shutdown_action_for(int signo)
{
	switch (signo) {
	case SIGUSR2:
	case SIGPWR:
		return SHUTDOWN_POWEROFF;
	case SIGTERM:
	case SIGINT:
		return SHUTDOWN_REBOOT;
	case SIGUSR1:
		return SHUTDOWN_HALT;
	default:
		return SHUTDOWN_NONE;
	}
}

const char *shutdown_action_name(enum shutdown_action action)
{
	switch (action) {
	case SHUTDOWN_POWEROFF:
		return "poweroff";
	case SHUTDOWN_REBOOT:
		return "reboot";
	case SHUTDOWN_HALT:
		return "halt";
	case SHUTDOWN_NONE:
		break;
	}
	return "none";
}

static void on_shutdown_signal(struct evloop *loop,
			       const struct signalfd_siginfo *info, void *arg)
{
	enum shutdown_action action = shutdown_action_for((int)info->ssi_signo);

	(void)loop;
	if (action == SHUTDOWN_NONE)
		return;
	logx("shutdown: %s requested by signal %u from pid %u",
	     shutdown_action_name(action), info->ssi_signo, info->ssi_pid);
	shutdown_run(arg, action);
}

int shutdown_signals_init(struct init *init)
{
	size_t n = sizeof(shutdown_signals) / sizeof(shutdown_signals[0]);

	for (size_t i = 0; i < n; i++) {
		if (evloop_signal(&init->loop, shutdown_signals[i],
				  on_shutdown_signal, init) < 0)
			return -1;
	}
	return 0;
}

/*
 * Reaps until no process is left or timeout_ms passes. SIGCHLD is blocked
 * (the event loop owns it), so sigtimedwait() can sleep on it directly.
 * Returns true if every process is gone.
 */
static bool reap_all(struct children *kids, uint64_t timeout_ms)
{
	uint64_t deadline = clock_mono_ms() + timeout_ms;
	sigset_t chld;

	sigemptyset(&chld);
	sigaddset(&chld, SIGCHLD);
	while (children_reap(kids)) {
		uint64_t now = clock_mono_ms();
		struct timespec wait;

		if (now >= deadline)
			return false;
		wait.tv_sec = (time_t)((deadline - now) / 1000);
		wait.tv_nsec = (long)((deadline - now) % 1000) * 1000000L;
		sigtimedwait(&chld, NULL, &wait);
	}
	return true;
}

static int reboot_cmd(enum shutdown_action action)
{
	switch (action) {
	case SHUTDOWN_POWEROFF:
		return RB_POWER_OFF;
	case SHUTDOWN_HALT:
		return RB_HALT_SYSTEM;
	default:
		return RB_AUTOBOOT;
	}
}

void shutdown_run(struct init *init, enum shutdown_action action)
{
	console_stop(&init->console);
	services_stop(&init->services);

	/* kill(-1) reaches every process but init itself. SIGCONT wakes
	 * stopped ones (a Ctrl-Z'd job) so they can act on the SIGTERM. */
	logx("shutdown: sending SIGTERM to all processes");
	kill(-1, SIGTERM);
	kill(-1, SIGCONT);
	if (!reap_all(&init->kids, SHUTDOWN_GRACE_MS)) {
		logx_warn("shutdown: processes left after %d ms, sending "
			  "SIGKILL", SHUTDOWN_GRACE_MS);
		kill(-1, SIGKILL);
		if (!reap_all(&init->kids, SHUTDOWN_KILL_WAIT_MS))
			logx_warn("shutdown: processes survived SIGKILL "
				  "(stuck in the kernel?), going on");
	}

	sync();
	data_teardown();
	mounts_teardown();
	sync();

	logx("shutdown: %s now", shutdown_action_name(action));
	if (reboot(reboot_cmd(action)) < 0)
		logx_err("shutdown: reboot(%s): %s",
			 shutdown_action_name(action), strerror(errno));
	/* PID 1 must not exit (the kernel would panic): wait for power. */
	for (;;)
		pause();
}
