/*
 * keel/fw_lockdown.h - the firewall that holds when the real one cannot be
 * loaded: table `inet keel` with nothing forwarded and nothing accepted
 * from the WAN; from the LAN only what the admin needs to repair the
 * router (SSH on its port, DNS, DHCP, DHCPv6, ICMP/ICMPv6). Built into
 * init, so a keel-fw that crashes or a ruleset the kernel refuses leaves
 * the router more closed, never more open.
 */
#ifndef KEEL_FW_LOCKDOWN_H
#define KEEL_FW_LOCKDOWN_H

#include <stdint.h>

#include "keel/config.h"
#include "keel/nlmsg.h"

/* Messages in the batch, begin and end excluded: seq+1 .. seq+n. */
#define FW_LOCKDOWN_MSGS_MAX 64

/*
 * Appends one batch replacing table inet keel with the lockdown rules for
 * cfg's LAN interfaces and SSH port, on sequence numbers seq (begin) up
 * to the returned end seq. Pure. Returns the seq of the batch end, or 0
 * if the buffer was too small.
 */
uint32_t fw_lockdown_build(const struct keel_config *cfg, struct nlbuf *b,
			   uint32_t seq);

#endif /* KEEL_FW_LOCKDOWN_H */
