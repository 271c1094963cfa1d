#!/usr/bin/env bash
# selftest.sh NETSIM: netsim on its own (no QEMU; the wire side points at an
# unused loopback port): hosts on one segment talk through the hub over v4
# and v6 (TCP, UDP, DHCP with option 12, DNS), and every command answers one
# ok/fail line.
# Part of `make check`. One `ok`/`not ok` line per answer, then
# `N passed, N failed`.
set -uo pipefail
netsim=${1:?usage: selftest.sh NETSIM}
. "$(dirname "$0")/../lib/check.sh"
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
dhcp h5 hostname 0123456789abcdef0123456789abcdef0
dhcp h5 hostname keel timeout 5
leases h2
host h6 lan mac 02:00:00:00:01:06 ip 10.0.0.6/24 ip6 fd00::6/64
dns-record h6 www.test a 192.0.2.10
dns-server h6
dns-record h6 www.test a 192.0.2.10
dns-record h6 www.test a 192.0.2.11 ttl 60
dns-record h6 www.test aaaa 2001:db8::10
dns-record h6 www.test txt "hello world"
dns-record h6 alias.test cname www.test
dns-record h6 10.2.0.192.in-addr.arpa ptr www.test
dns-record h6 big.test txt big
dns-record h6 bad..name a 192.0.2.1
dns-query h1 10.0.0.6 www.test
dns-query h1 10.0.0.6 WWW.Test. aaaa
dns-query h1 [fd00::6]:53 www.test txt
dns-query h1 fd00::6 www.test a tcp
dns-query h1 10.0.0.6 alias.test
dns-query h1 10.0.0.6 192.0.2.10 ptr
dns-query h1 10.0.0.6 nothere.test
dns-query h1 10.0.0.6 www.test ptr
dns-query h1 10.0.0.6 big.test txt
dns-query h1 10.0.0.6 big.test txt tcp
dns-stats h6 clear
dns-stats h6
udp-listen h6 5353 echo
dns-query h1 10.0.0.6:5353 www.test
udp-listen h6 5354 reply junk
dns-query h1 10.0.0.6:5354 www.test timeout 1
dns-query h1 10.0.0.6:54 www.test tcp timeout 1
dns-query h1 10.0.0.6 www.test mx
dns-server h6 port 0
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
^fail dhcp: usage
^ok dhcp h5 ip 10\.0\.0\.5[0-9]/24 gw 10\.0\.0\.1
^ok leases h2 pool_full 0 naks 0 02:00:00:00:01:04=10\.0\.0\.50,name=h4 02:00:00:00:01:05=10\.0\.0\.51,name=keel$
^ok host h6 lan
^fail dns-record h6: no dns-server
^ok dns-server h6 port 53 neg-ttl 60$
^ok dns-record h6 www\.test a 192\.0\.2\.10 ttl 300$
^ok dns-record h6 www\.test a 192\.0\.2\.11 ttl 60$
^ok dns-record h6 www\.test aaaa
^ok dns-record h6 www\.test txt
^ok dns-record h6 alias\.test cname
^ok dns-record h6 10\.2\.0\.192\.in-addr\.arpa ptr
^ok dns-record h6 big\.test txt big
^fail dns-record h6 bad\.\.name a: bad name
^ok dns-query h1 www\.test a rcode NOERROR answers 2 192\.0\.2\.10 192\.0\.2\.11 ttl 60 flags aa,rd size 58 
^ok dns-query h1 WWW\.Test\. aaaa rcode NOERROR answers 1 2001:DB8::10 ttl 300 
^ok dns-query h1 www\.test txt rcode NOERROR answers 1 "hello world" ttl 300 
^ok dns-query h1 www\.test a rcode NOERROR answers 2 192\.0\.2\.10 192\.0\.2\.11 ttl 60 
^ok dns-query h1 alias\.test a rcode NOERROR answers 1 www\.test ttl 300 
^ok dns-query h1 10\.2\.0\.192\.in-addr\.arpa ptr rcode NOERROR answers 1 www\.test ttl 300 
^ok dns-query h1 nothere\.test a rcode NXDOMAIN answers 0 ttl 0 flags aa,rd size 66 
^ok dns-query h1 www\.test ptr rcode NOERROR answers 0 ttl 0 flags aa,rd size 62 
^ok dns-query h1 big\.test txt rcode NOERROR answers 0 ttl 0 flags aa,tc,rd 
^ok dns-query h1 big\.test txt rcode NOERROR answers 1 "big" ttl 300 flags aa,rd size 645 
^ok dns-stats h6 queries 10 udp 8 tcp 2 nxdomain 1 truncated 1 bad 0 tcp_refused 0 last big\.test/txt$
^ok dns-stats h6 queries 0 udp 0 tcp 0 .* last -$
^ok udp-listen h6 5353 echo$
^fail dns-query h1 www\.test a bad reply \(wrong QR or opcode\)$
^ok udp-listen h6 5354 reply$
^fail dns-query h1 www\.test a (timeout \(sent [0-9]+, ignored [1-9]|bad reply)
^fail dns-query h1 www\.test a refused$
^fail dns-query: usage
^fail dns-server: usage
^fail bogus: unknown command$
^ok quit$'
timeout 60 "$netsim" --lan "127.0.0.1:$port,127.0.0.1:$((port + 1))" < "$tmp/cmds" > "$tmp/out"
rc=$?
i=0
mapfile -t got < "$tmp/out"
while IFS= read -r re; do
	[[ ${got[$i]-} =~ $re ]]
	check "line $((i + 1)): want /$re/" $? "got: ${got[$i]-<nothing>}"
	i=$((i + 1))
done <<< "$expected"
[ "${#got[@]}" -eq "$i" ] || not_ok "${#got[@]} answers for $i commands"
[ "$rc" -eq 0 ] || not_ok "netsim exited $rc"
summary
