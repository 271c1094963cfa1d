/*
 * main.c - flowd: flow exporter. Options in, pcap handles (or the -r
 * file) and collector sockets opened as root, privileges dropped, then
 * either the file read to its end or the live interfaces watched from one
 * event loop.
 * The only file that talks to libpcap: decode, flow table and encoders
 * are pure and know nothing of it.
 */
#define _GNU_SOURCE	/* getrandom */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <pcap/pcap.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "keel/atomic_file.h"
#include "keel/config.h"
#include "keel/evloop.h"
#include "keel/file.h"
#include "keel/log.h"
#include "keel/privdrop.h"
#include "keel/ready.h"
#include "keel/seccomp.h"

#include "collector.h"
#include "engine.h"
#include "from_config.h"
#include "offline.h"
#include "options.h"
#include "pcapfile.h"
#include "seccomp_list.h"
#include "summary.h"

#define SUMMARY_MAX 4096
#define BPF_FILTER "ip or ip6 or (vlan and (ip or ip6))"

struct capture {
	pcap_t *pcap;
	int linktype;
	unsigned slot;
	struct evloop_fd watch;
};

struct flowd {
	struct flowd_options opt;
	struct engine eng;
	struct collectors col;
	struct capture cap[FLOWD_MAX_IFACES];
	size_t ncap;
	struct capture_counts counts;
	struct evloop loop;
	struct evloop_timer tick;
	uint64_t next_summary_ms;
	int exit_code;
};

static struct flowd fd_state;
/* -C: keel.conf, for the life of the process (the options point into it). */
static struct keel_config keel_conf;

static uint64_t wall_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	return (uint64_t)ts.tv_sec * 1000 + (uint64_t)ts.tv_nsec / 1000000;
}

static uint64_t pkt_ms(const struct pcap_pkthdr *h)
{
	return (uint64_t)h->ts.tv_sec * 1000 + (uint64_t)h->ts.tv_usec / 1000;
}

static uint64_t random_seed(void)
{
	uint64_t seed = 0;

	/* A predictable seed only weakens the hash against chosen tuples. */
	if (getrandom(&seed, sizeof(seed), GRND_NONBLOCK) != sizeof(seed))
		seed = wall_ms() ^ (uint64_t)getpid() << 32;
	return seed;
}

static void update_counts(struct flowd *s)
{
	struct pcap_stat ps;
	size_t i;

	s->counts.received = s->counts.dropped = 0;
	for (i = 0; i < s->ncap; i++)
		if (pcap_stats(s->cap[i].pcap, &ps) == 0) {
			s->counts.received += ps.ps_recv;
			s->counts.dropped += ps.ps_drop + ps.ps_ifdrop;
		}
	s->counts.send_errors = s->col.send_errors;
}

static void write_summary(struct flowd *s)
{
	static char text[SUMMARY_MAX];
	struct atomic_file f;
	size_t n;

	update_counts(s);
	n = summary_format(text, sizeof(text), &s->eng, &s->counts, wall_ms());
	if (atomic_open(&f, s->opt.summary_path, 0644) < 0) {
		logx_warn("summary %s: %s", s->opt.summary_path,
			  strerror(errno));
		return;
	}
	atomic_write(&f, text, n);
	if (atomic_commit(&f) < 0)
		logx_warn("summary %s: %s", s->opt.summary_path,
			  strerror(errno));
}

static int show_summary(const struct flowd_options *o)
{
	static char text[SUMMARY_MAX];
	int truncated;
	ssize_t n = file_read(o->summary_path, text, sizeof(text), &truncated);

	if (n < 0) {
		fprintf(stderr, "flowd: %s: %s (is flowd running?)\n",
			o->summary_path, strerror(errno));
		return 1;
	}
	fwrite(text, 1, (size_t)n, stdout);
	return 0;
}

/* Files that are not classic pcap (pcapng) go through libpcap, from the
 * descriptor opened before the privilege drop. */
static int read_with_libpcap(struct flowd *s, int fd)
{
	char err[PCAP_ERRBUF_SIZE];
	struct pcap_pkthdr *h;
	const u_char *data;
	bool first = true;
	FILE *f;
	pcap_t *p;
	int rc;

	if (lseek(fd, 0, SEEK_SET) < 0 || !(f = fdopen(fd, "rb"))) {
		logx_err("%s: %s", s->opt.read_file, strerror(errno));
		return -1;
	}
	p = pcap_fopen_offline(f, err);
	if (!p) {
		logx_err("%s: %s", s->opt.read_file, err);
		fclose(f);
		return -1;
	}
	while ((rc = pcap_next_ex(p, &h, &data)) == 1) {
		if (first) {
			engine_set_clock(&s->eng, pkt_ms(h));
			first = false;
		}
		engine_packet(&s->eng, 0, pkt_ms(h), data, h->caplen,
			      pcap_datalink(p));
	}
	if (rc == -1)
		logx_err("%s: %s", s->opt.read_file, pcap_geterr(p));
	pcap_close(p);	/* closes f and fd */
	return rc == -1 ? -1 : 0;
}

/* Offline: the file's timestamps are the clock; sysUpTime starts at its
 * first packet. Everything is flushed at the end and the counters
 * printed. */
static int run_file(struct flowd *s, int fd)
{
	/* Allocated only here: a live daemon never carries the buffer. */
	struct offline_reader *reader = malloc(sizeof(*reader));
	static char text[SUMMARY_MAX];
	char err[256];
	int rc;

	if (!reader) {
		logx_err("cannot allocate the read buffer");
		return 1;
	}
	rc = offline_read(reader, fd, &s->eng, err, sizeof(err));
	free(reader);

	if (rc == PCAPFILE_OTHER) {
		if (read_with_libpcap(s, fd) < 0)
			return 1;
	} else {
		close(fd);
		if (rc != PCAPFILE_OK) {
			logx_err("%s: %s", s->opt.read_file, err);
			return 1;
		}
		if (err[0])
			logx_warn("%s: %s", s->opt.read_file, err);
	}
	engine_flush(&s->eng);
	s->counts.send_errors = s->col.send_errors;
	summary_format(text, sizeof(text), &s->eng, &s->counts,
		       s->eng.now_ms);
	fputs(text, stdout);
	return 0;
}

static void on_packet(u_char *arg, const struct pcap_pkthdr *h,
		      const u_char *data)
{
	struct capture *c = (struct capture *)arg;

	engine_packet(&fd_state.eng, c->slot, pkt_ms(h), data, h->caplen,
		      c->linktype);
}

static void on_readable(struct evloop *loop, struct evloop_fd *w,
			uint32_t events)
{
	struct capture *c = w->arg;

	(void)events;
	/* A failed capture (interface gone or down) would wake the loop
	 * forever: flush and exit, and let init restart us with backoff. */
	if (pcap_dispatch(c->pcap, -1, on_packet, (u_char *)c) < 0) {
		logx_err("%s: %s", fd_state.opt.ifaces[c->slot],
			 pcap_geterr(c->pcap));
		fd_state.exit_code = 1;
		evloop_stop(loop);
	}
}

static void on_tick(struct evloop *loop, struct evloop_timer *t)
{
	struct flowd *s = t->arg;
	uint64_t now = wall_ms();

	engine_tick(&s->eng, now);
	if (s->opt.summary_s && now >= s->next_summary_ms) {
		write_summary(s);
		s->next_summary_ms = now + (uint64_t)s->opt.summary_s * 1000;
	}
	evloop_timer_set(loop, t, 1000);
}

static void on_term(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	(void)si;
	(void)arg;
	evloop_stop(loop);
}

static void on_usr1(struct evloop *loop, const struct signalfd_siginfo *si,
		    void *arg)
{
	(void)loop;
	(void)si;
	write_summary(arg);
}

static int open_live(struct flowd *s, char *err, size_t errlen)
{
	char pcap_err[PCAP_ERRBUF_SIZE];
	struct bpf_program prog;
	size_t i;

	for (i = 0; i < s->opt.n_ifaces; i++) {
		const char *ifname = s->opt.ifaces[i];
		struct capture *c = &s->cap[i];
		pcap_t *p = pcap_create(ifname, pcap_err);
		int rc;

		if (!p) {
			snprintf(err, errlen, "%s: %s", ifname, pcap_err);
			return -1;
		}
		c->pcap = p;
		s->ncap++;
		/* Headers only; a ring drained every 100 ms or when a
		 * block fills, rather than a wakeup per packet. */
		pcap_set_snaplen(p, (int)s->opt.snaplen);
		pcap_set_promisc(p, 0);
		pcap_set_timeout(p, 100);
		pcap_set_buffer_size(p, (int)s->opt.buffer_kb * 1024);
		rc = pcap_activate(p);
		if (rc < 0) {
			snprintf(err, errlen, "%s: %s", ifname,
				 rc == PCAP_ERROR ? pcap_geterr(p) :
						    pcap_statustostr(rc));
			return -1;
		}
		if (!s->opt.both_directions &&
		    pcap_setdirection(p, PCAP_D_IN) < 0) {
			snprintf(err, errlen, "%s: direction: %s", ifname,
				 pcap_geterr(p));
			return -1;
		}
		if (pcap_compile(p, &prog, BPF_FILTER, 1,
				 PCAP_NETMASK_UNKNOWN) < 0 ||
		    pcap_setfilter(p, &prog) < 0) {
			snprintf(err, errlen, "%s: filter: %s", ifname,
				 pcap_geterr(p));
			return -1;
		}
		pcap_freecode(&prog);
		if (pcap_setnonblock(p, 1, pcap_err) < 0) {
			snprintf(err, errlen, "%s: %s", ifname, pcap_err);
			return -1;
		}
		c->linktype = pcap_datalink(p);
		c->slot = (unsigned)i;
		c->watch.fd = pcap_get_selectable_fd(p);
		c->watch.cb = on_readable;
		c->watch.arg = c;
		if (c->watch.fd < 0) {
			snprintf(err, errlen, "%s: no selectable fd", ifname);
			return -1;
		}
		s->eng.ifindex[i] = if_nametoindex(ifname);
	}
	return 0;
}

/* /run/flowd belongs to the daemon's user, made while still root. */
static void make_summary_dir(const struct flowd_options *o)
{
	char dir[256];
	struct passwd *pw = getpwnam(o->user);
	char *slash;

	if (snprintf(dir, sizeof(dir), "%s", o->summary_path) >=
	    (int)sizeof(dir))
		return;
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return;
	*slash = '\0';
	if (mkdir(dir, 0755) < 0 && errno != EEXIST) {
		logx_warn("summary directory %s: %s", dir, strerror(errno));
		return;
	}
	if (pw && geteuid() == 0 && chown(dir, pw->pw_uid, pw->pw_gid) < 0)
		logx_warn("summary directory %s: chown: %s", dir,
			  strerror(errno));
}

static int drop_privileges(const struct flowd_options *o)
{
	const char *why;

	if (geteuid() != 0) {
		logx_warn("not root: running as uid %u, no privilege drop",
			  (unsigned)geteuid());
		return 0;
	}
	if (privdrop(o->user, &why) < 0) {
		logx_err("cannot drop privileges to %s: %s", o->user, why);
		return -1;
	}
	return 0;
}

static int run_live(struct flowd *s)
{
	char err[256];
	size_t i;

	if (evloop_init(&s->loop) < 0) {
		logx_err("event loop: %s", strerror(errno));
		return 1;
	}
	for (i = 0; i < s->ncap; i++)
		if (evloop_fd_add(&s->loop, &s->cap[i].watch, EPOLLIN) < 0) {
			logx_err("%s: epoll: %s", s->opt.ifaces[i],
				 strerror(errno));
			return 1;
		}
	/* SIGHUP (a reload elsewhere) must not kill the daemon: it
	 * rewrites the summary, like SIGUSR1. */
	if (evloop_signal(&s->loop, SIGTERM, on_term, s) < 0 ||
	    evloop_signal(&s->loop, SIGINT, on_term, s) < 0 ||
	    evloop_signal(&s->loop, SIGUSR1, on_usr1, s) < 0 ||
	    evloop_signal(&s->loop, SIGHUP, on_usr1, s) < 0) {
		logx_err("signals: %s", strerror(errno));
		return 1;
	}
	signal(SIGPIPE, SIG_IGN);
	s->tick.cb = on_tick;
	s->tick.arg = s;
	evloop_timer_set(&s->loop, &s->tick, 1000);
	/* Set up: from here on, only what capturing and exporting need. */
	if (seccomp_lockdown(&flowd_seccomp, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (ready_notify() < 0)
		logx_warn("cannot tell init we are ready: %s", strerror(errno));
	logx("capturing on %zu interfaces, exporting NetFlow v%d to %zu "
	     "collectors, %u flows at most", s->ncap, s->opt.eng.version,
	     s->col.n, s->opt.eng.max_flows);
	if (evloop_run(&s->loop) < 0) {
		logx_err("event loop failed: %s", strerror(errno));
		return 1;
	}
	engine_flush(&s->eng);
	if (s->opt.summary_s)
		write_summary(s);
	update_counts(s);
	logx("exit: %llu packets, %llu flows exported, %llu evicted, %llu "
	     "dropped by the kernel", (unsigned long long)s->eng.st.packets,
	     (unsigned long long)s->eng.st.exported,
	     (unsigned long long)s->eng.ft.expired[FT_EVICTED],
	     (unsigned long long)s->counts.dropped);
	return s->exit_code;
}

/* -C: strict. init hands every daemon the snapshot it booted with
 * (KEEL_RUN_CONFIG), so a file flowd cannot use is an error, never a cue
 * to guess settings of its own. */
static int load_config(struct flowd_options *o, char *err, size_t errlen)
{
	struct config_error cerr;

	if (config_load(o->config_path, &keel_conf, &cerr) < 0) {
		snprintf(err, errlen, "%s", cerr.msg);
		return -1;
	}
	return options_from_config(o, &keel_conf, err, errlen);
}

int main(int argc, char **argv)
{
	struct flowd *s = &fd_state;
	char err[512];
	int file = -1;
	size_t i;
	int rc;

	options_defaults(&s->opt);
	rc = options_parse(&s->opt, argc, argv, err, sizeof(err));
	if (rc == 1)
		return 0;
	if (rc < 0) {
		fprintf(stderr, "flowd: %s\n", err);
		return 2;
	}
	if (s->opt.show_summary)
		return show_summary(&s->opt);
	log_init("flowd", s->opt.log_kmsg ? KEEL_LOG_KMSG : KEEL_LOG_STDERR);
	if (s->opt.config_path && load_config(&s->opt, err, sizeof(err)) < 0) {
		logx_err("%s: %s", s->opt.config_path, err);
		return 1;
	}

	if (s->opt.check_only) {
		options_print(&s->opt, stdout);
		/* A config is checked on its own, wherever it will run. */
		if (s->opt.config_path)
			return 0;
		for (i = 0; i < s->opt.n_ifaces; i++)
			if (!if_nametoindex(s->opt.ifaces[i])) {
				fprintf(stderr, "flowd: -i %s: no such "
					"interface\n", s->opt.ifaces[i]);
				return 1;
			}
		return 0;
	}

	if (engine_init(&s->eng, &s->opt.eng, random_seed(), wall_ms(),
			collectors_send, &s->col) < 0) {
		logx_err("cannot allocate %u flows", s->opt.eng.max_flows);
		return 1;
	}
	if (s->opt.read_file) {
		file = open(s->opt.read_file, O_RDONLY | O_CLOEXEC);
		if (file < 0) {
			logx_err("%s: %s", s->opt.read_file, strerror(errno));
			return 1;
		}
	} else if (open_live(s, err, sizeof(err)) < 0) {
		logx_err("capture %s", err);
		return 1;
	}
	if (collectors_open(&s->col, &s->opt, file < 0, err, sizeof(err)) < 0) {
		logx_err("%s", err);
		return 1;
	}
	if (file < 0 && s->opt.summary_s)
		make_summary_dir(&s->opt);
	if (drop_privileges(&s->opt) < 0)
		return 1;
	rc = file >= 0 ? run_file(s, file) : run_live(s);
	for (i = 0; i < s->ncap; i++)
		pcap_close(s->cap[i].pcap);
	collectors_close(&s->col);
	engine_free(&s->eng);
	return rc;
}
