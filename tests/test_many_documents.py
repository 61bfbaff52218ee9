"""A corpus of several documents that say the same kind of thing: the question's names, codes
and the document it names pick the right one (found by a multi-document bug hunt)."""
from __future__ import annotations

import pytest

N1 = ("---\ndate: 2024-03-15\n---\nNimbus unveils N1 accelerator\n\nNimbus Semiconductor unveiled the N1 in Shenzhen on Friday. "
      "The N1 will sell for $6,000 per unit. The company employs about 1,200 people.\n")
N2 = ("---\ndate: 2025-06-02\n---\nNimbus launches N2 chip\n\nNimbus launched the N2 in Beijing on Monday. The N2 carries 96 GB of memory. "
      "The company now employs 2,500 people.\n")
FAQ = ("# Frequently asked questions\n\nQ: How much does the N2 cost?\nA: The list price of the N2 is $12,500 per unit.\n\n"
       "Q: Does the N2 support FP8?\nA: Yes, the N2 supports FP8; the N1 supports only BF16.\n")
ZURICH = "# Meeting notes\n\nThe Zürich office met on Tuesday. Twelve people attended the meeting, chaired by Anna Müller.\n"
SHENZHEN = "# Meeting notes\n\nThe Shenzhen office met on Friday to review yields. Eight people attended, chaired by Wang Lei.\n"


@pytest.fixture(scope="module")
def engine(tmp_path_factory):
    from qa.engine import Engine

    root = tmp_path_factory.mktemp("many")
    corpus = root / "corpus"
    corpus.mkdir()
    for name, text in {"2024-03-15-nimbus-unveils-n1.txt": N1, "2025-06-02-nimbus-launches-n2.txt": N2, "FAQ.md": FAQ,
                       "zurich-meeting.md": ZURICH, "shenzhen-meeting.md": SHENZHEN}.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Engine(corpus, root / "index", progress=False).load()


def test_a_question_about_one_model_is_not_answered_with_another_models_figure(engine):
    ans = engine.ask("How much does the N1 cost?")  # was the FAQ's N2 price, at 0.84
    assert ans.answerable and "$6,000" in ans.citations[0].sentence
    assert not engine.ask("How much does the N3 cost?").answerable  # no N3 anywhere


def test_a_refusal_over_several_documents_says_the_documents(engine):
    """"The article doesn't say." of five documents reads as if one was searched."""
    assert engine.ask("How much does the N3 cost?").answer == "The documents don't say."
    assert engine.ask("¿Cuánto cuesta el N3?").answer == "Los documentos no lo dicen."
    assert engine.ask("N3多少钱？").answer == "这些文档都没有提到。"
    one = engine.ask("How much does the N3 cost?", doc="zurich-meeting")
    assert not one.answerable and one.answer == "The article doesn't say."


def test_a_spanish_question_about_a_model_no_document_has_is_refused(engine):
    """A two-character code was no name in a Spanish question (names of three letters and more
    were), so "N3" was never missed: "¿Dónde se presentó el N3?" was answered with "The company
    now employs 2,500 people." (0.65)."""
    for question in ("¿Dónde se presentó el N3?", "¿Cuánto cuesta el N3?"):
        assert not engine.ask(question).answerable, question
    ans = engine.ask("¿Dónde se presentó el N2?")
    assert ans.answerable and "Beijing" in ans.citations[0].sentence


def test_a_name_in_a_spanish_question_is_read_as_the_text_accents_it(engine):
    """"Zúrich" and "Zurich" for the notes' "Zürich": the English respeller does not read a
    Spanish question, so the name matched no word of the text."""
    import time

    engine.ask("¿Quién es Anna Muller?")  # the documents' words are read in the background
    for _ in range(100):
        if engine._retriever._vocabulary(None) is not None:
            break
        time.sleep(0.1)
    for typed in ("Zurich", "Zúrich"):
        ans = engine.ask(f"¿Cuántas personas asistieron a la reunión de {typed}?")
        assert ans.respelt == ((typed, "Zürich"),) and "Twelve people" in ans.citations[0].sentence
    assert engine.ask("¿Quién es Anna Muller?").respelt == (("Muller", "Müller"),)


def test_a_follow_up_about_a_model_is_not_answered_with_another_models_figure(engine):
    ans = engine.ask("How much does it cost?", ["What is the N1?"])  # "it" is the N1
    assert ans.answerable and "$6,000" in ans.citations[0].sentence


def test_re_reading_keeps_a_sentence_marked_down_for_another_models_name_in_its_place(engine):
    # a hunt's corpus: the re-reading network lifted the FAQ's "Q: How much does the N2 cost?"
    # (marked down by the ranker) over the N1's price, and the FAQ's answer line was cited
    import numpy as np

    from qa.engine import Engine
    from qa.question import parse
    from qa.types import Hit

    index = engine.index
    row = {s.text: r for r, s in enumerate(index.sentences)}
    price, faq = "The N1 will sell for $6,000 per unit.", "Q: How much does the N2 cost?"
    q = parse("How much does it cost?", ["What is the N1?"])
    logits = np.array([-4.9, -5.0], dtype=np.float32)

    def first(penalty: float) -> str:
        hits = [Hit(index.sentences[row[price]], 0.01, {"row": row[price], "penalty": 0.0}),
                Hit(index.sentences[row[faq]], 0.01, {"row": row[faq], "penalty": penalty})]
        return Engine._rerank(index, q, hits, logits)[0].sentence.text

    assert first(penalty=0.0) == faq  # the network alone prefers the question that reads alike
    assert first(penalty=6.0) == price


def test_a_name_picks_the_document_that_mentions_it(engine):
    ans = engine.ask("Who chaired the Shenzhen meeting?")  # was Anna Müller, of the Zürich notes
    assert ans.citations[0].doc == "shenzhen-meeting" and "Wang Lei" in ans.citations[0].sentence


def test_the_document_named_in_the_question_is_searched(engine):
    ans = engine.ask("In the N1 article, how many people does Nimbus employ?")  # was the N2 article's 2,500
    assert ans.citations[0].doc == "2024-03-15-nimbus-unveils-n1" and "1,200" in ans.citations[0].sentence
    assert ans.question == "How many people does Nimbus employ?"  # read without the words naming the article
    same = engine.ask("In the N1 article, how many people does Nimbus employ?", doc="2024-03-15-nimbus-unveils-n1")
    assert same.citations[0].sentence == ans.citations[0].sentence


def test_this_article_is_the_one_the_conversation_is_about(engine):
    earlier = ["What did Nimbus launch in Beijing?"]  # answered from the N2 article
    assert engine.ask(earlier[0]).citations[0].doc == "2025-06-02-nimbus-launches-n2"
    gist = engine.ask("What is this article about?", earlier)  # it asked which of five before
    assert gist.kind == "gist" and gist.citations[0].doc == "2025-06-02-nimbus-launches-n2"
    date = engine.ask("When was it published?", earlier)  # it searched, and found no date to say
    assert date.kind == "date" and "2025-06-02" in date.answer


def test_the_date_of_a_document_named_by_its_title_words(engine):
    for question in ("When was the N1 article published?", "When was the article about the N2 published?"):
        ans = engine.ask(question)  # searched before, and the hunt got one article's date for another
        assert ans.kind == "date", question
    assert "2024-03-15" in engine.ask("When was the N1 article published?").answer
    assert "2025-06-02" in engine.ask("When was the article about the N2 published?").answer


def test_which_document_when_none_is_meant(engine):
    which = engine.ask("When was this written?")  # five documents, two dates: it gave one of them
    assert which.kind == "chat" and "When was the <title> article published?" in which.answer
    notes = engine.ask("What are the meeting notes about?")  # two documents titled "Meeting notes"
    assert notes.kind == "chat" and "Meeting notes (shenzhen-meeting)" in notes.answer
    assert engine.ask("What is the FAQ about?").citations[0].doc == "FAQ"  # by file name


def test_which_document_is_asked_in_the_language_of_the_gist_request(engine):
    """A gist asked in another language names no title, so its reply points to the page's
    document picker, in the asker's language; it was English."""
    for question, picker in (("¿De qué trata el artículo?", "«Buscar en»"), ("De quoi parle l'article ?", "Rechercher dans"),
                             ("Worum geht es im Artikel?", "„Suchen in“"), ("这篇文章讲了什么？", "“搜索范围”")):
        which = engine.ask(question)
        assert which.kind == "chat" and picker in which.answer and "5" in which.answer, question
        assert "Pick one" not in which.answer, question
    assert "Pick one, or name it" in engine.ask("What is the article about?").answer


def test_which_documents_there_are_and_which_mention_a_name(engine):
    listed = engine.ask("What documents do you have?")  # was answered from a FAQ line
    assert listed.kind == "chat" and "5 documents" in listed.answer and "(2024-03-15)" in listed.answer
    ans = engine.ask("Which documents mention Wang Lei?")
    assert ans.kind == "mentions" and [c.doc for c in ans.citations] == ["shenzhen-meeting"]
    both = engine.ask("Which documents mention the N1?")
    assert {c.doc for c in both.citations} == {"2024-03-15-nimbus-unveils-n1", "FAQ"}
    assert all("N1" in c.sentence for c in both.citations) and "2 documents mention N1" in both.answer
    assert not engine.ask("Which documents mention Microsoft?").answerable
    nimbus = engine.ask("What is the Nimbus article about?")  # two titles say Nimbus: which one?
    assert nimbus.kind == "chat" and "2 documents" in nimbus.answer


GUIDE = ("# Installing Larkspur\n\nLarkspur is a small self-hosted wiki.\n\n## Requirements\n\n- A 64-bit CPU\n"
         "- At least 512 MB of RAM\n- PostgreSQL 14 or newer.\n\n## Installation\n\n1. Download the latest release.\n"
         "2. Run `larkspur init` to create the configuration file.\n\n## Known issues\n\nSearch is slow on very large wikis.\n")


def test_a_section_asked_for_by_its_heading_is_read_out(tmp_path):
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "install-guide.md").write_text(GUIDE, encoding="utf-8")
    (corpus / "notes.md").write_text("# Notes\n\nThe wiki moved to a new server in May.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False).load()
    for question in ("What are the requirements?", "What are the requirements for Larkspur?",
                     "What does the Requirements section say?"):  # all three were refused (0.08 and below)
        ans = engine.ask(question)
        assert ans.kind == "section" and [c.sentence for c in ans.citations] == \
            ["A 64-bit CPU", "At least 512 MB of RAM", "PostgreSQL 14 or newer."], question
        assert all(GUIDE[c.start:c.end] == c.sentence for c in ans.citations)
    steps = engine.ask("How do I install Larkspur?")  # the title's words and the "Installation" heading
    assert steps.kind == "section" and steps.citations[0].sentence == "Download the latest release."
    assert engine.ask("What are the known issues?").citations[0].sentence == "Search is slow on very large wikis."
    assert engine.ask("Where did the wiki move?").kind == "search"  # a question of its own
    assert engine.ask("Why?", ["What are the requirements?"]).kind == "search"  # it asks something else
    # in a conversation about another document, "the requirements" are that document's
    assert engine.ask("What are the requirements?", ["Where did the wiki move?"]).kind == "search"
    assert engine.ask("What are the known issues?", ["What are the requirements?"]).kind == "section"


RACE = ("Lund wins the Tour of the Hills\n\nTRENTO, Italy, June 15 (NewsWire) - Erik Lund won the Tour of the Hills on "
        "Sunday.\n\nHow the race was won\n\nThe decisive moment came on the final climb, where Lund attacked.\n\n"
        "He crossed the line alone in Trento, the race's finish, after 147 riders had started in Rovereto on June 9.\n")


def test_a_heading_is_not_asked_for_by_the_one_word_the_tokenizer_keeps(tmp_path):
    """"When did the race get under way?" was answered at 1.0 with the section "How the race was
    won": "won" is a stop word to the tokenizer, so the heading's only token, "race", fit a question
    whose other words ("get", "way") frame it."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "race.txt").write_text(RACE, encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False).load()
    for question in ("When did the race get under way?", "When did the race start?", "In which city did the race end?"):
        assert engine.ask(question).kind == "search", question
    assert engine.ask("How was the race won?").kind == "section"
