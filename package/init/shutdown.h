/*
 * shutdown.h - poweroff, reboot and halt, as requested by signals to PID 1.
 *
 * busybox's poweroff/reboot/halt (built without its own init) signal PID 1:
 * SIGUSR2 = poweroff, SIGTERM = reboot, SIGUSR1 = halt. The kernel sends
 * SIGINT for Ctrl-Alt-Del (once reboot(RB_DISABLE_CAD) handed it to us) and
 * SIGPWR on power failure.
 */
#ifndef KEEL_INIT_SHUTDOWN_H
#define KEEL_INIT_SHUTDOWN_H

/* Time processes get between SIGTERM and SIGKILL. */
#define SHUTDOWN_GRACE_MS 2000
/* Time to collect the SIGKILLed before unmounting anyway. */
#define SHUTDOWN_KILL_WAIT_MS 1000

enum shutdown_action {
	SHUTDOWN_NONE = 0,
	SHUTDOWN_POWEROFF,
	SHUTDOWN_REBOOT,
	SHUTDOWN_HALT,
};

/* Pure: which action a signal to PID 1 asks for (SHUTDOWN_NONE: none). */
enum shutdown_action shutdown_action_for(int signo);
const char *shutdown_action_name(enum shutdown_action action);

struct init;

/* Routes the shutdown signals to shutdown_run(). Returns 0, or -1 + errno. */
int shutdown_signals_init(struct init *init);

/* Stops everything and powers off, reboots or halts. Never returns. */
__attribute__((noreturn))
void shutdown_run(struct init *init, enum shutdown_action action);

#endif /* KEEL_INIT_SHUTDOWN_H */
