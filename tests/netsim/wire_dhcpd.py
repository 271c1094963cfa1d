#!/usr/bin/env python3
"""wire_dhcpd.py PORT PEER SECONDS POOL: for selftest.sh, the QEMU end of
netsim's LAN wire (127.0.0.1:PORT, frames to and from 127.0.0.1:PEER) with a
DHCP server that answers the way Keel's dhcpd does: a request whose chaddr is
not the frame's Ethernet source is dropped, OFFER and ACK go unicast to the
chaddr (no broadcast flag), a NAK is broadcast. The first POOL clients get
10.9.0.100 on; the REQUEST for 10.9.0.102 is NAKed. Prints `ready`, then
on SIGTERM (or after SECONDS) `discovers N requests N spoofed N spans
SS:MS...`: per flood (dhcp-flood's MACs are 06:SS:...), the milliseconds
from its first DISCOVER to its last."""
import signal
import socket
import struct
import sys
import time

port, peer, seconds, pool = (int(a) for a in sys.argv[1:5])
SERVER_MAC = bytes.fromhex('020000000901')
SERVER_IP = socket.inet_aton('10.9.0.1')
COOKIE = bytes([99, 130, 83, 99])


def checksum(b):
    s = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff


def reply_frame(req, typ, yiaddr):
    chaddr = req[28:34]
    bootp = bytearray(240)
    bootp[0:3] = b'\x02\x01\x06'
    bootp[4:8] = req[4:8]
    bootp[16:20] = yiaddr
    bootp[28:34] = chaddr
    bootp[236:240] = COOKIE
    bootp += bytes([53, 1, typ, 54, 4]) + SERVER_IP
    if typ != 6:
        bootp += bytes([51, 4, 0, 0, 2, 88, 1, 4, 255, 255, 255, 0])
    bootp += b'\xff'
    udp = struct.pack('!HHHH', 67, 68, 8 + len(bootp), 0) + bootp
    dst_ip = yiaddr if typ != 6 else b'\xff' * 4
    ip = bytearray(struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64, 17,
                               0, SERVER_IP, dst_ip))
    ip[10:12] = struct.pack('!H', checksum(bytes(ip)))
    dst_mac = chaddr if typ != 6 else b'\xff' * 6
    return dst_mac + SERVER_MAC + b'\x08\x00' + bytes(ip) + udp


def options(bootp):
    out, off = {}, 240
    while off + 1 < len(bootp) and bootp[off] != 255:
        if bootp[off] == 0:
            off += 1
            continue
        out[bootp[off]] = bootp[off + 2:off + 2 + bootp[off + 1]]
        off += 2 + bootp[off + 1]
    return out


sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sock.bind(('127.0.0.1', port))
sock.connect(('127.0.0.1', peer))
sock.settimeout(0.05)
print('ready', flush=True)
leases, counts, spans = {}, {'discovers': 0, 'requests': 0, 'spoofed': 0}, {}
end = time.monotonic() + seconds
stop = []
signal.signal(signal.SIGTERM, lambda *_: stop.append(1))
while not stop and time.monotonic() < end:
    try:
        f = sock.recv(2048)
    except (socket.timeout, ConnectionRefusedError):
        continue
    if len(f) < 42 + 240 or f[12:14] != b'\x08\x00' or f[23] != 17:
        continue
    ihl = (f[14] & 15) * 4
    udp = 14 + ihl
    if struct.unpack('!H', f[udp + 2:udp + 4])[0] != 67:
        continue
    bootp = f[udp + 8:]
    if bootp[0] != 1:
        continue
    if bootp[28:34] != f[6:12]:
        counts['spoofed'] += 1
        continue
    opts = options(bootp)
    typ = opts.get(53, b'\0')[0]
    chaddr = bytes(bootp[28:34])
    if typ == 1:
        counts['discovers'] += 1
        now = time.monotonic()
        spans.setdefault(chaddr[1], [now, now])[1] = now
        if chaddr not in leases and len(leases) < pool:
            leases[chaddr] = socket.inet_aton('10.9.0.%d' % (100 + len(leases)))
        if chaddr in leases:
            sock.send(reply_frame(bootp, 2, leases[chaddr]))
    elif typ == 3:
        counts['requests'] += 1
        want = opts.get(50)
        if chaddr in leases and want == leases[chaddr]:
            nak = want == socket.inet_aton('10.9.0.102')
            sock.send(reply_frame(bootp, 6 if nak else 5, b'\0' * 4 if nak else want))
print('discovers %d requests %d spoofed %d spans %s' % (
    counts['discovers'], counts['requests'], counts['spoofed'],
    ' '.join('%d:%d' % (k, (v[1] - v[0]) * 1000) for k, v in sorted(spans.items()))),
    flush=True)
