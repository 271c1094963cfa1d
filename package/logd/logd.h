/*
 * logd.h - the daemon's state, shared by its I/O files (inputs in main.c,
 * reader.c, forward.c, banfw.c). One instance, static in main.c.
 */
#ifndef LOGD_LOGD_H
#define LOGD_LOGD_H

#include <stdbool.h>
#include <stdint.h>

#include "keel/evloop.h"

#include "format.h"
#include "options.h"
#include "ring.h"
#include "sshban.h"

#define READERS_MAX	8

struct logd;

struct reader {
	struct evloop_fd watch;
	struct logd *d;
	bool active, follow, header_done, want_out;
	char req[256];
	size_t req_len;
	struct ring_cursor cur;
	uint64_t lost;
	int min_sev;		/* show severity <= this */
	char prog[LOGMSG_PROG_MAX + 1];
	char out[FORMAT_LINE_MAX + 64];
	size_t out_len, out_off;
};

enum fwd_state { FWD_OFF, FWD_WAIT, FWD_CONNECTING, FWD_UP };

struct forward {
	struct evloop_fd watch;
	struct evloop_timer retry;
	struct logd *d;
	enum fwd_state state;
	bool tcp, want_out;
	uint32_t backoff_ms;
	struct ring_cursor cur;
	char frame[FORMAT_LINE_MAX + 16];
	size_t frame_len, frame_off;	/* frame_len 0: none pending */
	uint64_t sent, lost, errors, connects;
};

struct logd_stats {
	uint64_t received, bad, udp_dropped, kmsg_missed, readers_refused, bans,
		ban_errors;
};

struct logd {
	const struct logd_options *cfg;
	struct evloop loop;
	struct ring ring;
	struct logd_stats st;
	char hostname[LOGMSG_HOST_MAX + 1];
	/* inputs */
	struct evloop_timer notify_timer;
	struct evloop_fd syslog_watch, kmsg_watch, read_watch;
	struct evloop_fd udp_watch[LOGD_UDP_MAX];
	uint64_t kmsg_next_seq;
	char kmsg_carry[8192];
	size_t kmsg_carry_len;
	struct reader readers[READERS_MAX];
	struct forward fwd;
	/* bans */
	struct sshban bans;
	struct evloop_timer ban_timer;
	struct evloop_fd ban_watch;	/* the ban helper's socket; -1: none */
	bool nft_missing_logged, nft_error_logged, helper_gone_logged;
};

/* logd's own lines go into its ring (never to stderr: init feeds our
 * stderr to /dev/kmsg, which we read back). */
__attribute__((format(printf, 4, 5)))
void logd_self(struct logd *d, int facility, int severity, const char *fmt,
	       ...);
void logd_store_init(struct logd *d);
uint64_t logd_wall_us(void);
/* Stores one message; with may_ban (it came from root over the local
 * socket) runs the SSH ban check on it. */
void logd_store(struct logd *d, const struct log_msg *m, bool may_ban);

int readers_init(struct logd *d, char *err, size_t errlen);
/* New records are in the ring: followers and the forwarder catch up. */
void readers_notify(struct logd *d);

int forward_init(struct logd *d, char *err, size_t errlen);
void forward_notify(struct logd *d);

/* helper_fd: banhelper_spawn()'s socket, -1 when bans are off. */
int banfw_init(struct logd *d, int helper_fd);
/* A dropbear line may count against its source. */
void banfw_check(struct logd *d, const struct log_msg *m);

#endif /* LOGD_LOGD_H */
