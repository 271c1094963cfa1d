/*
 * test_children.c - spawning, exit callbacks and orphan reaping, with real
 * child processes.
 */
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "keel/children.h"
#include "keel/clock.h"

static struct evloop loop;
static struct children kids;

struct outcome {
	int status;
	int exits;
	int respawns_left;
	void (*again)(void *arg);
};

static void note_exit(struct child *child, int status)
{
	struct outcome *out = child->arg;

	out->status = status;
	out->exits++;
	/* The table let go of the child before calling: reuse is allowed. */
	if (out->respawns_left > 0) {
		out->respawns_left--;
		children_spawn(&kids, child, out->again, NULL);
	}
}

static void wait_exits(const struct outcome *out, int want)
{
	uint64_t give_up = clock_mono_ms() + 5000;

	while (out->exits < want && clock_mono_ms() < give_up)
		evloop_run_once(&loop, 50);
}

static void exit_3(void *arg)
{
	(void)arg;
	_exit(3);
}

static void kill_self(void *arg)
{
	(void)arg;
	kill(getpid(), SIGKILL);
}

static void return_without_exec(void *arg)
{
	(void)arg;
}

/* A shell needs SIGCHLD/SIGINT unblocked and SIGPIPE at its default. */
static void check_clean_signals(void *arg)
{
	struct sigaction sa;
	sigset_t mask;

	(void)arg;
	sigprocmask(SIG_BLOCK, NULL, &mask);
	sigaction(SIGPIPE, NULL, &sa);
	_exit(sigismember(&mask, SIGCHLD) || sigismember(&mask, SIGUSR1) ||
	      sa.sa_handler != SIG_DFL ? 1 : 0);
}

static void test_exit_status_reaches_owner(void)
{
	struct outcome out = { .exits = 0 };
	struct child child = { .on_exit = note_exit, .arg = &out };
	char text[48];
	pid_t pid = children_spawn(&kids, &child, exit_3, NULL);

	CHECK(pid > 0);
	CHECK_EQ_INT(child.pid, pid);
	CHECK_EQ_UINT(children_running(&kids), 1);
	wait_exits(&out, 1);
	CHECK_EQ_INT(out.exits, 1);
	CHECK(WIFEXITED(out.status) && WEXITSTATUS(out.status) == 3);
	CHECK_STR(child_status_str(out.status, text, sizeof(text)), "exited 3");
	CHECK_EQ_INT(child.pid, 0);
	CHECK_EQ_UINT(children_running(&kids), 0);
}

static void test_killed_and_returned(void)
{
	struct outcome out = { .exits = 0 };
	struct child child = { .on_exit = note_exit, .arg = &out };
	char text[48];

	children_spawn(&kids, &child, kill_self, NULL);
	wait_exits(&out, 1);
	CHECK(WIFSIGNALED(out.status) && WTERMSIG(out.status) == SIGKILL);
	CHECK_STR(child_status_str(out.status, text, sizeof(text)),
		  "killed by signal 9");

	children_spawn(&kids, &child, return_without_exec, NULL);
	wait_exits(&out, 2);
	CHECK(WIFEXITED(out.status) && WEXITSTATUS(out.status) == 127);
}

static void test_child_signal_state_is_clean(void)
{
	struct outcome out = { .exits = 0 };
	struct child child = { .on_exit = note_exit, .arg = &out };

	signal(SIGPIPE, SIG_IGN);
	children_spawn(&kids, &child, check_clean_signals, NULL);
	wait_exits(&out, 1);
	CHECK(WIFEXITED(out.status) && WEXITSTATUS(out.status) == 0);
	signal(SIGPIPE, SIG_DFL);
}

static void test_respawn_from_callback(void)
{
	struct outcome out = { .exits = 0, .respawns_left = 2, .again = exit_3 };
	struct child child = { .on_exit = note_exit, .arg = &out };

	children_spawn(&kids, &child, exit_3, NULL);
	wait_exits(&out, 3);
	CHECK_EQ_INT(out.exits, 3);
	CHECK_EQ_UINT(children_running(&kids), 0);
}

static void test_untracked_children_are_reaped(void)
{
	uint64_t give_up = clock_mono_ms() + 5000;
	unsigned long before = kids.untracked_reaped;
	pid_t stray = fork();

	if (stray == 0)
		_exit(0);
	CHECK(stray > 0);
	while (kids.untracked_reaped == before && clock_mono_ms() < give_up)
		evloop_run_once(&loop, 50);
	CHECK_EQ_UINT(kids.untracked_reaped, before + 1);
	/* Nothing left: reaping reports that, and does not block. */
	CHECK(!children_reap(&kids));
}

int main(void)
{
	if (evloop_init(&loop) < 0 || children_init(&kids, &loop) < 0) {
		CHECK(!"loop setup");
		return check_done();
	}
	test_exit_status_reaches_owner();
	test_killed_and_returned();
	test_child_signal_state_is_clean();
	test_respawn_from_callback();
	test_untracked_children_are_reaped();
	evloop_close(&loop);
	return check_done();
}
