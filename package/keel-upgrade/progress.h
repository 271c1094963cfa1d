/*
 * progress.h - "writing slot B: 12.0/40.0 MiB (30%)" on stderr: redrawn in
 * place on a terminal, one line per 10% otherwise (logs, serial consoles).
 */
#ifndef KEEL_UPGRADE_PROGRESS_H
#define KEEL_UPGRADE_PROGRESS_H

#include <stdint.h>

struct progress {
	const char *what;
	uint64_t total;
	int tty;
	int quiet;
	int last;	/* last percent (tty) or tenth (not) printed */
};

void progress_start(struct progress *p, const char *what, uint64_t total, int quiet);
void progress_update(struct progress *p, uint64_t done);
void progress_end(struct progress *p, uint64_t done);

#endif /* KEEL_UPGRADE_PROGRESS_H */
