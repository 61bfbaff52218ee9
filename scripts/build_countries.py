#!/usr/bin/env python3
"""Write qa/models/countries.json: the ways English writes each country, and Spanish names them,
from countryinfo's table.

A reader asks "What did America restrict?" of a text that writes "US export restrictions", or
"What did the UK announce?" of one that says "British officials", or "¿Qué anunció el Reino
Unido?" (qa/countries.py). countryinfo (MIT) keeps each country's name, its other spellings
("US", "USA", "United States of America"), its adjective ("American") and its Spanish name
("Reino Unido"); the engine reads the small file this writes, not countryinfo:

    pip install countryinfo==1.0.1 && python scripts/build_countries.py
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from countryinfo import all_countries

OUT = Path(__file__).resolve().parent.parent / "qa" / "models" / "countries.json"
# the short names English uses that the table leaves out (it has "Great Britain", not "Britain")
SHORT_NAMES = {"United States": ["America"], "United Kingdom": ["Britain", "Briton", "Britons"]}
# ISO codes that English writes as a country's name; the others are words or rarely seen ("IT",
# "IN", "NO", "CN", "GB")
CODES_AS_NAMES = {"US", "USA"}
# a form that stands for more than the country, in English mostly: a U.S. state, names of people
# ("Jordan", "Bharat"), a word ("Island" is Iceland in Icelandic, "Mann" the Isle of Man in Manx),
# two countries
NOT_FORMS = {"Georgia", "Georgian", "Jordan", "Chad", "Lao", "Congo", "Republic of China", "Island", "Mann", "Mannin",
             "Dominique", "Reunion", "Bharat", "Bhārat"}
_WRITTEN = re.compile(r"[^\W\d_](?:[^\W\d_]|[ .'’-])*(?:[^\W\d_]|\.)")  # letters, spaces, dots, apostrophes, hyphens
# the short names Spanish uses that the table leaves out (it has "Estados Unidos de América"),
# and a few names that are mostly something else in Spanish (a first name, a jumper, a town)
SPANISH_SHORT = {"United States": ["Estados Unidos", "EE. UU.", "EE.UU.", "EEUU"], "United Kingdom": ["Gran Bretaña"],
                 "Netherlands": ["Holanda"], "Slovakia": ["Eslovaquia"], "South Africa": ["Sudáfrica"],
                 "El Salvador": ["El Salvador"], "Czech Republic": ["Chequia"]}
NOT_SPANISH_FORMS = {"Georgia", "Chad", "Guadalupe", "Mauricio", "Jersey", "Reunión"}


def _plural(demonym: str) -> list[str]:
    """A people's name: "Americans", "Israelis", "Filipinos", "New Zealanders" (not "Chinese")."""
    return [demonym + "s"] if re.search(r"(?:an|i|er|o)$", demonym) else []


def _latin(form: str) -> bool:
    """English letters, accented or not ("Côte d'Ivoire"; not "Føroyar", "ʁɛpublika")."""
    return _unaccented(form).isascii()


def _unaccented(form: str) -> str:
    """"Côte d'Ivoire" as typed without its accents: "Cote d'Ivoire"."""
    return "".join(c for c in unicodedata.normalize("NFKD", form) if not unicodedata.combining(c))


def _kept(candidates: list[str], codes: set, not_forms: set) -> list[str]:
    """Each form once, written out (not "The …"), in Latin letters, and also without accents."""
    kept = []
    for f in candidates:
        f = re.sub(r"^The\s+", "", f.strip())
        for g in (f, _unaccented(f)):
            if g and g not in codes and g not in not_forms and "," not in g and _WRITTEN.fullmatch(g) and _latin(g) \
                    and g not in kept:
                kept.append(g)
    return kept


def spanish_forms(info: dict) -> list[str]:
    """How Spanish names one country: its name in the table's Spanish, and the short one."""
    name = (info.get("translations") or {}).get("es") or ""
    return _kept([name, *SPANISH_SHORT.get(info["name"], [])], set(), NOT_SPANISH_FORMS)


def forms(info: dict) -> list[str]:
    """How English writes one country: its name, its other Latin spellings that are not
    ISO codes (except those written as names), its adjective and its people."""
    iso = info.get("ISO") or {}
    codes = {iso.get("alpha2"), iso.get("alpha3")} - CODES_AS_NAMES
    out = [info["name"], *info.get("altSpellings", []), *SHORT_NAMES.get(info["name"], [])]
    demonym = info.get("demonym") or ""
    if demonym and demonym not in NOT_FORMS:
        out += [demonym, *_plural(demonym)]
    return _kept(out, codes, NOT_FORMS)


def _owned(table: dict[str, list[str]], population: dict[str, int]) -> dict[str, list[str]]:
    """Each form kept by one country, the most populous of those writing it ("French" is
    France's, not Martinique's)."""
    owner = {}
    for name in sorted(table, key=lambda n: -population[n]):
        for f in table[name]:
            owner.setdefault(f, name)
    return {name: [f for f in fs if owner[f] == name] for name, fs in table.items()}


def peoples(info: dict) -> list[str]:
    """Those of a country's English forms that are its adjective or its people ("American",
    "Americans"): a Chinese word glossed so is most often something of the country's (美元, the
    dollar), not the country."""
    demonym = info.get("demonym") or ""
    return [f for f in forms(info) if f in (demonym, *_plural(demonym))]


def main() -> None:
    english, spanish, people, population = {}, {}, {}, {}
    for country in all_countries():
        info = country.info()
        if info.get("name") and info.get("ISO"):
            english[info["name"]] = forms(info)
            spanish[info["name"]] = spanish_forms(info)
            people[info["name"]] = peoples(info)
            population[info["name"]] = info.get("population") or 0
    english = _owned(english, population)
    people = {name: [f for f in fs if f in english[name]] for name, fs in people.items()}
    table = {"english": english, "spanish": _owned(spanish, population), "peoples": people}
    OUT.write_text(json.dumps(table, ensure_ascii=False, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    for language, forms_of in table.items():
        print(f"{language}: {len(forms_of)} countries, {sum(map(len, forms_of.values()))} forms -> {OUT}")


if __name__ == "__main__":
    main()
