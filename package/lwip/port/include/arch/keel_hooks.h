/* Hooks Keel's lwIP port declares (see lwipopts.h). */
#ifndef KEEL_LWIP_HOOKS_H
#define KEEL_LWIP_HOOKS_H

#include "lwip/ip6_addr.h"
#include "lwip/netif.h"

/* Next hop for an off-link IPv6 destination, or NULL for lwIP's own router
 * selection. sys_arch.c has a weak default that returns NULL. */
const ip6_addr_t *keel_lwip_nd6_gw(struct netif *netif, const ip6_addr_t *dest);

#endif
