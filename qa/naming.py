"""A question asking for a name, and a sentence that gives none.

"What is the name of Baidu's AI cloning tool?" was answered (0.75) with "Its AI cloning tool can
replicate a person's voice …", and "What is the name of the American collector who bought the
painting?" with "… to a private collector in the United States, whom the auction house did not
identify". The sentence is about the thing asked, so the ranker and the answerability model find
it; what it lacks is the one thing asked for, a name. A name is read loosely, as a reader would
take one: a capitalised word the question doesn't write (after the sentence's first word, or that
word when it is rare), a word of letters and digits ("910C"), words in quotes or in brackets, or
the words after "called", "known as", "named" ("is called primality"). The same holds for "Which
analyst …?", "Which company …?": a kind of thing always known by name, where quoted words are a
quotation and name no one. qa/engine.py refuses (`lacks_name`) when the sentence cited writes no
name, or says the name was not given.
"""
from __future__ import annotations

import re

from .lexical import stopwords, zipf
from .spelling import POSSESSIVE

# "What is the name of …?", "what's the full name of …", "And what was the name of …?"
NAME_ASKED = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?what(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+"
                        r"(?:the\s+)?(?:full\s+|official\s+|actual\s+)?names?\s+of\b")
# or which one of a kind always known by name: "Which analyst at Pennick & Rowe commented?", "Which
# Chinese livestreamers use Baidu's hosts?", "Which company makes the chips?"
_NAMED_KINDS = (r"compan(?:y|ies)|firms?|startups?|start-ups?|brands?|manufacturers?|makers?|banks?|universit(?:y|ies)|"
                r"clubs?|teams?|newspapers?|broadcasters?|airlines?|carriers?|publishers?|retailers?|"
                r"analysts?|players?|council+ors?|livestreamers?|streamers?|journalists?|reporters?|athletes?|riders?")
WHICH_NAMED = re.compile(rf"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?which\s+(?:[\w-]+\s+){{0,2}}?(?:{_NAMED_KINDS})\b")
# the text saying it does not give the name ("whom the auction house did not identify", "an unnamed buyer")
NOT_NAMED = re.compile(r"(?i)\b(?:(?:did|does|do|would|will|could)\s+not|didn['’]t|declined\s+to|refused\s+to)\s+"
                       r"(?:name|identify|disclose)\b|\bnot\s+(?:been\s+)?(?:named|identified|disclosed)\b|"
                       r"\bun(?:named|identified|disclosed)\b|\banonymous")
_WORD = re.compile(r"[\w’'-]+")
_QUOTED = re.compile(r"[“\"(]([^”\")]+)[”\")]")
_TERMED = re.compile(r"(?i)\b(?:called|named|known\s+as|termed|referred\s+to\s+as|dubbed)\s+(?:the\s+|a\s+|an\s+)?([\w’'-]+)")
_MEASURED = re.compile(r"\d[\d.,]*(?:-[a-z]+)+$")  # a number joined to what it measures ("51-year-old", "24-metre"): no name
RARE_FIRST_ZIPF = 3.5  # a sentence's first word, capitalised by place, is a name when this rare ("Photosynthesis")


def _bare(word: str) -> str:
    return POSSESSIVE.sub("", word.lower())


def gives_name(sentence: str, question: str, quoted: bool = True) -> bool:
    """Whether the sentence writes a name the question doesn't; words in quotes count only when
    ``quoted`` (a product's name, not a company's or a person's: those are quotations)."""
    asked = {_bare(w) for w in _WORD.findall(question)}

    def new(word: str) -> bool:
        return _bare(word) not in asked and word.lower() not in stopwords()

    for k, m in enumerate(_WORD.finditer(sentence)):
        w = m.group(0)
        if not new(w):
            continue
        if (re.search(r"\d", w) and re.search(r"[^\W\d_]", w) and not _MEASURED.match(w)) \
                or (w[0].isupper() and (k or zipf(_bare(w)) < RARE_FIRST_ZIPF)):
            return True
    in_quotes = (t for q in _QUOTED.findall(sentence) for t in _WORD.findall(q)) if quoted else ()
    return any(map(new, in_quotes)) or any(map(new, _TERMED.findall(sentence)))


def lacks_name(sentence: str, question: str) -> bool:
    """The question asks for a name (English) and the sentence gives none, or says it was not given."""
    if NAME_ASKED.match(question) is not None:
        return NOT_NAMED.search(sentence) is not None or not gives_name(sentence, question)
    if WHICH_NAMED.match(question) is not None:
        return NOT_NAMED.search(sentence) is not None or not gives_name(sentence, question, quoted=False)
    return False
