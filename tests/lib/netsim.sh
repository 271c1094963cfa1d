# tests/lib/netsim.sh - lwIP simulated hosts (tests/netsim) for a QEMU test
# (source it; needs $top, $board and a $tmp directory that the test removes).
#
#   netsim_start OUTDIR LOG ARGS...  build netsim into OUTDIR and run it with
#                   ARGS (--lan L,Q / --wan L,Q); stderr to LOG; NS_PID is its pid
#   ns CMD          one netsim command; its answer in $NS; true if it is "ok ..."
#   nscheck NAME CMD  ns CMD as one check (tests/lib/check.sh)
netsim_start() {
	local out=$1 log=$2 lwip_host
	shift 2
	lwip_host=${KEEL_LWIP_HOST:-$top/output/$board/host}
	[ -r "$lwip_host/lib/liblwip.a" ] || lwip_host=$(ls -d "$top"/output/*/host 2>/dev/null |
		while read -r d; do [ -r "$d/lib/liblwip.a" ] && echo "$d" && break; done)
	make -s -C "$top/tests/netsim" O="$out" LWIP_HOST="$lwip_host" >/dev/null || return 1
	mkfifo "$tmp/netsim.in" "$tmp/netsim.out" || return 1
	"$out/netsim" "$@" <"$tmp/netsim.in" >"$tmp/netsim.out" 2>>"$log" &
	NS_PID=$!
	NS_LOG=$log
	exec {nsin}>"$tmp/netsim.in" {nsout}<"$tmp/netsim.out"
}

NS=
ns() {
	printf '%s\n' "$1" >&$nsin
	printf '> %s\n' "$1" >> "$NS_LOG"
	if ! IFS= read -r -t 90 NS <&$nsout; then
		NS="fail netsim gave no answer (exited?)"
	fi
	printf '< %s\n' "$NS" >> "$NS_LOG"
	[[ $NS == ok* ]]
}
nscheck() { local name=$1; shift; ns "$*"; check "$name" $? "$NS"; }
