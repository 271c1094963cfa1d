/* Keel's lwIP port for a Linux user-space process (the test network simulator). */
#ifndef KEEL_LWIP_ARCH_CC_H
#define KEEL_LWIP_ARCH_CC_H

#include <stdio.h>
#include <stdlib.h>

#define LWIP_TIMEVAL_PRIVATE 0
#include <sys/time.h>

/* lwIP wants its own errno values; the host's are fine. */
#define LWIP_ERRNO_INCLUDE <errno.h>
#define LWIP_ERRNO_STDINCLUDE 1

/* Tests must see a failed assertion, never a silent hang. */
#define LWIP_PLATFORM_DIAG(x) do { printf x; } while (0)
#define LWIP_PLATFORM_ASSERT(x) do { fprintf(stderr, "lwip assert: %s at %s:%d\n", \
	x, __FILE__, __LINE__); abort(); } while (0)

/* Simulated hosts need differing ISNs and ports, not cryptographic randomness. */
#define LWIP_RAND() ((u32_t)random())

#endif
