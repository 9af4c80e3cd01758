#!/usr/bin/env python3
"""Regenerate the October 2026 sample input of tokenbill into input/.

Writes input/customers.csv, input/subscriptions.csv and input/usage/2026-10-{a,b,c}.csv.
Python 3.11, standard library only. The output is byte-identical on every run: no clock, no
environment, no unseeded randomness; all choices come from sha256 of fixed strings or from
random.Random(2026) consumed in a fixed order; rows are sorted; LF line endings, UTF-8.

Token counts and arrival times come from real LLM-serving traces in /work/shared/data/traces
(override with --traces DIR). The traces have no customer column: every rule that assigns a
trace row to a customer, a model and a time in October 2026 is defined here and described in
input/README.md. The plan -> model table below mirrors the charges in input/catalog.yaml (this
script does not parse YAML); keep both in step.

Usage: python3 tools/make_sample_input.py [--traces DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import random
from fractions import Fraction
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_TRACES = Path("/work/shared/data/traces")

UTC = dt.timezone.utc
EPOCH = dt.datetime(1970, 1, 1, tzinfo=UTC)

# --------------------------------------------------------------------------------------------
# Customers and subscriptions (fictional companies; .example domains, RFC 2606).
# --------------------------------------------------------------------------------------------

CUSTOMERS = [
    # customer_id, name, billing_email, address, country, currency, tax_exempt, tax_id, language
    # tax_id: VAT numbers with valid check digits (fictional); US customers have an EIN; pixelmoth is a small
    # UK company not registered for VAT and lotte-devries a Dutch freelancer (a consumer): neither has one
    ("cobalt-voice", "Cobalt Voice, Inc.", "ap@cobaltvoice.example",
     "Attn: Accounts Payable\n2200 Larkin Avenue, Floor 3\nAustin, TX 78702\nUnited States",
     "US", "USD", "false", "12-3456781", ""),
    ("grauwald-systems", "Grauwald Systems GmbH", "rechnung@grauwald.example",
     "Grauwald Systems GmbH\nLindenallee 41, Hinterhaus\n50968 Köln\nGermany",
     "DE", "USD", "false", "DE298144752", ""),
    ("helixa-bio", "Helixa Bio, Inc.", "finance@helixabio.example",
     "Helixa Bio, Inc.\n77 Mercer Wharf, Building C, Suite 210\nCambridge, MA 02142\nUnited States",
     "US", "USD", "false", "27-1049385", ""),
    ("kestrel-dynamics", "Kestrel Dynamics Inc.", "billing@kestreldynamics.example",
     "Kestrel Dynamics Inc.\n1450 Alder Street, Unit 9\nSeattle, WA 98122\nUnited States",
     "US", "USD", "false", "91-2271830", ""),
    ("northwind-ml", "Northwind ML Inc.", "accounts.payable@northwindml.example",
     "Northwind ML Inc.\nAttn: Finance, Procurement Ref. NW-4471\n300 Harrow Street, Suite 1200\n"
     "New York, NY 10013\nUnited States",
     "US", "USD", "false", "13-5562907", ""),
    ("orbitdesk", "Orbitdesk Inc.", "billing@orbitdesk.example",
     "Orbitdesk Inc.\n88 Tamarind Road, Suite 5\nDenver, CO 80205\nUnited States",
     "US", "USD", "false", "84-3390215", ""),
    ("parrot-labs", "Parrot Labs Ltd", "finance@parrotlabs.example",
     "Parrot Labs Ltd\nUnit 4, The Old Tannery\n17 Quayside Lane, Shoreditch\nLondon E2 7HX\n"
     "United Kingdom",
     "GB", "USD", "false", "GB284719326", ""),
    ("pixelmoth", "Pixelmoth Studio Ltd", "hello@pixelmoth.example",
     "Pixelmoth Studio Ltd\nFlat 2, 9 Canal Street\nManchester M1 3HE\nUnited Kingdom",
     "GB", "USD", "false", "", ""),
    ("quillstack", "Quillstack GmbH", "buchhaltung@quillstack.example",
     "Quillstack GmbH\nz. Hd. Buchhaltung\nTorstraße 118, 2. OG\n10119 Berlin\nGermany",
     "DE", "EUR", "false", "DE315620971", "de"),
    ("saffron-ai", "Saffron AI SAS", "factures@saffron-ai.example",
     "Saffron AI SAS\nBâtiment B, 14 rue de la Charité\n69002 Lyon\nFrance",
     "FR", "EUR", "false", "FR95812947166", "fr"),
    ("th-rheinau-nlp", "Technische Hochschule Rheinau, Labor für Sprachmodelle",
     "drittmittel@th-rheinau.example",
     "Technische Hochschule Rheinau\nLabor für Sprachmodelle, Gebäude 7, Raum 2.14\n"
     "Am Campus 3\n68219 Mannheim\nGermany",
     "DE", "EUR", "true", "", ""),
    ("tidewater-analytics", "Tidewater Analytics Ltd", "accounts@tidewater.example",
     "Tidewater Analytics Ltd\nSuite 6, Block B, Harbourmaster Place\nIFSC, Dublin 1\nD01 K2X5\nIreland",
     "IE", "USD", "false", "IE4839261R", ""),
    ("lotte-devries", "Lotte de Vries", "lotte@devries-vertaling.example",
     "Lotte de Vries\nPrinsengracht 512-2\n1016 GV Amsterdam\nNetherlands",
     "NL", "EUR", "false", "", ""),
]

SUBSCRIPTIONS = [
    # subscription_id, customer_id, plan_id, start_date, end_date (exclusive, "" = open), quantity
    ("sub-0001", "northwind-ml", "enterprise-usd", "2025-03-01", "", 1, "LOYAL10"),
    ("sub-0002", "helixa-bio", "enterprise-usd", "2026-04-01", "", 1),
    ("sub-0003", "parrot-labs", "payg-usd", "2025-06-16", "2026-10-15", 1),   # plan change ...
    ("sub-0004", "parrot-labs", "pro-usd", "2026-10-15", "", 1, "LAUNCH100"),  # ... same day
    ("sub-0005", "cobalt-voice", "payg-usd", "2026-01-15", "", 1),
    ("sub-0006", "grauwald-systems", "payg-usd", "2026-07-01", "", 1),
    ("sub-0007", "orbitdesk", "pro-usd", "2025-11-03", "", 1),
    ("sub-0008", "tidewater-analytics", "pro-usd", "2025-09-01", "2026-10-20", 1),  # ends mid-month
    ("sub-0009", "quillstack", "pro-eur", "2026-02-01", "", 3),               # 3 seats
    ("sub-0010", "saffron-ai", "pro-eur", "2026-10-12", "", 1, "WELCOME20"),  # starts mid-month
    ("sub-0011", "pixelmoth", "daily-starter-usd", "2026-08-20", "", 1),
    ("sub-0012", "kestrel-dynamics", "dedicated-costplus-usd", "2026-05-01", "", 1),  # cost-plus
    ("sub-0013", "th-rheinau-nlp", "dedicated-h100-eur", "2026-09-01", "", 1),
    ("sub-0014", "lotte-devries", "pro-eur", "2026-09-15", "", 1),           # an EU consumer (OSS)
]

# A few hand-written usage events of lotte-devries, added after the trace rows were sampled and the duplicates
# chosen, so the other customers' rows are the same as without her: (timestamp, model, input, output).
CONSUMER_EVENTS = [
    ("2026-10-06T09:14:03.117Z", "mistral-small-latest", 182000, 41000),
    ("2026-10-14T16:40:55.802Z", "mistral-small-latest", 95000, 23500),
    ("2026-10-27T11:02:31.450Z", "gpt-4o-mini", 64000, 12800),
]

PLAN_CURRENCY = {
    "payg-usd": "USD", "pro-usd": "USD", "pro-eur": "EUR", "enterprise-usd": "USD",
    "dedicated-a100": "USD", "dedicated-costplus-usd": "USD", "dedicated-h100-eur": "EUR", "daily-starter-usd": "USD",
}

# Token plans: model -> (weight of the model in that plan's traffic, plan prices cached_input_tokens).
# Mirrors the `model:` of the charges in input/catalog.yaml.
PLAN_MODELS = {
    "payg-usd": [("gpt-4o", 35, True), ("gpt-4o-mini", 30, True),
                 ("claude-sonnet-4-5", 15, True), ("deepseek-chat", 20, True)],
    "pro-usd": [("gpt-4o", 60, True), ("gpt-4o-mini", 40, True)],
    "pro-eur": [("mistral-small-latest", 60, False), ("gpt-4o-mini", 40, True)],
    "enterprise-usd": [("gpt-4.1", 70, True), ("claude-sonnet-4-5", 30, True)],
    "daily-starter-usd": [("gpt-4o-mini", 100, True)],
}

# Share of token traffic per customer (the "skew": a few heavy customers). Dedicated-endpoint
# customers get no token rows. The order of this list is the order used by the weighted pick.
TOKEN_CUSTOMER_WEIGHTS = [
    ("northwind-ml", 30), ("cobalt-voice", 15), ("parrot-labs", 12), ("quillstack", 10),
    ("helixa-bio", 10), ("orbitdesk", 8), ("tidewater-analytics", 5), ("saffron-ai", 4),
    ("grauwald-systems", 4), ("pixelmoth", 2),
]

# --------------------------------------------------------------------------------------------
# Time mapping: each trace's time axis is stretched affinely onto a window of whole UTC hours
# that covers October 2026 plus WINDOW_EXTRA_HOURS on each side (those rows are out of period).
# --------------------------------------------------------------------------------------------

OCT_START = dt.datetime(2026, 10, 1, tzinfo=UTC)
NOV_START = dt.datetime(2026, 11, 1, tzinfo=UTC)
WINDOW_EXTRA_HOURS = 4
WINDOW_START = OCT_START - dt.timedelta(hours=WINDOW_EXTRA_HOURS)   # 2026-09-30T20:00Z
WINDOW_END = NOV_START + dt.timedelta(hours=WINDOW_EXTRA_HOURS)     # 2026-11-01T04:00Z
WINDOW_MS = int((WINDOW_END - WINDOW_START).total_seconds()) * 1000

# Keep probability of a trace row = BASE_KEEP[trace] * HOUR_WEIGHT[UTC hour]/100 * day factor.
# Hour profile: European working day overlapping the US working day, quiet night.
HOUR_WEIGHT = [35, 25, 20, 20, 25, 35, 55, 80, 110, 135, 145, 145,
               140, 155, 170, 175, 170, 155, 130, 110, 90, 75, 60, 45]
WEEKEND_FACTOR = Fraction(45, 100)
BASE_KEEP = {
    "azure-conv": Fraction(100, 1000),
    "azure-code": Fraction(110, 1000),
    "mooncake": Fraction(80, 1000),
}

# Long-context rows: the LONG_CONTEXT_ROWS largest Mooncake prompts among the rows whose mapped
# time lies in October 2026, prompt tokens (input and cached) scaled by
# LONG_CONTEXT_SCALE (the largest Mooncake prompt is 126,195 tokens, below the 200,000 threshold).
LONG_CONTEXT_ROWS = 6
LONG_CONTEXT_SCALE = 2
LONG_CONTEXT_MODEL = "claude-sonnet-4-5"

# Usage files: split by event time (UTC). File a also holds the out-of-period rows of
# 2026-09-30, file c those of 2026-11-01.
FILE_SPLITS = [
    ("2026-10-a.csv", dt.datetime(2026, 10, 11, tzinfo=UTC)),
    ("2026-10-b.csv", dt.datetime(2026, 10, 21, tzinfo=UTC)),
    ("2026-10-c.csv", None),
]

USAGE_HEADER = ["event_id", "timestamp", "customer_id", "model",
                "input_tokens", "cached_input_tokens", "output_tokens", "gpu_seconds"]

# Dedicated endpoints: (customer, model, [(replica, weekday hours, weekend hours)]).
DEDICATED = [
    ("kestrel-dynamics", "llama-3.1-8b-dedicated",
     [(1, range(8, 18), range(0))]),
    ("th-rheinau-nlp", "llama-3.1-70b-dedicated",
     [(1, range(7, 22), range(10, 16)), (2, range(9, 17), range(0))]),
]
DEDICATED_SEED = 2026

N_DUPLICATES_SAME_FILE = 4   # plus 1 duplicate that lands in the next file


# --------------------------------------------------------------------------------------------

def sha(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()


def hash_int(text: str) -> int:
    """First 8 bytes of sha256(text) as an unsigned integer (0 .. 2**64-1)."""
    return int.from_bytes(sha(text)[:8], "big")


def hash_below(text: str, p: Fraction) -> bool:
    """True with probability p, decided by sha256(text), exact integer arithmetic."""
    return hash_int(text) * p.denominator < p.numerator * 2 ** 64


def weighted_pick(text: str, items: list[tuple[str, int]]) -> str:
    total = sum(w for _, w in items)
    r = hash_int(text) % total
    for name, w in items:
        if r < w:
            return name
        r -= w
    raise AssertionError


def fmt_ts(ms: int) -> str:
    t = EPOCH + dt.timedelta(milliseconds=ms)
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{ms % 1000:03d}Z"


def epoch_ms(t: dt.datetime) -> int:
    return int((t - EPOCH).total_seconds()) * 1000


def parse_date(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y-%m-%d").replace(tzinfo=UTC)


# ---------------------------------------------------------------- traces

def read_azure(path: Path) -> list[tuple[int, int, int]]:
    """Rows (offset in 100 ns ticks from the first row, ContextTokens, GeneratedTokens).

    The file has CRLF line endings and no newline after the last line; csv handles both.
    Timestamps look like '2023-11-16 18:17:03.9799600' (7 fractional digits, no zone)."""
    rows = []
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == ["TIMESTAMP", "ContextTokens", "GeneratedTokens"], header
        for rec in reader:
            whole, frac = rec[0].split(".")
            secs = dt.datetime.strptime(whole, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
            ticks = (int((secs - EPOCH).total_seconds()) * 10_000_000 + int(frac.ljust(7, "0")[:7]))
            rows.append((ticks, int(rec[1]), int(rec[2])))
    t0 = rows[0][0]
    return [(t - t0, c, g) for t, c, g in rows]


def read_mooncake(traces: Path) -> tuple[list[tuple[int, int, int]], list[int]]:
    """Rows (offset ticks, input_length, output_length) from the derived CSV, and per row the
    prefix-cache hit in tokens computed from hash_ids in the original JSONL (same rows, same order)."""
    rows = []
    with open(traces / "mooncake_conversation_trace.derived.csv", newline="", encoding="utf-8") as f:
        reader = csv.reader(f)
        assert next(reader) == ["timestamp_ms", "input_length", "output_length"]
        for rec in reader:
            rows.append((int(rec[0]) * 10_000, int(rec[1]), int(rec[2])))
    t0 = rows[0][0]
    rows = [(t - t0, i, o) for t, i, o in rows]

    cached = []
    seen: set[int] = set()
    with open(traces / "mooncake_conversation_trace.jsonl", encoding="utf-8") as f:
        for n, line in enumerate(f):
            rec = json.loads(line)
            assert (rec["input_length"], rec["output_length"]) == rows[n][1:], n
            hits = 0
            for h in rec["hash_ids"]:
                if h not in seen:
                    break
                hits += 1
            # 512-token blocks; the last (possibly partial) block of the prompt never counts as cached.
            blocks = -(-rec["input_length"] // 512)
            cached.append(min(hits, blocks - 1) * 512)
            seen.update(rec["hash_ids"])
    assert len(cached) == len(rows)
    return rows, cached


def azure_cached(trace: str, idx: int, prompt: int) -> int:
    """Azure traces carry no cache information. Rule (OpenAI-style prompt caching: prompts of at
    least 1,024 tokens, cached in 128-token steps): for prompts >= 1024 tokens whose row hash
    sha256('<trace>:<row>:cache') has an even first byte, cached = 128 * floor(prompt / 256)
    (about half the prompt); otherwise 0."""
    if prompt >= 1024 and sha(f"{trace}:{idx}:cache")[0] % 2 == 0:
        return 128 * (prompt // 256)
    return 0


# ---------------------------------------------------------------- subscriptions

def subscription_at(customer: str, ms: int):
    for sub in SUBSCRIPTIONS:
        if sub[1] != customer:
            continue
        start = epoch_ms(parse_date(sub[3]))
        end = epoch_ms(parse_date(sub[4])) if sub[4] else None
        if start <= ms and (end is None or ms < end):
            return sub
    return None


def eligible_token_customers(ms: int) -> list[tuple[str, int]]:
    out = []
    for cust, w in TOKEN_CUSTOMER_WEIGHTS:
        sub = subscription_at(cust, ms)
        if sub is not None and sub[2] in PLAN_MODELS:
            out.append((cust, w))
    return out


# ---------------------------------------------------------------- usage generation

def map_time(offset_ticks: int, span_ticks: int) -> int:
    """Affine stretch: trace offset 0 -> WINDOW_START; the last row lands 1 ms before WINDOW_END."""
    return epoch_ms(WINDOW_START) + offset_ticks * WINDOW_MS // (span_ticks + 1)


def keep_probability(trace: str, ms: int) -> Fraction:
    t = EPOCH + dt.timedelta(milliseconds=ms)
    p = BASE_KEEP[trace] * Fraction(HOUR_WEIGHT[t.hour], 100)
    if t.weekday() >= 5:
        p *= WEEKEND_FACTOR
    return p


def event_id(key: str) -> str:
    return "evt-2026-10-" + hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]


def token_events(traces: Path) -> tuple[list[dict], dict]:
    sources = {
        "azure-conv": read_azure(traces / "AzureLLMInferenceTrace_conv.csv"),
        "azure-code": read_azure(traces / "AzureLLMInferenceTrace_code.csv"),
    }
    moon_rows, moon_cached = read_mooncake(traces)
    sources["mooncake"] = moon_rows

    # The largest in-October Mooncake prompts (ties by row index) become long-context Claude requests.
    moon_span = moon_rows[-1][0]
    in_october = [i for i in range(len(moon_rows))
                  if epoch_ms(OCT_START) <= map_time(moon_rows[i][0], moon_span) < epoch_ms(NOV_START)]
    by_size = sorted(in_october, key=lambda i: (-moon_rows[i][1], i))
    long_rows = set(by_size[:LONG_CONTEXT_ROWS])

    events = []
    stats = {"trace_rows": {}, "kept": {}}
    for trace, rows in sources.items():
        span = rows[-1][0]
        stats["trace_rows"][trace] = len(rows)
        kept = 0
        for idx, (off, prompt, output) in enumerate(rows):
            ms = map_time(off, span)
            forced_long = trace == "mooncake" and idx in long_rows
            if not forced_long and not hash_below(f"{trace}:{idx}:keep", keep_probability(trace, ms)):
                continue
            key = f"{trace}:{idx}"
            eligible = eligible_token_customers(ms)
            if forced_long:
                eligible = [(c, w) for c, w in eligible
                            if any(m == LONG_CONTEXT_MODEL for m, _, _ in
                                   PLAN_MODELS[subscription_at(c, ms)[2]])]
            customer = weighted_pick(f"{key}:customer", eligible)
            plan = subscription_at(customer, ms)[2]
            if forced_long:
                model, prices_cached = LONG_CONTEXT_MODEL, True
            else:
                model = weighted_pick(f"{key}:model", [(m, w) for m, w, _ in PLAN_MODELS[plan]])
                prices_cached = next(c for m, _, c in PLAN_MODELS[plan] if m == model)

            if trace == "mooncake":
                cached = moon_cached[idx]
            else:
                cached = azure_cached(trace, idx, prompt)
            if forced_long:
                prompt, cached = prompt * LONG_CONTEXT_SCALE, cached * LONG_CONTEXT_SCALE
            if not prices_cached:
                cached = 0   # plan has no cached-input price for this model: all prompt tokens are input
            events.append({
                "event_id": event_id(key),
                "timestamp": fmt_ts(ms),
                "customer_id": customer,
                "model": model,
                "input_tokens": str(prompt - cached),
                "cached_input_tokens": str(cached) if cached else "",
                "output_tokens": str(output),
                "gpu_seconds": "",
                "_ms": ms,
                "_source": key,
                "_long": forced_long,
            })
            kept += 1
        stats["kept"][trace] = kept
    return events, stats


def fmt_decimal(x: Fraction) -> str:
    """Half-second resolution: '3600', '3412.5'."""
    halves = x * 2
    assert halves.denominator == 1
    whole, half = divmod(int(halves), 2)
    return f"{whole}.5" if half else str(whole)


def dedicated_events() -> list[dict]:
    """One row per replica and metered hour: gpu_seconds of that replica in that hour, reported
    in the last minute of the hour. Seeded pseudo-random (random.Random(2026)), fixed call order."""
    rng = random.Random(DEDICATED_SEED)
    events = []
    day = OCT_START
    while day < NOV_START:
        weekend = day.weekday() >= 5
        for customer, model, replicas in DEDICATED:
            for replica, weekday_hours, weekend_hours in replicas:
                for hour in (weekend_hours if weekend else weekday_hours):
                    start = day + dt.timedelta(hours=hour)
                    if rng.random() < 0.7:
                        secs = Fraction(3600)            # busy the whole hour
                    else:                                  # scaled up/down inside the hour
                        secs = Fraction(rng.randint(1200, 7199), 2)
                    ms = epoch_ms(start) + rng.randint(3_540_000, 3_599_999)
                    events.append({
                        "event_id": event_id(f"dedicated:{customer}:{replica}:{start.isoformat()}"),
                        "timestamp": fmt_ts(ms),
                        "customer_id": customer,
                        "model": model,
                        "input_tokens": "",
                        "cached_input_tokens": "",
                        "output_tokens": "",
                        "gpu_seconds": fmt_decimal(secs),
                        "_ms": ms,
                        "_source": f"dedicated:{customer}:{replica}",
                        "_long": False,
                    })
        day += dt.timedelta(days=1)
    return events


def file_for(ms: int) -> str:
    for name, limit in FILE_SPLITS:
        if limit is None or ms < epoch_ms(limit):
            return name
    raise AssertionError


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--traces", type=Path, default=DEFAULT_TRACES)
    ap.add_argument("--out", type=Path, default=REPO / "input")
    args = ap.parse_args()

    # ---- consistency of the hand-written tables
    cust = {c[0]: c for c in CUSTOMERS}
    assert len(cust) == len(CUSTOMERS) == 13
    for sub in SUBSCRIPTIONS:
        assert PLAN_CURRENCY[sub[2]] == cust[sub[1]][5], sub
    for c in cust:
        subs = sorted((s for s in SUBSCRIPTIONS if s[1] == c), key=lambda s: s[3])
        assert subs, c
        for a, b in zip(subs, subs[1:]):
            assert a[4] and a[4] <= b[3], (a, b)   # no overlap

    # ---- usage
    events, stats = token_events(args.traces)
    events += dedicated_events()
    ids = [e["event_id"] for e in events]
    assert len(ids) == len(set(ids)), "event_id collision"
    events.sort(key=lambda e: (e["_ms"], e["event_id"]))

    files: dict[str, list[dict]] = {name: [] for name, _ in FILE_SPLITS}
    for e in events:
        files[file_for(e["_ms"])].append(e)

    # Exact duplicates: N_DUPLICATES_SAME_FILE in-period token events with the smallest
    # sha256('dup:<event_id>') are repeated verbatim right after themselves; the last token event
    # of file a is repeated as the first row of file b (overlapping export).
    in_period = [e for e in events if epoch_ms(OCT_START) <= e["_ms"] < epoch_ms(NOV_START)
                 and e["gpu_seconds"] == "" and not e["_long"]]
    last_a = [e for e in files[FILE_SPLITS[0][0]] if e in in_period][-1]
    dup_same = sorted((e for e in in_period if e is not last_a),
                      key=lambda e: sha(f"dup:{e['event_id']}"))[:N_DUPLICATES_SAME_FILE]
    for name, rows in files.items():
        out = []
        for e in rows:
            out.append(e)
            if any(e is d for d in dup_same):
                out.append(e)
        files[name] = out
    for ts, model, tokens_in, tokens_out in CONSUMER_EVENTS:
        ms = epoch_ms(dt.datetime.fromisoformat(ts[:19] + "+00:00")) + int(ts[20:23])
        e = {"event_id": event_id(f"consumer:lotte-devries:{ts}"), "timestamp": ts, "customer_id": "lotte-devries",
             "model": model, "input_tokens": str(tokens_in), "cached_input_tokens": "",
             "output_tokens": str(tokens_out), "gpu_seconds": "", "_ms": ms, "_source": "hand-written", "_long": False}
        assert fmt_ts(ms) == ts
        events.append(e)
        files[file_for(ms)].append(e)
    for rows in files.values():
        rows.sort(key=lambda e: (e["_ms"], e["event_id"]))   # stable: a duplicate stays next to its original
    files[FILE_SPLITS[1][0]].insert(0, last_a)

    # ---- write
    out_dir = args.out
    (out_dir / "usage").mkdir(parents=True, exist_ok=True)

    def write(path: Path, header: list[str], rows: list[list[str]]) -> None:
        with open(path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f, lineterminator="\n")
            w.writerow(header)
            w.writerows(rows)

    write(out_dir / "customers.csv",
          ["customer_id", "name", "billing_email", "address", "country", "currency", "tax_exempt", "tax_id",
           "language"],
          [list(c) for c in sorted(CUSTOMERS)])
    write(out_dir / "subscriptions.csv",
          ["subscription_id", "customer_id", "plan_id", "start_date", "end_date", "quantity",
           "coupon_code"],
          [[s[0], s[1], s[2], s[3], s[4], str(s[5]), s[6] if len(s) > 6 else ""] for s in SUBSCRIPTIONS])
    # prepaid resource packs: one used, one expired before the period ends, one never expiring
    write(out_dir / "credits.csv",
          ["grant_id", "customer_id", "granted_on", "amount", "currency", "expires_on"],
          [["G-1001", "cobalt-voice", "2026-06-01", "3.00", "USD", "2027-05-31"],
           ["G-1002", "cobalt-voice", "2026-09-01", "20.00", "USD", "2026-10-15"],
           ["G-2001", "quillstack", "2026-10-01", "1000.00", "EUR", ""]])
    # shared infrastructure cost pools of the month (USD)
    write(out_dir / "costs.csv", ["period", "pool", "amount", "currency"],
          [["2026-10", "hardware", "18000.00", "USD"],
           ["2026-10", "software", "2500.00", "USD"],
           ["2026-10", "operations", "4200.00", "USD"]])
    for name, rows in files.items():
        write(out_dir / "usage" / name, USAGE_HEADER, [[e[k] for k in USAGE_HEADER] for e in rows])

    # ---- summary (stdout only)
    print(f"trace rows: {stats['trace_rows']}")
    print(f"kept token events: {stats['kept']} (long-context rows forced: {LONG_CONTEXT_ROWS})")
    print(f"dedicated events: {sum(1 for e in events if e['gpu_seconds'])}")
    oop = [e for e in events if not epoch_ms(OCT_START) <= e["_ms"] < epoch_ms(NOV_START)]
    print(f"unique events: {len(events)}; out of period: {len(oop)} "
          f"({sum(1 for e in oop if e['_ms'] < epoch_ms(OCT_START))} on 2026-09-30, "
          f"{sum(1 for e in oop if e['_ms'] >= epoch_ms(NOV_START))} on 2026-11-01)")
    print("duplicates: " + ", ".join(
        [f"{d['event_id']} ({file_for(d['_ms'])})" for d in dup_same]
        + [f"{last_a['event_id']} ({FILE_SPLITS[0][0]} + {FILE_SPLITS[1][0]})"]))
    for name, rows in files.items():
        print(f"usage/{name}: {len(rows)} data rows")
    for e in events:
        if e["_long"]:
            print(f"long-context: {e['event_id']} {e['timestamp']} {e['customer_id']} "
                  f"input={e['input_tokens']} cached={e['cached_input_tokens'] or 0} "
                  f"from {e['_source']}")


if __name__ == "__main__":
    main()
