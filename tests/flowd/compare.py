#!/usr/bin/env python3
"""compare.py EXPECT.csv NFDUMP.txt [v4only] - flows nfdump read back from
the collector's files against the flows genpcap.py wrote.

NFDUMP.txt is `nfdump -N -q -o 'fmt:%sa|%da|%sp|%dp|%pr|%pkt|%byt'`.
Records of one key are summed (a flow split by eviction still adds up).
Prints one line per difference and a last line 'flows N packets N bytes N
records N'; exits 1 on any difference.
"""
import sys

exp = {}
for line in open(sys.argv[1]):
    fam, src, dst, sp, dp, pr, p, b = line.strip().split(",")
    if len(sys.argv) > 3 and fam != "4":
        continue
    exp[(src, dst, int(sp), int(dp), int(pr))] = [int(p), int(b)]

got, records = {}, 0
for line in open(sys.argv[2]):
    f = [x.strip() for x in line.split("|")]
    if len(f) < 7:
        continue
    dp = f[3]
    if "." in dp:  # ICMP type.code
        t, c = dp.split(".")
        dp = int(t) * 256 + int(c)
    key = (f[0], f[1], int(f[2]), int(dp), int(f[4]))
    pb = got.setdefault(key, [0, 0])
    pb[0] += int(f[5])
    pb[1] += int(f[6])
    records += 1

bad = 0
for k in sorted(set(exp) | set(got)):
    if exp.get(k) != got.get(k):
        if bad < 5:
            print("flow %s: want %s, got %s" % (k, exp.get(k), got.get(k)))
        bad += 1
if bad >= 5:
    print("%d flows differ" % bad)
print("flows %d packets %d bytes %d records %d" % (
    len(got), sum(v[0] for v in got.values()),
    sum(v[1] for v in got.values()), records))
sys.exit(1 if bad else 0)
