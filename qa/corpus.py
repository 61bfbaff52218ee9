"""Read a corpus folder into Documents: every .txt and .md file, id = file name without extension.

Metadata at the top of a file (``date 2025-07-28`` glued to the first sentence, or
``title: ...`` front-matter lines) becomes the document's date/title; `segment` turns
the same span into a citable "meta" sentence so "When was it published?" is answerable.
"""
from __future__ import annotations

import codecs
import hashlib
import logging
import os
import re
import unicodedata
from pathlib import Path

from .types import Document

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
MAX_FILE_BYTES = 20_000_000  # a clear limit: larger files are skipped with a message

# `date 2025-07-28` (glued to the text that follows) or `date: 2025-07-28`
_DATE_META = re.compile(r"\s*(?P<span>(?:date|published)\s*:?\s+(?P<value>\d{4}-\d{2}-\d{2}))\b", re.I)
# a date line as news sites and blogs write one, alone on its line or after a byline: "3 March 2026 |
# 07:15 GMT", "February 11, 2026", "Published 14 May 2026 · 4 min read", "Last updated: January 5, 2026"
_MONTH = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
_WRITTEN_DATE = (rf"(?:{_WEEKDAY}\.?,?[ \t]+)?"
                 rf"(?:{_MONTH}[ \t]+\d{{1,2}}(?:st|nd|rd|th)?,?[ \t]+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH},?[ \t]+\d{{4}}"
                 r"|\d{4}-\d{2}-\d{2})")
_DATE_LABEL = r"(?:date|dated|published|posted|updated|last[ \t]+updated)[ \t]*:?[ \t]+(?:on[ \t]+)?"
# what may follow it on its line: a time ("| 07:15 GMT", ", 9:30 a.m. ET") or a reading time ("· 4 min read")
_DATE_TAIL = (r"(?:[ \t]*(?:[|·•,–—-]|at)?[ \t]*(?:\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?(?:[ \t]+[A-Z]{2,4}\b)?"
              r"|\d+[ \t]*min(?:ute)?s?[ \t]+read))*")
_LINE_END_OR_MORE = r"(?=[ \t]*(?:[|·•]|\r?\n|$))"  # the line ends, or a separator (another item may follow)
_DATE_LINE = re.compile(rf"\s*(?P<span>(?:{_DATE_LABEL})?(?P<value>{_WRITTEN_DATE}){_DATE_TAIL}){_LINE_END_OR_MORE}", re.I)
# a byline under a title: "By Jane Marsh", "By Kenji Watanabe | March 2, 2026", and a notice's
# "Posted by: Rosalind Thackeray, Chief Executive"
_BYLINE = re.compile(rf"\s*(?P<span>(?:(?:Posted|Written|Published)[ \t]+by:?|[Bb]y)[ \t]+"
                     rf"(?P<value>[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|de|van|von|da|del|al|bin)){{1,3}}"
                     rf"(?:,[ \t]+[A-Z][\w'’.-]*(?:[ \t]+(?:[A-Z][\w'’.-]*|of|and|&)){{0,4}})?)){_LINE_END_OR_MORE}")
_ITEM_SEPARATOR = re.compile(r"[ \t]*[|·•][ \t]*(?=\S)")
# front-matter lines such as `title: Something` or `author: Someone` (on the next line after another)
_LINE_META = re.compile(r"(?:[ \t]*\r?\n)*[ \t]*(?P<span>(?P<key>title|author|source|url)[ \t]*:[ \t]*(?P<value>[^\r\n]+?))"
                        r"[ \t]*(?:\r?\n|$)", re.I)
# a value is a name, a title or an address: "Author: I have kept the Skarra light for thirty
# years." in an interview and "Source: the place where a river begins." in a glossary are text
_META_WORDS = 12
_SENTENCE_END = re.compile(r"(?<!\b[A-Z])[.!?…]$")

_SMALL_WORDS = {"of", "the", "and", "in", "on", "for", "to", "a", "an", "with", "as", "at", "by", "or", "is"}


# YAML front matter (Jekyll, Hugo, Obsidian notes): "---" lines around "key: value" lines at the top
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?P<body>(?:[^\n]*\n){0,200}?)[ \t]*(?:---|\.\.\.)[ \t]*(?:\r?\n|$)")
_FRONT_ITEM = re.compile(r"[ \t]*(?P<span>(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>[^\r\n]*?))[ \t]*\r?$", re.M)
_FRONT_KEYS = {"title", "author", "source", "url"}
_ISO_DATE = re.compile(r"[\"']?(\d{4}-\d{2}-\d{2})(?!\d)")


def read_metadata(text: str) -> tuple[list[tuple[str, str, int, int]], int]:
    """(key, value, start, end) of each metadata item at the top of ``text``, and where the
    body starts.

    YAML front matter's title, author, source, url and date are items; its other keys (tags,
    layout) and its "---" lines are neither metadata nor text to cite."""
    front = _FRONT_MATTER.match(text, len(text) - len(text.lstrip()))
    if front and _is_yaml(front.group("body")):
        return _front_matter_items(front), front.end()
    mail = _mail_headers(text, len(text) - len(text.lstrip()))
    if mail:
        return mail, mail[-1][3]
    out = _items_from(text, 0)
    if out:
        return out, out[-1][3]
    # a title line and a blank line first ("# Garden Notes", then "date 2024-05-02"): the items under it, and the
    # body starts with the title (the segmenter skips the items' lines)
    title = _TITLE_FIRST.match(text)
    if title and (mail := _mail_under_title(text, title.end())):
        return mail, 0
    items = _items_from(text, title.end()) if title else []
    if items and "\n" not in text[title.end("line"):title.end()].replace("\r", "")[1:] \
            and not _LINE_END.match(text, items[-1][3]):
        return [], 0  # "Garden Notes\ndate 2024-05-02 The tomatoes ...": one paragraph, read as text
    return items, 0


# a first line that may title the text: a Markdown heading, or a short line without end punctuation
# (a headline may hold a colon, a decimal point or an abbreviation's full stop: "City Bike Share:
# Frequently Asked Questions", "… holds rates at 3.75% …", "Fire at Elm St. bakery, …")
_TITLE_FIRST = re.compile(r"(?P<line>[ \t]*(?:#{1,6}[ \t]+[^\n]+|(?:[^\n.!?:;]|:(?=[ \t]+\S)|(?<=\d)\.(?=\d)|(?<=\b[A-Z])\."
                          r"|(?<=\b[A-Z][a-z])\.|(?<=\b[A-Z][a-z]{2})\.){1,100}[^\n.!?:;,\s])[ \t]*)\r?\n(?:[ \t]*\r?\n)*")
_LINE_END = re.compile(r"[ \t]*(?:\r?\n|$)")


def first_line_titles(text: str) -> bool:
    """Whether the first line may title the text (`_TITLE_FIRST`)."""
    return _TITLE_FIRST.match(text) is not None


_MAX_ITEMS = 20  # a document's top holds a few metadata lines; past that it is text


def _items_from(text: str, pos: int) -> list[tuple[str, str, int, int]]:
    out = []
    while len(out) < _MAX_ITEMS:
        m = _DATE_META.match(text, pos) or _DATE_LINE.match(text, pos) or _BYLINE.match(text, pos) \
            or _LINE_META.match(text, pos)
        if not m:
            return out
        key = (m.groupdict().get("key") or ("author" if m.re is _BYLINE else "date")).lower()
        value = m.group("value").strip()
        if m.re is _DATE_LINE:
            value = iso_date(value)
        if key not in ("date", "url") and (len(value.split()) > _META_WORDS or _SENTENCE_END.search(value)):
            return out
        out.append((key, value, m.start("span"), m.end("span")))
        pos = m.end()
        if sep := _ITEM_SEPARATOR.match(text, pos):  # "By Kenji Watanabe | March 2, 2026"
            pos = sep.end()
    return out


def iso_date(written: str) -> str:
    """"February 11, 2026", "Tue 3 March 2026", "Sept. 4th, 2025" -> "2026-02-11"."""
    from datetime import datetime

    words = re.sub(r"(?<=\d)(?:st|nd|rd|th)\b|[.,]", " ", written).split()
    words = [w for w in words if not re.fullmatch(_WEEKDAY, w, re.I)]
    for fmt in ("%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(" ".join(words).replace("Sept ", "Sep "), fmt).date().isoformat()
        except ValueError:
            continue
    return written


def written_meta(text: str) -> tuple[str, str]:
    """A metadata line's key and value as written: "date 2025-07-28" -> ("date", "2025-07-28"),
    "Title: The Robot Shop" -> ("Title", "The Robot Shop"), "By Jane Marsh" -> ("author", "Jane
    Marsh"), "Published 14 May 2026 · 4 min read" -> ("date", "14 May 2026")."""
    if m := _BYLINE.fullmatch(text):
        return "author", m.group("value")
    if (m := _DATE_LINE.fullmatch(text)) and not _DATE_META.fullmatch(text):
        return "date", m.group("value")
    key, _, value = text.partition(" ")
    return key.rstrip(":"), value.strip(": ")


# an e-mail's header lines at its top ("From: Priya Shah <priya@…>", "Subject: Re: Venue booking",
# "Date: Tue, 15 Apr 2025 09:42:10 +0100"): the sender is its author, the subject its title
# (a memo's header is the same: "TO: All Staff", "FROM: Gwendolyn Pastore, CFO", "RE: Travel policy")
_MAIL_LINE = re.compile(r"[ \t]*(?P<span>(?P<key>from|to|cc|bcc|subject|date|sent|reply-to|re)[ \t]*:[ \t]*(?P<value>[^\r\n]*?))"
                        r"[ \t]*(?:\r?\n|$)", re.I)
_REPLY_PREFIX = re.compile(r"^(?:(?:re|fwd?|aw|wg)\s*:\s*)+", re.I)


def _mail_headers(text: str, pos: int, titled: bool = False) -> list[tuple[str, str, int, int]]:
    """An e-mail's (or a memo's) header lines from ``pos`` as metadata items (keys as written,
    lower case: the date also as ISO "date", the subject as "title" unless a title line stands
    above, ``titled``); [] unless two lines or more, with a From or a Subject."""
    lines = []
    while (m := _MAIL_LINE.match(text, pos)) and m.group("value").strip():
        lines.append(m)
        pos = m.end()
    if len(lines) < 2 or not {m.group("key").lower() for m in lines} & {"from", "subject"}:
        return []
    out = []
    for m in lines:
        key, value = m.group("key").lower(), m.group("value").strip()
        if key in ("date", "sent"):
            key, value = ("date", iso) if (iso := _mail_date(value)) else ("sent", value)  # no date: not the document's
        elif key in ("subject", "re"):
            key, value = "subject" if titled else "title", _REPLY_PREFIX.sub("", value).strip() or value
        out.append((key, value, m.start("span"), m.end("span")))
    return out


def _mail_under_title(text: str, pos: int) -> list[tuple[str, str, int, int]]:
    """The header of an e-mail or memo pasted under its title line, and perhaps under a line
    such as "MEMORANDUM" too: "Switching our print vendor" over "From: Delphine Okorafor …"."""
    mail = _mail_headers(text, pos, titled=True)
    second = _TITLE_FIRST.match(text, pos) if not mail else None
    return mail or (_mail_headers(text, second.end(), titled=True) if second else [])


def _mail_date(value: str) -> str | None:
    """"Tue, 15 Apr 2025 09:42:10 +0100" (RFC 2822) or an ISO date -> "2025-04-15"."""
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        iso = _ISO_DATE.search(value)
        written = _DATE_LINE.match(value)  # "Tuesday, 11 June 2024 09:42", "6 May 2024, 16:05"
        if iso or not written:
            return iso.group(1) if iso else None
        day = iso_date(written.group("value"))
        return day if _ISO_DATE.fullmatch(day) else None


_YAML_LINE = re.compile(r"[ \t]*(?:[A-Za-z_][\w-]*[ \t]*:.*|-.*|#.*)|[ \t]+\S.*|[ \t]*\r?")


def _is_yaml(body: str) -> bool:
    """Front matter is "key: value" lines (with lists and comments); a Markdown text that opens
    with a "---" rule and has another further down is not, and keeps its text."""
    lines = body.split("\n")
    return any(_FRONT_ITEM.fullmatch(line) for line in lines) and all(_YAML_LINE.fullmatch(line) for line in lines)


def _front_matter_items(front: re.Match) -> list[tuple[str, str, int, int]]:
    out = []
    base = front.start("body")
    for m in _FRONT_ITEM.finditer(front.group("body")):
        key, value = m.group("key").lower(), m.group("value").strip()
        if key in ("date", "published"):
            date = _ISO_DATE.match(value)
            if not date:
                continue
            key, value = "date", date.group(1)
        elif key in _FRONT_KEYS:
            value = value.strip("\"'").strip()
        else:
            continue
        if value:
            out.append((key, value, base + m.start("span"), base + m.end("span")))
    return out


def title_from_id(doc_id: str, text: str = "") -> str:
    """A readable title from a file name: drop a leading date, spaces for dashes. A word is in
    capitals as the document writes it ("ai" as "AI"; "corp" as "Corp", not "CORP"), and a
    short one it never writes is taken for an acronym ("waic" as "WAIC")."""
    words = [w for w in re.split(r"[-_ ]+", re.sub(r"^\d{4}-\d{2}-\d{2}[-_ ]*", "", doc_id)) if w]
    if any(c.isupper() for c in doc_id):  # "French and Indian War", "Meeting notes – Zürich office":
        title = " ".join(words)  # cased by whoever named it ("iPhone 15 review" too)
        return (title if not words[0].islower() else title[:1].upper() + title[1:]) if words else doc_id
    return " ".join(_title_word(w, i, text) for i, w in enumerate(words)) or doc_id


def _title_word(word: str, i: int, text: str) -> str:
    # as written, inflected too ("plan" in "NASA plans"); capitals are the word's own letters
    written = re.findall(rf"(?<!\w)({re.escape(word)})\w{{0,4}}(?!\w)", text, re.I) if word.isalpha() else []
    if written:
        if sum(w.isupper() for w in written) * 2 > len(written):
            return word.upper()
    elif len(word) <= 4 and word.isalpha() and word.lower() not in _SMALL_WORDS:
        return word.upper()
    return word.capitalize() if i == 0 or word.lower() not in _SMALL_WORDS else word.lower()


def titles_told_apart(docs) -> dict[str, str]:
    """Document id -> the title to show: its title, followed by its file name when another
    document has the same title (two files titled "Meeting notes")."""
    seen: dict[str, int] = {}
    for d in docs:
        seen[d.title.casefold()] = seen.get(d.title.casefold(), 0) + 1
    return {d.id: d.title if seen[d.title.casefold()] == 1 or d.title == d.id else f"{d.title} ({d.id})" for d in docs}


def plain(text: str) -> str:
    """Text as matching reads it: composed accents (NFC: "brûlée" typed one way matches it
    stored the other) and no invisible format characters (zero-width spaces and joiners, soft
    hyphens, direction marks: "Hua\u200bwei" is "Huawei"). Citations keep the original text."""
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) != "Cf")


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # before UTF-16: same prefix
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
# C0 control bytes that text files do not hold (tab, newlines, form feed and escape are allowed)
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16/32 with a BOM; otherwise cp1252/latin-1 so a file in
    another encoding still loads. A UTF-8 file with a few damaged bytes stays UTF-8 (U+FFFD for
    each bad byte) rather than turning every accented letter into mojibake. Raises ValueError for
    binary data."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ValueError(f"starts with a {codec.upper()} byte-order mark but is not {codec.upper()}") from None
    head = data[:65536]
    if b"\x00" in head[:4096] or (head and len(head.translate(None, _CONTROL)) < 0.9 * len(head)):
        raise ValueError("looks like a binary file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    valid = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if valid > 2 * bad:  # mostly UTF-8 with a few damaged bytes
        return text
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def corpus_files(folder: str | Path) -> list[Path]:
    """The corpus files in a stable order (file name), skipping hidden files. Of two files with
    one id ("notes.txt" and "notes.md") the .txt comes first, so it is the one indexed: a
    citation's `doc` then names the file a reader looks for first."""
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"corpus folder not found: {folder}")
    with os.scandir(folder) as entries:  # no stat per entry: a running engine lists it often (CorpusWatch)
        names = [e.name for e in entries if not e.name.startswith(".")
                 and os.path.splitext(e.name)[1].lower() in SUFFIXES and _is_file(e)]
    return [folder / name for name in sorted(names, key=_file_order)]


def _is_file(entry: os.DirEntry) -> bool:
    """A regular file (or a link to one); a link loop or a vanished entry is skipped, not fatal."""
    try:
        return entry.is_file()
    except OSError as exc:
        if entry.path not in _UNLISTABLE:  # said once: a running engine lists the folder often
            _UNLISTABLE.add(entry.path)
            log.warning("skipping %s: %s", shown(entry.name), exc.strerror or exc)
        return False


_UNLISTABLE: set[str] = set()


def _file_order(name: str) -> tuple[str, str]:
    """File-name order, but with a .txt before a .md of the same id."""
    stem, suffix = os.path.splitext(name)
    return f"{stem}.{SUFFIXES.index(suffix.lower())}", name


def load_document(path: Path, data: bytes | None = None) -> Document:
    """One file -> Document. Raises ValueError with a clear reason for unusable files."""
    if _undecodable(path.name):  # its id and title would hold lone surrogates, which the tokenizer and JSON reject
        raise ValueError("its file name is not valid UTF-8 text; rename the file")
    data = path.read_bytes() if data is None else data
    if len(data) > MAX_FILE_BYTES:
        raise ValueError(f"too large ({_size(len(data))}; the limit per document is {_size(MAX_FILE_BYTES)})")
    text = decode(data)
    if not text.strip():
        raise ValueError("empty file")
    items, body_start = read_metadata(text)
    meta = {key: value for key, value, _, _ in items}
    title = meta.get("title") or _heading_title(text, items, body_start) or title_from_id(path.stem, text)
    return Document(id=path.stem, title=title, text=text, date=meta.get("date"), path=str(path))


def shown(name: str) -> str:
    """A file name as text any log or message can carry: bytes that are not UTF-8 (which
    os.fsdecode keeps as lone surrogates, and which a UTF-8 writer refuses) shown as \\xe9."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _undecodable(name: str) -> bool:
    try:
        name.encode("utf-8")
        return False
    except UnicodeEncodeError:
        return True


def _size(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 1_000_000 else f"{n:,} bytes"


def _heading_title(text: str, items: list[tuple[str, str, int, int]], body_start: int) -> str | None:
    """A document whose first line is a heading (SQuAD's layout, or Markdown's "# Title", with
    or without metadata lines under it: ``items``, ``body_start`` from `read_metadata`) is
    titled by it, without the Markdown "#" marker; one that opens with metadata is not."""
    from .segment import block_headings, body_blocks, strip_heading_marker  # segment owns the heading rule

    if items and body_start > 0:
        return None
    blocks = body_blocks(text, items, body_start)
    if not blocks or not block_headings(text, items, blocks)[0]:
        return None
    start, end = blocks[0]
    return strip_heading_marker(text[start:end]) or None


def load_corpus(folder: str | Path) -> list[Document]:
    """Every readable document of a folder; unusable files are logged and skipped, never fatal."""
    docs, seen, ids = [], {}, set()
    for path in corpus_files(folder):
        try:
            data = path.read_bytes()
            doc = load_document(path, data)
        except (OSError, ValueError) as exc:
            log.warning("skipping %s: %s", shown(path.name), exc)
            continue
        digest = content_hash(data)
        if doc.id in ids:
            log.warning("skipping %s: another file already has the id %r", shown(path.name), doc.id)
            continue
        if digest in seen:
            log.warning("skipping %s: same content as %s", shown(path.name), seen[digest])
            continue
        seen[digest] = path.name
        ids.add(doc.id)
        docs.append(doc)
    return docs
