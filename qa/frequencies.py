"""wordfreq's word frequencies, held in 10 bytes a word.

wordfreq keeps each language it is asked about for the process's life, twice: its list of words
by frequency and a dictionary of them (both lru-cached), ~45 MB for English and ~125 MB for
Russian. Nine questions in other languages grew the article's server by 370 MB, and a
million-sentence server past the memory bar. Here a language is a sorted array of its words'
hashes and one of their frequencies, read from wordfreq's own file a list at a time;
`zipf_frequency` and `top_n_list` give what wordfreq's do (the same tokenizer, numbers and
rounding).
"""
from __future__ import annotations

import gzip
import math
import threading

import numpy as np

MINIMUM = 1e-9  # zipf_frequency's floor (Zipf 0): a word no list holds


def utf8_key(word: str) -> int:
    """The hash of a word's UTF-8 bytes, by which a table of words in a sorted array finds it (one
    process's table, never saved): a str's own hash reads its stored bytes, the same for "u0"
    and "ふ"."""
    return hash(word.encode("utf-8", "surrogatepass"))


def key_span(keys: np.ndarray, word: str) -> tuple[int, int]:
    """Where the rows of ``word`` are in ``keys`` (sorted `utf8_key`s): an empty span when none."""
    h = utf8_key(word)
    return int(np.searchsorted(keys, h)), int(np.searchsorted(keys, h, side="right"))


class Frequencies:
    """A language's words by `utf8_key`, each with its frequency in centibels below 1 (wordfreq's
    bucket number)."""

    def __init__(self, hashes: np.ndarray, centibels: np.ndarray) -> None:
        order = np.argsort(hashes, kind="stable")
        self._hashes, self._centibels = hashes[order], centibels[order]

    def __len__(self) -> int:
        return len(self._hashes)

    def get(self, word: str) -> float | None:
        """The word's frequency as wordfreq's dictionary gives it, or None when it lacks the word
        (of a word listed twice, the rarer, as the dictionary keeps the last)."""
        a, b = key_span(self._hashes, word)
        return 10 ** (-int(self._centibels[b - 1]) / 100) if b > a else None


def _list_path(lang: str) -> str | None:
    """wordfreq's file for the language, chosen as `wordfreq.get_frequency_list` chooses it."""
    import langcodes
    from wordfreq import available_languages

    available = available_languages()
    best, _ = langcodes.closest_match(lang, list(available), max_distance=60)
    return None if best == "und" else available[best]


def _buckets(path: str):
    """The file's lists of words, one frequency (centibel) each, most frequent first: wordfreq's
    `read_cBpack` read a list at a time instead of all at once."""
    import msgpack

    with gzip.open(path, "rb") as fh:
        unpacker = msgpack.Unpacker(fh, raw=False)
        n = unpacker.read_array_header()
        header = unpacker.unpack()
        if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
            raise ValueError(f"{path}: not a wordfreq list ({str(header)[:80]})")
        for _ in range(n - 1):
            yield unpacker.unpack()


_tables: dict[str, Frequencies | None] = {}
_lock = threading.Lock()


def table(lang: str) -> Frequencies | None:
    """The language's frequencies (None: wordfreq has no list for it), read once: a language
    being read makes a question needing another one wait, not one needing a language read."""
    found = _tables.get(lang, _tables)
    if found is not _tables:
        return found
    with _lock:
        if lang not in _tables:
            _tables[lang] = _read(lang)
        return _tables[lang]


def _read(lang: str) -> Frequencies | None:
    path = _list_path(lang)
    if path is None:
        return None
    hashes, centibels = [], []
    for index, bucket in enumerate(_buckets(path)):
        if bucket:
            hashes.append(np.fromiter(map(utf8_key, bucket), dtype=np.int64, count=len(bucket)))
            centibels.append(np.full(len(bucket), index, dtype=np.uint16))
    if not hashes:
        return Frequencies(np.zeros(0, np.int64), np.zeros(0, np.uint16))
    return Frequencies(np.concatenate(hashes), np.concatenate(centibels))


def word_frequency(word: str, lang: str) -> float:
    """`wordfreq.word_frequency(word, lang, minimum=MINIMUM)`: a phrase's tokens combined as
    1/f = 1/f1 + 1/f2 + …, digits read as wordfreq reads them, 3 significant digits."""
    from wordfreq import lossy_tokenize
    from wordfreq.numbers import digit_freq, smash_numbers

    freqs = table(lang)
    if freqs is None:
        raise LookupError(f"No wordlist 'best' available for language {lang!r}")
    tokens = lossy_tokenize(word, lang)
    if not tokens:
        return MINIMUM
    one_over = 0.0
    for token in tokens:
        smashed = smash_numbers(token)
        freq = freqs.get(smashed)
        if freq is None:
            return MINIMUM
        if smashed != token:
            freq *= digit_freq(token)
        one_over += 1.0 / freq
    freq = max(1.0 / one_over, MINIMUM)
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


def zipf_frequency(word: str, lang: str) -> float:
    """`wordfreq.zipf_frequency(word, lang)` (not for Chinese: wordfreq splits it with jieba)."""
    return round(math.log(word_frequency(word, lang), 10) + 9, 2)


def top_n_list(lang: str, n: int) -> list[str]:
    """`wordfreq.top_n_list(lang, n)`: the n commonest words without a run of digits, read from
    the file's first lists only and kept by no one but the caller."""
    from wordfreq.numbers import has_digit_sequence

    path = _list_path(lang)
    out: list[str] = []
    if path is None or n <= 0:
        return out
    for bucket in _buckets(path):
        for word in bucket:
            if not has_digit_sequence(word):
                out.append(word)
                if len(out) >= n:
                    return out
    return out
