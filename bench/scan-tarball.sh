#!/usr/bin/env bash
# End-to-end scan benchmark: PackGuard on a real npm tarball against the floor, `gzip -dc` of the
# same tarball (PackGuard cannot be faster than decompressing it). Prints medians of several runs
# and the ratio. Usage:
#   bench/scan-tarball.sh [npm-name@version] [runs]
# Default: the incident release, @anthropic-ai/claude-code@2.1.88 (31 MB tarball, 59.7 MB map).
# READY_TO_RUN=1 benchmarks a ReadyToRun (precompiled) build, which starts ~50 ms faster.
set -euo pipefail

spec="${1:-@anthropic-ai/claude-code@2.1.88}"
runs="${2:-7}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$here/.work"
mkdir -p "$work"

name="${spec%@*}"
version="${spec##*@}"
registry="${NPM_CONFIG_REGISTRY:-https://registry.npmjs.org}"
registry="${registry%/}"
tarball="$work/$(echo "$name" | tr '/@' '__')-$version.tgz"
if [ ! -s "$tarball" ]; then
  url=$(curl -fsSL "$registry/${name/\//%2f}/$version" | grep -o '"tarball": *"[^"]*"' | head -1 | sed 's/.*"\(http[^"]*\)"/\1/')
  echo "downloading $url"
  curl -fsSL -o "$tarball" "$url"
fi

build=(-c Release -o "$work/bin" --nologo -v quiet)
if [ "${READY_TO_RUN:-0}" = 1 ]; then
  build+=(-r linux-x64 --self-contained false -p:PublishReadyToRun=true)
  echo "building PackGuard (Release, ReadyToRun)"
else
  echo "building PackGuard (Release)"
fi
rm -rf "$work/bin"
dotnet publish "$here/../src/PackGuard.Cli" "${build[@]}" >/dev/null
packguard="$work/bin/packguard"

# One run: prints "<seconds> <peak RSS KiB>".
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/stderr.txt" || true
  tail -n 1 "$work/time.txt"
}

median() { sort -n | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# Warm the page cache and the runtime once, untimed.
gzip -dc "$tarball" >/dev/null
"$packguard" scan "$tarball" --format json --output "$work/report.json" >/dev/null 2>&1 || true

: >"$work/gzip.txt"; : >"$work/packguard.txt"
for _ in $(seq "$runs"); do
  measure gzip -dc "$tarball" >>"$work/gzip.txt"
  measure "$packguard" scan "$tarball" --format json --output "$work/report.json" >>"$work/packguard.txt"
done

gzip_s=$(cut -d' ' -f1 "$work/gzip.txt" | median)
pg_s=$(cut -d' ' -f1 "$work/packguard.txt" | median)
pg_kb=$(cut -d' ' -f2 "$work/packguard.txt" | median)
expanded=$(gzip -dc "$tarball" | wc -c)
largest=$(tar tzvf "$tarball" | awk '{ print $3 }' | sort -n | tail -1)

printf '%s: %s tarball, %s expanded, largest entry %s\n' "$spec" \
  "$(numfmt --to=si "$(stat -c %s "$tarball")")" "$(numfmt --to=si "$expanded")" "$(numfmt --to=si "$largest")"
printf 'runs: %s (medians)\n' "$runs"
printf '  gzip -dc          %6.2f s\n' "$gzip_s"
printf '  packguard scan    %6.2f s   peak RSS %s MB\n' "$pg_s" "$((${pg_kb%.*} / 1024))"
awk -v p="$pg_s" -v g="$gzip_s" 'BEGIN { printf "  ratio             %6.2fx the gzip -dc floor (goal: <= 1.5x)\n", p / g }'
awk -v k="$pg_kb" -v l="$largest" 'BEGIN { printf "  peak RSS          %6.2fx the largest entry (runtime included)\n", (k * 1024) / l }'
