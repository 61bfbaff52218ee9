"""Read a misspelt question word as the word the document uses ("structual" -> "structural").

A word the text never uses is the strongest sign that it cannot answer a question, so a typo
("How many stories was the Petionville school?" about "Pétion-Ville") used to be refused. A
question word is re-read only when all of these hold, so a common word is not swapped for
another ("fewest" stays "fewest" in a text that says "West"):

- no word of the documents in scope stems the same way, or the word is spelt unlike any of
  them though it stems like one ("conferance" stems as "conference" does, so BM25 matched it,
  but the embedders read unknown pieces) and is not that word with another ending ("ziggurats");
- it is rare in English (wordfreq's Zipf frequency under 2.4, about one in four million words):
  a typo, or a name spelt differently;
- a word of the documents is within the edits a search engine's fuzzy matching allows
  (Elasticsearch's ``fuzziness: AUTO``: 1 edit for 3-5 letters, 2 from 6; a swap of two
  neighbouring letters is one edit), once accents, hyphens and case are set aside. A word that
  differs only in those ("Herve", "Hervé"), or only as British and American spellings do
  ("center", "centre"), is always re-read.

The closest such word wins, then the more frequent one. Before that, a word spelt like an
acronym of a name the text writes out is read as the name ("WAIC" or "waic" -> "World Artificial
Intelligence Conference"; qa/acronyms.py). The rarity bar was set on SQuAD 2.0's
articles 0-24: every real word re-read wrongly there without it ("qualitative" -> "quantitative",
"peaches" -> "teachers", "serf" -> "surf") is above it, and every typo but "NAB" (for NBA; also
a real acronym) below. A few wrong readings remain ("synchronously" -> "asynchronously").
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Iterable

from .abbreviations import in_english
from .acronyms import acronyms_of, best_names, expand, well_known_in
from .corpus import plain
from .crosslingual import has_cjk
from .lexical import tokenize, zipf
from .question import Question, content_tokens, typed_word

# a word (letters, inner apostrophes and hyphens: "Nvidia’s", "chip-maker") and its possessive
# ending ("'S" too, as a question typed in capitals writes it); qa/recase.py reads words so too
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
POSSESSIVE = re.compile(r"['’]s$", re.I)
MIN_LETTERS = 3
MAX_UNKNOWN = 8  # words looked up per question: a long string of gibberish costs no more


def fold(word: str) -> str:
    """Lower case without accents, hyphens or apostrophes: "Pétion-Ville" -> "petionville"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


# British and American spellings of one word ("center"/"centre", "recognized"/"recognised"): the
# question's spelling is a common word of its own, and the document's stems differently
_VARIANT_ENDINGS = [("or", "our"), ("ors", "ours"), ("er", "re"), ("ers", "res"), ("ize", "ise"),
                    ("ized", "ised"), ("izes", "ises"), ("izing", "ising"), ("ization", "isation"),
                    ("yze", "yse"), ("yzed", "ysed"), ("og", "ogue"), ("eled", "elled"),
                    ("eling", "elling"), ("ense", "ence"), ("ler", "ller")]
_VARIANT_PAIRS = _VARIANT_ENDINGS + [(b, a) for a, b in _VARIANT_ENDINGS]
MIN_VARIANT_ROOT = 3  # "four" is not "for"


def spelling_variants(key: str) -> list[str]:
    """The other side's spellings of a folded word, by its ending."""
    return [key[:-len(a)] + b for a, b in _VARIANT_PAIRS
            if key.endswith(a) and len(key) - len(a) >= MIN_VARIANT_ROOT]


def max_edits(word: str) -> int:
    n = len(word)
    return 0 if n < MIN_LETTERS else 1 if n < 6 else 2


@dataclass(frozen=True)
class Vocabulary:
    """The words of some documents, by folded form: the most frequent spelling and its count;
    and the names they write out, by acronym."""

    spelling: dict[str, str]
    count: dict[str, int]
    by_length: dict[int, tuple[str, ...]]
    acronyms: dict[str, str] = field(default_factory=dict)
    # exceptions to reading a word's case in mid-sentence from its spelling (`in_mid_sentence`):
    # words only ever written where a sentence starts, and capitalised words mostly written in lower case
    openings: frozenset[str] = frozenset()
    lower_inside: frozenset[str] = frozenset()
    possessed: dict[str, str] = field(default_factory=dict)  # names written only with "’s": "Nvidia"

    @classmethod
    def of(cls, texts: Iterable[str]) -> "Vocabulary":
        counts: Counter[str] = Counter()
        inside: Counter[str] = Counter()
        names: Counter[tuple[str, str]] = Counter()
        known: Counter[tuple[str, str]] = Counter()  # WELL_KNOWN's names written out
        for text in texts:
            text = plain(text)  # "é" as one letter however the file stores it (NFD splits a word at its accent)
            counts.update(WORD.findall(text))
            inside.update(_MID_SENTENCE.findall(text))
            names.update(acronyms_of(text, is_common))
            known.update(well_known_in(text))
        spelling: dict[str, str] = {}
        count: Counter[str] = Counter()
        for word, n in counts.most_common():
            key = fold(word)
            if key:
                spelling.setdefault(key, word)
                count[key] += n
        by_length: dict[int, list[str]] = {}
        for key in count:
            by_length.setdefault(len(key), []).append(key)
        upper, lower, capitalised = _mid_sentence_cases(inside)
        acronyms = best_names(names)
        for (key, name), _ in known.most_common():  # a text's own names first: its "UN" may be another
            acronyms.setdefault(key, name)
        return cls(spelling, dict(count), {n: tuple(keys) for n, keys in by_length.items()}, acronyms,
                   openings=frozenset(k for k in spelling if k not in upper and k not in lower),
                   lower_inside=frozenset(k for k, n in lower.items() if spelling.get(k, "")[:1].isupper() and n >= upper[k]),
                   possessed={k: w for k, w in capitalised.items() if k not in spelling and upper[k] > lower[k]})

    def in_mid_sentence(self, word: str) -> str | None:
        """How the documents write ``word`` in mid-sentence, mostly: capitalised, in their
        spelling ("nvidia" -> "Nvidia", "cloudmatrix" -> "CloudMatrix"), or in lower case
        ("world", though "World … Conference" is written too); None when they never do (only
        where a sentence starts, or not at all). Read from the spelling, two small sets of
        exceptions and the names only written with "’s": a table of every word's case in
        mid-sentence took a tenth of the words' memory."""
        key = fold(word)
        spelt = self.spelling.get(key) or self.possessed.get(key)
        if spelt is None or key in self.openings:
            return None
        return spelt if spelt[:1].isupper() and key not in self.lower_inside else key

    def expand(self, word: str, common: Callable[[str], bool] = lambda w: False) -> str | None:
        """The name the documents write out that ``word`` abbreviates ("WAIC"), or None."""
        return expand(self.acronyms, word, common)

    def closest(self, word: str, common: Callable[[str], bool] = lambda w: False) -> str | None:
        """The document's spelling of the word a misspelt ``word`` most likely means, or None
        (also when ``word`` is a ``common`` word of its own)."""
        key = fold(word)
        if key in self.spelling:
            return self.spelling[key]
        for variant in spelling_variants(key):  # "center" -> "centre", common word or not
            if variant in self.spelling:
                return self.spelling[variant]
        k = max_edits(key)
        if k == 0 or common(word) or common(key):  # "Whät" is "what", not "that"
            return None
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extract

        best: tuple[int, int, str] | None = None
        for n in range(len(key) - k, len(key) + k + 1):
            for cand, dist, _ in extract(key, self.by_length.get(n, ()), scorer=OSA.distance,
                                         score_cutoff=k, limit=None):
                rank = (dist, -self.count[cand], cand)
                if best is None or rank < best:
                    best = rank
        return self.spelling[best[2]] if best else None


# a word after a word or a comma on the same line: not where a sentence or a heading starts
_MID_SENTENCE = re.compile(r"(?<=[\w,;)] )[^\W\d_]+(?:['’-][^\W\d_]+)*")


def _mid_sentence_cases(inside: Counter[str]) -> tuple[Counter[str], Counter[str], dict[str, str]]:
    """How often each folded word is written capitalised, and in lower case, in mid-sentence
    (a possessive as its name: "Nvidia’s" as "Nvidia"), and a capitalised spelling of each."""
    upper: Counter[str] = Counter()
    lower: Counter[str] = Counter()
    capitalised: dict[str, str] = {}
    for word, n in inside.items():
        word = POSSESSIVE.sub("", word)
        key = fold(word)
        if word[:1].isupper():
            upper[key] += n
            capitalised.setdefault(key, word)
        else:
            lower[key] += n
    return upper, lower, capitalised


# an acronym inside text of any script ("WAIC在哪里举行"): capitals with no Latin letter either side
_CAPITALS = re.compile(r"(?<![A-Za-z])[A-Z]{2,8}(?:['’]s)?(?![A-Za-z])")
_LETTERS = re.compile(r"(?<!\w)[^\W\d_]{2,}(?!\w)")  # a word of letters, accents and all ("Zúrich")


def respell(q: Question, vocabulary: Callable[[], Vocabulary | None], known_stems) -> Question:
    """The question with its misspelt words read as the documents spell them, and what was
    changed in ``respelt`` (``("structual", "structural")``). An acronym of a name the documents
    write out stays in the question's words and goes in ``aliases`` (``("WAIC", "World
    Artificial Intelligence Conference")``): read as one word, it weighs as one. ``vocabulary``
    is called only when a word is unknown, as building it reads every text; None (not read yet)
    changes nothing.

    A question in another language keeps its words (the English lexicon cannot judge them) but
    has its acronyms read too ("¿Dónde se celebró la WAIC?"); a Chinese one does not: its
    refusals rest on its translation sharing no word with the text, and an acronym read would
    be that word ("小米在WAIC上发布了什么？" would be answered from the conference sentence)."""
    if not q.english and has_cjk(q.text):
        return q
    # (another language's acronyms as English writes them: "ONU" as "UN", qa/abbreviations.py)
    words = list(dict.fromkeys(WORD.findall(q.search) if q.english else _CAPITALS.findall(in_english(q.text, q.lang))
                               + [w for w in _LETTERS.findall(q.text) if w[0].isupper()]))
    stemmed = list(zip(words, tokenize(words) if words else []))
    unknown = [w for w, stems in stemmed if stems and not any(t in known_stems for t in stems)][:MAX_UNKNOWN]
    # a rare spelling that stems like a word of the text ("conferance" -> "confer", as "conference"
    # does) matches in BM25 but not in the embedders, which read it as unknown pieces
    # (lower-case words only: a name is written as the text writes it, or its stem is unknown)
    odd = [w for w, stems in stemmed if q.english and w.islower() and w not in unknown and len(w) >= 6
           and not is_common(w)][:MAX_UNKNOWN - len(unknown)]
    vocab = vocabulary() if unknown or odd else None
    if vocab is None:  # nothing to look up, or the words are not read yet: the question as typed
        return q
    spelt = {w: vocab.closest(w, common=is_common) for w in odd if fold(w) not in vocab.spelling}
    unknown += [w for w, fixed in spelt.items() if fixed is not None and not _inflected(w, fixed)]
    changes: dict[str, str] = {}
    read: list[tuple[str, str]] = []
    aliases: list[tuple[str, str]] = []
    for word in unknown:
        name = vocab.expand(word, common=is_common)
        if name is not None:
            aliases.append((word, name))
            read.append((word, name))
            continue
        # a name in another language's question is read only as the text accents it ("Zúrich",
        # "Zurich" for "Zürich"): the English lexicon judges no other change there
        fixed = spelt.get(word) or (vocab.closest(word, common=is_common) if q.english else vocab.spelling.get(fold(word)))
        if fixed is None and q.english:  # "Which news agnecy …?" of a text that never writes "agency"
            fixed = english_spelling(word)
        if fixed is not None and fixed.lower() != word.lower():
            changes[word] = fixed
            read.append((word, fixed))
    if not read:
        return q
    # the note shows what this message typed; words borrowed from an earlier question were
    # read there, and are read so here too
    shown = tuple((w, r) for w, r in read if typed_word(w).search(q.text))
    if changes:
        pattern = re.compile(r"(?<![\w'’-])(" + "|".join(map(re.escape, changes)) + r")(?![\w'’-])")
        fix = lambda text: pattern.sub(lambda m: changes[m.group(1)], text)  # noqa: E731
        search = fix(q.search)
        q = replace(q, text=fix(q.text), search=search, context=fix(q.context), tokens=tuple(content_tokens(search)))
    return replace(q, respelt=shown, aliases=tuple(aliases))


def _inflected(word: str, spelt: str) -> bool:
    """The text's word is the same word with another ending ("ziggurats" for "ziggurat"), which
    needs no re-reading, not a different spelling ("conferance" for "conference")."""
    a, b = fold(word), fold(spelt)
    return a.startswith(b) or b.startswith(a)


COMMON_ZIPF = 2.4
ENGLISH_ZIPF = 3.0  # a typo is read as an English word at least this common (once per million words)
ENGLISH_MIN_LETTERS = 5  # shorter words are a letter away from too many others
TYPO_ZIPF = 1.5  # a word rarer than this is a typo or a name (wordfreq has seen "compnay", Zipf 1.1)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# a letter struck for another is one of its neighbours on the keyboard ("comoany" is "company"; "Metax" is not "metal")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS = {c: {r[j] for r in _ROWS[max(0, i - 1):i + 2] for j in range(len(r))
                   if abs(j - row.index(c)) <= 1 and r[j] != c}
               for i, row in enumerate(_ROWS) for c in row}


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The commonest English words (wordfreq's list, down to about Zipf 2.9), read once (~150 ms:
    a server reads them at warm-up)."""
    from .frequencies import top_n_list

    return frozenset(w for w in top_n_list("en", 30000) if w.isalpha())


def english_spelling(word: str) -> str | None:
    """The common English word a typo of one no document writes most likely means ("agnecy" ->
    "agency", "atricle" -> "article"): one slip away (two letters swapped, one left out or
    doubled, or struck for its neighbour on the keyboard), the most frequent such word. Only a
    word rarer than Zipf 1.5 in English: a rare word of its own ("serf" and "fief" are 2.4) or a
    name wordfreq knows is left alone, and a name it doesn't is rarely one slip from a common
    word. Without it the typo is a rare word the text lacks, and the question is refused or
    matched on its other words."""
    w = word.lower()
    if len(w) < ENGLISH_MIN_LETTERS or not w.isascii() or not w.isalpha() or zipf(w) >= TYPO_ZIPF:
        return None
    splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
    doubled = {a + b[1:] for a, b in splits if b}  # a letter too many, taken out
    swapped = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    struck = {a + c + b[1:] for a, b in splits if b for c in _NEIGHBOURS.get(b[0], ())}
    left_out = {a + c + b for a, b in splits for c in _ALPHABET}  # a letter missing, put back
    found = [(zipf(c), c) for c in (doubled | swapped | struck | left_out) & english_words()]
    best = max(found, default=None)
    return best[1] if best is not None and best[0] >= ENGLISH_ZIPF else None


def is_common(word: str) -> bool:
    """An English word in its own right (wordfreq's Zipf scale: 3 is once per million words)."""
    return zipf(word) >= COMMON_ZIPF


def read_piped() -> None:
    """Vocabulary.of over texts pickled one by one on stdin as UTF-8 (then None), pickled to stdout:
    qa/retrieve.py reads a large scope's words in a child process this way, away from the
    questions' GIL, and at low priority, so the questions keep the CPU."""
    import os
    import pickle
    import sys

    if hasattr(os, "nice"):
        os.nice(19)
    texts = []
    while (text := pickle.load(sys.stdin.buffer)) is not None:
        texts.append(text.decode())
    sys.stdout.buffer.write(pickle.dumps(Vocabulary.of(texts), protocol=pickle.HIGHEST_PROTOCOL))
