"""Split a Document into citable Sentences with exact character offsets.

Lines are blocks: a short line without end punctuation is a section heading (kept as the
``section`` of the sentences under it, never cited); every other line is a paragraph,
split into sentences by pysbd (rule-based, handles U.S., Inc., decimals, quotes that end a
sentence). Metadata at the top of the file becomes a "meta" sentence of its own.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .corpus import metadata_spans
from .types import Document, Sentence

_END_PUNCT = tuple(".!?:;,\"'”’)]…")
MAX_HEADING_WORDS = 14


def is_heading(line: str) -> bool:
    """Short, unpunctuated lines are headings ("Strategic shift amid US tech sanctions")."""
    line = line.strip()
    return (bool(line) and len(line) <= 120 and len(line.split()) <= MAX_HEADING_WORDS
            and not line.endswith(_END_PUNCT) and any(c.isalpha() for c in line))


@lru_cache(maxsize=1)
def _splitter():
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of one paragraph, whitespace trimmed."""
    spans, pos = [], 0
    for piece in _splitter().segment(text):
        chunk = piece.sent
        start = piece.start if text.startswith(chunk, piece.start) else text.find(chunk, pos)
        if start < 0:  # pysbd lost track of offsets: fall back to the cursor
            start = pos
        end = start + len(chunk)
        lead = len(chunk) - len(chunk.lstrip())
        trail = len(chunk) - len(chunk.rstrip())
        if end - trail > start + lead:
            spans.append((start + lead, end - trail))
        pos = max(pos, end)
    return spans


def _blocks(text: str, begin: int):
    """(start, end) of each non-empty line from ``begin`` on, whitespace trimmed."""
    for m in re.finditer(r"[^\n]+", text[begin:]):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            start = begin + m.start() + lead
            yield start, start + len(body)


def segment(doc: Document) -> list[Sentence]:
    """Every citable sentence of ``doc``, in reading order, numbered from 0."""
    text = doc.text
    out: list[Sentence] = []
    meta = metadata_spans(text)
    for key, _value, start, end in meta:
        out.append(Sentence(doc.id, len(out), start, end, text[start:end], para=-1, kind="meta"))
    body_start = meta[-1][3] if meta else 0
    section, para = "", 0
    blocks = list(_blocks(text, body_start))
    for b_start, b_end in blocks:
        line = text[b_start:b_end]
        if len(blocks) > 1 and is_heading(line):
            section = line
            continue
        for s_start, s_end in split_sentences(line):
            out.append(Sentence(doc.id, len(out), b_start + s_start, b_start + s_end,
                                text[b_start + s_start:b_start + s_end], para=para, section=section))
        para += 1
    return out


def search_text(s: Sentence, doc: Document) -> str:
    """What gets embedded and indexed for a sentence: metadata is spelt out in words."""
    if s.kind == "meta":
        key, _, value = s.text.partition(" ")
        if key.lower().rstrip(":") in ("date", "published"):
            return f"The article was published on {value.strip(': ')} (publication date)."
        return f"The article's {key.rstrip(':')} is {value.strip(': ')}."
    return s.text
