/*
 * services.c - start the planned daemons, learn when each is ready,
 * restart them with backoff, reconcile them with a new config on a live
 * apply, and keep /run/keel/services current for `keel status`.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/clock.h"
#include "keel/file.h"
#include "keel/log.h"
#include "keel/paths.h"
#include "keel/ppp_options.h"
#include "keel/privdrop.h"

#include "boot.h"
#include "childio.h"
#include "init.h"
#include "run_bounded.h"
#include "services.h"

/* The readiness pipe's write end, as the daemon sees it. */
#define READY_FD 3

/* Appends printf output to buf at *len; -1 once it no longer fits. */
__attribute__((format(printf, 4, 5)))
static int put(char *buf, size_t size, size_t *len, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (*len >= size)
		return -1;
	va_start(ap, fmt);
	n = vsnprintf(buf + *len, size - *len, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size - *len)
		return -1;
	*len += (size_t)n;
	return 0;
}

int services_wan_dns(const struct keel_config *cfg, char *buf, size_t size)
{
	char a[CONFIG_ADDR_STRLEN];
	size_t len = 0;

	for (unsigned i = 0; i < cfg->wan.n_dns; i++)
		if (put(buf, size, &len, cfg->wan.dns[i].family == CONFIG_AF_INET6 ?
			"[%s]\n" : "%s\n",
			config_addr_str(&cfg->wan.dns[i], false, a, sizeof(a))))
			return -1;
	if (size)
		buf[len < size ? len : size - 1] = '\0';
	return (int)len;
}

int services_authorized_keys(const struct keel_config *cfg, char *buf,
			     size_t size)
{
	size_t len = 0;

	if (size)
		buf[0] = '\0';
	for (unsigned i = 0; i < cfg->ssh.n_keys; i++)
		if (put(buf, size, &len, "%s\n", cfg->ssh.keys[i]))
			return -1;
	return (int)len;
}

int services_format(const struct services *svcs, uint64_t now_ms,
		    char *buf, size_t size)
{
	size_t len = 0;

	for (size_t i = 0; i < svcs->count; i++) {
		const struct service *s = &svcs->list[i];
		char last[48] = "-", extra[48] = "";

		if (s->restarts)
			child_status_str(s->last_status, last, sizeof(last));
		if (s->child.pid <= 0 && !s->retired)
			snprintf(extra, sizeof(extra), ", restart in %llu ms",
				 (unsigned long long)(s->restart_at_ms > now_ms ?
						      s->restart_at_ms - now_ms : 0));
		if (put(buf, size, &len, "%-15s %-8s %6ld %8u %12llu %-5s %s%s\n",
			s->def.name,
			s->child.pid > 0 ? (s->ready ? "running" : "starting") :
			s->retired ? "stopped" : "waiting",
			(long)(s->child.pid > 0 ? s->child.pid : 0), s->restarts,
			(unsigned long long)s->started_boot_ms,
			s->ready ? "yes" : "no", last, extra))
			return -1;
	}
	return (int)len;
}

/*
 * /proc/net/tcp lines: "  0: 0100000A:0016 00000000:0000 0A ...": the
 * local port is the hex after the first colon of the second field, state
 * 0A is LISTEN.
 */
bool services_port_listening(const char *text, size_t len, unsigned port)
{
	size_t i = 0;

	while (i < len) {
		size_t end = i;
		char line[160];
		char local[64], remote[64], state[8];
		unsigned long p;
		char *colon;

		while (end < len && text[end] != '\n')
			end++;
		if (end - i < sizeof(line)) {
			memcpy(line, text + i, end - i);
			line[end - i] = '\0';
			if (sscanf(line, "%*s %63s %63s %7s", local, remote, state) == 3 &&
			    strcmp(state, "0A") == 0 && (colon = strrchr(local, ':'))) {
				p = strtoul(colon + 1, NULL, 16);
				if (p == port)
					return true;
			}
		}
		i = end + 1;
	}
	return false;
}

/* Atomically, so `keel status` never reads half a file. */
static void write_status(const struct services *svcs)
{
	static char buf[SERVICES_MAX * 120];
	int len = services_format(svcs, clock_mono_ms(), buf, sizeof(buf));
	struct atomic_file f;

	if (len < 0 || atomic_open(&f, SERVICES_STATUS_PATH, 0644) < 0)
		return;
	atomic_write(&f, buf, (size_t)len);
	if (atomic_commit(&f) < 0)
		logx_warn("services: %s: %s", SERVICES_STATUS_PATH, strerror(errno));
}

/* In the child: quiet stdio (output goes to the kernel log), the
 * readiness pipe on fd 3, own session, own user, then exec. */
static void service_exec(void *arg)
{
	const struct service *s = arg;
	char *argv[SERVICE_ARGV_MAX];
	const char *why;

	if (childio_to_kmsg() < 0)
		_exit(126);
	if (s->ready_watch.fd >= 0) {
		int w = s->ready_watch.fd + 1;	/* see service_start: read, write */

		if (w == READY_FD ? fcntl(w, F_SETFD, 0) < 0 : dup2(w, READY_FD) < 0)
			_exit(126);
		setenv(KEEL_READY_ENV, "3", 1);
	}
	setsid();
	if (s->def.user[0] && privdrop(s->def.user, &why) < 0) {
		logx_err("services: %s: cannot run as %s: %s", s->def.name,
			 s->def.user, why);
		_exit(126);
	}
	for (unsigned i = 0; i < s->def.argc; i++)
		argv[i] = (char *)s->def.args[i];
	argv[s->def.argc] = NULL;
	execv(argv[0], argv);
	logx_err("services: %s: exec %s: %s", s->def.name, argv[0], strerror(errno));
	_exit(127);
}

/* Its /run directory, owned by its user: daemons write there after they
 * have dropped root. */
static void make_owned_dir(const struct service_def *d, const char *dir)
{
	struct passwd *pw;

	if (!dir[0])
		return;
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		logx_warn("services: %s: mkdir %s: %s", d->name, dir, strerror(errno));
		return;
	}
	pw = d->rundir_owner[0] ? getpwnam(d->rundir_owner) : NULL;
	if (d->rundir_owner[0] && (!pw || chown(dir, pw->pw_uid, pw->pw_gid) < 0))
		logx_warn("services: %s: %s not given to %s", d->name, dir,
			  d->rundir_owner);
}

static void ready_close(struct services *svcs, struct service *s)
{
	if (s->ready_watch.fd < 0)
		return;
	evloop_fd_remove(svcs->loop, &s->ready_watch);
	close(s->ready_watch.fd);
	s->ready_watch.fd = -1;
}

static void became_ready(struct services *svcs, struct service *s)
{
	s->ready = true;
	logx("services: %s ready in %llu ms", s->def.name,
	     (unsigned long long)(clock_mono_ms() - s->started_ms));
	write_status(svcs);
}

/* The daemon wrote its newline (ready), or closed the pipe without one. */
static void ready_readable(struct evloop *loop, struct evloop_fd *w, uint32_t events)
{
	struct service *s = w->arg;
	struct services *svcs = s->child.arg;
	char buf[16];
	ssize_t n = read(w->fd, buf, sizeof(buf));

	(void)loop;
	(void)events;
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return;
	ready_close(svcs, s);
	if (n > 0 && memchr(buf, '\n', (size_t)n))
		became_ready(svcs, s);
	else if (s->child.pid > 0)
		logx_warn("services: %s closed its readiness pipe without saying ready",
			  s->def.name);
}

/* A third-party server: ready once its port listens. */
static void ready_poll(struct evloop *loop, struct evloop_timer *t)
{
	static char buf[65536];
	struct service *s = t->arg;
	struct services *svcs = s->child.arg;
	const char *files[] = { "/proc/net/tcp", "/proc/net/tcp6" };

	if (s->child.pid <= 0 || s->ready)
		return;
	for (unsigned i = 0; i < 2; i++) {
		int truncated;
		ssize_t n = file_read(files[i], buf, sizeof(buf), &truncated);

		if (n > 0 && services_port_listening(buf, (size_t)n, s->def.listen_port)) {
			became_ready(svcs, s);
			return;
		}
	}
	evloop_timer_set(loop, t, SERVICES_READY_POLL_MS);
}

static void service_start(struct services *svcs, struct service *s)
{
	int p[2] = { -1, -1 };

	make_owned_dir(&s->def, s->def.rundir);
	make_owned_dir(&s->def, s->def.datadir);
	s->ready = false;
	s->ready_watch.fd = -1;
	/* The write end is the read end + 1 (pipe2 takes the lowest free
	 * fds): service_exec finds it there without another field. */
	if (s->def.keel_daemon && pipe2(p, O_CLOEXEC | O_NONBLOCK) == 0) {
		if (p[1] != p[0] + 1) {
			close(p[0]);
			close(p[1]);
			p[0] = -1;
			logx_warn("services: %s: readiness pipe not adjacent", s->def.name);
		}
		s->ready_watch.fd = p[0];
	}
	s->started_ms = clock_mono_ms();
	s->started_boot_ms = clock_boot_ms();
	if (children_spawn(svcs->kids, &s->child, service_exec, s) < 0) {
		logx_err("services: %s: fork: %s", s->def.name, strerror(errno));
		if (p[0] >= 0) {
			close(p[0]);
			close(p[1]);
		}
		s->ready_watch.fd = -1;
		s->restart_at_ms = s->started_ms + BACKOFF_MAX_MS;
		evloop_timer_set(svcs->loop, &s->restart, BACKOFF_MAX_MS);
		write_status(svcs);
		return;
	}
	if (p[0] >= 0) {
		close(p[1]);
		s->ready_watch.cb = ready_readable;
		s->ready_watch.arg = s;
		if (evloop_fd_add(svcs->loop, &s->ready_watch, EPOLLIN) < 0) {
			logx_warn("services: %s: watch readiness: %s", s->def.name,
				  strerror(errno));
			close(p[0]);
			s->ready_watch.fd = -1;
		}
	} else if (s->def.listen_port) {
		evloop_timer_set(svcs->loop, &s->ready_poll, SERVICES_READY_POLL_MS);
	} else if (!s->def.keel_daemon) {
		s->ready = true;	/* nothing to wait for: started is ready */
	}
	write_status(svcs);
}

static void restart_due(struct evloop *loop, struct evloop_timer *timer)
{
	struct service *s = timer->arg;
	struct services *svcs = s->child.arg;

	(void)loop;
	if (!svcs->stopping && !s->retired)
		service_start(svcs, s);
}

static struct service *find(struct services *svcs, struct child *child)
{
	for (size_t i = 0; i < svcs->count; i++)
		if (&svcs->list[i].child == child)
			return &svcs->list[i];
	return NULL;
}

static void service_exited(struct child *child, int status)
{
	struct services *svcs = child->arg;
	struct service *s = find(svcs, child);
	uint64_t now = clock_mono_ms(), delay;
	char how[48];

	if (!s)
		return;
	ready_close(svcs, s);
	evloop_timer_cancel(svcs->loop, &s->ready_poll);
	s->ready = false;
	if (svcs->stopping)
		return;
	if (s->retired) {
		logx("services: %s stopped (no longer configured)", s->def.name);
		write_status(svcs);
		return;
	}
	if (s->replace) {
		/* Stopped by a live apply: the new definition, at once. */
		s->replace = false;
		s->def = s->next;
		memset(&s->backoff, 0, sizeof(s->backoff));
		logx("services: %s restarting with the new config", s->def.name);
		service_start(svcs, s);
		return;
	}
	s->restarts++;
	s->last_status = status;
	s->backoff.min_ms = s->def.restart_min_ms;
	delay = backoff_after_exit(&s->backoff, now - s->started_ms);
	s->restart_at_ms = now + delay;
	logx_warn("services: %s %s after %llu ms, restart %u in %llu ms",
		  s->def.name, child_status_str(status, how, sizeof(how)),
		  (unsigned long long)(now - s->started_ms), s->restarts,
		  (unsigned long long)delay);
	evloop_timer_set(svcs->loop, &s->restart, delay);
	write_status(svcs);
}

static void write_file(const char *path, const char *data, int len,
		       unsigned mode)
{
	struct atomic_file f;

	if (len < 0) {
		logx_err("services: %s: too long, not written", path);
		return;
	}
	if (atomic_open(&f, path, mode) < 0) {
		logx_warn("services: %s: %s", path, strerror(errno));
		return;
	}
	atomic_write(&f, data, (size_t)len);
	if (atomic_commit(&f) < 0)
		logx_warn("services: %s: %s", path, strerror(errno));
}

static void make_dir(const char *path, unsigned mode)
{
	if (mkdir(path, mode) < 0 && errno != EEXIST)
		logx_warn("services: mkdir %s: %s", path, strerror(errno));
}

int services_write_snapshot(const struct keel_config *cfg)
{
	const char *tmp = KEEL_RUN_CONFIG ".tmp";
	FILE *f;
	int bad;

	make_dir("/run/keel", 0755);
	f = fopen(tmp, "we");
	if (!f) {
		logx_err("services: %s: %s", tmp, strerror(errno));
		return -1;
	}
	fputs("# The config init runs, in canonical form: every daemon reads its\n"
	      "# settings here. Edit /etc/keel/keel.conf or use keel-config apply.\n", f);
	config_print_public(cfg, f);
	bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, KEEL_RUN_CONFIG) < 0) {
		logx_err("services: %s: %s", KEEL_RUN_CONFIG, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* The SSH host key, made on the first boot and kept on /data, so clients
 * see the same key across reboots and upgrades (dropbear -R would make
 * any other type on first use). */
#define SSH_HOST_KEY "/data/dropbear/dropbear_ed25519_host_key"
static void make_host_key(void)
{
	char *argv[] = { "/usr/bin/dropbearkey", "-t", "ed25519", "-f", SSH_HOST_KEY, NULL };
	char how[48];
	int status;

	if (access(SSH_HOST_KEY, F_OK) == 0)
		return;
	status = run_bounded(argv, 20000);
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		logx_err("services: dropbearkey: %s", status < 0 ? strerror(errno) :
			 child_status_str(status, how, sizeof(how)));
	else
		logx("services: made the SSH host key %s", SSH_HOST_KEY);
}

/* What the third-party services read from files rather than keel.conf:
 * a static WAN's DNS servers (dnsd watches the file the WAN's DHCP hook
 * writes too), SSH keys (root's home is in RAM: the image is read-only). */
static void write_service_files(const struct keel_config *cfg)
{
	static char buf[CONFIG_MAX_SSH_KEYS * (CONFIG_SSH_KEY_MAX + 2) + 64];

	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_STATIC && cfg->wan.n_dns)
		write_file(KEEL_WAN_DNS, buf, services_wan_dns(cfg, buf, sizeof(buf)), 0644);
	/* pppd's options hold the ISP password: root only, and gone when the
	 * WAN stops being PPPoE. */
	if (cfg->wan.present && cfg->wan.mode == CONFIG_WAN_PPPOE) {
		make_dir(KEEL_PPP_DIR, 0700);
		write_file(KEEL_PPP_OPTIONS, buf, ppp_options_text(cfg, buf, sizeof(buf)), 0600);
	} else if (unlink(KEEL_PPP_OPTIONS) < 0 && errno != ENOENT) {
		logx_warn("services: %s: %s", KEEL_PPP_OPTIONS, strerror(errno));
	}
	if (cfg->services.sshd) {
		make_dir(SERVICES_ROOT_HOME, 0700);
		make_dir(SERVICES_ROOT_HOME "/.ssh", 0700);
		write_file(SERVICES_ROOT_HOME "/.ssh/authorized_keys", buf,
			   services_authorized_keys(cfg, buf, sizeof(buf)), 0600);
		make_dir("/data/dropbear", 0700);
		make_host_key();
	}
}

static struct service *service_add(struct services *svcs,
				   const struct service_def *def)
{
	struct service *s = NULL;

	/* A slot a live apply retired and whose process is gone is free:
	 * its timers are cancelled and its child unlinked. */
	for (size_t i = 0; i < svcs->count && !s; i++)
		if (svcs->list[i].retired && svcs->list[i].child.pid <= 0)
			s = &svcs->list[i];
	if (!s) {
		if (svcs->count >= SERVICES_MAX)
			return NULL;
		s = &svcs->list[svcs->count++];
	}
	memset(s, 0, sizeof(*s));
	s->def = *def;
	s->ready_watch.fd = -1;
	s->child.on_exit = service_exited;
	s->child.arg = svcs;
	s->restart.cb = restart_due;
	s->restart.arg = s;
	s->ready_poll.cb = ready_poll;
	s->ready_poll.arg = s;
	return s;
}

/* The plan for init->config, or -1 (logged, report failed). */
static int plan(struct init *init, struct service_def *defs,
		struct step_report *report)
{
	char err[200];
	int n = services_plan(&init->config, KEEL_RUN_CONFIG, defs, SERVICES_MAX,
			      err, sizeof(err));

	if (n < 0) {
		logx_err("services: %s", err);
		report->failed = true;
		return -1;
	}
	if (n > SERVICES_MAX) {
		logx_err("services: %d configured, only %d supervised", n, SERVICES_MAX);
		report->failed = true;
		n = SERVICES_MAX;
	}
	return n;
}

void services_step(struct init *init, struct step_report *report)
{
	struct services *svcs = &init->services;
	static struct service_def defs[SERVICES_MAX];
	int wanted;

	svcs->kids = &init->kids;
	svcs->loop = &init->loop;
	svcs->stopping = false;
	svcs->count = 0;
	make_dir("/run/keel", 0755);
	write_service_files(&init->config);
	wanted = plan(init, defs, report);
	for (int i = 0; i < wanted; i++) {
		struct service *s;

		if (access(defs[i].args[0], X_OK) < 0) {
			logx_err("services: %s: %s: %s", defs[i].name,
				 defs[i].args[0], strerror(errno));
			report->failed = true;
			continue;
		}
		s = service_add(svcs, &defs[i]);
		service_start(svcs, s);
		report_add(report, "%s(%ld)", s->def.name, (long)s->child.pid);
	}
	if (svcs->count == 0)
		report_add(report, "none");
	write_status(svcs);
}

/* What a Keel daemon would run with the snapshot at path: its -n output.
 * Returns the length, or -1 (then it counts as changed). */
static int settings_of(const struct service_def *d, const char *path,
		       char *out, size_t size)
{
	char *argv[SERVICE_ARGV_MAX + 2];
	int c = service_config_arg(d), status;
	unsigned k = 0;
	size_t len;

	if (c < 0)
		return -1;
	argv[k++] = (char *)d->args[0];
	argv[k++] = "-n";
	for (unsigned i = 1; i < d->argc; i++)
		argv[k++] = i == (unsigned)c ? (char *)path : (char *)d->args[i];
	argv[k] = NULL;
	status = run_capture(argv, 10000, out, size, &len);
	if (status < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    len >= size - 1)
		return -1;
	return (int)len;
}

/* FNV-1a of a daemon's -n output: what it runs, in 8 bytes. */
static uint64_t settings_hash(const struct service_def *d, const char *path)
{
	static char text[65536];
	int len = settings_of(d, path, text, sizeof(text));
	uint64_t h = 0xcbf29ce484222325ull;

	if (len < 0)
		return 0;	/* unknown: counts as changed */
	for (int i = 0; i < len; i++)
		h = (h ^ (uint8_t)text[i]) * 0x100000001b3ull;
	return h | 1;	/* never 0 */
}

void services_remember_settings(struct services *svcs)
{
	for (size_t i = 0; i < svcs->count; i++) {
		struct service *s = &svcs->list[i];

		s->settings = !s->retired && s->def.keel_daemon ?
			      settings_hash(&s->def, KEEL_RUN_CONFIG) : 0;
	}
}

static bool settings_changed(const struct service *s)
{
	return s->settings == 0 || settings_hash(&s->def, KEEL_RUN_CONFIG) != s->settings;
}

static bool def_same(const struct service_def *a, const struct service_def *b)
{
	if (strcmp(a->name, b->name) || a->argc != b->argc ||
	    strcmp(a->user, b->user) || a->listen_port != b->listen_port ||
	    a->stamp != b->stamp)
		return false;
	for (unsigned i = 0; i < a->argc; i++)
		if (strcmp(a->args[i], b->args[i]))
			return false;
	return true;
}

static void service_signal(struct service *s, int sig)
{
	if (s->child.pid > 0)
		kill(s->child.pid, sig);
}

int services_reconcile(struct init *init, struct step_report *report)
{
	struct services *svcs = &init->services;
	static struct service_def defs[SERVICES_MAX];
	bool used[SERVICES_MAX] = { false };
	int wanted, touched = 0;

	write_service_files(&init->config);
	wanted = plan(init, defs, report);
	if (wanted < 0)
		return -1;
	/* What stays, changes or goes. */
	for (size_t i = 0; i < svcs->count; i++) {
		struct service *s = &svcs->list[i];
		int match = -1;

		if (s->retired)
			continue;
		for (int k = 0; k < wanted; k++)
			if (!used[k] && strcmp(defs[k].name, s->def.name) == 0) {
				match = k;
				break;
			}
		if (match < 0) {
			s->retired = true;
			evloop_timer_cancel(svcs->loop, &s->restart);
			service_signal(s, SIGTERM);
			report_add(report, "stop %s", s->def.name);
			touched++;
			continue;
		}
		used[match] = true;
		if (def_same(&s->def, &defs[match]) &&
		    (!s->def.keel_daemon || !settings_changed(s)))
			continue;
		report_add(report, "restart %s", s->def.name);
		touched++;
		if (s->child.pid > 0) {
			s->next = defs[match];
			s->replace = true;
			service_signal(s, SIGTERM);
		} else {
			/* Waiting out a backoff: start the new one now. */
			s->def = defs[match];
			evloop_timer_cancel(svcs->loop, &s->restart);
			memset(&s->backoff, 0, sizeof(s->backoff));
			service_start(svcs, s);
		}
	}
	for (int k = 0; k < wanted; k++) {
		struct service *s;

		if (used[k])
			continue;
		s = service_add(svcs, &defs[k]);
		if (!s) {
			logx_err("services: no room to start %s", defs[k].name);
			report->failed = true;
			continue;
		}
		service_start(svcs, s);
		report_add(report, "start %s", s->def.name);
		touched++;
	}
	write_status(svcs);
	return touched;
}

void services_stop(struct services *svcs)
{
	svcs->stopping = true;
	for (size_t i = 0; i < svcs->count; i++)
		if (svcs->loop) {
			evloop_timer_cancel(svcs->loop, &svcs->list[i].restart);
			evloop_timer_cancel(svcs->loop, &svcs->list[i].ready_poll);
		}
}
