"""The short answer inside a cited sentence: the number, date, name or place the question asks for.

Marked only when the question says what to look for and one candidate stands out (nearest to
the words the question shares with the sentence); otherwise nothing is marked: the page shows a
mark in bold, so a wrong one is worse than none. `python scripts/eval_spans.py` measures both
on SQuAD's gold sentences (docs/results.md).

- The question's first word decides the kind when it is a wh-word ("Who was chief executive when
  the service began?" wants a person, not the date its clause mentions).
- Numbers are whole tokens ("910C" holds none, "1990s" is a decade); a "how many" question is
  not answered by a year, a "what year" question only by one, a "what percentage" one by a
  percentage; "how many valves" prefers the number that counts valves.
- A person is a run of capitalised words (particles such as "de" and "van" inside it), without a
  sentence's leading "The"/"Some", and not a place or an organisation by its last word ("Cape
  Town", "Premier League"). A place follows "in", "at" or "from" and is never a month.
- A "what/which <noun>" question asks for a name of that kind: "What system did Huawei launch?"
  marks "CloudMatrix 384" in "... its CloudMatrix 384 system ...", and, by the patterns Hearst
  (1992) used to find instances of a noun, "Which chips ...?" marks "Nvidia's H100" in "... H100
  and other high-end AI chips" and "Which firms ...?" "Huawei" in "firms including Huawei".
- A naming question ("What was the fort called?", "What is the name of the desert ...?") marks
  the name the sentence gives after "called"/"named"/"known as", or a name of the thing asked about.
"""
from __future__ import annotations

import re

from .lexical import stem, zipf
from .question import LATIN_LOWER, LATIN_UPPER, NAME, Question
from .roles import JOB_TITLES, titled_after
from .sports import SCORELINE

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_YEAR_DIGITS = r"(?:1\d{3}|20\d{2})"
_SPELT = (r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
          r"hundred|thousand|million|billion|dozen|hundreds|thousands|millions|twice|half)\b(?:-\w+)?")
_SCALE = r"(?:\s?(?:%|percent|per cent)|\s(?:million|billion|trillion|thousand|hundred)\b)?"
# a unit of time or measure after a number belongs to the answer ("10 minutes", "1,986 m")
_UNIT = (r"(?:\s(?:(?:square|cubic)\s)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries|"
         r"kilometres?|kilometers?|km|miles?|metres?|meters?|m|feet|foot|ft|inches|kg|kilograms?|tonnes?|tons?|"
         r"pounds|lb|acres?|hectares?|degrees?|°[CF]|litres?|liters?|milliliters?|millilitres?|ml|mph|km/h)(?![\w/]))?")
# a whole number token: never the "91" of "910C" or the "199" of "1990s"; no trailing comma
_NUMBER = re.compile(rf"(?<![\w.,])(?:[$€£]\s?)?\d(?:[\d,.]*\d)?(?:bn|m|k)?(?!\w){_SCALE}{_UNIT}|{_SPELT}{_SCALE}{_UNIT}", re.I)
_YEAR = re.compile(rf"(?<![\w.,]){_YEAR_DIGITS}(?:[–-]\d{{2,4}})?s?(?!\w)")
_PREPOSITION = re.compile(r"^(?:in|by|since) ")
_BARE_YEAR = re.compile(_YEAR_DIGITS)
# a time of day in figures: "8 a.m.", "5:30 pm", "19:00"
_TIME = r"(?<![\w.:])\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b\.?|(?<![\w.:])\d{1,2}:\d{2}(?![\w:])"
_PATTERNS = {
    "date": re.compile(rf"\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b(?:\d{{1,2}} )?{_MONTH}(?: \d{{1,2}})?(?:,? \d{{4}})?\b"
                       rf"|\b(?:in |by |since )?{_YEAR_DIGITS}s?\b|\b(?:end|mid|early|late)-\d{{4}}\b"
                       rf"|\b{_WEEKDAY}\b|\b\d{{1,2}}(?:st|nd|rd|th) century\b"
                       rf"|{_TIME}|\b(?:noon|midnight)\b"),
    # a capitalised run after "in"/"at"/"from" ("Sant'Eufemia" whole), never a month or a weekday
    "place": re.compile(rf"(?:(?<=\bin )|(?<=\bat )|(?<=\bfrom ))(?!{_MONTH}\b|{_WEEKDAY}\b)"
                        r"[A-Z][\w-]*(?:['’][A-Z][\w-]*)?(?: [A-Z][\w-]*(?:['’][A-Z][\w-]*)?)*"),
}
_UPPER, _LOWER = LATIN_UPPER, LATIN_LOWER
_PARTICLE = r"(?:de|da|di|del|della|der|den|van|von|le|la|du|dos|y|bin|ibn|al)"
_PERSON = re.compile(rf"(?<![\w’'-])[{_UPPER}][{_LOWER}’'-]+\.?(?:[ -](?:{_PARTICLE} )*[{_UPPER}][{_LOWER}’'-]*\.?)+(?![\w’'])")
# a capitalised word a sentence may start with that names nobody ("The Duchy", "Some Normans")
_LEADING = {"the", "a", "an", "some", "those", "these", "this", "that", "many", "most", "several", "both", "each",
            "all", "its", "his", "her", "their", "our", "in", "on", "at", "by", "for", "after", "before", "during",
            "when", "while", "although", "however", "under", "with", "from", "since", "as"}
# the last word of a place's or an organisation's name, never of a person's
_NOT_PERSON = {
    "america", "africa", "asia", "europe", "minor", "town", "city", "county", "river", "island", "islands", "sea",
    "ocean", "valley", "mountains", "mountain", "street", "road", "bridge", "park", "airport", "station", "building",
    "railroad", "railway", "republic", "kingdom", "empire", "states", "union", "countries", "crown", "state",
    "party", "league", "church", "university", "college", "school", "institute", "laboratory", "museum", "company",
    "corporation", "systems", "group", "association", "society", "council", "court", "bank", "army", "navy",
    "television", "wireless", "network", "news", "times", "transactions", "journal", "crusade", "war", "revolution",
    "act", "treaty", "catholic", "catholics", "protestants", "award", "prize", "cup", "games", "championship",
    # organisations, events and products named in capitals ("Model-Chip Ecosystem Innovation
    # Alliance", "Hunyuan3D World Model", "Quark AI Glasses")
    "alliance", "committee", "commission", "conference", "summit", "forum", "agency", "ministry", "department",
    "foundation", "chamber", "commerce", "model", "models", "glasses", "platform", "system", "ecosystem",
    "intelligence", "inc", "ltd", "corp",
    # places people stay, eat, visit or are treated at ("Gull Cottage", "The Creel Restaurant")
    "cottage", "hotel", "inn", "restaurant", "cafe", "café", "hall", "centre", "center", "clinic", "hospital",
    "library", "office", "harbour", "harbor", "port", "lake", "bay", "beach", "falls", "square", "avenue", "lane",
    "labs", "ventures", "partners", "holdings", "robotics",
    # a title written in capitals, with no one's name after it ("Fiona Lockhart, Chief Financial
    # Officer, …": a "who" question's answer is not the title)
    "officer", "director", "president", "minister", "manager", "secretary", "chairman", "chairwoman", "chairperson",
    "chair", "executive", "governor", "mayor", "treasurer", "commissioner", "chancellor", "headteacher", "principal",
    "spokesperson", "spokesman", "spokeswoman", "editor", "coach", "chief", "general", "emperor",
}
_WORD = re.compile(r"\w+")
MARGIN = 5  # characters by which the nearest candidate must beat the next (chosen on SQuAD 2.0 articles 0-24)
# "What system did Huawei launch?", "Which model powers it?": the noun the answer is an instance of
_HEAD = re.compile(r"^(?:what|which)\s+(?:(?:kind|type|sort|form|name) of\s+(?:the\s+)?)?((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+"
                   r"(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|powers?|makes?)\b", re.I)
# a name, as qa.question reads one ("CloudMatrix 384", "Quark AI Glasses"), or a model code ("910C")
_NAME_RUN = re.compile(r"(?<![\w-])(?:\d+[A-Z][\w-]*\s+)?" + NAME.pattern)
_LEAD_KIND = [(re.compile(r"^(?:who|whom|whose)\b", re.I), "person"), (re.compile(r"^where\b", re.I), "place"),
              (re.compile(r"^when\b", re.I), "date"), (re.compile(r"^how (?:many|much)\b", re.I), "number")]
# "What was the name of the Norman castle?", "What is the system called?": a name is asked for
_ASKS_NAME = re.compile(r"\b(?:called|named|known as)\b|\bname of\b", re.I)
_NAME_OF = re.compile(r"\bname of (?:the |a |an |this |that |his |her |its |their )?((?:[\w’'-]+\s+){0,3}?[a-z-]+)"
                      r"(?=\s+(?:that|which|who|in|on|at|of|for|to|from|near|by|is|was|are|were|did|does)\b|\W*$)", re.I)
# "What is Huawei's new system called?": the thing named is the last word before "called"
_THING_CALLED = re.compile(r"^(?:what|how)\s+(?:is|was|are|were)\s+.*?([a-z-]+)\s+(?:called|named|known as)\W*$", re.I)
# "... a fort called Fort Duquesne", "... known as the Afranji": the name a sentence gives a thing
_CALLED = re.compile(r"\b(?:called|named|known as|dubbed|titled)\s+(?:the\s+)?[\"“‘']?(" + NAME.pattern + ")")
_ASKS_YEAR = re.compile(r"\b(?:what|which) year\b", re.I)
_ASKS_PERCENT = re.compile(r"\bpercent(?:age)?\b|%", re.I)
_COUNTED = re.compile(r"\bhow many\s+((?:[a-z-]+\s+){0,2}?[a-z-]+)\s+(?:is|are|was|were|did|does|do|has|have|had|"
                      r"can|could|will|would)\b", re.I)


def head_noun(question: str) -> str | None:
    """The noun a "what/which <noun> ..." question asks for an instance of, lower-cased."""
    m = _HEAD.search(question.strip())
    return m.group(1).split()[-1].lower() if m else None


def _singular(word: str) -> str:
    """The question's plural ("chips") cut to a prefix of the sentence's singular ("chip") too."""
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


def _instances(head: str, sentence: str) -> list[tuple[int, int]]:
    """Names the sentence says are a ``head`` by a Hearst pattern: "X and other ... chips",
    "chips such as X", "firms including X", "firms like X"."""
    noun, out = _singular(head), []
    for m in _NAME_RUN.finditer(sentence):
        before, after = sentence[:m.start()], sentence[m.end():]
        other = re.match(r"\s*,?\s+(?:and|or) other((?:\s+[\w-]+){1,4})", after)
        listed = re.search(r"\b([a-z-]+),?\s+(?:such as|including|like|especially)\s+(?:[\w’'-]+,?\s+(?:and\s+)?){0,8}$",
                           before)
        if (other and any(w.startswith(noun) for w in other.group(1).split())) or \
                (listed and listed.group(1).startswith(noun)):
            out.append((m.start(), m.end()))
    return out


def _named(head: str, sentence: str) -> list[tuple[int, int]]:
    """Names in the sentence that are a ``head``: "its CloudMatrix 384 system" or "Quark AI Glasses"
    for "glasses" (the head noun following the name, or ending it), or an instance by a Hearst
    pattern."""
    noun = _singular(head)
    out = []
    for m in _NAME_RUN.finditer(sentence):
        words, end = m.group().split(), m.end()
        after = re.match(r"\s+([a-z-]+)", sentence[m.end():])
        if len(words) > 1 and words[-1].lower().startswith(noun):  # "Quark AI Glasses"
            out.append((m.start(), end))
            continue
        if not (after and re.fullmatch(re.escape(noun) + "(?:s|es)?", after.group(1))) or (m.start() == 0 and len(words) == 1):
            continue  # not followed by the noun ("system-level" is not "system"); or a sentence's first word
        if re.search(r"[’']s$", words[-1]):
            continue  # "Huawei's system": the owner, not the system's name
        # "910C AI chips", "US sanctions": a short acronym before the noun is a modifier, not a name
        while words and words[-1].isupper() and len(words[-1]) <= 3:
            end -= len(words.pop()) + 1
        if words:
            out.append((m.start(), end))
    return out + [c for c in _instances(head, sentence) if c not in out]


def without_leading(words: list[str]) -> list[str]:
    """The words after a sentence's leading "The", "Some", "In" ... (which name nobody)."""
    k = 0
    while k < len(words) and words[k].lower() in _LEADING:
        k += 1
    return words[k:]


def names_nobody(words: list[str]) -> bool:
    """Capitalised words in a row that name no person: fewer than two once the leading ones are
    set aside ("The Creel"), or a last word that ends a place's or an organisation's name ("Gull
    Cottage", "Premier League"). qa/features.py reads it for its person feature too."""
    words = without_leading(words)
    return len(words) < 2 or re.sub(r"(?:[’']s)?\.?$", "", words[-1].lower()) in _NOT_PERSON


def person_spans(sentence: str) -> list[tuple[int, int]]:
    """Runs of two or more capitalised words that may name a person: a leading "The"/"Some", a
    possessive "'s" and a full stop that is no initial left out."""
    out = []
    for m in _PERSON.finditer(sentence):
        start, end, words = m.start(), m.end(), m.group().split()
        kept = without_leading(words)
        start += sum(len(w) + 1 for w in words[:len(words) - len(kept)])
        if names_nobody(kept):
            continue
        text = sentence[start:end]
        if text.endswith(".") and not re.search(r"\b[A-Z]\.$", text):
            end -= 1
        if re.search(r"[’']s$", sentence[start:end]):
            end -= 2
        out.append((start, end))
    return out


# a place's first word ("Port Augusta", "Mount Bogong"): it names no one
_PLACE_FIRST = re.compile(r"(?:Port|Mount|Mt|Lake|Fort|Cape|Glen|River)\s")
# a person named by surname beside their title: "Bellamy, the company's chief technology officer"
# (not "Often, the owner of the property acts as …": a common word is no surname)
_SURNAME_TITLED = re.compile(r"(?<![\w’'-])" + titled_after("(?i:" + JOB_TITLES.pattern + ")", 2))
SURNAME_ZIPF = 4.0  # a capitalised word at least this common in English (wordfreq) is a word, not a surname


def _people(sentence: str) -> list[tuple[int, int]]:
    """The people a sentence names, as a short answer marks them: not a place, and a surname
    given a title after it too."""
    out = [c for c in person_spans(sentence) if not _PLACE_FIRST.match(sentence, c[0])]
    return out + [m.span("surname") for m in _SURNAME_TITLED.finditer(sentence)
                  if zipf(m["surname"].split()[0].lower()) < SURNAME_ZIPF and not any(a <= m.start("surname") < b for a, b in out)]


def _kind(q: Question) -> str:
    """The kind of answer: the question's first wh-word when it has one, else its type."""
    if q.english:
        for rx, kind in _LEAD_KIND:
            if rx.match(q.text.strip()):
                return kind
    return q.qtype


_NAMES_IT = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w-]*[a-z][\w-]*\s+$")


# an amount of money: a currency sign before the number or a currency word after it
_CURRENCY_AFTER = re.compile(r"\s?(?:dollars?|euros?|pounds?|yuan|renminbi|yen|cents?|pence|francs?|rupees?|pesos?)\b", re.I)
# a time of day, in figures or words
_CLOCK = re.compile(rf"{_TIME}|\b(?:noon|midday|midnight)\b", re.I)


def _numbers(q: Question, sentence: str) -> list[tuple[int, int]]:
    """Number candidates the question can be asking for."""
    if _ASKS_YEAR.search(q.text):
        return [(m.start(), m.end()) for m in _YEAR.finditer(sentence)]
    cands = [(m.start(), m.end()) for m in _NUMBER.finditer(sentence)]
    if q.measure == "money":  # "How much did they pay?": "£148", not the "two adults" of the same sentence
        return [c for c in cands if re.match(r"[$€£¥]", sentence[c[0]:c[1]]) or _CURRENCY_AFTER.match(sentence, c[1])]
    if _ASKS_PERCENT.search(q.text):
        return [c for c in cands if re.search(r"%|percent|per cent", sentence[c[0]:c[1]], re.I)]
    cands = [c for c in cands if not _BARE_YEAR.fullmatch(sentence[c[0]:c[1]])]  # "how many": not a year
    # a number that ends a name ("its CloudMatrix 384 system", "Apollo 11") names, it does not count
    counts = [c for c in cands if not _NAMES_IT.search(sentence, 0, c[0])]
    cands = counts or cands
    counted = _COUNTED.search(q.text)
    if counted:  # "How many valves did the engine use?": the number followed by "valves"
        noun = _singular(counted.group(1).split()[-1].lower())
        near = [c for c in cands if re.match(r"\s+(?:[\w-]+\s+){0,2}?" + re.escape(noun), sentence[c[1]:], re.I)]
        cands = near or cands
    return cands


def find_span(q: Question, sentence: str) -> tuple[int, int] | None:
    """(start, end) within ``sentence`` of the short answer, or None when unsure."""
    kind = _kind(q)
    qwords = {w.lower() for w in _WORD.findall(q.search)}
    head = head_noun(q.text) if q.english else None
    if q.measure == "clock":  # "What time does it open?": "8 a.m.", not the date beside it
        cands = [(m.start(), m.end()) for m in _CLOCK.finditer(sentence)]
    elif q.measure in ("weight", "length", "temperature"):  # "How heavy …?": "68 grams", the figure with its unit
        from .features import SIZE_FIGURES  # (qa/features.py reads this module)

        cands = [(m.start(), m.end()) for m in SIZE_FIGURES[q.measure].finditer(sentence)]
    elif q.measure == "score":  # "What was the final score?": "3-1", not the minute beside it
        cands = [(m.start(), m.end()) for m in SCORELINE.finditer(sentence)]
    elif kind == "number":
        cands = _numbers(q, sentence)
    elif kind == "person":
        cands = _people(sentence)
    elif kind in _PATTERNS:  # a date's leading "in"/"by"/"since" helps find it, not answer it
        cands = [(m.start() + len(m.group()) - len(_PREPOSITION.sub("", m.group())), m.end())
                 for m in _PATTERNS[kind].finditer(sentence)]
    elif head is not None:
        cands = _named(head, sentence)
    elif q.english and _ASKS_NAME.search(q.text):
        of = _NAME_OF.search(q.text) or _THING_CALLED.search(q.text.strip())
        cands = [(m.start(1), m.end(1)) for m in _CALLED.finditer(sentence)]
        cands += [c for c in (_named(of.group(1).split()[-1].lower(), sentence) if of else []) if c not in cands]
    else:
        return None
    # names and numbers the question itself gives are not its answer
    cands = [_trim(sentence, c) for c in cands]
    cands = [c for c in cands if (w := {x.lower() for x in _WORD.findall(sentence[c[0]:c[1]])}) and not w <= qwords]
    if not cands:
        return None
    names = kind not in ("number", "date")  # a list of names answers as a whole; a number of a list may not
    if len(cands) == 1:
        return None if names and _listed(sentence, cands[0]) else cands[0]
    anchors = _anchors(q, sentence)
    if not anchors:
        return None
    ranked = sorted((min(_gap(c, a) for a in anchors), c) for c in cands)
    if ranked[1][0] - ranked[0][0] < MARGIN:  # no candidate stands out
        return None
    best = ranked[0][1]
    if names and (_listed(sentence, best) or any(_LISTED.fullmatch(sentence[min(best[1], c[1]):max(best[0], c[0])])
                                                 for c in cands if c != best)):
        return None
    return best


_LISTED = re.compile(r"\s*(?:,|,?\s+and|,?\s+or)\s+(?:the\s+)?")  # what stands between two names of one list
_LIST_BEFORE = re.compile(r"(?:[A-Z][\w-]*,|[A-Z][\w-]*,?\s+(?:and|or))\s+$")
_LIST_AFTER = re.compile(r",?\s+(?:and|or)\s+[A-Z]|,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*\s*(?:,|and\b|or\b)")


def _listed(sentence: str, c: tuple[int, int]) -> bool:
    """One name of a list ("Huawei, Biren, Moore Threads, and Enflame"): the list answers, not it."""
    return bool(_LIST_BEFORE.search(sentence, 0, c[0]) or _LIST_AFTER.match(sentence, c[1]))


def _trim(sentence: str, c: tuple[int, int]) -> tuple[int, int]:
    """A sentence's full stop or comma after a name is not part of it ("Fort Duquesne."); an
    abbreviation's is ("U.S.", "E. O.")."""
    start, end = c
    words = sentence[start:end].split()
    if words and sentence[end - 1] in ".,;:" and len(words[-1]) > 2 and "." not in words[-1][:-1]:
        end -= 1
    return start, end


def _anchors(q: Question, sentence: str) -> list[tuple[int, int]]:
    """Where the sentence uses the question's content words (stemmed as the index stems them)."""
    stems = set(q.tokens)
    return [(m.start(), m.end()) for m in _WORD.finditer(sentence) if stem(m.group()) in stems]


def _gap(c: tuple[int, int], a: tuple[int, int]) -> int:
    """Characters between a candidate and an anchor (0 when they overlap)."""
    return max(0, c[0] - a[1], a[0] - c[1])
