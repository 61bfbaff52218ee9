"""Signs that a sentence contradicts a question instead of answering it.

A question can share almost every word with a sentence and still not be answered by it: it asks
what did *not* happen ("What did the Normans not adopt?"), the opposite ("the smallest" against
"the largest"), or about a number the sentence does not give ("in 1066" against "in 1067").
SQuAD 2.0's unanswerable questions were written exactly that way, and so are a reader's
misremembered ones. Word overlap and embeddings reward such pairs; these three checks do not.
With them the answerability model's held-out AUC went from 0.669 to 0.727, and correct refusals
on SQuAD 2.0's test articles from 0.143 to 0.240 (false refusals 0.062 -> 0.065; docs/results.md).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexical import tokenize

# "not", "never", "no", ..., and the contracted "n't" (didn't, wasn't, can't)
NEGATION = re.compile(r"\b(?:not|never|no|none|nothing|neither|nor|without|cannot)\b|n't\b|n’t\b", re.I)
# a sentence also says "not" with words that deny, block or leave out: for "Why can't Chinese firms
# buy Nvidia's best chips?", "US export controls continue to block access to ..." is no contrast
NEGATIVE_MEANING = re.compile(
    r"\b(?:unable|fail(?:s|ed|ing|ure)?|lack(?:s|ed|ing)?|block(?:s|ed|ing)?|bar(?:s|red|ring)?|"
    r"ban(?:s|ned|ning)?|prevent(?:s|ed|ing)?|prohibit(?:s|ed|ing)?|forbid(?:s|den)?|forbade|"
    r"den(?:y|ies|ied)|refus(?:e|es|ed|ing)|restrict(?:s|ed|ing|ions?)?|exclud(?:e|es|ed|ing)|"
    r"avoid(?:s|ed|ing)?|absent|absence|instead|rather|only|except|limit(?:s|ed)?|unlike|"
    r"neglect(?:s|ed)?|ignor(?:e|es|ed)|reject(?:s|ed)?|miss(?:es|ed|ing)?|lost|loss|rarely|"
    r"seldom|hardly|"
    # or that leave a thing as it was, or vote it down ("Which schools aren't changing their start
    # time?": "Middle schools will keep their current 8:10 a.m. start"; "Which measure didn't pass?")
    # (not "against", "opposition", "remained" alone: Wikipedia's "a barrier against infection",
    # "the opposition party" lost 14 of SQuAD 2.0's refusals of what did not happen)
    r"keep(?:s|ing)?|kept|stay(?:s|ed|ing)?|unchanged|remain(?:s|ed)?\s+(?:stable|steady|flat|the\s+same|in\s+place|intact)|"
    r"voted\s+(?:against|no)|(?:was|were)\s+defeated|unsuccessful)\b", re.I)

# common English opposites: superlatives, comparatives, directions, order in time, outcomes
_OPPOSITE_PAIRS = (
    ("largest", "smallest"), ("biggest", "smallest"), ("most", "least"), ("first", "last"),
    ("highest", "lowest"), ("earliest", "latest"), ("longest", "shortest"), ("oldest", "youngest"),
    ("strongest", "weakest"), ("best", "worst"), ("maximum", "minimum"), ("major", "minor"),
    ("larger", "smaller"), ("bigger", "smaller"), ("higher", "lower"), ("older", "younger"),
    ("earlier", "later"), ("more", "less"), ("more", "fewer"), ("better", "worse"),
    ("before", "after"), ("early", "late"), ("long", "short"), ("strong", "weak"),
    ("increase", "decrease"), ("increased", "decreased"), ("increases", "decreases"),
    ("increasing", "decreasing"), ("rise", "fall"), ("rose", "fell"), ("rising", "falling"),
    ("start", "end"), ("began", "ended"), ("begin", "end"), ("win", "lose"), ("won", "lost"),
    ("success", "failure"), ("successful", "unsuccessful"), ("accept", "reject"),
    ("accepted", "rejected"), ("allow", "prevent"), ("allowed", "prohibited"), ("legal", "illegal"),
    ("north", "south"), ("east", "west"), ("northern", "southern"), ("eastern", "western"),
    ("upper", "lower"), ("above", "below"), ("inside", "outside"), ("internal", "external"),
    ("private", "public"), ("positive", "negative"), ("common", "rare"), ("same", "different"),
)
OPPOSITES: dict[str, frozenset[str]] = {}
for _a, _b in _OPPOSITE_PAIRS:
    OPPOSITES[_a] = OPPOSITES.get(_a, frozenset()) | {_b}
    OPPOSITES[_b] = OPPOSITES.get(_b, frozenset()) | {_a}

_WORD = re.compile(r"[A-Za-z]+")
# a number standing alone (1,300,000; 3.5; the 1990s; the 17th), not the digits of a name (O2, H100)
_TOKEN = re.compile(r"[\w.,]+")
_NUMBER = re.compile(r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:s|st|nd|rd|th)?")
_COMMA_LIST = re.compile(r"\d+(?:,\d+)+")
_NUMBER_WORDS = {w: str(k) for k, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split()) if w != "one"}  # "one of", "no one": rarely 1
_NUMBER_WORDS.update({w: str(10 * k) for k, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split(), 3)})
_SPELT = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.I)


# a candidate sentence is read again by every question it is a candidate for (qa/features.py
# caches its tokens the same way); numbers() takes ~50 us a sentence
@lru_cache(maxsize=200_000)
def words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


_HOW_WHAT = re.compile(r"\bhow\s+([A-Za-z]+)", re.I)


def claimed_words(question: str) -> frozenset[str]:
    """The question's words that say something of what it asks about: not the measure after
    "how" ("How *long* will the appointment take?" asks for a duration, and "a short wait" in
    the answer does not contradict it; "Which is the *longest*?" still says something)."""
    asked = {m.group(1).lower() for m in _HOW_WHAT.finditer(question)}
    return words(question) - asked


@lru_cache(maxsize=200_000)
def numbers(text: str, spelt: bool = True) -> frozenset[str]:
    """The numbers a text gives, as digits: thousands separators dropped ("1,300,000" ->
    "1300000"), and with `spelt` small numbers written out ("four" -> "4", "ten-horsepower" ->
    "10"). A question's written-out number mostly counts what it asks for ("What are the two
    other names ...?"), which the answering sentence need not say: read a question without."""
    found = {_NUMBER_WORDS[w.lower()] for w in _SPELT.findall(text)} if spelt else set()
    for token in _TOKEN.findall(text):
        token = token.strip(".,")
        # "(3,1)" is two numbers; "1,300,000" one
        parts = token.split(",") if _COMMA_LIST.fullmatch(token) and not _NUMBER.fullmatch(token) else (token,)
        found.update(m.group(1).replace(",", "") for m in map(_NUMBER.fullmatch, parts) if m)
    return frozenset(found)


def negated_words(question: str) -> tuple[str, ...]:
    """The (stemmed) words a question negates: the first two content words after its "not"
    ("What did Huawei not launch?" -> "launch"); none if it is not negated."""
    m = NEGATION.search(question)
    return tuple(tokenize([question[m.end():]])[0][:2]) if m else ()


def affirms(negated: tuple[str, ...], sentence: str, sentence_stems: frozenset[str]) -> bool:
    """The sentence says, without any negation, what the question negates: it answers the
    positive question ("Huawei launched ..."), not this one. Only the negated words count, so
    "Why does deep water not circulate?" is not held against "Saline water remains on the
    bottom"; words like "block" count as the sentence's negation ("Why can't Chinese firms buy
    Nvidia's best chips?" against "US export controls continue to block access to ...")."""
    return any(w in sentence_stems for w in negated) and not says_no(sentence)


@lru_cache(maxsize=20_000)
def says_no(sentence: str) -> bool:
    """The sentence negates something, in words ("not") or by meaning ("block")."""
    return bool(NEGATION.search(sentence) or NEGATIVE_MEANING.search(sentence))


# a word and those with its opposite: "start" and "begin" (both against "end"), "largest" and "biggest"
SAME_SIDE: dict[str, frozenset[str]] = {w: frozenset(x for x, o in OPPOSITES.items() if o & OPPOSITES[w]) | {w}
                                        for w in OPPOSITES}


def opposite(question_words: frozenset[str], sentence_words: frozenset[str]) -> bool:
    """The sentence uses the opposite of a question word ("smallest"), never the word itself nor
    one meaning it ("When does construction start?" of "... will begin on May 5 and end in August")."""
    return any(SAME_SIDE[w].isdisjoint(sentence_words) and not OPPOSITES[w].isdisjoint(sentence_words)
               for w in question_words if w in OPPOSITES)


def number_missing(question_numbers: frozenset[str], sentence_numbers: frozenset[str]) -> bool:
    """The question gives a number (a year, a count) the sentence does not."""
    return not question_numbers <= sentence_numbers


# a model code: letters and digits in one word (N1, H100, GB200, 910C, v2), the digits telling
# one thing of a family from another
_CODE = re.compile(r"(?<![\w.-])(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,}(?![\w-])")


def codes(text: str) -> frozenset[str]:
    return frozenset(c.upper() for c in _CODE.findall(text))


def _family(code: str) -> str:
    return re.sub(r"\d+", "#", code)  # "N1" and "N2" are of one family, "N#"


def other_code(question_codes: frozenset[str], sentence: str) -> bool:
    """The sentence names another of the family the question names, and not the one asked
    about: "the N2 costs $12,500" says nothing of "How much does the N1 cost?", however close
    the words (a FAQ's "How much does the N2 cost?" matched it almost word for word)."""
    if not question_codes:
        return False
    said: dict[str, set[str]] = {}
    for d in codes(sentence):
        said.setdefault(_family(d), set()).add(d)
    # per family asked about: the sentence names some of it, but none asked ("How does the N2
    # compare with the N1?" is answered by a sentence on the N2)
    return any(f in said and not said[f] & question_codes for f in {_family(c) for c in question_codes})
