#!/usr/bin/env python3
"""Parity of breakeven's API bills with genai-prices' calc_price and LiteLLM's cost functions.

Imports each community price file into an empty breakeven catalog, writes scenarios that bill
one million requests of one usage (plain, cache reads and writes with a 5-minute or 1-hour
lifetime, long prompts past a tier, days either side of a dated price change, an hour inside a
time-of-day window, batch and flex/priority where LiteLLM documents them) for every model the
import kept, runs them with the built binary, and compares each total with what the library
computes for the same usage: every case must agree within a cent per million requests.

    pip install genai-prices litellm==1.110.2   # LiteLLM optional: its part is skipped without it
    swift build -c release --product breakeven
    python3 scripts/parity.py --breakeven .build/release/breakeven

It needs pip and the price files (/work/shared/data by default), so it is not part of CI; a Swift
test pins a handful of hand-computed cases (Tests/BreakevenCatalogTests/ParityPinTests.swift).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal

REQUESTS = 1_000_000       # a scenario month's requests: its total is the cost per million requests
TOLERANCE = 0.01           # USD per million requests
PER_SCENARIO = 4           # options per scenario file: few, since every run also draws a tornado of each input


@dataclass
class Usage:
    name: str
    input: int
    output: int
    cached: int = 0
    written: int = 0
    ttl: str = "5m"
    batch: bool = False
    tier: str = "standard"

    def workload(self) -> dict:
        w = {"requests_per_month": REQUESTS, "input_tokens_per_request": self.input,
             "output_tokens_per_request": self.output}
        if self.cached:
            w["cached_input_share"] = self.cached / self.input
        if self.written:
            w["cache_write_share"] = self.written / self.input
            w["cache_write_ttl"] = self.ttl
        if self.batch:
            w["batch_share"] = 1
        return w


@dataclass
class Case:
    model_id: str            # breakeven catalog id
    usage: Usage
    day: dt.date             # as_of, and the request's day for the library
    hour: int | None = None  # a time-of-day case: all load in this UTC hour
    expected: float = 0.0    # the library's USD per million requests
    actual: float | None = None
    note: str = ""


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, check=True, capture_output=True, text=True, **kw)


def catalog_ids(breakeven: str, db: str) -> set[str]:
    out = run([breakeven, "catalog", "list", "models", "--catalog", db]).stdout.splitlines()
    return {line.split()[0] for line in out[2:] if line.strip()}


def bill(breakeven: str, db: str, cases: list[Case], work: str) -> None:
    """Writes the cases as scenarios (one usage, day and hour per file), runs them, reads each total."""
    groups: dict[tuple, list[Case]] = {}
    for c in cases:
        key = (json.dumps(c.usage.workload(), sort_keys=True), c.usage.tier, c.day, c.hour)
        groups.setdefault(key, []).append(c)
    files, owners = [], {}
    n = 0
    for (workload, tier, day, hour), members in groups.items():
        for start in range(0, len(members), PER_SCENARIO):
            chunk = members[start:start + PER_SCENARIO]
            n += 1
            w = json.loads(workload)
            if hour is not None:
                w["load_shape"] = {"hourly": [1 if h == hour else 0 for h in range(24)]}
            options = []
            for k, c in enumerate(chunk):
                o = {"id": f"m{k}", "type": "api", "model": c.model_id}
                if tier != "standard":
                    o["service_tier"] = tier
                options.append(o)
            scenario = {"version": 1, "name": f"parity {n}", "start": f"{day.year:04d}-{day.month:02d}",
                        "as_of": day.isoformat(), "months": 1, "workload": w, "options": options}
            path = os.path.join(work, f"p{n}.json")
            with open(path, "w") as f:
                json.dump(scenario, f)
            files.append(path)
            owners[f"p{n}"] = chunk
    out = os.path.join(work, "out")
    for start in range(0, len(files), 200):
        batch = files[start:start + 200]
        r = subprocess.run([breakeven, "run", *batch, "--out", out, "--format", "json", "--no-history", "--catalog", db],
                           capture_output=True, text=True)
        if r.returncode not in (0, 1):
            raise SystemExit(f"breakeven run failed:\n{r.stderr[:4000]}")
    for name, chunk in owners.items():
        with open(os.path.join(out, name + ".json")) as f:
            result = json.load(f)
        totals = {o["id"]: o["total_cost"] for o in result["options"]}
        for k, c in enumerate(chunk):
            c.actual = totals[f"m{k}"]


def report(title: str, cases: list[Case]) -> bool:
    bad = [c for c in cases if c.actual is None or abs(c.actual - c.expected) > TOLERANCE]
    models = {c.model_id for c in cases}
    worst = max((abs(c.actual - c.expected) for c in cases if c.actual is not None), default=0)
    kinds = {}
    for c in cases:
        kinds[c.usage.name] = kinds.get(c.usage.name, 0) + 1
    print(f"{title}: {len(models)} models, {len(cases)} cases ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
          f"within a cent per million requests: {len(cases) - len(bad)}; largest difference ${worst:.6f}")
    for c in bad[:20]:
        print(f"  {c.model_id} {c.usage.name} {c.day} {c.note}: breakeven {c.actual} library {c.expected}")
    return not bad


# ---------------------------------------------------------------- genai-prices

def genai_cases(providers_json: list, ids: set[str], observed: dt.date) -> list[Case]:
    from genai_prices import types as gp

    providers = gp._providers_from_raw(providers_json)
    cases: list[Case] = []
    for provider in providers:
        for model in provider.models:
            mid = f"{provider.id}/{model.id}"
            if mid not in ids:
                continue
            days, windows = [observed], []
            if isinstance(model.prices, list):
                starts = sorted({p.constraint.start_date for p in model.prices
                                 if isinstance(p.constraint, gp.StartDateConstraint)})
                for s in starts:
                    days += [s, s - dt.timedelta(days=1)]
                windows = [p.constraint for p in model.prices if isinstance(p.constraint, gp.TimeOfDateConstraint)]
            for day in sorted(set(days)):
                if day < dt.date(2000, 1, 2):
                    continue
                hours = [None]
                if windows:
                    w = windows[0]
                    hours = [w.start_time.hour + (1 if w.start_time.minute else 0), (w.end_time.hour + 2) % 24]
                for hour in hours:
                    stamp = dt.datetime(day.year, day.month, day.day, 12 if hour is None else hour, 30, tzinfo=dt.timezone.utc)
                    price = model.get_prices(stamp)
                    usages = [Usage("plain", 1000, 200)]
                    if price.cache_read_mtok is not None or price.cache_write_mtok is not None:
                        usages.append(Usage("cache", 10_000, 500, cached=3000, written=2000))
                    if getattr(price, "cache_write_1h_mtok", None) is not None:
                        usages.append(Usage("cache-1h", 10_000, 500, cached=3000, written=2000, ttl="1h"))
                    tiered = [v for v in price.__dict__.values() if isinstance(v, gp.TieredPrices)]
                    for start in sorted({t.start for v in tiered for t in v.tiers}):
                        usages.append(Usage("long", start + 10_000, 1000, cached=(start + 10_000) // 10))
                    # Batch and service-tier variants (genai-prices 0.2 price_variants) in force that day.
                    active = [v for v in (model.price_variants or []) if v.constraint is None or v.constraint.active(stamp)]
                    if any(v.when == {"processing": "batch"} for v in active):
                        usages.append(Usage("batch", 10_000, 500, cached=3000, written=2000, batch=True))
                    for tier in sorted({v.when.get("service_tier") for v in active if len(v.when) == 1} - {None, "default"}):
                        if tier in ("flex", "priority", "scale"):
                            usages.append(Usage(tier, 1000, 200, cached=300, tier=tier))
                    for u in usages:
                        gu = gp.Usage(input_tokens=u.input, output_tokens=u.output, cache_read_tokens=u.cached or None,
                                      cache_write_tokens=u.written or None,
                                      cache_write_1h_tokens=(u.written if u.ttl == "1h" else None) or None)
                        context = {"processing": "batch"} if u.batch else ({"service_tier": u.tier} if u.tier != "standard" else None)
                        total = model.calc_price(gu, provider, genai_request_timestamp=stamp, price_context=context).total_price
                        cases.append(Case(mid, u, day, hour, float(Decimal(total) * REQUESTS),
                                          note=f"hour {hour}" if hour is not None else ""))
    return cases


# ---------------------------------------------------------------- LiteLLM

def litellm_cases(entries: dict, ids: set[str], observed: dt.date) -> list[Case]:
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")
    from litellm.cost_calculator import batch_cost_calculator
    from litellm.litellm_core_utils.llm_cost_calc.utils import generic_cost_per_token
    from litellm.types.utils import CacheCreationTokenDetails, PromptTokensDetailsWrapper, Usage as LUsage

    def usage_of(u: Usage) -> LUsage:
        details = PromptTokensDetailsWrapper(
            cached_tokens=u.cached or None, cache_creation_tokens=u.written or None,
            cache_creation_token_details=CacheCreationTokenDetails(ephemeral_1h_input_tokens=u.written) if u.ttl == "1h" and u.written else None)
        return LUsage(prompt_tokens=u.input, completion_tokens=u.output, prompt_tokens_details=details,
                      cache_read_input_tokens=u.cached or None, cache_creation_input_tokens=u.written or None)

    cases: list[Case] = []
    seen: set[str] = set()
    # The key the importer keeps when several name one model: the one already written provider/model first.
    order = sorted(entries, key=lambda k: (not isinstance(entries[k], dict) or not k.startswith(str(entries[k].get("litellm_provider")) + "/"), k))
    for key in order:
        e = entries[key]
        if not isinstance(e, dict) or e.get("mode") not in ("chat", "completion") or "litellm_provider" not in e:
            continue
        provider = e["litellm_provider"]
        mid = key if key.startswith(provider + "/") else None
        if mid is None:
            # The importer's id: a routing prefix naming the provider is replaced by it (LiteLLMPriceFile.modelID).
            prefix = key.split("/", 1)[0] if "/" in key else None
            norm = lambda s: s.lower().replace("-", "_")
            mid = provider + "/" + (key.split("/", 1)[1] if prefix and norm(provider).startswith(norm(prefix)) else key)
        if mid not in ids or mid in seen:
            continue
        seen.add(mid)  # the importer's key for the model, whether or not its case is comparable
        # Semantics LiteLLM's cost functions do not document: per-request fees, weekday off-peak windows,
        # audio/image-only and per-character prices, and ranges priced without an output price.
        if any(k in e for k in ("input_cost_per_request", "off_peak_pricing", "input_cost_per_character")):
            continue
        if not isinstance(e.get("input_cost_per_token"), (int, float)) or not isinstance(e.get("output_cost_per_token"), (int, float)):
            continue
        if e["input_cost_per_token"] == 0 and e["output_cost_per_token"] == 0:
            continue  # LiteLLM falls back to another entry's prices for a zero-priced one (zero_cost_diagnostic)
        usages = [Usage("plain", 1000, 200), Usage("cache", 10_000, 500, cached=3000, written=2000)]
        if "cache_creation_input_token_cost_above_1hr" in e:
            usages.append(Usage("cache-1h", 10_000, 500, cached=3000, written=2000, ttl="1h"))
        cliffs = sorted({int(k.rsplit("_above_", 1)[1].split("k_tokens")[0]) * 1000 for k in e
                         if k.startswith(("input_cost_per_token_above_", "output_cost_per_token_above_")) and k.endswith("k_tokens")
                         and k.rsplit("_above_", 1)[1][:-len("k_tokens")].isdigit()})
        for c in cliffs:
            usages.append(Usage("long", c + 10_000, 1000, cached=(c + 10_000) // 10))
        if "input_cost_per_token_batches" in e:
            usages.append(Usage("batch", 10_000, 500, cached=3000, written=2000 if "cache_creation_input_token_cost_batches" in e else 0, batch=True))
        for tier in ("flex", "priority"):
            if f"input_cost_per_token_{tier}" in e:
                usages.append(Usage(tier, 1000, 200, cached=300, tier=tier))
        info = dict(e)
        for u in usages:
            if u.batch:
                prompt, completion = batch_cost_calculator(usage_of(u), key, provider, model_info=info)
            else:
                prompt, completion = generic_cost_per_token(model=key, usage=usage_of(u), custom_llm_provider=provider,
                                                            model_info=info, service_tier=None if u.tier == "standard" else u.tier)
            cases.append(Case(mid, u, observed, None, (prompt + completion) * REQUESTS))
    return cases


# ---------------------------------------------------------------- main

def main() -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--breakeven", default=os.path.join(here, "..", ".build", "release", "breakeven"))
    ap.add_argument("--genai-data", default="/work/shared/data/genai-prices-v2-data.json",
                    help="genai-prices data.json (v2); 'package' for the installed package's own data")
    ap.add_argument("--genai-date", default="2026-08-21", help="the day the genai-prices file was read")
    ap.add_argument("--litellm-data", default="/work/shared/data/litellm-model-prices.json")
    ap.add_argument("--litellm-date", default="2026-11-01")
    ap.add_argument("--min-models", type=int, default=100)
    args = ap.parse_args()
    ok = True
    with tempfile.TemporaryDirectory(prefix="breakeven-parity-") as work:
        # genai-prices
        if args.genai_data == "package":
            sys.path.insert(0, here)
            import genai_prices_json
            providers = genai_prices_json.providers()
        else:
            with open(args.genai_data) as f:
                providers = json.load(f)
        data = os.path.join(work, "genai.json")
        with open(data, "w") as f:
            json.dump(providers, f)
        db = os.path.join(work, "genai.sqlite")
        run([args.breakeven, "catalog", "init", "--empty", db])
        print(run([args.breakeven, "catalog", "import", "--format", "genai-prices", data, "--observed-on", args.genai_date,
                   "--catalog", db]).stdout.strip())
        cases = genai_cases(providers, catalog_ids(args.breakeven, db), dt.date.fromisoformat(args.genai_date))
        os.makedirs(os.path.join(work, "g"))
        bill(args.breakeven, db, cases, os.path.join(work, "g"))
        ok &= report("genai-prices", cases)
        ok &= len({c.model_id for c in cases}) >= args.min_models
        # LiteLLM
        try:
            import litellm  # noqa: F401
        except ImportError:
            print("LiteLLM: not installed (pip install litellm==1.110.2); skipped")
            return 0 if ok else 1
        with open(args.litellm_data) as f:
            entries = json.load(f)
        db = os.path.join(work, "litellm.sqlite")
        run([args.breakeven, "catalog", "init", "--empty", db])
        print(run([args.breakeven, "catalog", "import", "--format", "litellm", args.litellm_data, "--observed-on", args.litellm_date,
                   "--catalog", db]).stdout.strip())
        cases = litellm_cases(entries, catalog_ids(args.breakeven, db), dt.date.fromisoformat(args.litellm_date))
        os.makedirs(os.path.join(work, "l"))
        bill(args.breakeven, db, cases, os.path.join(work, "l"))
        ok &= report("LiteLLM", cases)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
