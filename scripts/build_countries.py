#!/usr/bin/env python3
"""Write qa/models/countries.json: the ways English writes each country, from countryinfo's table.

A reader asks "What did America restrict?" of a text that writes "US export restrictions", or
"What did the UK announce?" of one that says "British officials" (qa/countries.py). countryinfo
(MIT) keeps each country's name, its other spellings ("US", "USA", "United States of America")
and its adjective ("American"); the engine reads the small file this writes, not countryinfo:

    pip install countryinfo==1.0.1 && python scripts/build_countries.py
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from countryinfo import all_countries

OUT = Path(__file__).resolve().parent.parent / "qa" / "models" / "countries.json"
# the short names English uses that the table leaves out (it has "Great Britain", not "Britain")
SHORT_NAMES = {"United States": ["America"], "United Kingdom": ["Britain", "Briton", "Britons"]}
# ISO codes that English writes as a country's name; the others are words or rarely seen ("IT",
# "IN", "NO", "CN", "GB")
CODES_AS_NAMES = {"US", "USA"}
# a form that stands for more than the country, in English mostly: a U.S. state, names of people,
# a word ("Island" is Iceland in Icelandic, "Mann" the Isle of Man in Manx), two countries
NOT_FORMS = {"Georgia", "Georgian", "Jordan", "Chad", "Lao", "Congo", "Republic of China", "Island", "Mann", "Mannin",
             "Dominique", "Reunion"}
_WRITTEN = re.compile(r"[A-Za-z][A-Za-z .'’-]*[A-Za-z.]")


def _plural(demonym: str) -> list[str]:
    """A people's name: "Americans", "Israelis", "Filipinos", "New Zealanders" (not "Chinese")."""
    return [demonym + "s"] if re.search(r"(?:an|i|er|o)$", demonym) else []


def forms(info: dict) -> list[str]:
    """How English writes one country: its name, its other Latin spellings that are not
    ISO codes (except those written as names), its adjective and its people."""
    iso = info.get("ISO") or {}
    codes = {iso.get("alpha2"), iso.get("alpha3")} - CODES_AS_NAMES
    out = [info["name"], *info.get("altSpellings", []), *SHORT_NAMES.get(info["name"], [])]
    demonym = info.get("demonym") or ""
    if demonym and demonym not in NOT_FORMS:
        out += [demonym, *_plural(demonym)]
    kept = []
    for f in out:
        f = re.sub(r"^The\s+", "", f.strip())
        if f and f not in codes and f not in NOT_FORMS and "," not in f and _WRITTEN.fullmatch(f) and f not in kept:
            kept.append(f)
    return kept


def main() -> None:
    table, population, owner = {}, {}, {}
    for country in all_countries():
        info = country.info()
        if info.get("name") and info.get("ISO"):
            table[info["name"]] = forms(info)
            population[info["name"]] = info.get("population") or 0
    for name in sorted(table, key=lambda n: -population[n]):  # "French" is France's, not Martinique's
        for f in table[name]:
            owner.setdefault(f, name)
    table = {name: [f for f in fs if owner[f] == name] for name, fs in table.items()}
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(table)} countries, {sum(map(len, table.values()))} forms -> {OUT}")


if __name__ == "__main__":
    main()
