/*
 * keel/privdrop.h - give up root after the sockets are bound.
 */
#ifndef KEEL_PRIVDROP_H
#define KEEL_PRIVDROP_H

#include <stdint.h>

/*
 * Switches the process to user `user` (its uid and primary gid, no
 * supplementary groups), sets no_new_privs, and checks that root cannot be
 * regained. Call after binding sockets and opening devices, before reading
 * any packet. Returns 0, or -1 with a reason in why (for the caller's log).
 */
int privdrop(const char *user, const char **why);

/*
 * privdrop() that keeps the capabilities in caps (a mask of 1ull << CAP_*)
 * permitted and effective under the new uid; every other capability goes,
 * from the bounding set too. For a daemon that must still talk to the
 * kernel as an administrator after the switch: netlink checks the sender's
 * capabilities on every message, not only the socket opener's.
 */
int privdrop_keep_caps(const char *user, uint64_t caps, const char **why);

#endif /* KEEL_PRIVDROP_H */
