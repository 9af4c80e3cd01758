#!/usr/bin/env bash
# Late-usage records, measured on the real jar: bench/late-usage.sh JAR INPUT_DIR
# (INPUT_DIR from `generate --customers 10000 --events 1000000 --period 2026-10 --seed 42`).
# Runs a draft and a final of 2026-10, then a 2026-11 draft on the same directory, each on a fresh H2 database in a
# temp dir, and prints readUsage's figures. The October draft gets a database of its own and both drafts are killed
# once checkUsage (the last usage step) has completed (rendering 9,003 PDFs tells nothing here; a stopped draft would hold up the final).
set -uo pipefail
JAR=$(realpath "$1"); INPUT=$(realpath "$2")
D=$(mktemp -d /tmp/tokenbill-late-usage-XXXX)
export TOKENBILL_LOG=$D/tokenbill.log
cd "$D"
for run in "--period 2026-10 --draft" "--period 2026-10 --final" "--period 2026-11 --draft"; do
  name=$(echo "$run" | tr -d ' -')
  if [[ $name == period202610draft ]]; then export TOKENBILL_DB=$D/draftdb/tokenbill; else export TOKENBILL_DB=$D/db/tokenbill; fi
  echo "== $run (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  java -Xmx1g -jar "$JAR" run $run --input "$INPUT" --output "$D/out" > "$D/$name.console" 2>&1 &
  pid=$!
  if [[ $run == *draft* ]]; then
    until grep -qs "checkUsage\] executed" "$D/$name.console" || ! kill -0 $pid 2>/dev/null; do sleep 1; done
    kill -9 $pid 2>/dev/null
  fi
  wait $pid 2>/dev/null
  grep -E "checkUsage\] executed|billed by the final|usage pass 1: |usage: [0-9]+ rows:" "$D/$name.console"
done
echo "(files in $D)"
