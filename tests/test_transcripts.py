"""Transcripts as people paste them (seventieth session): a podcast with time stamps, a press
conference with reporters' labels, a help-desk chat. Each sentence is said by the label of its
turn; found by two blind sets of interviews, meetings, calls and chats."""
from __future__ import annotations

import pytest

from qa.answer import asks_who_asked
from qa.corpus import load_document
from qa.intent import quoted_request, speakers_request
from qa.question import parse
from qa.segment import first_turns, search_text, segment, turn_speaker

from test_document_shapes import engine_over

PODCAST = ("Episode 12 – Night skies\n\n[00:00:05] Rhea Mont: Welcome to Field Notes. I'm Rhea Mont.\n\n"
           "[00:00:09] Oskar Lind: And I'm Oskar Lind.\n\n"
           "[00:00:12] Rhea Mont: Our guest is Dr Amaya Cole, who studies light pollution at Tarrow University.\n\n"
           "[00:00:20] Oskar Lind: Why do cities glow at night? I always wondered.\n\n"
           "[00:00:25] Amaya Cole: Two reasons. Street lights point up as much as down, and the air scatters that light back "
           "toward us.\n\n[00:00:40] Rhea Mont: How bad has it got?\n\n"
           "[00:00:43] Amaya Cole: Our survey found the sky over Tarrow is four times brighter than in 1990. "
           "Most of that came from new car parks.\n")
PRESS = ("Carrow Bridge closure: press conference\n\nMAYOR OKAFOR: Good morning. The Carrow Bridge will close for repairs on "
         "3 June. The work will take eleven weeks.\n\n"
         "Q (LENA VOSS, VALLEY GAZETTE): Will there be compensation for shops on Bridge Street?\n\n"
         "OKAFOR: Yes. Shops can claim up to 4,000 dollars each from the council.\n\n"
         "Q (RAJ PATEL, RADIO NORTH): Who pays for the repairs?\n\nOKAFOR: The state transport fund pays 80 percent.\n")
CHAT = ("Pellow Audio support chat\n\nConversation ID: 5521-AB\n\n[09:02] System: You're now connected with Tomasz from the support team.\n\n"
        "[09:02] Agent (Tomasz): Hi, thanks for contacting Pellow Audio! How can I help?\n\n"
        "[09:03] Customer: My headphones won't charge. I bought them in March.\n\n"
        "[09:04] Agent (Tomasz): Sorry to hear that. Please hold the power button for 15 seconds to reset the battery.\n\n"
        "[09:07] System: Tomasz has ended the chat.\n")
FACTS = "Harlow Tools\n\nFounded: 1968\nFounder: Oswell Spencer\nHeadquarters: Leeds, in a mill on the canal.\nEmployees: 420\n"
GUIDE = ("Caring for the humidifier\n\nTip: Rinse the tank every day with cold water.\n\n"
         "Note: Use cold tap water only, never hot water.\n\nTip: Descale the base once a month with vinegar.\n\n"
         "Note: Never add essential oils to the water.\n")


def _sentences(tmp_path, text):
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    doc = load_document(tmp_path / "t.txt")
    return doc, {s.text: s for s in segment(doc)}


def test_a_transcripts_sentence_is_said_by_its_turns_label(tmp_path):
    """"Street lights point up …" follows "[00:00:25] Amaya Cole: Two reasons." in her turn; it is
    searched as hers, and the turn's first sentence without its time stamp."""
    doc, by_text = _sentences(tmp_path, PODCAST)
    later = by_text["Street lights point up as much as down, and the air scatters that light back toward us."]
    assert turn_speaker(later, doc) == "Amaya Cole"
    assert search_text(later, doc) == "Amaya Cole: " + later.text
    assert search_text(by_text["[00:00:25] Amaya Cole: Two reasons."], doc) == "Amaya Cole: Two reasons."
    assert [name for _, name in first_turns(doc)] == ["Rhea Mont", "Oskar Lind", "Amaya Cole"]


def test_a_reporters_label_names_the_reporter_and_one_speaker_keeps_one_name(tmp_path):
    doc, by_text = _sentences(tmp_path, PRESS)
    assert turn_speaker(by_text["Q (LENA VOSS, VALLEY GAZETTE): Will there be compensation for shops on Bridge Street?"],
                        doc) == "LENA VOSS, VALLEY GAZETTE"
    assert turn_speaker(by_text["Shops can claim up to 4,000 dollars each from the council."], doc) == "OKAFOR"
    # "MAYOR OKAFOR" and "OKAFOR" are one speaker
    assert [name for _, name in first_turns(doc)] == ["MAYOR OKAFOR", "LENA VOSS, VALLEY GAZETTE", "RAJ PATEL, RADIO NORTH"]


def test_a_chats_notices_and_labelled_lines_of_other_texts_are_no_ones(tmp_path):
    """A chat's "System:" notice speaks for no one (nor does the agent say it); a fact sheet's
    "Founded:" lines and a guide's "Tip:" and "Note:" lines are no transcript."""
    doc, by_text = _sentences(tmp_path, CHAT)
    assert turn_speaker(by_text["[09:07] System: Tomasz has ended the chat."], doc) == ""
    assert turn_speaker(by_text["I bought them in March."], doc) == "Customer"
    assert [name for _, name in first_turns(doc)] == ["Agent (Tomasz)", "Customer"]
    doc, _ = _sentences(tmp_path, CHAT + "\n[09:08] Agent (Ines): Hi, I'm Ines from the returns team, taking over.\n")
    assert [name for _, name in first_turns(doc)] == ["Agent (Tomasz)", "Customer", "Agent (Ines)"]  # two agents
    for text in (FACTS, GUIDE):
        doc, by_text = _sentences(tmp_path, text)
        assert not first_turns(doc) and all(turn_speaker(s, doc) == "" for s in by_text.values())
        assert all(search_text(s, doc) == s.text for s in by_text.values() if s.kind == "text" and ":" not in s.text)


@pytest.mark.parametrize("question, asks", [
    ("who is in this podcast?", True), ("Who took part in the call?", True), ("who are the speakers", True),
    ("how many people are in the chat", True), ("¿Quiénes son los participantes?", True), ("参与者有谁？", True),
    ("who is the guest?", False), ("Who is quoted in the story?", False), ("who spoke at the rally about taxes?", False),
])
def test_who_takes_part_is_asked_in_a_readers_words(question, asks):
    assert speakers_request(question) is asks
    assert quoted_request("Who is quoted in the story?")


@pytest.mark.parametrize("question, asks", [
    ("which reporter asked about compensation?", True), ("who asked who pays for the repairs", True),
    ("Which trustee asked about the buses in the second year?", True), ("¿Quién preguntó por las reparaciones?", True),
    ("谁问了维修费用？", True), ("who asked for a refund", True),
    ("who said the bridge would close?", False), ("What did the reporter ask?", False),
])
def test_who_asked_is_told_from_what_was_asked(question, asks):
    assert asks_who_asked(parse(question)) is asks


def test_a_podcast_answers_with_who_says_it(tmp_path):
    """On the session-start code "who is in this podcast?" was refused (0.04), "why do cities glow
    at night?" cited the host's question itself, and "What did Amaya Cole say about street
    lights?" and "what did she say about car parks" were refused (0.04, 0.06): none of the best
    sentences wrote her name or a word of speech."""
    engine = engine_over(tmp_path, **{"night-skies.txt": PODCAST})
    who = engine.ask("who is in this podcast?")
    assert who.answerable and who.answer.startswith("Speakers: Rhea Mont, Oskar Lind, Amaya Cole.")
    assert [c.sentence for c in who.citations] == ["[00:00:05] Rhea Mont: Welcome to Field Notes.",
                                                   "[00:00:09] Oskar Lind: And I'm Oskar Lind.",
                                                   "[00:00:25] Amaya Cole: Two reasons."]
    assert engine.ask("how many people speak in the episode?").answer.startswith("3 people speak: Rhea Mont")
    why = engine.ask("why do cities glow at night?")  # the question in the text: the guest's reply answers
    assert why.answerable and [c.sentence for c in why.citations[:2]] == [
        "[00:00:25] Amaya Cole: Two reasons.",
        "Street lights point up as much as down, and the air scatters that light back toward us."]
    # her name once a turn: the second sentence goes on in it
    assert why.answer.startswith("[00:00:25] Amaya Cole: Two reasons. [1] Street lights point up")
    lights = engine.ask("What did Amaya Cole say about street lights?")
    assert lights.answerable and lights.answer.startswith("Amaya Cole: Street lights point up as much as down")
    parks = engine.ask("what did she say about car parks")
    assert parks.answerable and parks.citations[0].sentence == "Most of that came from new car parks."


def test_a_press_conference_answers_who_asked_and_what_the_mayor_said(tmp_path):
    """On the session-start code "who asked who pays for the repairs" cited the mayor's reply, and
    "what did the mayor say about compensation?" was refused (0.05): "OKAFOR:" wrote no word of
    speech."""
    engine = engine_over(tmp_path, **{"bridge.txt": PRESS})
    asked = engine.ask("who asked who pays for the repairs")
    assert asked.answerable and asked.citations[0].sentence == "Q (RAJ PATEL, RADIO NORTH): Who pays for the repairs?"
    said = engine.ask("what did the mayor say about compensation?")
    assert said.answerable and "Shops can claim up to 4,000 dollars each from the council." in [
        c.sentence for c in said.citations]
    assert "OKAFOR: Yes." in said.answer
    claim = engine.ask("How much can shops claim?")
    assert claim.answer.startswith("OKAFOR: Shops can claim up to 4,000 dollars each from the council.")


def test_who_is_in_the_chat_of_several_documents_reads_the_transcript_among_them(tmp_path):
    """With the article beside it, "who is in this chat?" reads the one transcript; with two
    transcripts it asks which, in words that name one ("Who are the speakers in the <title>
    document?"). It had been searched over all of them and refused."""
    article = "Night trains\n\nThe night train to Vienna returns in May, the operator said on Monday.\n"
    engine = engine_over(tmp_path / "one", **{"chat.txt": CHAT, "trains.txt": article})
    assert engine.ask("who is in this chat?").answer.startswith("Speakers: Agent (Tomasz), Customer.")
    engine = engine_over(tmp_path / "two", **{"chat.txt": CHAT, "night-skies.txt": PODCAST})
    which = engine.ask("who is in this chat?")
    assert not which.answerable and "Who are the speakers in the" in which.answer
    named = engine.ask("In the Episode 12 – Night skies document, who are the speakers?")
    assert named.answer.startswith("Speakers: Rhea Mont, Oskar Lind, Amaya Cole.")
    # no transcript among them: searched, as before
    engine = engine_over(tmp_path / "none", **{"trains.txt": article, "facts.txt": FACTS})
    assert engine.ask("who is in this chat?").kind == "search"

