"""genai-prices' own data, as the installed package holds it, written as its v2 data.json.

The package (pip install genai-prices) embeds its data as Python (data.py), newer than a copy of
prices/new_data/v2/data.json may be; this writes it back in that file's shape (the fields of the
package's dataclasses, which are the JSON keys its `_providers_from_raw` reads), so that breakeven
can import exactly the prices `calc_price` uses. Used by parity.py and to cut test fixtures.

    python3 scripts/genai_prices_json.py > data.json
    python3 scripts/genai_prices_json.py --only anthropic:claude-sonnet-4-5 openai:gpt-5 > fixture.json
"""
from __future__ import annotations

import dataclasses
import datetime
import decimal
import json
import sys

from genai_prices import data_snapshot, types


def plain(value):
    """A JSON value for one of the package's objects."""
    if isinstance(value, decimal.Decimal):
        number = float(value)
        return int(number) if number == int(number) and abs(number) < 1e15 else number
    if isinstance(value, (datetime.date, datetime.time)):
        text = value.isoformat()
        return text + "Z" if isinstance(value, datetime.time) and value.tzinfo is None else text
    if isinstance(value, types.ModelPrice):
        return {k: plain(v) for k, v in value.__dict__.items() if not k.startswith("_") and v is not None}
    if dataclasses.is_dataclass(value):
        out = {}
        for field in dataclasses.fields(value):
            if field.name.startswith("_"):
                continue
            v = getattr(value, field.name)
            if v is None or (field.name == "extractors"):
                continue
            key = field.name.rstrip("_")  # or_, and_ in the match clauses
            out[key] = plain(v)
        return out
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    return value


def providers(only: set[tuple[str, str]] | None = None) -> list[dict]:
    result = []
    for provider in data_snapshot.get_snapshot().providers:
        models = [m for m in provider.models if only is None or (provider.id, m.id) in only]
        if not models:
            continue
        entry = plain(provider)
        entry["models"] = [plain(m) for m in models]
        result.append(entry)
    return result


if __name__ == "__main__":
    args = sys.argv[1:]
    only = None
    if args[:1] == ["--only"]:
        only = {tuple(a.split(":", 1)) for a in args[1:]}
    json.dump(providers(only), sys.stdout, indent=2)
    sys.stdout.write("\n")
