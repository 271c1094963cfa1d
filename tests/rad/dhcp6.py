#!/usr/bin/env python3
"""tests/rad/dhcp6.py IFACE MODE [ARG]: DHCPv6 client messages from port 546
on IFACE to ff02::1:2, and what came back within a second and a half.

  inforeq MAC  Information-request (client id, ORO 23 24 32); prints
               "reply dns=A,B domain=D refresh=S" after checking the Reply
               (type 7, our transaction id, client id echoed, server id a
               DUID-LL of MAC), else "no reply" or "bad reply: why"
  solicit      Solicit with an IA_NA: prints "no reply" or "reply type N"
  ia           Information-request with an IA_NA (RFC 8415 16.12)
  other-server Information-request naming another server's DUID
  garbage      malformed messages and a relay-forward; prints how many
  flood N      N Information-requests at once; prints the Replies counted
"""
import os
import socket
import struct
import sys
import time

ifname, mode = sys.argv[1], sys.argv[2]
idx = socket.if_nametoindex(ifname)
s = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, ifname.encode())
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, idx)
s.bind(("::", 546, 0, 0))
dst = ("ff02::1:2", 547, 0, idx)

DUID = bytes.fromhex("00010001" "2a3b4c5d" "020000000001")  # DUID-LLT


def opt(code, data):
    return struct.pack("!HH", code, len(data)) + data


CLIENT_ID = opt(1, DUID)
ORO = opt(6, struct.pack("!HHH", 23, 24, 32))
ELAPSED = opt(8, b"\0\0")
IA_NA = opt(3, bytes(12))


def msg(mtype, xid, *opts):
    return bytes([mtype]) + xid + b"".join(opts)


def replies(until):
    """Yields each datagram that arrives before the monotonic time until."""
    while True:
        left = until - time.monotonic()
        if left <= 0:
            return
        s.settimeout(left)
        try:
            yield s.recvfrom(2000)[0]
        except socket.timeout:
            return


def options(pkt):
    out, off = {}, 4
    while off + 4 <= len(pkt):
        code, n = struct.unpack("!HH", pkt[off:off + 4])
        if off + 4 + n > len(pkt):
            raise ValueError("option %d runs past the end" % code)
        out.setdefault(code, pkt[off + 4:off + 4 + n])
        off += 4 + n
    if off != len(pkt):
        raise ValueError("trailing bytes")
    return out


def names(data):
    out, off, cur = [], 0, []
    while off < len(data):
        n = data[off]
        off += 1
        if n == 0:
            out.append(".".join(cur))
            cur = []
            continue
        cur.append(data[off:off + n].decode())
        off += n
    return out


def inforeq(mac):
    xid = os.urandom(3)
    s.sendto(msg(11, xid, CLIENT_ID, ORO, ELAPSED), dst)
    for pkt in replies(time.monotonic() + 1.5):
        if pkt[1:4] != xid:
            continue
        try:
            o = options(pkt)
        except ValueError as e:
            return "bad reply: %s" % e
        want_sid = bytes.fromhex("00030001" + mac.replace(":", ""))
        if pkt[0] != 7:
            return "bad reply: type %d" % pkt[0]
        if o.get(1) != DUID:
            return "bad reply: client id not echoed"
        if o.get(2) != want_sid:
            return "bad reply: server id %s" % o.get(2, b"").hex()
        dns = o.get(23, b"")
        servers = [socket.inet_ntop(socket.AF_INET6, dns[i:i + 16])
                   for i in range(0, len(dns), 16)]
        refresh = struct.unpack("!I", o[32])[0] if 32 in o else "none"
        return "reply dns=%s domain=%s refresh=%s" % (
            ",".join(servers) or "none",
            ",".join(names(o.get(24, b""))) or "none", refresh)
    return "no reply"


def expect_none(pkt):
    s.sendto(pkt, dst)
    for r in replies(time.monotonic() + 1.5):
        if r[1:4] == pkt[1:4]:
            return "reply type %d" % r[0]
    return "no reply"


if mode == "inforeq":
    print(inforeq(sys.argv[3]))
elif mode == "solicit":
    print(expect_none(msg(1, os.urandom(3), CLIENT_ID, IA_NA, ORO, ELAPSED)))
elif mode == "ia":
    print(expect_none(msg(11, os.urandom(3), CLIENT_ID, IA_NA, ORO)))
elif mode == "other-server":
    other = opt(2, bytes.fromhex("00030001" "0a0b0c0d0e0f"))
    print(expect_none(msg(11, os.urandom(3), CLIENT_ID, other, ORO)))
elif mode == "garbage":
    x = b"\x0b\x01\x02\x03"
    bad = [
        b"\x0b\x01",                              # shorter than 4 bytes
        x + b"\x00\x01\x00",                      # half an option header
        x + b"\x00\x01\x00\x20" + DUID,           # option past the end
        x + b"\x00\x01\xff\xff",                  # length 65535
        x + opt(1, b"\x00\x01"),                  # client id of 2 bytes
        x + opt(2, bytes(131)),                   # server id of 131 bytes
        x + CLIENT_ID + CLIENT_ID,                # client id twice
        x + opt(6, b"\x00\x17\x00"),              # ORO of odd length
        b"\x0c\x00" + bytes(32) + opt(9, x),      # relay-forward
    ]
    for _ in range(100):
        bad.append(x + os.urandom(os.urandom(1)[0] % 64))
    for pkt in bad:
        s.sendto(pkt, dst)
    print(len(bad))
elif mode == "flood":
    xids = set()
    for i in range(int(sys.argv[3])):
        xid = struct.pack("!I", i)[1:]
        xids.add(xid)
        s.sendto(msg(11, xid, CLIENT_ID, ORO), dst)
    print(sum(1 for r in replies(time.monotonic() + 1.5) if r[1:4] in xids))
else:
    sys.exit("unknown mode " + mode)
