/*
 * banfw.c - SSH brute-force bans: dropbear's lines in, set elements of
 * keel-fw's banned4/banned6 out.
 *
 * The kernel expires each element by its timeout; logd's own timer only
 * writes the "unbanned" line and lets the address's offence count live
 * on, so a repeat offender's next ban is twice as long. The netlink
 * socket is opened as root before the privilege drop, and logd keeps
 * CAP_NET_ADMIN: nfnetlink checks the capability of the task sending each
 * message (netlink_net_capable() wants it both in the opener's file
 * credentials and in the sender), so an open socket alone is not enough.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "keel/clock.h"
#include "keel/fwban.h"
#include "keel/nlmsg.h"

#include "logd.h"

#define LOG_AUTH_FAC	4	/* LOG_AUTH >> 3 */

static uint8_t nl_mem[1024] __attribute__((aligned(4)));

static void send_ban(struct logd *d, const struct prefix *what, uint64_t ms,
		     const char *text)
{
	struct nlbuf b;
	struct nlsock_result res;
	uint32_t seq = d->nft_seq;

	if (d->nft_fd < 0)
		return;
	d->nft_seq += 3;
	nlb_init(&b, nl_mem, sizeof(nl_mem));
	if (fwban_batch(&b, seq, what->family, what->addr, what->len, ms,
			0) < 0)
		return;
	/* The kernel runs a batch inside sendmsg(): the replies are
	 * queued when it returns, so this never waits. */
	if (nlsock_talk(d->nft_fd, b.data, b.len, seq, seq + 2, 0, 0, NULL,
			NULL, &res) < 0) {
		d->st.ban_errors++;
		if (!d->nft_error_logged)
			logd_self(d, LOG_AUTH_FAC, 3, "ban %s: netlink: %s",
				  text, strerror(errno));
		d->nft_error_logged = true;
		return;
	}
	/* EEXIST: inside a prefix banned already (keel-fw ban, or a
	 * ban-prefix6 changed since): that address is dropped anyway. */
	if (res.errors && res.first_err != -EEXIST) {
		d->st.ban_errors++;
		if (res.first_err == -ENOENT) {
			if (!d->nft_missing_logged)
				logd_self(d, LOG_AUTH_FAC, 3,
					  "ban %s: table inet %s or its sets "
					  "are missing (keel-fw not loaded); "
					  "bans are logged, not enforced",
					  text, FWBAN_TABLE);
			d->nft_missing_logged = true;
		} else if (!d->nft_error_logged) {
			logd_self(d, LOG_AUTH_FAC, 3,
				  "ban %s: kernel refused: %s%s%s", text,
				  strerror(-res.first_err),
				  res.first_err_msg[0] ? ": " : "",
				  res.first_err_msg);
			d->nft_error_logged = true;
		}
	}
}

/* "10.0.0.1", "2001:db8:1::/64": the length only for a prefix. */
static void prefix_text(const struct prefix *p, char *buf, size_t n)
{
	size_t len;

	inet_ntop(p->family, p->addr, buf, (socklen_t)n);
	len = strlen(buf);
	if (p->len != (p->family == AF_INET ? 32 : 128))
		snprintf(buf + len, n - len, "/%u", p->len);
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
	send_ban(d, &ban.what, ban.ms, a);
	arm(d);
}

int banfw_init(struct logd *d)
{
	d->nft_fd = -1;
	d->ban_timer.cb = on_expiry;
	d->ban_timer.arg = d;
	d->nft_seq = (uint32_t)clock_mono_ms();
	if (!d->cfg->ban.failures)
		return 0;
	d->nft_fd = nlsock_open(NETLINK_NETFILTER);
	return d->nft_fd < 0 ? -1 : 0;
}
