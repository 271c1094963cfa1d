# Sourced at the top of every package step recipe (see package/pkg.mk).
# step_begin PKG STEP LOGFILE VERBOSE: time the step, send its output to LOGFILE
# (unless VERBOSE=1), and on failure print the log's tail and where it is.
# step_end STAMP: touch the stamp and print the one progress line.

step_begin() {
	_step_pkg=$1 _step_name=$2 _step_log=$3
	_step_t0=$(date +%s%N)
	mkdir -p "$(dirname "$_step_log")"
	if [ "${4:-0}" != 1 ]; then
		exec 3>&1 4>&2 >"$_step_log" 2>&1
	else
		exec 3>&1 4>&2
	fi
	trap '_step_fail $?' EXIT
}

_step_fail() {
	[ "$1" -eq 0 ] && return 0
	exec 1>&3 2>&4
	printf 'keel: %-14s %-9s FAILED (exit %s)\n' "$_step_pkg" "$_step_name" "$1" >&2
	if [ -s "$_step_log" ] && [ "$(readlink -f "$_step_log")" != /dev/stdout ]; then
		tail -n 40 "$_step_log" | sed 's/^/  | /' >&2
		printf 'keel: full log: %s\n' "$_step_log" >&2
	fi
	return "$1"
}

step_end() {
	touch "$1"
	trap - EXIT
	exec 1>&3 2>&4
	local ms=$(( ($(date +%s%N) - _step_t0) / 1000000 ))
	printf 'keel: %-14s %-9s %4d.%01d s\n' "$_step_pkg" "$_step_name" $((ms / 1000)) $((ms % 1000 / 100))
}
