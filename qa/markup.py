"""A Markdown document's inline markup, shown on the page as formatting instead of raw marks.

A citation must quote its document exactly (`text[start:end] == sentence`), so "**March 3**"
and "[the engine](https://…)" stay in the sentence, the JSON and the offsets. Only the page
reads them: ``styles`` gives each character of a piece of text a style, or None for a mark to
hide, and ``show`` escapes a slice of that text with its formatting. The slice may be any part
of the text (a highlight can begin inside "**…**"): every run of one style is wrapped on its
own, so our tags always nest inside the page's <mark> and <strong>.

A practical subset of CommonMark's inline rules: code spans, links and images, strong and
emphasis with * or _ (an underscore only at word edges: snake_case stays), strikethrough, and
backslash escapes. No HTML, no reference links, nothing that spans lines.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

Styles = list  # per character: None (a mark, hidden) or a tuple of style names

_ESCAPED = re.compile(r"\\([\\`*_\[\]()~#!<>-])")
_CODE = re.compile(r"(?<!`)(`+)(?!`)([^\n]+?)(?<!`)\1(?!`)")  # a run of backticks closed by one as long
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>", re.I)
# [text](url), [text](url "title"), [text](<url>); a URL may hold one level of parentheses
_LINK = re.compile(r'(?<!\\)(!?)\[([^\]\n]+)\]\((<[^<>\n]+>|(?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"\n]*")?\)')
# an opening mark before a non-space, a closing one after; _ and * only at word edges (snake_case,
# 5*3*2), ** and __ anywhere a word ends
_BOTH = re.compile(r"(?<![\\*])\*\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*\*(?!\*)")
_STRONG = re.compile(r"(?<![\\*])\*\*(?=[^\s*])([^\n]*?[^\s*])\*\*|(?<![\w\\])__(?=\S)([^\n]*?\S)__(?!\w)")
_EM = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^\n]*?[^\s*\\])\*(?![\w*])|(?<![\w\\])_(?=[^\s_])([^\n]*?[^\s_\\])_(?!\w)")
_STRIKE = re.compile(r"~~(?=\S)([^\n]*?\S)~~")
_SAFE_URL = re.compile(r"^https?://", re.I)


def is_markdown(path: str) -> bool:
    return path.lower().endswith(".md")


MAX_CHARS = 5_000  # a longer passage is shown as written: the rules scan a line per mark (quadratic)


def styles(text: str) -> Styles:
    """Each character's style: () plain, ("strong",), ("em",), ("code",), ("s",),
    ("link", url), combinations of them, or None for a mark that is not shown."""
    out: list = [()] * len(text)
    if len(text) > MAX_CHARS:
        return out
    taken = [False] * len(text)  # inside a code span or an escape: no other rule reads it

    def take(a: int, b: int) -> None:
        for i in range(a, b):
            taken[i] = True

    def hide(a: int, b: int) -> None:
        for i in range(a, b):
            out[i], taken[i] = None, True

    def add(a: int, b: int, style: tuple) -> None:
        for i in range(a, b):
            if out[i] is not None:
                out[i] = (*out[i], *style)

    def free(a: int, b: int) -> bool:
        return not any(taken[a:b])

    for m in _CODE.finditer(text):  # first: a code span's content is literal, backslashes too
        a, b = m.start(2), m.end(2)
        if b - a >= 2 and text[a] == text[b - 1] == " " and text[a:b].strip():
            a, b = a + 1, b - 1  # "`` `x` ``": one space each side is padding
        hide(m.start(), a)
        hide(b, m.end())
        add(a, b, ("code",))
        take(a, b)
    for m in _LINK.finditer(text):
        if free(m.start(), m.start(2)) and free(m.end(2), m.end()):
            hide(m.start(), m.start(2))
            hide(m.end(2), m.end())
            url = m.group(3).removeprefix("<").removesuffix(">")
            add(m.start(2), m.end(2), ("link", url) if _SAFE_URL.match(url) and not m.group(1) else ())
    for m in _AUTOLINK.finditer(text):  # <https://…>: the URL as written, linked
        if free(m.start(), m.end()):
            hide(m.start(), m.start(1))
            hide(m.end(1), m.end())
            add(m.start(1), m.end(1), ("link", m.group(1)))
            take(m.start(1), m.end(1))
    for m in _ESCAPED.finditer(text):
        if free(m.start(), m.end()):
            hide(m.start(), m.start() + 1)
            take(m.start(1), m.end(1))
    for pattern, style in ((_BOTH, ("strong", "em")), (_STRONG, ("strong",)), (_EM, ("em",)), (_STRIKE, ("s",))):
        for m in pattern.finditer(text):
            body = m.lastindex  # the group holding the emphasised text (one per alternative)
            a, b = m.start(body), m.end(body)
            if free(m.start(), a) and free(b, m.end()) and out[m.start()] is not None:
                hide(m.start(), a)
                hide(b, m.end())
                add(a, b, style)
    return out


_TAGS = {"strong": ("<strong>", "</strong>"), "em": ("<em>", "</em>"), "code": ("<code>", "</code>"),
         "s": ("<s>", "</s>")}


def show(text: str, a: int, b: int, marks: Styles | None, esc: Callable[[str], str], origin: int = 0) -> str:
    """``esc(text[a:b])`` with the formatting ``marks`` gives it, where ``marks`` is
    ``styles(text[origin:...])`` (a passage's, not a whole document's); plain escaping when
    ``marks`` is None (a .txt document)."""
    if marks is None:
        return esc(text[a:b])
    out, i, b = [], max(a, origin), min(b, origin + len(marks))
    while i < b:
        style = marks[i - origin]
        j = i + 1
        while j < b and marks[j - origin] == style:
            j += 1
        if style is not None:
            out.append(_wrap(esc(text[i:j]), style))
        i = j
    return "".join(out)


def _wrap(inner: str, style: tuple) -> str:
    names = list(style)
    if "link" in names:
        k = names.index("link")
        url = names[k + 1]
        del names[k:k + 2]
        inner = (f'<a class="qa-link" href="{html.escape(url, quote=True)}" target="_blank" '
                 f'rel="noopener noreferrer nofollow">{inner}</a>')
    for name in sorted(set(names), key=list(_TAGS).index):
        open_tag, close_tag = _TAGS[name]
        inner = open_tag + inner + close_tag
    return inner
