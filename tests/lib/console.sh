# tests/lib/console.sh - talk to a Keel guest over its serial console.
# Source it after starting QEMU as a coprocess with its console on
# ${qout} (read) and ${qin} (write). Needs: $log (console transcript),
# $deadline (epoch seconds bounding every wait) and a die() function.
#
#   expect REGEX SECONDS   read console lines until one matches ($MATCH)
#   run CMD [SECONDS]      run CMD in the guest shell: lines in ${OUT[@]}, status in $RC
#   has REGEX              some line of ${OUT[@]} matches
#   wait_shell             until the console shell answers

# expect REGEX SECONDS: read console lines until one matches. A read that
# times out mid-line keeps what it got: `read -t` returns the partial line,
# and dropping it once lost the "k" of "keel-init: ready".
PARTIAL= MATCH=
expect() {
	local re=$1 until=$(( $(date +%s) + $2 )) line
	[ "$until" -gt "$deadline" ] && until=$deadline
	while [ "$(date +%s)" -lt "$until" ]; do
		if IFS= read -r -t 1 line <&$qout; then
			line=$PARTIAL${line%$'\r'}
			PARTIAL=
			printf '%s\n' "$line" >> "$log"
			if [[ $line =~ $re ]]; then MATCH=$line; return 0; fi
		elif [ $? -gt 128 ]; then
			PARTIAL+=$line
		else
			return 1 # EOF: QEMU is gone
		fi
	done
	return 1
}

# run CMD [SECONDS]: run CMD in the guest shell; output lines in ${OUT[@]},
# exit status in $RC. Markers come from guest arithmetic, never the echo.
n=0 RC=
run() {
	n=$((n + 1))
	local line until=$(( $(date +%s) + ${2:-20} ))
	OUT=() RC=
	printf 'echo B%s$((1+1)); %s; echo E%s$((1+1)) $?\n' "$n" "$1" "$n" >&$qin
	# Unanchored: the tty may still be echoing a long command line when the
	# guest prints the marker, so it can land at the end of that line.
	expect "B${n}2\$" "${2:-20}" || die "no output from: $1"
	while [ "$(date +%s)" -lt "$until" ] && IFS= read -r -t 20 line <&$qout; do
		line=$PARTIAL${line%$'\r'}
		PARTIAL=
		printf '%s\n' "$line" >> "$log"
		if [[ $line =~ E${n}2\ ([0-9]+)$ ]]; then RC=${BASH_REMATCH[1]}; return 0; fi
		OUT+=("$line")
	done
	die "unterminated output from: $1"
}
has() { local re=$1 l; for l in "${OUT[@]}"; do [[ $l =~ $re ]] && return 0; done; return 1; }

wait_shell() {
	for i in $(seq 1 20); do
		printf 'echo PING$((20+i))\n' >&$qin
		expect '^PING2' 2 && return 0
	done
	die "the console shell never answered"
}
