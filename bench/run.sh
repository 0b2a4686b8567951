#!/usr/bin/env bash
# The generator against Hugo 0.111 and the floor, side by side (issue #7). A benchmark, not a
# test: CI does not run it.
#
#   bench/run.sh                       10,000 issues over 38 provinces, 3 alternating rounds
#   RUNS=5 ISSUES=2000 bench/run.sh    other sizes
#   LARGE=100000 bench/run.sh          also the same site at 100,000 issues (issue #20)
#
# Installs what is missing (Debian's hugo and time), builds the generator in release, writes
# the synthetic site once into $BENCH_DIR (bench/gen_content.py, reused while its arguments
# and the script are unchanged), then runs, RUNS times in turn:
#   generator       `generator build` over its previous output (the usual rebuild: the
#                   previous build and its spare exist; see generator/src/output.rs), search
#                   index included (built in-process, generator/src/render/search/)
#   generator-cold  the same with no previous output or spare (removed before the timing)
#   hugo            `hugo --quiet` over its previous output (Hugo's default: it overwrites)
#   hugo-cold       the same into an empty folder (removed before the timing)
#   floor           read every content file, pulldown-cmark every body, write the same files
#                   with the same sizes as the generator wrote, over the previous floor output
#                   (generator/examples/floor.rs)
# and prints, for each, the median wall time, CPU time (user+sys) and peak RSS, measured by
# /usr/bin/time, then the ratios generator / Hugo (warm and cold) and generator / floor, and
# what a visitor's first query downloads of the search index (bench/search-payload.mjs, needs
# scripts/setup.sh for Chromium).
# With LARGE set, it then writes the site at LARGE issues (into $BENCH_DIR-$LARGE) and runs the
# generator (into an empty folder, then again over that output) and the floor there, RUNS_LARGE times
# (default 1; Hugo is left out: it takes 2.5 GB at 10,000 issues), and prints how wall time and
# peak RSS grow from ISSUES to LARGE, and the query's download at that size.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${RUNS:-3}
ISSUES=${ISSUES:-10000}
PROVINCES=${PROVINCES:-38}
SEED=${SEED:-42}
BENCH_DIR=${BENCH_DIR:-${TMPDIR:-/tmp}/winner-bench}
AS_OF=2023-06-01

need_apt() { # command package
    command -v "$1" >/dev/null 2>&1 && return
    echo "installing $2 (apt-get)" >&2
    apt-get install -y "$2" >/dev/null || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}
need_apt hugo hugo
[ -x /usr/bin/time ] || need_apt /usr/bin/time time

echo "building the generator (release)" >&2
cargo build --quiet --release -p generator --bin generator --example floor --manifest-path "$ROOT/Cargo.toml"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
GEN="$TARGET/release/generator"
FLOOR="$TARGET/release/examples/floor"

synthetic_site() { # synthetic_site DIR ISSUES: written once, kept while its arguments and the script are the same
    local stamp
    stamp="$2 $PROVINCES $SEED $(sha256sum "$ROOT/bench/gen_content.py" | cut -c1-16)"
    if [ "$(cat "$1/.stamp" 2>/dev/null)" != "$stamp" ]; then
        echo "writing the synthetic site with $2 issues into $1" >&2
        python3 "$ROOT/bench/gen_content.py" "$1" --issues "$2" --provinces "$PROVINCES" --seed "$SEED" >&2
        echo "$stamp" >"$1/.stamp"
    fi
}
synthetic_site "$BENCH_DIR" "$ISSUES"
OUT="$BENCH_DIR/out"
mkdir -p "$OUT"
RESULTS="$OUT/results.tsv"
: >"$RESULTS"

measure() { # name command...
    local name=$1 wall user sys rss cpu load
    shift
    sync
    load=$(cut -d' ' -f1 /proc/loadavg)
    /usr/bin/time -o "$OUT/$name.time" -f '%e %U %S %M' "$@" >"$OUT/$name.log" 2>&1 \
        || { echo "$name failed; see $OUT/$name.log" >&2; exit 1; }
    read -r wall user sys rss <"$OUT/$name.time"
    cpu=$(python3 -c "print(round($user + $sys, 2))")
    printf '%s\t%s\t%s\t%s\t%s\n' "$name" "$wall" "$cpu" "$rss" "$load" >>"$RESULTS"
    printf '  %-15s %6.2f s wall  %6.2f CPU-s  %5d MiB  (load before: %s)\n' "$name" "$wall" "$cpu" "$((rss / 1024))" "$load" >&2
}

gen_build() { # gen_build OUT [SITE_DIR]
    measure "$1" env GENERATOR_LOG=generator=debug "$GEN" build --content "${2:-$BENCH_DIR}/content" \
        --theme "$ROOT/themes/default" --out "$OUT/$1" --base-url https://winner.example --as-of "$AS_OF"
}
hugo_build() { # hugo_build NAME OUT
    measure "$1" bash -c "cd '$BENCH_DIR/hugo' && hugo --quiet -d '$2'"
}
for round in $(seq 1 "$RUNS"); do
    echo "round $round of $RUNS" >&2
    gen_build generator
    hugo_build hugo "$OUT/hugo"
    rm -rf "$OUT/generator-cold" "$OUT/.generator-cold.spare" "$OUT/hugo-cold"
    gen_build generator-cold
    hugo_build hugo-cold "$OUT/hugo-cold"
    measure floor "$FLOOR" "$BENCH_DIR/content" "$OUT/floor" "$OUT/generator"
done

files=$(find "$OUT/generator" -type f | wc -l)
bytes=$(find "$OUT/generator" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
gen_pages=$(find "$OUT/generator" -name '*.html' -not -path '*/pagefind/*' | wc -l)
hugo_pages=$(find "$OUT/hugo" -name '*.html' | wc -l)
grep -h "search index\|loaded in\|rendered in" "$OUT/generator.log" | sed 's/^/generator (last run): /'
python3 - "$RESULTS" "$gen_pages" "$hugo_pages" "$files" "$bytes" <<'EOF'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
med = {}
for name in ("generator", "hugo", "generator-cold", "hugo-cold", "floor"):
    r = [x for x in rows if x[0] == name]
    med[name] = tuple(statistics.median(float(x[i]) for x in r) for i in (1, 2, 3))
gen_pages, hugo_pages, files, size = sys.argv[2:]
print(f"generator output: {gen_pages} HTML pages, {files} files, {int(size) / 1e6:.0f} MB (with the search index); hugo: {hugo_pages} HTML pages")
print(f"{'':15} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB':>13}   (medians of {len(rows) // len(med)} runs)")
for name, (w, c, m) in med.items():
    print(f"{name:15} {w:8.2f} {c:8.2f} {m / 1024:13.0f}")
def ratio(label, a, b, note=""):
    print(f"{label:27} wall {a[0] / b[0]:.3f}  CPU {a[1] / b[1]:.3f}  RSS {a[2] / b[2]:.3f}   {note}")
ratio("generator / hugo", med["generator"], med["hugo"], "(targets: wall <= 0.15, RSS <= 0.15)")
ratio("generator-cold / hugo-cold", med["generator-cold"], med["hugo-cold"])
ratio("generator / floor", med["generator"], med["floor"], "(aim: wall <= 2)")
EOF

payload() { # payload SITE_OUT
    if [ -d "$ROOT/tests/e2e/node_modules" ]; then
        node "$ROOT/bench/search-payload.mjs" "$1"
    else
        echo "search payload: skipped (run scripts/setup.sh for Chromium and playwright-core)"
    fi
}
echo "a first query's download at $ISSUES issues:"
payload "$OUT/generator"

[ -n "${LARGE:-}" ] || exit 0
LARGE_DIR="$BENCH_DIR-$LARGE"
synthetic_site "$LARGE_DIR" "$LARGE"
for round in $(seq 1 "${RUNS_LARGE:-1}"); do
    echo "at $LARGE issues, round $round of ${RUNS_LARGE:-1}" >&2
    rm -rf "$OUT/generator-large" "$OUT/.generator-large.spare"
    gen_build generator-large-cold "$LARGE_DIR"
    mv "$OUT/generator-large-cold" "$OUT/generator-large"
    gen_build generator-large "$LARGE_DIR"
    measure floor-large "$FLOOR" "$LARGE_DIR/content" "$OUT/floor-large" "$OUT/generator-large"
done
grep -h "search index\|loaded in\|rendered in" "$OUT/generator-large.log" | sed 's/^/generator at '"$LARGE"' (last run): /'
python3 - "$RESULTS" "$ISSUES" "$LARGE" <<'EOF2'
import statistics, sys
rows = [l.split("\t") for l in open(sys.argv[1]).read().splitlines()]
small, large = sys.argv[2:]
def med(name):
    r = [x for x in rows if x[0] == name]
    return tuple(statistics.median(float(x[i]) for x in r) for i in (1, 2, 3))
print(f"{'':15} {'wall s':>8} {'CPU s':>8} {'peak RSS MiB':>13}")
for name in ("generator", "generator-large", "generator-cold", "generator-large-cold", "floor", "floor-large"):
    w, c, m = med(name)
    print(f"{name:15} {w:8.2f} {c:8.2f} {m / 1024:13.0f}")
def growth(label, a, b, note=""):
    print(f"{label:28} wall x{b[0] / a[0]:.2f}  CPU x{b[1] / a[1]:.2f}  peak RSS {a[2] / 1024:.0f} -> {b[2] / 1024:.0f} MiB   {note}")
print(f"from {small} to {large} issues:")
growth("generator (over its output)", med("generator"), med("generator-large"), "(targets: wall <= x11, RSS <= 1536 MiB)")
growth("generator (empty folder)", med("generator-cold"), med("generator-large-cold"))
growth("floor", med("floor"), med("floor-large"))
EOF2
echo "a first query's download at $LARGE issues:"
payload "$OUT/generator-large"
