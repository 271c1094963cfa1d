#!/usr/bin/env python3
"""genpcap.py - pcap files with known flows, for tests/flowd/run and bench.

  genpcap.py basic OUT.pcap EXPECT.csv   mixed traffic (see basic())
  genpcap.py evict OUT.pcap EXPECT.csv   FLOWS concurrent flows, round-robin
  genpcap.py bench OUT.pcap PACKETS FLOWS  many flows, for the benchmark
  genpcap.py pcapng IN.pcap OUT.pcapng   the same packets as pcapng

EXPECT.csv has one line per unidirectional flow:
  family,src,dst,sport,dport,proto,packets,bytes
where bytes is the sum of IP lengths (what NetFlow counts) and ICMP's
type/code sit in dport as type*256+code. Written with struct only: no
scapy on the machines.
"""
import ipaddress
import struct
import sys

MAC_A = bytes.fromhex("020000000001")
MAC_B = bytes.fromhex("020000000002")


def csum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    s = (s >> 16) + (s & 0xFFFF)
    s += s >> 16
    return ~s & 0xFFFF


class Pcap:
    def __init__(self, path):
        self.f = open(path, "wb")
        # Microsecond pcap, Ethernet, snaplen 65535.
        self.f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
        self.flows = {}
        self.t_us = 1_700_000_000 * 1_000_000

    def frame(self, frame, key=None, ip_len=0, step_us=1000):
        self.t_us += step_us
        sec, usec = divmod(self.t_us, 1_000_000)
        self.f.write(struct.pack("<IIII", sec, usec, len(frame), len(frame)))
        self.f.write(frame)
        if key is not None:
            pk = self.flows.setdefault(key, [0, 0])
            pk[0] += 1
            pk[1] += ip_len

    def close(self):
        self.f.close()

    def expect(self, path):
        with open(path, "w") as f:
            for (fam, src, dst, sp, dp, pr), (p, b) in sorted(self.flows.items()):
                f.write(f"{fam},{src},{dst},{sp},{dp},{pr},{p},{b}\n")


def l4(proto, sport, dport, payload, flags=0):
    if proto == 6:
        return struct.pack("!HHIIBBHHH", sport, dport, 1, 0, 5 << 4, flags,
                           65535, 0, 0) + payload
    if proto == 17:
        return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload
    if proto in (1, 58):  # dport carries type << 8 | code
        return struct.pack("!BBHI", dport >> 8, dport & 0xFF, 0, 0) + payload
    return payload


def ipv4(src, dst, proto, body, tos=0):
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, tos, 20 + len(body), 1, 0, 64,
                      proto, 0, ipaddress.IPv4Address(src).packed,
                      ipaddress.IPv4Address(dst).packed)
    hdr = hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:]
    return hdr + body


def ipv6(src, dst, proto, body, ext=b""):
    nh = 0 if ext else proto
    return struct.pack("!IHBB16s16s", 6 << 28, len(ext) + len(body), nh, 64,
                       ipaddress.IPv6Address(src).packed,
                       ipaddress.IPv6Address(dst).packed) + ext + body


def eth(ethertype, payload, vlan=None):
    head = MAC_B + MAC_A
    if vlan is not None:
        head += struct.pack("!HH", 0x8100, vlan)
    frame = head + struct.pack("!H", ethertype) + payload
    return frame + b"\0" * max(0, 60 - len(frame))  # Ethernet padding


def pkt(pc, fam, src, dst, proto, sport, dport, size=0, flags=0, vlan=None,
        ext=b"", step_us=1000):
    body = l4(proto, sport, dport, b"x" * size, flags)
    if fam == 4:
        ip = ipv4(src, dst, proto, body)
        frame = eth(0x0800, ip, vlan)
    else:
        ip = ipv6(src, dst, proto, body, ext)
        frame = eth(0x86DD, ip, vlan)
    sp = 0 if proto in (1, 58) else sport
    pc.frame(frame, (fam, src, dst, sp, dport, proto), len(ip), step_us)


SYN, ACK, FIN, PSH = 0x02, 0x10, 0x01, 0x08


def tcp_session(pc, fam, c, s, cport, sport, nreq=5):
    pkt(pc, fam, c, s, 6, cport, sport, 0, SYN)
    pkt(pc, fam, s, c, 6, sport, cport, 0, SYN | ACK)
    pkt(pc, fam, c, s, 6, cport, sport, 0, ACK)
    for i in range(nreq):
        pkt(pc, fam, c, s, 6, cport, sport, 100 + i, PSH | ACK)
        pkt(pc, fam, s, c, 6, sport, cport, 1000 + 10 * i, PSH | ACK)
    pkt(pc, fam, c, s, 6, cport, sport, 0, FIN | ACK)
    pkt(pc, fam, s, c, 6, sport, cport, 0, FIN | ACK)
    pkt(pc, fam, c, s, 6, cport, sport, 0, ACK)


def basic(out, expect):
    pc = Pcap(out)
    tcp_session(pc, 4, "10.1.0.2", "192.0.2.80", 40000, 80, 5)
    for i in range(20):  # DNS-like UDP both ways
        pkt(pc, 4, "10.1.0.2", "192.0.2.53", 17, 5353, 53, 30 + i)
        pkt(pc, 4, "192.0.2.53", "10.1.0.2", 17, 53, 5353, 80 + i)
    for i in range(4):  # ping: echo request 8.0, reply 0.0
        pkt(pc, 4, "10.1.0.2", "192.0.2.1", 1, 0, 8 << 8, 56)
        pkt(pc, 4, "192.0.2.1", "10.1.0.2", 1, 0, 0, 56)
    tcp_session(pc, 6, "fd00::2", "2001:db8::80", 41000, 443, 8)
    # IPv6 UDP behind a hop-by-hop header; ICMPv6 echo (128.0)
    hbh = struct.pack("!BB6s", 17, 0, b"\1\4\0\0\0\0")
    for i in range(3):
        pkt(pc, 6, "fd00::2", "2001:db8::53", 17, 6000, 53, 40, ext=hbh)
        pkt(pc, 6, "fd00::2", "2001:db8::1", 58, 0, 128 << 8, 32)
    for i in range(10):  # 802.1Q-tagged UDP
        pkt(pc, 4, "10.2.0.5", "198.51.100.7", 17, 7000, 7001, 200, vlan=20)
    for i in range(5000):  # one big flow
        pkt(pc, 4, "10.1.0.9", "203.0.113.9", 17, 9999, 5004, 1200,
            step_us=200)
    pc.frame(eth(0x0806, b"\0" * 28))  # ARP: not a flow
    pc.close()
    pc.expect(expect)


def evict(out, expect, nflows=200, rounds=5):
    pc = Pcap(out)
    for r in range(rounds):
        for i in range(nflows):
            pkt(pc, 4, "10.3.%d.%d" % (i // 250, i % 250 + 1), "192.0.2.99",
                17, 10000 + i, 4000, 50 + r, step_us=100)
    pc.close()
    pc.expect(expect)


def bench(out, npackets, nflows, snap=96):
    """Flows in windows of 1000: each window's flows send 8 packets each,
    interleaved, 1 ms apart, then the next 1000 start. With a 15 s idle
    timeout about 3000 flows are live at once (under the default table of
    8192), and every flow ends by idling out: a busy home router's shape.
    Frames are cut at snap bytes as a capture with that snaplen would be
    (the IP length still says the full size), to keep the file small.
    20% of flows are IPv6 TCP, 20% IPv4 TCP, 60% IPv4 UDP."""
    f = open(out, "wb")
    f.write(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, snap, 1))
    window, per_flow = 1000, 8
    frames = {}
    t_us = 1_700_000_000 * 1_000_000
    for n in range(npackets):
        w = n // (window * per_flow)
        i = (w * window + n % window) % nflows
        fr = frames.get(i)
        if fr is None:
            if len(frames) > 4 * window:
                frames.clear()
            src = "10.%d.%d.%d" % (i >> 16 & 255, i >> 8 & 255, i & 255)
            if i % 5 == 0:
                body = l4(6, 1024 + i % 60000, 443, b"y" * 500, ACK)
                fr = eth(0x0800, ipv4(src, "192.0.2.10", 6, body))
            elif i % 5 == 1:
                body = l4(6, 1024 + i % 60000, 443, b"y" * 500, ACK)
                fr = eth(0x86DD, ipv6("fd00::%x:%x" % (i >> 16, i & 0xFFFF), "2001:db8::10", 6, body))
            else:
                body = l4(17, 1024 + i % 60000, 53, b"q" * 60)
                fr = eth(0x0800, ipv4(src, "192.0.2.53", 17, body))
            fr = struct.pack("<II", min(len(fr), snap), len(fr)) + fr[:snap]
            frames[i] = fr
        t_us += 1000
        f.write(struct.pack("<II", t_us // 1_000_000, t_us % 1_000_000))
        f.write(fr)
    f.close()


def to_pcapng(src, out):
    """The same packets as pcapng (one section, one interface, enhanced
    packet blocks): flowd hands such files to libpcap."""
    data = open(src, "rb").read()
    linktype = struct.unpack("<I", data[20:24])[0]
    f = open(out, "wb")
    f.write(struct.pack("<IIIHHqI", 0x0A0D0D0A, 28, 0x1A2B3C4D, 1, 0, -1, 28))
    f.write(struct.pack("<IIHHII", 1, 20, linktype, 0, 65535, 20))
    off = 24
    while off + 16 <= len(data):
        sec, usec, caplen, wirelen = struct.unpack("<IIII", data[off:off + 16])
        frame = data[off + 16:off + 16 + caplen]
        off += 16 + caplen
        pad = b"\0" * (-caplen % 4)
        ts = sec * 1_000_000 + usec
        blen = 32 + caplen + len(pad)
        f.write(struct.pack("<IIIIIII", 6, blen, 0, ts >> 32, ts & 0xFFFFFFFF,
                            caplen, wirelen) + frame + pad + struct.pack("<I", blen))
    f.close()


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "basic":
        basic(sys.argv[2], sys.argv[3])
    elif mode == "evict":
        evict(sys.argv[2], sys.argv[3])
    elif mode == "pcapng":
        to_pcapng(sys.argv[2], sys.argv[3])
    elif mode == "bench":
        bench(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        sys.exit("usage: genpcap.py basic|evict|bench|pcapng ...")
