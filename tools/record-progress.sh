#!/bin/sh
# Records one draft run under a pseudo-terminal (script(1)) and the same run without a terminal (a pipe), and
# writes readable excerpts to docs/progress-terminal.txt and docs/progress-no-terminal.txt.
# Usage: tools/record-progress.sh [INPUT_DIR]  (default: a generated 600-customer, 60,000-event month)
set -eu
cd "$(dirname "$0")/.."
jar=$PWD/target/tokenbill.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
input=${1:-}
if [ -z "$input" ]; then
    input=$work/input
    java -jar "$jar" generate --customers 600 --events 60000 --period 2026-10 --seed 42 --output "$input" >/dev/null
fi
mkdir -p "$work/tty" "$work/pipe"
# on a terminal: script gives the JVM a pseudo-terminal, 100 columns wide
script -q -e -c "stty cols 100 rows 40; TOKENBILL_HOME=$work/tty java -jar $jar run --period 2026-10 --input $input" \
    "$work/tty.typescript" >/dev/null
# without one: standard output is a pipe
TOKENBILL_HOME=$work/pipe java -jar "$jar" run --period 2026-10 --input "$input" 2>&1 | cat >"$work/pipe.txt"
python3 - "$work/tty.typescript" "$work/pipe.txt" "$input" <<'PY'
import re, sys
tty, pipe, input_dir = sys.argv[1:]
raw = open(tty, encoding="utf-8", errors="replace", newline="").read().replace("\r\n", "\n")
raw = "\n".join(l for l in raw.split("\n") if not l.startswith("Script "))
erase = "\r\x1b[K"
screen, frames = [], []
for line in raw.split("\n"):
    parts = [p for p in re.split(r"\r\x1b\[K|\r", line)]
    shown = [p for p in parts if p]
    frames += [p for p in shown if "%" in p and "[" in p]
    if shown:
        screen.append(shown[-1])  # what stays on the screen: the last state of each line
keep = lambda l: any(k in l for k in ("rateCustomers", "renderInvoices", "tokenbill:"))
def out(name, title, body):
    with open(name, "w", encoding="utf-8") as f:
        f.write(title + "\n\n" + "\n".join(body) + "\n")
how = ("Recorded by tools/record-progress.sh (input: " + ("'generate --customers 600 --events 60000 --period"
       " 2026-10 --seed 42'" if input_dir.endswith("/input") else input_dir) + "):\n")
out("docs/progress-terminal.txt", how + "  script -q -e -c 'stty cols 100 rows 40; TOKENBILL_HOME=... java -jar"
    " target/tokenbill.jar run --period 2026-10 --input ...' tty.typescript\n\n"
    "The screen at the end (each line's last state; the rating and rendering steps from their 'to do' line):",
    [l for l in screen if keep(l) or "AbstractStep" in l and ("rateCustomers" in l or "renderInvoices" in l)]
    + ["", "The bar's successive states, as it redrew them in place (\\r, erase to end of line):"] + frames)
lines = open(pipe, encoding="utf-8").read().splitlines()
out("docs/progress-no-terminal.txt", how + "  TOKENBILL_HOME=... java -jar target/tokenbill.jar run --period 2026-10"
    " --input ... 2>&1 | cat\n\nNo terminal: no bar, and every 10 s a progress line (the rating and rendering steps):",
    [l for l in lines if keep(l) or "AbstractStep" in l and ("rateCustomers" in l or "renderInvoices" in l)])
PY
echo "wrote docs/progress-terminal.txt and docs/progress-no-terminal.txt"
