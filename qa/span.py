"""The short answer inside a cited sentence: the number, date, name or place the question asks for.

Marked only when the question's type says what to look for and one candidate stands out
(nearest to the words the question shares with the sentence); otherwise nothing is marked.
"""
from __future__ import annotations

import re

from .question import Question

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PATTERNS = {
    "number": re.compile(r"(?:\$|€|£)?(?<![\w.])\d[\d,.]*(?![A-Za-z])(?:\s?(?:%|percent|per cent|million|billion|thousand|hundred))?"
                         r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|"
                         r"forty|fifty|hundred|thousand|million|billion|dozen)\b(?:-\w+)?", re.I),
    "date": re.compile(rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?\b"
                       rf"|\b(?:in |by |since )?(?:1\d{{3}}|20\d{{2}})s?\b|\b(?:end|mid|early|late)-\d{{4}}\b"
                       r"|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b\d{1,2}(?:st|nd|rd|th) century\b"),
    "person": re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)+\b"),
    "place": re.compile(r"(?<=\bin )[A-Z][\w-]+(?: [A-Z][\w-]+)*|(?<=\bat )[A-Z][\w-]+(?: [A-Z][\w-]+)*"
                        r"|(?<=\bfrom )[A-Z][\w-]+(?: [A-Z][\w-]+)*"),
}
_WORD = re.compile(r"\w+")


def find_span(q: Question, sentence: str) -> tuple[int, int] | None:
    """(start, end) within ``sentence`` of the short answer, or None when unsure."""
    rx = _PATTERNS.get(q.qtype)
    if rx is None:
        return None
    qwords = {w.lower() for w in _WORD.findall(q.search)}
    cands = []
    for m in rx.finditer(sentence):
        words = {w.lower() for w in _WORD.findall(m.group())}
        if words and not words <= qwords:
            cands.append((m.start(), m.end()))
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    anchors = [m.start() for m in _WORD.finditer(sentence) if m.group().lower() in qwords]
    if not anchors:
        return None
    return min(cands, key=lambda c: min(abs(c[0] - a) for a in anchors))
