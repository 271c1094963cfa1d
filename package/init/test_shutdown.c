/*
 * test_shutdown.c - which signal to PID 1 means what.
 */
#include <signal.h>

#include "check.h"
#include "shutdown.h"

int main(void)
{
	/* busybox poweroff / reboot / halt */
	CHECK_EQ_INT(shutdown_action_for(SIGUSR2), SHUTDOWN_POWEROFF);
	CHECK_EQ_INT(shutdown_action_for(SIGTERM), SHUTDOWN_REBOOT);
	CHECK_EQ_INT(shutdown_action_for(SIGUSR1), SHUTDOWN_HALT);
	/* the kernel: Ctrl-Alt-Del, power failure */
	CHECK_EQ_INT(shutdown_action_for(SIGINT), SHUTDOWN_REBOOT);
	CHECK_EQ_INT(shutdown_action_for(SIGPWR), SHUTDOWN_POWEROFF);
	/* Job-control and terminal signals must never take the box down. */
	CHECK_EQ_INT(shutdown_action_for(SIGCHLD), SHUTDOWN_NONE);
	CHECK_EQ_INT(shutdown_action_for(SIGHUP), SHUTDOWN_NONE);
	CHECK_EQ_INT(shutdown_action_for(SIGTSTP), SHUTDOWN_NONE);
	CHECK_EQ_INT(shutdown_action_for(SIGQUIT), SHUTDOWN_NONE);

	CHECK_STR(shutdown_action_name(SHUTDOWN_POWEROFF), "poweroff");
	CHECK_STR(shutdown_action_name(SHUTDOWN_REBOOT), "reboot");
	CHECK_STR(shutdown_action_name(SHUTDOWN_HALT), "halt");
	return check_done();
}
