/*
 * interrupt.c - signals that stop an install (interrupt.h).
 */
#include <signal.h>
#include <string.h>

#include "interrupt.h"

static volatile sig_atomic_t caught;

static void on_signal(int sig)
{
	if (!caught)
		caught = sig;
}

int interrupt_catch(void)
{
	static const int sigs[] = { SIGTERM, SIGINT, SIGHUP, SIGPIPE };
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;	/* no SA_RESTART: a read from ssh must not block on */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction old;

		/* One ignored on entry stays ignored: `nohup keel-upgrade FILE`
		 * asked to outlive the session. */
		if (sigaction(sigs[i], NULL, &old) != 0)
			return -1;
		if (old.sa_handler != SIG_IGN && sigaction(sigs[i], &sa, NULL) != 0)
			return -1;
	}
	return 0;
}

int interrupted(void)
{
	return caught;
}
