/*
 * childio.h - stdio for programs init starts in the background.
 */
#ifndef KEEL_INIT_CHILDIO_H
#define KEEL_INIT_CHILDIO_H

/* In a forked child: stdin from /dev/null, stdout and stderr to the kernel
 * log (/dev/null if /dev/kmsg cannot be opened), so daemons and helpers
 * never write over the console shell. Returns 0, or -1 if stdio could not
 * be set up. */
int childio_to_kmsg(void);

#endif /* KEEL_INIT_CHILDIO_H */
