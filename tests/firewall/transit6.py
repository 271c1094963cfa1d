#!/usr/bin/env python3
"""tests/firewall/transit6.py KIND FROM_NS SRC TO_NS DST

Sends one IPv6 packet from network namespace FROM_NS, source SRC (an
address of FROM_NS), to DST, with a receiver already open in TO_NS, and
prints "arrived" if it got there within 1.5 s, else "lost". KIND:

  udp  a UDP datagram to DST port 9004 (a UDP socket in TO_NS)
  ptb  an ICMPv6 packet-too-big (MTU 1280) to DST quoting a UDP packet
       DST -> 2001:db8:2::99 that DST never sent, so no conntrack flow
       relates it (a raw ICMPv6 socket in TO_NS). The quoted destination
       exists nowhere: the path MTU it lowers on DST is one no test uses.

Each packet carries a random token; only a packet with it counts."""
import ctypes
import os
import select
import socket
import struct
import sys
import time

CLONE_NEWNET = 0x40000000
PORT = 9004
QUOTED_DST = "2001:db8:2::99"

libc = ctypes.CDLL(None, use_errno=True)


def socket_in(ns, *args):
    """A socket made inside ns (it stays there whatever we do next)."""
    home = os.open("/proc/self/ns/net", os.O_RDONLY)
    fd = os.open("/run/netns/" + ns, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            e = ctypes.get_errno()
            sys.exit("transit6: setns %s: %s" % (ns, os.strerror(e)))
        return socket.socket(*args)
    finally:
        os.close(fd)
        if libc.setns(home, CLONE_NEWNET) != 0:
            sys.exit("transit6: cannot return to the original namespace")
        os.close(home)


def ptb(src, dst, token):
    """ICMPv6 type 2 (checksum left to the kernel) quoting DST's UDP."""
    udp = struct.pack("!HHHH", 40000, 9005, 8 + len(token), 0) + token
    quoted = struct.pack("!IHBB16s16s", 0x60000000, len(udp), 17, 64,
                         socket.inet_pton(socket.AF_INET6, dst),
                         socket.inet_pton(socket.AF_INET6, QUOTED_DST)) + udp
    return struct.pack("!BBHI", 2, 0, 0, 1280) + quoted


def main():
    if len(sys.argv) != 6 or sys.argv[1] not in ("udp", "ptb"):
        sys.exit(__doc__)
    kind, from_ns, src, to_ns, dst = sys.argv[1:]
    token = os.urandom(8).hex().encode()
    if kind == "udp":
        rx = socket_in(to_ns, socket.AF_INET6, socket.SOCK_DGRAM)
        rx.bind(("::", PORT))
        tx = socket_in(from_ns, socket.AF_INET6, socket.SOCK_DGRAM)
        tx.bind((src, 0))
        tx.sendto(token, (dst, PORT))
    else:
        rx = socket_in(to_ns, socket.AF_INET6, socket.SOCK_RAW,
                       socket.IPPROTO_ICMPV6)
        tx = socket_in(from_ns, socket.AF_INET6, socket.SOCK_RAW,
                       socket.IPPROTO_ICMPV6)
        tx.bind((src, 0))
        tx.sendto(ptb(src, dst, token), (dst, 0))
    deadline = time.monotonic() + 1.5
    while True:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([rx], [], [], left)[0]:
            print("lost")
            return
        data = rx.recv(2048)
        if token in data and (kind == "udp" or data[0] == 2):
            print("arrived")
            return


main()
