/* The one place netsim writes protocol lines; stdout is line-buffered. */
#include <stdarg.h>
#include <stdio.h>

#include "netsim.h"

void reply(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

void format_endpoint(char *buf, size_t n, const ip_addr_t *ip, uint16_t port)
{
	char a[IPADDR_STRLEN_MAX];

	ipaddr_ntoa_r(ip, a, sizeof(a));
	snprintf(buf, n, IP_IS_V6(ip) ? "[%s]:%u" : "%s:%u", a, port);
}
