/*
 * keel/endpoint.h - "ADDR[:PORT]" as daemons take it on the command line
 * (listen addresses, upstream servers, syslog and NetFlow collectors).
 */
#ifndef KEEL_ENDPOINT_H
#define KEEL_ENDPOINT_H

#include <stdbool.h>
#include <stdint.h>
#include <sys/socket.h>

struct endpoint {
	struct sockaddr_storage sa;
	socklen_t len;
	char text[80];		/* normalised: "192.0.2.1:53", "[::1]:53" */
};

/*
 * Pure: "192.0.2.1", "192.0.2.1:5353", "::1", "[::1]:5353" (a bare IPv6
 * address has no port). The port is 1-65535, default_port when absent.
 * Returns 0, or -1 (out zeroed) for anything else.
 */
int endpoint_parse(const char *text, uint16_t default_port,
		   struct endpoint *out);

/* 0.0.0.0 or ::, which a daemon serving one side only must refuse. */
bool endpoint_is_wildcard(const struct endpoint *e);

#endif /* KEEL_ENDPOINT_H */
