"""The page's conversation as the server keeps it (qa/ui.py `Session`): a question sent before the
previous one was answered, or a clear sent while one was, must not lose or bring back turns (a UX
audit saw both on a link with 150 ms of delay). And where the page says a cited sentence is."""
import threading
from types import SimpleNamespace

import pytest

from qa.types import Citation

STORY = """Harbour ferry to run at night
date 2026-05-04

The harbour ferry will run until midnight from June, the port authority said on Monday. Tickets will cost 3 pounds.

The night service will stop at all four piers.
"""


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    from qa.engine import Engine
    from qa.ui import Page

    work = tmp_path_factory.mktemp("sessions")
    (work / "corpus").mkdir()
    (work / "corpus" / "ferry.txt").write_text(STORY, encoding="utf-8")
    return Page(Engine(work / "corpus", work / "index", progress=False).load())


def last(outputs):
    box, chat, asked, sources, panels, *_ = list(outputs)[-1]
    return chat, asked


def test_a_question_sent_before_the_previous_answer_keeps_it(page):
    tab = SimpleNamespace(session_hash="tab-1")
    chat, asked = last(page.respond("When will the ferry run until?", [], [], None, [], None, tab))
    assert asked == ["When will the ferry run until?"]
    # the second question left the page before the first answer arrived: it carries the empty chat
    chat, asked = last(page.respond("How much will tickets cost?", [], [], None, [], None, tab))
    assert asked == ["When will the ferry run until?", "How much will tickets cost?"]
    assert len(chat) == 4


def test_a_clear_while_a_question_is_answered_drops_its_answer(page):
    tab = SimpleNamespace(session_hash="tab-2")
    answering = page.respond("When will the ferry run until?", [], [], None, [], None, tab)
    next(answering)  # the question is shown with a pending note
    page.clear(tab)
    assert list(answering) == []  # the answer comes after the clear: dropped
    chat, asked = last(page.respond("How much will tickets cost?", [], [], None, [], None, tab))
    assert asked == ["How much will tickets cost?"] and len(chat) == 2


def test_a_clear_while_a_question_waits_for_the_previous_one_drops_it_too(page):
    """A question sent before a clear, waiting for the page's previous answer, was answered after
    the clear: the old conversation came back with it."""
    tab = SimpleNamespace(session_hash="tab-5")
    first = page.respond("When will the ferry run until?", [], [], None, [], None, tab)
    next(first)  # being answered: the next question of the page waits for it
    session = page.sessions.of(tab)
    lock, waiting = session.turn, threading.Event()

    class Turn:  # the page's lock, saying when the second question waits for it
        def acquire(self, timeout=-1):
            waiting.set()
            return lock.acquire(timeout=timeout)

        def release(self):
            lock.release()

    session.turn = Turn()
    second = []
    worker = threading.Thread(target=lambda: second.extend(
        page.respond("How much will tickets cost?", [], [], None, [], None, tab)))
    worker.start()
    assert waiting.wait(30)
    page.clear(tab)
    assert list(first) == []
    worker.join(30)
    assert second == [] and session.state == ([], [], [])


def test_a_question_sent_before_a_clear_and_started_after_it_is_dropped(page):
    """Gradio's cancel took a question waiting in its queue (a busy server) out when the page was
    cleared; without it the question started after the clear and was answered into the new
    conversation, which the page then hid as stale. The page says how many clears it had made
    when it sent the question, and with each clear."""
    tab = SimpleNamespace(session_hash="tab-7")
    last(page.respond("When will the ferry run until?", [], [], None, [], None, tab, 0))
    page.clear(tab, 1)
    assert list(page.respond("How much will tickets cost?", [], [], None, [], None, tab, 0)) == []
    chat, asked = last(page.respond("Where will the night service stop?", [], [], None, [], None, tab, 1))
    assert asked == ["Where will the night service stop?"] and len(chat) == 2


def test_a_question_sent_after_a_clear_may_arrive_before_it(page):
    tab = SimpleNamespace(session_hash="tab-8")
    last(page.respond("When will the ferry run until?", [], [], None, [], None, tab, 0))
    chat, asked = last(page.respond("How much will tickets cost?", [], [], None, [], None, tab, 1))
    assert asked == ["How much will tickets cost?"]  # in a conversation of its own
    page.clear(tab, 1)  # the clear, arriving after it: done already, the answer stays
    assert page.sessions.of(tab).state[1] == ["How much will tickets cost?"]
    page.clear(tab, 2)
    assert page.sessions.of(tab).state == ([], [], [])


def test_a_cited_sentence_is_placed_by_its_paragraph(page):
    doc = page.engine.documents[0]

    def cite(sentence):
        at = doc.text.index(sentence)
        return Citation(doc.id, sentence, at, at + len(sentence), 1.0)

    assert page.paragraph(cite("Tickets will cost 3 pounds.")) == (1, 2)
    assert page.paragraph(cite("The night service will stop at all four piers.")) == (2, 2)
    assert page.paragraph(cite("date 2026-05-04")) is None  # a metadata line is in no paragraph
    assert page.paragraph(cite("Harbour ferry to run at night")) is None  # nor a title line
    outputs = list(page.respond("How much will tickets cost?", [], [], None, [], None, SimpleNamespace(session_hash="tab-6")))
    sources = outputs[-1][3].replace("\u00a0", " ")
    assert ">Paragraph 1 of 2</span>" in sources and 'title="Characters ' in sources  # the offsets on hover


def test_pages_keep_their_own_conversations(page):
    one, two = SimpleNamespace(session_hash="tab-3"), SimpleNamespace(session_hash="tab-4")
    last(page.respond("When will the ferry run until?", [], [], None, [], None, one))
    chat, asked = last(page.respond("How much will tickets cost?", [], [], None, [], None, two))
    assert asked == ["How much will tickets cost?"]


def test_a_spanish_questions_panel_is_headed_in_spanish(page):
    """The panel's words follow the latest question's language, the earlier answers' heading too."""
    tab = SimpleNamespace(session_hash="tab-9")
    last(page.respond("When will the ferry run until?", [], [], None, [], None, tab))
    sources = list(page.respond("¿Cuánto cuestan los billetes?", [], [], None, [], None, tab))[-1][3]
    assert "<h2>Respuestas anteriores</h2>" in sources and "Earlier answers" not in sources
