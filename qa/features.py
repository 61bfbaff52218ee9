"""Features of (question, candidate sentence) pairs: what the ranker and the answerability
model learn from. One function serves the engine and the training script, so a model is
always applied to exactly the features it was trained on.
"""
from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from functools import lru_cache

import numpy as np

from . import contrast
from .acronyms import abbreviation_paraphrases
from .corpus import plain
from .countries import country_paraphrases
from .crosslingual import has_cjk
from .lexical import tokenize, zipf
from .question import PERSON_NAME, Question, everyday_paraphrases
from .roles import role_paraphrases, title_abbreviations
from .sayings import saying_paraphrases
from .segment import field_line, search_text, signer
from .span import names_nobody
from .sports import SCORELINE, sport_paraphrases
from .types import Document, Sentence
from .units import unit_paraphrases

# a month by name or its abbreviation (one group); counts.py and answer.py read months by it too
MONTHS = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)"
_AM_PM = r"\b\d{1,2}(?:[:.]\d{2})?\s?[ap]\.?m\b"  # a time of day: "6 am", "5.30 p.m."
_ENTITY = {
    "number": re.compile(r"\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|dozen|several|half)\b", re.I),
    "date": re.compile(rf"\b(1\d{{3}}|20\d{{2}})s?\b|\b{MONTHS}\b|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|century|decade|\d{{4}}-\d{{2}}-\d{{2}})\b"
                       rf"|{_AM_PM}|\b\d{{1,2}}:\d{{2}}\b|\b(noon|midnight)\b", re.I),  # "When does it open?": "6 am"
    "person": re.compile(rf"{PERSON_NAME.pattern}|\b(he|she|CEO|president|king|queen|emperor|minister|leader|founder|director)\b"),
    "place": re.compile(r"\b(in|at|from|near|to|behind|beside|outside|inside|opposite|along|beyond|towards?|next to|across from) "
                        r"(the )?[A-Z][a-z]+|\b(city|country|region|province|state|river|island|capital)\b"),
    "list": re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w-]*[A-Za-z]"),  # names: which companies, which chipmakers
    "reason": re.compile(r"\b(because|due to|since|as a result|in response|thanks to|so that|in order to|owing to|led to|caused)\b", re.I),
}
UNTRAINED_MEASURES = frozenset({"age", "month", "weight", "length", "temperature", "score"})
_SPELT_NUMBER = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
                 r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand")
_NUM = rf"(?:\d[\d,.]*|a|an|{_SPELT_NUMBER}|several|few|many|half|a couple of)"
# a figure that is no sum of money ("$5m" is no length), then its unit
_FIGURE = rf"(?<![$£€¥])\b(?:\d[\d,.]*|{_SPELT_NUMBER})"
# a figure with a unit of weight ("68 grams", "1.4 tonnes") or temperature ("-12 °C", "100 degrees")
_WEIGHT_FIGURE = (rf"{_FIGURE}(?:\s|-)?(?:million |thousand |billion |half )?(?:grams?|g|kg|"
                  r"kilo(?:gram)?s?|milligrams?|mg|tonnes?|tons?|t|pounds?|lbs?|ounces?|oz|stone|carats?)\b(?!\s*(?:sterling|each|per))")
_TEMPERATURE_FIGURE = r"-?\d[\d,.]*\s?°\s?[CF]?\b|-?\d[\d,.]*\s+(?:degrees?|kelvins?)(?:\s+(?:Celsius|Fahrenheit|centigrade))?\b"
# what answers a question's measure (qa/question.py `asked_measure`), checked in place of its type
_MEASURE = {
    "money": re.compile(r"[$£€¥₹]|\b(?:US|USD|EUR|GBP|RMB|CNY|CHF|HK)\s?\$?\d|\d\s?(?:bn|m|k|million|billion|thousand)?\s?(?:pounds?|quid|marks?|crowns?|won|EUR|USD|GBP)\b"
                        r"|\b(?:dollars?|euros?|yuan|renminbi|yen|lira|lire|cents?|pence|francs?|rupees?|pesos?|roubles?|rubles?|"
                        r"kronor|krona|shillings?|guineas?|ducats?|florins?|fiver|tenner)\b"
                        r"|\b(?:free|no (?:extra |additional )?(?:charge|cost|fee)|at no cost|costs? nothing|included in the price)\b", re.I),
    "clock": re.compile(rf"{_AM_PM}|\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b|\b\d{{1,2}}h\d{{0,2}}\b"
                        r"|\b(?:noon|midday|midnight|o['’]clock|dawn|dusk|sunrise|sunset|morning|afternoon|evening|night|tonight|"
                        r"overnight|half past|quarter (?:past|to))\b", re.I),
    # a year of four digits, one of three or fewer after "in", "from", "AD" or before "BC", "'98",
    # or one counted from another ("the following year")
    "year": re.compile(r"\b(?:1\d{3}|20\d{2})s?\b|\b(?:AD|CE)\s?\d{1,4}\b|\b\d{1,4}\s?(?:BC|BCE|AD|CE)\b"
                       r"|\b(?:in|from|since|until|to|around|circa|c\.)\s+\d{3}\b(?!\s*%)(?!\s+(?!(?:and|to|when|after|before|the|a|an|he|she|it|they|his|her|its|their)\b)[a-z])|['’]\d{2}\b"
                       r"|\b(?:following|next|previous|same|that|this|last) year\b|\byears? (?:later|earlier|before|after)\b", re.I),
    # a month by name ("held on April 14", "in Sept."), in a date written in figures ("2025-07-28"),
    # or counted from now ("next month")
    "month": re.compile(rf"\b{MONTHS}\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
                        r"|\b(?:this|last|next|that|the following|the same|the previous) month\b"),
    "percent": re.compile(rf"%|\bper ?cent|\bpercentage|\b(?:half|third|quarter|fifth|tenth|majority|minority)s?\b"
                          rf"|\b(?:\d+|{_SPELT_NUMBER}) (?:in|out of) (?:\d+|{_SPELT_NUMBER})\b", re.I),
    # a person's age (no feature of the models: UNTRAINED_MEASURES): "aged 19", "a 19-year-old", "nine
    # years old", "at the age of 72", "Okafor, 19, joined", "in her forties", "when I was nine", "Vesey
    # was 24 when"; or a thing's, as long ago ("515 million years ago")
    "age": re.compile(rf"\baged?\s+(?:about |around |just |only |over |under |between )?(?:\d|{_SPELT_NUMBER})"
                      rf"|\b(?:\d{{1,3}}|{_SPELT_NUMBER})(?:[\s-]+and a half)?[\s-]+(?:years?|months?|weeks?|days?)[\s-]+old\b"
                      rf"|\b(?:\d{{1,3}}|{_SPELT_NUMBER})-year-old|\b(?:at )?(?:the )?age of\b|\bages? \d"
                      r"|(?<=[A-Za-z.]),\s*\d{1,3}\s*,"
                      r"|\bin (?:his|her|their|my|our) (?:early |mid-?|late )?(?:teens|twenties|thirties|forties|fifties|"
                      r"sixties|seventies|eighties|nineties|\d0s)\b"
                      rf"|\b(?:I|he|she|they|we|you) (?:was|were|is|am|are|turned|turns) (?:about |around |just |only )?"
                      rf"(?:\d{{1,3}}|{_SPELT_NUMBER})\b(?! (?:percent|per cent|%|times|points?|minutes?|hours?|goals?))"
                      rf"|\b(?:was|were|is|turned) (?:about |around |only |just )?(?:\d{{1,3}}|{_SPELT_NUMBER}) when\b"
                      r"|\b\d[\d,.]*\s+(?:million |thousand |billion )?years? (?:ago|old|of age)\b", re.I),
    # a physical size: a figure with a unit of its dimension ("weigh 68 grams", "1,986 m (6,516 ft)",
    # "14 kilometres long", "a 23-metre rocket", "-5 °C"); no feature of the models (UNTRAINED_MEASURES)
    "weight": re.compile(rf"{_WEIGHT_FIGURE}"
                         rf"|\bweigh(?:s|ed|ing)?\s+(?:about |around |just |only |nearly |almost |roughly |over |under |less than |more than )?"
                         rf"(?:\d|{_SPELT_NUMBER}|a\b)", re.I),
    "length": re.compile(rf"{_FIGURE}(?:[\s-]+(?:and a )?half)?(?:\s|-)?(?:million |thousand |hundred )?(?:met(?:re|er)s?|m|km|kilomet(?:re|er)s?|"
                         r"cm|centimet(?:re|er)s?|mm|millimet(?:re|er)s?|nm|nanomet(?:re|er)s?|miles?|mi|feet|foot|ft|inch(?:es)?|"
                         r"yards?|yd|nautical miles?|light[\s-]years?|storeys?|stories)\b", re.I),
    "temperature": re.compile(r"\d\s?°|\b(?:degrees?|celsius|centigrade|fahrenheit|kelvins?)\b|\b\d+\s?[CF]\b(?!-)", re.I),
    # a game's result ("beating holders Caldera United 2-1"); no feature of the models (UNTRAINED_MEASURES)
    "score": SCORELINE,
    # ("five (5) years": a contract writes the figure again in brackets)
    "duration": re.compile(rf"\b{_NUM}[\s-]+(?:\(\d[\d,.]*\)[\s-]+)?(?:(?:and )?a half[\s-]+)?(?:\w+[\s-]+)?(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|"
                           r"fortnights?|months?|years?|decades?|centur(?:y|ies)|millenni(?:um|a)|metres?|meters?|kilomet(?:re|er)s?|km|"
                           r"miles?|feet|foot|ft|inch(?:es)?|cm|mm|yards?|words|pages|characters|lines)\b"
                           r"|\b\d[\d,.]*\s?(?:h|hr|hrs|min|mins|km|cm|mm|ft)\b|\bfortnight\b"
                           r"|\b(?:since|until|till|throughout|overnight|all (?:day|night|week|month|year|summer|winter|season)|"
                           r"lifelong|for life)\b", re.I),
}

# the figure a size question's short answer marks (qa/span.py), its unit with it
SIZE_FIGURES = {"weight": re.compile(_WEIGHT_FIGURE, re.I), "length": _MEASURE["length"],
                "temperature": re.compile(_TEMPERATURE_FIGURE, re.I)}

QTYPES = ("number", "date", "person", "place", "reason", "list", "other")

NAMES = (
    "dense", "dense_z", "dense_gap", "dense_ctx", "e5", "e5_z",
    "bm25", "bm25_n", "bm25_ctx_n",
    "cover", "cover_ctx", "cover_rare", "missing_rare", "missing_idf", "missing_max", "missing_name", "cap_cover",
    "type_match", "type_new", "bigram", "window", "exact", "cover_prev", "continues",
    "len_log", "first_in_para", "is_meta", "asks_published", "negated", "opposite", "number_missing",
    *(f"q_{t}" for t in QTYPES),
)


@lru_cache(maxsize=200_000)
def token_list(text: str) -> tuple[str, ...]:
    return tuple(tokenize([text])[0])


@lru_cache(maxsize=200_000)
def sentence_tokens(text: str) -> frozenset[str]:
    return frozenset(token_list(text))


_WORD = re.compile(r"\w+", re.UNICODE)


def _bigrams(tokens) -> set[tuple[str, str]]:
    return set(zip(tokens, tokens[1:]))


# What a candidate sentence contributes to its features is the same for every question it is a
# candidate for, so it is read once: a corpus-wide question scores up to EXHAUSTIVE_LIMIT (4,000)
# sentences. Bounded (~2-4 KB an entry): a million-sentence corpus rarely repeats a candidate.
SENTENCE_CACHE = 20_000


@lru_cache(maxsize=SENTENCE_CACHE)
def sentence_bigrams(text: str) -> frozenset[tuple[str, str]]:
    return frozenset(_bigrams(token_list(text)))


@lru_cache(maxsize=SENTENCE_CACHE)
def lower_words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in _WORD.findall(text))


@lru_cache(maxsize=2 * SENTENCE_CACHE)
def entity_mentions(kind: str, text: str) -> tuple[str, ...]:
    """The sentence's mentions of the kind of thing a question type or measure asks for, lower-cased.
    A run of capitalised words is no person when it ends as a place's or an organisation's name
    does ("Gull Cottage", "Lakeland State University") or is one word after "The" ("The Creel")."""
    rx = _MEASURE.get(kind) or _ENTITY[kind]
    found = (m.group(0) for m in rx.finditer(text))
    if kind == "person":  # a pronoun or a title ("she", "CEO") is one word, a name's run more
        found = (f for f in found if len(f.split()) < 2 or not names_nobody(f.split()))
    return tuple(f.lower() for f in found)


def mention_spans(kind: str, text: str) -> list[tuple[int, int]]:
    """Where the sentence mentions the kind of thing asked (`entity_mentions`' matches, unfiltered)."""
    return [m.span() for m in (_MEASURE.get(kind) or _ENTITY[kind]).finditer(text)]


# Zipf frequency (wordfreq: 6 is once per thousand English words) at and above which a question
# word frames the question rather than naming what it asks about: "How *many* firms ...", "What
# did Baidu *show*?", "What *might* the alliances serve as?". A long article writes such words
# somewhere, a short one often doesn't, and their absence from it is no sign that it can't
# answer (a price, a revenue or an attendance it never mentions is).
FRAMING_ZIPF = 5.4
# and, however rare, the closed classes of words that qualify a question rather than name what
# it asks about: approximators ("*roughly* how many"), typicality ("what do kids *usually* get"),
# exclusion ("*besides* the grant"), indefinites ("was *anyone* sent off"), modal framing ("when
# is it *supposed* to finish"), discourse words, comparison. A text rarely writes them and their
# absence says nothing; a short text doesn't write many of the commonest either.
QUALIFIERS = frozenset(
    "roughly approximately about around nearly almost circa exactly precisely "
    "usually normally typically generally mostly mainly ordinarily often sometimes currently "
    "besides instead apart aside except "
    "anyone anybody anything someone somebody something everyone everybody everything "
    "supposed meant ok okay actual actually basically really according "
    # and the order of events, which a text tells by its own order ("How did they *finally* find it?")
    "finally eventually ultimately initially originally afterwards afterward overall "
    # and comparison ("How do the two alliances *differ*?"): the text gives each side, rarely the word
    "compare comparison contrast differ differs differed difference differences".split())  # not "compared to the east"


@lru_cache(maxsize=10_000)
def common_words(text: str) -> dict[str, str]:
    """The question's tokens (stems) that are no name, each with its word as written, lower
    case ("Apple", "Washington" are names however common; a question's first word is none)."""
    out = {}
    for m in _WORD.finditer(text):
        w = m.group(0)
        if w[:1].isupper() and m.start() > 0 and w.lower() not in QUALIFIERS:  # "OK" is no name
            continue
        stems = token_list(w)
        if len(stems) == 1:
            out.setdefault(stems[0], w.lower())
    return out


# a choice the question asks the reader to make, of the kind a text answers with figures and dates
# rather than in its words: the order of two things in time ("Which is *older*, the bottle or the
# bowl?", "Which came *first*, …?": the text gives each one's year) and a change ("Has the list
# *grown or shrunk*?": "down from 61,900"; it writes at most one side of the pair). Not other
# comparisons: "Who is *taller*, Mercer or Brandt?" of a text giving no heights is refused for it.
_PAIR = re.compile(r"\b([a-z]+) or ([a-z]+)\b")
_CHANGE = frozenset("up down rise rises rose risen fall falls fell fallen grow grows grew grown shrink shrinks shrank shrunk "
                    "increase increased decrease decreased gain gained lose lost improve improved worsen worsened".split())
_IN_TIME = re.compile(r"\b(older|oldest|younger|youngest|newer|newest|earlier|earliest|later|latest|first|sooner)\b"
                      r"(?=[^,]*,[^,]+\bor\b|\s+than\b)")


def choice_words(text: str) -> frozenset[str]:
    """The words of a question that frame a choice (lower case, as written)."""
    pairs = {w for m in _PAIR.finditer(text) for w in m.groups() if all(x in _CHANGE for x in m.groups())}
    return frozenset(pairs | set(_IN_TIME.findall(text.lower())))


# a question asking what happened ("What happened to the well?", "How did the race turn out?",
# "What went wrong with the change?", "What's the latest on the strike?"): the text tells the event
# in its own words and never writes "happened"
_ASKS_EVENT = re.compile(r"(?i)\bwhat(?:['’]s|\s+is|\s+has|\s+had)?\s+(?:happen(?:ed|ing|s)?|going\s+on|gone\s+wrong|went\s+wrong)\b"
                         r"|\bhow\s+did\b[^?]{1,80}?\b(?:turn\s+out|end\s+up|end|go)\b|\bwhat\s+(?:came|has\s+come)\s+of\b"
                         r"|\bwhat(?:['’]s|\s+is)\s+the\s+(?:latest|status|update)\b")
_EVENT_WORDS = frozenset("happen happened happening happens going wrong went gone turn out end go came come latest status update".split())


# a question naming the kind of time it asks for: "What month did the race take place?" of "held
# on April 13" (the type features read the date)
_ASKS_WHEN = re.compile(r"(?i)\b(?:what|which)\s+(?:date|day|month|week|season|century|decade|period)\b|\bday\s+of\s+the\s+week\b")
_WHEN_WORDS = frozenset("date day month week season century decade period".split())
# a question asking by how much something changed: "By how much did net debt drop?" of "Net debt
# fell to €1.12 billion … from €1.31 billion" (the text gives the figures, in its own verb)
_CHANGE_VERBS = frozenset("drop dropped fall fell rise rose grow grew increase increased decrease decreased decline declined "
                          "climb climbed jump jumped shrink shrank slip slipped gain gained".split())
_ASKS_CHANGE = re.compile(r"(?i)\bhow\s+much\s+(?:did|has|have|had|will|does|do)\b[^?]{1,80}?\b(?:%s)\b" % "|".join(_CHANGE_VERBS))


def event_words(text: str) -> frozenset[str]:
    """The words of a question that ask what happened, when by the kind of time, or by how much
    something changed (lower case, as written)."""
    frames = [(m.group(0), kept) for pattern, kept in ((_ASKS_EVENT, _EVENT_WORDS), (_ASKS_WHEN, _WHEN_WORDS), (_ASKS_CHANGE, _CHANGE_VERBS))
              for m in pattern.finditer(text)]
    return frozenset(w for frame, kept in frames for w in re.findall(r"[a-z]+", frame.lower()) if w in kept)


def framing_tokens(text: str) -> frozenset[str]:
    """The question's tokens whose word, as written, is among the commonest in English (not its
    stem: "founded" is no "found"), a qualifier, or frames a choice or a question about an event."""
    framing = choice_words(text) | event_words(text)
    return frozenset(t for t, w in common_words(text).items() if w in QUALIFIERS or w in framing or zipf(w) >= FRAMING_ZIPF)


NAME_LIKENESS = 85  # rapidfuzz ratio at and above which a name is the text's, typed otherwise


def _written_alike(token: str, stoks: list[frozenset[str]]) -> bool:
    """Whether a candidate writes a name of a question in another language a little otherwise:
    "Baidú", "Tencén" for Baidu, Tencent; "Matrix" of "CloudMatrix", "CloudMatrix384". Such a
    question gets no respelling (qa/spelling.py reads English)."""
    from rapidfuzz import fuzz

    folded = "".join(c for c in unicodedata.normalize("NFKD", token) if not unicodedata.combining(c))
    return any(fuzz.ratio(folded, word) >= NAME_LIKENESS or min(len(folded), len(word)) >= 5 and (folded in word or word in folded)
               for word in frozenset().union(*stoks))


def _window(tokens: tuple[str, ...], wanted: set[str]) -> float:
    """How tightly the question's words sit together in the sentence: matched / span length."""
    pos = [k for k, t in enumerate(tokens) if t in wanted]
    if len(pos) < 2:
        return float(len(pos) > 0) * 0.5
    return len(pos) / (pos[-1] - pos[0] + 1)


def _zscore(x: np.ndarray) -> np.ndarray:
    sd = float(x.std()) if len(x) > 1 else 0.0
    return (x - float(x.mean())) / (sd + 1e-6)


def _same_paragraph(sents: list[Sentence]) -> np.ndarray:
    """For each candidate, whether the one before it in the list is in the same paragraph."""
    keys = [(s.doc, s.para) for s in sents]
    return np.array([False] + [a == b for a, b in zip(keys, keys[1:])], dtype=bool)


def _previous(values: np.ndarray, same: np.ndarray) -> np.ndarray:
    """Each sentence's predecessor's value in the same paragraph (0 for a paragraph's first)."""
    out = np.zeros_like(values)
    out[1:] = np.where(same[1:], values[:-1], 0)
    return out


def _neighbour_max(values: np.ndarray, same: np.ndarray) -> np.ndarray:
    """For each sentence, the best value among its paragraph neighbours (i-1, i+1), at least 0."""
    before, after = _previous(values, same), np.zeros_like(values)
    after[:-1] = np.where(same[1:], values[1:], 0)
    return np.maximum(np.maximum(before, after), 0)


ASKS_PUBLISHED = re.compile(r"\b(publish|published|publication|dated|date of (the|this) (article|story|report)|when was (the|this) (article|story|report|piece))", re.I)


def set_e5(F: np.ndarray, e5: np.ndarray) -> None:
    """The multilingual channel's two columns, filled after `compute` (qa/retrieve.py): its
    vector may still be on its way, and nothing else in the matrix depends on them."""
    F[:, NAMES.index("e5")] = e5
    F[:, NAMES.index("e5_z")] = _zscore(e5)


def compute(q: Question, sents: list[Sentence], dense: np.ndarray, bm25: np.ndarray,
            df: dict[str, int], n_total: int, docs: Mapping[str, Document] | None = None,
            near: Callable[[list[str]], set[str]] | None = None) -> np.ndarray:
    """Feature matrix (len(sents), len(NAMES)) for one question over its candidate sentences.

    ``sents`` must be in document order within the scope (neighbour features rely on it);
    ``df`` gives each question token's sentence frequency over the corpus of ``n_total``;
    ``docs`` (by id) gives a table row its header's labels (`search_text`); ``near`` says
    which of some words (lower case) the scope writes in other words (qa/nearwords.py).
    e5's two columns stay 0 here: `set_e5` fills them.
    """
    n = len(sents)
    F = np.zeros((n, len(NAMES)), dtype=np.float32)
    if n == 0:
        return F
    col = {name: k for k, name in enumerate(NAMES)}
    owners = [docs.get(s.doc) if docs is not None else None for s in sents]
    texts = [search_text(s, d) for s, d in zip(sents, owners)]
    # the sentence as written (meta lines and a fact sheet's lines too, which search_text spells
    # out: "Founder: Oswell Spencer" names no one else, whatever the page's title), accents composed
    fields = [field_line(s, d) or bool(signer(s, d)) for s, d in zip(sents, owners)]
    raw = [plain(s.text) if s.kind == "meta" or field else t for s, field, t in zip(sents, fields, texts)]
    stoks = [sentence_tokens(t) for t in texts]
    for typed, name in q.aliases:  # "WAIC" is in a sentence that writes the name out
        said = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)", re.I)
        alias = frozenset(token_list(typed))
        stoks = [st | alias if said.search(t) else st for st, t in zip(stoks, texts)]
        df = {**df, **{a: max(df.get(a, 0), sum(alias <= st for st in stoks)) for a in alias}}
    # "Who runs Brightwater?" is asked in a sentence that writes "Chief Executive Officer" (qa/roles.py),
    # "How many kilometres …?" in one that writes "a 40-km stretch" (qa/units.py), "How did the lawyer
    # react?" in one reporting what she said (qa/sayings.py), "What did America restrict?" in one
    # that writes "US export restrictions" (qa/countries.py)
    paraphrases = (role_paraphrases(q.search) + title_abbreviations(q.search) + unit_paraphrases(q.search)
                   + saying_paraphrases(q.search) + everyday_paraphrases(q.search)
                   + country_paraphrases(q.search) + sport_paraphrases(q.search)) if q.english else []
    paraphrases = paraphrases + abbreviation_paraphrases(q.search)  # "AI" of "artificial intelligence", in any language
    for typed, titles in paraphrases:
        asked = frozenset(token_list(typed))
        stoks = [st | asked if titles.search(t) else st for st, t in zip(stoks, texts)]
        df = {**df, **{a: max(df.get(a, 0), sum(a in st for st in stoks)) for a in asked}}
    qtok = [t for t in dict.fromkeys(q.tokens) if t]
    idf = {t: math.log(1 + n_total / (1 + df.get(t, 0))) for t in qtok}
    total_idf = sum(idf.values()) or 1.0
    rare = [t for t in qtok if df.get(t, 0) <= max(3, 0.01 * n_total)]
    # ("Is it OK to …?": a qualifier in capitals is no name)
    caps = set(tokenize([" ".join(w for w in re.findall(r"\b[A-Z][\w-]*", q.search) if w.lower() not in QUALIFIERS)])[0]) \
        if q.english else set()
    caps = {t for t in caps if t in idf}
    # the names of a question in another language ("¿Qué anunció Xiaomi?", "DeepSeek" in a Chinese
    # question): read for coverage only, the ranker learnt its name features on English questions
    foreign = set(tokenize([" ".join(q.names)])[0]) & set(idf) if not q.english else set()
    # which question word each sentence has: one column per word, read by the coverage features
    has = np.array([[t in st for st in stoks] for t in qtok], dtype=bool).T.reshape(n, len(qtok))
    said = dict(zip(qtok, has.T))
    same = _same_paragraph(sents)

    F[:, col["dense"]] = dense
    F[:, col["dense_z"]] = _zscore(dense)
    F[:, col["dense_gap"]] = dense - float(dense.max())
    F[:, col["dense_ctx"]] = _neighbour_max(dense, same)
    bmax = float(bm25.max()) if n else 0.0
    F[:, col["bm25"]] = bm25
    F[:, col["bm25_n"]] = bm25 / bmax if bmax > 0 else 0.0
    F[:, col["bm25_ctx_n"]] = _neighbour_max(bm25, same) / bmax if bmax > 0 else 0.0
    cover = (has @ np.array([idf[t] for t in qtok], dtype=np.float64) / total_idf).astype(np.float32)
    F[:, col["cover"]] = cover
    F[:, col["cover_ctx"]] = np.maximum(cover, _neighbour_max(cover, same))
    if rare:
        F[:, col["cover_rare"]] = sum(said[t].astype(np.float64) for t in rare) / len(rare)
    # question words the whole scope never mentions: a strong sign the text can't answer
    in_scope = {t for t in qtok if said[t].any()}
    # a word-by-word translation (Chinese) says nothing reliable about one missing word (its
    # glosses are alternatives, names come out as pinyin), but a translation sharing no word at
    # all with the text ("你好" -> "hello hi") asks about something the text never mentions
    if q.english:
        framing = framing_tokens(q.search)
        absent = [t for t in qtok if t not in in_scope and t not in framing]
        worded = common_words(q.search)
        unwritten = [worded[t] for t in absent if t in worded]
        if unwritten and near is not None:  # "start" where the text says "begin"
            written = near(unwritten)
            absent = [t for t in absent if worded.get(t) not in written]
    elif has_cjk(q.text) and not in_scope:
        absent = qtok
    else:  # a question in another language: only its names can be looked for as they are
        absent = [t for t in foreign if t not in in_scope and not _written_alike(t, stoks)]
    F[:, col["missing_rare"]] = sum(t in rare for t in absent) / max(1, len(qtok))
    F[:, col["missing_idf"]] = sum(idf[t] for t in absent) / total_idf
    F[:, col["missing_max"]] = max((idf[t] for t in absent), default=0.0) / math.log(1 + n_total)
    if caps:  # a name the text never mentions ("What did Microsoft present?") is the surest sign
        F[:, col["missing_name"]] = sum(t not in in_scope for t in caps) / len(caps)
        F[:, col["cap_cover"]] = sum(said[t].astype(np.float64) for t in caps) / len(caps)
    elif foreign:
        F[:, col["missing_name"]] = sum(t in absent for t in foreign) / len(foreign)
    # the models learnt these features before ages were a measure: an age question reads as the
    # number question it was then (qa/answer.py checks the age: `lacks_measure`, `measure_first`)
    kind = q.measure if q.measure and q.measure not in UNTRAINED_MEASURES else q.qtype
    if kind in _ENTITY or kind in _MEASURE:
        qwords = {w.lower() for w in _WORD.findall(q.search)}
        mentions = [entity_mentions(kind, r) for r in raw]
        F[:, col["type_match"]] = [1.0 if m else 0.0 for m in mentions]
        # an answer of the expected type that the question itself doesn't already contain (a mention
        # of several words, "fiona lockhart", counts as new even where the question writes it: the
        # ranker learnt it so, and comparing its words lost two SQuAD test answers, docs/results.md)
        F[:, col["type_new"]] = [1.0 if any(w not in qwords for w in m) else 0.0 for m in mentions]
    # "Another consortium, the X Committee, ... . Members include A, B and C.": the answer often
    # continues the sentence that names what the question asks about
    F[:, col["cover_prev"]] = _previous(cover, same)
    F[:, col["continues"]] = F[:, col["cover_prev"]] * F[:, col["type_new"]]
    # a sentence without any question word shares no pair of them, and has no window of them
    asked = has.any(axis=1).tolist()
    qbi = _bigrams(tuple(q.tokens))
    if qbi:
        F[:, col["bigram"]] = [len(qbi & sentence_bigrams(t)) / len(qbi) if a else 0.0 for t, a in zip(texts, asked)]
    qset = set(qtok)
    F[:, col["window"]] = [_window(token_list(t), qset) if a else 0.0 for t, a in zip(texts, asked)]
    qlow = {w.lower() for w in _WORD.findall(q.text) if len(w) > 3}
    if qlow:
        F[:, col["exact"]] = [len(qlow & lower_words(t)) / len(qlow) for t in texts]
    F[:, col["len_log"]] = [math.log1p(len(r)) for r in raw]
    F[:, col["first_in_para"]] = ~same
    F[:, col["is_meta"]] = [1.0 if s.kind == "meta" else 0.0 for s in sents]
    F[:, col["asks_published"]] = 1.0 if ASKS_PUBLISHED.search(q.text) else 0.0
    # what the sentence says against the question: negation and opposites read English words
    # (a translated question's glosses are alternatives); numbers are digits in every language
    qnums = contrast.numbers(q.search, spelt=False)
    if qnums:
        # a fact sheet's line is about the page's subject: "First flight: 22 June 1983" of the HT-9
        F[:, col["number_missing"]] = [float(contrast.number_missing(qnums, contrast.numbers(t if field else r)))
                                       for r, t, field in zip(raw, texts, fields)]
    if q.english:
        negated = contrast.negated_words(q.search)
        if negated:
            F[:, col["negated"]] = [float(contrast.affirms(negated, r, st)) for r, st in zip(raw, stoks)]
        qwords = contrast.claimed_words(q.search)
        if any(w in contrast.OPPOSITES for w in qwords):
            F[:, col["opposite"]] = [float(contrast.opposite(qwords, contrast.words(r))) for r in raw]
    F[:, col[f"q_{q.qtype}"]] = 1.0
    return F
