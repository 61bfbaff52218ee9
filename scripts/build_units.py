#!/usr/bin/env python3
"""Write qa/models/units.json: the ways a unit of measure is written, from quantulum3's unit table.

A reader asks "How many kilometres …?" of a text that writes "a 40-km stretch", or "How much in
euros?" of "€25 million" (qa/units.py). quantulum3 (MIT) keeps the table: each unit's names with
their plurals and prefixes ("kilometres", "kilometers") and its symbols ("km"). The engine reads
the small file this writes, not quantulum3 (whose import takes ~2 s):

    pip install quantulum3 && python scripts/build_units.py
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from quantulum3 import load

OUT = Path(__file__).resolve().parent.parent / "qa" / "models" / "units.json"
ENTITIES = {"length", "mass", "currency", "time", "speed", "temperature", "area", "volume", "data storage",
            "data transfer rate", "power", "energy", "frequency", "pressure"}
KEPT_DIMENSIONLESS = {"percentage", "per mille"}
# names that are ordinary words far more often than units ("Who won?", "a drop in sales", "the
# second half", "Premier League", "the real reason")
NOT_UNITS = {"won", "drop", "drops", "cup", "cups", "second", "seconds", "quarter", "quarters", "league", "leagues",
             "real", "reais", "rand", "bar", "bars", "grain", "grains", "line", "lines", "hand", "hands", "span",
             "point", "points", "mark", "marks", "stone", "stones", "shake", "shakes", "pace", "paces", "step",
             "steps", "chain", "chains", "perch", "rod", "rods", "pole", "poles", "link", "links", "block", "blocks",
             "sack", "sacks", "barrel", "barrels", "tablespoon", "teaspoon", "can", "cans", "glass", "glasses"}
# symbols that are words or marks ("5 in", "a year", "2 \"free\" tickets"); a one-letter symbol
# is read only after a figure and a space ("400 m"; "$5m" is money), qa/units.py
NOT_SYMBOLS = {"in", "at", "am", "pm", "a", "an", "as", "on", "or", "is", "it", "to", "by", "of", "mi", "min", "ms", "ha",
               "'", '"', "”", "′", "″", "°"}


def main() -> None:
    table = load.units("en_US")
    words = defaultdict(set)
    for surface, units in table.surfaces.items():
        for u in units:
            words[u.name].add(surface.lower())
    out = {}
    for name, unit in sorted(table.names.items()):
        if unit.entity.name not in ENTITIES and name not in KEPT_DIMENSIONLESS:
            continue
        names = sorted(w for w in words[name] if w not in NOT_UNITS and w.replace(" ", "").replace("-", "").isalpha())
        symbols = sorted(s for s in unit.symbols if s not in NOT_SYMBOLS and not s.isdigit())
        if names and (symbols or len(names) > 1):
            out[name] = {"names": names, "symbols": symbols, "money": unit.entity.name == "currency"}
    OUT.write_text(json.dumps(out, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(out)} units -> {OUT}")


if __name__ == "__main__":
    main()
