#!/usr/bin/env python3
"""tests/rad/listen.py IFACE SECONDS: counts Router Advertisements heard on
IFACE for SECONDS and prints the count, then the milliseconds from the
start to each one."""
import socket
import struct
import sys
import time

ifname, secs = sys.argv[1], float(sys.argv[2])
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ifname.encode())
# ICMP6_FILTER (1): block all but type 134.
filt = [0xffffffff] * 8
filt[134 >> 5] &= ~(1 << (134 & 31))
s.setsockopt(socket.IPPROTO_ICMPV6, 1, struct.pack("8I", *filt))
start = time.monotonic()
end = start + secs
times = []
while True:
    left = end - time.monotonic()
    if left <= 0:
        break
    s.settimeout(left)
    try:
        pkt, _ = s.recvfrom(2000)
    except socket.timeout:
        break
    if pkt and pkt[0] == 134:
        times.append(time.monotonic())
print(len(times), " ".join(str(int((t - start) * 1000)) for t in times))
