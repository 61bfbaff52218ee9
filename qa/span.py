"""The short answer inside a cited sentence: the number, date, name or place the question asks for.

Marked only when the question's type says what to look for and one candidate stands out
(nearest to the words the question shares with the sentence); otherwise nothing is marked.
A "what/which <noun>" question asks for a name of that kind: "What system did Huawei launch?"
marks "CloudMatrix 384" in "... its CloudMatrix 384 system ...".
"""
from __future__ import annotations

import re

from .question import NAME, Question

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
# "What system did Huawei launch?", "Which model powers it?": the noun the answer is an instance of
_HEAD = re.compile(r"^(?:what|which)\s+(?:(?:kind|type|sort|form|name) of\s+(?:the\s+)?)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+"
                   r"(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|powers?|makes?)\b", re.I)
# a name, as qa.question reads one ("CloudMatrix 384", "Quark AI Glasses"), not inside a word
_NAME_RUN = re.compile(r"(?<![\w-])" + NAME.pattern)


def head_noun(question: str) -> str | None:
    """The noun a "what/which <noun> ..." question asks for an instance of, lower-cased."""
    m = _HEAD.search(question.strip())
    return m.group(1).split()[-1].lower() if m else None


def _named(head: str, sentence: str, qwords: set[str]) -> list[tuple[int, int]]:
    """Names in the sentence that are a ``head``: "its CloudMatrix 384 system" or "Quark AI Glasses"
    for "glasses" (the head noun following the name, or ending it); names the question says are out."""
    stem = head[:-1] if head.endswith("s") and len(head) > 3 else head
    out = []
    for m in _NAME_RUN.finditer(sentence):
        words = m.group().split()
        after = re.match(r"\s+([a-z-]+)", sentence[m.end():])
        is_head = (len(words) > 1 and words[-1].lower().startswith(stem)) or (after and after.group(1).startswith(stem))
        if not is_head or (m.start() == 0 and len(words) == 1):  # a sentence's first word is capitalised anyway
            continue
        if {w.lower() for w in _WORD.findall(m.group())} <= qwords:
            continue
        out.append((m.start(), m.end()))
    return out


def find_span(q: Question, sentence: str) -> tuple[int, int] | None:
    """(start, end) within ``sentence`` of the short answer, or None when unsure."""
    rx = _PATTERNS.get(q.qtype)
    qwords = {w.lower() for w in _WORD.findall(q.search)}
    head = head_noun(q.text) if q.english else None
    if rx is None and head is None:
        return None
    cands = []
    if rx is not None:
        for m in rx.finditer(sentence):
            words = {w.lower() for w in _WORD.findall(m.group())}
            if words and not words <= qwords:
                cands.append((m.start(), m.end()))
    elif head is not None:
        cands = _named(head, sentence, qwords)
    if not cands:
        return None
    if len(cands) == 1:
        return cands[0]
    anchors = [m.start() for m in _WORD.finditer(sentence) if m.group().lower() in qwords]
    if not anchors:
        return None
    return min(cands, key=lambda c: min(abs(c[0] - a) for a in anchors))
