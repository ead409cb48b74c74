#!/usr/bin/env bash
# Golden tests of the command line. Each folder tests/golden/NAME/ holds
#   cmd      one line: the arguments of stayput, read by bash, so $CASE (the case
#            folder, relative to the repository root) and quotes work. A line in
#            which `stayput` appears as a command (first, or after ( ; | & or <()
#            is a whole shell command instead, `stayput` standing for the binary
#   stdin    optional: fed to standard input (else /dev/null)
#   stdout, stderr, status   the expected outputs and exit status, byte for byte
# The call runs from the repository root, with STAYPUT_RULES unset and LC_ALL=C.
#
# usage: run_golden.sh [--update] [--bin PATH] [CASE...]
#   --update   rewrite the expectations from what the binary does now
#   --bin      the binary (default: $STAYPUT_BIN, else build/stayput)
#   CASE...    case names or folders (default: all)
set -u

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
bin=${STAYPUT_BIN:-$root/build/stayput}
update=0
names=()
while [ $# -gt 0 ]; do
    case $1 in
        --update) update=1 ;;
        --bin) shift; bin=${1:?--bin needs a path} ;;
        --bin=*) bin=${1#--bin=} ;;
        -h|--help) sed -n '2,15s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; exit 0 ;;
        -*) echo "run_golden.sh: unknown option $1" >&2; exit 2 ;;
        *) names+=("$(basename "$1")") ;;
    esac
    shift
done
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
if [ ! -x "$bin" ]; then
    echo "run_golden.sh: no binary at $bin (build first, or give --bin)" >&2
    exit 2
fi
if [ ${#names[@]} -eq 0 ]; then
    for d in "$here"/*/; do
        [ -f "$d/cmd" ] && names+=("$(basename "$d")")
    done
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0
for name in "${names[@]}"; do
    dir=$here/$name
    if [ ! -f "$dir/cmd" ]; then
        echo "FAIL $name: no $dir/cmd"
        failed=$((failed + 1))
        continue
    fi
    cmd=$(head -n 1 "$dir/cmd")
    if [[ " $cmd" =~ [[:space:]\(\;\|\&]stayput([[:space:]]|$) ]]; then
        line=$cmd
    else
        line="stayput $cmd"
    fi
    input=/dev/null
    [ -f "$dir/stdin" ] && input=$dir/stdin
    (
        cd "$root" || exit 99
        unset STAYPUT_RULES
        export LC_ALL=C CASE="tests/golden/$name" STAYPUT_BIN="$bin"
        exec bash -c 'stayput() { "$STAYPUT_BIN" "$@"; }
'"$line"
    ) <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
    echo $? >"$tmp/status"

    if [ $update -eq 1 ]; then
        cp "$tmp/stdout" "$tmp/stderr" "$tmp/status" "$dir/"
        echo "updated $name"
        continue
    fi
    ok=1
    for f in status stdout stderr; do
        if [ ! -f "$dir/$f" ]; then
            echo "FAIL $name: no expected $f (run with --update to record it)"
            ok=0
        elif ! cmp -s "$dir/$f" "$tmp/$f"; then
            echo "FAIL $name: $f differs"
            diff -u --label "expected $name/$f" --label "actual $name/$f" "$dir/$f" "$tmp/$f"
            ok=0
        fi
    done
    if [ $ok -eq 1 ]; then
        passed=$((passed + 1))
        echo "ok   $name"
    else
        failed=$((failed + 1))
        echo "     cmd: $cmd"
    fi
done
[ $update -eq 1 ] && exit 0
echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
