#!/usr/bin/env python3
"""tests/rad/garbage.py IFACE: malformed ICMPv6 to ff02::2 on IFACE, for
rad to survive: truncated and bad-code solicitations, zero-length and
overlong options, random bytes, and an RS with hop limit 64 (off-link)."""
import os
import socket
import sys

ifname = sys.argv[1]
idx = socket.if_nametoindex(ifname)
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
dst = ("ff02::2", 0, 0, idx)
rs = bytes([133, 0, 0, 0, 0, 0, 0, 0])
bad = [
    rs[:4],                                   # shorter than 8 bytes
    bytes([133, 1]) + rs[2:],                 # code 1
    rs + bytes([1, 0, 0, 0, 0, 0, 0, 0]),     # option of length 0
    rs + bytes([1, 2, 0, 0, 0, 0, 0, 0]),     # option past the end
    rs + bytes([1]),                          # half an option header
    bytes([133]) + bytes(1400),               # long, all zero options
]
for _ in range(200):
    bad.append(bytes([133, 0, 0, 0]) + os.urandom(4 + os.urandom(1)[0] * 4))
# First (a flood may overflow rad's socket buffer, and that is allowed):
# a well-formed RS but from "off-link", hop limit 64, must be refused.
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 64)
s.sendto(rs, dst)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_HOPS, 255)
for pkt in bad:
    s.sendto(pkt, dst)
print(len(bad) + 1)
