/*
 * progress.c - progress lines on stderr.
 */
#include <stdio.h>
#include <unistd.h>

#include "progress.h"

static void print(const struct progress *p, uint64_t done, int pct, const char *end)
{
	fprintf(stderr, "%s%s: %.1f/%.1f MiB (%d%%)%s", p->tty ? "\r" : "", p->what,
		(double)done / 1048576.0, (double)p->total / 1048576.0, pct, end);
}

void progress_start(struct progress *p, const char *what, uint64_t total, int quiet)
{
	p->what = what;
	p->total = total ? total : 1;
	p->tty = isatty(2);
	p->quiet = quiet;
	p->last = -1;
}

void progress_update(struct progress *p, uint64_t done)
{
	int pct = (int)(done * 100 / p->total);
	int step = p->tty ? pct : pct / 10;

	if (p->quiet || step == p->last)
		return;
	p->last = step;
	print(p, done, pct, p->tty ? "" : "\n");
}

void progress_end(struct progress *p, uint64_t done)
{
	if (p->quiet)
		return;
	if (p->tty)
		print(p, done, (int)(done * 100 / p->total), "\n");
	else if (p->last != (int)(done * 100 / p->total) / 10)
		print(p, done, (int)(done * 100 / p->total), "\n");
}
