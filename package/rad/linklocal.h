/*
 * linklocal.h - the interface's link-local address, from the text of
 * /proc/net/if_inet6 (pure; main.c reads the file). An RA must come from
 * it (RFC 4861 section 4.2), and it must have passed duplicate address
 * detection first, or hosts would see a source that may not be ours.
 */
#ifndef RAD_LINKLOCAL_H
#define RAD_LINKLOCAL_H

#include <stddef.h>
#include <stdint.h>

enum linklocal_state {
	LINKLOCAL_NONE,		/* no link-local address on ifname */
	LINKLOCAL_TENTATIVE,	/* only tentative or DAD-failed ones */
	LINKLOCAL_OK,
};

/* Lines: "fe80...(32 hex) IFINDEX PREFIXLEN SCOPE FLAGS NAME". Malformed
 * lines are skipped. On LINKLOCAL_OK the address is copied to addr. */
enum linklocal_state linklocal_find(const char *text, size_t n,
				    const char *ifname, uint8_t addr[16]);

#endif /* RAD_LINKLOCAL_H */
