"""Loading a corpus folder into Documents (no model)."""
import logging

import pytest

import qa.corpus
from conftest import ARTICLE, ARTICLE_ID
from qa.corpus import load_corpus, load_document, title_from_id
from qa.segment import segment


def write(folder, name, data):
    p = folder / name
    if isinstance(data, str):
        p.write_text(data, encoding="utf-8")
    else:
        p.write_bytes(data)
    return p


def ids(docs):
    return [d.id for d in docs]


def test_loads_txt_and_md_ignores_other_files(tmp_path):
    write(tmp_path, "alpha.txt", "Alpha is first. It has two sentences.")
    write(tmp_path, "beta.md", "Beta is written in Markdown.")
    write(tmp_path, "gamma.json", '{"not": "a document"}')
    write(tmp_path, "delta.csv", "a,b\n1,2\n")
    write(tmp_path, "epsilon.txt.bak", "A backup copy.")
    write(tmp_path, "README", "No extension at all.")
    write(tmp_path, ".hidden.txt", "Hidden files are not documents.")
    write(tmp_path, ".notes.md", "Neither are hidden Markdown files.")
    (tmp_path / "folder.txt").mkdir()  # a directory with a document-like name
    (tmp_path / "folder.txt" / "inner.txt").write_text("Not at the top level.")
    docs = load_corpus(tmp_path)
    assert sorted(ids(docs)) == ["alpha", "beta"]
    by_id = {d.id: d for d in docs}
    assert by_id["alpha"].text == "Alpha is first. It has two sentences."
    assert by_id["beta"].text == "Beta is written in Markdown."
    assert by_id["alpha"].path.endswith("alpha.txt")


def test_suffix_case_insensitive(tmp_path):
    write(tmp_path, "Upper.TXT", "Upper-case suffixes count too.")
    write(tmp_path, "notes.Md", "So do mixed-case ones.")
    assert sorted(ids(load_corpus(tmp_path))) == ["Upper", "notes"]


def test_id_is_stem_and_order_is_stable(tmp_path):
    for name in ("b-second.txt", "a-first.md", "c.third.txt"):
        write(tmp_path, name, f"Content of {name}.")
    assert ids(load_corpus(tmp_path)) == ["a-first", "b-second", "c.third"]
    assert ids(load_corpus(tmp_path)) == ids(load_corpus(tmp_path))


def test_article_document():
    doc = load_document(ARTICLE)
    assert doc.id == ARTICLE_ID
    assert doc.date == "2025-07-28"
    assert doc.title == "China AI Alliances WAIC"
    assert doc.text == ARTICLE.read_bytes().decode("utf-8")  # verbatim, offsets index this text


@pytest.mark.parametrize("text, date", [
    ("date 2024-03-05 The story begins. It goes on.", "2024-03-05"),
    ("date: 2024-03-05\nThe story begins.", "2024-03-05"),
    ("Date 2024-03-05 The story begins.", "2024-03-05"),
    ("published: 2023-12-31\nThe story begins.", "2023-12-31"),
    ("The story begins on date 2024-03-05 somewhere in the middle.", None),
    ("No metadata at all.", None),
])
def test_date_metadata(tmp_path, text, date):
    write(tmp_path, "doc.txt", text)
    (doc,) = load_corpus(tmp_path)
    assert doc.date == date


def test_title_from_front_matter(tmp_path):
    write(tmp_path, "some-file.txt", "title: The Real Title\nBody text here. More body.")
    (doc,) = load_corpus(tmp_path)
    assert doc.title == "The Real Title"


def test_title_from_first_heading_line(tmp_path):
    write(tmp_path, "x.txt", "Super Bowl 50\nSuper Bowl 50 was an American football game.")
    (doc,) = load_corpus(tmp_path)
    assert doc.title == "Super Bowl 50"


@pytest.mark.parametrize("text, title", [
    ("Dr. Helena Varga: A Life in Soil Science\n\nHelena Varga was born in 1947.", "Dr. Helena Varga: A Life in Soil Science"),
    ("Brookfield Community Health Center\nSeasonal Flu Vaccination: What You Need to Know\n\nThis leaflet explains it.",
     "Brookfield Community Health Center"),
    # a press release's title over its dateline, the text on the next line (a hunt found it titled "Norvane Release")
    ("Norvane Systems Joins Offshore Hydrogen Consortium\nPRESS RELEASE — Delcastle, 2 June 2025\n"
     "Norvane Systems today announced that it has joined the alliance.\n", "Norvane Systems Joins Offshore Hydrogen Consortium"),
])
def test_title_lines_as_people_write_them(tmp_path, text, title):
    """A title with a subtitle after a colon, or a name's "Dr.", was read as a sentence: the
    title came from the file name and the line was cited as if it were text."""
    write(tmp_path, "x.txt", text)
    (doc,) = load_corpus(tmp_path)
    assert doc.title == title


def test_title_from_markdown_heading(tmp_path):
    write(tmp_path, "x.md", "# My Title\n\nSome text here.")
    (doc,) = load_corpus(tmp_path)
    assert doc.title == "My Title"


@pytest.mark.parametrize("stem, title", [
    ("2025-07-28-china-ai-alliances-waic", "China AI Alliances WAIC"),
    ("plain", "Plain"),
    ("2024-01-01_state-of-the-nation", "State of the Nation"),
    ("2024-01-01", "2024-01-01"),
])
def test_title_from_id(stem, title):
    assert title_from_id(stem) == title


@pytest.mark.parametrize("stem, text, title", [
    ("alpha-corp", "Alpha Corp opened a factory in Lyon.", "Alpha Corp"),  # was "Alpha CORP"
    ("beta-river", "The Beta River floods every spring.", "Beta River"),
    ("rice-farming", "Farmers plant rice after the floods.", "Rice Farming"),
    ("nasa-moon-plan", "NASA plans a return to the Moon; NASA says 2027.", "NASA Moon Plan"),
    ("2025-07-28-china-ai-alliances-waic", "China's AI firms met at the World AI Conference.", "China AI Alliances WAIC"),
    # a file name with capitals was cased by whoever named it ("French and indian war" before)
    ("French and Indian War", "The war began in 1754.", "French and Indian War"),
    ("Meeting notes – Zürich office", "Anna chaired.", "Meeting notes – Zürich office"),
    ("iPhone 15 review", "The iPhone 15 is fast.", "iPhone 15 review"), ("2025-01-01-iOS-update", "", "iOS update"),
])
def test_title_from_id_writes_words_as_the_document_does(stem, text, title):
    assert title_from_id(stem, text) == title


def test_empty_and_whitespace_files_skipped_with_warning(tmp_path, caplog):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", "  \n\t\n ")
    write(tmp_path, "real.txt", "A real document.")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        docs = load_corpus(tmp_path)
    assert ids(docs) == ["real"]
    assert "empty.txt" in caplog.text and "blank.md" in caplog.text


def test_binary_file_skipped_with_warning(tmp_path, caplog):
    write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    write(tmp_path, "real.txt", "A real document.")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        docs = load_corpus(tmp_path)
    assert ids(docs) == ["real"]
    assert "image.txt" in caplog.text


def test_latin1_and_cp1252_decoded(tmp_path):
    write(tmp_path, "latin.txt", "Café résumé, naïve façade.".encode("latin-1"))
    write(tmp_path, "cp.txt", "He said “hello” — twice.".encode("cp1252"))
    by_id = {d.id: d for d in load_corpus(tmp_path)}
    assert by_id["latin"].text == "Café résumé, naïve façade."
    assert by_id["cp"].text == "He said “hello” — twice."


def test_utf8_bom_stripped(tmp_path):
    write(tmp_path, "bom.txt", "\ufeffdate 2024-02-02 Text after a BOM.".encode("utf-8"))
    (doc,) = load_corpus(tmp_path)
    assert not doc.text.startswith("\ufeff")
    assert doc.date == "2024-02-02"


def test_duplicate_content_skipped(tmp_path, caplog):
    write(tmp_path, "one.txt", "The same words in two files.")
    write(tmp_path, "two.txt", "The same words in two files.")
    write(tmp_path, "three.txt", "Different words.")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        docs = load_corpus(tmp_path)
    assert ids(docs) == ["one", "three"]
    assert "two.txt" in caplog.text


def test_duplicate_id_skipped(tmp_path, caplog):
    write(tmp_path, "story.md", "The Markdown version.")
    write(tmp_path, "story.txt", "The text version.")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        docs = load_corpus(tmp_path)
    assert ids(docs) == ["story"]
    assert "story.md" in caplog.text
    # the .txt is the one kept, whatever the file-name order: a citation's doc names it
    assert docs[0].text == "The text version." and docs[0].path.endswith("story.txt")


def test_the_text_file_is_indexed_when_a_markdown_file_has_its_id(tmp_path):
    from qa.index import build_index

    (tmp_path / "c").mkdir()
    write(tmp_path / "c", "notes.md", "The ship sailed south in 1850.")
    write(tmp_path / "c", "notes.txt", "Meeting notes. The ship sailed north in 1851.")
    write(tmp_path / "c", "notes-b.txt", "Other notes.")
    assert [p.name for p in qa.corpus.corpus_files(tmp_path / "c")] == ["notes-b.txt", "notes.txt", "notes.md"]
    idx = build_index(tmp_path / "c", tmp_path / "i", progress=False)
    assert idx.by_id["notes"].text == "Meeting notes. The ship sailed north in 1851."
    assert idx.skipped("notes") == "notes.md was left out of the index: the id 'notes' is notes.txt's"
    assert [s.text for s in idx.sentences if s.doc == "notes"][-1] == "The ship sailed north in 1851."


def test_a_symlink_loop_is_skipped_not_fatal(tmp_path, caplog):
    write(tmp_path, "story.txt", "The text version.")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        docs = load_corpus(tmp_path)
    assert ids(docs) == ["story"]
    assert "loop.txt" in caplog.text


def test_oversized_file_skipped(tmp_path, monkeypatch, caplog):
    monkeypatch.setattr(qa.corpus, "MAX_FILE_BYTES", 100)
    write(tmp_path, "big.txt", "Words. " * 50)
    write(tmp_path, "small.txt", "Small.")
    with caplog.at_level(logging.WARNING, logger="qa.corpus"):
        assert ids(load_corpus(tmp_path)) == ["small"]
    assert "big.txt" in caplog.text


def test_missing_folder_raises(tmp_path):
    with pytest.raises(FileNotFoundError):
        load_corpus(tmp_path / "nope")


def test_empty_folder_gives_no_documents(tmp_path):
    assert load_corpus(tmp_path) == []


FRONT_MATTER_DOC = """---
title: "The Robot Shop"
date: 2024-05-01T10:00:00Z
tags: [robots, news]
layout: post
---

The robot costs 16,000 dollars. It was built in Oslo.
"""


def test_yaml_front_matter_gives_title_and_date_and_is_not_text(tmp_path):
    """Jekyll/Hugo/Obsidian notes: the block between the "---" lines is metadata; its other keys
    (tags, layout) and the "---" lines are neither sentences nor a title."""
    write(tmp_path, "post.md", FRONT_MATTER_DOC)
    (d,) = load_corpus(tmp_path)
    assert d.title == "The Robot Shop" and d.date == "2024-05-01"
    sents = segment(d)
    assert [s.text for s in sents if s.kind == "meta"] == ['title: "The Robot Shop"', "date: 2024-05-01T10:00:00Z"]
    assert [s.text for s in sents if s.kind != "meta"] == ["The robot costs 16,000 dollars.", "It was built in Oslo."]
    assert all(d.text[s.start:s.end] == s.text for s in sents)


def test_a_rule_line_that_does_not_open_front_matter_is_not_cited(tmp_path):
    write(tmp_path, "notes.md", "---\nThe first line of text. Another one.\n")
    (d,) = load_corpus(tmp_path)
    assert [s.text for s in segment(d)] == ["The first line of text.", "Another one."]


def test_a_markdown_rule_at_the_top_is_no_front_matter():
    from qa.corpus import read_metadata

    text = "---\n\nThe newsletter is out. Read it now.\n\n---\n\nMore news below.\n"
    assert read_metadata(text) == ([], 0)  # its text stays text
    items, body = read_metadata("---\ntitle: Notes\ntags:\n  - a\n---\nBody.\n")
    assert [k for k, *_ in items] == ["title"] and body == len("---\ntitle: Notes\ntags:\n  - a\n---\n")


@pytest.mark.parametrize("text", ["# Garden Notes\n\ndate 2024-05-02\n\nThe tomatoes were planted in May. They need water.\n",
                                  "Garden Notes\n\ndate: 2024-05-02\nauthor: Ann Lee\n\nThe tomatoes were planted in May. They need water.\n",
                                  # the date line right under the title: it was read with the title as one sentence
                                  "Garden Notes\ndate 2024-05-02\n\nThe tomatoes were planted in May. They need water.\n"])
def test_a_date_line_under_the_title_is_the_documents_date(tmp_path, text):
    """Not a heading of the text: the date; the title stays the title and heads the text."""
    (tmp_path / "notes.md").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "notes.md")
    sents = segment(doc)
    assert doc.date == "2024-05-02" and doc.title == "Garden Notes"
    story = [s for s in sents if s.kind == "text"]
    assert [s.text for s in story] == ["The tomatoes were planted in May.", "They need water."]
    assert all(s.section in ("Garden Notes", "") for s in story)
    assert all(doc.text[s.start:s.end] == s.text for s in sents)
    assert [s.text for s in sents if s.kind == "meta"][0].endswith("2024-05-02")


def test_a_headline_with_a_comma_over_a_date_line_is_the_title(tmp_path):
    (tmp_path / "swim.txt").write_text("Nadia Vos, the postwoman who swam the North Channel\ndate 2025-09-02\n\n"
                                       "At 4:12 a.m. on 23 August, Nadia Vos stepped into the sea.\n", encoding="utf-8")
    doc = load_document(tmp_path / "swim.txt")
    assert doc.title == "Nadia Vos, the postwoman who swam the North Channel" and doc.date == "2025-09-02"
    assert [(s.kind, s.text) for s in segment(doc)] == [
        ("meta", "date 2025-09-02"), ("text", "At 4:12 a.m. on 23 August, Nadia Vos stepped into the sea.")]


_STORY = "The first sentence of the story is here. The second one follows it.\n"


@pytest.mark.parametrize("top, title, date, author", [
    ("Halcyon X2 review: great noise cancelling, so-so microphones\nBy Kenji Watanabe | March 2, 2026\n\n",
     "Halcyon X2 review: great noise cancelling, so-so microphones", "2026-03-02", "Kenji Watanabe"),
    ("Bank of England holds rates at 3.75% as inflation cools\nBy Jane Marsh\n3 March 2026 | 07:15 GMT\n\n",
     "Bank of England holds rates at 3.75% as inflation cools", "2026-03-03", "Jane Marsh"),
    ("Why Your Phone Battery Dies Faster in the Cold\nPublished 14 May 2026 · 4 min read\n\n",
     "Why Your Phone Battery Dies Faster in the Cold", "2026-05-14", None),
    ("City Bike Share: Frequently Asked Questions\nLast updated: January 5, 2026\n\n",
     "City Bike Share: Frequently Asked Questions", "2026-01-05", None),
    ("Fire at Elm St. bakery, no injuries reported\ndate 2026-04-09\n\n",
     "Fire at Elm St. bakery, no injuries reported", "2026-04-09", None),
    ("February 11, 2026\n\n", "Story", "2026-02-11", None),
])
def test_a_headline_over_its_byline_and_date_line(tmp_path, top, title, date, author):
    """News sites' and blogs' tops: the headline is the title (a colon, a decimal point or "St."
    in it), "By …" the author, a date written out the date; none of them a sentence."""
    from qa.segment import meta_item

    (tmp_path / "story.txt").write_text(top + _STORY, encoding="utf-8")
    doc = load_document(tmp_path / "story.txt")
    sents = segment(doc)
    assert (doc.title, doc.date) == (title, date)
    meta = {meta_item(s)[0].lower(): meta_item(s)[1] for s in sents if s.kind == "meta"}
    assert meta.get("author") == author and "date" in meta
    assert [s.text for s in sents if s.kind == "text"] == ["The first sentence of the story is here.", "The second one follows it."]
    assert all(doc.text[s.start:s.end] == s.text for s in sents)


@pytest.mark.parametrize("text", ["By Friday, contractors had left the site.\n\nThe road reopened.\n",
                                  "The council met on Tuesday. It voted\ndate 2024-05-02\n\nThe road reopened.\n"])
def test_no_byline_or_title_where_there_is_none(tmp_path, text):
    (tmp_path / "story.txt").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "story.txt")
    assert doc.title == "Story" and not any(s.kind == "meta" and s.text.startswith("By") for s in segment(doc))


def test_a_long_first_line_is_no_title_for_metadata():
    from qa.corpus import read_metadata

    assert read_metadata("The council met on Tuesday and voted.\n\ndate 2024-05-02\n") == ([], 0)


@pytest.mark.parametrize("text, items", [
    ("# Garden Notes\ndate 2024-05-02\n\nThe tomatoes were planted in May.\n", [("date", "2024-05-02")]),
    ("Harbour Council Notes\r\nAuthor: Jane Marsh\r\n\r\nThe council met.\r\n", [("author", "Jane Marsh")]),
    ("Garden Notes\n\ndate 2024-05-02\n\nAuthor: Sam Reed\n\nThe tomatoes were planted.\n",
     [("date", "2024-05-02"), ("author", "Sam Reed")]),
    # text, not metadata: an interview's answer, a survey's finding, a glossary's entry, a glued paragraph
    ("An interview with a lighthouse keeper\n\nAuthor: I have kept the Skarra light for thirty years.\n", []),
    ("Unemployment in Norrvik\n\nSource: the regional statistics office surveyed 4,000 households in May.\n", []),
    ("River words\n\nSource: the place where a river begins.\n", []),
    ("Garden Notes\ndate 2024-05-02 The tomatoes were planted in May.\n", []),
])
def test_metadata_lines_and_text_that_looks_like_them(text, items):
    from qa.corpus import read_metadata

    assert [(k, v) for k, v, _, _ in read_metadata(text)[0]] == items


@pytest.mark.parametrize("top", ["Title Here\n" + "By Jane Marsh | " * 50_000 + "\n\n", "3 March 2026 | " * 50_000 + "\n\n"])
def test_a_top_of_endless_metadata_is_read_quickly(top):
    """A line of 50,000 bylines took minutes (each item looked to its line's end); a top holds
    at most 20 metadata items, the rest is text."""
    import time

    from qa.corpus import read_metadata

    t = time.perf_counter()
    items, _ = read_metadata(top + "The story.\n")
    assert time.perf_counter() - t < 5 and len(items) <= 20
