/* The one OS hook a NO_SYS lwIP needs: a millisecond clock for its timers. */
#include <time.h>

#include "lwip/sys.h"
#include "arch/keel_hooks.h"

u32_t sys_now(void)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (u32_t)(now.tv_sec * 1000u + now.tv_nsec / 1000000);
}

/* Weak: a program that knows static IPv6 gateways defines its own. */
__attribute__((weak)) const ip6_addr_t *keel_lwip_nd6_gw(struct netif *netif,
							 const ip6_addr_t *dest)
{
	(void)netif;
	(void)dest;
	return NULL;
}
