# tests/lib/check.sh - the one check harness of Keel's test scripts (bash;
# source it). Each check prints one line and is counted; a script ends with
# `summary` (e.g. `summary; exit $?`), whose line ends its output.
#
#   check NAME STATUS [DETAIL]   STATUS 0: "ok - NAME"; anything else (or not
#                                a number): "not ok - NAME: DETAIL", a failure
#   check_cmd NAME CMD...        check NAME on CMD's exit status (CMD keeps
#                                the caller's stdin)
#   check_eq NAME WANT GOT       check NAME on WANT = GOT (string equality);
#                                the detail says "want 'WANT', got 'GOT'"
#   ok NAME                      "ok - NAME"
#   not_ok NAME [DETAIL]         "not ok - NAME: DETAIL" ("not ok - NAME"
#                                without a detail), a failure
#   skip NAME WHY                "skip - NAME: WHY", counted as skipped
#   summary                      "N passed, N failed", plus ", N skipped"
#                                when any were; status 1 if any check failed
#
# A DETAIL of several lines has its first on the "not ok" line and the rest
# below it as "#   " lines. The counts are in CHECKS_PASSED, CHECKS_FAILED
# and CHECKS_SKIPPED. Every function but summary returns 0, so they are safe
# under `set -e` and in `cond && ok X || not_ok X`. Lines starting `report: `
# are each script's own (tests/run collects them); nothing here prints one.
# A script's die() (abort with its own logs) stays the script's.

CHECKS_PASSED=0 CHECKS_FAILED=0 CHECKS_SKIPPED=0

ok() {
	CHECKS_PASSED=$((CHECKS_PASSED + 1))
	printf 'ok - %s\n' "$1"
}

not_ok() {
	local first=${2-} rest=
	CHECKS_FAILED=$((CHECKS_FAILED + 1))
	if [[ $first == *$'\n'* ]]; then
		rest=${first#*$'\n'}
		first=${first%%$'\n'*}
	fi
	printf 'not ok - %s%s\n' "$1" "${first:+: $first}"
	if [ -n "$rest" ]; then
		printf '%s\n' "$rest" | sed 's/^/#   /'
	fi
	return 0
}

check() {
	if [ "$2" -eq 0 ] 2>/dev/null; then
		ok "$1"
	else
		not_ok "$1" "${3-}"
	fi
}

# (No locals here: CMD may be a function or an eval reading the caller's.)
check_cmd() {
	if "${@:2}"; then ok "$1"; else not_ok "$1"; fi
}

check_eq() {
	if [ "$2" = "$3" ]; then
		ok "$1"
	else
		not_ok "$1" "want '$2', got '$3'"
	fi
}

skip() {
	CHECKS_SKIPPED=$((CHECKS_SKIPPED + 1))
	printf 'skip - %s%s\n' "$1" "${2:+: $2}"
}

summary() {
	local line="$CHECKS_PASSED passed, $CHECKS_FAILED failed"
	[ "$CHECKS_SKIPPED" -eq 0 ] || line+=", $CHECKS_SKIPPED skipped"
	printf '%s\n' "$line"
	[ "$CHECKS_FAILED" -eq 0 ]
}
