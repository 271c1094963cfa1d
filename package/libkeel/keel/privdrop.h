/*
 * keel/privdrop.h - give up root after the sockets are bound.
 */
#ifndef KEEL_PRIVDROP_H
#define KEEL_PRIVDROP_H

/*
 * Switches the process to user `user` (its uid and primary gid, no
 * supplementary groups), sets no_new_privs, and checks that root cannot be
 * regained. Call after binding sockets and opening devices, before reading
 * any packet. Returns 0, or -1 with a reason in why (for the caller's log).
 */
int privdrop(const char *user, const char **why);

#endif /* KEEL_PRIVDROP_H */
