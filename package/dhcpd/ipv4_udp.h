/*
 * ipv4_udp.h - an IPv4/UDP datagram as a packet socket hands it over
 * (from the IP header on), parsed without I/O: dhcpd reads requests on a
 * packet socket to learn each frame's Ethernet source.
 */
#ifndef DHCPD_IPV4_UDP_H
#define DHCPD_IPV4_UDP_H

#include <stddef.h>
#include <stdint.h>

struct ipv4_udp {
	uint32_t src, dst;		/* host order */
	uint16_t src_port, dst_port;	/* host order */
	const uint8_t *payload;		/* inside the buffer parsed */
	size_t len;
};

enum ipv4_udp_err {
	IPV4_UDP_OK = 0,
	IPV4_UDP_SHORT,		/* shorter than its headers say */
	IPV4_UDP_NOT_IPV4,	/* version, header length */
	IPV4_UDP_NOT_UDP,
	IPV4_UDP_FRAGMENT,	/* DHCP never needs one; reassembly is the
				 * kernel's, and a fragment is not ours */
	IPV4_UDP_CHECKSUM,	/* IP header checksum */
};

/*
 * Pure: checks n bytes at p as one unfragmented IPv4 datagram carrying
 * UDP and fills out. Bytes past the IP total length (Ethernet padding) are
 * ignored. The UDP checksum is not checked: Ethernet's FCS already covers
 * the frame, a packet socket sees checksums still to be filled in on
 * virtual links, and the DHCP parser takes any bytes.
 */
enum ipv4_udp_err ipv4_udp_parse(const uint8_t *p, size_t n,
				 struct ipv4_udp *out);

#endif /* DHCPD_IPV4_UDP_H */
