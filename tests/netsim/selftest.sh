#!/usr/bin/env bash
# selftest.sh NETSIM: netsim on its own (no QEMU; the wire side points at an
# unused loopback port): hosts on one segment talk through the hub over v4
# and v6 (TCP, UDP, DHCP with option 12, DNS), a dhcp-flood takes what is
# left of the ISP server's pool and no more, and every command answers one
# ok/fail line. Then a second netsim floods wire_dhcpd.py, a stand-in for the
# guest's dhcpd on the wire's other end (unicast replies to the made-up MACs,
# chaddr checked against the source MAC), to check the wire path and `rate`.
# Last, wire_ra.py sends a router's RAs before and after a renumbering.
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
host h7 lan mac 02:00:00:00:01:07
dhcp-flood h7 count 12 timeout 2 hostname wpad
leases h2
dhcp-flood-leases h7
dhcp-flood-leases h1
dhcp-flood h7 count 1025
dhcp-flood h7 count 2 rate 0
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
^ok host h7 lan
^ok dhcp-flood h7 sent 12 offers 8 acks 8 naks 0$
^ok leases h2 pool_full 4 naks 0 02:00:00:00:01:04=10\.0\.0\.50,name=h4 .* 06:01:01:07:00:00=10\.0\.0\.52,name=wpad .* 06:01:01:07:00:07=10\.0\.0\.59,name=wpad$
^ok dhcp-flood-leases h7 count 8 10\.0\.0\.52 10\.0\.0\.53 10\.0\.0\.54 10\.0\.0\.55 10\.0\.0\.56 10\.0\.0\.57 10\.0\.0\.58 10\.0\.0\.59$
^fail dhcp-flood-leases h1: no flood from h1$
^fail dhcp-flood: usage
^fail dhcp-flood: usage
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
# compare OUT EXPECTED RC: one answer per line of OUT against one regex per
# line of EXPECTED, and netsim's exit status RC.
compare() {
	local i=0 re got
	mapfile -t got < "$1"
	while IFS= read -r re; do
		[[ ${got[$i]-} =~ $re ]]
		check "line $((i + 1)): want /$re/" $? "got: ${got[$i]-<nothing>}"
		i=$((i + 1))
	done <<< "$2"
	[ "${#got[@]}" -eq "$i" ] || not_ok "${#got[@]} answers for $i commands"
	[ "$3" -eq 0 ] || not_ok "netsim exited $3"
}
timeout 60 "$netsim" --lan "127.0.0.1:$port,127.0.0.1:$((port + 1))" < "$tmp/cmds" > "$tmp/out"
compare "$tmp/out" "$expected" $?

# The wire: 12 addresses; 8 clients at once (the one given 10.9.0.102 is
# NAKed), 4 at 4/s (DISCOVERs 750 ms apart first to last), then 2 that hear
# nothing (the pool is gone) and are answered at the timeout.
port=$((port + 2))
exec {wire}< <(exec python3 "$(dirname "$0")/wire_dhcpd.py" $((port + 1)) "$port" 60 12)
wire_pid=$!
read -r -t 10 -u "$wire" line
check_eq "wire_dhcpd.py starts" ready "${line-}"
timeout 60 "$netsim" --lan "127.0.0.1:$port,127.0.0.1:$((port + 1))" > "$tmp/out" <<CMDS
host a lan mac 02:00:00:00:01:0a
dhcp-flood a count 8
dhcp-flood-leases a
dhcp-flood a count 4 rate 4 timeout 5
dhcp-flood a count 2 timeout 1
stats
quit
CMDS
compare "$tmp/out" '^ok host a lan
^ok dhcp-flood a sent 8 offers 8 acks 7 naks 1$
^ok dhcp-flood-leases a count 7 10\.9\.0\.100 10\.9\.0\.101 10\.9\.0\.103 10\.9\.0\.104 10\.9\.0\.105 10\.9\.0\.106 10\.9\.0\.107$
^ok dhcp-flood a sent 4 offers 4 acks 4 naks 0$
^ok dhcp-flood a sent 2 offers 0 acks 0 naks 0$
^ok stats lan rx 24/[0-9]+ tx [0-9]+/[0-9]+ tx_err 0 .* unclaimed 0 
^ok quit$' $?
kill -TERM "$wire_pid"
read -r -t 10 -u "$wire" line
[[ ${line-} =~ ^discovers\ 14\ requests\ 12\ spoofed\ 0\ spans\ 1:([0-9]+)\ 2:([0-9]+)\ 3:[0-9]+$ ]] &&
	[ "${BASH_REMATCH[1]}" -lt 300 ] && [ "${BASH_REMATCH[2]}" -ge 700 ] &&
	[ "${BASH_REMATCH[2]}" -lt 2000 ]
check "wire server: each client's chaddr is its source MAC, one flood per MAC range, rate 4/s spreads 4 DISCOVERs over >= 700 ms" $? "${line-<nothing>}"

# Renumbering: wire_ra.py plays the router. A SLAAC host takes an address in
# the delegated /64; then the RA that renumbers (old /64 preferred 0, valid
# 7200, and the new one) leaves it with the new address and the old one
# deprecated, and `ra-log` shows that RA first with the new prefix.
port=$((port + 2))
coproc NSIM { exec timeout 60 "$netsim" --lan "127.0.0.1:$port,127.0.0.1:$((port + 1))"; }
ask() {
	printf '%s\n' "$1" >&"${NSIM[1]}"
	IFS= read -r -t 10 -u "${NSIM[0]}" A || A="<no answer to $1>"
}
# until_addr RE: poll `addr s1` (lwIP's DAD and deprecation run on its 1 s
# ND timer) until it matches RE, for at most 5 s.
until_addr() {
	for _ in $(seq 1 50); do
		ask 'addr s1'
		[[ ${A,,} =~ $1 ]] && return 0
		sleep 0.1
	done
	return 1
}
ra() { python3 "$(dirname "$0")/wire_ra.py" "$port" $((port + 1)) "$@"; }
old=2001:db8:100:1 new=2001:db8:200:1
ask 'host s1 lan mac 02:00:00:00:01:0b slaac on'
check "a SLAAC host" "$([[ $A == ok* ]]; echo $?)" "$A"
ra fd00::/64,4294967295,4294967295 $old::/64,1800,3600
until_addr " ip6 $old:[0-9a-f:]+( |$)"
check "... takes an address in the delegated /64 from an RA" $? "$A"
[[ ${A,,} != *deprecated* ]]
check "... preferred, not marked deprecated" $? "$A"
ra bad $new::/64,1800,3600
ra fd00::/64,4294967295,4294967295 $old::/64,0,7200 $new::/64,1800,3600
until_addr " ip6 $new:[0-9a-f:]+( |$)" && until_addr " ip6 $old:[0-9a-f:]+ deprecated( |$)"
check "after the renumbering RA it has an address in the new /64 and the old one deprecated" $? "$A"
[[ ${A,,} =~ \ ip6\ fd00::[0-9a-f:]+(\ ip6|$) ]]
check "... and its ULA address still preferred" $? "$A"
ask 'ra-log lan'
log=$A
IFS='|' read -ra ras <<< "$log"
first=
for r in "${ras[@]:1}"; do
	[[ $r == *" prefix $new::/64 "* ]] && { first=$r; break; }
done
[[ ${ras[0]} == "ok ra-log lan count 2 dropped 0 bad 1 " ]]
check "ra-log: two RAs, the one with a bad checksum counted as bad" $? "$log"
[[ $first =~ ^\ \#2\ t_ms\ [0-9]+\ from\ fe80::1\ rl\ 1800\ flags\ O\  ]] &&
	[[ $first =~ \ prefix\ $old::/64\ pl\ 0\ vl\ 7200\ flags\ L,A\  ]] &&
	[[ $first =~ \ prefix\ $new::/64\ pl\ 1800\ vl\ 3600\ flags\ L,A\  ]] &&
	[[ $first =~ \ rdnss\ fd00::1\ lt\ 1200\ *$ ]]
check "ra-log: the first RA with the new prefix carries the old one with pl 0 vl 7200" $? "$first"
ask 'ra-log lan clear'
[[ $A == "ok ra-log lan count 2 dropped 0 bad 1 | #1 "* ]]
check "ra-log clear prints the log" $? "$A"
ask 'ra-log lan'
check_eq "... then empties it" "ok ra-log lan count 0 dropped 0 bad 0" "$A"
ask 'ra-log dmz'
[[ $A == "fail ra-log: usage"* ]]
check "ra-log on an unknown segment fails" $? "$A"
ask quit
wait "$NSIM_PID"
check_eq "netsim exits 0" 0 $?
summary
