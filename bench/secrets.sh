#!/usr/bin/env bash
# Secret-scan throughput: PackGuard's full rule set against secretlint (npm) and ripgrep searching
# the rule keywords, on the same files, in the same run. Usage:
#   bench/secrets.sh [runs]            (default 5; each tool runs once per round, rounds interleaved)
#
# Corpora, built on first use in bench/.work/corpus/ (ignored by git) from npm registry tarballs:
#   (a) the incident release's bundle and map: cli.js (13 MB) and cli.js.map (59.7 MB) of
#       @anthropic-ai/claude-code@2.1.88;
#   (b) the full contents of several large real packages (about 620 MB, 17,000 files), two of
#       them native binaries.
# What this script installs, all inside bench/.work/: secretlint and its recommended preset (npm,
# pinned below), and ripgrep: the ripgrep 14.1.1 binary that the claude-code tarball vendors for
# x64 Linux, so no system package is needed (RG=/path/to/rg uses another; where that binary cannot
# be had, `rg` on PATH).
#
# Figures: bytes are the sum of the files' sizes (MB = 10^6 bytes), the same for every tool.
# Wall is elapsed time; CPU is user + system time of the process (all its threads), the fairer
# per-core figure on a shared machine. secretlint's figures are net of Node start-up: its time on
# an empty file, measured in the same round, is subtracted. PackGuard is measured in-process with
# the files already in memory; ripgrep and secretlint read them from the page cache (warmed).
set -euo pipefail

runs="${1:-5}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
corpus="$work/corpus"
results="$work/secrets-results"
mkdir -p "$work/tarballs" "$corpus" "$results"

claude_code="@anthropic-ai/claude-code@2.1.88"
packages=(next@16.4.6 googleapis@188.0.0 aws-sdk@2.1693.0 firebase@13.2.0 typescript@5.6.3
  @esbuild/linux-x64@0.28.2 @swc/core-linux-x64-gnu@1.16.22)
secretlint_version=13.0.6
preset_version=13.0.7

# --- corpus -------------------------------------------------------------------------------------

# npm pack uses the registry the user's npm is configured for and checks the tarball's integrity.
fetch() { # <name@version> -> path of the tarball
  local file
  file="$work/tarballs/$(echo "${1#@}" | tr '/@' '--').tgz"
  if [ ! -s "$file" ]; then
    echo "downloading $1" >&2
    # npm names the tarball the same way: scope and name joined by '-', then the version.
    (cd "$work/tarballs" && npm pack --silent "$1" >/dev/null 2>&1)
    [ -s "$file" ] || { echo "npm pack $1 did not produce $file" >&2; exit 3; }
  fi
  echo "$file"
}

if [ ! -s "$corpus/a/cli.js.map" ]; then
  rm -rf "$corpus/a" && mkdir -p "$corpus/a"
  tar xzf "$(fetch "$claude_code")" -C "$corpus/a" --strip-components=1 package/cli.js package/cli.js.map
fi
if [ ! -e "$corpus/b/.complete" ]; then
  rm -rf "$corpus/b" && mkdir -p "$corpus/b"
  for spec in "${packages[@]}"; do
    dir="$corpus/b/$(echo "${spec#@}" | tr '/@' '--')"
    mkdir -p "$dir"
    tar xzf "$(fetch "$spec")" -C "$dir" --strip-components=1
  done
  # A marker outside the scanned tree: no tool sees it (every tool is given the package folders).
  touch "$corpus/b/.complete"
fi
mkdir -p "$work/empty" && : >"$work/empty/empty.txt"

# --- tools --------------------------------------------------------------------------------------

echo "building PackGuard.Bench (Release)" >&2
dotnet publish "$here/PackGuard.Bench" -c Release -o "$work/bench-bin" --nologo -v quiet >/dev/null
bench() { dotnet "$work/bench-bin/PackGuard.Bench.dll" "$@"; }

secretlint_dir="$work/secretlint"
if [ ! -x "$secretlint_dir/node_modules/.bin/secretlint" ] ||
  ! grep -q "\"version\": \"$secretlint_version\"" "$secretlint_dir/node_modules/secretlint/package.json"; then
  echo "installing secretlint@$secretlint_version with npm into $secretlint_dir" >&2
  mkdir -p "$secretlint_dir"
  echo '{ "private": true }' >"$secretlint_dir/package.json"
  (cd "$secretlint_dir" && npm install --silent --no-audit --no-fund \
    "secretlint@$secretlint_version" "@secretlint/secretlint-rule-preset-recommend@$preset_version" >/dev/null 2>&1)
fi
cat >"$secretlint_dir/.secretlintrc.json" <<'EOF'
{
  "rules": [
    { "id": "@secretlint/secretlint-rule-preset-recommend" }
  ]
}
EOF

rg="${RG:-}"
if [ -z "$rg" ]; then
  rg="$work/tools/rg"
  if [ ! -x "$rg" ]; then
    mkdir -p "$work/tools"
    tar xzf "$(fetch "$claude_code")" -C "$work/tools" --strip-components=4 package/vendor/ripgrep/x64-linux/rg 2>/dev/null &&
      chmod +x "$rg" || rg="$(command -v rg || true)"
  fi
fi
if [ -z "$rg" ] || ! "$rg" --version >/dev/null 2>&1; then
  echo "no usable ripgrep: set RG=/path/to/rg or install it (apt-get install ripgrep)" >&2
  exit 2
fi

# The literals the engine searches for, from the catalog: case-sensitive ones (token prefixes,
# signatures) and case-insensitive ones (markers and their encoded forms, context words).
bench secret-keywords >"$results/keywords.tsv"
awk -F'\t' '$2 == "cs" { print $3 }' "$results/keywords.tsv" >"$results/keywords-cs.txt"
awk -F'\t' '$2 == "ci" { print $3 }' "$results/keywords.tsv" >"$results/keywords-ci.txt"

# --- measuring ----------------------------------------------------------------------------------

corpus_a=("$corpus/a/cli.js" "$corpus/a/cli.js.map")
mapfile -t corpus_b < <(find "$corpus/b" -mindepth 1 -maxdepth 1 -type d | sort)

# Sizes as every tool sees them: regular files, symbolic links not followed.
bytes_of() { find "$@" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
files_of() { find "$@" -type f | wc -l; }

# One timed command: appends "<wall> <cpu>" (seconds) to $1; stdout goes to $2.
TIMEFORMAT='%3R %3U %3S'
timed() {
  local log="$1" out="$2" status times
  shift 2
  set +e
  times=$({ time "$@" >"$out" 2>"$results/stderr.txt"; } 2>&1)
  status=$?
  set -e
  echo "$times" | awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' >>"$log"
  return "$status"
}

# secretlint: one glob per input, relative to its own folder (where its config and preset are).
# --no-gitignore: bench/.work is git-ignored, and secretlint 13 honours .gitignore by default.
secretlint_run() { # <out> <path>...
  local out="$1" globs=() path
  shift
  for path in "$@"; do
    if [ -d "$path" ]; then globs+=("$(realpath --relative-to="$secretlint_dir" "$path")/**/*")
    else globs+=("$(realpath --relative-to="$secretlint_dir" "$path")"); fi
  done
  (cd "$secretlint_dir" && ./node_modules/.bin/secretlint --secretlintrc .secretlintrc.json --no-gitignore \
    --format unix --output "$out" "${globs[@]}")
}

# ripgrep: the case-sensitive and the case-insensitive literals are two searches; both are timed.
rg_count() { # <threads: 1 or 0 for default> <path>...
  local threads="$1" j=()
  shift
  [ "$threads" != 0 ] && j=(-j "$threads")
  { "$rg" --no-config "${j[@]}" --no-ignore --hidden -a -F --count-matches --no-filename -f "$results/keywords-cs.txt" "$@"
    "$rg" --no-config "${j[@]}" --no-ignore --hidden -a -F -i --count-matches --no-filename -f "$results/keywords-ci.txt" "$@"; } |
    awk '{ s += $1 } END { print s + 0 }'
}

measure_corpus() { # <key> <path>...
  local key="$1" log
  shift
  log="$results/$key"
  rm -f "$log".*
  echo "corpus ($key): warming up" >&2
  cat "$@" >/dev/null 2>&1 || find "$@" -type f -exec cat {} + >/dev/null
  # Warm-up run of secretlint, also checking that it reads every file (its debug log names each).
  (cd "$secretlint_dir" && DEBUG='@secretlint/core' secretlint_run "$log.secretlint-warmup.txt" "$@" 2>"$log.secretlint-debug.txt") || true
  grep -c '@secretlint/core source filePath:' "$log.secretlint-debug.txt" >"$log.secretlint-files" || echo 0 >"$log.secretlint-files"
  rg_count 1 "$@" >/dev/null
  for round in $(seq "$runs"); do
    echo "corpus ($key): round $round of $runs" >&2
    bench secrets "$@" --runs 1 --warmup 1 --tsv >"$log.packguard.$round.tsv"
    timed "$log.secretlint-empty" "$log.secretlint-empty.out" secretlint_run "$log.secretlint-empty.txt" "$work/empty/empty.txt" || true
    if timed "$log.secretlint" "$log.secretlint.out" secretlint_run "$log.secretlint.txt" "$@"; then :; else
      echo "secretlint failed (exit $?) on corpus ($key): $(head -c 300 "$results/stderr.txt")" | tee -a "$log.secretlint-errors" >&2
    fi
    timed "$log.rg1" "$log.rg1.count" rg_count 1 "$@"
    timed "$log.rg" "$log.rg.count" rg_count 0 "$@"
  done
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "nan"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Median over rounds of a PackGuard figure: <key> <pass> <group> <column: 5 wall, 6 cpu, 7 hits>.
pg() { cat "$results/$1".packguard.*.tsv | awk -F'\t' -v p="$2" -v g="$3" -v c="$4" '$1 == p && $2 == g { print $c }' | median; }
# Median over rounds of a timed tool: <key> <tool> <column: 1 wall, 2 cpu>.
tool() { awk -v c="$3" '{ print $c }' "$results/$1.$2" | median; }
# secretlint net of start-up, round by round: <key> <column>.
secretlint_net() { paste -d' ' "$results/$1.secretlint" "$results/$1.secretlint-empty" | awk -v c="$2" '{ print $c - $(c + 2) }' | median; }

row() { # <label> <bytes> <wall s> <cpu s> <hits> <PackGuard wall s> <PackGuard cpu s>
  awk -v l="$1" -v b="$2" -v w="$3" -v c="$4" -v h="$5" -v pw="$6" -v pc="$7" 'BEGIN {
    mb = b / 1e6
    printf "  %-38s %8.3f %8.0f %8.3f %8.0f %9s %8.2fx %8.2fx\n", l, w, mb / w, c, mb / c, h, w / pw, c / pc }'
}

# Median MB/s of one group of PackGuard's engine: <key> <group> <column: 5 wall, 6 cpu>.
group_rate() {
  local bytes
  bytes=$(awk -F'\t' -v g="$2" '$1 == "engine" && $2 == g { print $4; exit }' "$results/$1".packguard.1.tsv)
  awk -v b="$bytes" -v t="$(pg "$1" engine "$2" "$3")" 'BEGIN { if (b > 0 && t > 0) printf "%.0f", b / 1e6 / t; else printf "-" }'
}

report() { # <key> <title> <path>...
  local key="$1" title="$2" bytes files sl_files
  shift 2
  bytes=$(bytes_of "$@")
  files=$(files_of "$@")
  sl_files=$(cat "$results/$key.secretlint-files")
  local pw pc
  pw=$(pg "$key" engine all 5)
  pc=$(pg "$key" engine all 6)
  echo
  printf 'corpus (%s) %s: %s files, %.2f MB\n' "$key" "$title" "$files" "$(awk -v b="$bytes" 'BEGIN { print b / 1e6 }')"
  printf '  %-38s %8s %8s %8s %8s %9s %9s %9s\n' "" "wall s" "MB/s" "CPU s" "MB/s/CPU" "hits" "PG x wall" "PG x CPU"
  row "PackGuard engine (1 thread)" "$bytes" "$pw" "$pc" "$(pg "$key" engine all 7)" "$pw" "$pc"
  row "PackGuard inspector (map-aware)" "$bytes" "$(pg "$key" inspector all 5)" "$(pg "$key" inspector all 6)" "$(pg "$key" inspector all 7)" "$pw" "$pc"
  row "secretlint $secretlint_version (net of start-up)" "$bytes" "$(secretlint_net "$key" 1)" "$(secretlint_net "$key" 2)" \
    "$(grep -cE '^/.*:[0-9]+:[0-9]+: ' "$results/$key.secretlint.txt" || true)" "$pw" "$pc"
  row "ripgrep keywords -j1" "$bytes" "$(tool "$key" rg1 1)" "$(tool "$key" rg1 2)" "$(head -n 1 "$results/$key.rg1.count")" "$pw" "$pc"
  row "ripgrep keywords (default threads)" "$bytes" "$(tool "$key" rg 1)" "$(tool "$key" rg 2)" "$(head -n 1 "$results/$key.rg.count")" "$pw" "$pc"
  printf '  PackGuard engine by group, MB/s wall / CPU:'
  for group in "maps, as text" text binary; do
    printf ' %s %s / %s;' "$group" "$(group_rate "$key" "$group" 5)" "$(group_rate "$key" "$group" 6)"
  done
  echo
  echo "  secretlint read $sl_files of $files files$([ -s "$results/$key.secretlint-errors" ] && echo "; it FAILED in $(wc -l <"$results/$key.secretlint-errors") round(s): see $results/$key.secretlint-errors")"
}

measure_corpus a "${corpus_a[@]}"
measure_corpus b "${corpus_b[@]}"

echo
echo "secret-scan throughput, medians of $runs rounds ($(date -u +%Y-%m-%d), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "secretlint $secretlint_version + @secretlint/secretlint-rule-preset-recommend $preset_version, node $(node --version); $("$rg" --version | head -n 1)"
echo "PG x: how many times faster PackGuard's engine is than the row (its time / the engine's time, same rounds)"
report a "claude-code 2.1.88 cli.js + cli.js.map" "${corpus_a[@]}"
report b "$(IFS=' '; echo "${packages[*]}")" "${corpus_b[@]}"
echo
echo "goal: PackGuard engine >= 500 MB/s on one core, and >= 10x secretlint"
