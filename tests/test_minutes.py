"""Minutes, reports and timetables as people paste them (seventy-second session): a vote's count
and a motion's fate on the line after it, indented fares and events under a heading, a results
release's repeated "Revenue:" lines. Found by two blind sets of council and AGM minutes, results
releases, incident and inspection reports, and two of agendas, timetables and term dates."""
from __future__ import annotations

from qa.answer import _OUTCOME
from qa.corpus import load_document
from qa.segment import attributed, body_blocks, block_headings, read_metadata, segment

from test_document_shapes import engine_over

MINUTES = ("Fenwick Allotment Society: minutes of the annual general meeting, 3 March 2025\n\n"
           "Present: 31 members. Apologies: 4.\n\n"
           "5. MOTIONS\n"
           "Motion 1 (proposed Sara Okafor): \"That the society buy a second rotavator for shared use.\"\n"
           "Carried: 22 for, 6 against, 3 abstentions.\n"
           "Motion 2 (proposed Tom Brennan): \"That plot rents be paid by bank transfer only.\"\n"
           "The motion was withdrawn after the Treasurer agreed to keep taking cheques until 2026.\n\n"
           "6. WATER SUPPLY\n"
           "The committee reported that the standpipe on the east side froze twice in January.\n"
           "RESOLVED: to lag all standpipes before next winter.\n"
           "Votes: 9 in favour, 2 against.\n")

TIMETABLE = ("Harwick Island Ferries: winter timetable\n\n"
             "SINGLE FARES\n"
             "  Adult: £5.80\n"
             "  Child (5-15): £2.90; under-5s travel free\n"
             "  Car up to 5 metres including driver: £21.00\n"
             "Return fares are twice the single fare.\n\n"
             "SATURDAY PROGRAMME\n"
             "09:30 – 10:00  Registration and coffee in the foyer (Hall B)\n"
             "10:00 – 11:00  Parallel sessions\n"
             "    Room A: Booking systems compared\n"
             "    Room B: Running a harbour cafe\n"
             "11:00 – 11:15  Short break\n"
             "11:15 – 12:00  Closing talk on tides and timetables, with questions (Main Hall)\n\n"
             "COURSE PLAN\n"
             "Weeks 1-2    Module 1: Tide tables\n"
             "             Reading heights, ranges and springs\n"
             "Weeks 3-4    Module 2: Booking systems\n"
             "             Fares, manifests and refunds\n\n"
             "Timings:\n"
             "1:15 pm   Guests arrive at the hall\n"
             "2:00 pm   Talks begin\n")

RESULTS = ("Tallon Group: third-quarter trading\n\n"
           "Marine\n"
           "Revenue: £40.1 million (Q3 2024: £36.0 million), +11.4%\n"
           "Margin: 9.8% (Q3 2024: 9.1%)\n\n"
           "Rail\n"
           "Revenue: £22.7 million (Q3 2024: £24.3 million), -6.6%\n"
           "Margin: 7.2% (Q3 2024: 8.0%)\n\n"
           "BOARD CHANGES\n"
           "The finance director, Ana Ruiz, will retire in March after nine years with the group.\n")


def _headings(tmp_path, text):
    (tmp_path / "doc.txt").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "doc.txt")
    meta, body_start = read_metadata(doc.text)
    blocks = body_blocks(doc.text, meta, body_start)
    return doc, [doc.text[a:b] for (a, b), h in zip(blocks, block_headings(doc.text, meta, blocks)) if h]


def test_indented_lines_and_timetable_entries_are_not_headings(tmp_path):
    """"  Adult: £5.80" between two lines that are not heading-like stood alone and was taken for a
    heading, so no question about the fare could cite it (nor "Thursday 11 December — carol concert
    at St Oswin's Church, 6pm" in a list of a term's events). An indented line right under another
    is an entry of a list; a line opening with a time right under another is a timetable's entry,
    unless indented lines hang from it ("10:00 – 11:00  Parallel sessions" heads its rooms). Each
    still counts as heading-like for its neighbours: "Weeks 3-4  Module 2: SQL for Analysts" over
    its indented topics, or "1:15 pm  Guests arrive" over "2:00 pm  Ceremony begins", is no heading."""
    doc, heads = _headings(tmp_path, TIMETABLE)
    assert "Adult: £5.80" not in heads and "Car up to 5 metres including driver: £21.00" not in heads
    assert "11:00 – 11:15  Short break" not in heads
    assert "10:00 – 11:00  Parallel sessions" in heads
    assert not {"Weeks 3-4    Module 2: Booking systems", "1:15 pm   Guests arrive at the hall"} & set(heads)
    texts = {s.text for s in segment(doc)}
    assert {"Adult: £5.80", "Car up to 5 metres including driver: £21.00", "11:00 – 11:15  Short break"} <= texts


def test_repeated_field_labels_are_no_speakers(tmp_path):
    """A results release's "Revenue:" and "Margin:" lines each open two lines, as a transcript's
    speakers do, but say no sentence: the finance director's retirement was answered as
    "Revenue: The finance director, Ana Ruiz, will retire …"."""
    (tmp_path / "results.txt").write_text(RESULTS, encoding="utf-8")
    doc = load_document(tmp_path / "results.txt")
    retire = next(s for s in segment(doc) if s.text.startswith("The finance director"))
    assert attributed(retire, doc) == retire.text


def test_a_votes_count_and_a_motions_fate_are_read_on_the_line_after_it(tmp_path):
    """Minutes record what became of an item on the line after it, in words no question uses
    ("Carried: 22 for …", "The motion was withdrawn …"): asked for the vote or whether it passed,
    that line is cited first, the item second; asked about the item itself, the item alone."""
    engine = engine_over(tmp_path, **{"minutes.txt": MINUTES})
    vote = engine.ask("How many people voted for getting another rotavator?")
    assert vote.answerable and vote.citations[0].sentence.startswith("Carried: 22 for")
    assert vote.citations[1].sentence.startswith("Motion 1")
    fate = engine.ask("did the motion about paying plot rents by bank transfer pass?")
    assert fate.answerable and fate.citations[0].sentence.startswith("The motion was withdrawn")
    tally = engine.ask("What was the vote on lagging the standpipes?")
    assert tally.answerable and tally.citations[0].sentence == "Votes: 9 in favour, 2 against."
    assert not _OUTCOME.search("Carried-over days must be used by 31 March.")  # an outcome's word, not one
    who = engine.ask("Who proposed the rotavator motion?")
    assert who.citations[0].sentence.startswith("Motion 1")
