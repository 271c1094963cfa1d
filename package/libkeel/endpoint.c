/*
 * endpoint.c - parse ADDR[:PORT] into a socket address.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keel/endpoint.h"

/* Splits text into host and port text; returns -1 if malformed. */
static int split(const char *text, char host[64], const char **port_text)
{
	size_t n;

	*port_text = NULL;
	if (text[0] == '[') {
		const char *close = strchr(text, ']');

		if (!close || (size_t)(close - text - 1) >= 64)
			return -1;
		n = (size_t)(close - text - 1);
		memcpy(host, text + 1, n);
		host[n] = '\0';
		if (close[1] == ':')
			*port_text = close + 2;
		else if (close[1] != '\0')
			return -1;
		return 0;
	}
	{
		const char *colon = strchr(text, ':');

		if (colon && strchr(colon + 1, ':'))
			colon = NULL;	/* bare IPv6, no port */
		n = colon ? (size_t)(colon - text) : strlen(text);
		if (n >= 64)
			return -1;
		memcpy(host, text, n);
		host[n] = '\0';
		if (colon)
			*port_text = colon + 1;
	}
	return 0;
}

int endpoint_parse(const char *text, uint16_t default_port,
		   struct endpoint *out)
{
	char host[64];
	const char *port_text;
	unsigned long port = default_port;

	memset(out, 0, sizeof(*out));
	if (split(text, host, &port_text) < 0)
		goto bad;
	if (port_text) {
		char *end;

		errno = 0;
		port = strtoul(port_text, &end, 10);
		if (errno || *end || end == port_text || port == 0 || port > 65535 ||
		    port_text[0] == '-' || port_text[0] == '+')
			goto bad;
	}
	if (strchr(host, ':')) {
		struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)(void *)&out->sa;

		if (inet_pton(AF_INET6, host, &s6->sin6_addr) != 1)
			goto bad;
		s6->sin6_family = AF_INET6;
		s6->sin6_port = htons((uint16_t)port);
		out->len = sizeof(*s6);
		snprintf(out->text, sizeof(out->text), "[%s]:%lu", host, port);
	} else {
		struct sockaddr_in *s4 = (struct sockaddr_in *)(void *)&out->sa;

		if (inet_pton(AF_INET, host, &s4->sin_addr) != 1)
			goto bad;
		s4->sin_family = AF_INET;
		s4->sin_port = htons((uint16_t)port);
		out->len = sizeof(*s4);
		snprintf(out->text, sizeof(out->text), "%s:%lu", host, port);
	}
	return 0;
bad:
	memset(out, 0, sizeof(*out));
	return -1;
}

bool endpoint_is_wildcard(const struct endpoint *e)
{
	if (e->sa.ss_family == AF_INET)
		return ((const struct sockaddr_in *)(const void *)&e->sa)->sin_addr.s_addr ==
		       htonl(INADDR_ANY);
	if (e->sa.ss_family == AF_INET6)
		return IN6_IS_ADDR_UNSPECIFIED(
			&((const struct sockaddr_in6 *)(const void *)&e->sa)->sin6_addr);
	return false;
}
