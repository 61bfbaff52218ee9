"""A size asked by its adjective ("How heavy …?", "How tall …?", "How cold …?") and who holds a
title at the organisation a story is about ("Who runs …?", "Who is the governor of …?"), of a story
that names the officer by title alone (fifty-eighth session)."""
import pytest

from qa import answer
from qa.features import entity_mentions
from qa.question import asked_measure, parse
from qa.types import Hit, Sentence


@pytest.mark.parametrize("question, measure", [
    ("How heavy are the glasses?", "weight"),
    ("How much does the rocket weigh?", "weight"),
    ("What is the weight of the new drill?", "weight"),
    ("How tall is the Bank of America Tower?", "length"),
    ("How high is Mount Bogong?", "length"),
    ("How far is Fresno from Los Angeles?", "length"),
    ("How deep is the lake?", "length"),
    ("What is the height of the tower?", "length"),
    ("How cold does the region get in winter?", "temperature"),
    ("At what temperature does the metal melt?", "temperature"),
    # a share, a sum or a place in a table, not a size
    ("How far did shares fall?", ""),
    ("How high is the unemployment rate?", ""),
    ("How high did the river crest?", ""),  # a crest is often given as a record, not in metres
    ("How big was the charity's contribution?", ""),  # a sum
    ("How long is the strike going to last?", "duration"),
    # other languages
    ("¿Cuánto pesan las gafas?", "weight"),
    ("¿A qué distancia está el faro?", "length"),
    ("¿Qué temperatura hace en invierno?", "temperature"),
    ("眼镜有多重？", "weight"),
    ("灯塔离村子有多远？", "length"),
    ("这一季的流感疫苗有效率有多高？", ""),  # 多高 of a rate: a share
    ("Combien pèsent les lunettes ?", "weight"),
    ("Wie schwer ist die Brille?", "weight"),
    ("Quanto pesano gli occhiali?", "weight"),
    ("Quanto pesam os óculos?", "weight"),
    ("Сколько весят очки?", "weight"),
    ("メガネの重さは？", "weight"),
    ("안경 무게는?", "weight"),
])
def test_the_size_a_question_asks_for(question, measure):
    assert asked_measure(question) == measure


@pytest.mark.parametrize("measure, sentence, gives", [
    ("weight", "The glasses, called Halo One, weigh 68 grams.", True),
    ("weight", "The lens weighs about 1.4 tonnes.", True),
    ("weight", "People told us smart glasses are too heavy.", False),
    ("weight", "The firm raised £5 million.", False),
    ("length", "Carrow is only about 14 kilometres long.", True),
    ("length", "It has a height of 617 ft (188 m).", True),
    ("length", "The 23-metre Albatross rocket lifted off.", True),
    ("length", "It lies one-half mile south of the college.", True),
    ("length", "The startup raised $5m last year.", False),
    ("length", "Sales rose 5 percent in May.", False),
    ("temperature", "Temperatures fell to -12 °C overnight.", True),
    ("temperature", "The forces are indistinguishable at 1015 kelvins.", True),
    ("temperature", "Highs near 100 degrees are expected.", True),
    ("temperature", "The winter was long and wet.", False),
])
def test_what_gives_a_size(measure, sentence, gives):
    assert bool(entity_mentions(measure, sentence)) is gives


def _hits(*texts: str) -> list[Hit]:
    return [Hit(Sentence("a", i, 0, len(t), t, i)) for i, t in enumerate(texts)]


def test_the_sentence_giving_the_size_asked_is_cited_first():
    """"How heavy are the glasses?" was answered with "… smart glasses are either too heavy …",
    ranked above "The glasses … weigh 68 grams"."""
    hits = _hits("“People told us smart glasses are either too heavy or too ugly,” the chief executive said.",
                 "The glasses weigh 68 grams and look like ordinary spectacles.",
                 "They go on sale in October.")
    assert answer.measure_first(hits, parse("How heavy are the glasses?"))[0] is hits[1]
    assert answer.measure_first(hits, parse("What do the glasses look like?"))[0] is hits[0]  # no size asked
    assert answer.lacks_measure(hits[::2], parse("How heavy are the glasses?"))
    assert not answer.lacks_measure(hits, parse("How heavy are the glasses?"))


STORY = """Harwick Tools cuts 300 jobs as drill sales slow

date 2026-02-03 Harwick Tools Ltd. said on Tuesday it would cut 300 jobs at its plant in Sheffield after sales of its cordless drills fell for a third quarter.

Shares of the company fell 4% in London trading.

“We have asked a great deal of our people, and this was not an easy decision,” Chief Executive Officer Naomi Whitfield told reporters. She said the company would focus on its professional range.

Finance director Oliver Strand said the cuts would save about £18 million a year. “Our members heard about this on the radio,” said Mark Ellery, president of the union’s Sheffield branch.

Jonas Petrov, the company's chief technology officer, said the professional range would move to brushless motors.

Analyst Petra Lund of Corvane Research said other toolmakers faced the same pressure. Corvane chief executive Daniel Ekwueme did not comment.

The company's newest drill weighs 1.2 kilograms, about a third less than its predecessor, and its battery runs for 40 minutes. Customers had complained that older models were too heavy for overhead work.
"""


@pytest.fixture(scope="module")
def tools(tmp_path_factory):
    from test_document_shapes import engine_over

    return engine_over(tmp_path_factory.mktemp("tools"), **{"harwick-tools-job-cuts.txt": STORY}).load()


@pytest.mark.slow
@pytest.mark.parametrize("question", ["Who runs Harwick Tools?", "who's the boss at harwick tools",
                                      "Who is the CEO of Harwick?"])
def test_the_leader_of_the_company_a_story_is_about_is_its_chief_executive(tools, question):
    ans = tools.ask(question)
    assert ans.answerable and "Naomi Whitfield" in ans.citations[0].sentence


@pytest.mark.slow
@pytest.mark.parametrize("question, named", [("Who is the CTO of Harwick Tools?", "Jonas Petrov"),
                                             ("who's harwick's finance director", "Oliver Strand")])
def test_any_title_of_the_company_a_story_is_about(tools, question, named):
    ans = tools.ask(question)
    assert ans.answerable and named in ans.citations[0].sentence


@pytest.mark.parametrize("question, org, sentence, given", [
    ("Who runs Brightwater?", "Brightwater", "“It was painful,” Chief Executive Officer Margaret Okonjo told analysts.", True),
    ("who's the boss at austral launch systems", "austral launch systems", "said co-founder and Chief Executive Priya Raman.", True),
    ("Who is the governor of Westmarch Province?", "Westmarch Province", "Governor Elena Varga told reporters.", True),
    ("who's in charge of westmarch province", "westmarch province", "Governor Elena Varga told reporters.", True),
    ("Who is the CTO of Austral Launch Systems?", "Austral Launch Systems", "Bellamy, the company's chief technology officer, said so.", True),
    ("who's brightwater's finance chief", "brightwater", "Chief Financial Officer Daniel Reyes said the cost would rise.", True),
    ("who's the manager of caldera united", "caldera united", "Caldera coach Viktor Halloran said the decision was wrong.", True),
    ("Who is the spokesperson for the Bureau?", "Bureau", "A spokesperson, Karen Oduya, declined to comment.", True),
    # the body named after the title (sixty-third session)
    ("Who runs Terminales Australes?", "Terminales Australes",
     "“Ships are getting bigger,” said Rodrigo Ferrada Vial, chief executive of Terminales Australes.", True),
    ("Who runs Brightwater?", "Brightwater", "said Ana Ruiz, chief executive of Brightwater Capital.", True),
    ("Who runs Brightwater?", "Brightwater", "said Ana Ruiz, chief executive of Corvane Research.", False),
    # another body's president, a vice-president, an analyst
    ("Who runs Brightwater?", "Brightwater", "said Tom Birchwood, president of the union’s Local 412.", False),
    ("Who runs Brightwater?", "Brightwater", "Vice President John Hale said sales fell.", False),
    ("Who runs Brightwater?", "Brightwater", "said Corvane analyst Priya Lindqvist.", False),
])
def test_a_title_asked_and_the_sentence_giving_it(question, org, sentence, given):
    from qa.roles import holder_asked

    from qa.features import token_list

    asked_org, title = holder_asked(question)
    assert asked_org == org
    assert answer.gives_title(sentence, title, list(token_list(org))) is given


@pytest.mark.parametrize("question", ["Who runs the bakery in Pell Crossing mentioned in the article?",
                                      "Who is the father of the bride?", "What does Brightwater make?"])
def test_no_title_asked(question):
    from qa.roles import holder_asked

    assert holder_asked(question) is None


@pytest.mark.parametrize("question, org, title", [
    ("¿Quién es el jefe de Calder Brightworks?", "Calder Brightworks", "Chief Executive"),
    ("Calder Brightworks 的老板是谁？", "Calder Brightworks", "CEO"),
    ("¿Quién dirige Austral Launch Systems?", "Austral Launch Systems", "President"),
    ("谁是Valtrix的首席执行官？", "Valtrix", "chief executive officer"),
    ("Quem é o CEO da Huawei?", "Huawei", "CEO"),
    ("Кто руководит Valtrix?", "Valtrix", "Chairman"),
    ("Qui est le porte-parole de Valtrix ?", "Valtrix", "spokeswoman"),
])
def test_a_title_asked_in_another_language(question, org, title):
    from qa.roles import holder_asked_other

    asked_org, forms = holder_asked_other(question)
    assert asked_org == org and forms.fullmatch(title)


@pytest.mark.parametrize("question", ["¿Quién es el gobernador de la provincia?",  # no name to find the story by
                                      "¿Qué anunció Valtrix?", "Valtrix发布了什么？"])
def test_no_title_asked_in_another_language(question):
    from qa.roles import holder_asked_other

    assert holder_asked_other(question) is None


@pytest.mark.slow
@pytest.mark.parametrize("question", ["¿Quién dirige Harwick Tools?", "Harwick Tools 的老板是谁？"])
def test_the_leader_asked_in_another_language(tools, question):
    ans = tools.ask(question)
    assert ans.answerable and "Naomi Whitfield" in ans.citations[0].sentence


@pytest.mark.slow
def test_no_leader_is_read_for_a_company_the_story_is_not_about(tools):
    """"Harwick Capital" is another firm than the story's; Corvane is not the story's subject, but
    the paragraph naming its chief executive names "Corvane Research" too (sixty-third session:
    "Who is the boss of Rheinkraft?" of a fire story whose paragraph on the plant's owner names
    "Chief executive Matthias Kellner" after it)."""
    q = parse("Who runs Harwick Capital?")
    index = tools._retriever.index
    hits = [Hit(s) for s in index.sentences]
    assert answer.subject_holder(index, hits, q) is None
    assert answer.subject_holder(index, hits, parse("Who runs Harwick Tools?")).sentence.text.count("Naomi Whitfield")
    assert answer.subject_holder(index, hits, parse("Who runs Corvane Research?")).sentence.text.count("Daniel Ekwueme")
    assert answer.subject_holder(index, hits, parse("Who runs Kestrel Research?")) is None  # never named
    # the words read as the organisation are the holder's own name: her age is asked
    assert answer.subject_holder(index, hits, parse("首席执行官Naomi Whitfield多大年纪？")) is None


@pytest.mark.slow
def test_the_size_asked_is_cited_from_the_story(tools):
    ans = tools.ask("How heavy is the newest drill?")
    assert ans.answerable and "1.2 kilograms" in ans.citations[0].sentence


@pytest.mark.parametrize("question, sentence, marked", [
    ("How heavy are the glasses?", "The glasses, called Halo One, weigh 68 grams and look like spectacles.", "68 grams"),
    ("How cold does it get?", "Temperatures fell to -12 °C overnight.", "-12 °C"),
    ("Who runs Brightwater?", "“It was painful,” Chief Executive Officer Margaret Okonjo told analysts.",
     "Chief Executive Officer Margaret Okonjo"),  # a title is part of SQuAD's answers ("Mayor W. Haydon Burns")
    # a surname given its title after it, and a place that is no person ("Port Augusta")
    ("Who is the CTO of Austral?", "Bellamy, the company's chief technology officer, tested it near Port Augusta.", "Bellamy"),
])
def test_the_short_answer_marks_the_figure_with_its_unit_and_the_holder_named(question, sentence, marked):
    from qa.span import find_span

    start, end = find_span(parse(question), sentence)
    assert sentence[start:end] == marked


@pytest.mark.parametrize("question, sentence, given", [
    ("Who is leading the project?", '"The coins narrow the window," said project director Ivana Radic.', True),
    ("Who headed the research team?", "The team, led by Dr. Helena Marchetti of the University of Geneva, watched the planet.", True),
    ("who's in charge of the team now?", "Ana Silva, head of the team, said so.", True),
    ("Who is leading the project?", "The project was approved in March.", False),  # no one named for it
    ("Who is leading the project?", "The team, led by Dr. Helena Marchetti, watched the planet.", False),  # another thing's leader
    ("Who leads Brightwater?", "Brightwater director Ana Silva said so.", False),  # a firm by name: its top title (subject_holder)
    ("What is the project about?", "Project director Ivana Radic said so.", False),
])
def test_who_leads_a_group_named_in_lower_case(question, sentence, given):
    """Sixty-second session: "Who is leading the project?" (0.07) and "Who headed the research team?"
    (0.14) of stories naming "project director Ivana Radic" and "The team, led by Dr. Helena Marchetti"."""
    hit = answer.leader_given(_hits("The wreck lies at a depth of 47 metres.", sentence), parse(question))
    assert (hit is not None and hit.sentence.text == sentence) is given


@pytest.mark.parametrize("question, sentence, other", [
    ("What was Chile's annual inflation rate in December?", "Annual inflation quickened to 4.6% in February from 4.1% in January.", True),
    ("Who went to Fort Duquesne in July 1755?", "In June 1755 the expedition set out.", True),
    ("What was the inflation rate in February?", "Annual inflation quickened to 4.6% in February from 4.1% in January.", False),
    ("What happened on December 5?", "On Dec. 5 the council voted.", False),  # a month abbreviated
    ("What was the inflation rate in December?", "Inflation rose to 4.6%.", False),  # no month given: another rule's
    ("What may the bank do next?", "The bank meets again in June.", False),  # "may" asks no month
    ("i joined rewards in september, am i affected", "Customers who joined after 1 August 2025 are not affected.", False),  # a span
])
def test_a_month_asked_and_others_given(question, sentence, other):
    """Sixty-second session: a figure asked for one month, of a sentence giving it for others, is refused
    ("What was Chile's annual inflation rate in December?" was answered at 0.73; SQuAD 2.0's unanswerable
    "Who went to Fort Dusquesne in July 1755?" at 0.84)."""
    assert answer.other_month(_hits(sentence), parse(question)) is other
