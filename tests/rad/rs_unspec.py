#!/usr/bin/env python3
"""tests/rad/rs_unspec.py IFACE [sllao]: one Router Solicitation from the
unspecified address :: (a host before DAD), built whole on an AF_PACKET
socket since the kernel would pick a source itself. With "sllao" it
carries a source link-layer option, which RFC 4861 forbids from ::."""
import socket
import struct
import sys

ifname = sys.argv[1]
mac = bytes.fromhex(open(f"/sys/class/net/{ifname}/address").read().strip().replace(":", ""))
src = bytes(16)
dst = socket.inet_pton(socket.AF_INET6, "ff02::2")
icmp = bytes([133, 0, 0, 0, 0, 0, 0, 0])
if len(sys.argv) > 2 and sys.argv[2] == "sllao":
    icmp += bytes([1, 1]) + mac
pseudo = src + dst + struct.pack("!I3xB", len(icmp), 58)
data = pseudo + icmp
total = sum(struct.unpack(f"!{len(data) // 2}H", data))
while total >> 16:
    total = (total & 0xffff) + (total >> 16)
icmp = icmp[:2] + struct.pack("!H", ~total & 0xffff) + icmp[4:]
ip6 = struct.pack("!IHBB", 6 << 28, len(icmp), 58, 255) + src + dst
eth = bytes.fromhex("333300000002") + mac + struct.pack("!H", 0x86DD)
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((ifname, 0))
s.send(eth + ip6 + icmp)
