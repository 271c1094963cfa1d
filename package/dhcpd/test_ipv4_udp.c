/*
 * test_ipv4_udp.c - the IPv4/UDP headers of frames from the packet socket.
 */
#include "check.h"
#include "ipv4_udp.h"

/* A datagram 10.99.0.7:68 -> 255.255.255.255:67 with len payload bytes,
 * header checksum filled in. Returns its length. */
static size_t build(uint8_t *b, size_t len)
{
	size_t total = 20 + 8 + len;
	uint32_t sum = 0;

	memset(b, 0, total);
	b[0] = 0x45;
	b[2] = (uint8_t)(total >> 8);
	b[3] = (uint8_t)total;
	b[8] = 64;
	b[9] = 17;
	b[12] = 10; b[13] = 99; b[14] = 0; b[15] = 7;
	memset(b + 16, 0xff, 4);
	for (int i = 0; i < 20; i += 2)
		sum += (uint32_t)(b[i] << 8 | b[i + 1]);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	b[10] = (uint8_t)(~sum >> 8);
	b[11] = (uint8_t)~sum;
	b[21] = 68;
	b[23] = 67;
	b[24] = (uint8_t)((8 + len) >> 8);
	b[25] = (uint8_t)(8 + len);
	for (size_t i = 0; i < len; i++)
		b[28 + i] = (uint8_t)i;
	return total;
}

int main(void)
{
	static uint8_t b[1600];
	struct ipv4_udp u;
	size_t n = build(b, 300);

	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_OK);
	CHECK_EQ_UINT(u.src, 0x0a630007);
	CHECK_EQ_UINT(u.dst, 0xffffffffu);
	CHECK_EQ_UINT(u.src_port, 68);
	CHECK_EQ_UINT(u.dst_port, 67);
	CHECK_EQ_UINT(u.len, 300);
	CHECK(u.payload == b + 28);
	/* Ethernet padding after the datagram is not payload. */
	CHECK_EQ_INT(ipv4_udp_parse(b, n + 18, &u), IPV4_UDP_OK);
	CHECK_EQ_UINT(u.len, 300);
	/* Cut short anywhere: refused. */
	for (size_t cut = 0; cut < n; cut += 7)
		CHECK(ipv4_udp_parse(b, cut, &u) != IPV4_UDP_OK);
	/* UDP length past the IP datagram. */
	b[24] = 0x10;
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_SHORT);
	/* Header checksum, protocol, version, fragments. */
	n = build(b, 300);
	b[8] = 63;
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_CHECKSUM);
	n = build(b, 300);
	b[9] = 6;
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_NOT_UDP);
	n = build(b, 300);
	b[0] = 0x65;
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_NOT_IPV4);
	n = build(b, 300);
	b[0] = 0x44;
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_NOT_IPV4);
	n = build(b, 300);
	b[6] = 0x20;	/* more fragments: checksum no longer matters */
	CHECK_EQ_INT(ipv4_udp_parse(b, n, &u), IPV4_UDP_FRAGMENT);
	return check_done();
}
