#!/usr/bin/env python3
"""tests/rad/ra_prefixes.py IFACE SECONDS PREFIX READY: waits up to SECONDS
for a Router Advertisement on IFACE whose Prefix Information options hold
PREFIX (e.g. 2001:db8:300:1::/64, or "any"); prints "at MS" (CLOCK_BOOTTIME
milliseconds when it arrived, as /proc/uptime counts) and one line per
prefix option, "prefix P/LEN valid V preferred L". Prints "none" if no such
RA came. Creates the file READY once it listens. A fifth argument
"deprecated" asks for PREFIX with preferred lifetime 0."""
import ipaddress
import socket
import struct
import sys
import time

ifname, secs, want, ready = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
deprecated = len(sys.argv) > 5 and sys.argv[5] == "deprecated"
s = socket.socket(socket.AF_INET6, socket.SOCK_RAW, socket.IPPROTO_ICMPV6)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ifname.encode())
filt = [0xffffffff] * 8		# ICMP6_FILTER (1): block all but type 134
filt[134 >> 5] &= ~(1 << (134 & 31))
s.setsockopt(socket.IPPROTO_ICMPV6, 1, struct.pack("8I", *filt))
open(ready, "w").close()
end = time.monotonic() + secs


def prefixes(pkt):
    out, off = [], 16
    while off + 2 <= len(pkt):
        kind, units = pkt[off], pkt[off + 1]
        if units == 0 or off + 8 * units > len(pkt):
            break
        if kind == 3 and units == 4:
            plen = pkt[off + 2]
            valid, pref = struct.unpack("!II", pkt[off + 4:off + 12])
            addr = ipaddress.IPv6Address(bytes(pkt[off + 16:off + 32]))
            out.append(("%s/%d" % (addr, plen), valid, pref))
        off += 8 * units
    return out


while True:
    left = end - time.monotonic()
    if left <= 0:
        print("none")
        break
    s.settimeout(left)
    try:
        pkt, _ = s.recvfrom(2000)
    except socket.timeout:
        print("none")
        break
    at = int(time.clock_gettime(time.CLOCK_BOOTTIME) * 1000)
    if not pkt or pkt[0] != 134:
        continue
    found = prefixes(pkt)
    if want == "any" or any(p == want and (l == 0 or not deprecated)
                            for p, _, l in found):
        print("at", at)
        for p, v, l in found:
            print("prefix %s valid %d preferred %d" % (p, v, l))
        break
