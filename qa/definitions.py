"""What a question asks the meaning of, and whether a sentence defines it.

Policies, contracts and handbooks define their terms ('"close family member" means a spouse or
partner, child, …', 'You may cancel within 7 days of signing up (the "cooling-off period")'), and
readers ask about them in their own words ("who counts as close family for bereavement leave?",
"what does cooling-off period mean"). The sentence that uses the term ("If a close family member
dies, you may take up to 5 days' …") shares more words with such a question than the one that
defines it, so the ranker puts it first.
"""
from __future__ import annotations

import re

from .features import sentence_tokens, token_list

_ARTICLE = r"(?:(?:an?|the)\s+)?"
_TERM = r"['\"‘“]?(?P<{}>[^?]+?)['\"’”]?"
# "what counts as …", "who qualifies as …", "what does '…' mean", "what is meant by …", "how is … defined",
# "what's the definition of …", "define …"
_ASKS_MEANING = re.compile(
    r"^\W*(?:"
    rf"(?:what|who|which)(?:\s+\w+)?\s+(?:counts?|qualif(?:y|ies)|is\s+classed|are\s+classed)\s+as\s+{_ARTICLE}{_TERM.format('a')}"
    rf"|what\s+(?:does|do)\s+(?:the\s+(?:term|word|phrase)\s+)?{_TERM.format('b')}\s+mean"
    rf"|what(?:\s+is|'s|’s)\s+meant\s+by\s+{_ARTICLE}{_TERM.format('c')}"
    rf"|how\s+(?:is|are)\s+{_ARTICLE}{_TERM.format('d')}\s+defined"
    rf"|what(?:\s+is|'s|’s)\s+the\s+(?:definition|meaning)\s+of\s+{_ARTICLE}{_TERM.format('e')}"
    rf"|define\s+{_ARTICLE}{_TERM.format('f')}"
    r")\s*(?:\?|$)", re.I)
_QUOTED = r"['\"‘“](?P<{}>[^'\"‘’“”]{{2,60}})['\"’”]"
# '"Return Window" means …', '"the Term" means …', '(the "cooling-off period")', '("Kestrelmark", "we", "us")'
_DEFINES = re.compile(
    rf"{_QUOTED.format('means')}\s*,?\s+(?:means|includes|refers\s+to|is\s+defined\s+as|shall\s+mean|has\s+the\s+meaning)\b"
    rf"|\((?:the\s+|each\s+a\s+|an?\s+)?{_QUOTED.format('named')}", re.I)
# "A battery is only considered faulty under this warranty if …", "A letting for less than 90 days is treated as …"
_DEEMS = re.compile(r"\b(?:is|are)\s+(?:only\s+|also\s+)?(?:considered|deemed|treated\s+as|regarded\s+as|classed\s+as"
                    r"|defined\s+as)\b|\bcounts?\s+as\b|\bmeans\b", re.I)
AGREES = 2 / 3  # of the defined term's words the question must write ("close family" of "close family member")


def asked_meaning(question: str) -> str | None:
    """The term an English question asks the meaning of, as written, or None."""
    m = _ASKS_MEANING.match(question.strip())
    return next((t for t in m.groups() if t), None) if m else None


def defines(text: str, term: str) -> bool:
    """Whether a sentence defines ``term``: a quoted term it says "means …" or puts in brackets
    after what it names, most of whose words the asked term writes; or a sentence saying what
    "is considered" or "counts as" such a thing that writes every word of the term."""
    asked = set(token_list(term))
    if not asked:
        return False
    for m in _DEFINES.finditer(text):
        defined = set(token_list(m.group("means") or m.group("named")))
        if defined and len(defined & asked) >= max(1, AGREES * len(defined)):
            return True
    return _DEEMS.search(text) is not None and asked <= sentence_tokens(text)
