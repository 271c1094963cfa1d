/*
 * banfw.c - SSH brute-force bans: dropbear's lines in, requests to the
 * ban helper out (banhelper.h), which puts them into keel-fw's
 * banned4/banned6.
 *
 * The kernel expires each element by its timeout; logd's own timer only
 * writes the "unbanned" line and lets the source's offence count live on,
 * so a repeat offender's next ban is twice as long. This process holds no
 * capability: nfnetlink checks CAP_NET_ADMIN of the task sending each
 * message (netlink_net_capable()), so the helper that holds it sends them.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/fwban.h"

#include "banhelper.h"
#include "logd.h"

#define LOG_AUTH_FAC	4	/* LOG_AUTH >> 3 */

static void helper_gone(struct logd *d)
{
	if (!d->helper_gone_logged)
		logd_self(d, LOG_AUTH_FAC, 2, "ban helper gone: bans are "
			  "logged, not enforced");
	d->helper_gone_logged = true;
	if (d->ban_watch.fd >= 0) {
		evloop_fd_remove(&d->loop, &d->ban_watch);
		close(d->ban_watch.fd);
		d->ban_watch.fd = -1;
	}
}

static void send_ban(struct logd *d, const struct prefix *what, uint64_t ms)
{
	struct banhelper_req r = {
		.magic = BANHELPER_MAGIC,
		.seconds = (uint32_t)(ms / 1000),
		.family = (uint8_t)what->family,
		.prefix_len = what->len,
	};

	if (d->ban_watch.fd < 0) {
		d->st.ban_errors++;
		return;
	}
	memcpy(r.addr, what->addr, 16);
	if (send(d->ban_watch.fd, &r, sizeof(r),
		 MSG_DONTWAIT | MSG_NOSIGNAL) != sizeof(r)) {
		d->st.ban_errors++;
		if (errno != EAGAIN)
			helper_gone(d);
	}
}

/* The helper's answers: errors are logged once of each kind. */
static void on_reply(struct evloop *loop, struct evloop_fd *w, uint32_t ev)
{
	struct logd *d = w->arg;
	struct banhelper_rep rep;
	char a[INET6_ADDRSTRLEN];

	(void)loop;
	(void)ev;
	for (;;) {
		ssize_t n = recv(w->fd, &rep, sizeof(rep), MSG_DONTWAIT);

		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0 && errno == EAGAIN)
			return;
		if (n != sizeof(rep)) {
			helper_gone(d);
			return;
		}
		/* EEXIST: inside a prefix banned already (keel-fw ban, or
		 * a ban-prefix6 changed since): dropped anyway. */
		if (!rep.err || rep.err == -EEXIST)
			continue;
		d->st.ban_errors++;
		inet_ntop(rep.req.family, rep.req.addr, a, sizeof(a));
		rep.msg[sizeof(rep.msg) - 1] = '\0';
		if (rep.err == -ENOENT) {
			if (!d->nft_missing_logged)
				logd_self(d, LOG_AUTH_FAC, 3,
					  "ban %s: table inet %s or its sets "
					  "are missing (keel-fw not loaded); "
					  "bans are logged, not enforced",
					  a, FWBAN_TABLE);
			d->nft_missing_logged = true;
		} else if (!d->nft_error_logged) {
			logd_self(d, LOG_AUTH_FAC, 3,
				  "ban %s: kernel refused: %s%s%s", a,
				  strerror(-rep.err), rep.msg[0] ? ": " : "",
				  rep.msg);
			d->nft_error_logged = true;
		}
	}
}

static void prefix_text(const struct prefix *p, char *buf, size_t n)
{
	fwban_prefix_str(p->family, p->addr, p->len, buf, n);
}

static void arm(struct logd *d)
{
	uint64_t next = sshban_next_expiry(&d->bans), now = clock_mono_ms();

	if (!next)
		evloop_timer_cancel(&d->loop, &d->ban_timer);
	else
		evloop_timer_set(&d->loop, &d->ban_timer,
				 next > now ? next - now : 0);
}

static void on_expiry(struct evloop *loop, struct evloop_timer *t)
{
	struct logd *d = t->arg;
	struct sshban_entry e;
	uint64_t forget_ms = (uint64_t)d->cfg->ban.ban_max_s * 2000;
	char a[INET6_ADDRSTRLEN + 4];

	(void)loop;
	while (sshban_expired(&d->bans, clock_mono_ms(), forget_ms, &e)) {
		struct prefix p = { .family = e.family, .len = e.len };

		memcpy(p.addr, e.addr, 16);
		prefix_text(&p, a, sizeof(a));
		logd_self(d, LOG_AUTH_FAC, 5, "unbanned %s (offence %u ended)",
			  a, e.offences);
	}
	arm(d);
}

void banfw_check(struct logd *d, const struct log_msg *m)
{
	struct sshban_source src;
	struct sshban_ban ban;
	enum sshban_line line;
	char a[INET6_ADDRSTRLEN + 4];

	if (!d->cfg->ban.failures)
		return;
	line = sshban_match(m->prog.p, m->prog.n, m->text.p, m->text.n, &src);
	if (line == SSHBAN_LINE_NONE ||
	    sshban_event(&d->bans, &d->cfg->ban, line, m->pid, &src,
			 clock_mono_ms(), &ban) != SSHBAN_BAN)
		return;
	d->st.bans++;
	prefix_text(&ban.what, a, sizeof(a));
	if (ban.probes)
		logd_self(d, LOG_AUTH_FAC, 5, "banned %s for %llus after %u "
			  "SSH connections without authentication in %us", a,
			  (unsigned long long)(ban.ms / 1000),
			  d->cfg->ban.probes, d->cfg->ban.probe_window_s);
	else
		logd_self(d, LOG_AUTH_FAC, 5, "banned %s for %llus after %u "
			  "SSH failures", a,
			  (unsigned long long)(ban.ms / 1000),
			  d->cfg->ban.failures);
	send_ban(d, &ban.what, ban.ms);
	arm(d);
}

int banfw_init(struct logd *d, int helper_fd)
{
	d->ban_timer.cb = on_expiry;
	d->ban_timer.arg = d;
	d->ban_watch.fd = helper_fd;
	d->ban_watch.cb = on_reply;
	d->ban_watch.arg = d;
	if (helper_fd < 0)
		return 0;
	return evloop_fd_add(&d->loop, &d->ban_watch, EPOLLIN);
}
