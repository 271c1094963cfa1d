/*
 * apply_request.h - what `keel-config` asks init to do with a new config,
 * one line in /run/keel/apply-request, then SIGHUP to PID 1:
 *
 *   ID saved             /data/keel.conf was replaced: apply it
 *   ID pending SECONDS   /data/keel.conf.pending: apply it on trial; back
 *                        to /data/keel.conf unless confirmed in SECONDS
 *   ID confirm           keep the config on trial (it becomes keel.conf)
 *   ID rollback          back to /data/keel.conf now
 *
 * init answers in /run/keel/apply-result: "ID STATUS text", STATUS one of
 * applied, rejected, rolled-back, confirmed, nothing. Pure parser.
 */
#ifndef KEEL_INIT_APPLY_REQUEST_H
#define KEEL_INIT_APPLY_REQUEST_H

#include <stddef.h>
#include <stdint.h>

#define APPLY_REQUEST_PATH "/run/keel/apply-request"
#define APPLY_RESULT_PATH "/run/keel/apply-result"
#define APPLY_CONFIRM_MIN_S 10
#define APPLY_CONFIRM_MAX_S 3600

enum apply_action {
	APPLY_SAVED = 1,
	APPLY_PENDING,
	APPLY_CONFIRM,
	APPLY_ROLLBACK,
};

struct apply_request {
	char id[32];
	enum apply_action action;
	uint32_t confirm_s;	/* APPLY_PENDING only */
};

/* Returns 0, or -1 for anything else (with a reason in err). */
int apply_request_parse(const char *buf, size_t len, struct apply_request *out,
			char *err, size_t errlen);

#endif /* KEEL_INIT_APPLY_REQUEST_H */
