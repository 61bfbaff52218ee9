"""Documents shaped as people write them, found by a bug hunt: an interview transcript, a press
release with an "About" section, numbered report sections, a Markdown table, an amount after
"approx."."""
from __future__ import annotations

from pathlib import Path

import pytest

from qa.answer import announces
from qa.corpus import load_corpus
from qa.segment import embed_text, search_text, segment

ROOT = Path(__file__).resolve().parent.parent

INTERVIEW = ("Interview: Dr. Amara Okafor on coastal flooding\n\n"
             "Interviewer: Dr. Okafor, thank you for joining us. What do you study?\n\n"
             "OKAFOR: I'm a hydrologist at the University of Lagos, and I study flood risk in coastal cities.\n\n"
             "Interviewer: How much would a sea wall cost?\n\n"
             "OKAFOR: The proposal for the Eko Atlantic extension was estimated at $1.2bn. "
             "A city-wide drain-clearing programme would cost about $30m a year.\n")
RELEASE = ("# Acme Robotics launches a window-cleaning drone\n\n"
           "Acme Robotics today launched SkyWipe, a drone that cleans the windows of tall buildings. "
           "It can clean 400 square metres an hour.\n\n## About Acme Robotics\n\n"
           "Acme Robotics is a start-up based in Lyon. It has 35 employees.\n")
REPORT = ("Pump Test Report\n\n1 Summary\n\nThe pump delivered 40 litres per minute at full speed.\n\n"
          "2 Scope and methods\n\n2.1 Scope\n\nThe test covered the three pumps in the basement plant room.\n\n"
          "2.2 Methods\n\nEach pump ran for two hours while a flow meter logged its output. "
          "Replacing the pumps would cost approx. $1.1m and save 30% of the plant's power.\n")
TROUBLESHOOTING = ("# Kestrel troubleshooting\n\n## Common problems\n\n"
                   "**The hub does not appear in the app.** Make sure your phone is on the same network as the hub.\n\n"
                   "**Devices drop off after a power cut.** Pair them again after 48 hours without power.\n")
WIRE = ("Voltara to build battery plant in Germany\n\nBERLIN, March 3 (Reuters) - Swedish battery maker Voltara "
        "said on Monday it would build a 2.1 billion euro cell factory near Leipzig.\n\n"
        "(Reporting by Anna Schmidt; Editing by Mark Potter)\n")
TABLE = ("# Kestrel hub\n\nThe hub works with the devices below.\n\n## Supported devices\n\n"
         "| Device type | Protocol | Max per hub |\n|-------------|----------|-------------|\n"
         "| Smart bulbs | Zigbee   | 50          |\n| Door sensors | Z-Wave  | 30 |\n"
         "| Cameras | Wi-Fi | 4. Cloud storage is extra. |\n\nThe hub supports up to 84 devices in total.\n")

ACRONYMS = ("Motoring in California\n\nThe California State Automobile Association (CSAA) runs roadside help. "
            "Members pay with a card and a PIN, where PIN stands for personal identification number. "
            "The region is one Combined Statistical Area with many commuters.\n")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("shapes") / "corpus"
    root.mkdir()
    for name, text in {"interview.txt": INTERVIEW, "acme-launch.md": RELEASE, "pump-test.txt": REPORT,
                       "kestrel.md": TABLE, "troubleshooting.md": TROUBLESHOOTING,
                       "voltara.txt": WIRE, "motoring.txt": ACRONYMS}.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def engine(corpus):
    from qa.engine import Engine

    return Engine(corpus, corpus.parent / "index", progress=False).load()


def engine_over(tmp_path, **files):
    """An engine over a corpus of ``files`` (name -> text), in ``tmp_path``."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir(parents=True)
    for name, text in files.items():
        (corpus / name).write_text(text, encoding="utf-8")
    return Engine(corpus, tmp_path / "index", progress=False)


def sentences(corpus, doc_id):
    doc = next(d for d in load_corpus(corpus) if d.id == doc_id)
    return doc, segment(doc)


def test_numbered_sections_in_a_row_are_headings_not_sentences(corpus):
    _, sents = sentences(corpus, "pump-test")
    texts = [s.text for s in sents]
    assert not any(t in texts for t in ("1 Summary", "2 Scope and methods", "2.1 Scope", "2.2 Methods"))
    by_text = {s.text: s.section for s in sents}
    assert by_text["The test covered the three pumps in the basement plant room."] == "2.1 Scope"  # was "1 Summary"
    assert "Replacing the pumps would cost approx. $1.1m and save 30% of the plant's power." in texts  # was cut at "approx."


def test_a_table_row_is_one_sentence_labelled_by_its_header(corpus):
    doc, sents = sentences(corpus, "kestrel")
    texts = [s.text for s in sents]
    assert "| Device type | Protocol | Max per hub |" not in texts and "Device type | Protocol | Max per hub" not in texts
    row = next(s for s in sents if s.text.startswith("Cameras"))
    assert row.text == "Cameras | Wi-Fi | 4. Cloud storage is extra."  # not split at the cell's full stop
    assert doc.text[row.start:row.end] == row.text
    assert search_text(row, doc) == "Device type: Cameras; Protocol: Wi-Fi; Max per hub: 4. Cloud storage is extra."
    assert search_text(row) == row.text  # without its document, the row as written


def test_the_reply_after_an_interviewers_question_is_the_answer(engine):
    ans = engine.ask("How much would the sea wall cost?")  # cited the interviewer's question, at 0.92
    assert ans.answerable and ans.citations[0].sentence.startswith("OKAFOR: The proposal")


def test_an_about_section_does_not_take_over_questions_naming_the_company(engine):
    ans = engine.ask("What did Acme Robotics launch?")  # read out "About Acme Robotics", at 1.0
    assert ans.kind != "section" and "launched SkyWipe" in ans.citations[0].sentence
    assert engine.ask("What is Acme Robotics?").citations[0].sentence == "Acme Robotics is a start-up based in Lyon."


def test_a_numbered_section_is_asked_for_by_its_name(engine):
    ans = engine.ask("What does the Scope section say?")
    assert ans.kind == "section" and ans.citations[0].sentence.startswith("The test covered the three pumps")


def test_a_table_row_answers_what_its_columns_say(engine):
    ans = engine.ask("Which protocol do smart bulbs use?")
    assert ans.answerable and ans.citations[0].sentence.startswith("Smart bulbs | Zigbee")
    ans = engine.ask("What is the maximum number of cameras per hub?")  # cited the header row
    assert ans.citations and ans.citations[0].sentence.startswith("Cameras | Wi-Fi")


def test_emphasis_closed_after_a_full_stop_stays_with_its_sentence():
    from qa.segment import split_sentences

    text = "**The hub does not appear in the app.** Restart your phone. Price is 5 * 3. * Not a list."
    pieces = [text[a:b] for a, b in split_sentences(text)]  # was "**The hub ... app." and "** Restart ..."
    assert pieces[:2] == ["**The hub does not appear in the app.**", "Restart your phone."]
    assert pieces[2] == "Price is 5 * 3."  # a lone "*" opens nothing


def test_bullet_and_parenthesis_list_markers_are_no_part_of_the_sentence(tmp_path):
    from qa.types import Document

    text = "Steps\n\n• Unplug the hub.\n• Wait ten seconds.\n\n1) Plug it back in.\n2) Open the app.\n"
    sents = segment(Document("steps", "Steps", text))
    assert [s.text for s in sents] == ["Unplug the hub.", "Wait ten seconds.", "Plug it back in.", "Open the app."]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_the_terminal_answer_reads_a_wrapped_sentence_as_one_line():
    from qa.cli import format_answer
    from qa.types import Answer, Citation

    c = Citation(doc="d", sentence="The jug holds\n1.5 litres.", start=0, end=25, score=0.9)
    out = format_answer(Answer("How much?", "The jug holds 1.5 litres. [1]", True, 0.9, (c,)))
    assert "The jug holds 1.5 litres." in out and "holds\n1.5" not in out


def test_a_bold_lead_in_brings_the_sentence_that_says_what_to_do(engine):
    ans = engine.ask("What should I do if the hub does not appear in the app?")  # cited the lead-in alone
    assert ans.answerable and [c.sentence for c in ans.citations[:2]] == [
        "**The hub does not appear in the app.**", "Make sure your phone is on the same network as the hub."]


@pytest.mark.parametrize("question", ["Who wrote the article?", "Who is the author?", "Who reported this story?"])
def test_who_wrote_a_wire_story_is_its_byline(engine, question):
    ans = engine.ask(question, doc="voltara")  # refused: no author line, and the byline shares no word
    assert ans.answerable and ans.citations[0].sentence == "(Reporting by Anna Schmidt; Editing by Mark Potter)"
    other = engine.ask(question, doc="interview")  # no byline there: still not answered from another field
    assert not other.answerable


@pytest.mark.parametrize("question", ["Who wrote the Voltara article?", "Who is the author of the Voltara story?"])
def test_who_wrote_a_text_named_by_its_title_is_its_byline(engine, question):
    """Named by its title, the text is still the one asked about (the title's words had
    pointed the question at a section or sentence sharing them)."""
    ans = engine.ask(question)
    assert ans.answerable and ans.citations[0].sentence == "(Reporting by Anna Schmidt; Editing by Mark Potter)"


def test_a_text_named_without_article_is_dated_by_its_date_line(tmp_path):
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "gazette.txt").write_text("date 2024-01-05 The village fete raised money for the new roof.\n",
                                        encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    ans = engine.ask("When was the gazette published?")
    assert ans.answerable and "2024-01-05" in ans.answer
    assert engine.ask("When was the roof released?").kind != "date"  # a thing of the text: searched


def test_what_the_regression_hunt_found_stays_fixed():
    """A regression hunt (the session-start code against this one) found these."""
    from qa.question import parse
    from qa.segment import split_sentences
    from qa.types import Document

    rules = "Licence rules\n\nRequirements\n\n1 Applicants must be sixteen or older\n\n2 Fees are not refundable\n\nThe office opens at 8 am.\n"
    texts = [s.text for s in segment(Document("rules", "Licence rules", rules))]
    assert "1 Applicants must be sixteen or older" in texts  # numbered lines of one level are a list, not headings
    for text, first in [("The answer was no. $300 per berth remains the charge.", "The answer was no."),
                        ("Use **kwargs to collect options. ** binds more tightly.", "Use **kwargs to collect options.")]:
        assert text[slice(*split_sentences(text)[0])] == first
    assert parse("Sorry, I mean the glasses", ["What did Tencent introduce?"]).text == "Sorry, I mean the glasses"


def test_a_sentence_opening_with_by_is_no_byline(tmp_path):
    from qa.engine import Engine

    (tmp_path / "c").mkdir()
    (tmp_path / "c" / "harbour.txt").write_text("Harbour works\n\nThe council approved the dredging. "
                                                "By Friday, contractors had started dredging the eastern channel.\n")
    assert not Engine(tmp_path / "c", tmp_path / "i", progress=False).ask("Who wrote the article?").answerable


@pytest.mark.parametrize("question, spelt", [
    ("What does CSAA stand for?", "California State Automobile Association"),  # a name in capitals
    ("What does PIN stand for?", "personal identification number"),             # "PIN stands for ..."
    ("What does CSA stand for?", "Combined Statistical Area"),  # not the first three words of CSAA's name
])
def test_an_acronym_is_spelt_out_where_the_text_does(engine, question, spelt):
    ans = engine.ask(question, doc="motoring")
    assert ans.answerable and ans.confidence == 1.0, (question, ans.answer)
    c = ans.citations[0]
    assert engine.index.by_id["motoring"].text[c.answer_start:c.answer_end] == spelt


def test_a_faqs_gist_is_the_questions_it_answers_and_the_documents_are_all_listed(tmp_path):
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "bakery-faq.txt").write_text(
        "Sunrise Bakery FAQ\n\nQ: When does the bakery open?\nThe bakery opens at 6 am every weekday.\n\n"
        "Q: Do you sell gluten-free bread?\nYes, gluten-free loaves are baked every Tuesday.\n", encoding="utf-8")
    (corpus / "notes.txt").write_text("Garden notes\n\nAphids attacked the roses in June.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    ans = engine.ask("What is this article about?", doc="bakery-faq")
    assert ans.kind == "questions" and [c.sentence for c in ans.citations] == [
        "Q: When does the bakery open?", "Q: Do you sell gluten-free bread?"]
    listed = engine.ask("What documents do you have?", doc="bakery-faq").answer
    assert "There are 2 documents" in listed and "“Sunrise Bakery FAQ” only" in listed


def test_a_text_about_a_report_is_asked_about_the_report(tmp_path):
    """"When was the Beveridge Report published?" of a text about that report asks about the
    report, not the text's date line; "the X article" is the text."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "beveridge.md").write_text(
        "# The Beveridge Report\n\ndate 2022-12-01\n\nThe Beveridge Report was written by the economist William "
        "Beveridge and published in November 1942. It proposed a welfare state for Britain.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    for question in ("When was the Beveridge Report published?", "Who wrote the Beveridge Report?"):
        ans = engine.ask(question)
        assert ans.answerable and "November 1942" in ans.citations[0].sentence, (question, ans.answer)
    assert "2022-12-01" in engine.ask("When was the Beveridge Report article published?").answer


def test_a_followup_about_a_company_its_later_paragraphs_call_the_company(tmp_path):
    """Later paragraphs say "The company ...": "it" is still Acme (only a paragraph with a
    subject of its own, another name, is about something else)."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "acme.txt").write_text(
        "Acme Robotics\n\nAcme Robotics makes warehouse robots in Leeds. It was founded in 2009.\n\n"
        "The company employs 400 people and plans a second factory in Hull.\n\n"
        "Its best-selling machine, the Pallet Runner, is used by supermarkets.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    ans = engine.ask("How many people does it employ?", ["What does Acme Robotics make?"])
    assert ans.answerable and "400 people" in ans.citations[0].sentence, ans.answer


def test_a_question_standing_as_a_heading_is_answered_by_the_paragraph_under_it(tmp_path):
    """A leaflet's "How much does it cost?" line over its paragraph matched "Roughly how much does
    the flu vaccine cost?" best and was cited as the answer (a regression hunt found it); the
    paragraph under it answers, though it shares no word with the line ("free", "$25")."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "leaflet.txt").write_text(
        "Seasonal Flu Vaccination\n\nFlu clinics run from October 6 to December 19 at our main building.\n\n"
        "How much does it cost?\nThe vaccine is free for patients over 65. For all other adults, the charge is $25, "
        "payable at reception.\n\nHow do I book?\nBook online through the patient portal or call the front desk.\n",
        encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    ans = engine.ask("Roughly how much does the flu vaccine cost?")
    cited = [c.sentence for c in ans.citations]
    assert ans.answerable and not any(s.endswith("?") for s in cited), cited
    assert any("$25" in s for s in cited), cited


def test_a_price_under_a_question_line_counts_as_the_price_given(tmp_path):
    """The leaflet's best match for "How much does the flu vaccine cost?" is its line "How much
    does it cost?", and with two other lines it was the best three: none named a price, so the
    question was refused as one the text cannot answer (0.07). The line is read as the answer
    under it ("… the cost is $25 …") when the check for a price is made."""
    import shutil

    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    shutil.copytree(ROOT / "tests/data/short_documents/corpus", corpus)  # its word statistics among five others
    ans = Engine(corpus, tmp_path / "index", progress=False).ask("How much does the flu vaccine cost?",
                                                                 doc="brookfield-flu-vaccine-leaflet")
    assert ans.answerable and any("$25" in c.sentence for c in ans.citations), (ans.confidence, ans.answer)


POLICY = ("CUSTOMER RETURNS POLICY\n\nThis policy applies to all purchases from Fernwood Home Ltd. (the \"Company\").\n\n"
          "1. SCOPE\n\n1.1 Coverage. This policy covers goods bought in our stores.\n"
          "1.2 Exclusions. Gift cards are not covered.\n\n2. CONTACT\n\n"
          "2.1 Questions. Call 0800 123 4567 between 9 a.m. and 5 p.m., Mon.–Fri. We answer within a day.\n")
LETTER = ("Hi Daniel,\n\nThanks, that works for us. Run `pip install -e .` from the project root. "
          "The new site, at 1 Portland St., will focus on farming robots.\n\nBest,\nPriya\n\n"
          "> Dear Priya,\n> Both rooms are free on Friday.\n>\n> Kind regards,\n> Daniel Moore\n> Hall Bookings Ltd., 8 Market St., York\n")


def test_what_the_document_shapes_hunt_found_splits_as_a_reader_would():
    """Twenty-ninth session's hunt over eight everyday documents: a sentence was cut at an
    abbreviation before a comma or a dash ("8 Market St." | ", York"; "Mon." | "–Fri."), at the
    full stop of inline code ("Run `pip install -e ." | "` from the project root."); a numbered
    section in capitals was the sentence "SCOPE", a clause's label the sentence "1.1 Coverage."."""
    from qa.types import Document

    policy = segment(Document("policy", "Policy", POLICY))
    assert [s.text for s in policy] == [
        'This policy applies to all purchases from Fernwood Home Ltd. (the "Company").',
        "1.1 Coverage. This policy covers goods bought in our stores.", "1.2 Exclusions. Gift cards are not covered.",
        "2.1 Questions. Call 0800 123 4567 between 9 a.m. and 5 p.m., Mon.–Fri.", "We answer within a day."]
    assert [s.section for s in policy][1:] == ["1. SCOPE", "1. SCOPE", "2. CONTACT", "2. CONTACT"]
    letter = segment(Document("letter", "Letter", LETTER))
    texts = [s.text for s in letter]
    assert "Run `pip install -e .` from the project root." in texts
    assert "The new site, at 1 Portland St., will focus on farming robots." in texts
    assert "Hall Bookings Ltd., 8 Market St., York" in texts
    for doc, sents in ((POLICY, policy), (LETTER, letter)):
        assert all(doc[s.start:s.end] == s.text for s in sents)


PAPER = ("Seasonal Nitrate Removal in Constructed Wetlands: A Three-Year Field Study\n\n"
         "Maria L. Okafor, Henrik J. Sandvik and Priya Raman\nDepartment of Environmental Engineering, University of Tartu\n\n"
         "Abstract\nWe monitored nitrate removal in four wetlands over three years.\n\n"
         "1 Introduction\nNitrate pollution remains a major cause of eutrophication.\n\n2 Materials and Methods\n\n"
         "2.1 Study site\nThe study was carried out at the Roka experimental farm.\n\n2.2 Data\n"
         "Removal efficiency was calculated as RE = (Cin - Cout) / Cin x 100, see Eq. (1). "
         "Mass removal was computed according to Eq. (3) in Kadlec and Wallace (2009).\n")
CONTRACT = ("SUPPLY AGREEMENT\n\n7. LIABILITY\n\n7.3 Each Party's total liability shall not exceed the greater of "
            "(a) £500,000; and (b) 120% of the amount paid in that year.\n\n"
            "8.2 The obligations in Clause 8.1 survive termination for five (5) years.\n")


def test_what_the_papers_hunt_found_splits_as_a_reader_would():
    """Thirtieth session's hunt over a paper, a contract and three other documents: "see Eq." |
    "(1)." were two sentences; a clause's inline items "(a) £500,000; and" and "(b) 120% ..."
    were sentences apart from the clause that lists them; "Abstract" under the author lines and
    "2 Materials and Methods" over "2.1 Study site" (its text right under it) were sentences."""
    from qa.types import Document

    paper = segment(Document("paper", "Paper", PAPER))
    texts = [s.text for s in paper]
    assert not {"Abstract", "2 Materials and Methods", "2.1 Study site", "(1).", "2.2 Data"} & set(texts), texts
    by_text = {s.text: s.section for s in paper}
    assert by_text["We monitored nitrate removal in four wetlands over three years."] == "Abstract"
    assert by_text["The study was carried out at the Roka experimental farm."] == "2.1 Study site"
    assert "Removal efficiency was calculated as RE = (Cin - Cout) / Cin x 100, see Eq. (1)." in texts
    assert "Mass removal was computed according to Eq. (3) in Kadlec and Wallace (2009)." in texts
    assert "Maria L. Okafor, Henrik J. Sandvik and Priya Raman" in texts  # a run of short lines stays text
    contract = segment(Document("contract", "Contract", CONTRACT))
    assert [s.text for s in contract][0] == ("7.3 Each Party's total liability shall not exceed the greater of "
                                             "(a) £500,000; and (b) 120% of the amount paid in that year.")
    for doc, sents in ((PAPER, paper), (CONTRACT, contract)):
        assert all(doc[s.start:s.end] == s.text for s in sents)


@pytest.mark.slow
def test_a_duration_written_again_in_brackets_is_a_duration(tmp_path):
    """"five (5) years", as contracts write it, gave no duration: "How long do the obligations
    survive termination?" was refused at 0.08 (0.81 with "five years")."""
    ans = engine_over(tmp_path, **{"contract.txt": CONTRACT}).ask("How long do the obligations survive termination?")
    assert ans.answerable and "five (5) years" in ans.citations[0].sentence, (ans.confidence, ans.answer)


@pytest.mark.slow
def test_a_why_question_reads_on_into_the_sentence_that_gives_the_reason(tmp_path):
    """"That move was a response to …" is the second half of the thought the best sentence
    starts; a why question cited the first alone (a hunt found 0 of 15 two-sentence answers whole)."""
    engine = engine_over(tmp_path, **{"bakery.txt": (
        "Bakery news\n\nThe Millstone bakery moved its ovens to the basement last spring.\n\n"
        "That move was a response to complaints about noise from the flats upstairs. The owners also replaced the fans.\n\n"
        "Sales rose by a third over the summer, and a second shop opens in May.\n")})
    why = engine.ask("Why did the bakery move its ovens to the basement?")
    assert [c.sentence[:20] for c in why.citations[:2]] == ["The Millstone bakery", "That move was a resp"]
    when = engine.ask("When did the bakery move its ovens?")  # not a why question: the one sentence
    assert [c.sentence[:20] for c in when.citations] == ["The Millstone bakery"]


@pytest.mark.slow
def test_which_ones_belong_to_something_is_the_list_the_next_sentence_gives(tmp_path):
    """"Members include A, B and C." names none of what they are members of: the sentence before
    it does, and it was cited alone (the dev set's d04 of the article, the same shape)."""
    engine = engine_over(tmp_path, **{"ferries.txt": (
        "Ferry contract\n\nThree groups have bid to run the island ferries from 2027. "
        "The largest bidder, the Northern Ports Consortium, promises electric boats on every route. "
        "Members include the shipbuilder Kestrel Yards, the operator Fjordway and the utility Baltic Power. "
        "A decision is expected in March.\n\n"
        "Fjordway also joined the Skerry Link Partnership last year.\n"
        "The partnership was set up in 2021 to share berths.\n"
        "Its partners are Harbour Lines, the Orkna ferry company and Isle Council Transport.\n")})
    ans = engine.ask("Which companies belong to the Northern Ports Consortium?")
    assert [c.sentence[:16] for c in ans.citations[:2]] == ["Members include ", "The largest bidd"], ans.answer
    # the list two sentences on, one line each (a hunt: "Who are the partners of …?" cited the line naming it)
    two = engine.ask("Who are the partners in the Skerry Link Partnership?")
    assert two.citations[0].sentence.startswith("Its partners are Harbour Lines"), two.answer
    one = engine.ask("What does the Northern Ports Consortium promise?")  # not a which-ones question: the one sentence
    assert one.citations[0].sentence.startswith("The largest bidder")


@pytest.mark.slow
def test_a_sentence_announcing_several_things_reads_on_into_them(tmp_path):
    """"There are a few practical complaints." was cited alone for "What practical gripes does the
    reviewer have?": the complaints are the two sentences after it (a hunt's review)."""
    engine = engine_over(tmp_path, **{"review.txt": (
        "Salt and Thread\n\nThe curator has arranged the galleries around a simple idea: knitting as a record of work.\n\n"
        "There are a few practical complaints. The galleries are dim to protect the fabrics, and some labels are "
        "mounted too low to read. The audio guide is charming but available only in English.\n\n"
        "The show runs until 2 March. Admission is £12.\n")})
    ans = engine.ask("What are the practical complaints about the show?")
    assert [c.sentence[:16] for c in ans.citations[:3]] == ["The galleries ar", "The audio guide ", "There are a few "], ans.answer
    one = engine.ask("How much is admission?")  # not a question asking for several
    assert one.citations[0].sentence.startswith("Admission is")
    # a sentence naming the things themselves is the answer (SQuAD: "There are three major types
    # of rock: igneous, sedimentary, and metamorphic." was cited second)
    assert not announces("There are three major types of rock: igneous, sedimentary, and metamorphic.")
    assert announces("In the three contested council seats, two newcomers won.")


def test_what_something_costs_is_answered_by_a_sum():
    """"how much does norvenza cost" cited "The two-dose shot, called Norvenza, was developed by …"
    (it writes the name; the price sentence doesn't): the best of the next sentences that gives a
    sum comes first; a question asking no sum keeps the ranking."""
    from qa.answer import measure_first
    from qa.question import parse
    from qa.types import Hit, Sentence

    def hit(text, i):
        return Hit(Sentence(doc="d", i=i, start=0, end=len(text), text=text, para=0), 0.5, {"row": i})

    named = hit("The two-dose shot, called Norvenza, was developed by Calloway Biotherapeutics.", 0)
    priced = hit("Calloway set a list price of $195 per dose, or $390 for the full course.", 1)
    assert measure_first([named, priced], parse("how much does norvenza cost"))[0] is priced
    assert measure_first([named, priced], parse("who developed norvenza"))[0] is named


@pytest.mark.slow
def test_how_old_someone_is_is_answered_by_an_age_or_refused(tmp_path):
    """"How old is Daniel Okafor?" cited the match report's lead (its score, "3-2", is a number);
    "How old is the manager?" of a story that gives no age was answered with his name."""
    engine = engine_over(tmp_path, **{"match.txt": (
        "Ashcombe fight back\n\nAshcombe Town came from two goals down to beat Ferrybridge 3-2 on Saturday. "
        "Manager Gary Thorne brought on Daniel Okafor at half-time. "
        "Okafor, 19, joined Ashcombe on loan from Rivermouth in January. "
        "He scored twice in the last ten minutes.\n")})
    ans = engine.ask("How old is Daniel Okafor?")
    assert ans.answerable and ans.citations[0].sentence.startswith("Okafor, 19,"), ans.answer
    assert not engine.ask("How old is Gary Thorne?").answerable
    glass = engine_over(tmp_path / "b", **{"achterberg.txt": (
        "Rosalind Achterberg: A Life in Glass\n\nRosalind Achterberg was a glass artist, born in Velmere. "
        "In 1983 the town hall commissioned a window from her. She was 45 when the window was unveiled. "
        "Her pupil Tobias Renn, 30, helped to fit it.\n")})
    ans = glass.ask("How old was Rosalind Achterberg when the town hall window was unveiled?")  # "She was 45": refused
    assert ans.answerable and ans.citations[0].sentence.startswith("She was 45"), ans.answer


def test_a_faq_question_in_two_sentences_is_answered_by_the_answer_under_it(tmp_path):
    """"Q: The lamp doesn't turn on. What should I do?": the question went on past its first
    sentence, so the sentence after it was no answer, and "Q: The lamp doesn't turn on." was cited."""
    engine = engine_over(tmp_path, **{"faq.md": (
        "# Solar lamp FAQ\n\nQ: How long does it take to charge?\nA: A full charge takes 8 hours of sunlight.\n\n"
        "Q: The lamp doesn't turn on. What should I do?\nA: First leave it in full sun for a whole day. "
        "If it still does not work, contact support.\n\nQ: Is the lamp waterproof?\nA: It is rated IP65.\n")})
    ans = engine.ask("What if my lamp does not turn on?")
    assert ans.answerable and ans.citations[0].sentence.startswith("A: First leave it in full sun"), ans.citations


def test_a_section_whose_name_holds_a_word_that_asks_for_sections_is_asked_for_by_it(tmp_path):
    """"What are the action items?" was refused (0.11) while "What are the decisions?" read its
    section: "items" is a word that asks for a section ("What items are listed?"), so it was set
    aside, and the "Action Items" heading no longer fitted the question's words."""
    engine = engine_over(tmp_path, **{"minutes.md": (
        "# Website Redesign: Meeting Minutes\n\n## Decisions\n\n1. The launch moves to 22 April.\n"
        "2. Scope is frozen.\n\n## Action Items\n\n- Alice to send the revised budget by Friday.\n"
        "- Tom to fix the broken search on mobile.\n")})
    ans = engine.ask("What are the action items?")
    assert ans.answerable and [c.sentence for c in ans.citations] == [
        "Alice to send the revised budget by Friday.", "Tom to fix the broken search on mobile."]


def test_a_list_asked_for_by_its_heading_is_read_out_whole_and_alone(tmp_path):
    """"What ingredients do I need?" was refused ("need" was a word beyond the heading's), and
    "What are the ingredients?" cited the first six of eight; the action items brought the
    closing line under them ("The next meeting is on 26 March.")."""
    items = ["225 g unsalted butter, softened", "225 g caster sugar", "4 large eggs", "275 g self-raising flour",
             "1 tsp baking powder", "4 tbsp milk", "Finely grated zest of 2 lemons", "85 g granulated sugar"]
    engine = engine_over(tmp_path, **{
        "cake.md": "# Lemon Drizzle Cake\n\nThis cake serves 8 people.\n\n## Ingredients\n\n" + "".join(f"- {x}\n" for x in items)
                   + "\n## Method\n\n1. Heat the oven to 180°C.\n2. Beat the butter and sugar together.\n",
        "minutes.md": "# Minutes\n\n## Action Items\n\n- Alice to send the budget by Friday.\n- Tom to fix the search.\n\n"
                      "The next meeting is on 26 March.\n"})
    for question in ("What are the ingredients?", "What ingredients do I need?"):
        ans = engine.ask(question, doc="cake")
        assert ans.answerable and [c.sentence for c in ans.citations] == items, question
    ans = engine.ask("What are the action items?", doc="minutes")
    assert [c.sentence for c in ans.citations] == ["Alice to send the budget by Friday.", "Tom to fix the search."]


EMAIL = ("From: Priya Shah <priya.shah@northwind.example>\nTo: Daniel Moore <d.moore@hallbookings.example>\n"
         "Subject: Re: Venue booking for 9 May\nDate: Tue, 15 Apr 2025 09:42:10 +0100\n\nHi Daniel,\n\n"
         "Thanks, that works for us. We'll take the Oak Hall for 60 people.\n\nBest,\nPriya\n")


def test_an_e_mails_header_is_its_metadata(tmp_path):
    """An e-mail thread's From, To, Subject and Date lines were sentences: "What is the email
    about?" read out "From: Priya Shah <…>" (1.0), and who sent it or when was refused."""
    from qa.corpus import load_document

    engine = engine_over(tmp_path, **{"booking.txt": EMAIL})
    doc = load_document(tmp_path / "corpus" / "booking.txt")
    assert (doc.title, doc.date) == ("Venue booking for 9 May", "2025-04-15")
    sents = segment(doc)
    assert [s.kind for s in sents[:5]] == ["meta"] * 4 + ["text"] and sents[4].text == "Hi Daniel,"
    about = engine.ask("What is the email about?")
    assert about.citations[0].sentence == "Subject: Re: Venue booking for 9 May"
    assert about.citations[1].sentence == "Thanks, that works for us."  # not the greeting
    sender = engine.ask("Who sent the email?")
    assert sender.answerable and sender.answer.startswith("The e-mail is from Priya Shah")
    assert engine.ask("When was the email sent?").answer.startswith("The e-mail is dated 2025-04-15.")


WIKI = ("Amalia Strand\n\nAmalia Strand (1888 – 1961) was a physical chemist.\n\n"
        "Born: 12 April 1888, Kessel\nNationality: Ostravan\nFields: Physical chemistry, crystallography\n"
        "Doctoral advisor: Gustav Tammann\nDoctoral students: Erik Lund, Maja Rosen\n\n"
        "Early life and education[edit]\n\n"
        "It was confirmed by Karl Ebermann in Munich in 1933.[12] Working together, they wrote it up. "
        "The mayor spoke.[citation needed] The rector opened the hall.[15] [16]\n\n"
        "Year | Recipient | Field\n1972 | Maja Rosen | crystallography\n\nSelected works\n\n- Crystals and Their Growth (1952)\n")


def test_an_encyclopedia_page_pasted_as_text_splits_as_its_reader_reads_it():
    """A hunt over pasted encyclopedia pages: after a number, "1933.[12] Working together …" stayed one
    sentence with the next; "[citation needed] The rector …" opened the next sentence and "[16]"
    was a sentence of its own; "Nationality: Ostravan" and "Doctoral advisor: Gustav Tammann"
    headed the article's first sections (short lines between longer fields) while "Early life
    and education[edit]" was a sentence; "Selected works" after a table was none."""
    from qa.types import Document

    sents = segment(Document("strand", "Amalia Strand", WIKI))
    texts = [s.text for s in sents]
    assert "It was confirmed by Karl Ebermann in Munich in 1933.[12]" in texts
    assert "Working together, they wrote it up." in texts
    assert "The mayor spoke.[citation needed]" in texts and "The rector opened the hall.[15] [16]" in texts
    assert "Nationality: Ostravan" in texts and "Doctoral advisor: Gustav Tammann" in texts
    by_text = {s.text: s.section for s in sents}
    assert by_text["Working together, they wrote it up."] == "Early life and education"
    assert by_text["Crystals and Their Growth (1952)"] == "Selected works"
    assert all(WIKI[s.start:s.end] == s.text for s in sents)


def test_a_line_opening_a_list_brings_its_items_and_an_encyclopedias_apparatus_is_no_text(tmp_path):
    """"Which cities is Veldmark twinned with?" cited "Veldmark is twinned with:" alone; a "See also"
    entry ("Karl Ebermann") and a reference's pieces ("Nobel Lecture.") were cited as sentences."""
    page = ("# Veldmark\n\nVeldmark is a port city on the Lorren Estuary.\n\n## Twin towns\n\n"
            "Veldmark is twinned with:\n- Gdańsk, Poland\n- Aberdeen, United Kingdom\n- Bergen, Norway\n\n"
            "## See also\n\n- Karl Ebermann\n\n## References\n\n1. Strand, A. (1937). Nobel Lecture. Veldmark Press.\n")
    engine = engine_over(tmp_path, **{"veldmark.md": page})
    ans = engine.ask("Which cities is Veldmark twinned with?")
    assert [c.sentence for c in ans.citations] == ["Veldmark is twinned with:", "Gdańsk, Poland",
                                                   "Aberdeen, United Kingdom", "Bergen, Norway"]
    from qa.types import Document

    texts = [s.text for s in segment(Document("veldmark", "Veldmark", page))]
    assert "Karl Ebermann" not in texts and not any("Nobel Lecture" in t for t in texts)


def test_a_heading_of_common_words_is_still_asked_for_by_them(tmp_path):
    """Setting common words aside for "What ingredients do I need?" also set aside "company" of
    "Where is the company based?", and the "About the company" section no longer fitted (0.09)."""
    engine = engine_over(tmp_path, **{"fenwick.md": (
        "# Fenwick launches the Basic thermostat\n\nFenwick Home launched the Basic on Monday.\n\n"
        "## About the company\n\nFenwick Home is based in Portland, Oregon, and was founded in 2016.\n")})
    ans = engine.ask("Where is the company based?")
    assert ans.answerable and ans.citations[0].sentence.startswith("Fenwick Home is based in Portland")
    mail = engine_over(tmp_path / "mail", **{"booking.txt": EMAIL})
    assert mail.ask("What is the subject line of the email?").answer.startswith("The e-mail's subject is")


@pytest.mark.slow
def test_a_swapped_name_is_refused_and_a_question_asking_two_is_answered_twice(tmp_path):
    """Blind hunts: "How many votes did Ruth Nandakumar get?" was answered with Priya
    Nandakumar's votes (0.37); "How big is the dividend and when does it get paid?" was refused."""
    engine = engine_over(tmp_path, **{"results.txt": (
        "Ashworth wins Dunmore\n\nLinda Ashworth was elected mayor of Dunmore on Thursday with 14,210 votes. "
        "Green Party candidate Priya Nandakumar came third with 6,954 votes. "
        "Turnout was 41.2 per cent.\n\n"
        "The council also declared a dividend of 22 cents a share. "
        "It will be paid on 15 December to holders on record.\n")})
    right = engine.ask("How many votes did Priya Nandakumar get?")
    assert right.answerable and right.citations[0].sentence.startswith("Green Party candidate"), right.answer
    assert not engine.ask("How many votes did Ruth Nandakumar get?").answerable
    two = engine.ask("How big is the dividend and when does it get paid?")
    assert two.answerable and [c.sentence[:12] for c in two.citations[:2]] == ["The council ", "It will be p"], two.answer
    assert two.answer.count("[1]") == 1 and "[2]" in two.answer
    one = engine.ask("What was the turnout and what is the capital of France?")  # the part answered, the other refused
    assert one.answerable and one.citations[0].sentence.startswith("Turnout was")
    assert one.answer.endswith("“what is the capital of France?” — The article doesn't say."), one.answer
    # the second written after the first, as chat writes it (sixty-first session: asked as one, it was refused)
    two = engine.ask("How big is the dividend? When does it get paid?")
    assert two.answerable and [c.sentence[:12] for c in two.citations[:2]] == ["The council ", "It will be p"], two.answer


def test_a_review_under_its_byline_and_date(tmp_path):
    """"By Kenji Watanabe | March 2, 2026" under the headline: who wrote it and when, cited."""
    engine = engine_over(tmp_path, **{"halcyon-x2.txt": (
        "Halcyon X2 review: great noise cancelling, so-so microphones\nBy Kenji Watanabe | March 2, 2026\n\n"
        "Rating: 4/5\n\nHalcyon's second-generation headphones cost $249.99. They fold flat and charge over USB-C.\n")})
    for question in ("Who wrote the review?", "Who is the author?"):
        ans = engine.ask(question)
        assert ans.answerable and ans.citations[0].sentence == "By Kenji Watanabe"
    ans = engine.ask("When was it published?")
    assert ans.answerable and ans.citations[0].sentence == "March 2, 2026" and "2026-03-02" in ans.answer


FACT_SHEET = ("Umbrella Corporation\n\n"
              "Type: Private\nIndustry: Pharmaceuticals\nFounded: 1968\nFounder: Oswell E. Spencer\n"
              "Headquarters: Raccoon City, United States\nKey people: Albert Wesker (CEO)\nEmployees: 30,000 (2002)\n\n"
              "Umbrella Corporation is a pharmaceutical company known for its cold medicines and cosmetics. "
              "The company grew quickly in the 1970s after opening research labs in Europe.\n\n"
              "Note: the figures above are from the company's last annual report.\n\n"
              "TOM: I think the labs in Europe should close before the end of the year, and soon.\n"
              "ANA: We agreed to wait for the audit.\n")


def test_a_fact_sheets_lines_are_searched_as_facts_about_the_pages_subject(tmp_path):
    """"Founder: Oswell E. Spencer" never writes whose founder it names; a run of such lines (an
    infobox, a profile's key facts) is about the page's subject, as a table's row is about its
    column's name. A lone "Note: …" line and lines of dialogue stay as written."""
    (tmp_path / "umbrella.txt").write_text(FACT_SHEET, encoding="utf-8")
    doc = load_corpus(tmp_path)[0]
    by_text = {s.text: s for s in segment(doc)}
    founder = by_text["Founder: Oswell E. Spencer"]
    assert search_text(founder, doc) == "Umbrella Corporation: Founder: Oswell E. Spencer"
    assert embed_text(founder, doc) == "Umbrella Corporation: Founder: Oswell E. Spencer"  # the title once
    assert search_text(founder) == founder.text  # without its document, the line as written
    for text in ("Note: the figures above are from the company's last annual report.",
                 "TOM: I think the labs in Europe should close before the end of the year, and soon.",
                 "Umbrella Corporation is a pharmaceutical company known for its cold medicines and cosmetics."):
        assert search_text(by_text[text], doc) == text


@pytest.mark.slow
def test_questions_about_a_fact_sheet_cite_its_lines(tmp_path):
    """Before, the page's first sentence answered most of them ("Who founded Umbrella?",
    "Where is Umbrella headquartered?"), and "How many employees does Umbrella have?" was refused:
    its count comes after the label, where a sentence writes it before the word it counts."""
    engine = engine_over(tmp_path, **{"umbrella.txt": FACT_SHEET})
    for question, line in (("Where is Umbrella headquartered?", "Headquarters: Raccoon City"),
                           ("How many employees does Umbrella have?", "Employees: 30,000"),
                           ("What industry is Umbrella in?", "Industry: Pharmaceuticals"),
                           ("When was the company founded", "Founded: 1968")):
        ans = engine.ask(question)
        assert ans.answerable and ans.citations[0].sentence.startswith(line), (question, ans.confidence, ans.answer)
