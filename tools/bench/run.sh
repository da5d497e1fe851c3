#!/usr/bin/env bash
# tools/bench/run.sh: the corpus-scale benchmarks of BENCHMARKS.md, in one run.
#
#   tools/bench/run.sh            # from anywhere; rewrites the results section of BENCHMARKS.md
#
# Builds bitext and the benchmarks (Release) in $BUILD (default build-perf),
# generates the corpora into a temporary folder (deleted at the end unless
# KEEP=1), and measures, interleaving the contenders run by run:
#   (a) `bitext segment` against ICU's bare sentence BreakIterator
#       (`corpus_bench icu`) on the same $SEG_MB MB file, end to end, plus
#       the in-process stage times (`corpus_bench segment`);
#   (b) glossary matching with 1k against 100k terms (`glossary_bench`);
#   (c) `bitext update` + `bitext build` of a $UNITS-unit document against
#       translate-toolkit's `po2tmx` on the same en.po (wall time, CPU time,
#       peak RSS from /usr/bin/time);
#   (d) `bitext segment` at $SCALE_MB MB (time per MB).
# Medians over $RUNS runs ($BUILD_RUNS for update and build, $PO2TMX_RUNS for
# po2tmx, which is slow).
# Only the part of BENCHMARKS.md between the "results" markers is replaced;
# the analysis around it is kept.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD="${BUILD:-$ROOT/build-perf}"
RUNS="${RUNS:-7}"
BUILD_RUNS="${BUILD_RUNS:-5}"
PO2TMX_RUNS="${PO2TMX_RUNS:-3}"
GLOSSARY_RUNS="${GLOSSARY_RUNS:-3}"
UNITS="${UNITS:-100000}"
SEG_MB="${SEG_MB:-20}"
SCALE_MB="${SCALE_MB:-10 20 50}"
SEED="${SEED:-20230609}"
OUT_MD="${OUT_MD:-$ROOT/BENCHMARKS.md}"
PY=/usr/bin/python3

WORK="$(mktemp -d "${TMPDIR:-/tmp}/bitext-bench.XXXXXX")"
if [[ "${KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; fi
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

log "building (Release) in $BUILD"
cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DBITEXT_BUILD_BENCH=ON \
  ${CMAKE_ARGS:-} >"$WORK/cmake.log" 2>&1 || { cat "$WORK/cmake.log"; exit 1; }
cmake --build "$BUILD" -j"${JOBS:-2}" --target bitext corpus_bench glossary_bench \
  >"$WORK/build.log" 2>&1 || { tail -50 "$WORK/build.log"; exit 1; }
BITEXT="$BUILD/bitext"
CB="$BUILD/corpus_bench"

# measure KEY CMD...: one run of CMD (stdout discarded); appends
# "KEY wall_s user_s sys_s maxrss_kb" to raw.tsv (see measure.py).
measure() {
  "$PY" "$ROOT/tools/bench/measure.py" "$1" "$WORK/raw.tsv" "$WORK" "${@:2}" || exit 1
}

# --- corpora ---------------------------------------------------------------
log "generating corpora into $WORK"
for mb in $(printf '%s\n' $SEG_MB $SCALE_MB | sort -un); do
  "$CB" corpus --mb "$mb" --seed "$SEED" "$WORK/ko-${mb}mb.txt" 2>>"$WORK/gen.log"
  printf 'corpus_bytes\t%s\t%s\n' "$mb" "$(stat -c %s "$WORK/ko-${mb}mb.txt")" >>"$WORK/facts.tsv"
done
DOC="$WORK/translations/synthetic-${UNITS}"
"$CB" document --units "$UNITS" --seed "$SEED" "$DOC" 2>>"$WORK/gen.log"
"$BITEXT" update "$DOC" >>"$WORK/gen.log"
"$CB" fill-po --seed "$SEED" "$DOC/en.po" 2>>"$WORK/gen.log"
cat "$WORK/gen.log" >&2
printf 'doc_bytes\t%s\n' "$(stat -c %s "$DOC/ko.txt")" >>"$WORK/facts.tsv"
printf 'po_bytes\t%s\n' "$(stat -c %s "$DOC/en.po")" >>"$WORK/facts.tsv"
printf 'units\t%s\n' "$("$BITEXT" segment "$DOC/ko.txt" | grep -c .)" >>"$WORK/facts.tsv"

# Warm the page cache and check that everything runs.
cat "$WORK"/ko-*.txt "$DOC"/* >/dev/null

# --- (a) segment vs bare ICU on the same file ------------------------------
SEG_FILE="$WORK/ko-${SEG_MB}mb.txt"
log "(a) bitext segment vs bare ICU on ${SEG_MB} MB, $RUNS runs each"
"$BITEXT" segment "$SEG_FILE" | grep -c . | sed 's/^/seg_units\t/' >>"$WORK/facts.tsv"
"$CB" icu "$SEG_FILE" | grep -c . | sed 's/^/icu_sentences\t/' >>"$WORK/facts.tsv"
for ((i = 0; i < RUNS; i++)); do
  measure icu_cli "$CB" icu "$SEG_FILE"
  measure segment_cli "$BITEXT" segment "$SEG_FILE"
done
"$CB" segment --runs "$RUNS" "$SEG_FILE" >"$WORK/stages.tsv"

# --- (b) glossary 1k vs 100k terms -----------------------------------------
log "(b) glossary_bench, $GLOSSARY_RUNS runs"
for ((i = 0; i < GLOSSARY_RUNS; i++)); do
  "$BUILD/glossary_bench" >>"$WORK/glossary.txt" || true
done

# --- (c) update + build vs po2tmx ------------------------------------------
log "(c) bitext update + build of $UNITS units ($BUILD_RUNS runs) vs po2tmx ($PO2TMX_RUNS runs)"
for ((i = 0; i < BUILD_RUNS; i++)); do
  measure update "$BITEXT" update "$DOC"
  measure build "$BITEXT" build "$DOC" --out "$WORK/out" --quiet
  measure build1 "$BITEXT" build "$DOC" --out "$WORK/out1" --quiet --threads 1
done
diff -r "$WORK/out" "$WORK/out1" >/dev/null || { echo "one and two threads differ" >&2; exit 1; }
for ((i = 0; i < PO2TMX_RUNS; i++)); do
  measure po2tmx po2tmx --progress=none --source-language=ko -l en -i "$DOC/en.po" -o "$WORK/po2tmx.tmx"
done
printf 'tmx_tu_bitext\t%s\n' "$(grep -o '<tu[ >]' "$WORK/out/synthetic-${UNITS}.tmx" | wc -l)" >>"$WORK/facts.tsv"
printf 'tmx_tu_po2tmx\t%s\n' "$(grep -o '<tu[ >]' "$WORK/po2tmx.tmx" | wc -l)" >>"$WORK/facts.tsv"
printf 'outputs\t%s\n' "$(ls "$WORK/out" | tr '\n' ' ')" >>"$WORK/facts.tsv"
printf 'outputs_bytes\t%s\n' "$(cat "$WORK"/out/* | wc -c)" >>"$WORK/facts.tsv"

# --- (d) scaling ------------------------------------------------------------
log "(d) bitext segment at $SCALE_MB MB, $RUNS runs each"
for ((i = 0; i < RUNS; i++)); do
  for mb in $SCALE_MB; do
    measure "scale_$mb" "$BITEXT" segment "$WORK/ko-${mb}mb.txt"
  done
done

# --- machine ----------------------------------------------------------------
{
  printf 'nproc\t%s\n' "$(nproc)"
  printf 'cpu\t%s\n' "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  printf 'ram\t%s\n' "$(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  printf 'os\t%s\n' "$(. /etc/os-release && echo "$PRETTY_NAME"), Linux $(uname -r)"
  printf 'compiler\t%s\n' "$("$(grep -m1 '^CMAKE_CXX_COMPILER:' "$BUILD/CMakeCache.txt" | cut -d= -f2)" --version | head -1)"
  printf 'build_type\t%s\n' "$(grep -m1 '^CMAKE_BUILD_TYPE:' "$BUILD/CMakeCache.txt" | cut -d= -f2)"
  printf 'icu\t%s\n' "$(pkg-config --modversion icu-uc 2>/dev/null || echo '?')"
  printf 'po2tmx\t%s\n' "$(po2tmx --version 2>&1 | head -1)"
  printf 'loadavg\t%s\n' "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'date\t%s\n' "$(date -u +%Y-%m-%d)"
  printf 'commit\t%s\n' "$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')"
  printf 'dirty\t%s\n' "$(git -C "$ROOT" status --porcelain --untracked-files=no 2>/dev/null | wc -l)"
} >>"$WORK/facts.tsv"

log "writing $OUT_MD"
"$PY" "$ROOT/tools/bench/report.py" "$WORK" "$OUT_MD" \
  "RUNS=$RUNS BUILD_RUNS=$BUILD_RUNS PO2TMX_RUNS=$PO2TMX_RUNS GLOSSARY_RUNS=$GLOSSARY_RUNS UNITS=$UNITS SEG_MB=$SEG_MB SCALE_MB='$SCALE_MB'"
if [[ "${KEEP:-0}" == 1 ]]; then log "kept $WORK"; fi
