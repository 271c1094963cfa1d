/*
 * interrupt.h - SIGTERM, SIGINT, SIGHUP and SIGPIPE while a slot is
 * written (an operator's ^C, a dropped ssh session, the pipe the bundle
 * comes through closing) stop the install through its failure path, which
 * makes the slot unbootable, instead of killing the process mid-write.
 * (SIGKILL cannot be caught: the write order covers it, slot_headers.h.)
 */
#ifndef KEEL_UPGRADE_INTERRUPT_H
#define KEEL_UPGRADE_INTERRUPT_H

/* Catches the four signals from now on (those not ignored on entry); a
 * blocked read then returns EINTR. */
int interrupt_catch(void);

/* The first signal caught, or 0. */
int interrupted(void);

#endif /* KEEL_UPGRADE_INTERRUPT_H */
