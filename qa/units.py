"""A unit of measure written another way than the question's: "How many kilometres of the A7
were closed?" of "a 40-km stretch of the A7 highway was closed", "How much aid in EUR?" of
"25 million euros", "How many km …?" of "40 kilometres".

The answerability model learnt on SQuAD that a question word the text never writes means it
cannot answer, and a unit's name and its symbol share no letters a word search could see
("kilometres" and "km" are two words to BM25 and to the coverage features). So a sentence
writing the unit in any of its forms counts, for the word features, as writing the question's
word for it (qa/features.py reads it as it reads a title for "Who runs …?", qa/roles.py). The
table of forms is quantulum3's, written to models/units.json by scripts/build_units.py; a symbol
counts only next to a figure ("40-km", "€25", "12%"), where it can't be a word ("5 in", "$5m").
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

TABLE_PATH = Path(__file__).parent / "models" / "units.json"


@lru_cache(maxsize=1)
def _table() -> tuple[tuple[tuple[str, ...], tuple[str, ...], bool], ...]:
    """(names, symbols, money?) of each unit: ("kilometre", "kilometres", …), ("km",), False."""
    data = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    return tuple((tuple(u["names"]), tuple(u["symbols"]), u["money"]) for u in data.values())


def _alternation(words) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@lru_cache(maxsize=1)
def _asked() -> tuple[re.Pattern, dict[str, list[int]]]:
    """One pattern finding any unit a question names (by name, any case; by a symbol of two
    characters or more with a letter, as written: "km", "MW", "USD", "°C"), and which units each
    of those words names ("pounds": money and weight)."""
    units: dict[str, list[int]] = {}
    for k, (names, symbols, _) in enumerate(_table()):
        for w in names:
            units.setdefault(w.lower(), []).append(k)
        for s in symbols:
            if len(s) >= 2 and any(c.isalpha() for c in s):
                units.setdefault(s, []).append(k)
    names = [w for w in units if w.islower()]
    symbols = [w for w in units if not w.islower()]
    pattern = re.compile(rf"(?<![\w-])(?:(?i:{_alternation(names)})|{_alternation(symbols)})(?![\w-])")
    return pattern, units


@lru_cache(maxsize=4096)
def _written(k: int) -> re.Pattern:
    """A unit in a sentence: any of its names as words, or a symbol next to a figure: after it
    ("40-km", "68 kg", "12%", "24°C"; one letter only after a space, "400 m", as "$5m" is money)
    or, for money, before it ("€25", "US$5", "EUR 25")."""
    names, symbols, money = _table()[k]
    parts = [rf"(?i:(?<![\w-])(?:{_alternation(names)})(?![\w-]))"]
    letters = [s for s in symbols if len(s) == 1 and s.isalpha()]
    marks = [s for s in symbols if s not in letters]
    if marks:
        parts.append(rf"(?<=\d)[\s-]?(?:{_alternation(marks)})(?![A-Za-z])")
    if letters:
        parts.append(rf"(?<=\d)\s(?:{_alternation(letters)})(?![\w-])")
    if money and marks:
        parts.append(rf"(?:{_alternation(marks)})\s?(?=\d)")
    return re.compile("|".join(parts))


def unit_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(the question's word for a unit, a pattern of the unit's other forms in a sentence) for
    each unit the question names: "How many kilometres …?" -> ("kilometres", /kilometres|…|40-km/)."""
    pattern, units = _asked()
    out = []
    for m in pattern.finditer(question):
        typed = m.group(0)
        ks = units.get(typed) or units.get(typed.lower(), [])
        out += [(typed, _written(k)) for k in ks]
    return out
