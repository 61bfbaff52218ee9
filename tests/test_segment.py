"""Segmentation: sentences with exact offsets, metadata apart, headings as sections (no model)."""
import gzip
import json
import re
import time

import pytest

from conftest import ARTICLE, ARTICLE_ID, SQUAD_DEV
from qa.corpus import load_document
from qa.segment import segment, split_sentences
from qa.types import Document

HEADINGS = (
    "Huawei unveils Nvidia rival as China clusters chip power",
    "Tech giants pivot to AI wearables, digital avatars",
    "Strategic shift amid US tech sanctions",
)


@pytest.fixture(scope="module")
def article():
    return load_document(ARTICLE)


@pytest.fixture(scope="module")
def sentences(article):
    return segment(article)


def pieces(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def doc(text: str, doc_id: str = "d") -> Document:
    return Document(id=doc_id, title="T", text=text)


# ---------------------------------------------------------------- the article

def test_article_counts(sentences):
    kinds = [s.kind for s in sentences]
    assert kinds.count("text") == 21, [s.text for s in sentences if s.kind == "text"]
    assert kinds.count("meta") == 1
    assert len(sentences) == 22


def test_article_metadata_sentence(article, sentences):
    meta = [s for s in sentences if s.kind == "meta"]
    assert [s.text for s in meta] == ["date 2025-07-28"]
    assert article.date == "2025-07-28"
    assert article.id == ARTICLE_ID


def test_first_story_sentence_not_glued_to_metadata(sentences):
    first = next(s for s in sentences if s.kind == "text")
    assert first.text.startswith("Chinese artificial intelligence firms")
    assert "2025-07-28" not in first.text
    assert all("date 2025" not in s.text for s in sentences if s.kind == "text")


def test_offsets_invariant(article, sentences):
    for s in sentences:
        assert article.text[s.start:s.end] == s.text
        assert s.text == s.text.strip() and s.text
        assert s.doc == article.id
    assert [s.i for s in sentences] == list(range(len(sentences)))
    starts = [s.start for s in sentences]
    assert starts == sorted(starts), "sentences are in reading order"
    for a, b in zip(sentences, sentences[1:]):
        assert a.end <= b.start, f"overlap: {a.text!r} / {b.text!r}"


def test_headings_are_sections_not_sentences(article, sentences):
    texts = [s.text for s in sentences]
    for h in HEADINGS:
        assert h in article.text
        assert h not in texts
        assert all(h not in t for t in texts), f"heading {h!r} glued into a sentence"
    sections = [s.section for s in sentences if s.kind == "text"]
    assert set(sections) == {"", *HEADINGS}
    # the story before the first heading has no section; each heading covers what follows it
    by_section = {h: [s.text for s in sentences if s.section == h] for h in HEADINGS}
    assert by_section[HEADINGS[0]][0].startswith("Huawei took centre stage")
    assert any("128 of its C550 chips" in t for t in by_section[HEADINGS[0]])
    assert by_section[HEADINGS[1]][0].startswith("The conference also spotlighted AI consumer tech")
    assert any(t.startswith("Its AI cloning tool") for t in by_section[HEADINGS[1]])
    assert by_section[HEADINGS[2]][0].startswith("Beijing’s AI industry push")
    assert by_section[HEADINGS[2]][-1].startswith("As per Reuters")
    assert next(s for s in sentences if s.kind == "text").section == ""
    # sections only ever move forward through the headings
    order = [h for h in [""] + list(HEADINGS)]
    seen = [order.index(s.section) for s in sentences if s.kind == "text"]
    assert seen == sorted(seen)


def test_article_sentences_cover_story_text(article, sentences):
    """Every non-space character of the article is in a sentence, a heading or the metadata."""
    covered = bytearray(len(article.text))
    for s in sentences:
        covered[s.start:s.end] = b"\x01" * (s.end - s.start)
    for h in HEADINGS:
        k = article.text.index(h)
        covered[k:k + len(h)] = b"\x01" * len(h)
    lost = "".join(ch for ch, c in zip(article.text, covered) if not c and not ch.isspace())
    assert lost == ""


def test_article_tricky_sentences_intact(sentences):
    texts = [s.text for s in sentences]
    # curly quote ending inside the sentence, em-dash inside a sentence
    assert any(t.startswith("Zhao Lidong, CEO of Enflame") and t.endswith("infrastructure.”") for t in texts)
    assert any("Enflame—all of whom have faced US sanctions" in t and t.endswith("semiconductors.") for t in texts)
    assert any(t.startswith("Tencent introduced its Hunyuan3D World Model 1.0, an open-source tool") for t in texts)
    assert any(t.startswith("Meanwhile, Baidu showcased a new “digital human” technology") for t in texts)


# ---------------------------------------------------------------- split_sentences on hard cases

@pytest.mark.parametrize("text, expected", [
    ("The U.S. government said so. Apple Inc. reported growth of 2.5 percent.",
     ["The U.S. government said so.", "Apple Inc. reported growth of 2.5 percent."]),
    ("He works for Acme Inc. in the U.S. and likes it.",
     ["He works for Acme Inc. in the U.S. and likes it."]),
    ("Dr. Smith arrived at 3 p.m. on Monday. He left later.",
     ["Dr. Smith arrived at 3 p.m. on Monday.", "He left later."]),
    ("The meeting at 3 p.m. was short.", ["The meeting at 3 p.m. was short."]),
    ("Shares rose 3.75% to $12.50 on Friday. Analysts cheered.",
     ["Shares rose 3.75% to $12.50 on Friday.", "Analysts cheered."]),
    ("The firm—founded in 2010—grew fast. It now employs 2.5 thousand people.",
     ["The firm—founded in 2010—grew fast.", "It now employs 2.5 thousand people."]),
    ("He said “it works.” Then he left.", ["He said “it works.”", "Then he left."]),
    ('He said "it works." Then he left.', ['He said "it works."', "Then he left."]),
    ("She called it “a ‘breakthrough’ for the field” and moved on. Nobody objected.",
     ["She called it “a ‘breakthrough’ for the field” and moved on.", "Nobody objected."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("Version 1.0 ships today.", ["Version 1.0 ships today."]),
    # circa and friends before a number, and a lower-case word, never start a sentence (SQuAD's
    # Warsaw and Rhine articles); a number after a real sentence end, or "iPhone", can
    ("In 1939, c. 1,300,000 people lived in Warsaw, but in 1945 only 420,000. The city grew.",
     ["In 1939, c. 1,300,000 people lived in Warsaw, but in 1945 only 420,000.", "The city grew."]),
    ("The population amounted to ca. 2 million at that time. It grew.",
     ["The population amounted to ca. 2 million at that time.", "It grew."]),
    ("It consumes approx. 4 kg of steam per kWh. That is a lot.",
     ["It consumes approx. 4 kg of steam per kWh.", "That is a lot."]),
    ("Some usages differ, e.g. the function f on the real numbers. Others agree.",
     ["Some usages differ, e.g. the function f on the real numbers.", "Others agree."]),
    ("The towers collapsed. 7 World Trade Center collapsed later.",
     ["The towers collapsed.", "7 World Trade Center collapsed later."]),
    ("Sales fell in 2006. iPhone sales rose in 2007.", ["Sales fell in 2006.", "iPhone sales rose in 2007."]),
])
def test_split_sentences_hard_cases(text, expected):
    assert pieces(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("The line was written by Omar.\u202c", ["The line was written by Omar.\u202c"]),  # pysbd made "\u202c" a sentence
    ("It was reserved for white children. .", ["It was reserved for white children. ."]),
    # a quotation closing where it did not open (SQuADShifts' articles): pysbd gave the mark to the next sentence
    ("It can lead to local efficiency and development.\u201d Columbia University identified one.",
     ["It can lead to local efficiency and development.\u201d", "Columbia University identified one."]),
    ('It opened with a prayer meeting. Some 150 persons were present." The present location dates to 1909.',
     ["It opened with a prayer meeting.", 'Some 150 persons were present."', "The present location dates to 1909."]),
    ("\u2026 And so it ends.", ["\u2026 And so it ends."]),
    ("\u2026 \u2014", []),
])
def test_a_mark_is_no_sentence_of_its_own(text, expected):
    """A citation is never just a mark, nor starts with the one closing the sentence before: a
    span with no letter or digit joins a sentence, a closing quotation mark the one it closes."""
    assert pieces(text) == expected


@pytest.mark.parametrize("text", [
    "  Leading spaces. And trailing ones.   ",
    "Tabs\tinside.\tAnd more.",
    "One sentence without a full stop",
    "Ünïcödé façade — naïve café. 中文句子。Next one.",
    "Ellipsis… then more. End.",
    "\u200e\u202eThe reversed line was written by Omar.\u202c",
    "… And so it ends. .",
    "",
    "   ",
])
def test_split_sentences_offsets_are_exact(text):
    spans = split_sentences(text)
    for a, b in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        assert b1 <= a2
    lost = "".join(ch for k, ch in enumerate(text) if not ch.isspace() and not any(a <= k < b for a, b in spans))
    assert lost == ""


def test_segment_document_with_quotes_and_abbreviations():
    text = ("Title line here\n\n"
            "Dr. Li of Acme Inc. said “it works.” Then the U.S. team agreed at 4 p.m. on Monday.\n"
            "Output rose 2.5 percent—a record.\n")
    sents = segment(doc(text))
    assert [s.text for s in sents] == [
        "Dr. Li of Acme Inc. said “it works.”",
        "Then the U.S. team agreed at 4 p.m. on Monday.",
        "Output rose 2.5 percent—a record.",
    ]
    assert all(s.section == "Title line here" for s in sents)
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert sents[0].para == sents[1].para != sents[2].para


def test_segment_single_line_document_is_not_a_heading():
    sents = segment(doc("Short line without punctuation"))
    assert [s.text for s in sents] == ["Short line without punctuation"]


def test_segment_crlf_document_offsets():
    text = "First heading\r\n\r\nOne sentence here. Another one.\r\nA second paragraph.\r\n"
    sents = segment(doc(text))
    assert [s.text for s in sents] == ["One sentence here.", "Another one.", "A second paragraph."]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert all(s.section == "First heading" for s in sents)


def test_segment_metadata_variants():
    text = "date: 2024-01-02\nThe story starts here. It ends here."
    sents = segment(doc(text))
    assert sents[0].kind == "meta" and sents[0].text == "date: 2024-01-02"
    assert [s.text for s in sents[1:]] == ["The story starts here.", "It ends here."]
    assert all(text[s.start:s.end] == s.text for s in sents)


# ---------------------------------------------------------------- SQuAD paragraphs

def _squad_articles(n: int):
    if not SQUAD_DEV.exists():
        pytest.skip(f"{SQUAD_DEV} not present")
    with gzip.open(SQUAD_DEV, "rt", encoding="utf-8") as fh:
        return json.load(fh)["data"][:n]


def test_squad_paragraphs_offsets_and_coverage():
    articles = _squad_articles(3)
    n_par = n_sent = 0
    for art in articles:
        for k, par in enumerate(art["paragraphs"]):
            text = par["context"]
            sents = segment(doc(text, f"{art['title']}-{k}"))
            assert sents, f"no sentences in {art['title']} paragraph {k}"
            covered = bytearray(len(text))
            for s in sents:
                assert text[s.start:s.end] == s.text, (art["title"], k, s)
                assert s.text.strip() == s.text and s.text
                covered[s.start:s.end] = b"\x01" * (s.end - s.start)
            for a, b in zip(sents, sents[1:]):
                assert a.end <= b.start
            lost = "".join(ch for ch, c in zip(text, covered) if not c and not ch.isspace())
            assert lost == "", f"{art['title']} paragraph {k} lost {lost!r}"
            n_par += 1
            n_sent += len(sents)
    assert n_par > 50 and n_sent > n_par


def test_squad_sentences_are_reasonable():
    """No paragraph collapses into one giant sentence, and no sentence is a lone fragment like 'U.S.'."""
    articles = _squad_articles(3)
    for art in articles:
        for par in art["paragraphs"]:
            text = par["context"]
            spans = split_sentences(text)
            n_stops = len(re.findall(r"[.!?](?:\s+[A-Z]|\s*$)", text))
            if n_stops >= 4:
                assert len(spans) >= 2, text[:200]
            for a, b in spans:
                assert len(text[a:b]) >= 3 or b == len(text.rstrip()), repr(text[a:b])


def test_markdown_list_items_are_not_lost():
    text = ("# Results\n\n"
            "Intro paragraph here. It has sentences.\n\n"
            "- Revenue grew 5 percent in 2024\n"
            "- Profit fell to 2 million dollars\n")
    sents = segment(doc(text))
    texts = [s.text for s in sents]
    assert any("Revenue grew 5 percent in 2024" in t for t in texts), texts
    assert any("Profit fell to 2 million dollars" in t for t in texts), texts
    assert all(text[s.start:s.end] == s.text for s in sents)


@pytest.mark.parametrize("text", [
    "The benchmark numbers are listed here...[484 216 622 139 651 592 379 228]",
    "See the ids.[289852000000260698,289852000",
    "Raw digits.[" + "2898520" * 4 + "] And a last sentence.",
])
def test_digit_runs_in_brackets_after_a_full_stop_split_in_milliseconds(text):
    """pysbd's numbered-reference regex backtracks exponentially here (pySBD #79): without the
    guard each of these takes seconds, and each more digit multiplies that (`qa index` hung for
    hours on such a paragraph)."""
    t0 = time.perf_counter()
    spans = split_sentences(text)
    assert time.perf_counter() - t0 < 1.0
    assert spans and all(text[a:b] == text[a:b].strip() for a, b in spans)
    covered = "".join(text[a:b] for a, b in spans)
    assert covered.replace(" ", "") == text.replace(" ", "")


def test_short_references_after_a_full_stop_keep_their_split():
    assert pieces("He said this.[12, 13] Then more.") == ["He said this.[12, 13]", "Then more."]


def test_markdown_layout_lines_are_neither_sentences_nor_headings():
    """Rules, table separators and code blocks are layout; a table's header row labels its rows
    (no sentence); a row is text between its outer pipes, not a heading."""
    text = ("# The robot shop\n\n"
            "The robot costs 16,000 dollars.\n\n"
            "| model | price |\n|---|---:|\n| R1 | 16,000 |\n\n"
            "```python\nprint(\"The secret code is 42.\")\n```\n\n"
            "***\n\n"
            "Last paragraph here.\n")
    sents = segment(doc(text))
    assert [s.text for s in sents] == ["The robot costs 16,000 dollars.", "R1 | 16,000", "Last paragraph here."]
    assert {s.section for s in sents} == {"The robot shop"}
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_a_huge_line_without_sentence_ends_is_cut_between_words():
    """A 100,000-character line with no sentence end (a list of figures, unpunctuated text) is
    cut into bounded pieces at spaces, never inside a word."""
    text = " ".join(f"w{i:05d}" for i in range(14_000))
    spans = split_sentences(text)
    assert len(spans) > 1 and max(b - a for a, b in spans) <= 16_000
    for a, b in spans:
        assert (a == 0 or text[a - 1] == " ") and (b == len(text) or text[b] == " "), (text[a - 5:a + 5], text[b - 5:b + 5])


# ---------------------------------------------------------------- paragraphs as a reader sees them

def test_hard_wrapped_prose_is_one_paragraph_split_across_line_ends():
    text = ("Product Manual\r\n\r\n"
            "The X200 blender has three speeds and a pulse button. The jug holds\r\n"
            "1.5 litres and is dishwasher safe.\r\n\r\n"
            "Warning: never run the blender empty for more than 10 seconds, as this\r\n"
            "can damage the motor.\r\n\r\n"
            "The warranty lasts two years from the date of purchase\r\n")
    sents = segment(doc(text))
    assert [s.text.replace("\r\n", " ") for s in sents] == [
        "The X200 blender has three speeds and a pulse button.",
        "The jug holds 1.5 litres and is dishwasher safe.",
        "Warning: never run the blender empty for more than 10 seconds, as this can damage the motor.",
        "The warranty lasts two years from the date of purchase",  # the last line: nothing under it to head
    ]
    assert all(text[s.start:s.end] == s.text for s in sents)
    assert [s.para for s in sents] == [0, 0, 1, 2] and {s.section for s in sents} == {"Product Manual"}


def test_the_article_hard_wrapped_keeps_its_sentences(article, sentences):
    """The article wrapped at 72 columns: the same sentences, with line ends inside them."""
    import textwrap

    body = article.text
    wrapped = "\n".join(textwrap.fill(line, 72, break_on_hyphens=False) if line else "" for line in body.split("\n"))
    again = segment(Document(id=article.id, title=article.title, text=wrapped))
    assert [re.sub(r"\s+", " ", s.text) for s in again] == [re.sub(r"\s+", " ", s.text) for s in sentences]
    assert [s.section for s in again] == [s.section for s in sentences]
    assert all(wrapped[s.start:s.end] == s.text for s in again)


def test_one_paragraph_a_line_stays_so():
    text = "Title\n\nThe meeting started at nine in the morning sharp.\nBob presented the budget for next year.\n"
    assert [s.para for s in segment(doc(text))] == [0, 1]


@pytest.mark.parametrize("text, expected", [
    # a heading right above its text
    ("Guest Wi-Fi\nThe guest network password is sunflower42. Ask at the desk.\n",
     ["The guest network password is sunflower42.", "Ask at the desk."]),
    # a title, then a single short line: the line is the document's text, not a heading of nothing
    ("Guest Wi-Fi\n\nThe guest network password is sunflower42\n", ["The guest network password is sunflower42"]),
    # lines that say something are no headings
    ("Minutes\n\nAttendees: Ana, Bruno, Chen\n\nTOM: I'd like to propose that we delay the decision until June\n\n"
     "The meeting ended at noon.\n",
     ["Attendees: Ana, Bruno, Chen", "TOM: I'd like to propose that we delay the decision until June",
      "The meeting ended at noon."]),
    ("Notes\n\nRead the full results at https://example.com/results\n\nThat is all.\n",
     ["Read the full results at https://example.com/results", "That is all."]),
    # a title's own marks: a name's title, a subtitle in title case after a colon
    ("Dr. Helena Varga: A Life in Soil Science\n\nShe was born in 1947. She died in 2019.\n",
     ["She was born in 1947.", "She died in 2019."]),
    ("LumaPod Sunrise Alarm: Frequently Asked Questions\n\nWhat is the LumaPod?\n\nIt is a bedside alarm clock.\n",
     ["What is the LumaPod?", "It is a bedside alarm clock."]),
    # an organisation over its leaflet's title, then a blank line: both are headings
    ("Brookfield Community Health Center\nSeasonal Flu Vaccination: What You Need to Know\n\n"
     "This leaflet explains how to get your flu vaccine.\n", ["This leaflet explains how to get your flu vaccine."]),
    # a title over a dateline over the text, no blank line: the title heads it, the dateline stays text
    ("Norvane Systems Joins Offshore Hydrogen Consortium\nPRESS RELEASE — Delcastle, 2 June 2025\n"
     "Norvane Systems today announced that it has joined the alliance.\n",
     ["PRESS RELEASE — Delcastle, 2 June 2025", "Norvane Systems today announced that it has joined the alliance."]),
    # short lines in a row over the text are no title: a list
    ("Bread\nMilk\nEggs\nButter\nBuy them all before Sunday.\n", ["Bread", "Milk", "Eggs", "Butter", "Buy them all before Sunday."]),
    ("Minutes\n\nNote: the meeting has moved to Friday\n\nThat is all.\n",
     ["Note: the meeting has moved to Friday", "That is all."]),
    # a time zone after a clock time
    ("Support\n\nPhones are open from 8 a.m. to 5 p.m. Pacific Time. Email us any time.\n\nThe lot opens at 7 a.m. "
     "Central parking is free.\n", ["Phones are open from 8 a.m. to 5 p.m. Pacific Time.", "Email us any time.",
                                   "The lot opens at 7 a.m.", "Central parking is free."]),
    # a day or a month after a clock time; a day that opens a sentence of its own does not
    ("Advisory\n\nThe warning runs from 6 p.m. Tuesday, January 14, until noon. Schools will decide by 5 a.m. "
     "Wednesday. The shelter shuts at 7 p.m. Monday is a holiday. It ended at 2 a.m. About 400 left.\n",
     ["The warning runs from 6 p.m. Tuesday, January 14, until noon.", "Schools will decide by 5 a.m. Wednesday.",
      "The shelter shuts at 7 p.m.", "Monday is a holiday.", "It ended at 2 a.m.", "About 400 left."]),
    # Chinese sentence ends
    ("中国茶简介\n\n中国是茶的故乡。绿茶主要产于浙江。\n\n龙井茶\n\n龙井茶产于杭州。\n",
     ["中国是茶的故乡。", "绿茶主要产于浙江。", "龙井茶产于杭州。"]),
])
def test_what_is_a_heading_and_what_is_text(text, expected):
    sents = segment(doc(text))
    assert [s.text for s in sents] == expected
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_code_comments_and_markers_are_not_sentences():
    text = ("# Setup\n\n"
            "<!-- Internal note: staff must park at the Elm Street lot.\nDo not publish. -->\n\n"
            "```bash\n# Do not run this as root.\necho \"The server listens on port 9999.\"\n```\n\n"
            "<details>\n\n"
            "- Download the latest release.\n"
            "- Unpack it and run the installer,\n  which takes a minute.\n\n"
            "> Remember that the office is closed on public holidays, and the building\n"
            "> entrance requires a badge after 18:00.\n\n"
            "</details>\n\n"
            "The server listens on port 8080.\n")
    sents = segment(doc(text))
    assert [re.sub(r"\s*\n\s*>?\s*", " ", s.text) for s in sents] == [
        "Download the latest release.",
        "Unpack it and run the installer, which takes a minute.",
        "Remember that the office is closed on public holidays, and the building entrance requires a badge after 18:00.",
        "The server listens on port 8080.",
    ]
    assert {s.section for s in sents} == {"Setup"}
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_a_code_fence_nobody_closes_does_not_swallow_the_rest():
    text = "# Notes\n\nFirst paragraph here.\n\n```python\nprint(1)\n\nThe rest of the text stays. It has two sentences.\n"
    assert [s.text for s in segment(doc(text))][-2:] == ["The rest of the text stays.", "It has two sentences."]


@pytest.mark.parametrize("text, expected", [
    # lines that each say one thing stay apart (nothing in the document is wrapped)
    ("House rules\nTake the recycling out every Tuesday before eight in the morning\n"
     "The heating is switched off at midnight to save energy costs\n",
     ["House rules", "Take the recycling out every Tuesday before eight in the morning",
      "The heating is switched off at midnight to save energy costs"]),
    # a speaker's line is a line of its own
    ("Minutes\n\nTOM: I'd like to propose that we delay the decision until June\nCHAIR: Noted.\n",
     ["TOM: I'd like to propose that we delay the decision until June", "CHAIR: Noted."]),
    # a stray fence before a real code block hides nothing; an unclosed comment is text
    ("# Notes\n\n```\n\nThe office wifi password is bluebird7.\n\n```bash\nmake deploy\n```\n\nDeploys happen on Tuesdays.\n",
     ["The office wifi password is bluebird7.", "Deploys happen on Tuesdays."]),
    ("Price list\n\nUse <!-- to open an HTML comment.\n\nThe basic plan costs 5 euros per month.\n",
     ["Use <!", "-- to open an HTML comment.", "The basic plan costs 5 euros per month."]),
    # a one-line paragraph that ends in an emoji says something; a "Q:" line without "?" too
    ("Blog\n\nWe shipped the new dashboard last week 🎉\n\nIt loads twice as fast.\n",
     ["We shipped the new dashboard last week 🎉", "It loads twice as fast."]),
    ("FAQ\n\nQ: Which browsers are supported\n\nA: Chrome and Firefox.\n",
     ["Q: Which browsers are supported", "A: Chrome and Firefox."]),
    # a line that starts with its number or year is a line of its own, wrapped lines or not
    ("Company history\n\n2019 Founded in Berlin by Anna Schmidt and two partners from Munich\n"
     "2020 Opened a second office in Paris with twelve engineers on staff\n"
     "2021 Raised 40 million euros in a Series B round led by Atomico\n",
     ["2019 Founded in Berlin by Anna Schmidt and two partners from Munich",
      "2020 Opened a second office in Paris with twelve engineers on staff",
      "2021 Raised 40 million euros in a Series B round led by Atomico"]),
])
def test_lines_of_their_own(text, expected):
    sents = segment(doc(text))
    assert [s.text for s in sents] == expected
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_a_nested_or_wrapped_quote_reads_without_its_markers():
    text = "Policy\n\n> > Remote work is allowed on Mondays, and every employee\n> > must be reachable by phone.\n"
    (s,) = segment(doc(text))
    assert s.text.startswith("Remote work") and text[s.start:s.end] == s.text
    assert re.sub(r"\s*[\r\n]+(?:[ \t]*>)*\s*", " ", s.text) == (  # as the answer text reads it
        "Remote work is allowed on Mondays, and every employee must be reachable by phone.")


@pytest.mark.parametrize("line, text", [
    ("## Results ##", "Results"), ("Early life and education[edit]", "Early life and education"),
    ("**What is in this leaflet**", "What is in this leaflet"),  # a bold line as a heading: no asterisks in its label
    ("## **Side effects**", "Side effects"), ("**a** and **b**", "**a** and **b**"), ("__init__ options", "__init__ options"),
])
def test_a_headings_label_is_its_text_without_markup(line, text):
    from qa.segment import strip_heading_marker

    assert strip_heading_marker(line) == text
