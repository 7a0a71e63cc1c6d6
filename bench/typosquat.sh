#!/usr/bin/env bash
# Start-up cost of lookalike-name detection as a CLI run pays it: fresh processes of
# `PackGuard.Bench typosquat-check`, CPU time (user + system) and wall time, medians of several
# runs, against the same process checking nothing (an ecosystem without a list: runtime start-up
# only). Then the in-process figures (`PackGuard.Bench typosquat`). Usage:
#   bench/typosquat.sh [runs]
set -euo pipefail

runs="${1:-9}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work/typosquat"
mkdir -p "$work"
echo "building PackGuard.Bench (Release)"
dotnet build "$here/PackGuard.Bench" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
bench="$work/bin/PackGuard.Bench"

# Prints "<cpu seconds> <wall seconds>" of one run.
measure() {
  /usr/bin/time -f "%U %S %e" -o "$work/time.txt" "$bench" typosquat-check "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }' "$work/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

row() {
  local label="$1"; shift
  : >"$work/runs.txt"
  for _ in $(seq "$runs"); do measure "$@" >>"$work/runs.txt"; done
  printf "  %-58s CPU %6.0f ms   wall %6.0f ms\n" "$label" \
    "$(cut -d' ' -f1 "$work/runs.txt" | median | awk '{ print $1 * 1000 }')" \
    "$(cut -d' ' -f2 "$work/runs.txt" | median | awk '{ print $1 * 1000 }')"
}

echo "fresh processes, medians of $runs:"
row "no list (runtime start-up only)" none lodash
row "npm: one established name (reads the list)" npm react
row "npm: one lookalike (reads the list, builds the index)" npm crossenv
row "npm: the 2,318 packages of the test lockfile" npm "@$here/../tests/PackGuard.Core.Tests/Dependencies/Typosquatting/lockfile-names.txt"
row "pypi: one lookalike" pypi colourama
row "nuget: one lookalike" nuget Newtonsoft.Json.Core
echo
"$bench" typosquat --runs 5
