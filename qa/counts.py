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

A count of people is of people: "How many people live in Port Calloway?" is not answered by
"the Chamber of Commerce, which represents about 2,300 businesses", nor "How many people were
taking Norvasta?" by "Veltrana recalled about 2.3 million bottles". When a question counts
people, the number must count a word for people ("2,300 residents", "three firefighters", "the
town's 4,000 inhabitants"), or the sentence must say what such counts say (population, employs,
attendance, crowd), or count what the question says they did ("How many people signed?": "8,000
signatures"). In SQuAD 2.0's tuning articles (0-24), all 39 answer sentences to "how many <people>"
do (11 of 13 in the test articles, read after the rule was written).

A list of names is no count: "GPU manufacturers including Huawei, Biren, Moore Threads, and
Enflame" does not say how many companies joined, as two writers of blind questions held.
"""
from __future__ import annotations

import re

from .features import MONTHS
from .lexical import stopwords

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
# the same count asked in French, German, Italian, Portuguese and Russian ("combien de personnes
# ont assisté", "wie viele Leute", "quante persone", "quantas pessoas", "сколько человек"), and by
# a Japanese or Korean counter (何人, 何個, いくつ; 몇 명, 몇 개): the counted words are what follows.
# Of a plural only: "Wie viel Videomaterial", "combien de matériel", "сколько видеоматериала" ask
# how much, answered by a measure ("10 minutes of sample footage"); Russian counts in the genitive
# plural (-ов, -ей, -ий, …) or "человек", "лет"
_ASKS_OTHER = re.compile(r"(?i)\b(?:combien\s+(?:de\s+|d['’])(?=[\w-]*[sx]\b)(?!temps\b)|wie\s*viele\s+|quant[ie]\s+|quant[oa]s\s+|"
                         r"сколько\s+(?=(?:[\w-]+\s+)?(?:[\w-]*(?:ов|ев|ей|ий|ых|их)|человек|лет|раз)\b))"
                         r"((?:[\w’'-]+\s+){0,2}[\w’'-]+)")
_ASKS_JA_KO = re.compile(r"何(?:人|名|個|台|回|社|枚|件|本|種類|[かカヶヵ]国|分|秒)|いくつ|幾つ|몇\s*[가-힣]")
_TIME_OTHER = (r"jours?|ans|années?|mois|semaines?|heures?|secondes?|siècles?|fois|"  # French
               r"tage?n?|jahre?n?|monate?n?|wochen?|stunden?|minuten?|sekunden?|jahrhunderte?|mal|"  # German
               r"giorni|anni|mesi|settimane|ore|minuti|secondi|secoli|volte|"  # Italian
               r"dias|anos|meses|semanas|horas|minutos|segundos|séculos|vezes|"  # Portuguese
               r"дн\w*|лет|год\w*|месяц\w*|недел\w*|час\w*|минут\w*|секунд\w*|век\w*|раз")  # Russian
_TIME_ASKED_EN = re.compile(rf"\b(?:{_TIME_EN})\b", re.I)
_TIME_ASKED_OTHER = re.compile(rf"^(?:{_TIME_OTHER})\b|^何(?:回|分|秒)|^몇\s*(?:일|년|시간|달|개월|주|분|초|번)", re.I)
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
# a date's day or year: "March 14", "Oct. 29", "14 March", "in 2024" count nothing (a year counts time only)
_DATED = re.compile(rf"\b{MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTHS}\b")
_YEAR = re.compile(r"\b(?:1[89]|20)\d{2}\b(?!\s*(?:people|persons|[a-z]+(?:ers|ors|ists|ians|ants|ents|ees))\b)")
# a number joined to the word it measures: "a 3.2-inch display", "two-way messaging", "a five-star hotel"
# count that word's things only ("How many inches …?"), not what a question counts otherwise
_COMPOUND = re.compile(rf"(?:\b\d[\d,.]*|\b(?:{_SPELT}))-(?!(?:half|halves|thirds?|quarters?|fifths?|tenths?)\b)"
                       rf"(?P<word>[^\W\d_]+)", re.I)  # not a fraction: "two-thirds of its population"


def asked_count(text: str) -> str | None:
    """The words a question counts ("people attended the", "家展商？", "人が参加しましたか"),
    or None when it asks no count ("How much does it cost?", "What did Alibaba unveil?")."""
    for rx in (_ASKS_EN, _ASKS_ES):
        if m := rx.search(text):
            return m.group(1)
    if m := _ASKS_OTHER.search(text):
        return m.group(1)
    if m := _ASKS_ZH.search(text) or _ASKS_JA_KO.search(text):
        return text[m.start():]
    return None


# what a question counts when it counts people: "people live in", "personas", 多少人, 几名员工
_PEOPLE = (r"people|persons?|residents?|inhabitants?|citizens?|employees?|workers?|staff|children|kids|adults?|"
           r"men|women|males?|females?|students?|pupils?|undergraduates?|graduates?|patients?|members?|voters?|"
           r"customers?|fans?|spectators?|visitors?|tourists?|passengers?|soldiers?|troops|victims?|casualties|"
           r"refugees?|immigrants?|migrants?|participants?|volunteers?|individuals?|humans?|players?|users?|"
           r"subscribers?|attendees?|delegates?|deaths?|dead|killed|injured|wounded|survivors?|babies|infants?|"
           r"girls?|boys?|families|households?|nurses?|doctors?|teachers?|officers?|officials?|personnel|crews?|"
           r"firefighters?|police(?:men|women)?|"
           # people counted by what they do ("How many startup founders were convicted?")
           r"founders?|executives?|directors?|managers?|scientists?|researchers?|economists?|analysts?|investors?|"
           r"engineers?|farmers?|drivers?|pilots?|lawyers?|jurors?|prisoners?|inmates?|climbers?|hikers?|runners?|"
           r"athletes?|miners?|shoppers?|commuters?|travell?ers?|protesters?|demonstrators?|divers?|astronauts?|"
           r"archaeologists?|musicians?|artists?|"
           r"jobs|lives")
_PEOPLE_ASKED = re.compile(rf"(?i)^(?:(?:of\s+)?(?:the\s+)?(?:(?!{_TIME_EN}\b)[a-z]+[\s-]+)?(?:{_PEOPLE})\b|(?:personas|habitantes|residentes|"
                           rf"ciudadanos|empleados|trabajadores|niños|niñas|pacientes|miembros|estudiantes|alumnos|"
                           rf"víctimas|muertos|heridos|aficionados|espectadores|visitantes|turistas|pasajeros|"
                           rf"soldados|voluntarios|jugadores|usuarios|familias)\b|(?:多少|几)(?:个)?(?:人|名|位)"
                           # French, German, Italian, Portuguese, Russian, Japanese, Korean
                           rf"|(?:personnes|gens|habitants|employés|salariés|travailleurs|visiteurs|participants|spectateurs|"
                           rf"enfants|membres|utilisateurs|morts|victimes|joueurs|leute|menschen|personen|einwohner|"
                           rf"mitarbeiter(?:innen)?|besucher|teilnehmer|zuschauer|kinder|mitglieder|nutzer|tote|opfer|spieler|"
                           rf"persone|gente|abitanti|dipendenti|lavoratori|visitatori|partecipanti|spettatori|bambini|"
                           rf"membri|utenti|morti|vittime|giocatori|pessoas|funcionários|empregados|trabalhadores|"
                           rf"crianças|membros|usuários|utilizadores|mortos|vítimas|jogadores|человек|люд\w*|жител\w*|"
                           rf"сотрудник\w*|работник\w*|посетител\w*|участник\w*|зрител\w*|дет\w*|член\w*|"
                           rf"пользовател\w*|погибш\w*|жертв\w*|игрок\w*)\b|何(?:人|名)|몇\s*(?:명|사람))")
_COUNT = (rf"(?:(?<![\w$£€¥.,])\d[\d,.]*|(?<!\d\s)\b(?:{_SPELT}))(?:[\s-]+(?:million|billion|thousand|hundred|m|bn)\b)?")  # not money
# a word for people, or any of a trade's ("firefighters", "investors", "scientists", "descendants")
_PEOPLE_NOUN = rf"(?:{_PEOPLE}|[a-z]+(?:ers|ors|ists|ians|ants|ents|ees))"
# a number then, within three words, a word for people ("about 2,300 people", "four out of five
# young children", "three of its firefighters"), a number of "them"/"whom", or what counts people
_GIVES_PEOPLE = re.compile(rf"(?i){_COUNT}(?:\s+[\w’'-]+){{0,3}}?\s+{_PEOPLE_NOUN}\b"
                           rf"|{_COUNT}(?:\s+[\w’'-]+){{0,2}}?\s+of\s+(?:them|whom|those)\b"
                           r"|\b(?:population|populous|inhabited|census|employs|employed|enrol+ment|enrolled|"
                           r"attendance|attended|crowds?|membership|headcount|workforce|home\s+to|death\s+toll|toll|"
                           r"numbers?|number(?:ed|ing))\b")


_COUNTED = re.compile(rf"(?i){_COUNT}(?P<words>(?:\s+[\w’'-]+){{1,2}})")  # "8,000 signatures", "1,000 new signatures"
# a fact sheet's line, the count after its label: "Employees: 4,200 (2023)", "Passengers (2023): 9.4 million"
_LABELLED = re.compile(rf"(?i)\s*(?P<words>[^\W\d_][\w’'() -]{{0,30}}?)\s*:\s*(?:(?:about|around|approximately|approx\.|"
                       rf"nearly|almost|over|more than|under|fewer than|some|c\.|ca\.|~)\s*)?{_COUNT}")
_PEOPLE_WORD = re.compile(rf"(?i)\b{_PEOPLE_NOUN}\b")


def _gives_people(text: str, asked_words: list[str]) -> bool:
    """Whether a sentence counts people, or counts what the question says they did ("How many
    people have signed?": "more than 8,000 signatures", by the first four letters of the asked
    words that are not stop words). The counted words are the number's next two: "2.3 million
    bottles of Norvasta" does not count "people were taking norvasta"; on a fact sheet's line,
    its label ("Employees: 4,200 (2023)")."""
    if _GIVES_PEOPLE.search(text):
        return True
    did = {w[:4].lower() for w in asked_words if w.lower() not in stopwords()}
    labelled = _LABELLED.match(text)
    if labelled and (_PEOPLE_WORD.search(labelled.group("words"))
                     or any(w[:4].lower() in did for w in labelled.group("words").split())):
        return True
    return any(w[:4].lower() in did for m in _COUNTED.finditer(text) for w in m.group("words").split())


def counts_people(asked: str) -> bool:
    """Whether the counted words are people: "people live in", "employees work at", "personas", 多少人."""
    return _PEOPLE_ASKED.match(asked.strip()) is not None


def counts_time(asked: str) -> bool:
    """Whether the counted words are of time: "days did the", "años", 几天."""
    return any(rx.search(asked) for rx in (_TIME_ASKED_EN, _TIME_ASKED_ES, _TIME_ASKED_ZH, _TIME_ASKED_OTHER))


def gives_count(text: str, asked: str = "") -> bool:
    """Whether a sentence writes a number that could count what is asked (``asked``: the counted
    words, `asked_count`): not a code, a time of day or a number joined to another word it
    measures, a measure of time only when time is what is counted, and of people when people are."""
    of_time = counts_time(asked)
    asked_words = re.findall(r"[^\W\d_]{3,}", asked)
    prefixes = {w[:4].lower() for w in asked_words}
    skip = [m.span() for m in _CODE.finditer(text) if not _NO_CODE.fullmatch(m.group(0))]
    skip += [m.span() for m in _CLOCK.finditer(text)]
    skip += [m.span() for m in _COMPOUND.finditer(text) if m.group("word")[:4].lower() not in prefixes
             and not (of_time and _TIME_ASKED_EN.fullmatch(m.group("word")))]
    skip += [m.span() for m in _DATED.finditer(text)]
    if not of_time:
        skip += [m.span() for m in _TIMED.finditer(text)] + [m.span() for m in _YEAR.finditer(text)]
    if counts_people(asked) and not _gives_people(text, asked_words):
        return False
    return any(not any(a <= m.start() < b for a, b in skip) for m in _NUMBER.finditer(text))
