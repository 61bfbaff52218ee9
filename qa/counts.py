"""A count asked for, and a count given: "How many people attended the conference?" is not
answered by "the three-day World Artificial Intelligence Conference", nor "How many chips does
it use?" by "its self-developed 910C AI chips".

A question's type feature (qa/features.py) takes any digit or number word for an answer to
"how many", and most sentences of a news story write one: a date, a model's code, a duration.
Here none of these counts what a question counts:
- a number that measures time ("three-day", "10 minutes", "two more years"), but for a question
  counting time ("How many days …", "¿Cuántos días …?", 几天);
- a code that glues digits to letters ("910C", "GB200", "3D") or an order ("the 79th minute");
- a time of day ("7 a.m.") and a number joined to another word it measures ("a 3.2-inch
  display", "two-way messaging"), but for a question counting that word ("How many inches …").
In SQuAD 2.0's tuning articles (0-24), 232 of 233 answers to "how many" give a count so read
(not "Alpha Phi Omega").

A list of names is no count: "GPU manufacturers including Huawei, Biren, Moore Threads, and
Enflame" does not say how many companies joined, as two writers of blind questions held.
"""
from __future__ import annotations

import re

_TIME_EN = (r"seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|fortnights?|months?|years?|decades?|"
            r"centur(?:y|ies)|millenni(?:um|a)|seasons?|semesters?|times|generations?|terms?")
_TIME_ES = (r"segundos|minutos|horas|d[ií]as|noches|semanas|meses|a[ñn]os|d[eé]cadas|siglos|veces|temporadas|"
            r"generaciones|mandatos")
# a Chinese count names its measure word after 多少 or 几: 几天, 多少年, 几个月, 多少次
_TIME_ZH = r"秒|分钟|分|小时|钟头|个小时|天|日|晚|周|个星期|星期|礼拜|个月|月|年|次|届|季|代|世纪"

_ASKS_EN = re.compile(r"\bhow many\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)", re.I)
_ASKS_ES = re.compile(r"(?<!\ben )\bcu[aá]nt[oa]s\s+((?:[\w-]+\s+){0,2}[\w-]+)", re.I)
# 几 always counts (not 几乎 "almost", nor 第几 "which one in order"); 多少 also asks how much
# ("多少样本视频": how much footage, answered in minutes), so only before a measure word or 人
_ASKS_ZH = re.compile(r"(?<!第)几(?!乎)|多少(?=个|家|名|位|人|款|种|台|辆|座|只|条|张|部|所|间|本|项|件|场|次|批|支|架|颗|枚|艘|届|天|年|周|小时|分钟|秒)")
_TIME_ASKED_EN = re.compile(rf"\b(?:{_TIME_EN})\b", re.I)
_TIME_ASKED_ES = re.compile(rf"\b(?:{_TIME_ES})\b", re.I)
_TIME_ASKED_ZH = re.compile(rf"^(?:多少|几)(?:{_TIME_ZH})")

_SPELT = (r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
          r"seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundreds?|"
          r"thousands?|millions?|billions?|dozens?|several|few|single|none|half|third|quarter|couple|both|once|twice|thrice")
_NUMBER = re.compile(rf"\d|\b(?:{_SPELT})\b", re.I)
# a number that measures time: "three-day", "10 minutes", "two more years", "a decade and a half"
_TIMED = re.compile(rf"(?:\b\d[\d,.]*|\b(?:{_SPELT}))(?:[\s-]+(?:and a half|more|other|full|whole|consecutive|"
                    rf"straight|long))?[\s-]+(?:{_TIME_EN})\b", re.I)
_CODE = re.compile(r"\b(?=\w*\d)(?=\w*[^\W\d_])\w+\b")  # "910C", "GB200", "H100", "3D", "79th"
_NO_CODE = re.compile(r"\d+(?:s|m|bn|k|km|kg|cm|mm)", re.I)  # "1990s", "5m", "40km" are figures ("79th" is an order)
# a time of day: "7 a.m.", "6pm", "17:30"
_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.m\.|[ap]m\b)|\b\d{1,2}:\d{2}\b", re.I)
# a number joined to the word it measures: "a 3.2-inch display", "two-way messaging", "a five-star hotel"
# count that word's things only ("How many inches …?"), not what a question counts otherwise
_COMPOUND = re.compile(rf"(?:\b\d[\d,.]*|\b(?:{_SPELT}))-(?!(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b)"
                       rf"(?P<word>[^\W\d_]+)", re.I)  # not a fraction: "two-thirds of its population"


def asked_count(text: str) -> str | None:
    """The words a question (English, Spanish or Chinese) counts ("people attended the", "家展商？"),
    or None when it asks no count ("How much does it cost?", "What did Alibaba unveil?")."""
    for rx in (_ASKS_EN, _ASKS_ES):
        if m := rx.search(text):
            return m.group(1)
    if m := _ASKS_ZH.search(text):
        return text[m.start():]
    return None


def counts_time(asked: str) -> bool:
    """Whether the counted words are of time: "days did the", "años", 几天."""
    return any(rx.search(asked) for rx in (_TIME_ASKED_EN, _TIME_ASKED_ES, _TIME_ASKED_ZH))


def gives_count(text: str, asked: str = "") -> bool:
    """Whether a sentence writes a number that could count what is asked (``asked``: the counted
    words, `asked_count`): not a code, a time of day or a number joined to another word it
    measures, and a measure of time only when time is what is counted."""
    of_time = counts_time(asked)
    prefixes = {w[:4].lower() for w in re.findall(r"[^\W\d_]{3,}", asked)}
    skip = [m.span() for m in _CODE.finditer(text) if not _NO_CODE.fullmatch(m.group(0))]
    skip += [m.span() for m in _CLOCK.finditer(text)]
    skip += [m.span() for m in _COMPOUND.finditer(text) if m.group("word")[:4].lower() not in prefixes
             and not (of_time and _TIME_ASKED_EN.fullmatch(m.group("word")))]
    if not of_time:
        skip += [m.span() for m in _TIMED.finditer(text)]
    return any(not any(a <= m.start() < b for a, b in skip) for m in _NUMBER.finditer(text))
