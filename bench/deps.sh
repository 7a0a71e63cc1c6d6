#!/usr/bin/env bash
# `packguard deps` end to end, as a process, on real lockfiles: wall and CPU time, medians of
# several runs, against lockfile-lint (npm, the usual lockfile gate) checking the same file for
# https, allowed hosts, integrity and package names, interleaved in the same rounds. lockfile-lint
# checks less (no lookalike names, no confusion): the ratio says what PackGuard's extra checks cost
# against a tool teams already accept in CI. Usage:
#   bench/deps.sh [runs]
set -euo pipefail

runs="${1:-7}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work/deps"
real="$here/../tests/PackGuard.Core.Tests/Dependencies/Real"
mkdir -p "$work/bin" "$work/big-npm" "$work/big-pnpm" "$work/yarn-classic"
echo "building PackGuard (Release)"
dotnet build "$here/../src/PackGuard.Cli" -c Release -o "$work/bin" --nologo -v quiet >/dev/null
packguard="$work/bin/packguard"
if [ ! -x "$work/node_modules/.bin/lockfile-lint" ]; then
  echo "installing lockfile-lint into $work"
  (cd "$work" && npm install --no-save --silent --ignore-scripts lockfile-lint@4 >/dev/null)
fi
lint="$work/node_modules/.bin/lockfile-lint"
gunzip -c "$real/big-npm.package-lock.json.gz" >"$work/big-npm/package-lock.json"
gunzip -c "$real/big-pnpm-9.0.pnpm-lock.yaml.gz" >"$work/big-pnpm/pnpm-lock.yaml"
gunzip -c "$real/yarn-classic.yarn.lock.gz" >"$work/yarn-classic/yarn.lock"

# Prints "<cpu seconds> <wall seconds>" of one run (exit status ignored: findings are not failures here).
measure() {
  /usr/bin/time -f "%U %S %e" -o "$work/time.txt" "$@" >/dev/null 2>&1 || true
  # time writes "Command exited with non-zero status N" first when the command fails.
  tail -n 1 "$work/time.txt" | awk '{ printf "%.3f %.3f\n", $1 + $2, $3 }'
}

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

compare() {
  local label="$1" file="$2" type="$3"
  : >"$work/pg.txt"; : >"$work/lint.txt"
  for _ in $(seq "$runs"); do
    measure "$packguard" deps "$file" --format json >>"$work/pg.txt"
    measure "$lint" --path "$file" --type "$type" --allowed-hosts npm yarn --validate-https --validate-integrity --validate-package-names >>"$work/lint.txt"
  done
  local pg lint pgcpu lintcpu
  pg=$(cut -d' ' -f2 "$work/pg.txt" | median); lint=$(cut -d' ' -f2 "$work/lint.txt" | median)
  pgcpu=$(cut -d' ' -f1 "$work/pg.txt" | median); lintcpu=$(cut -d' ' -f1 "$work/lint.txt" | median)
  printf "  %-44s packguard %5.0f ms (CPU %5.0f)   lockfile-lint %5.0f ms (CPU %5.0f)   ratio %.2fx\n" \
    "$label" "$(awk -v v="$pg" 'BEGIN { print v * 1000 }')" "$(awk -v v="$pgcpu" 'BEGIN { print v * 1000 }')" \
    "$(awk -v v="$lint" 'BEGIN { print v * 1000 }')" "$(awk -v v="$lintcpu" 'BEGIN { print v * 1000 }')" \
    "$(awk -v a="$pg" -v b="$lint" 'BEGIN { print a / b }')"
}

echo "fresh processes, medians of $runs, wall (CPU):"
compare "package-lock.json, 2,328 packages" "$work/big-npm/package-lock.json" npm
compare "yarn.lock (Yarn 1), 362 packages" "$work/yarn-classic/yarn.lock" yarn
echo "  pnpm-lock.yaml, 2,343 packages (lockfile-lint does not read pnpm):"
: >"$work/pg.txt"
for _ in $(seq "$runs"); do measure "$packguard" deps "$work/big-pnpm/pnpm-lock.yaml" --format json >>"$work/pg.txt"; done
printf "  %-44s packguard %5.0f ms\n" "" "$(cut -d' ' -f2 "$work/pg.txt" | median | awk '{ print $1 * 1000 }')"
