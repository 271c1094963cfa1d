/*
 * console.h - the login shell on the serial console, kept alive.
 */
#ifndef KEEL_INIT_CONSOLE_H
#define KEEL_INIT_CONSOLE_H

#include <stdbool.h>
#include <stddef.h>

#include "keel/children.h"
#include "keel/evloop.h"

#include "respawn.h"

/* Kernel tty names are short ("ttyS0", "ttyAMA0", "hvc0"). */
#define CONSOLE_NAME_MAX 32
#define CONSOLE_SHELL "/bin/sh"

struct console {
	char device[sizeof("/dev/") + CONSOLE_NAME_MAX];
	const char *term;
	struct child child;
	struct evloop_timer restart;
	struct respawn respawn;
	struct children *kids;
	struct evloop *loop;
	bool stopping;
};

/*
 * Parses /sys/class/tty/console/active ("tty0 ttyS0\n"): the last name on
 * the first line is the device behind /dev/console. It must be 1 to
 * CONSOLE_NAME_MAX characters of [A-Za-z0-9_-], so it is safe to put after
 * "/dev/". Pure. Returns NULL and fills name on success, else says why.
 */
const char *console_parse_active(const char *buf, size_t len,
				 char name[CONSOLE_NAME_MAX + 1]);

/* TERM for a console: "linux" on a virtual terminal (tty1), else "vt100",
 * which every serial terminal emulator understands. */
const char *console_term(const char *name);

struct init;
struct step_report;

/* Boot step: finds the console device and starts the shell on it. */
void console_step(struct init *init, struct step_report *report);

/* Shutdown: no more respawns, and the shell is hung up (SIGHUP). */
void console_stop(struct console *con);

#endif /* KEEL_INIT_CONSOLE_H */
