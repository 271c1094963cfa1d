#!/usr/bin/env bash
# selftest.sh NETSIM: netsim on its own (no QEMU; the wire side points at an
# unused loopback port): hosts on one segment talk through the hub over v4
# and v6, and every command answers one ok/fail line. Part of `make check`.
set -uo pipefail
netsim=${1:?usage: selftest.sh NETSIM}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'netsim selftest file\n' > "$tmp/file"
port=$((40000 + RANDOM % 10000 * 2))
cat > "$tmp/cmds" <<CMDS
host h1 lan mac 02:00:00:00:01:01 ip 10.0.0.2/24 gw 10.0.0.1 ip6 fd00::2/64
host h2 lan mac 02:00:00:00:01:02 ip 10.0.0.3/24 ip6 fd00::3/64
host h3 lan mac 02:00:00:00:01:03 ip 10.0.0.300/24
host h1 lan mac 02:00:00:00:01:09
ping h1 10.0.0.3
ping h2 fd00::2
ping h1 10.0.0.99 timeout 1
tcp-listen h2 80 reply hello
tcp-connect h1 10.0.0.3:80 send hi expect hello
tcp-connect h1 [fd00::3]:80 send hi expect hello
tcp-connect h1 10.0.0.3:81 timeout 2
tcp-listen h1 80 echo
tcp-connect h2 10.0.0.2:80 send "two words" expect "two words"
tcp-listen h1 9 discard
tcp-connect h2 10.0.0.2:9 bulk 3000000 timeout 10
tcp-listen h2 70 file $tmp/file
tcp-connect h1 10.0.0.3:70 expect "selftest file"
udp-listen h2 53 echo
udp-send h1 10.0.0.3:53 ping-udp expect ping-udp
udp-send h1 10.0.0.3:54 lost expect lost timeout 1
peers h2 80
peers h2 53 udp
host h4 lan mac 02:00:00:00:01:04
host h5 lan mac 02:00:00:00:01:05
dhcp h5 timeout 1
dhcp-server h2 pool 10.0.0.50-10.0.0.59 gw 10.0.0.1 dns 10.0.0.1 lease 120
dhcp h4 timeout 5
leases h2
bogus
quit
CMDS
expected='^ok host h1 lan .* FD00::2$
^ok host h2 lan
^fail host h3: bad ip
^fail host h1: duplicate
^ok ping h1 10\.0\.0\.3 rtt_ms
^ok ping h2 FD00::2 rtt_ms
^fail ping h1 10\.0\.0\.99 timeout
^ok tcp-listen h2 80 reply$
^ok tcp-connect h1 10\.0\.0\.3:80 local 10\.0\.0\.2:[0-9]+ got "hello\."$
^ok tcp-connect h1 \[fd00::3\]:80 local \[FD00::2\]:[0-9]+ got "hello\."$
^fail tcp-connect h1 10\.0\.0\.3:81 refused
^ok tcp-listen h1 80 echo$
^ok tcp-connect h2 10\.0\.0\.2:80 .* got "two words\."$
^ok tcp-listen h1 9 discard$
^ok tcp-connect h2 10\.0\.0\.2:9 .* bulk 3000000 ms
^ok tcp-listen h2 70 file$
^ok tcp-connect h1 10\.0\.0\.3:70 .* got "netsim selftest file\."$
^ok udp-listen h2 53 echo$
^ok udp-send h1 10\.0\.0\.3:53 got "ping-udp" from 10\.0\.0\.3:53
^fail udp-send h1 10\.0\.0\.3:54 timeout
^ok peers h2 80 tcp count 2 10\.0\.0\.2:[0-9]+ \[FD00::2\]:[0-9]+$
^ok peers h2 53 udp count 1 10\.0\.0\.2:[0-9]+$
^ok host h4 lan
^ok host h5 lan
^fail dhcp h5 timeout
^ok dhcp-server h2 pool 10\.0\.0\.50-10\.0\.0\.59 \(10 addresses\)$
^ok dhcp h4 ip 10\.0\.0\.5[0-9]/24 gw 10\.0\.0\.1
^ok leases h2 pool_full 0 naks 0 02:00:00:00:01:0[45]=10\.0\.0\.5
^fail bogus: unknown command$
^ok quit$'
timeout 60 "$netsim" --lan "127.0.0.1:$port,127.0.0.1:$((port + 1))" < "$tmp/cmds" > "$tmp/out"
rc=$?
pass=0 fail=0 i=0
mapfile -t got < "$tmp/out"
while IFS= read -r re; do
	if [[ ${got[$i]-} =~ $re ]]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "selftest: line $((i + 1)): want /$re/, got: ${got[$i]-<nothing>}"
	fi
	i=$((i + 1))
done <<< "$expected"
[ "${#got[@]}" -eq "$i" ] || { fail=$((fail + 1)); echo "selftest: ${#got[@]} answers for $i commands"; }
[ "$rc" -eq 0 ] || { fail=$((fail + 1)); echo "selftest: netsim exited $rc"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
