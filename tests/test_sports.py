"""A match report read with a reader's words for the game: the score, the venue, who went ahead
and who drew level, the crowd (qa/sports.py; fifty-ninth session)."""
import pytest

from qa.features import entity_mentions
from qa.question import asked_measure
from qa.sports import sport_paraphrases

STORY = """date 2026-04-18
Ferrow Athletic won the Western Shield on Saturday, beating Dunmore City 3-1 in a one-sided final at Kellaway Park.

Dunmore had taken the lead in the 12th minute through striker Paulo Reyes, who tapped in at the far post.
Ferrow equalised in the 38th minute when midfielder Ines Varga curled a free kick over the wall, and it was 1-1 at half-time.
Defender Tom Aske headed Ferrow in front early in the second half, and substitute Callum Drew added a third in the 81st minute.

Ferrow manager Greta Holm said her side had been patient after the early setback.
"We stayed calm and the goals came," Holm said.

Dunmore goalkeeper Yannick Bauer made seven saves, but his side managed only two shots on target.
Ferrow finished with 58% of possession.

The match was played in front of a crowd of 22,300.
It was Ferrow's first trophy since 2011, and revenge for the 2019 final, which Dunmore won 2-0.
"""


@pytest.mark.parametrize("question, typed", [
    ("What was the final score?", "final score"),
    ("Which venue hosted the final?", "venue hosted"),
    ("Which stadium was the game played at?", "stadium"),
    ("Who put Dunmore ahead?", "ahead"),
    ("Who took the lead?", "took the lead"),
    ("When did Ferrow draw level?", "draw level"),
    ("who tied it up", "tied it"),
    ("Who set him up?", "set him up"),
    ("Who scored the winning goal?", "winning goal"),
    ("how many ppl were at the game", "how many ppl"),
    ("How many fans were at the cup final?", "How many fans"),
    ("How much of the ball did Ferrow have?", "of the ball"),
    ("Did Dunmore hit the woodwork?", "woodwork"),
    ("What was the winning time?", "winning time"),
])
def test_a_readers_words_for_the_game(question, typed):
    assert typed in [t for t, _ in sport_paraphrases(question)]


@pytest.mark.parametrize("question", [
    "Who scored the most points?",  # a scorer, not a score
    "What score did he get on the test?",
    "What is the sea level at the coast?",  # no one drew level
    "What happens after the lead melts?",  # a metal
    "Who is the lead author of the report?",
    "What project structures assist the owner in integration?",
    "How many people lived in Egypt at the start of the Black Death?",
    "What is the total cost of attendance?",
])
def test_no_game_in_other_questions(question):
    assert sport_paraphrases(question) == []


@pytest.mark.parametrize("question, measure", [
    ("What was the final score?", "score"),
    ("what was the score that time", "score"),
    ("What was the scoreline?", "score"),
    ("Who scored the winner?", ""),
    ("What was the score of the exam?", ""),
])
def test_a_score_is_a_measure(question, measure):
    assert asked_measure(question) == measure


@pytest.mark.parametrize("sentence, scores", [
    ("Ferrow won, beating Dunmore City 3-1 in the final.", ("3-1",)),
    ("The Hawks won 118–115 in overtime.", ("118–115",)),
    ("She won 7-6 3-6 6-4.", ("7-6", "3-6", "6-4")),
    ("The 2020-21 season was cut short.", ()),
    ("Voters aged 18-24 years were polled.", ()),
])
def test_what_a_scoreline_is(sentence, scores):
    assert entity_mentions("score", sentence) == scores


@pytest.fixture(scope="module")
def final(tmp_path_factory):
    from test_document_shapes import engine_over

    return engine_over(tmp_path_factory.mktemp("final"), **{"western-shield-final.txt": STORY}).load()


@pytest.mark.parametrize("question, cited", [
    ("What was the final score?", "beating Dunmore City 3-1"),
    ("Which venue hosted the final?", "at Kellaway Park"),
    ("Who put Dunmore ahead?", "Dunmore had taken the lead"),
    ("When did Ferrow draw level?", "Ferrow equalised in the 38th minute"),
    ("What was the halftime score?", "it was 1-1 at half-time"),  # a part of the game: not the result
    ("how many ppl were at the game", "a crowd of 22,300"),
    ("How much of the ball did Ferrow have?", "58% of possession"),
])
def test_the_report_answers_a_readers_words(final, question, cited):
    a = final.ask(question)
    assert a.answerable, (question, a.confidence)
    assert cited in a.citations[0].sentence


def test_a_score_the_report_never_gives_is_refused(tmp_path):
    from test_document_shapes import engine_over

    text = STORY.replace("beating Dunmore City 3-1", "beating Dunmore City").replace(", which Dunmore won 2-0", "") \
        .replace(", and it was 1-1 at half-time", "")
    a = engine_over(tmp_path, **{"western-shield-final.txt": text}).load().ask("What was the final score?")
    assert not a.answerable


def test_the_short_answer_to_a_score_is_the_scoreline():
    from qa.question import parse
    from qa.span import find_span

    sentence = "Ferrow Athletic won the Western Shield on Saturday, beating Dunmore City 3-1 in the 90th minute."
    start, end = find_span(parse("What was the final score?"), sentence)
    assert sentence[start:end] == "3-1"


@pytest.mark.parametrize("sentence, people", [
    ("Substitute Tomás Ebrima headed the winner, meeting a corner from captain Liam Doherty.",
     ["Substitute Tomás Ebrima", "Liam Doherty"]),
    ("Zoë Müller beat Łukasz Wiśniewski.", ["Zoë Müller", "Łukasz Wiśniewski"]),
])
def test_a_follow_ups_he_may_mean_someone_with_an_accented_name(sentence, people):
    from qa.question import person_names

    assert person_names(sentence) == people


def test_a_named_ground_is_read_fast_and_by_its_capitals():
    import time

    from qa.sports import _SPORT

    asked, ground = next((a, w) for a, w in _SPORT if a.search("Which venue hosted the final?"))
    assert ground.search("a tense final at Halvorsen Stadium") and ground.search("at the Crescent Bank Arena")
    assert not ground.search("fans filled the stadium")  # no name: any text has a stadium
    start = time.perf_counter()
    ground.search(" ".join(["Word"] * 5000) + " ends here")  # a long run of capitals took 6 s
    assert time.perf_counter() - start < 1.0
