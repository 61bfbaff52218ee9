"""The short answer the page marks in bold (qa/span.py): right when marked, unmarked when unsure."""
import pytest

from qa.question import parse
from qa.span import find_span


def marked(question: str, sentence: str) -> str | None:
    span = find_span(parse(question), sentence)
    return sentence[span[0]:span[1]] if span else None


@pytest.mark.parametrize("question, sentence, want", [
    # whole number tokens: never the "91" of a model code "910C", nor a trailing comma
    ("How many chips does it use?", "It is built using 384 of its 910C chips.", "384"),
    ("How many people live there?", "In 2014, about 30,000 people lived there.", "30,000"),
    # "how many" is not answered by a year; "what year" only by one
    ("How many men were in Robert's army?", "In 1081 Robert's army of 30,000 men landed.", "30,000"),
    ("In what year did the war end?", "The war, which cost two kingdoms dearly, ended in 1648.", "1648"),
    # "what percentage" by a percentage
    ("What percentage of the cattle are in Victoria?", "Victoria has 3 million cows, 60% of the herd.", "60%"),
    # a unit of time or measure belongs to the answer
    ("How much footage does the tool need?", "The tool needs just 10 minutes of footage.", "10 minutes"),
    # "how many valves": the number that counts valves
    ("How many valves did the engine use?", "Built in 1849 with two pistons, the engine used four valves.", "four"),
])
def test_number_spans(question, sentence, want):
    assert marked(question, sentence) == want


@pytest.mark.parametrize("question, sentence, want", [
    # the measure asked for: money, not the count beside it; a time of day, not the date
    ("How much did they pay for the ferry?", "A return ticket for two adults and a car cost us £148.", "£148"),
    ("What time does phone support open?", "Phone support is available on weekdays from 8 a.m. until late.", "8 a.m."),
    ("When does the bakery open?", "The bakery opens at 6 am every weekday.", "6 am"),
])
def test_spans_of_the_measure_asked_for(question, sentence, want):
    assert marked(question, sentence) == want


def test_person_spans_are_people():
    # a sentence's leading "The" is no part of a name; a place or an organisation is no person
    assert marked("Who founded the abbey?", "The abbey was founded by Jean de Forest.") == "Jean de Forest"
    assert marked("Who founded the abbey?", "The abbey at Cape Town was founded in 1700.") is None
    assert marked("Who led them?", "They were led by Robert Guiscard's army.") == "Robert Guiscard"
    # the question's first word decides: a "who ... when ..." question wants the person
    assert marked("Who was chief executive when the service began?",
                  "Sam Chisholm was chief executive when the service began on 1 September 1993.") == "Sam Chisholm"


def test_no_mark_on_an_organisation_a_product_or_one_name_of_a_list():
    alliance = ("The first, called the Model-Chip Ecosystem Innovation Alliance, brings together GPU manufacturers "
                "including Huawei, Biren, Moore Threads, and Enflame, all of whom have faced US sanctions.")
    assert marked("Who are the LLM developers in the second alliance?", alliance) is None
    assert marked("Who faces US sanctions?", alliance) is None  # four companies do: bolding one is wrong
    assert marked("Who introduced Hunyuan3D?", "Tencent introduced its Hunyuan3D World Model 1.0.") is None
    # a name followed by "system-level" or owning the system is not the system's name
    assert marked("Which Nvidia system does CloudMatrix outperform?",
                  "The system outperforms Nvidia's flagship GB200 NVL72 on some metrics, Huawei's system-level "
                  "design showing.") is None
    # a person named apart from a list still is
    assert marked("Who is the CEO of Enflame?", "Zhao Lidong, CEO of Enflame, described the alliance.") == "Zhao Lidong"


def test_place_spans():
    # a month after "in" is no place; an apostrophe inside a name keeps it whole
    assert marked("Where did the treaty get signed?", "The treaty was signed in August in Paris.") == "Paris"
    assert marked("Where did the monks flee?", "The monks fled from Sant'Eufemia.") == "Sant'Eufemia"


def test_instances_of_the_asked_noun():
    # Hearst's patterns: "X and other chips", "firms including X"
    assert marked("Which chips can China not buy?", "China cannot buy the A100 and other advanced chips.") == "A100"
    assert marked("Which firms are members?", "Several firms including Huawei are members.") == "Huawei"
    # a short acronym before the noun is a modifier: "910C AI chips" names the 910C
    assert marked("What chips does it use?", "It uses 384 of its 910C AI chips.") == "910C"
    assert marked("What chips does it use?", "It uses many AI chips.") is None


def test_names_asked_for():
    # "called"/"named"/"the name of": the name the sentence gives, or a name of the thing asked about
    assert marked("What was the fort called?", "The French built a fort called Fort Duquesne.") == "Fort Duquesne"
    assert marked("What is the name of the desert to the east?", "To the east lies the Colorado Desert.") == "Colorado Desert"
    assert marked("What is Huawei's new system called?", "Huawei launched its CloudMatrix 384 system.") == "CloudMatrix 384"


def test_no_mark_when_no_candidate_stands_out():
    # two dates, neither nearer the question's words than the other by much: nothing in bold
    assert marked("When did the plant close?", "It opened in 1990 and the plant closed in 2017.") == "2017"
    assert marked("When did it happen?", "Between 1990 and 1995, it happened.") is None


def test_eval_scores_the_short_answer_where_the_citation_is_right():
    from qa.evaluate import score

    questions = [{"id": i, "kind": "squad", "question": "?", "answerable": True, "gold": ["sentence " + i],
                  "answer": [a]} for i, a in (("a", "10 minutes"), ("b", "Paris"), ("c", "1648"), ("d", "x"))]
    cite = lambda i: [{"doc": "d", "sentence": "The sentence " + i + ".", "start": 0, "end": 1, "score": 1.0}]  # noqa: E731
    answers = {"a": {"answerable": True, "answer": "", "citations": cite("a"), "short_answer": "10"},  # inside: right
               "b": {"answerable": True, "answer": "", "citations": cite("b"), "short_answer": "Lyon"},  # wrong
               "c": {"answerable": True, "answer": "", "citations": cite("c")},  # right citation, no mark
               "d": {"answerable": True, "answer": "", "citations": cite("zzz"), "short_answer": "x"}}  # wrong citation: not judged
    summary, _, _ = score(questions, answers)
    assert summary["short_answer_marked"] == round(2 / 3, 3) and summary["short_answer_right"] == 0.5


def test_a_number_that_ends_a_name_is_no_count():
    sentence = ("Huawei took centre stage with the launch of its CloudMatrix 384 system, "
                "built using 384 of its self-developed 910C AI chips.")
    span = find_span(parse("How many chips?", ["What did Huawei launch?"]), sentence)
    assert span is not None and span[0] == sentence.index("384 of its")  # not "CloudMatrix 384"
