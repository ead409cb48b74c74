#!/usr/bin/env bash
# Receipts of the bundled examples: each examples/*-case.json is decided with
# --receipt by its council (one case, with --trace, and all of them as a batch
# on two threads), and `stayput verify` must find every receipt identical, by
# the council it names. Then a copied rules/ tree with one figure changed:
# verify must name the outputs that changed and exit 1.
#
# usage: verify_examples.sh STAYPUT_BINARY   (run from the repository root)
set -u
bin=${1:?usage: verify_examples.sh STAYPUT_BINARY}
case $bin in /*) ;; *) bin=$PWD/$bin ;; esac
unset STAYPUT_RULES
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "FAIL: $*"; failed=$((failed + 1)); }

# verify FILE [ARGS...]: must exit 0 and say "identical"
expect_identical() {
    local receipt=$1
    shift
    local out rc
    out=$("$bin" verify "$@" "$receipt" 2>&1)
    rc=$?
    if [ $rc -ne 0 ] || ! grep -q '^identical: ' <<<"$out"; then
        fail "verify $* $receipt: exit $rc"
        echo "$out"
    fi
}

n=0
: >"$tmp/batch.jsonl"
for c in examples/*-case.json; do
    council=$(basename "$c" -case.json)
    "$bin" eval --council "$council" --receipt "$c" >"$tmp/$council.json" || fail "eval --receipt $c"
    expect_identical "$tmp/$council.json"
    "$bin" eval --council "$council" --trace --receipt "$c" >"$tmp/$council-trace.json" ||
        fail "eval --trace --receipt $c"
    expect_identical "$tmp/$council-trace.json"
    # a receipt is read as JSON, not as bytes: pretty-printed, it still holds
    if command -v python3 >/dev/null; then
        python3 -m json.tool "$tmp/$council.json" >"$tmp/$council-pretty.json"
        expect_identical "$tmp/$council-pretty.json"
    fi
    n=$((n + 1))
done
[ $n -gt 0 ] || fail "no examples/*-case.json"

# A batch per council, on two threads: each output line is a receipt.
for c in examples/*-case.json; do
    council=$(basename "$c" -case.json)
    tr -d '\n' <"$c" >"$tmp/$council.jsonl"
    printf '\n' >>"$tmp/$council.jsonl"
    cat "$tmp/$council.jsonl" "$tmp/$council.jsonl" >"$tmp/$council-2.jsonl"
    "$bin" eval --council "$council" --receipt --jobs 2 --batch "$tmp/$council-2.jsonl" >"$tmp/$council-out.jsonl" ||
        fail "eval --batch --receipt for $council"
    lines=0
    while IFS= read -r line; do
        lines=$((lines + 1))
        printf '%s\n' "$line" >"$tmp/line.json"
        expect_identical "$tmp/line.json"
    done <"$tmp/$council-out.jsonl"
    [ $lines -eq 2 ] || fail "batch for $council gave $lines lines, not 2"
done

# A copied rules tree in which one figure of the annual payments table changes:
# the west-berkshire example (aged 19) is paid from the 19_20 band.
cp -r rules "$tmp/rules"
sed -i 's/^  19_20: 276\.79$/  19_20: 280.00/' "$tmp/rules/west-berkshire/payments.sp"
if cmp -s rules/west-berkshire/payments.sp "$tmp/rules/west-berkshire/payments.sp"; then
    fail "the figure to change was not found in rules/west-berkshire/payments.sp"
fi
for how in policy council; do
    if [ $how = policy ]; then
        out=$("$bin" verify --policy "$tmp/rules/west-berkshire" "$tmp/west-berkshire.json" 2>&1)
    else
        out=$(STAYPUT_RULES=$tmp/rules "$bin" verify "$tmp/west-berkshire.json" 2>&1)
    fi
    rc=$?
    if [ $rc -ne 1 ] || ! grep -q '^digest differs: ' <<<"$out" ||
        ! grep -q '^output weekly_total_to_carer differs$' <<<"$out" ||
        ! grep -q '^  value: was "276.79", now "280.00"$' <<<"$out" ||
        ! grep -q '^output weekly_council_payment differs$' <<<"$out" ||
        ! grep -q '^differs: 2 of [0-9]* outputs are not as the receipt says: weekly_total_to_carer, weekly_council_payment$' <<<"$out"; then
        fail "verify by $how after a changed figure: exit $rc"
        echo "$out"
    fi
done
# The other councils do not read that table: their receipts still hold, and
# a copy of the unchanged calderdale policy (which extends england) too.
expect_identical "$tmp/calderdale.json" --policy "$tmp/rules/calderdale"

echo "$n example cases; $failed failed"
[ $failed -eq 0 ]
