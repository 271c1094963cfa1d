/*
 * console.c - find the real console device and run a shell on it.
 *
 * /dev/console can never be a controlling terminal, so a shell there has no
 * job control (no Ctrl-C, no Ctrl-Z). The shell gets the tty behind it
 * instead, in a session of its own, with that tty as controlling terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/file.h"
#include "keel/log.h"

#include "boot.h"
#include "console.h"
#include "init.h"

#define CONSOLE_ACTIVE "/sys/class/tty/console/active"
#define CONSOLE_FALLBACK "/dev/console"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

const char *console_parse_active(const char *buf, size_t len,
				 char name[CONSOLE_NAME_MAX + 1])
{
	const char *newline = memchr(buf, '\n', len);
	size_t end = newline ? (size_t)(newline - buf) : len;
	size_t start;

	while (end > 0 && is_blank(buf[end - 1]))
		end--;
	start = end;
	while (start > 0 && !is_blank(buf[start - 1]))
		start--;

	if (start == end)
		return "no console listed";
	if (end - start > CONSOLE_NAME_MAX)
		return "console name too long";
	for (size_t i = start; i < end; i++) {
		if (!is_name_char(buf[i]))
			return "unexpected character in console name";
	}
	memcpy(name, buf + start, end - start);
	name[end - start] = '\0';
	return NULL;
}

const char *console_term(const char *name)
{
	const char *p = name;

	if (strncmp(p, "tty", 3) != 0)
		return "vt100";
	for (p += 3; *p; p++) {
		if (*p < '0' || *p > '9')
			return "vt100";
	}
	/* "tty" followed by digits only: a virtual terminal. */
	return p > name + 3 ? "linux" : "vt100";
}

/* Sets con->device and con->term, logging why if it falls back. */
static void console_find(struct console *con)
{
	char buf[256], name[CONSOLE_NAME_MAX + 1];
	int truncated = 0;
	const char *why;
	ssize_t n = file_read(CONSOLE_ACTIVE, buf, sizeof(buf), &truncated);

	if (n < 0)
		why = strerror(errno);
	else if (truncated)
		why = "too many consoles listed";
	else
		why = console_parse_active(buf, (size_t)n, name);

	if (!why) {
		snprintf(con->device, sizeof(con->device), "/dev/%s", name);
		if (access(con->device, R_OK | W_OK) == 0) {
			con->term = console_term(name);
			return;
		}
		logx_warn("console: %s: %s, using %s", con->device,
			  strerror(errno), CONSOLE_FALLBACK);
	} else {
		logx_warn("console: %s: %s, using %s", CONSOLE_ACTIVE, why,
			  CONSOLE_FALLBACK);
	}
	snprintf(con->device, sizeof(con->device), "%s", CONSOLE_FALLBACK);
	con->term = "vt100";
}

/* Runs in the child: never returns on success. */
static void shell_exec(void *arg)
{
	const struct console *con = arg;
	char term[32];
	char *argv[] = { CONSOLE_SHELL, "-l", NULL };
	char *envp[] = {
		"HOME=/root",
		"PATH=/sbin:/usr/sbin:/bin:/usr/bin",
		"SHELL=" CONSOLE_SHELL,
		term,
		NULL,
	};
	int fd;

	snprintf(term, sizeof(term), "TERM=%s", con->term);
	if (setsid() < 0)
		logx_warn("console: setsid: %s", strerror(errno));
	fd = open(con->device, O_RDWR | O_NOCTTY);
	if (fd < 0) {
		logx_err("console: open %s: %s", con->device, strerror(errno));
		_exit(126);
	}
	/* Explicitly, so a failure is reported rather than silently
	 * leaving the shell without job control. */
	if (ioctl(fd, TIOCSCTTY, 0) < 0)
		logx_warn("console: %s as controlling tty: %s (no job control)",
			  con->device, strerror(errno));
	if (dup2(fd, STDIN_FILENO) < 0 || dup2(fd, STDOUT_FILENO) < 0 ||
	    dup2(fd, STDERR_FILENO) < 0) {
		logx_err("console: dup2 %s: %s", con->device, strerror(errno));
		_exit(126);
	}
	if (fd > STDERR_FILENO)
		close(fd);
	if (chdir("/root") < 0 && chdir("/") < 0)
		logx_warn("console: chdir: %s", strerror(errno));
	execve(CONSOLE_SHELL, argv, envp);
	logx_err("console: exec %s: %s", CONSOLE_SHELL, strerror(errno));
	_exit(127);
}

static void shell_start(struct console *con)
{
	if (children_spawn(con->kids, &con->child, shell_exec, con) > 0)
		return;
	/* Out of processes or memory: try again later rather than never. */
	logx_err("console: fork: %s, retrying in %d s", strerror(errno),
		 RESPAWN_BACKOFF_MS / 1000);
	evloop_timer_set(con->loop, &con->restart, RESPAWN_BACKOFF_MS);
}

static void restart_due(struct evloop *loop, struct evloop_timer *timer)
{
	struct console *con = timer->arg;

	(void)loop;
	if (!con->stopping)
		shell_start(con);
}

static void shell_exited(struct child *child, int status)
{
	struct console *con = child->arg;
	char how[48];
	uint64_t delay;

	if (con->stopping)
		return;
	child_status_str(status, how, sizeof(how));
	delay = respawn_note_exit(&con->respawn, clock_mono_ms());
	if (delay == 0) {
		logx("console: shell %s, respawning", how);
		shell_start(con);
		return;
	}
	logx_warn("console: shell %s, more than %d exits in %d s: "
		  "respawning in %llu s", how, RESPAWN_BURST,
		  RESPAWN_WINDOW_MS / 1000, (unsigned long long)delay / 1000);
	evloop_timer_set(con->loop, &con->restart, delay);
}

void console_step(struct init *init, struct step_report *report)
{
	struct console *con = &init->console;

	con->kids = &init->kids;
	con->loop = &init->loop;
	con->stopping = false;
	con->child = (struct child){ .on_exit = shell_exited, .arg = con };
	con->restart = (struct evloop_timer){ .cb = restart_due, .arg = con };
	respawn_reset(&con->respawn);

	console_find(con);
	shell_start(con);
	if (!con->child.pid)
		report->failed = true;
	report_add(report, "%s on %s (TERM=%s)", CONSOLE_SHELL, con->device,
		   con->term);
}

void console_stop(struct console *con)
{
	con->stopping = true;
	if (con->loop)
		evloop_timer_cancel(con->loop, &con->restart);
	/* An interactive shell ignores SIGTERM: hang it up like a dropped
	 * line instead, so shutdown need not wait out the grace period. */
	if (con->child.pid > 0)
		kill(con->child.pid, SIGHUP);
}
