"""Three-turn conversations as people have them: a pronoun for someone the previous answer
leads to, a bare "Why not?", a correction that opens the next question, a job said with
"works as"."""
import pytest

from qa.question import parse

STORY = """Dock Street pool reopens after roof repairs
date 2026-04-02

The Dock Street pool reopened on Saturday after a six-month repair of its roof. The council spent 1.2 million pounds on the work.

Not every swimmer is pleased with the changes. Priya Haldane, a retired nurse who swims there every morning, said the new opening hours were too short for people with jobs.

The old diving board was not put back. "It failed its safety inspection," said pool manager Tom Ashby. The council said a replacement would cost too much.

Marta Quill swam the first length after the ribbon was cut. Quill, 71, works as a piano teacher and has swum at Dock Street since 1968.

The pool's cafe will reopen in May.
"""


@pytest.fixture(scope="module")
def pool(tmp_path_factory):
    from test_document_shapes import engine_over

    return engine_over(tmp_path_factory.mktemp("pool"), **{"dock-street-pool.txt": STORY}).load()


def first(engine, question, history):
    ans = engine.ask(question, history)
    return ans.citations[0].sentence if ans.answerable and ans.citations else None


def test_she_is_whom_the_answer_leads_to_when_it_names_no_one(pool):
    """"Not every swimmer is pleased …" names no one; the page shows it with the sentence after
    it, which does: "she" is Priya Haldane."""
    history = ["Is everyone pleased with the reopened pool?"]
    assert first(pool, *history, []) == "Not every swimmer is pleased with the changes."
    assert first(pool, "What did she complain about?", history).startswith("Priya Haldane, a retired nurse")


def test_a_bare_why_after_an_answer_reads_on_into_what_explains_it(pool):
    history = ["Was the old diving board put back?"]
    assert first(pool, *history, []) == "The old diving board was not put back."
    ans = pool.ask("Why not?", history)
    assert [c.sentence for c in ans.citations[:2]] == [
        '"It failed its safety inspection," said pool manager Tom Ashby.', "The old diving board was not put back."]


@pytest.mark.parametrize("correction", ["Sorry, I meant the cafe. When does it reopen?",
                                        "No, I got that wrong, I meant the cafe. When does it reopen?"])
def test_a_correction_opening_the_next_question(pool, correction):
    assert first(pool, correction, ["When did the pool reopen?"]) == "The pool's cafe will reopen in May."


@pytest.mark.parametrize("text, history, search", [
    ("Sorry, I meant the Crispa. How big is that one?", ["How wide is it?"], "the Crispa. How big is that one?"),
    ("Sorry, I got the sites mixed up, I meant the Birmingham one. What's happening there?", ["Where is the mill?"],
     "the Birmingham one. What's happening there?"),
    ("Sorry, I meant protein, not fibre.", ["How much fibre is in each bowl?"],
     "How much fibre is in each bowl? what about protein."),
    ("no, I meant Metax", ["What did Alibaba unveil?"], "What did unveil? what about Metax"),
    ("Sorry, I meant their product plans, not staff - is anything delayed?", ["Will they cut jobs?"],
     "their product plans - is anything delayed?"),
])
def test_what_a_correction_asks(text, history, search):
    assert parse(text, history).search == search


@pytest.mark.parametrize("text", ["No, I mean it. What did Huawei launch?", "I meant to ask: what did Huawei launch?"])
def test_no_correction(text):
    assert "Huawei launch" in parse(text, ["What did Alibaba unveil?"]).search
    assert not parse(text, ["What did Alibaba unveil?"]).search.startswith(("it.", "to ask"))


def test_a_job_said_with_works_as(pool):
    """"Quill, 71, works as a piano teacher" names her by surname only; it answers her job."""
    assert first(pool, "What is Marta Quill's job?", []).startswith("Quill, 71, works as a piano teacher")
