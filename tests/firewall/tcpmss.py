#!/usr/bin/env python3
"""tests/firewall/tcpmss.py PORT NS:IFACE[,NS:IFACE...] CMD...

Listens on each IFACE of network namespace NS (a packet socket, so it sees
the frames as they arrived, options and all), runs CMD (from the current
namespace), and prints CMD's output, then one line per capture point:

    NS:IFACE syn MSS synack MSS

MSS is the maxseg option of the first SYN to PORT (or SYN-ACK from PORT)
that arrived on IFACE, "none" if none arrived, "noopt" if it had no MSS
option. Exits with CMD's status."""
import ctypes
import os
import socket
import struct
import subprocess
import sys

CLONE_NEWNET = 0x40000000
ETH_P_ALL = 0x0003
PACKET_OUTGOING = 4

libc = ctypes.CDLL(None, use_errno=True)


def setns(path):
    fd = os.open(path, os.O_RDONLY)
    try:
        if libc.setns(fd, CLONE_NEWNET) != 0:
            e = ctypes.get_errno()
            raise OSError(e, "setns %s: %s" % (path, os.strerror(e)))
    finally:
        os.close(fd)


def open_capture(ns, ifname):
    """A packet socket on ifname inside ns (sockets stay in the namespace
    they were made in, whatever the process does next)."""
    home = "/proc/self/ns/net"
    keep = os.open(home, os.O_RDONLY)
    try:
        setns("/run/netns/" + ns)
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                          socket.htons(ETH_P_ALL))
        s.bind((ifname, 0))
    finally:
        if libc.setns(keep, CLONE_NEWNET) != 0:
            sys.exit("tcpmss: cannot return to the original namespace")
        os.close(keep)
    s.setblocking(False)
    return s


def tcp_of(frame):
    """The TCP header and options of an Ethernet frame, or None."""
    if len(frame) < 14:
        return None
    ethertype = struct.unpack("!H", frame[12:14])[0]
    ip = frame[14:]
    if ethertype == 0x0800 and len(ip) >= 20 and ip[9] == 6:
        return ip[(ip[0] & 0x0F) * 4:]
    if ethertype == 0x86DD and len(ip) >= 40 and ip[6] == 6:
        return ip[40:]
    return None


def mss_of(tcp):
    off = (tcp[12] >> 4) * 4
    opts, i = tcp[20:off], 0
    while i < len(opts):
        kind = opts[i]
        if kind == 0:
            break
        if kind == 1:
            i += 1
            continue
        if i + 1 >= len(opts) or opts[i + 1] < 2:
            break
        if kind == 2 and opts[i + 1] == 4 and i + 4 <= len(opts):
            return str(struct.unpack("!H", opts[i + 2:i + 4])[0])
        i += opts[i + 1]
    return "noopt"


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    port = int(sys.argv[1])
    points = [p.split(":", 1) for p in sys.argv[2].split(",")]
    caps = [(ns + ":" + ifname, open_capture(ns, ifname))
            for ns, ifname in points]
    rc = subprocess.call(sys.argv[3:])
    for name, s in caps:
        seen = {"syn": "none", "synack": "none"}
        while True:
            try:
                frame, addr = s.recvfrom(65535)
            except BlockingIOError:
                break
            if addr[2] == PACKET_OUTGOING:
                continue
            tcp = tcp_of(frame)
            if tcp is None or len(tcp) < 20:
                continue
            sport, dport = struct.unpack("!HH", tcp[0:4])
            flags = tcp[13]
            if flags & 0x02 == 0:
                continue
            kind = "synack" if flags & 0x10 else "syn"
            if (dport if kind == "syn" else sport) != port:
                continue
            if seen[kind] == "none":
                seen[kind] = mss_of(tcp)
        print("%s syn %s synack %s" % (name, seen["syn"], seen["synack"]))
    sys.exit(rc)


main()
