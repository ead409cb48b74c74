#!/usr/bin/env bash
# Runs one golden CLI case: CASE/cmd holds the arguments (one line; $CASE is
# the case folder), run from the repository root; stdout, stderr and the exit
# status must equal CASE/stdout, CASE/stderr and CASE/status byte for byte.
# With --update as a third argument, rewrites the expectations instead.
set -u
bin=$1 CASE=$(realpath --relative-to=. "$2") update=${3:-}
export CASE STAYPUT_RULES=rules
args=$(eval "printf '%s\n' $(cat "$CASE/cmd")")
mapfile -t argv <<< "$args"
out=$(mktemp) err=$(mktemp)
stdin=/dev/null
[ -f "$CASE/stdin" ] && stdin=$CASE/stdin
"$bin" "${argv[@]}" < "$stdin" > "$out" 2> "$err"
status=$?
if [ "$update" = --update ]; then
  cp "$out" "$CASE/stdout"; cp "$err" "$CASE/stderr"; echo "$status" > "$CASE/status"
  rm -f "$out" "$err"; exit 0
fi
rc=0
diff -u "$CASE/stdout" "$out" || rc=1
diff -u "$CASE/stderr" "$err" || rc=1
[ "$(cat "$CASE/status")" = "$status" ] || { echo "exit status: expected $(cat "$CASE/status"), got $status"; rc=1; }
rm -f "$out" "$err"
[ $rc = 0 ] && echo "1 passed, 0 failed" || echo "0 passed, 1 failed"
exit $rc
