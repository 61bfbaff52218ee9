"""Policies, terms and contracts as people paste them (seventy-first session): numbered clauses,
lists hanging from a line that ends in a colon, defined terms, a form's blanks to fill in. Found
by two blind sets of returns policies, tenancy agreements, warranties, handbooks and terms."""
from __future__ import annotations

import pytest

from qa.corpus import load_document
from qa.definitions import asked_meaning, defines
from qa.segment import is_form_blank, lead_in, search_text, segment

from test_document_shapes import engine_over

POOL = ("Harbour Lane Swim Club: membership terms\n\n"
        "1. Fees\n"
        "1.1 Monthly members pay $42 per month by direct debit.\n"
        "1.2 If you leave before the end of your first year, a leaving fee of $90 applies, subject to clause 1.3.\n"
        "1.3 No leaving fee is payable if you:\n"
        "(a) relocate more than 40 km from the pool and send us proof of your new address; or\n"
        "(b) become pregnant, with a note from your midwife.\n"
        "1.4 Fees rise by no more than 5% a year.\n\n"
        "2. Pool rules\n"
        "Swimmers must:\n"
        "- shower before entering the water;\n\n"
        "- wear a swim cap if their hair is longer than shoulder length;\n"
        "- keep to the lane marked for their speed.\n"
        "The lifeguard's decision is final.\n\n"
        "3. Family membership\n"
        "3.1 A family membership covers up to two adults and three children.\n"
        "3.2 For this purpose, \"child\" means a person under 16 living at the member's address.\n"
        "3.3 Children of a family member swim free in the family sessions on Sunday mornings.\n\n"
        "Signed (Member): ____________________   Date: __________\n"
        "Membership number: ____________\n")


def _document(tmp_path):
    (tmp_path / "pool.txt").write_text(POOL, encoding="utf-8")
    doc = load_document(tmp_path / "pool.txt")
    return doc, {s.text: s for s in segment(doc)}


def test_a_list_item_hangs_from_the_line_ending_in_a_colon_above_it(tmp_path):
    """"(a) relocate more than 40 km …" alone doesn't say that no leaving fee is payable; the line
    ending in a colon above it does. Each item of the list hangs from it, blank lines between them
    too, and the clause after the list ("1.4 Fees rise …") and the line after it don't. An item is
    searched as written: with the line, items ranked worse (docs/results.md)."""
    doc, by_text = _document(tmp_path)
    relocate = by_text["(a) relocate more than 40 km from the pool and send us proof of your new address; or"]
    assert lead_in(relocate, doc) == "No leaving fee is payable if you:"
    assert search_text(relocate, doc) == relocate.text
    assert lead_in(by_text["(b) become pregnant, with a note from your midwife."], doc) == "No leaving fee is payable if you:"
    assert lead_in(by_text["1.4 Fees rise by no more than 5% a year."], doc) is None
    for item in ("shower before entering the water;", "keep to the lane marked for their speed."):
        assert lead_in(by_text[item], doc) == "Swimmers must:"
    assert lead_in(by_text["The lifeguard's decision is final."], doc) is None
    assert lead_in(by_text["1.1 Monthly members pay $42 per month by direct debit."], doc) is None


def test_a_forms_blanks_are_not_sentences(tmp_path):
    """"Membership number: ____" says nothing, and was cited at 0.81 for a question the terms
    never answer; a line that fills its field is text."""
    _, by_text = _document(tmp_path)
    assert not any("____" in text for text in by_text)
    assert is_form_blank("Signed by the Landlord: ..............................\nDate: ________")
    assert not is_form_blank("Landlord: m.osei@example.co.uk")
    assert not is_form_blank("Name: ________\nThe Tenant agrees to pay the rent.")


@pytest.mark.parametrize("question, term", [
    ("who counts as close family for bereavement leave?", "close family for bereavement leave"),
    ("What counts as a faulty battery under the warranty?", "faulty battery under the warranty"),
    ("what does 'cooling-off period' mean", "cooling-off period"),
    ("How is a short-term let defined?", "short-term let"),
    ("what's the definition of a child here?", "child here"),
    ("What does the policy say about pets?", None),
    ("What is the deposit?", None),
])
def test_what_a_question_asks_the_meaning_of(question, term):
    assert asked_meaning(question) == term


def test_a_sentence_defines_a_term_in_quotes_in_brackets_or_by_what_counts():
    assert defines('For this purpose, "close family member" means a spouse or partner.', "close family")
    assert defines('You may cancel within 7 days (the "cooling-off period") for a refund.', "cooling-off period")
    assert defines("A battery is only considered faulty if it holds less than 70% of its charge.", "faulty battery")
    assert not defines("If a close family member dies, you may take up to 5 days' leave.", "close family")
    assert not defines('"Return Window" means the period of 30 days.', "gift card")


def test_policy_questions_in_a_readers_words(tmp_path):
    """On the session-start code "I'm moving away for a new job, do I still pay the leaving fee?"
    cited the list's lead-in line, which says nothing of moving, and "who counts as a child for the
    family membership?" cited the sentence using the word before the one defining it."""
    engine = engine_over(tmp_path, **{"pool-terms.txt": POOL})
    moving = engine.ask("what if I move far away, do I still pay the leaving fee?")
    assert moving.answerable
    assert moving.citations[0].sentence == "(a) relocate more than 40 km from the pool and send us proof of your new address; or"
    # the answer reads the item after the line it hangs from; the citation is the item alone
    assert moving.answer.startswith("No leaving fee is payable if you: (a) relocate more than 40 km")
    when = engine.ask("when is no leaving fee payable?")  # the line and the items under it, each cited once
    assert [c.sentence[:12] for c in when.citations] == ["1.3 No leavi", "(a) relocate", "(b) become p"]
    assert when.answer.startswith("1.3 No leaving fee is payable if you: [1] (a) relocate more than 40 km")
    child = engine.ask("who counts as a child for the family membership?")
    assert child.answerable
    assert child.citations[0].sentence == '3.2 For this purpose, "child" means a person under 16 living at the member\'s address.'
    cap = engine.ask("do I need a swim cap?")
    assert cap.citations and cap.citations[0].sentence == "wear a swim cap if their hair is longer than shoulder length;"
    assert cap.answer.startswith("Swimmers must: wear a swim cap")


JOB = ("Research Assistant in Coastal Ecology\n\n"
       "Reference: RA-2291\n"
       "Closing date: 30/06/2026 17:00\n"
       "Location: Marrow Point Field Station\n\n"
       "We are looking for a research assistant to join a three-year project on salt-marsh birds.\n\n"
       "Grade 6: £31,020 to £35,480 per annum, rising to Grade 7 on completion of a PhD.\n\n"
       "You will:\n"
       "- count and ring birds on the marsh from April to August;\n"
       "- keep the project's database up to date;\n"
       "- help run two public open days each summer.\n\n"
       "To apply, send a CV and a cover letter to jobs@marrowpoint.example.org.\n"
       "Interviews will be held at the field station in the week of 13 July.\n")


def test_job_posting_questions_in_a_job_seekers_words(tmp_path):
    """On the session-start code "what's the salary?" and "what is the pay range" were refused
    (0.16, 0.23): neither "salary" nor "range" is written, the sums are. "whens the deadline to
    apply?" was refused too (0.11): "Closing date" says no word of it."""
    engine = engine_over(tmp_path, **{"coastal-ra.txt": JOB})
    for asked in ("what's the salary?", "what is the pay range"):
        pay = engine.ask(asked)
        assert pay.answerable and pay.citations[0].sentence.startswith("Grade 6: £31,020 to £35,480 per annum")
    deadline = engine.ask("whens the deadline to apply?")
    assert deadline.answerable and deadline.citations[0].sentence == "Closing date: 30/06/2026 17:00"
