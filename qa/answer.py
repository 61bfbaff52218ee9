"""Turn ranked hits into an Answer: citations (best first), a short answer text, a refusal."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import takewhile

import numpy as np

from .corpus import plain, titles_told_apart, written_meta
from .crosslingual import has_cjk
from .definitions import asked_meaning, defines
from .counts import asked_count, gives_count
from .countries import countries_asked_in, country_named, written as country_written
from .features import ASKS_PUBLISHED, MONTHS, NAME_LIKENESS, entity_mentions, framing_tokens, mention_spans, sentence_tokens, token_list
from .index import Index
from .kinds import MEASURE_KINDS, named
from .lexical import stopwords, tokenize, zipf
from .misnamed import misnamed
from .question import (ASKS_FREE, NAME, PAID, POSSESSIVE, Question, content_tokens, everyday_paraphrases, language, names,
                       refers_to_thing)
from .roles import (JOB_TITLES, SOURCE_TITLES, TITLED, holder_asked, holder_asked_other, lead_asked, office_asked, role_paraphrases,
                    says_the_job, title_abbreviations, title_named, titled_after)
from .sayings import ACTS, REPORTS_SAYING, saying_paraphrases, speaker
from .segment import (DATE_KEYS, as_lead, attributed, field_line, first_turns, hangs_from, lead_in, list_item, meta_item,
                      one_line, quote_depth, signer, turn_speaker, turn_start, unlabelled)
from .span import find_span, person_spans
from .spanish import asks_which_ones
from .spelling import fold
from .types import REFUSAL, REFUSAL_DOCUMENTS, REFUSALS, REFUSALS_DOCUMENTS, Answer, Citation, Hit, Sentence

MAX_CITATIONS = 4
NEAREST_SHOWN = 3
MULTI_TYPES = ("list", "reason")
SUBJECT_DEPTH = 10  # how far down the ranking a sentence naming one of the question's subjects is sought


def paragraph_rows(index: Index, row: int) -> tuple[int, int]:
    """The first and last rows of the paragraph holding sentence ``row``."""
    s = index.sentences[row]
    a, b = index.doc_rows[s.doc]
    lo = hi = row
    while lo - 1 >= a and index.sentences[lo - 1].para == s.para:
        lo -= 1
    while hi + 1 < b and index.sentences[hi + 1].para == s.para:
        hi += 1
    return lo, hi


def passage_bounds(index: Index, row: int) -> tuple[int, int]:
    """Character span of the paragraph holding sentence ``row`` (the passage shown around it)."""
    lo, hi = paragraph_rows(index, row)
    return index.sentences[lo].start, index.sentences[hi].end


def cite(index: Index, hit: Hit, q: Question | None = None) -> Citation:
    s = hit.sentence
    p_start, p_end = passage_bounds(index, hit.features["row"])
    span = find_span(q, s.text) if q is not None and s.kind == "text" else None
    a_start, a_end = (s.start + span[0], s.start + span[1]) if span else (None, None)
    return Citation(doc=s.doc, sentence=s.text, start=s.start, end=s.end, score=hit.score,
                    answer_start=a_start, answer_end=a_end,
                    passage_start=p_start, passage_end=p_end, section=s.section)


def choose(hits: list[Hit], q: Question, cite_ratio: float) -> list[Hit]:
    """The best hit, plus others nearly as strong; list and why questions may take several."""
    if not hits:
        return []
    best = hits[0].score
    limit = MAX_CITATIONS if q.qtype in MULTI_TYPES else 2
    if not q.english:  # the ranker's probabilities are English-calibrated (腾讯发布了什么？ read
        limit = 1      # 0.0008 for Tencent's sentence and Baidu's alike): "nearly as strong" means nothing
    ratio = cite_ratio if q.qtype in MULTI_TYPES else max(cite_ratio, 0.8)
    if hits[0].sentence.kind == "meta":  # "The article is dated ...": one line says it
        return hits[:1]
    items = [h for h in hits[1:MAX_CITATIONS] if h.features.get("item_of") == hits[0].features.get("row")]
    if items:  # "Veldmark is twinned with:" and the items of its list (`answers_not_questions`)
        return [hits[0], *items]
    # a why answer's second half (`reason_read_on`) comes second, then the others nearly as strong
    chosen = [hits[0], hits[1]] if len(hits) > 1 and hits[1].features.get("reads_on") else [hits[0]]
    for h in hits[len(chosen):limit + len(chosen) - 1]:
        if h.score >= ratio * best and h.sentence.kind == "text":
            chosen.append(h)
    # "What did Tencent and Baidu each launch?": every name gets the best sentence that mentions
    # it, however far below the first it ranks (one sentence naming both serves both)
    says = [_says(name) for name in q.subjects]
    for said in says:
        if not any(said(h.sentence.text) for h in chosen):
            h = next((h for h in hits[:SUBJECT_DEPTH] if h.sentence.kind == "text" and said(h.sentence.text)), None)
            if h is not None and len(chosen) < MAX_CITATIONS:
                chosen.append(h)
    named = [[said(h.sentence.text) for said in says] for h in chosen]
    if len(says) > 1 and all(map(any, zip(*named))) and not any(map(all, named)):
        # each name has a sentence of its own (none writes them all: "the French and Indian War"
        # is one thing): another that names none of them is filler ("The conference also
        # spotlighted AI consumer tech" under Alibaba's and Tencent's launches), unless it reads
        # on from one that does ("Its AI cloning tool …" after "Baidu showcased …")
        naming = {(h.sentence.doc, h.sentence.i) for h, row in zip(chosen, named) if any(row)}
        chosen = chosen[:1] + [h for h in chosen[1:] if (h.sentence.doc, h.sentence.i) in naming
                               or (h.sentence.doc, h.sentence.i - 1) in naming]
    return chosen


def _says(subject: str):
    """Whether a sentence tells of one of a question's subjects: a name as written ("Tencent"),
    a thing by most of its words ("setting up the summer school" in "she founded the Bridge the
    Gap summer school", "hip and knee replacements" in "a hip or knee replacement")."""
    written = re.compile(rf"(?<!\w){re.escape(subject)}(?!\w)", re.I)
    stems = [(w, t[0]) for w in re.findall(r"[^\W\d_]+", subject) for t in tokenize([w]) if t]
    words = {t for _, t in stems}
    if not stems or subject[:1].isupper() and not any(w.islower() for w in subject.split()[1:]):
        # a name: as written, or every word of it ("Huawei's CloudMatrix": "Huawei … its CloudMatrix")
        return lambda text: bool(written.search(text)) or len(words) > 1 and words <= sentence_tokens(text)
    rarest = min(stems, key=lambda p: zipf(p[0].lower()))[1]  # one word alone: "cataract", not "operations"

    def says(text: str) -> bool:
        told = sentence_tokens(text)
        both = len(words & told)
        return bool(written.search(text)) or 2 * both >= len(words) and (both >= 2 or rarest in told)
    return says


def _meta_key(s) -> str:
    return meta_item(s)[0].lower()


# what a metadata question asks for, by the keys of the lines that answer it
_ASKS_META = ((DATE_KEYS, ASKS_PUBLISHED),
              (("author", "from"), re.compile(r"\b(who wrote|who sent|written by|sent by|author|writer|sender|byline|"
                                              r"(this|the|that) e-?mail (come|came|was sent) from)\b", re.I)),
              (("url",), re.compile(r"\b(url|link|web ?address)\b", re.I)),
              (("source",), re.compile(r"\bsource\b|\bwhere is (this|the) (article|story|report|piece|text) from\b", re.I)))


def _meta_asked(hits: list[Hit], q: Question) -> Hit | None:
    """For "When was the report published?" or "Who wrote it?" whose best hit is another
    metadata line of the document (its title shares the question's words), the line that says."""
    top = hits[0].sentence
    if top.kind != "meta":
        return None
    for keys, asks in _ASKS_META:
        if asks.search(q.text):
            if _meta_key(top) in keys:
                return None
            return next((h for h in hits if h.sentence.doc == top.doc and h.sentence.kind == "meta"
                         and _meta_key(h.sentence) in keys), None)
    return None


# a question that may be answered by a metadata line: one of the above, or one about the text's
# title or when it was written, in English, Spanish or Chinese
_ASKS_ANY_META = re.compile(r"\b(when was (it|this|that) (written|posted|out)|what (date|day) (is|was) (it|this)|"
                            r"when is (it|this) from|dated?|fecha|public\w*|escrib\w*|escrit[oa]|title|headline|subject line|t[ií]tulo|"
                            r"titular)\b|发表|日期|哪天写|标题", re.I)


def metadata_asked(q: Question) -> set[str]:
    """The keys of the metadata lines that may answer the question ({} for most questions)."""
    keys = {k for keys, asks in _ASKS_META if asks.search(q.text) for k in keys}
    if _ASKS_ANY_META.search(q.text):
        keys.update(DATE_KEYS + ("title", "subject"))
    return keys


_Q_LABEL = re.compile(r"(?:Q|Question|P|Pregunta|问)\s*[:：.]\s", re.I)  # "Q: Which browsers are supported"
_A_LABEL = re.compile(r"(?:A|Answer|R|Respuesta|答)\s*[:：.]\s", re.I)  # "A: Open Settings ..."


# "Which reporter asked who would pay?", "who wanted to know about the buses": the question in the
# text is the answer; so in Spanish and Chinese
_WHO_ASKED = re.compile(r"\b(?:who|which\s+\w+(?:\s+\w+)?)\s+(?:first\s+|had\s+|has\s+)?(?:asked|asks|queried|wanted to know|"
                        r"questioned)\b|\bqui[eé]n(?:es)?\s+(?:pregunt[oóa]\w*|quiso saber)|谁(?:问|提问|提出了?问题)", re.I)


def asks_who_asked(q: Question) -> bool:
    return bool(_WHO_ASKED.search(q.text))


def _is_question(s) -> bool:
    return s.kind == "text" and (s.text.rstrip("\"'”’)] \t\r\n").endswith(("?", "？")) or bool(_Q_LABEL.match(s.text)))


def _replies(question, s) -> bool:
    """Whether ``s``, right after a question in the text, is its answer: labelled as one
    ("A: Yes."), or a statement of its own that takes up the question's words ("How do I reset
    my password?" / "Open Settings and press Reset password."); not a sign-off ("Best,"), nor
    what an e-mail says next about something else."""
    if s.kind != "text" or _is_question(s):
        return False
    if _A_LABEL.match(s.text) or _Q_LABEL.match(question.text):
        return True
    shared = set(tokenize([question.text])[0]) & set(tokenize([s.text])[0])
    return len(s.text.split()) >= 4 and not s.text.rstrip().endswith(",") and bool(shared)


SHORT_REPLY = 3  # words after a speaker's label: "A: Yes." answers, but what follows it says how
# who speaks a paragraph of a transcript: "Interviewer: ...", "OKAFOR: ...", "Dr. Okafor: ..."
_SPEAKER = re.compile(r"([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s*[:：]\s")
_LEAD_IN = re.compile(r"(\*\*|__)[^*_\n]+\1")  # a sentence in bold, all of it: "**Devices drop off after a power cut.**"


def _speaker(index: Index, row: int) -> str | None:
    """The label opening the paragraph of sentence ``row``, if a speaker's."""
    m = _SPEAKER.match(index.sentences[paragraph_rows(index, row)[0]].text)
    return m.group(1).casefold() if m else None


def _other_speaker(index: Index, question_row: int, row: int) -> bool:
    """Whether ``row`` opens the next speaker's turn after a speaker's question: an
    interviewee's reply need not repeat a word of the question ("How much would a sea wall
    cost?" / "OKAFOR: The proposal ... was estimated at $1.2bn.")."""
    asking = _speaker(index, question_row)
    if asking is None or index.sentences[row].kind != "text":
        return False
    m = _SPEAKER.match(index.sentences[row].text)
    return m is not None and m.group(1).casefold() != asking


TRAILING_REMARKS = 1  # sentences a speaker may add after a question before the other's reply


def _next_turn(index: Index, row: int) -> int | None:
    """The row opening the next turn of a transcript after a question at ``row``, when its speaker
    adds at most a remark first ("Why rooftops? I think most of our listeners picture bees in a
    field." / "Marcus: Two reasons. …"); None elsewhere."""
    s = index.sentences[row]
    doc = index.by_id.get(s.doc)
    turn = turn_start(s, doc)
    if turn < 0:
        return None
    end = index.doc_rows[s.doc][1]
    for r in range(row + 1, min(row + TRAILING_REMARKS + 2, end)):
        later = index.sentences[r]
        if later.kind != "text":
            return None
        if turn_start(later, doc) != turn:
            return r
    return None


FAQ_SENTENCES = 3  # an answer paragraph's sentences that may stand for its question line
FAQ_HEADING_WORDS = 12  # a question line as long as a heading


def _faq_answer(index: Index, hit: Hit, hits: list[Hit]) -> list[Hit]:
    """A question standing alone as a line ("How much does it cost?" over a leaflet's paragraph)
    is a heading that asks: the paragraph under it answers, whatever its words ("The vaccine is
    free for … For all other adults, the cost is $25"). Its sentences that the search ranked
    stand in the question's place, in their order, else its first sentence; [] when the line is
    no such heading."""
    row = hit.features["row"]
    lo, hi = paragraph_rows(index, row)
    end = index.doc_rows[index.sentences[row].doc][1]
    if lo != hi or row + 1 >= end:
        return []
    first = index.sentences[row + 1]
    if (first.kind != "text" or first.para == index.sentences[row].para or _is_question(first)
            or len(index.sentences[row].text.split()) > FAQ_HEADING_WORDS
            or len(first.text.split()) < 4 or first.text.rstrip().endswith(",")):  # not an e-mail's "Best,"
        return []
    a, b = paragraph_rows(index, row + 1)
    b = min(b, a + FAQ_SENTENCES - 1)
    ranked = [h for h in hits if a <= h.features["row"] <= b]
    if ranked:
        return [Hit(h.sentence, hit.score, h.features) for h in ranked]
    return [Hit(first, hit.score, {**hit.features, "row": row + 1})]


# "And the second?", "What is the other alliance called?": the next item of an enumeration whose
# first item a top sentence opens ("The first, called the Model-Chip …" … "Another consortium, …")
_ASKS_NEXT_ITEM = re.compile(r"\b(?:second|other|another|latter|segund[oa]|otr[oa])\b|第二|另一", re.I)
_ASKS_FIRST_ITEM = re.compile(r"\b(?:first|primer[oa]?)\b|第一", re.I)
_OPENS_FIRST_ITEM = re.compile(r"^\W*(?:the first\b|first\b|firstly\b)", re.I)
_OPENS_NEXT_ITEM = re.compile(r"^\W*(?:another\b|the second\b|a second\b|the other\b|secondly\b|second,|the latter\b)", re.I)
# "And the second one?", "who's in the first one?", "¿Y el segundo?": a follow-up that asks for an
# item of an enumeration by its place alone
_ITEM_BY_PLACE = re.compile(r"^\W*(?:(?:and|but|so|what about|how about|y)\s+)?(?:(?:what|who|which)(?:['’]s|\s+\w+){0,3}\s+)?"
                            r"(?:the|el|la)\s+(?:first|second|other|latter|primer[oa]?|segund[oa]|otr[oa])(?:\s+one)?\b", re.I)
ENUMERATION_REACH = 3  # sentences after the first item where the next may start (one may describe the first)
ITEM_WINDOW = 3  # the best sentences one of which may open the first item (as MEASURE_WINDOW, `_first`'s)


def next_item(index: Index, q: Question, hits: list[Hit], conversation: bool = False) -> list[Hit]:
    """For a question about the second (other, latter) of something, with one of the best two
    sentences opening its first ("The first, called …"): the sentence that opens the next item
    ("Another consortium, …", "The second …") comes first, and the first item's go (its opening
    and what follows it: "Zhao Lidong … described the alliance as …"). Questions
    name the second of two things in words their sentence need not write ("alliance" of a
    "consortium"), and the ranker read "the second alliance" as the first one's sentence.
    A follow-up asking for an item by its place alone ("and the second one?", "who's in the
    first one?") gets its item from the best three."""
    by_place = conversation and _ITEM_BY_PLACE.search(q.text) is not None
    if by_place and _ASKS_FIRST_ITEM.search(q.text):
        return hits if _opens_first_item(hits[0]) else _first(hits, _opens_first_item)
    return _enumerated(index, q, hits, ITEM_WINDOW if by_place else 2) or hits


def item_asked(index: Index, q: Question, hits: list[Hit], conversation: bool) -> bool:
    """A follow-up asking for the first or the second item by its place ("and the second one?"
    after "Which two alliances were launched?") when one of the best three sentences opens the
    first item ("The first, called the Model-Chip …"): the enumeration is there to read out,
    though a question of so few words gives the answerability model little to judge."""
    if not conversation or not _ITEM_BY_PLACE.search(q.text):
        return False
    if _ASKS_FIRST_ITEM.search(q.text):
        return any(_opens_first_item(h) for h in hits[:ITEM_WINDOW])
    return _enumerated(index, q, hits, ITEM_WINDOW) is not None


def _opens_first_item(hit: Hit) -> bool:
    return _OPENS_FIRST_ITEM.match(hit.sentence.text) is not None


def _enumerated(index: Index, q: Question, hits: list[Hit], window: int) -> list[Hit] | None:
    """The hits with the next item first, when the question asks for the second (other, latter)
    of something and one of the best ``window`` sentences opens the first, whose next item opens
    within reach; else None."""
    if not _ASKS_NEXT_ITEM.search(q.text) or _ASKS_FIRST_ITEM.search(q.text):
        return None
    for h in hits[:window]:
        if not _opens_first_item(h):
            continue
        row, end = h.features["row"], index.doc_rows[h.sentence.doc][1]
        for r in range(row + 1, min(row + 1 + ENUMERATION_REACH, end)):
            s = index.sentences[r]
            if s.kind == "text" and _OPENS_NEXT_ITEM.match(s.text):
                found = next((x for x in hits if x.features["row"] == r), None)
                top = found or Hit(s, hits[0].score, {**hits[0].features, "row": r})
                return [top] + [x for x in hits if not row <= x.features["row"] <= r]
        return None
    return None


# a sentence that reads on from the one before: a back-reference, or a quotation going on
_READS_ON = re.compile(r"[“\"]?\s*(?:This|That|These|Those|Such|The reason|Because)\b")


# a follow-up asking only why ("Why not?", "How come?", "¿Por qué?", 为什么？)
_BARE_WHY = re.compile(r"^\W*(?:(?:and|but|so|y|pero)\s+)?(?:why(?:\s+(?:not|so|is that|was that))?|how come|"
                       r"por\s*qu[eé](?:\s+no)?|为什么(?:不|没有)?呢?)\W*$", re.I)


# what gives a cause besides the reason words the ranker learnt ("a recall of about 23,000 kettles
# after reports that the lid can spring open"): a bare "Why?" of such a sentence is answered by it
_CAUSE = re.compile(r"\b(?:(?:after|amid|following|over)\s+(?:reports?|complaints?|concerns?|claims?|fears?|worries|warnings?|"
                    r"tests?|findings?|it\s+(?:emerged|was\s+found)|an?\s+(?:investigation|review|inspection|series|spate|number))|"
                    r"for\s+fear|so\s+as\s+to|in\s+an\s+effort\s+to|to\s+(?:avoid|prevent|protect))\b", re.I)


def reason_read_on(index: Index, q: Question, hits: list[Hit], earlier: Sentence | None = None) -> list[Hit]:
    """For a why question, the sentence right after the best one when it reads on from it
    ("The company's own V9 processor … handles the display on the device." then "That design
    choice is partly a response to privacy concerns …", the next paragraph's first): the reason
    is often the second half of a thought, in words the question doesn't use. It is cited
    second (`choose`), unless the best one gives a reason itself ("The embargo caused an oil
    crisis" is not followed by "It was later called …").

    A bare "Why not?" whose best sentence is the one the previous question was answered with
    and gives no cause ("Her number 1 shirt will not be retired, Forsyth confirmed.") asks what
    explains it: the next sentence of its paragraph ("\"She asked us not to,\" he said.") is
    cited first, and the fact it explains second."""
    if q.qtype != "reason" or not hits or hits[0].sentence.kind != "text" or entity_mentions("reason", hits[0].sentence.text):
        return hits
    top = hits[0]
    row = top.features["row"]
    if row + 1 >= index.doc_rows[top.sentence.doc][1]:
        return hits
    after = index.sentences[row + 1]
    rest = [h for h in hits[1:] if h.features["row"] != row + 1]
    if earlier is not None and top.sentence == earlier and _BARE_WHY.match(q.text) and not _CAUSE.search(top.sentence.text) \
            and after.kind == "text" and after.para == top.sentence.para:
        return [Hit(after, top.score, {**top.features, "row": row + 1}),
                replace(top, features={**top.features, "reads_on": True}), *rest]
    # the next paragraph too (a news story's paragraphs are a sentence or two), not past a heading
    if after.kind != "text" or after.section != top.sentence.section or not _READS_ON.match(after.text):
        return hits
    return [top, Hit(after, top.score, {**top.features, "row": row + 1, "reads_on": True}), *rest]


# a sentence listing what the one before it introduced: "Members include SenseTime, … and Metax.",
# "Its partners are …", "They are …"; the words before the verb say what the list is of
_LISTS_ON = re.compile(r"(?P<of>(?:Its|Their|The|Other)(?:\s+[a-z][\w-]*){1,3}|[A-Z][a-z]+(?:\s+[a-z][\w-]*){0,2})\s+"
                       r"(?:include[sd]?|compris(?:e|es|ed)|consist(?:s|ed)?\s+of)\b"
                       r"|(?P<its>(?:Its|Their)(?:\s+[a-z][\w-]*){0,2}\s+[a-z][\w-]*s)\s+(?:are|were)\b"  # "Its members were"
                       r"|(?P<they>They|These|Those)\s+(?:are|were)\b")
LISTED_NAMES = 3  # names a sentence must write to be a list of them
LIST_REACH = 2  # sentences after the best one where the list it introduces may stand
_WHO_ON = r"\bwho\s+(?:is|are|was|were|sits?|sat|serves?|served)\s+on\b"  # "Who sits on the board?"
# "Who are the members?", "Who sits on the board?", "Which chipmakers belong to …?" ask which ones;
# "Who is able to …?" one; "What force acts …?" none
# a plural noun after "which"/"what", a word before it allowed ("which chipmakers", "what practical gripes")
_PLURAL_ASKED = r"\s+(?:[a-z-]+\s+)?[a-z-]+s\b(?<!ss)(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bdoes)(?<!\bthis)"
_ASKS_WHICH_ONES = re.compile(rf"\bwho\s+(?:are|were|else)\b|{_WHO_ON}|\bwho\s+belongs?\b|\bwhich{_PLURAL_ASKED}", re.I)
_MEMBER_NOUNS = r"members?|partners?|trustees?|patrons?|founders?|sponsors?|backers?|signator(?:y|ies)|participants?|affiliates?"
# and asks for members in so many words: then "Members include" and "They are" list what it asks for
# "Which companies are in the … AI Committee?", "Who is on the board?": in a body of members
_IN_A_BODY = (r"\b(?:is|are|was|were|sits?|sat|serves?|served)\s+(?:in|on)\s+(?!charge\b|behalf\b|top\b)(?:the\s+|that\s+|this\s+|its\s+)?"
              r"(?:[\w'’-]+\s+){0,8}?(?:committee|alliance|consortium|association|coalition|council|board|club|union|"
              r"federation|league|network|panel|group)s?\b")
_ASKS_MEMBERS = re.compile(rf"\b(?:{_MEMBER_NOUNS}|membership|belong(?:s|ed)?|join(?:s|ed)?|part of)\b|{_WHO_ON}|{_IN_A_BODY}", re.I)
_ASKS_IN_A_BODY = re.compile(_IN_A_BODY, re.I)
_MEMBERS = re.compile(rf"\b(?:{_MEMBER_NOUNS}|directors?|shareholders|investors|owners|judges|panell?ists)\b", re.I)


def _lists_what_is_asked(q: Question, text: str, introduced: str) -> bool:
    """Whether a list sentence lists what the question asks for: it writes a word of the question
    the sentence introducing it does not ("Name the chipmakers in the … Committee": "… and
    chipmakers Metax and Iluvatar CoreX"), or what it is a list of shares a word with the question
    ("Its partners are" for "Who are the partners of …?"), or the question asks for members and
    the list is of members, or of "they" ("Which firms belong to …?": "Members include …").
    "Other influential spokesmen included …" lists nothing "What kinds of sciences were Social
    Darwinism and theories of race?" asks for."""
    m = _LISTS_ON.match(text)
    if m is None:
        return False
    of = m.group("of") or m.group("its") or ""
    asked = set(q.tokens)
    if asked & (set(tokenize([text])[0]) - set(tokenize([introduced])[0])) or asked & set(tokenize([of])[0]):
        return True
    # (a question in another language that asks which ones of a body asks for its members)
    return (_ASKS_MEMBERS.search(q.text) is not None or not q.english and asks_which_ones(q.text, q.lang)) \
        and (m.group("they") is not None or _MEMBERS.search(of) is not None)


def list_read_on(index: Index, q: Question, hits: list[Hit]) -> list[Hit]:
    """For a question asking which ones (companies, members, partners), the sentence after the
    best one (the next, or the one after it) when it lists them without naming what they belong
    to: "Another consortium, the Shanghai General Chamber of Commerce AI Committee, aims to …"
    then "Members include SenseTime, LLM developers StepFun and MiniMax, and chipmakers Metax and
    Iluvatar CoreX."; "… joined the North Reach Hydrogen Alliance." "The alliance was set up in
    2023 …" "Its partners are …". The list is the answer and comes first; the sentence that says
    what it is a list of, second."""
    asks = q.qtype == "list" or (_ASKS_WHICH_ONES.search(q.text) or _ASKS_IN_A_BODY.search(q.text) if q.english
                                  else asks_which_ones(q.text, q.lang))
    if not asks or not hits or hits[0].sentence.kind != "text":
        return hits
    top = hits[0]
    row, end = top.features["row"], index.doc_rows[top.sentence.doc][1]
    for r in range(row + 1, min(row + 1 + LIST_REACH, end)):
        after = index.sentences[r]
        if after.kind != "text" or after.section != top.sentence.section:
            return hits
        listed = len(names(after.text)) if _lists_what_is_asked(q, after.text, top.sentence.text) else 0
        if listed >= LISTED_NAMES and listed > len(names(top.sentence.text)):
            first = next((h for h in hits if h.features["row"] == r), None) or Hit(after, top.score, {**top.features, "row": r})
            introduced = replace(top, features={**top.features, "reads_on": True})
            return [replace(first, score=max(first.score, top.score)), introduced] + [h for h in hits[1:] if h.features["row"] != r]
    return hits


# a short sentence that only announces what the ones after it tell: "There are a few practical
# complaints.", "In the three contested council seats, two newcomers won."
_ANNOUNCES = re.compile(r"\b(?:two|three|four|five|six|several|a\s+few|a\s+number\s+of|a\s+handful\s+of|a\s+couple\s+of)"
                        r"\s+(?:[a-z-]+\s+){0,2}[a-z-]+s\b")
ANNOUNCER_WORDS = 14  # at most, and no name but its first word
ANNOUNCED_REACH = 3  # sentences after it, within its paragraph, that tell what it announces
_LISTS = re.compile(r"[:;\d]|,[^,]+,?\s+(?:and|or)\s")
# a question asking for several: "What practical gripes does the reviewer have?", "Who won each seat?"
_ASKS_SEVERAL = re.compile(rf"\b(?:what|which){_PLURAL_ASKED}|\beach\b|\ball\s+the\b", re.I)


def announces(text: str) -> bool:
    """A short sentence that names what it announces, not the things themselves ("There are three
    major types of rock: igneous, sedimentary, and metamorphic." lists them)."""
    return len(text.split()) <= ANNOUNCER_WORDS and bool(_ANNOUNCES.search(text)) and not _LISTS.search(text) \
        and not names(text[1:])


def announced_read_on(index: Index, q: Question, hits: list[Hit]) -> list[Hit]:
    """For a question asking for several things, the sentences after the best one in its
    paragraph when it only announces them ("There are a few practical complaints." then "The
    galleries are dim …" and "The audio guide … is available only in English."): they are the
    answer and come first, in the text's order; the announcing sentence, last."""
    if not hits or hits[0].sentence.kind != "text" or not (q.qtype == "list" or _ASKS_SEVERAL.search(q.text)):
        return hits
    top = hits[0]
    if not announces(top.sentence.text):
        return hits
    row, end = top.features["row"], index.doc_rows[top.sentence.doc][1]
    rows = list(takewhile(lambda r: index.sentences[r].para == top.sentence.para and index.sentences[r].kind == "text",
                          range(row + 1, min(row + 1 + ANNOUNCED_REACH, end))))
    if not rows:
        return hits
    ranked = {h.features["row"]: h for h in hits}
    told = [replace(ranked[r], score=top.score) if r in ranked else Hit(index.sentences[r], top.score, {**top.features, "row": r})
            for r in rows]
    told = [told[0]] + [replace(h, features={**h.features, "reads_on": True}) for h in told[1:]]
    announcing = replace(top, features={**top.features, "reads_on": True})
    return told + [announcing] + [h for h in hits[1:] if h.features["row"] not in rows]


def answers_not_questions(index: Index, hits: list[Hit], q: Question | None = None) -> list[Hit]:
    """A question in the text ("Q: How do I reset my password?", a speaker asking) is not its
    own answer, however well it matches: the sentence after it is, when that one answers it
    (see `_replies`). Such a hit gives its place and score to that sentence, and to the one
    after it too when the first is a bare reply ("A: Yes." then "Go to Settings > Export").
    A bold lead-in ("**The hub does not appear in the app.**") brings the sentence after it, and
    a line that opens a list ("Veldmark is twinned with:") the list's first items. Not when ``q``
    asks who asked: the question in the text is then what answers."""
    keep_questions = q is not None and asks_who_asked(q)
    out, rows = [], set()
    for h in hits:
        row = h.features["row"]
        given = [h]
        end = index.doc_rows[h.sentence.doc][1]
        if _is_question(h.sentence) and not keep_questions:
            replies = []
            asked = row + 1  # the question goes on in its paragraph: "Q: The lamp doesn't turn on. What should I do?"
            while asked < end and index.sentences[asked].para == h.sentence.para and _is_question(index.sentences[asked]):
                asked += 1
            turn = _next_turn(index, asked - 1)  # a transcript's reply is the next speaker's
            for r in range(turn or asked, min((turn or asked) + 2, end)):
                s = index.sentences[r]
                if not (_replies(h.sentence, s) or not replies and (r == turn or _other_speaker(index, row, r))
                        or replies and s.kind == "text" and not _is_question(s)):
                    break
                replies.append(Hit(s, h.score, {**h.features, "row": r}))
                if len(unlabelled(s.text).split()) > SHORT_REPLY or r + 1 >= end or index.sentences[r + 1].para != s.para:
                    break
            given = replies or _faq_answer(index, h, hits) or given
        elif _LEAD_IN.fullmatch(h.sentence.text) and row + 1 < end and paragraph_rows(index, row)[0] == row:
            # "**The hub does not appear in the app.** Make sure your phone is ...": a bold
            # lead-in names the case, the sentence after it says what to do
            after = index.sentences[row + 1]
            if after.para == h.sentence.para and after.kind == "text" and not _LEAD_IN.fullmatch(after.text):
                given = [h, Hit(after, h.score, {**h.features, "row": row + 1})]
        elif h.sentence.text.rstrip().endswith(":"):
            # "Veldmark is twinned with:" says what the list under it holds: the items answer
            doc = index.by_id[h.sentence.doc]
            items = list(takewhile(lambda r: _opens_item(index.sentences[r], h.sentence, doc),
                                   range(row + 1, min(row + MAX_CITATIONS, end))))
            given = [h] + [Hit(index.sentences[r], h.score, {**h.features, "row": r, "item_of": row}) for r in items]
        for g in given:
            if g.features["row"] not in rows:
                rows.add(g.features["row"])
                out.append(g)
    return out


def _opens_item(s: Sentence, lead: Sentence, doc) -> bool:
    """Whether a sentence opens an item of the list under a line ending in a colon: "- Zigbee"
    under "Veldmark is twinned with:", "(a) unpaid rent …" under "… only for:"."""
    return s.kind == "text" and (list_item(doc.text, s.start)
                                 or hangs_from(s, lead, doc) and doc.text.rfind("\n", 0, s.start) + 1 == s.start)


def metadata_as_asked(hits: list[Hit], q: Question) -> list[Hit]:
    """A metadata line ("date 2025-07-28") answers only a question about the text itself that
    asks for it ("When was the article published?"); for any other ("Where is this article
    from?", "¿Cuándo estarán disponibles?") it is no evidence, cited or shown as nearest. When
    another metadata line ranks first (a title sharing the question's words), the asked one
    takes its place."""
    said = _meta_asked(hits, q) if hits else None
    if said is not None:
        hits = [said] + [h for h in hits if h is not said]
    keys = metadata_asked(q)
    return [h for h in hits if h.sentence.kind != "meta" or _meta_key(h.sentence) in keys]


# the words of a question that asks for a field and nothing else ("What is the source?", "Who is the author?")
_FIELD_WORDS = frozenset({"author", "writer", "wrote", "written", "byline", "sender", "url", "link", "web", "address", "sourc"})


def _metadata_rows(index: Index, doc_id: str):
    """The rows of a document's metadata lines: they come first, so reading stops at its text."""
    a, b = index.doc_rows[doc_id]
    return takewhile(lambda i: index.sentences[i].kind == "meta", range(a, b))


def _metadata_row(index: Index, doc_id: str, keys: tuple[str, ...]) -> int | None:
    """The row of the document's first metadata line with one of ``keys`` ("from", "date"), or None."""
    return next((i for i in _metadata_rows(index, doc_id) if _meta_key(index.sentences[i]) in keys), None)


def lacks_metadata(index: Index, hits: list[Hit], q: Question) -> bool:
    """The question asks for a field the best hit's document does not have ("Who wrote the
    article?" of a dated article with no author line): another field is no answer to it, and
    neither is a story sentence that happens to share the word ("What is the source?" and
    Tencent's "open-source tool")."""
    if not hits:
        return False
    top = hits[0].sentence
    for keys, asks in _ASKS_META:
        if not asks.search(q.text) or keys == DATE_KEYS:
            continue
        if top.kind == "meta" and _meta_key(top) not in keys and _meta_asked(hits, q) is None:
            return True
        has_field = any(_meta_key(index.sentences[i]) in keys for i in _metadata_rows(index, top.doc))
        if top.kind != "meta" and not has_field and set(q.tokens) <= _FIELD_WORDS:
            return True
    return False


# what a question about someone may ask besides the name: who they are, what they said or think
_SAYING = frozenset({"say", "said", "think", "thought", "tell", "told", "comment", "describ", "view"})


def asks_who_someone_is(q: Question, hit: Hit) -> bool:
    """"Who is Priya Natarajan?", "What did Priya Natarajan say?", and the best sentence writes
    the name in full (and a word of saying, if asked what they said). A name is all such a
    question has, so what the embedders make of it says little: the sentence that names the
    person after a long quote ("“…,” said Priya Natarajan, an analyst at Halden & Co.") sits far
    from it, and was refused at 0.14. Whether the text covers it is the question left."""
    spans = names(q.text)
    if not spans or not q.english or q.qtype not in ("person", "other"):  # not "When was the Seven Years' War?"
        return False
    named = set(tokenize([" ".join(name for _, _, name in spans)])[0])
    asked = set(q.tokens)
    if not named or asked - named - _SAYING:
        return False
    written = sentence_tokens(hit.sentence.text)
    return named <= written and (asked <= named or bool(written & _SAYING))


FOLLOW_SCAN = 5_000  # sentences of a document read for names (a longer one is taken to write them)


def writes_of(index: Index, doc_id: str, words: str) -> bool:
    """Whether a sentence of the document's text (not its title or metadata) holds all of these
    words: "the Beveridge Report" names what a text about that report is about."""
    wanted = sentence_tokens(words)
    a, b = index.doc_rows[doc_id]
    if b - a > FOLLOW_SCAN:
        return True
    return bool(wanted) and any(s.kind == "text" and wanted <= sentence_tokens(s.text)
                                for s in (index.sentences[i] for i in range(a, b)))


def _by_paragraph(index: Index, doc_id: str) -> dict[int, list]:
    """The document's sentences, paragraph by paragraph, in reading order."""
    out: dict[int, list] = {}
    for i in range(*index.doc_rows[doc_id]):
        out.setdefault(index.sentences[i].para, []).append(index.sentences[i])
    return out


# a word rarer than this in English (wordfreq Zipf) is a name: "tencent" 2.8, "huawei" 3.3; not "flu" 4.0
RARE_ZIPF = 3.5


def about_something_else(index: Index, hit: Hit, prior_rows: set[int], names: list[str]) -> bool:
    """A follow-up about a thing ("Which model powers it?" after "What system did Huawei
    launch?") whose best sentence lies outside the paragraph the earlier answer came from, in a
    paragraph that names none of the ``names`` the earlier question asked about and has a subject
    of its own: one of its sentences opens with another name ("Alibaba unveiled its Quark AI
    Glasses. Powered by the company's Qwen model, ..."). Its "it" is then something else. A
    paragraph that says "The company employs 400 people" goes on about the same one; a name that
    most of the document's paragraphs write tells nothing; and a person is followed across
    paragraphs by "she" and "he", so the engine asks this only of a thing."""
    a, b = index.doc_rows[hit.sentence.doc]
    if hit.features.get("row") in prior_rows or not names or b - a > FOLLOW_SCAN:
        return False
    paragraphs = _by_paragraph(index, hit.sentence.doc)
    texts = {p: " ".join(s.text for s in ss).lower() for p, ss in paragraphs.items()}
    written = {}
    for n in names:
        # "Harborline's" writes Harborline; "Harborline-based" and "o'harborline" don't
        word = re.compile(rf"(?<![\w'’-]){re.escape(n.lower())}(?=['’]s\b|['’](?!\w)|[^\w'’-]|$)")
        written[n] = {p for p, t in texts.items() if n.lower() in t and word.search(t)}
    telling = [n for n, ps in written.items() if 0 < len(ps) <= len(texts) / 2]
    if not telling or any(hit.sentence.para in written[n] for n in telling):
        return False
    asked = {w.lower() for n in names for w in n.split()}
    return any(_opens_with_a_name(s.text, asked) for s in paragraphs[hit.sentence.para])


def followed_first(index: Index, hits: list[Hit], q: Question, prior_rows: set[int], names: list[str]) -> list[Hit] | None:
    """The hits of a follow-up about a thing with the first of the best few that is about it and
    gives the number or date asked put first, when the best one is about something else
    (`about_something_else`): "How many chips did it use?" after "What did Metax show at the
    event?" is best matched by Huawei's "built using 384 of its self-developed 910C AI chips", and
    Metax's own "… featured 128 of its C550 chips" is next. None when there is no such sentence:
    the question is then not answered here. Only a number or a date is sought: a sentence about
    the thing that gives no model is no answer to "What model powers it?" after "What did Tencent
    launch?", and the best sentence, about Alibaba's glasses, is no answer either."""
    if not hits or not about_something_else(index, hits[0], prior_rows, names):
        return hits
    asked = q.measure or (q.qtype if q.qtype in ("number", "date") else "")
    if not asked:
        return None
    moved = _first(hits, lambda h: _gives(asked, q, h.sentence.text) and not about_something_else(index, h, prior_rows, names))
    return None if moved is hits else moved


def _opens_with_a_name(sentence: str, asked: set[str]) -> bool:
    """The sentence's subject is a name the conversation did not ask about: it opens with a word
    in capitals that is rare in English ("Alibaba unveiled ...", not "The company ...")."""
    m = re.match(r"[\"“'‘(]*([A-Z][\w’'-]*)", sentence)
    return m is not None and m.group(1).lower() not in asked and zipf(m.group(1).lower()) < RARE_ZIPF


MEASURE_WINDOW = 3  # the best sentences one of which must give a measure asked for


def lacks_measure(hits: list[Hit], q: Question, index: Index | None = None) -> bool:
    """The question asks for a measure (a price, a time of day, a year, a percentage, an age, a
    duration: qa/question.py `asked_measure`) that none of the best sentences gives: "How much
    does the LumaPod cost?" against a leaflet that never names a price. In SQuAD 2.0 articles
    0-24 the sentence holding the answer gives it for 168 of 172 answerable such questions."""
    # a question in another language is judged on coverage alone (qa/rank.py `confidence`), so
    # its "how many" is checked here: SQuAD's answer sentences give a number for 97% of them
    asked = q.measure or ("number" if q.qtype == "number" and not q.english else "")
    if not asked or not hits:
        return False
    window = hits[:MEASURE_WINDOW]
    if not q.english and q.names and index is not None:
        # and only in the best sentences about its names, when one is: "¿En qué año se fundó
        # Baidu?" is not answered by "Alibaba unveiled its Quark AI Glasses, expected … by
        # end-2025" among them. About a name is naming it, or following the sentence of its
        # paragraph that does ("Its AI cloning tool …" after "Meanwhile, Baidu showcased …")
        window = [h for h in window if _names_any(q.names, index, h)] or window
    return not any(_gives(asked, q, h.sentence.text) for h in window)


def _names_any(names: tuple[str, ...], index: Index, hit: Hit) -> bool:
    """Does the sentence, or the one before it in its paragraph, write one of ``names``?"""
    from .rerank import previous_in_paragraph

    row = hit.features.get("row")
    text = f"{previous_in_paragraph(index, row) if row is not None else ''} {hit.sentence.text}".casefold()
    return any(n.casefold() in text for n in names)


_MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december")
_MONTH = re.compile(rf"\b{MONTHS}\b\.?")
# a month a question asks about: after "in", "for", "of", "during", "since", "until" or "by", or before a day or a
# year (not "May" before a figure: at a question's start it is a verb as often as a month)
_MONTH_ASKED = re.compile(r"\b(?:in|for|of|during|since|until|by)\s+(%s)\b|\b(%s)\s+\d"
                          % ("|".join(m.capitalize() for m in _MONTH_NAMES), "|".join(m.capitalize() for m in _MONTH_NAMES if m != "may")))


_MONTH_SPAN = re.compile(r"\b(?:after|before|since|until|till|from|between|through|by|as\s+of)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|mid-?|late\s+)?"
                         r"(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?" + _MONTH.pattern, re.I)


def _month_number(word: str) -> int:
    return next(k for k, m in enumerate(_MONTH_NAMES) if m.startswith(word.lower().rstrip(".")[:3]))


def other_month(hits: list[Hit], q: Question) -> bool:
    """The question asks about a month ("What was Chile's annual inflation rate in December?") and
    the sentence cited gives others, never that one ("Annual inflation quickened to 4.6% in
    February from 4.1% in January"): the figure asked is for a month the text doesn't give."""
    m = _MONTH_ASKED.search(q.text) if q.english and hits else None
    if m is None:
        return False
    text = hits[0].sentence.text
    if _MONTH_SPAN.search(text):  # "Customers who joined after 1 August are not affected" speaks of September too
        return False
    asked = _month_number(m.group(1) or m.group(2))
    given = {_month_number(g) for g in _MONTH.findall(text)}
    return bool(given) and asked not in given


def lacks_count(hits: list[Hit], q: Question) -> bool:
    """The question asks how many of something (qa/counts.py) and the sentence it would be
    answered with counts nothing of the kind: "How many people attended the conference?" of "the
    three-day World Artificial Intelligence Conference". Read on the sentence cited, after the
    re-reading: a story writes numbers in most sentences (dates, codes, "two alliances"), so one
    among the best three says little, and the best before re-reading is not always the one cited."""
    asked = None if q.measure else asked_count(q.text)
    return (asked is not None and bool(hits) and not gives_count(hits[0].sentence.text, asked)
            and not (_ASKS_TALLY.search(q.text) and _TALLY.search(hits[0].sentence.text)))  # "22 for, 6 against" counts people


# "Which model …", "What system …": the kind of thing a question asks for, its first words after
# "which"/"what" (a Spanish question's aligned English, a Chinese one's glosses: "… which model …")
_WHICH_KIND = re.compile(r"\b(?:which|what)\s+((?:[\w’'-]+\s+){0,2}[\w’'-]+)", re.I)
_AUXILIARIES = frozenset("is was are were do does did has have had will would can could should may might must the".split())
_NO_KIND = _AUXILIARIES | {"kind", "kinds", "type", "types", "sort", "sorts"}  # "What kind of tool …": "tool"
_DETERMINERS = frozenset("The A An This That These Those Its Their His Her Our My Your".split())
_WORD_RUN = re.compile(r"\S+")
_NAME_WORD = re.compile(r"[A-Z0-9][\w’'.-]*")  # a word of a name: capitalised, or a figure ("Model 3")


_COPULAS = frozenset("is was are were".split())


def asks_another_of_its_kind(hits: list[Hit], q: Question, prior_top) -> bool:
    """"What model powers it?" after "What did Tencent launch?": the best sentence is the one the
    earlier answer cited ("Tencent introduced its Hunyuan3D World Model 1.0, …") and the only
    model it writes is that thing's name, the "it" asked about; the question asks for another
    model, which the sentence does not give. "What model is it?" asks for the thing itself."""
    if prior_top is None or not hits or not q.english or hits[0].sentence != prior_top:
        return False
    m = _WHICH_KIND.match(q.search.lstrip("¿¡ \"“'"))
    words = m.group(1).split() if m else []
    if len(words) < 2 or words[0].lower() in _NO_KIND or len(words[0]) < 3 or words[1].lower() in _COPULAS:
        return False
    written = re.findall(rf"(?<![\w’'-])({re.escape(words[0])})s?\b", prior_top.text, re.I)
    return bool(written) and all(w[:1].isupper() for w in written)  # "World Model", a name's word


def named_kind_first(hits: list[Hit], q: Question) -> list[Hit]:
    """The sentence after the best one in its paragraph, when the question asks which thing of a
    kind ("Which model powers Alibaba's glasses?", "¿Qué modelo hace funcionar las gafas?",
    "阿里巴巴的眼镜由哪个模型驱动？"), the best sentence never writes the kind ("Alibaba unveiled its
    Quark AI Glasses …") and that one names one of it ("Powered by the company's Qwen model, the
    smart glasses …"): the best sentence wins on the question's names, which its neighbour
    refers back to. On SQuAD it rarely moves an answer (one of 8,017 in the tuning articles, one of
    3,856 in the test articles, right now): its questions repeat the answer's words."""
    # a Chinese question's glosses come in its own word order ("Alibaba spectacles … which model …")
    # (Japanese and Korean ask it where the word falls: "QuarkのグラスにはどのAIモデル …")
    m = _WHICH_KIND.search(q.search) if has_cjk(q.text) or q.lang in ("ja", "ko") \
        else _WHICH_KIND.match(q.search.lstrip("¿¡ \"“'"))
    if not m or len(hits) < 2 or m.group(1).split()[0].lower() in _AUXILIARIES:  # "What did …"
        return hits
    best = hits[0]
    kinds = [w for w in m.group(1).split() if w.islower() and len(w) > 2 and w not in _NO_KIND][:2]
    kinds = [k for k in kinds if not re.search(rf"\b{re.escape(k)}", best.sentence.text, re.I)]
    for k, h in enumerate(hits[1:MEASURE_WINDOW], start=1):
        if h.sentence.doc == best.sentence.doc and h.features["row"] == best.features["row"] + 1 \
                and any(_names_one_of(kind, h.sentence.text) for kind in kinds):
            return [h] + hits[:k] + hits[k + 1:]
    return hits


def _names_one_of(kind: str, text: str) -> bool:
    """Whether a sentence names one of a kind: a name right before the word ("the company's Qwen
    model"), not a sentence's first word or a determiner ("Existing investor …", "The result …").
    Read back from each time the word is written, over the 200 characters before it."""
    for m in re.finditer(rf"(?<![\w’'.-])(?i:{re.escape(kind)})s?\b", text):
        begin = max(0, m.start() - 200)
        words = list(_WORD_RUN.finditer(text, begin, m.start()))
        if not words or text[words[-1].end():m.start()].strip():
            continue
        first = None  # the first capitalised word of the name right before the kind
        for w in reversed(words):
            if not _NAME_WORD.fullmatch(w.group()):
                break
            if w.group()[:1].isupper():
                first = w
        if first is not None and first.start() > 0 and first.group() not in _DETERMINERS:
            return True
    return False


# the measures whose sentence is cited first (`measure_first`)
FIRST_MEASURES = frozenset({"age", "money", "weight", "length", "temperature", "score"})


def measure_first(hits: list[Hit], q: Question) -> list[Hit]:
    """The best sentence that gives the age or the sum asked for ("How old is Daniel Okafor?":
    "Okafor, 19, joined …"; "how much does norvenza cost": "Calloway set a list price of $195 per
    dose"), when the best one gives none ("Manager Gary Thorne brought on Daniel Okafor at
    half-time." wrote his name in full; "The two-dose shot, called Norvenza, was developed by …").
    Not the other measures: for those the best sentence without one was as often right as the one
    with it (SQuAD 2.0 and SQuADShifts: "… is known in seconds", "the 2nd century BCE", which the
    patterns don't read as a duration or a year); sums moved no SQuAD answer (thirty-seventh session).
    A size asked by its adjective is ("How heavy are the glasses?": "… weigh 68 grams", not "…
    smart glasses are either too heavy …"; "How tall is the Bank of America Tower?": "It has a
    height of 617 ft (188 m)"): on SQuAD 2.0's first 25 articles one such question moved, right."""
    if q.measure == "score" and hits:
        return _result_first(hits, q)
    if q.measure not in FIRST_MEASURES or not hits or _gives(q.measure, q, hits[0].sentence.text):
        return hits
    return _first(hits, lambda h: h.sentence.kind == "text" and _gives(q.measure, q, h.sentence.text))


# "ok I've filled the tank, what next?", "What do I do after the officer has checked my stall?":
# the step after the one the question describes
_ASKS_NEXT_STEP = re.compile(r"\b(?:what(?:['’]s| is)? next|what now|then what|(?:the )?next step|what (?:comes|happens) (?:next|after)"
                             r"|what (?:do|should|shall|must|can) (?:i|we|you) do (?:next|then|after(?:wards)?\b|once|when (?:i|we|you)(?:['’]ve)? \w+ed))",
                             re.I)
_STEP_NUMBER = re.compile(r"[ \t]*(\d{1,2})[.)][ \t]+")
_STEP_TIME = re.compile(r"[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*[ap]\.?m\.?)?[ \t]+", re.I)  # a schedule's "10:30 Safety briefing"
STEP_WINDOW = 2  # the described step is one of the best this many sentences
STEP_REACH = 30  # sentences between a step and the next


def _step(index: Index, row: int) -> tuple[str, int] | None:
    """A numbered step's number ("4. Wait for a licensing officer …" -> ("number", 4)), or a
    schedule's line (a time first: ("time", 0)), whose text holds the sentence at ``row``; None
    for any other sentence."""
    s = index.sentences[row]
    while row > index.doc_rows[s.doc][0] and index.sentences[row - 1].para == s.para and index.sentences[row - 1].kind == "text":
        row -= 1
    first = index.sentences[row]
    text = index.by_id[first.doc].text
    line = text.rfind("\n", 0, first.start) + 1
    if m := _STEP_NUMBER.fullmatch(text, line, first.start):
        return "number", int(m.group(1))
    return ("time", 0) if not text[line:first.start].strip() and _STEP_TIME.match(text, first.start) else None


def next_step(index: Index, hits: list[Hit], q: Question) -> list[Hit]:
    """For a question asking what to do (or what happens) after a step, with that step among
    the best two: the step numbered after it, or a schedule's next line, first. The question
    describes the step it has done, so the ranker's best sentence is that step, not the one
    asked for."""
    if not _ASKS_NEXT_STEP.search(q.text):
        return hits
    for h in hits[:STEP_WINDOW]:
        row = h.features.get("row")
        step = _step(index, row) if row is not None and h.sentence.kind == "text" else None
        if step is None:
            continue
        kind, number = step
        wanted = (kind, number + 1 if kind == "number" else 0)
        end = index.doc_rows[h.sentence.doc][1]
        after = next((r for r in range(row + 1, min(end, row + STEP_REACH)) if index.sentences[r].para != index.sentences[r - 1].para
                      and index.sentences[r].section == h.sentence.section and _step(index, r) == wanted), None)
        if after is None:
            return hits
        following = next((x for x in hits if x.features.get("row") == after), None) \
            or Hit(index.sentences[after], h.score, {"row": after})
        return [following] + [x for x in hits if x is not following]
    return hits


NEWER_WINDOW = 3  # a newer message's sentence among the best this many


def newest_first(index: Index, hits: list[Hit], q: Question) -> list[Hit]:
    """In an e-mail thread, the newer message's answer before the quoted older one's: "How much
    per person is the venue going to cost?" of a reply giving "£68 per head" over the quoted
    "the quote is £95 per head". A newer sentence among the best three goes first when it gives
    the measure asked and so does the older one; without a measure, when it is second and has as
    many of the question's words, two or more. A reply corrects what it quotes, so the two say
    the same thing, and the ranker can't tell them apart but by words."""
    if len(hits) < 2 or hits[0].sentence.kind != "text" or not index.by_id[hits[0].sentence.doc].text.count("\n>"):
        return hits
    depth = _quote_depth(index, hits[0].sentence)
    if depth == 0:
        return hits
    measure = q.measure if q.measure and _gives(q.measure, q, hits[0].sentence.text) else ""
    asked = set(q.tokens)
    said = len(asked & sentence_tokens(hits[0].sentence.text))

    def answers_too(h: Hit) -> bool:  # the measure, or as many of the question's words
        return _gives(measure, q, h.sentence.text) if measure else 2 <= said <= len(asked & sentence_tokens(h.sentence.text))

    window = hits[1:NEWER_WINDOW] if measure else hits[1:2]
    newer = next((h for h in window if h.sentence.kind == "text" and h.sentence.doc == hits[0].sentence.doc
                  and _quote_depth(index, h.sentence) < depth and answers_too(h)), None)
    return hits if newer is None else [newer] + [h for h in hits if h is not newer]


def _quote_depth(index: Index, s: Sentence) -> int:
    return quote_depth(index.by_id[s.doc].text, s.start)


# what a fact sheet's value must be to answer a question of each kind (qa/features.py's patterns)
_LABEL_VALUE_KINDS = ("number", "date", "person", "place", "year", "month", "money", "percent", "length", "weight")


def label_first(index: Index, hits: list[Hit], q: Question) -> list[Hit]:
    """The best few's fact-sheet line whose label says what the question asks ("Founded: 1954"
    for "When was Venmore Pumps founded?", "Producer: Callum Ashdown" for "Who produced Salt and
    Lantern?"), first, when the best one is no such line: the page's first sentence names the
    subject and sums it up, and so often outranks the line. The label must say at least half of
    what the question asks besides the page's title ("Staff: 85" is not "how many staff work on
    the helpline"), and the value be of the kind asked ("Founded: 1954" is no answer to "Who
    founded Venmore Pumps?"). SQuAD and SQuADShifts have no such lines."""
    if not q.english or not hits:
        return hits
    kind = q.measure if q.measure in _LABEL_VALUE_KINDS else q.qtype
    paraphrased = everyday_paraphrases(q.search)

    def labelled(hit: Hit) -> bool:
        field = _field(index, hit)
        if field is None:
            return False
        label, value = field
        asked = set(q.tokens) - sentence_tokens(index.by_id[hit.sentence.doc].title)
        # and what the label writes in other words ("Closing date" for "when's the deadline?")
        written = set(token_list(label)) | {t for word, other in paraphrased if other.search(label) for t in token_list(word)}
        if 2 * len(written & asked) < max(1, len(asked)):
            return False
        # a place is a value by itself ("Headquarters: Kettleby, England"), where a sentence puts "in" before it
        return kind not in _LABEL_VALUE_KINDS or bool(entity_mentions(kind, f"in {value}" if kind == "place" else value))

    return hits if labelled(hits[0]) else _first(hits, labelled)


def _field(index: Index, hit: Hit) -> tuple[str, str] | None:
    """A fact sheet's line's label and value ("Owner", " Marisol Tenbrook"), or None when the
    sentence is no such line (`segment.field_line`)."""
    if not field_line(hit.sentence, index.by_id[hit.sentence.doc]):
        return None
    label, _, value = hit.sentence.text.partition(":")
    return label, value


_PART_OF_GAME = re.compile(r"\b(?:half[- ]?time|interval|break|quarter|period|set|innings|lap|that time|last time|then)\b", re.I)


def _result_first(hits: list[Hit], q: Question) -> list[Hit]:
    """For "What was the final score?", the one of the best few giving a scoreline that comes
    first in its report: a report gives the result in its opening lines and the scorelines after
    it are of runs, periods or earlier meetings ("an 11-2 run", "a 3-0 defeat to Caldera in
    2009"). A score asked of a part of the game ("the halftime score") or of another meeting
    ("What was the score that time?") keeps the best sentence giving one."""
    scored = [h for h in hits[:MEASURE_WINDOW] if h.sentence.kind == "text" and _gives("score", q, h.sentence.text)]
    if not scored:
        return hits
    # (several reports among them: the best one's)
    if _PART_OF_GAME.search(q.text) or len({h.sentence.doc for h in scored}) > 1:
        best = scored[0]
    else:
        best = min(scored, key=lambda h: h.features["row"])
    return _first(hits, lambda h: h is best)


# "What can you do with Alibaba's glasses?", "What will people be able to do with …?", "What does it
# let users do?", "¿Qué se puede hacer con …?", "…能做什么？": what something lets people do
_ASKS_ABILITY = re.compile(
    r"\bwhat\b[^?]{0,40}?\b(?:can|could|will|would)\s+(?:you|i|we|people|users|one|someone|they)\s+(?:be\s+able\s+to\s+)?do\b"
    r"|\bwhat\b[^?]{0,40}?\bbe\s+able\s+to\s+do\b"
    r"|\bwhat\s+(?:does|do|will|can)\b[^?]{1,40}?\b(?:let|allow|enable)\s+(?:you|users|people|one)\b"
    r"|\bqu[eé]\s+(?:se\s+)?(?:puede|pueden|podr[aá]|podr[aá]n|puedo|puedes|podr[eé])\s+hacer\b"
    r"|(?:能|可以)(?:用来)?(?:做|干)什么", re.I)
# a sentence that says what something lets people do ("… will enable users to scan QR codes …")
_STATES_ABILITY = re.compile(r"\b(?:enabl(?:e|es|ed|ing)|allow(?:s|ed|ing)?|let(?:s|ting)?|able\s+to|can|could|capable\s+of)\b", re.I)


def ability_first(hits: list[Hit], q: Question) -> list[Hit]:
    """For a question asking what something lets people do ("What can you do with Alibaba's
    smart glasses?"), the first of the best three sentences that says what it enables, when the
    best one says nothing of the kind: "Alibaba unveiled its Quark AI Glasses, expected to hit
    the Chinese market by end-2025." names the glasses, "Powered by the company's Qwen model, the
    smart glasses will enable users to scan QR codes …" answers. SQuAD 2.0 asks this way too
    rarely to measure the rule on (no question of its 35 articles does, nor of the 2,880 of
    SQuADShifts scored here)."""
    if not hits or not _ASKS_ABILITY.search(q.text) or _STATES_ABILITY.search(hits[0].sentence.text):
        return hits
    return _first(hits, lambda h: h.sentence.kind == "text" and _STATES_ABILITY.search(h.sentence.text) is not None)


def earlier_first(hits: list[Hit], q: Question, earlier) -> list[Hit]:
    """The sentence the previous question was answered with, for a follow-up that asks a measure
    of the thing it named ("How much is it going to cost?" after "Where is Brennick building its
    new soup line?": "The company plans to spend £45 million on a new soup production line …"),
    when it gives that measure and ranks among the best few: "it" is that sentence's thing, and
    a neighbour giving another sum ("full-year revenue of £1.62 billion") is about something else."""
    if earlier is None or not q.measure or q.switched or not refers_to_thing(q.text) or not hits \
            or hits[0].sentence == earlier or not _gives(q.measure, q, earlier.text):
        return hits
    return _first(hits, lambda h: h.sentence == earlier)


_ASKED_ANEW = frozenset({"number", "date", "person", "place"})
# where someone is from: "Dutch striker Joost van Aarle" answers it with no place named
_ASKS_ORIGIN = re.compile(r"\bfrom\W*$|\bcomes?\s+from\b|\bhails?\s+from\b|\bde\s+d[oó]nde\b|\bnationality\b", re.I)


def asked_anew_first(hits: list[Hit], q: Question, earlier) -> list[Hit]:
    """For a follow-up asking a new kind of thing ("Where is it heading?" after "Why is the lava
    moving so fast?") whose best sentence is the earlier answer again, which gives none ("The lava
    is very fluid, and that is why it is moving so quickly."): the best of the next few that gives
    one ("Lava was moving … toward the fishing village of Port Adela …"). The follow-up leans on
    the earlier answer's words, so that answer ranks first; what it asks is something else."""
    if earlier is None or not q.followup or q.qtype not in _ASKED_ANEW or not hits or hits[0].sentence != earlier \
            or entity_mentions(q.qtype, plain(earlier.text)) or q.qtype == "place" and _ASKS_ORIGIN.search(q.text):
        return hits
    return _first(hits, lambda h: h.sentence.kind == "text" and bool(entity_mentions(q.qtype, plain(h.sentence.text))))


def own_words_first(hits: list[Hit], q: Question, earlier) -> list[Hit]:
    """For a follow-up whose best sentence is the earlier answer again but writes none of the
    follow-up's own words ("它由哪个模型驱动？", "which model powers it?", after "阿里巴巴发布了什么？":
    "Alibaba unveiled its Quark AI Glasses …"): the best of the next few that writes one ("Powered
    by the company's Qwen model, …"). The names the follow-up borrows from the earlier question put
    that answer first; what it asks is in its own words. Only a sentence of the earlier answer's
    paragraph or the next or last one is about the same thing. A typed question the earlier
    answer already answers keeps it ("When will they ship?": "… by end-2025")."""
    if earlier is None or not q.followup or not hits or hits[0].sentence != earlier \
            or q.qtype in _ASKED_ANEW and entity_mentions(q.qtype, plain(earlier.text)):
        return hits
    own = set(q.tokens) - set(content_tokens(q.context)) - framing_tokens(q.search)  # not "come" of "How come?"
    if not own or _writes_any(own, earlier.text):
        return hits
    return _first(hits, lambda h: h.sentence.kind == "text" and h.sentence.doc == earlier.doc
                  and abs(h.sentence.para - earlier.para) <= 1 and _writes_any(own, h.sentence.text))


def _writes_any(tokens: set[str], text: str) -> bool:
    """Whether the text writes any of the tokens, a word of one family as one ("divers", "diving")."""
    written = sentence_tokens(text)
    return any(t in written or any(min(len(t), len(w)) >= 4 and (w.startswith(t) or t.startswith(w)) for w in written)
               for t in tokens)


def named_first(hits: list[Hit], earlier, people: list[str]) -> list[Hit]:
    """For "Where does she work?" after an answer naming no one ("Not everyone in the field is
    convinced."), whose "she" is someone the sentence after it names ("Professor Ingrid Lund, a
    sensory biologist at Uppsala University …"): that answer again says nothing of her; the best
    of the next few naming her does."""
    if earlier is None or not people or not hits or hits[0].sentence != earlier:
        return hits
    said = re.compile("|".join(rf"\b{re.escape(p.split()[-1])}\b" for p in people))
    return _first(hits, lambda h: bool(said.search(h.sentence.text)))


RARE_NAME_ZIPF = 4.0  # a word of a name rarer than this tells it apart ("Castlebrook", not "Foods")


def role_first(hits: list[Hit], q: Question) -> list[Hit]:
    """The best sentence that gives someone a title, for a question asking who does the job it
    names ("Who runs Northvale Rail?": "Northvale Rail's managing director, Priya Castellan, …"),
    when the best one gives none ("Only 38 services ran on Northvale Rail routes"). qa/roles.py."""
    # by a title only: a source or a maker is said in too many ways to put the ranking's first below
    roles = _asked_roles(q, but=SOURCE_TITLES)
    if not roles or not hits:
        return hits
    answers = _answers_role(q, roles, hits[:MEASURE_WINDOW])
    if answers(hits[0]):
        return hits
    return _first(hits, lambda h: h.sentence.kind == "text" and answers(h))


# a person named beside a title: "Governor Elena Varga", "Chief Executive Officer Margaret Okonjo"
# (and any capitalised words before the title: a firm's name, "Caldera coach Viktor Halloran");
# "Bellamy, the company's chief technology officer" (not "Tom Birchwood, president of the union's
# Local 412": another body's); "A department spokeswoman, Priya Nandakumar"
_PERSON = r"(?:(?:Dr|Mr|Ms|Mrs|Prof)\.?\s+)?[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)+"
HOLDER_DEPTH = 10  # how far down the ranking the sentence naming the title's holder is sought


@lru_cache(maxsize=256)
def _holder_given(title: re.Pattern) -> re.Pattern:
    """A sentence giving the title to a person named beside it."""
    t = title.pattern
    return re.compile(rf"(?P<before>(?:[A-Z][\w&’'.-]*\s+){{0,3}}){t}\s+{_PERSON}"
                      rf"|{titled_after(t, 1)}(?!\s+(?:of|at|for)\b)"
                      rf"|\b(?:[Aa]n?|[Tt]he)\s+(?:[a-z-]+\s+)?{t},\s+{_PERSON}")


def subject_holder(index: Index, hits: list[Hit], q: Question) -> Hit | None:
    """For "Who runs Brightwater?" or "Who is the governor of Westmarch Province?" of a story whose
    first sentence is about that organisation ("Brightwater Appliances Inc. said on Thursday it
    would cut about 1,200 jobs …"), or whose paragraph names it, the best of the first
    `HOLDER_DEPTH` sentences of that story giving someone the title asked (qa/roles.py
    `holder_asked`: for "runs", the top title) with no other firm's name before it ("“…,” Chief
    Executive Officer Margaret Okonjo told analysts") or with this one's after it ("Rodrigo
    Ferrada Vial, chief executive of Terminales Australes"). A news story names what it is about
    once and its officers by title alone after; the word features find the sentence naming the
    company, not the one naming its boss, and the answerability model judged "Who runs
    Brightwater?" at 0.04 for want of a sentence writing "Brightwater" and a title together. None
    when the question asks something else, the story is about something else (every word of the
    organisation asked must be in its first sentence or the holder's paragraph: not "Brightwater
    Capital"), or no such sentence is among the best. Asked in another language ("¿Quién es el
    jefe de Calder Brightworks?", "Calder Brightworks 的老板是谁？"), the title is read by
    qa/roles.py `holder_asked_other`."""
    asked = (holder_asked(q.text.strip()) if q.english else holder_asked_other(q.text)) if hits else None
    if asked is None:
        return None
    org = [w for w in token_list(asked[0]) if w not in stopwords()]
    for h in hits[:HOLDER_DEPTH] if org else ():
        if h.sentence.kind == "text" and gives_title(h.sentence.text, asked[1], org) \
                and (_leads_with(index, h.sentence.doc, org) or _paragraph_writes(index, h.sentence, org)) \
                and not _holder_is(h.sentence.text, asked[1], org):
            return h
    return None


def _holder_is(text: str, title: re.Pattern, org: list[str]) -> bool:
    """Whether the words asked as the organisation are the name of the person the sentence gives
    the title to: "首席执行官Margaret Okonjo多大年纪？" asks the age of "Chief Executive Officer
    Margaret Okonjo", not who is her chief executive."""
    return any(set(org) <= set(token_list(m.group("person")))
               for m in re.finditer(rf"{title.pattern}\s+(?P<person>{_PERSON})", text))


def _paragraph_writes(index: Index, sentence, words: list[str]) -> bool:
    """Whether the sentence's paragraph writes all these words (tokens): a story about a fire
    names the firm whose plant burnt where it tells of it, and its boss by title alone after
    ("Rheinkraft, which employs about 520 people at the site, said … . Chief executive Matthias
    Kellner said the company was cooperating fully …")."""
    para = _by_paragraph(index, sentence.doc).get(sentence.para, [])
    return set(words) <= set().union(*(sentence_tokens(s.text) for s in para))


_LEADING = r"(?:co-)?(?:director|leader|head|chief|coordinator)|(?:led|headed|directed)\s+by"
_BEFORE_NAME = r"(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Captain|Capt)\.?\s+)?"


def leader_given(hits: list[Hit], q: Question) -> Hit | None:
    """For "Who is leading the project?" or "Who headed the research team?", the first of the best
    `HOLDER_DEPTH` sentences naming someone by that role: "project director Ivana Radic", "The team,
    led by Dr. Helena Marchetti, …". The word features see "lead" and "director" apart, and the
    answerability model judged both questions at 0.07 and 0.14. None for any other question."""
    noun = lead_asked(q.text.strip()) if q.english and hits else None
    if noun is None:
        return None
    thing = re.escape(noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun) + r"s?"
    role = re.compile(rf"(?i:\b{thing}\b,?\s+(?:(?:which|that|who)\s+(?:is|was|are|were)\s+)?(?:{_LEADING})\b),?\s+{_BEFORE_NAME}[A-Z][\w’'-]+"
                      rf"|[A-Z][\w’'-]+,\s+(?:the\s+)?(?i:(?:{_LEADING})\s+of\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}{thing}\b)")
    return next((h for h in hits[:HOLDER_DEPTH] if h.sentence.kind == "text" and role.search(h.sentence.text)), None)


def gives_title(text: str, title: re.Pattern, org: list[str]) -> bool:
    """Whether the sentence gives the title to a person named beside it, with no other body's
    name before it: "Silverbrook Minerals Chief Executive …" of Silverbrook, not "Corvane chief
    executive …" (``org``: the organisation's words, as tokens)."""
    for g in _holder_given(title).finditer(text):
        if all(w in org for w in token_list(g.group("before") or "") if w not in stopwords()):
            return True
    # or of this body by name: "said Rodrigo Ferrada Vial, chief executive of Terminales Australes"
    for g in _holder_of(title).finditer(text):
        if set(org) <= set(token_list(g.group("body"))):
            return True
    return False


def _holder_of(title: re.Pattern) -> re.Pattern:
    """A person named, then the title of a body named after it ("Ferrada, chief executive of …")."""
    return re.compile(rf"{titled_after(title.pattern, 1)}\s+(?:of|at|for)\s+(?:the\s+)?"
                      rf"(?P<body>[A-Z][\w&’'.-]*(?:\s+(?:[A-Z][\w&’'.-]*|of|de|for)){{0,4}})")


ITEM_REACH = 10  # the best hits among which a lead-in line's item is looked for
LIST_LENGTH = 30  # sentences above an item where the line its list hangs from is looked for


# a question asking yes or no: "Do I still have to pay the exit fee?", "I'm moving. Can I cancel?", "is a worn brush covered"
_ASKS_YES_NO = re.compile(r"(?:^|[.?!,;:]\s+|\b(?:so|and|but|then)\s+)(?:can|could|do|does|did|is|are|am|was|were|will|would|"
                          r"should|shall|may|must|have|has)\s+(?:i|you|we|they|he|she|it|my|your|the|a|an|this|that|these|"
                          r"those|there|anyone|someone)\b", re.I)


def list_as_asked(index: Index, hits: list[Hit], q: Question) -> list[Hit]:
    """A list under a line ending in a colon, read as the question asks. Asking yes or no, the
    best item in place of that line, when the line is the best sentence: "1.3 No leaving fee is
    payable if you:" says nothing by itself of "do I still pay the leaving fee if I move away?",
    and the answer reads it before the item ("No leaving fee is payable if you: (a) relocate more
    than 40 km …"). Asking which ones, the line in place of its best item, when the item is the
    best sentence: "Which cities is Veldmark twinned with?" is answered by "Veldmark is twinned
    with:" and the items under it (`answers_not_questions`), not "Bergen, Norway" alone."""
    if not hits or hits[0].sentence.kind != "text":
        return hits
    top = hits[0]
    doc = index.by_id.get(top.sentence.doc)
    if top.sentence.text.rstrip().endswith(":"):
        if not _ASKS_YES_NO.search(q.text):
            return hits
        k = next((k for k, h in enumerate(hits[1:ITEM_REACH], 1) if hangs_from(h.sentence, top.sentence, doc)), None)
        return hits if k is None else [replace(hits[k], score=max(hits[k].score, top.score))] + hits[1:k] + hits[k + 1:]
    if lead_in(top.sentence, doc) is None or not (q.qtype == "list" or _ASKS_SEVERAL.search(q.text)
                                                   or _ASKS_WHICH_ONES.search(q.text)):
        return hits
    row = top.features["row"]
    first = index.doc_rows[top.sentence.doc][0]
    lead = next((r for r in range(row - 1, max(first, row - LIST_LENGTH) - 1, -1)
                 if index.sentences[r].text.rstrip().endswith(":") and hangs_from(top.sentence, index.sentences[r], doc)), None)
    # the line must say what is asked that the item doesn't ("twinned" of "Which cities is Veldmark
    # twinned with?"): "Essential:" or "Contract details:" over "… two days a week on site" is a label
    if lead is None or not set(q.tokens) & (sentence_tokens(index.sentences[lead].text) - sentence_tokens(top.sentence.text)):
        return hits
    return [Hit(index.sentences[lead], top.score, {**top.features, "row": lead})] + [h for h in hits if h.features["row"] != lead]


def defined_asked(hits: list[Hit], q: Question) -> Hit | None:
    """The best few's sentence defining the term an English question asks the meaning of ("who
    counts as close family?": '"close family member" means a spouse or partner, …'), which the
    sentence using the term outranks (qa/definitions.py)."""
    term = asked_meaning(q.text) if q.english else None
    if term is None:
        return None
    return next((h for h in hits[:MEASURE_WINDOW] if h.sentence.kind == "text" and defines(h.sentence.text, term)), None)


# what minutes answer on the line after the item: a vote's count, whether it passed, what was decided
_ASKS_TALLY = re.compile(r"\b(?:votes?|voted|voting|ballot|how\s+many\s+(?:\w+\s+){0,2}(?:for|against|in\s+favou?r|abstain\w*))\b", re.I)
_ASKS_OUTCOME = re.compile(r"\b(?:pass(?:ed)?|carried|approv\w*|agree[sd]?|decid\w*|decision|go\s+ahead|"
                           r"reject\w*|turn(?:ed)?\s+down|outcome|result|accept\w*|support(?:ed)?|object(?:ed)?|"
                           r"oppose[sd]?|adopt\w*|pick(?:ed)?|cho(?:ose|se|sen))\b", re.I)
_TALLY = re.compile(r"\b\d+\s+(?:votes?\s+)?(?:for|against|in\s+favou?r|abstentions?)\b|\bunanimous(?:ly)?\b|\bnem\.?\s*con\b", re.I)
_OUTCOME = re.compile(r"^[ \t]*(?:RESOLVED|Resolved)\b|^[ \t]*(?:Carried|CARRIED|Agreed|AGREED|Approved|APPROVED|Defeated|DEFEATED|"
                      r"Rejected|Deferred|Votes?|VOTES?|Decision|DECISION|Outcome|OUTCOME)\b"
                      r"(?=\s*[:.,;]|\s+[–—-]\s|\s+(?:unanimously|by|with|nem|in\s+principle))|\b(?:resolved\s+to|agreed\s+to|voted\s+(?:to|for|against)|"
                      r"(?:was|were)\s+(?:carried|defeated|withdrawn|approved|rejected|deferred|adopted|refused|granted|lost)|"
                      r"agreed\s+in\s+principle|decision\s+(?:should|would|will|was)\s+be|deferred)\b")
OUTCOME_REACH = 2  # lines after the item where minutes record what became of it


def outcome_asked(index: Index, hits: list[Hit], q: Question) -> Hit | None:
    """For "What was the vote on buying another speed sign?" or "did the motion to open
    committee meetings pass?", the line after the best one that records what became of it, when
    the best one only states the item ("Motion 3 (proposed Paul Nunez): "That committee meetings
    be open to all members."" then "The motion was withdrawn by the proposer."; "RESOLVED: to
    spend up to £2,900 on a second Speed Indicator Device" then "Votes: 4 in favour, 1 against").
    Minutes write the outcome in words the question doesn't use, so neither the ranker nor the
    answerability model finds it; the item line must share a word of the question's."""
    if not q.english or not hits or hits[0].sentence.kind != "text":
        return None
    tally = _ASKS_TALLY.search(q.text) is not None
    if not tally and not _ASKS_OUTCOME.search(q.text):
        return None
    top, record = hits[0], (_TALLY if tally else _OUTCOME)  # record: a line giving what was asked
    if record.search(top.sentence.text):
        return None  # the best line says it already
    asked = set(content_tokens(_ASKS_OUTCOME.sub(" ", _ASKS_TALLY.sub(" ", q.text)))) - stopwords()
    if not asked & sentence_tokens(top.sentence.text):
        return None
    row, end = top.features["row"], index.doc_rows[top.sentence.doc][1]
    for r in range(row + 1, min(row + 1 + OUTCOME_REACH, end)):
        s = index.sentences[r]
        if s.kind != "text" or s.section != top.sentence.section:
            return None
        if record.search(s.text):
            ranked = next((h for h in hits if h.features["row"] == r), None)
            return replace(ranked, score=max(ranked.score, top.score)) if ranked else Hit(s, top.score, {**top.features, "row": r})
    return None


def holder_first(hits: list[Hit], holder: Hit | None) -> list[Hit]:
    """The hits with the sentence naming the title's holder (`subject_holder`), or defining the
    term asked about (`defined_asked`), first."""
    if holder is None or not hits or hits[0].sentence == holder.sentence:
        return hits
    return [holder] + [h for h in hits if h.sentence != holder.sentence]


def _leads_with(index: Index, doc_id: str, words: list[str]) -> bool:
    """Whether the document's first sentence of text writes all these words (tokens)."""
    a, b = index.doc_rows[doc_id]
    first = next((index.sentences[k] for k in range(a, min(b, a + 5)) if index.sentences[k].kind == "text"), None)
    return first is not None and set(words) <= sentence_tokens(first.text)


def lacks_role(hits: list[Hit], q: Question, index: Index | None = None) -> bool:
    """The question asks who does a job and none of the best sentences gives the title to someone
    of what it names, or says the job: "Who manages Valebridge Cycling?" of a race report naming
    only its rider ("Lena Mercer of Valebridge Cycling won …"), "Which newspaper reported the
    launch?" of a text whose only source is a news agency, named for another fact. A fact sheet's
    line whose label is the title ("Owner: Marisol Tenbrook") gives it to its value, of the page's
    subject (``index`` finds the page)."""
    # not a trade, any noun ("Arthur Ellison, a signalman"), nor a maker (roles.TITLED)
    roles = _asked_roles(q, but=JOB_TITLES)
    if not roles or not hits:
        return False
    best = hits[:MEASURE_WINDOW]
    answers = _answers_role(q, roles, best)
    return not any(answers(h) or index is not None and _labelled_role(roles, h, index) for h in best)


def _labelled_role(roles, hit: Hit, index: Index) -> bool:
    """Whether the sentence is a fact sheet's line labelled with one of the roles' titles."""
    field = _field(index, hit)
    return field is not None and any(t.search(field[0]) for _, t in roles)


def office_unwritten(index: Index, hits: list[Hit], q: Question) -> bool:
    """The question asks who holds an office by its title ("Who is the chairman of Calder
    Brightworks?", "Who is the captain of Ashcombe Town?") and the best sentences' documents
    never write that title in any form: the text names no one to it. `lacks_role` asks more
    (the title given to someone of what the question names) and was not shipped for titles, as
    a text calls an office many ways; the title itself written nowhere is a plainer sign. On
    SQuAD 2.0's 35 articles and SQuADShifts it picks out 3 questions of 29 so asked, all
    unanswerable."""
    office = office_asked(q.text) if q.english else None
    if office is None or not hits:
        return False
    return not any(office.search(f"{doc.title}\n{doc.text}") for doc in _best_documents(index, hits))


# whose a title is, as a text writes it: "CEO of Enflame", "president at Corvane Bank" (after it),
# "Corvane chief executive", "Enflame's CEO" (before it)
_OWNER_AFTER = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?(?P<owner>[A-Z][\w&’'.-]*(?:\s+(?:of\s+|and\s+|&\s+)?[A-Z0-9][\w&’'.-]*)*)")
_OWNER_BEFORE = re.compile(r"(?P<owner>[A-Z][\w&’'.-]*(?:\s+[A-Z0-9][\w&’'.-]*)*?)(?:['’]s?)?\s+(?:[a-z-]+\s+)?$")


def _title_owner(text: str, m: re.Match) -> set[str] | None:
    """The words of the body a title written at ``m`` is given as belonging to, or None when the
    text gives it no named body ("the company's CEO", "Chief Executive Officer Martin Okonjo")."""
    after = _OWNER_AFTER.match(text, m.end())
    # on the title's own line: "Helipad: Yes" over "Chief Executive: Dr. Helena Osterby" names no owner
    before = _OWNER_BEFORE.search(text[max(0, m.start() - 80, text.rfind("\n", 0, m.start()) + 1):m.start()])
    words = {w for g in (after, before) if g for w in token_list(g.group("owner")) if w not in stopwords()}
    return words or None


def title_held_elsewhere(index: Index, hits: list[Hit], q: Question) -> bool:
    """The question asks who holds a title at an organisation by the title ("Who is the CEO of
    Huawei?", roles.title_named) and the best sentences' documents write that title only as
    another named body's ("Zhao Lidong, CEO of Enflame"): they name no one to it. A title written
    without its body ("the company's chief executive", "Chief Executive Officer Martin Okonjo
    said") or as the organisation's own keeps the question answerable: a story names its own
    subject's officers so."""
    asked = title_named(q.text.strip()) if q.english and hits else None
    org = {w for w in token_list(asked[0]) if w not in stopwords()} if asked else set()
    if not org:
        return False
    elsewhere = False
    for doc in _best_documents(index, hits):
        for m in asked[1].finditer(doc.text):
            owner = _title_owner(doc.text, m)
            if owner is None or owner & org:
                return False
            elsewhere = True
    return elsewhere


def _best_documents(index: Index, hits: list[Hit]) -> list:
    """The documents of the best few sentences (`MEASURE_WINDOW`), each once, best first."""
    return [index.by_id[d] for d in dict.fromkeys(h.sentence.doc for h in hits[:MEASURE_WINDOW])]


def _asked_roles(q: Question, but) -> list:
    """The (question's words, titles) pairs an English question asks about that name a titled
    role (roles.TITLED), all but the ``but`` kind of title."""
    if not q.english:
        return []
    return [(asked, t) for asked, t in role_paraphrases(q.search) if t in TITLED and t is not but]


def _answers_role(q: Question, roles, best: list[Hit]):
    """Whether a sentence tells who does the job of what the question names: it gives one of the
    roles' titles with a person's name by it, or says the job in the question's kind of words
    ("Roni Size, Krust and DJ Die produced some of the first tracks" for "Who produced …?"); and,
    of the question's names that the ``best`` sentences write, it writes each one's rarer words or
    gives the title as its or as the named thing's ("Its current director", "The council's leader"
    of Bramley District Council): "What was Martin Parry's role?" wants a title next to "Parry",
    not "Former IPCC chairman Robert Watson"; a name none of them writes ("the U.S." of "the United
    States") asks nothing of them. A source ("According to Reuters, …") is the sentence's own: it
    needs no person and no name ("the project", "the deal")."""
    titles = [t for _, t in roles]
    typed = {w for asked, _ in roles for w in tokenize([asked])[0]}
    named = [n for _, _, n in names(q.text) if POSSESSIVE.sub("", n.split()[0]).lower() not in _QUESTION_WORDS]
    written = set().union(*(sentence_tokens(h.sentence.text) for h in best))
    someones = any(t is JOB_TITLES for t in titles)  # a job is asked of a person: by name only
    asked = [words for words in map(_naming_words, named) if someones or words & written]
    owners = "|".join(["its", "their"] + [rf"the\s+{re.escape(w.lower())}['’]s?" for n in named for w in re.findall(r"[\w-]+", n)])
    owned = [re.compile(rf"(?i)\b(?:{owners})\s+(?:[\w-]+\s+){{0,2}}(?:{t.pattern})") for t in titles if t.flags & re.I]

    def answers(hit: Hit) -> bool:
        text = hit.sentence.text
        given = [t for t in titles if t.search(text)]
        if given and all(t is SOURCE_TITLES for t in given):
            return True  # a source is of the fact its sentence reports, whatever it calls it
        told = sentence_tokens(text)
        # "Vos, 41, works as a postwoman …" says a job, of a person named by surname alone
        titled = bool(given) and (bool(person_spans(text)) or bool(_WORKS_AS.search(text)))
        if not titled and not typed & told and not says_the_job(roles, text):
            return False
        # the name may be written by a sentence of its paragraph ("The Shenzhen office met on
        # Friday …" before "Eight people attended, chaired by Wang Lei.")
        near = told.union(*(sentence_tokens(h.sentence.text) for h in best
                            if (h.sentence.doc, h.sentence.para) == (hit.sentence.doc, hit.sentence.para)))
        return all(words & near for words in asked) or not someones and any(o.search(text) for o in owned)
    return answers


_QUESTION_WORDS = frozenset("who whom whose what which when where why how".split())
_WORKS_AS = re.compile(r"\bwork(?:s|ed|ing)?\s+as\s+an?\b|\bby\s+trade\b", re.I)


def _naming_words(name: str) -> frozenset[str]:
    """The words of a name that tell it apart, as tokens: its rare ones ("Castlebrook" of
    "Castlebrook Foods", "Parry" of "Martin Parry", "Huguenot" as "Huguenots" stems), or its last
    word when all are common."""
    words = re.findall(r"[\w-]+", POSSESSIVE.sub("", name))
    rare = [w for w in words if zipf(w.lower()) < RARE_NAME_ZIPF] or words[-1:]
    return frozenset(tokenize([" ".join(rare)])[0])


def _first(hits: list[Hit], better) -> list[Hit]:
    """The hits with the first of the best few after the first that is ``better`` put first."""
    k = next((k for k, h in enumerate(hits[1:MEASURE_WINDOW], 1) if better(h)), None)
    return hits if k is None else [hits[k]] + hits[:k] + hits[k + 1:]


AGE_REACH = 60  # characters between an age and the person asked about, named with no one else between


def _gives(measure: str, q: Question, text: str) -> bool:
    """Whether a sentence gives the measure; an age, of someone the question names ("Okafor, 19,"
    is no answer to "How old is Gary Thorne?") when it names anyone."""
    plain_text = plain(text)
    given = entity_mentions(measure, plain_text)
    if not given:
        return (measure == "money" and ASKS_FREE.search(q.text) is not None and PAID.search(text) is not None
                or measure == "length" and _HOW_FAR.search(q.text) is not None and _TRAVEL_TIME.search(plain_text) is not None)
    named = [n.split()[-1] for _, _, n in names(q.text)] if measure == "age" else []
    # or of "she": "She was 45 when the window was unveiled" in her biography (not "Corrigan was 19 when she …");
    # next to the name, not of another the sentence names ("Ortega, the 24-year-old Argentine, hit back" asks
    # nothing of Vranken's age however often it names her)
    return not named or any(_SOMEONE.fullmatch(g.split()[0]) for g in given) \
        or any(_age_of(plain_text, n) for n in named)


# "How far is it from the station?" is answered by how long it takes to get there: "a 25-minute
# walk", "two hours by car", "ten minutes away"
_HOW_FAR = re.compile(r"\bhow far\b", re.I)
_TRAVEL_TIME = re.compile(r"\b(?:\d+|an?|few|couple|one|two|three|four|five|ten|fifteen|twenty|thirty|forty|fifty)"
                          r"(?:[- ](?:and[- ]a[- ]half[- ])?|[- ]of[- ])(?:minutes?|mins?|hours?|hrs?)(?:['’]s?)?"
                          r"[- ](?:walk|drive|ride|cycle|bike ride|journey|trip|flight|sail|away|on foot|by (?:car|bus|train|bike|taxi|road|rail|boat|ferry|air))\b",
                          re.I)


def _age_of(text: str, name: str) -> bool:
    """Whether an age in the sentence is the named person's: the name near it (`AGE_REACH`) with no
    other name between ("Helena Varga died on October 21, 2019, at the age of 72", "Kieran Maddox,
    38,"; not Vranken's in "Ortega, the 24-year-old Argentine, …, but Vranken held on")."""
    ages = mention_spans("age", text)
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        for a, b in ages:
            gap = text[m.end():a] if m.end() <= a else text[b:m.start()] if b <= m.start() else ""
            if len(gap) <= AGE_REACH and not any(w.lower() not in _NOT_NAMES for w in re.findall(r"\b[A-Z][\w’'-]*", gap)):
                return True
    return False


# capitalised words that name no one, between a name and an age: months and days ("died on October 21, 2019, at the age of 72")
_NOT_NAMES = frozenset(_MONTH_NAMES) | {m[:3] for m in _MONTH_NAMES} | {"sept"} \
    | frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


# "What did Marcus Bell say?": asks what someone said
# ("… say about the budget?" too; not "What do some believe …", "What does a tourism mean when they say …")
_ASKS_SAYING = re.compile(r"^\W*what (?:did|does|has|had) (?P<who>[^,]{1,40}?) (?:say|tell \w+|comment)(?: (?:about|at|on|in|to|during|after|before) [^?]+)?\W*$", re.I)


_SOMEONE = re.compile(r"\b(?:he|she|they)\b", re.I)
_OWNERS = re.compile(r"[\w-]+['’]s?(?!\w)(?<![^s]['’])")  # "Nvidia’s", "the Rovers'": a possessive word


def lacks_saying(hits: list[Hit], q: Question, index: Index | None = None) -> bool:
    """The question asks what someone said (thought, wrote, how they reacted, what they promised)
    and none of the best sentences that name them reports any: "What did Marcus Bell say?" of a
    match report where he scores and says nothing was answered with his goal (0.5); "How did the
    WHO react to the results?" of a story quoting only the trial's researchers. A question naming
    nobody ("What did the governor say?", "How did the lawyer react?") needs any of them to report
    speech. A transcript's sentence (``index`` finds its document) is speech, by its speaker."""
    asked = _ASKS_SAYING.match(q.text)
    who = asked.group("who") if asked else speaker(q.text) if saying_paraphrases(q.text) else None
    if who is None or not q.english or not hits:
        return False
    typed = [POSSESSIVE.sub("", n) for _, _, n in names(who)]
    lower = not typed and re.fullmatch(r"[a-z][\w-]*", who) is not None and zipf(who) < RARE_ZIPF
    named = [_naming(who, typed=True)] if lower else [_naming_named(n) for n in typed]  # "what did nvidia say"
    if index is not None:  # "FINCH: …" says what "the chief executive" and "Finch" said
        speakers = [turn_speaker(h.sentence, index.by_id.get(h.sentence.doc)) for h in hits[:MEASURE_WINDOW]]
        if any(by and all(w.search(by) or w.search(by.title()) for w in named) for by in speakers):
            return False
    best = [h.sentence.text for h in hits[:MEASURE_WINDOW]]
    # a sentence naming them, or one speaking of "he" or "she" ("He said he had not decided …")
    naming = [t for t in best if all(w.search(t) for w in named) or _SOMEONE.search(t)] if named else best
    if asked is None and ACTS.search(q.text):  # a reaction may be a deed: any sentence naming them may tell it
        # but not one naming them only as an owner ("the system outperforms Nvidia's flagship"), unless it reports
        # words or a response ("Beijing's AI industry push comes in response to …")
        acting = [t for t in naming if all(w.search(_OWNERS.sub(" ", t)) for w in named) or _SOMEONE.search(t)
                  or REPORTS_SAYING.search(_ACCORDING_TO.sub(" ", t)) or ACTS.search(t)]
        return bool(named) and not acting
    # "According to research firm SemiAnalysis, the system outperforms Nvidia's …" reports what
    # SemiAnalysis says, not Nvidia
    told = [_ACCORDING_TO.sub(lambda m: m.group(0) if any(w.search(m.group(0)) for w in named) else " ", t) for t in naming]
    return not any(REPORTS_SAYING.search(t) for t in told)


_ACCORDING_TO = re.compile(r"\b(?:according to|as per)\s+(?:[\w.’'-]+\s+){0,5}?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*", re.I)


def _naming(name: str, typed: bool = False) -> re.Pattern:
    """A sentence writing a name, or the title it abbreviates ("CFO": "Chief Financial Officer
    Tomas Lindqvist said …"); a name typed in lower case, in any case."""
    spelt = [pattern.pattern for _, pattern in title_abbreviations(name)]
    return re.compile("|".join([rf"(?<!\w){'(?i:' if typed else '('}{re.escape(name)})(?!\w)"] + spelt))


def _naming_named(name: str) -> re.Pattern:
    """A sentence writing a name the question gives (its last word: "Bell" of "Marcus Bell"), or
    the country it is in any of its forms ("Dutch officials" of "the Netherlands")."""
    country = country_named(name)
    return country_written(country) if country else _naming(name.split()[-1])


def names_someone_else(index: Index, hits: list[Hit], q: Question) -> bool:
    """The question names a person by a given name and a surname the best sentences'
    documents never write together, each of which they write with someone else's: "How many
    votes did Ruth Nandakumar get?" of a story about Priya Nandakumar (qa/misnamed.py)."""
    rows = [index.doc_rows[d] for d in dict.fromkeys(h.sentence.doc for h in hits[:MEASURE_WINDOW])]
    if not rows or sum(b - a for a, b in rows) > FOLLOW_SCAN:
        return False
    return misnamed(q.text, tuple(index.sentences[i].text for a, b in rows for i in range(a, b))) is not None


# the name a question is about, right after its verb's helper: "What did Google show at WAIC?",
# "Did Tesla attend?", "Who is Jensen Huang?", "What is ByteDance's new model?"
_SUBJECT = re.compile(r"^\W*(?i:(?:(?:what|which|how|when|where|why|who|whom)(?:\s+\w+)?\s+)?"
                      r"(?:did|does|do|has|have|had|is|was|were|are|will|would|can|could|should)\s+(the\s+)?)"
                      rf"({NAME.pattern})")
_DASHES = re.compile(r"[-‐–—]")  # a name's parts: "Skłodowska-Curie", "Hodgkin–Huxley"
NAME_WORD_ZIPF = 4.0  # "Zhipu AI" is Zhipu's: a name's words commoner than this say little of whom it names
# after "the", a capitalised word may be a kind ("the Hindu view", "the Tense time"): only a
# word no dictionary knows is a name there ("the Rijksmuseum", "the Vesna tributary")
THE_NAME_ZIPF = 3.0


def subject_unwritten(index: Index, hits: list[Hit], q: Question) -> bool:
    """The question asks what someone did or is, and the best sentences' documents never write
    that name, nor one alike ("Hervé" for "Herve", "Céloron" for "Celeron"): "What did Google
    show at WAIC?" of an article naming only Chinese firms. The answerability models learnt
    little from a missing name (SQuAD 2.0's unanswerable questions keep theirs), and beside a
    long name the article does write ("WAIC": the World Artificial Intelligence Conference) one
    missing name weighed too little to refuse. A question in another language is judged by each
    name it writes ("¿Qué presentó Google en la WAIC?"), which no other word of it can stand for."""
    asked = _asked_names(q)
    if not asked or not hits:
        return False
    for doc in _best_documents(index, hits):
        written = _folded_words(doc.title, doc.text)
        if all(country_written(country).search(f"{doc.title}\n{doc.text}") is not None if country
               else _name_written(written, words, telling) for words, telling, country in asked):
            return False
    return True


def _asked_names(q: Question) -> list[tuple[list[str], list[str], str | None]]:
    """The names `subject_unwritten` looks for, each as its folded words, the words of them
    that tell whom it names, and the country it is, if one (any of whose names the text may
    write: "America" of a text writing "US", qa/countries.py): an English question's subject;
    each name of a question in another language (`Question.names`, as English writes them)."""
    read_out = {fold(typed) for typed, _ in q.aliases}  # "UN" read as the United Nations the text writes
    if not q.english:  # "¿Qué anunció el Reino Unido?", "英国发布了什么？": a country, in any of its English forms
        countries = countries_asked_in(q.text)
        in_countries = {fold(w) for typed, _ in countries for w in typed.split()}
        return [(*_told_apart(words), country_named(" ".join(words), as_typed=False))
                for words in _runs(q.text, q.names) if not read_out & set(words) and not set(words) <= in_countries] \
            + [([fold(typed)], [fold(typed)], country) for typed, country in countries]
    text = q.text  # a name read as a common word is not that name ("Is Currys one of …?" read "carry")
    for as_typed, read in q.respelt:
        if as_typed[:1].isupper() and read[:1].islower():
            text = re.sub(rf"(?<!\w){re.escape(read)}(?!\w)", as_typed, text, count=1)
    m = _SUBJECT.match(text)
    if m is None:
        return []
    country = country_named(POSSESSIVE.sub("", m.group(2)))  # "the UK", "America's"
    titles = {fold(short) for short, _ in title_abbreviations(m.group(2))}  # "Who is the CTO of …?" asks a title
    words = [fold(w) for part in m.group(2).split() for w in _DASHES.split(POSSESSIVE.sub("", part))]
    words = [w for w in words if len(w) > 1 and w not in stopwords() and w not in titles]
    if not words or read_out & set(words):
        return []
    if m.group(1) and country is None and not any(zipf(w) < THE_NAME_ZIPF for w in words):
        return []
    return [(*_told_apart(words), country)]


def _runs(text: str, names: tuple[str, ...]) -> list[list[str]]:
    """A question's names (`Question.names`, one word each) joined where the question writes
    them side by side ("Jim Prat是怎么形容…": one name), folded."""
    found = sorted((m.start(), m.end()) for n in set(names)
                   for m in re.finditer(rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])", text))
    runs: list[list[str]] = []
    end = None
    for a, b in found:
        if runs and end is not None and text[end:a].isspace():
            runs[-1].append(text[a:b])
        else:
            runs.append([text[a:b]])
        end = b
    runs += [[n] for n in names if not any(n in run for run in runs)]
    out = [[fold(w) for n in run for w in _DASHES.split(n)] for run in runs]
    return [words for words in ([w for w in run if len(w) > 1] for run in out) if words]


def _told_apart(words: list[str]) -> tuple[list[str], list[str]]:
    """A name's words and those of them that tell whom it names ("Zhipu" of "Zhipu AI"; all of
    them when every one is common, "Pacific Power")."""
    return words, [w for w in words if zipf(w) < NAME_WORD_ZIPF] or words


def _name_written(written: frozenset[str], words: list[str], telling: list[str]) -> bool:
    """Whether a document writes a name: one of its telling words, or one alike."""
    beside = any(w in written for w in words if w not in telling)
    return any(_writes_alike(written, w, beside) for w in telling)


@lru_cache(maxsize=64)
def _folded_words(title: str, text: str) -> frozenset[str]:
    """A document's words as `subject_unwritten` compares them: folded, dots dropped ("U.S."),
    apart at hyphens and dashes ("Skłodowska-Curie", "Hodgkin–Huxley")."""
    return frozenset(fold(w) for w in re.findall(r"\w[\w’'.&]*", f"{title}\n{text}")) - {""}


def _writes_alike(written: frozenset[str], word: str, beside: bool = False) -> bool:
    """Whether a document's words hold ``word``, one it begins ("Hindu" of "Hinduism"), or one
    typed otherwise: a letter or two apart (of five letters or more: "Meta" alone is not Metax)
    or two letters swapped ("Biadu"); a letter apart whatever its length ``beside`` the rest of
    the name ("Jim Prat" of Jim Pratt, "Daniel Okafur"). A question in another language keeps
    such a typo: no English typo reader respells it."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import OSA

    if word in written:
        return True
    if beside and process.extractOne(word, written, scorer=OSA.distance, score_cutoff=1) is not None:
        return True
    if len(word) < 5:
        return False
    return process.extractOne(word, written, scorer=fuzz.ratio, score_cutoff=NAME_LIKENESS) is not None \
        or any(w.startswith(word) for w in written) \
        or any(len(w) == len(word) and sorted(w) == sorted(word) and OSA.distance(w, word) == 1 for w in written)


_MAIL_SAID = {"from": "The {what} is from {value}.", "to": "The {what} was sent to {value}.",
              "cc": "The {what} was copied to {value}.", "subject": "The {what}'s subject is {value}."}
_MEMO = re.compile(r"(?:^|\n)[ \t]*(?:MEMO|MEMORANDUM|Memo|Memorandum)[ \t]*\r?\n")


def _mail_kind(index: Index, doc_id: str) -> str | None:
    """"e-mail" or "memo" when the document's metadata lines are such a header (a From line;
    qa/corpus.py), a memo's under a "MEMO" line or with an "RE:" line; None for any other."""
    rows = list(_metadata_rows(index, doc_id))
    if not any(_meta_key(index.sentences[i]) == "from" for i in rows):
        return None
    text = index.by_id[doc_id].text
    memo = _MEMO.search(text, 0, index.sentences[rows[0]].start) or any(
        written_meta(index.sentences[i].text)[0].lower() == "re" for i in rows)
    return "memo" if memo else "e-mail"


def answer_text(index: Index, chosen: list[Hit]) -> str:
    """The cited sentences themselves, numbered; metadata is spelt out, a transcript's sentence
    follows who says it, and a list item the line it hangs from ("No early termination fee is
    payable if you: (a) move your permanent residence …"), once a list, unless that is cited."""
    parts, turn, listed = [], ("", -1), None
    for k, h in enumerate(chosen, 1):
        s = h.sentence
        doc = index.by_id.get(s.doc)
        said_in, turn = turn, (s.doc, turn_start(s, doc))
        lead, shown = lead_in(s, doc), listed
        listed = (s.doc, lead or as_lead(s.text))  # the lead-in itself cited just before: not again
        if s.kind == "meta":
            key, value = meta_item(s)
            key, value = key.lower(), value.strip("\"'")
            date = index.by_id[s.doc].date if key in DATE_KEYS else None
            what = _mail_kind(index, s.doc) or "article"
            text = f"The {what} is dated {date}." if date else _MAIL_SAID.get(key, "The {what}'s {key} is {value}.").format(
                what=what, key=key, value=value)
        else:
            # a hard-wrapped sentence reads as one line; a transcript's, after who says it (once a turn)
            text = one_line(s.text if turn[1] >= 0 and turn == said_in else attributed(s, doc))
            if lead and shown != (s.doc, lead):
                text = f"{lead} {text}"
        parts.append(f"{text} [{k}]")
    return " ".join(parts)


LEAD_SENTENCES = 3  # a gist is the opening paragraph, at most this many of its sentences
MORE_SENTENCES = 2  # "tell me more" reads on this many sentences


def _read_from(index: Index, doc_id: str, offset: int, limit: int) -> list[Hit]:
    """Up to ``limit`` story sentences of the first paragraph that has one at or after character
    ``offset``: what a reader reads next, never running into the paragraph after."""
    a, b = index.doc_rows[doc_id]
    rows = [i for i in range(a, b) if index.sentences[i].kind == "text" and index.sentences[i].start >= offset]
    para = index.sentences[rows[0]].para if rows else None
    return [Hit(index.sentences[i], 1.0, {"row": i}) for i in rows if index.sentences[i].para == para][:limit]


def _read(index: Index, q: Question, hits: list[Hit], kind: str) -> Answer:
    """Sentences read out as asked (the lead, the next ones), cited; confidence 1: they are what
    was asked for."""
    return Answer(q.text, answer_text(index, hits), True, 1.0, tuple(cite(index, h) for h in hits), (), q.search, q.respelt,
                  kind=kind)


def dated(index: Index, q: Question, doc_id: str) -> Answer | None:
    """"When was this written?": the document's date line, cited (None if it has none; a date
    written in its text is then for the search to find)."""
    row = _metadata_row(index, doc_id, DATE_KEYS)
    return None if row is None else _read(index, q, [Hit(index.sentences[row], 1.0, {"row": row})], "date")


# a byline in the text: "By Anna Schmidt", "(Reporting by Anna Schmidt; Editing by Mark Potter)"
_BYLINE = re.compile(r"\(?\s*(?:Reporting|Written|Writing|Words|Text|Reported) by\s+[A-Z]"
                     r"|By\s+[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|and|&)|,)*\s*$")  # not "By Friday, contractors ..."


def byline(index: Index, q: Question, doc_id: str) -> Answer | None:
    """"Who wrote the article?": the document's author line ("author: Agnes Varga", "By Kenji
    Watanabe" under the headline, an e-mail's From), or else a byline in its text (a news
    agency's "(Reporting by ...; Editing by ...)"), or else the name a letter is signed with,
    cited. None if it has none of them (the question is then searched, and refused)."""
    a, b = index.doc_rows[doc_id]
    row = _metadata_row(index, doc_id, ("author", "from"))
    if row is None:
        row = next((i for i in range(a, b) if index.sentences[i].kind == "text" and _BYLINE.match(index.sentences[i].text)), None)
    if row is None:  # a letter without a header: the name it is signed with (the newest message's, in a thread)
        doc = index.by_id[doc_id]
        row = next((i for i in range(a, b) if signer(index.sentences[i], doc) == index.sentences[i].text.strip()), None)
    return None if row is None else _read(index, q, [Hit(index.sentences[row], 1.0, {"row": row})], "search")


def header_line(index: Index, q: Question, doc_id: str, key: str) -> Answer | None:
    """"Who is the memo addressed to?", "Who was copied in?": the e-mail's or memo's To or Cc
    line (``key``), cited; None if it has none (the question is then searched)."""
    row = _metadata_row(index, doc_id, (key,))
    return None if row is None else _read(index, q, [Hit(index.sentences[row], 1.0, {"row": row})], "search")


_NO_HEADLINE = {"en": "The text has no headline of its own; its file name calls it “{title}”.",
                "es": "El texto no tiene titular propio; su nombre de archivo lo llama «{title}».",
                "zh": "这篇文字没有自己的标题；文件名称是“{title}”。"}


def headline(index: Index, q: Question, doc_id: str) -> Answer:
    """"What is the headline?": the document's title where its text writes one (a "title:" or
    "Subject:" line, a heading line over the text), cited; else a reply that it has none, with
    the title its file name gives (which is no sentence of the text to cite)."""
    row = _metadata_row(index, doc_id, ("title", "subject"))
    if row is not None:
        return _read(index, q, [Hit(index.sentences[row], 1.0, {"row": row})], "headline")
    doc = index.by_id[doc_id]
    a, b = index.doc_rows[doc_id]
    start = doc.text.find(doc.title, 0, index.sentences[a].start if b > a else len(doc.text))
    if start < 0 or not doc.title.strip():
        return chat(q.text, _NO_HEADLINE[language(q.text)].format(title=doc.title))
    end = start + len(doc.title)
    line = Citation(doc=doc_id, sentence=doc.text[start:end], start=start, end=end, score=1.0,
                    passage_start=start, passage_end=end)
    return Answer(q.text, f"{doc.title} [1]", True, 1.0, (line,), (), q.search, q.respelt, kind="headline")


EXPANSION_SCAN = 50_000  # sentences searched for an acronym's words; a wider scope is searched as usual
_SMALL_WORDS = ("of", "for", "and", "the", "de", "on", "in", "&")  # no letter of an acronym
_JOIN = rf"(?:\s+(?:(?:{'|'.join(_SMALL_WORDS)})\s+)*|-)"  # "large language models", "Model-Chip"


def expansion(index: Index, q: Question, doc_ids: list[str], acronym: str, name: str | None = None) -> Answer | None:
    """"What does LLM stand for?": the sentence that spells the acronym out, the words bold.
    Best is a definition: words with those initials followed by the acronym in brackets ("large
    language models (LLMs)", "(abbreviated QPF)") or after "LLM stands for". Else the first
    sentence writing ``name``, the name in capitals the documents' acronym table gives it
    (qa/acronyms.py: "World Artificial Intelligence Conference" for WAIC). None when the text
    spells it out nowhere: the question is then searched (and most likely refused)."""
    rows = [r for d in doc_ids for r in range(*index.doc_rows[d])]
    if len(rows) > EXPANSION_SCAN:
        return None
    words = r"(?<![\w'’-])" + _JOIN.join(rf"{re.escape(ch)}[A-Za-z’']*" for ch in acronym.lower()) + r"(?![\w'’-])"
    spelt = re.compile(words, re.I)
    acr = rf"{re.escape(acronym)}(?:['’]?s)?"
    bracketed = re.compile(rf"^[\s,]*\((?:[^()]{{0,20}}\s)?{acr}\s*[),;]", re.I)  # "(LLMs)", "(abbreviated QPF)"
    stands = re.compile(rf"\b{acr}\s+(?:stands|stood)\s+for\s+[\"“']?$", re.I)
    named = re.compile(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])") if name else None
    found = None  # (row, start, end) of the name, should no definition turn up
    for r in rows:
        s = index.sentences[r]
        if s.kind != "text":
            continue
        for m in spelt.finditer(s.text):
            if len([w for w in re.split(r"[\s-]+", m.group(0)) if w.lower() not in _SMALL_WORDS]) == len(acronym) \
                    and (bracketed.match(s.text[m.end():]) or stands.search(s.text[:m.start()])):
                return _spelt_out(index, q, r, m.start(), m.end())
        m = named.search(s.text) if named is not None and found is None else None
        if m is not None:
            found = (r, m.start(), m.end())
    return _spelt_out(index, q, *found) if found else None


def _spelt_out(index: Index, q: Question, row: int, a: int, b: int) -> Answer:
    """Sentence ``row`` read out, characters ``a``-``b`` of it marked as the short answer."""
    ans = _read(index, q, [Hit(index.sentences[row], 1.0, {"row": row})], "search")
    start = index.sentences[row].start
    return replace(ans, citations=(replace(ans.citations[0], answer_start=start + a, answer_end=start + b),))


_SALUTATION = re.compile(r"(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|to whom it may concern)\b[^.!?\n]{0,40}[,:!]?", re.I)


QUOTED_SHOWN = 8  # at most this many speakers' sentences are read out
QUOTED_SCAN = 20_000  # sentences of a document read for quotations (a book's first chapters)
# a quotation and who said it, found once what is quoted is set aside ('"Nobody asked us," he
# told the paper' names nobody): "“…,” said Priya Natarajan", "Okonjo told analysts", "said
# operations manager Colm Farrell", "Zhao Lidong, CEO of Enflame, described", "according to Mr Reyes"
_QUOTE_MARK = re.compile(r"[“”\"]")
_QUOTATION = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
_SAID = r"(?:said|says|told|tells|added|adds|explained|warned|noted|argued|wrote|asked|described|recalled|insisted|admitted)"
_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*"
_TITLE_WORDS = r"(?:[a-z][\w'’-]*\s+){0,3}"
_QUOTED_SPEAKER = re.compile(rf"(?P<a>{_NAME})(?:,[^,]{{1,80}},)?\s+{_SAID}\b|\b{_SAID}\s+{_TITLE_WORDS}(?P<b>{_NAME})"
                             rf"|\baccording to\s+{_TITLE_WORDS}(?P<c>{_NAME})")
_PRONOUN_SAID = re.compile(rf"\b(?:he|she)\s+{_SAID}\b|\b{_SAID}\s+(?:he|she)\b")
_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Sir|Dame)\.?\s+")
_NOBODY = frozenset({"The", "A", "An", "It", "This", "That", "He", "She", "They", "We", "I"})
_QUOTED_COUNT = {"en": ("One speaker is quoted by name.", "{n} speakers are quoted by name."),
                 "es": ("Se cita a una fuente por su nombre.", "Se cita a {n} fuentes por su nombre."),
                 "zh": ("文中点名引用了1个来源的话。", "文中点名引用了{n}个来源的话。")}


def speakers(index: Index, q: Question, doc_id: str) -> Answer | None:
    """"Who is in this chat?", "Who are the speakers?": the sentence each speaker of a transcript
    first says, in reading order, after their names (and their count, asked "How many …?"). None
    when the text is no transcript of two speakers or more: the question is then searched."""
    a, b = index.doc_rows[doc_id]
    firsts = dict(first_turns(index.by_id[doc_id]))
    rows = [i for i in range(a, b) if index.sentences[i].kind == "text" and index.sentences[i].start in firsts]
    if len(rows) < 2:
        return None
    ans = _read(index, q, [Hit(index.sentences[i], 1.0, {"row": i}) for i in rows[:QUOTED_SHOWN]], "speakers")
    lang = language(q.text)
    listed, counted = _SPEAKERS_SAID[lang]
    names = [firsts[index.sentences[i].start] for i in rows]
    who = ("、" if lang == "zh" else "; " if any("," in n for n in names) else ", ").join(names)
    said = (counted if q.qtype == "number" else listed).format(n=len(rows), names=who)  # "How many people are in the chat?"
    return replace(ans, answer=f"{said} {ans.answer}")


_SPEAKERS_SAID = {"en": ("Speakers: {names}.", "{n} people speak: {names}."),
                  "es": ("Hablan: {names}.", "Hablan {n} personas: {names}."),
                  "zh": ("发言人：{names}。", "共有{n}人发言：{names}。")}


def quoted(index: Index, q: Question, doc_id: str) -> Answer | None:
    """"Who is quoted in the story?": the first sentence quoting each named speaker, in reading
    order. A speaker is known by the last two words of the name, titles and honorifics set aside
    ("Chief Executive Officer Margaret Okonjo" is Margaret Okonjo, "Dr. Peter Moss" Peter Moss);
    a surname alone ("Ms. Moss said") is someone already named. "How many …?" is answered with
    the count. None when the text quotes nobody by name: the question is then searched."""
    hits, people, surnames = [], set(), set()
    a, b = index.doc_rows[doc_id]
    for i in range(a, min(b, a + QUOTED_SCAN)):
        s = index.sentences[i]
        if s.kind != "text" or not _QUOTE_MARK.search(s.text):
            continue
        words = _quoted_speaker(s.text)
        if words[:1] in (["He"], ["She"], []) and i > a and index.sentences[i - 1].para == s.para \
                and _PRONOUN_SAID.search(_QUOTATION.sub(" ", s.text)):
            # '"Nobody asked us," he told the paper.' after "Local fisherman Ruairi Doyle said …"
            words = _quoted_speaker(index.sentences[i - 1].text) or words
        if not words or words[0] in _NOBODY:
            continue
        person = " ".join(words[-2:])
        if person in people or len(words) == 1 and words[-1] in surnames:
            continue
        people.add(person)
        surnames.add(words[-1])
        hits.append(Hit(s, 1.0, {"row": i}))
    if not hits:
        return None
    ans = _read(index, q, hits[:QUOTED_SHOWN], "quoted")
    if q.qtype == "number":  # "How many people are quoted?"
        one, many = _QUOTED_COUNT[language(q.text)]
        ans = replace(ans, answer=f"{(one if len(hits) == 1 else many).format(n=len(hits))} {ans.answer}")
    return ans


KINDS_SHOWN = 8  # at most this many sentences naming things of a kind are read out
_NAMED = {"en": ("Named: {names}.", "One is named: {names}.", "{n} are named: {names}."),
          "es": ("Se nombran: {names}.", "Se nombra uno: {names}.", "Se nombran {n}: {names}."),
          "zh": ("提到：{names}。", "提到1个：{names}。", "提到{n}个：{names}。")}


def kinds_named(index: Index, q: Question, doc_id: str, kinds: tuple[str, ...], count: bool) -> Answer | None:
    """"Which companies are mentioned in the article?", "How many people are named?": the first
    sentence naming each (qa/kinds.py), in reading order, after the names themselves; for dates,
    sums and numbers, the sentences that give them. None when the text names none: the question
    is then searched."""
    a, b = index.doc_rows[doc_id]
    rows = [i for i in range(a, min(b, a + QUOTED_SCAN)) if index.sentences[i].kind == "text"]
    found = named(kinds, [index.sentences[i].text for i in rows])
    if not found:
        return None
    ans = _read(index, q, [Hit(index.sentences[rows[k]], 1.0, {"row": rows[k]}) for k, _ in found[:KINDS_SHOWN]], "named")
    names = [n for _, ns in found for n in ns if " " in n or n[:1].isupper()]
    if not names or any(k in MEASURE_KINDS for k in kinds):
        return ans
    lang = language(q.text)
    which, one, many = _NAMED[lang]
    said = (which if not count else one if len(names) == 1 else many).format(
        n=len(names), names=("、" if lang == "zh" else ", ").join(names))
    return replace(ans, answer=f"{said} {ans.answer}")


def _quoted_speaker(text: str) -> list[str]:
    """The words of the name a sentence attributes speech to, outside its quotations, without an
    honorific or a name's full stop ("said Dr. Peter Moss." -> Peter, Moss); [] if none."""
    m = _QUOTED_SPEAKER.search(_QUOTATION.sub(" ", text))
    return [w.rstrip(".") for w in _HONORIFIC.sub("", next(g for g in m.groups() if g)).split()] if m else []


ENDING_SENTENCES = 3  # "How does the story end?": its last paragraph, at most this many of its last sentences


def ending(index: Index, q: Question, doc_id: str) -> Answer | None:
    """"How does the story end?": its last paragraph of prose (the last sentences of it), or the
    list it ends with, cited; not a sign-off, a byline or a table."""
    text = index.by_id[doc_id].text
    rows = [i for i in range(*index.doc_rows[doc_id]) if _is_prose(index.sentences[i])]
    if not rows:
        return None
    if list_item(text, index.sentences[rows[-1]].start):  # a list's items are paragraphs of their own
        last = list(takewhile(lambda i: list_item(text, index.sentences[i].start), reversed(rows)))[::-1]
    else:
        last = [i for i in rows if index.sentences[i].para == index.sentences[rows[-1]].para]
    return _read(index, q, [Hit(index.sentences[i], 1.0, {"row": i}) for i in last[-ENDING_SENTENCES:]], "ending")


def _is_prose(s) -> bool:
    """A sentence of running text: words that end as sentences do, not a table row, a byline or a
    sign-off ("Brisk Coffee Co.", "-- Reporting by Lena Marsh")."""
    return (s.kind == "text" and s.text.rstrip(" \"”’')")[-1:] in ".!?" and "|" not in s.text
            and len(s.text.split()) >= 4 and not _BYLINE.match(s.text) and not s.text.startswith("--"))


def gist(index: Index, q: Question, doc_id: str) -> Answer:
    """The document's opening paragraph, cited: a news story's lead says what it is about, and so
    does an encyclopedia article's first paragraph; a FAQ's first questions (its first answer
    is about one thing it covers)."""
    lead = _read_from(index, doc_id, 0, LEAD_SENTENCES)
    while len(lead) == 1 and _SALUTATION.fullmatch(lead[0].sentence.text):  # "Hi Daniel," opens a letter
        lead = _read_from(index, doc_id, lead[0].sentence.end, LEAD_SENTENCES)
    subject = [i for i in _metadata_rows(index, doc_id) if _meta_key(index.sentences[i]) == "subject"]
    if subject and lead:  # an e-mail is about its subject line, then what its first paragraph says
        lead = [Hit(index.sentences[subject[0]], 1.0, {"row": subject[0]})] + lead
    if lead and _is_question(lead[0].sentence) and _is_faq(index, doc_id):
        a, b = index.doc_rows[doc_id]  # a FAQ: what it is about is the questions it answers
        asked = [Hit(index.sentences[i], 1.0, {"row": i}) for i in range(a, b) if _is_question(index.sentences[i])]
        return _read(index, q, asked[:LEAD_SENTENCES], "questions")
    return _read(index, q, lead, "gist") if lead else build(index, q, [], 0.0, False, 1.0)


def _is_faq(index: Index, doc_id: str) -> bool:
    """A third of its paragraphs or more (two at least) open with a question on a line of its
    own ("Q: How do I reset it?" and the answer under it): a FAQ, not an essay opening with a
    rhetorical one ("What makes a city walkable? Urban planners ...")."""
    text = index.by_id[doc_id].text
    openers = [next(s for s in ss if s.kind == "text") for ss in _by_paragraph(index, doc_id).values()
               if any(s.kind == "text" for s in ss)]
    asking = sum(_is_question(s) and text[s.end:s.end + 2].lstrip(" \t")[:1] in ("\n", "\r", "")
                 for s in openers)
    return asking >= 2 and asking >= len(openers) / 3


def more(index: Index, q: Question, previous: Answer) -> Answer | None:
    """What the text says right after the previous answer's sentences (reading on, as a person
    would: the rest of the paragraph, then the next); None when the previous answer cited nothing
    or the document ends there."""
    if not previous.answerable or not previous.citations:
        return None
    doc = previous.citations[0].doc
    following = _read_from(index, doc, max(c.end for c in previous.citations if c.doc == doc), MORE_SENTENCES)
    return _read(index, q, following, "more") if following else None


SECTION_SENTENCES = 12  # a section asked for is read out up to this many sentences
SECTION_CHARS = 900  # and this many characters: a list's short items all, a paragraph's first few sentences


def section(index: Index, q: Question, heading: str, rows: list[int]) -> Answer:
    """"What are the requirements?" of a document with a "Requirements" section: what the
    section says, cited in reading order (a list's items are sentences of their own, and none
    repeats the heading's word: "At least 512 MB of RAM" was refused at 0.15). A section that
    opens with a list is that list ("The next meeting is on 26 March." after the action items
    closes the notes); eight ingredients are eight citations, not the first six."""
    text = index.by_id[index.sentences[rows[0]].doc].text if rows else ""
    if rows and list_item(text, index.sentences[rows[0]].start):
        rows = list(takewhile(lambda r: list_item(text, index.sentences[r].start), rows))
    shown, size = [], 0
    for r in rows[:SECTION_SENTENCES]:
        size += len(index.sentences[r].text)
        if shown and size > SECTION_CHARS:
            break
        shown.append(r)
    return _read(index, q, [Hit(index.sentences[r], 1.0, {"row": r}) for r in shown], "section")


MENTIONS_SHOWN = 8  # documents (or, in one document, sentences) listed for "Which documents mention X?"


def _as_written(text: str) -> str:
    """Apostrophes and hyphens as one kind each, so "Nvidia's" finds "Nvidia’s" and "Model Chip"
    finds "Model-Chip"."""
    return re.sub(r"[-‐‑–\s]+", " ", plain(text).replace("’", "'"))


def mentions(index: Index, q: Question, doc_ids: list[str], name: str) -> Answer | None:
    """"Which documents mention Li Na?": the first sentence of each document in scope that
    writes the name, cited (every such sentence, up to a few, when one document is in scope).
    A plain reading of the text, confidence 1; None when no sentence writes it as typed (a typo
    or an acronym is then for the search to read)."""
    said = re.compile(rf"(?<!\w){re.escape(_as_written(name))}(?!\w)", re.I)
    words = tokenize([name])[0]
    # only sentences BM25 finds a word of the name in can write it (a large corpus is not read
    # sentence by sentence); a name of stop words alone is looked for everywhere
    found = np.flatnonzero(index.bm25.scores(words) > 0) if words and index.bm25 is not None else None
    hits = []
    for doc_id in doc_ids:
        a, b = index.doc_rows[doc_id]
        rows = range(a, b) if found is None else found[np.searchsorted(found, a):np.searchsorted(found, b)].tolist()
        rows = [i for i in rows if index.sentences[i].kind == "text" and said.search(_as_written(index.sentences[i].text))]
        hits += [Hit(index.sentences[i], 1.0, {"row": i}) for i in rows[:1 if len(doc_ids) > 1 else MAX_CITATIONS]]
        if len(hits) >= MENTIONS_SHOWN:
            break
    if not hits:
        return None
    if len(doc_ids) > 1:
        titles = titles_told_apart(index.documents)
        named = [f"“{titles[h.sentence.doc]}” [{k}]" for k, h in enumerate(hits, 1)]
        text = (f"{len(hits)} documents mention {name}: " if len(hits) > 1 else f"One document mentions {name}: ") + \
            ", ".join(named) + "."
        return Answer(q.text, text, True, 1.0, tuple(cite(index, h) for h in hits), (), q.search, q.respelt, kind="mentions")
    return _read(index, q, hits, "mentions")


def in_language(ans: Answer, lang: str) -> Answer:
    """The answer for an asker of ``lang`` (qa/question.py `words_language`, one of REFUSALS'): a
    refusal said in it ("El artículo no lo dice.", "L'article ne le dit pas."); the page words the
    rest of the bubble and the sources panel by ``Answer.lang``. Sentences cited stay as written."""
    said = {REFUSAL: REFUSALS, REFUSAL_DOCUMENTS: REFUSALS_DOCUMENTS}.get(ans.answer) if not ans.answerable else None
    answer = said[lang] if said else ans.answer
    if lang == ans.lang and answer == ans.answer:
        return ans
    return replace(ans, lang=lang, answer=answer)


BOTH_CITED = 5  # a two-part answer cites at most this many sentences


def _pieces(ans: Answer) -> list[str]:
    """The answer text's piece for each citation ("Turnout was 41.2 per cent. [1]" -> its
    sentence, or the date line spelt out), to number again in a joined answer."""
    found = re.findall(r"(.+?) \[\d+\](?: |$)", ans.answer)
    return found if len(found) == len(ans.citations) else [one_line(c.sentence) for c in ans.citations]


def both(question: str, parts: tuple[str, str], first: Answer, second: Answer, lang: str) -> Answer:
    """One answer to a question that asks two (qa/question.py `two_questions`): the sentence
    answering each part first, then the rest of each; when only one part is answered, that
    answer and, for the other, the refusal; when neither is, the surer refusal."""
    answered = [a for a in (first, second) if a.answerable and a.citations]
    if not answered:
        best = max((first, second), key=lambda a: a.confidence)
        nearest = tuple({(c.doc, c.start): c for c in first.nearest[:2] + second.nearest[:2]}.values())
        return replace(best, question=question, nearest=nearest[:NEAREST_SHOWN])
    if len(answered) == 1:
        a, (other, refused) = answered[0], ((parts[1], second) if answered[0] is first else (parts[0], first))
        said = {REFUSAL: REFUSALS, REFUSAL_DOCUMENTS: REFUSALS_DOCUMENTS}.get(refused.answer, {}).get(lang, refused.answer)
        return replace(a, question=question, answer=f"{a.answer} “{other.strip('¿ ')}” — {said}")
    order = [(first, 0), (second, 0)] + [(first, k) for k in range(1, len(first.citations))] \
        + [(second, k) for k in range(1, len(second.citations))]
    cited: dict[tuple[str, int], tuple[Citation, str]] = {}
    for ans, k in order:
        c = ans.citations[k]
        cited.setdefault((c.doc, c.start), (c, _pieces(ans)[k]))
    chosen = list(cited.values())[:BOTH_CITED]
    text = " ".join(f"{piece} [{k}]" for k, (_, piece) in enumerate(chosen, 1))
    return replace(first, question=question, answer=text, confidence=min(first.confidence, second.confidence),
                   citations=tuple(c for c, _ in chosen), query=f"{first.query} · {second.query}",
                   respelt=tuple(dict.fromkeys(first.respelt + second.respelt)),
                   kind=first.kind if first.kind == second.kind else "search")


def chat(question: str, reply: str) -> Answer:
    """Small talk gets a reply, not a search: nothing to cite, nothing answered (confidence 0)."""
    return Answer(question, reply, False, 0.0, (), (), "", kind="chat")


def shares_a_word(q: Question, hits: list[Hit]) -> bool:
    """Whether one of the passages writes a word the question asks about (not one that only
    frames it: "what", "many", "usually")."""
    asked = set(q.tokens) - framing_tokens(q.search)
    return any(asked & sentence_tokens(h.sentence.text) for h in hits)


def build(index: Index, q: Question, hits: list[Hit], confidence: float, answerable: bool,
          cite_ratio: float, show_nearest: bool = True, several: bool = False) -> Answer:
    """The answer from the ranked hits; a refusal keeps the nearest passages to show, unless
    ``show_nearest`` is False (a question about something else: engine `_near_miss`), and says
    "the documents" when ``several`` were searched."""
    if not answerable or not hits:
        nearest = tuple(cite(index, h) for h in hits[:NEAREST_SHOWN]) if show_nearest else ()
        return Answer(q.text, REFUSAL_DOCUMENTS if several else REFUSAL, False, confidence, (), nearest, q.search, q.respelt)
    chosen = choose(hits, q, cite_ratio)
    return Answer(q.text, answer_text(index, chosen), True, confidence,
                  tuple(cite(index, h, q if k == 0 else None) for k, h in enumerate(chosen)), (), q.search,
                  q.respelt)
