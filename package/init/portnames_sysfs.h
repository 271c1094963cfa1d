/*
 * portnames_sysfs.h - the physical Ethernet ports as sysfs lists them:
 * the thin I/O layer under portnames_plan().
 */
#ifndef KEEL_INIT_PORTNAMES_SYSFS_H
#define KEEL_INIT_PORTNAMES_SYSFS_H

#include <stddef.h>

#include "portnames.h"

/*
 * Reads root/sys/class/net (root "" on the router, a temp dir in tests).
 * A physical Ethernet port has a `device` link (a bus device), type 1
 * (ARPHRD_ETHER) and no `wireless` or `phy80211` entry; lo, bridges,
 * VLANs, PPP and Wi-Fi are never listed. Fills at most max entries, in
 * directory order, and counts the rest in *dropped. Returns the count, or
 * -1 if root/sys/class/net cannot be read.
 */
int portnames_read(const char *root, struct portnames_port *out, size_t max,
		   unsigned *dropped);

#endif /* KEEL_INIT_PORTNAMES_SYSFS_H */
