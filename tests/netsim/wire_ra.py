#!/usr/bin/env python3
"""wire_ra.py NETSIM_PORT QEMU_PORT [bad] PREFIX/LEN,PL,VL ...: for
selftest.sh, the router's side of the wire (QEMU's end of a socket netdev):
sends one Router Advertisement from fe80::1 to ff02::1 (router lifetime
1800, O flag, each prefix on-link and autonomous with its preferred and valid
lifetimes, RDNSS fd00::1) to netsim and exits. `bad` spoils its checksum."""
import socket
import struct
import sys


def a6(s):
    return socket.inet_pton(socket.AF_INET6, s)


def checksum(src, dst, msg):
    data = src + dst + struct.pack("!II", len(msg), 58) + msg
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def main():
    netsim_port, qemu_port = int(sys.argv[1]), int(sys.argv[2])
    args = sys.argv[3:]
    bad = args[:1] == ["bad"]
    opts = b""
    for p in args[bad:]:
        prefix, pl, vl = p.split(",")
        net, plen = prefix.split("/")
        opts += struct.pack("!BBBBII4x", 3, 4, int(plen), 0xC0, int(vl), int(pl)) + a6(net)
    opts += struct.pack("!BBHI", 25, 3, 0, 1200) + a6("fd00::1")
    src, dst = a6("fe80::1"), a6("ff02::1")
    msg = struct.pack("!BBHBBHII", 134, 0, 0, 64, 0x40, 1800, 0, 0) + opts
    msg = msg[:2] + struct.pack("!H", checksum(src, dst, msg) ^ bad) + msg[4:]
    ip = struct.pack("!IHBB", 0x60000000, len(msg), 58, 255) + src + dst
    eth = bytes.fromhex("333300000001" "020000000001" "86dd")
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(("127.0.0.1", qemu_port))
    s.sendto(eth + ip + msg, ("127.0.0.1", netsim_port))


main()
