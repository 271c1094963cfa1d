/* Work around Keel's lwipopts.h until it sets IPV6_FRAG_COPYHEADER 1: on a
 * 64-bit host lwIP's ip6_reass_tmr() asserts (and aborts netsim) on its first
 * run, one second after start. This no-op replaces it (the Makefile links
 * with --allow-multiple-definition so the first definition, this one, wins);
 * the cost is that incomplete IPv6 fragment trains are only freed when lwIP
 * needs the buffers. Once lwipopts.h is fixed, the #if drops this file. */
#include "lwip/opt.h"

#if LWIP_IPV6 && LWIP_IPV6_REASS && !IPV6_FRAG_COPYHEADER
#include "lwip/ip6_frag.h"

void ip6_reass_tmr(void)
{
}
#endif
