#!/bin/sh
# test-cli.sh KEEL_CONFIG [KEEL_CONF]: run a built keel-config binary (the
# x86_64 static build runs on the host too; inside an image, /usr/bin/
# keel-config) on good and bad files, checking exit status and messages.
# KEEL_CONF is the default file to check (the image's /etc/keel/keel.conf).
# POSIX sh, so it also runs under busybox. Ends with "N passed, N failed".
kc=${1:?usage: test-cli.sh KEEL_CONFIG [KEEL_CONF]}
conf=${2:-$(dirname "$0")/../../rootfs/skeleton/etc/keel/keel.conf}
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
passed=0 failed=0

# expect NAME STATUS PATTERN -- COMMAND...: status must match and the
# command's stdout+stderr must contain PATTERN (a fixed string).
expect() {
	name=$1 want=$2 pattern=$3
	shift 4
	"$@" > "$dir/out" 2>&1
	got=$?
	if [ "$got" -eq "$want" ] && grep -qF -- "$pattern" "$dir/out"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "FAIL: $name: exit $got (want $want), output:" >&2
		sed 's/^/  /' "$dir/out" >&2
	fi
}

expect "default file is valid" 0 "[dhcp]" -- "$kc" check "$conf"
expect "get wan.interface" 0 "eth0" -- "$kc" get wan.interface "$conf"

printf '[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dhcp]\nrange 10.0.0.100 10.0.0.300\n' > "$dir/bad-addr.conf"
expect "bad address" 1 "line 5, column 18: [dhcp] range: 10.0.0.300 is not an IPv4 address" \
	-- "$kc" check "$dir/bad-addr.conf"

printf '[lan]\r\ninterface eth1\r\naddress 10.0.0.1/24\r\n[dhcp]\r\nrange 10.0.0.100 10.0.0.249' > "$dir/crlf.conf"
expect "CRLF, no final newline" 0 "range 10.0.0.100 10.0.0.249" -- "$kc" check "$dir/crlf.conf"

printf '[lan]\ninterface eth1\naddress 10.0.0.1/24\n[dhcp]\nrange 10.0.1.2 10.0.1.9\n' > "$dir/outside.conf"
expect "pool outside its LAN" 1 "[dhcp lan] range start 10.0.1.2 is outside every [lan lan] subnet" \
	-- "$kc" check "$dir/outside.conf"

printf 'hostname keel\n[wlan]\n' > "$dir/section.conf"
expect "unknown section" 1 "line 2, column 2: unknown section [wlan]" -- "$kc" check "$dir/section.conf"

: > "$dir/empty.conf"
expect "empty file" 1 "no [lan] section" -- "$kc" check "$dir/empty.conf"
expect "missing file" 1 "cannot read" -- "$kc" check "$dir/none.conf"

# A broken file: get answers from the safe default, as init would run it.
expect "get from safe default" 0 "10.0.0.1/24" -- "$kc" get lan.address "$dir/section.conf"
expect "unset key" 1 "dns.upstream: not set" -- "$kc" get dns.upstream "$dir/crlf.conf"
expect "usage" 2 "usage: keel-config" -- "$kc"
expect "print the safe default" 0 "sshd on" -- "$kc" default

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
