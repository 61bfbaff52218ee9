"""qa/counts.py: a count asked for, and a sentence that gives one."""
import pytest

from qa.counts import asked_count, counts_people, counts_time, gives_count


@pytest.mark.parametrize("question, time", [
    ("How many people attended the conference?", False),
    ("how many C550 chips did Metax show", False),
    ("How many days did the conference last?", True),
    ("In how many years will it open?", True),
    ("How many times has Polonia won the cup?", True),
    ("¿Cuántas empresas participaron?", False),
    ("¿Cuántos días duró la conferencia?", True),
    ("这次大会有多少家展商？", False),
    ("大会开了几天？", True),
    ("combien de personnes ont assisté à la conférence ?", False),
    ("Combien de jours dure la conférence ?", True),
    ("wie viele Chips hat Metax gezeigt?", False),
    ("quante alleanze sono state lanciate?", False),
    ("Quantos dias durou a conferência?", True),
    ("сколько отраслевых альянсов было создано?", False),
    ("Сколько дней длится конференция?", True),
    ("Metaxのデモには何個のチップが使われましたか？", False),
    ("칩을 몇 개 썼어?", False),
])
def test_what_a_question_counts(question, time):
    asked = asked_count(question)
    assert asked is not None and counts_time(asked) is time


@pytest.mark.parametrize("question", [
    "What did Alibaba unveil?",
    "How much does it cost?",
    "几乎所有公司都参加了吗？",  # 几乎: "almost"
    "百度的克隆工具需要多少样本视频？",  # how much footage: "10 minutes of sample footage"
    "他是第几分钟上场的？",  # which minute, an order
    "¿Y en cuanto a Huawei?",  # "en cuanto a": regarding
    # how much, not how many: answered by a measure ("10 minutes of sample footage")
    "Wie viel Videomaterial braucht das Klon-Tool von Baidu?",
    "Combien de temps dure la conférence ?",
    "Сколько видеоматериала нужно инструменту клонирования Baidu?",
    "Quanto materiale video serve?",
])
def test_questions_that_count_nothing(question):
    assert asked_count(question) is None


@pytest.mark.parametrize("sentence, things, days", [
    ("The announcements came during the three-day World Artificial Intelligence Conference in Shanghai.", False, True),
    ("Huawei launched its CloudMatrix 384 system, built using 384 of its self-developed 910C AI chips.", True, True),
    ("It uses its self-developed 910C AI chips.", False, False),  # a code counts nothing
    ("The system outperforms Nvidia's flagship GB200 NVL72 on some metrics.", False, False),
    ("It can replicate a voice using just 10 minutes of sample footage.", False, True),
    ("Two major industry alliances were launched.", True, True),
    ("About a third of which is Hmong.", True, True),
    ("The club has won the cup twice.", True, True),
    ("Brands sold 1,200 units in the 1990s.", True, True),
    ("Croft was sent off in the 79th minute for a second yellow card.", False, False),  # an order
    ("Deliveries are limited to between 7 a.m. and 6 p.m. on weekdays.", False, False),  # times of day
    ("It adds a larger 3.2-inch display and two-way satellite messaging.", False, False),  # measures of other things
    ("The council approved it in a 5-2 vote.", True, True),
    ("GPU manufacturers including Huawei, Biren, Moore Threads, and Enflame joined.", False, False),  # no total
])
def test_what_a_sentence_counts(sentence, things, days):
    assert gives_count(sentence, asked_count("How many companies joined?")) is things
    assert gives_count(sentence, asked_count("How many days did it last?")) is days


def test_a_number_joined_to_the_word_asked_counts_it():
    assert gives_count("It has a 3.2-inch display.", asked_count("How many inches is the display?"))
    assert not gives_count("It has a 3.2-inch display.", asked_count("How many buttons does it have?"))


@pytest.mark.parametrize("question, people", [
    ("How many people live in Port Calloway?", True),
    ("How many firefighters were hurt?", True),
    ("How many of the workers were laid off?", True),
    ("¿Cuántas personas viven en el pueblo?", True),
    ("这个镇有多少人？", True),
    ("wie viele Leute waren auf der Konferenz?", True),
    ("quantas pessoas foram à conferência?", True),
    ("сколько человек посетило конференцию?", True),
    ("上海の会議には何人が参加しましたか", True),
    ("몇 명이 참석했어요?", True),
    ("сколько компаний вошло в альянс?", False),
    ("公司有几名员工？", True),
    ("How many companies joined?", False),
    ("How many cylinders does the engine have?", False),  # a word ending like a trade's is no person
    ("How many kilometers long is it?", False),
    # sixty-second session: people counted by what they do, after a word saying which
    ("How many startup founders were convicted of fraud?", True),
    ("How many local residents objected?", True),
    ("How many train accidents happened last year?", False),
    ("How many hours did people wait?", False),
])
def test_which_counts_are_of_people(question, people):
    assert counts_people(asked_count(question)) is people


@pytest.mark.parametrize("sentence, answers", [
    ("The Port Calloway Chamber of Commerce, which represents about 2,300 businesses, said so.", False),
    ("In May, Veltrana recalled about 2.3 million bottles of Norvasta.", False),
    ("Austral has raised about A$145 million from investors.", False),  # money, then a word for people
    ("A catastrophic flood in 1887 killed at least 212 people.", True),
    ("Nearly four out of five young children were protected.", True),
    ("Three firefighters were treated for heat exhaustion.", True),
    ("The town has a population of about 4,000.", True),
    ("Calder employs about 2,300, most of them in Leeds.", True),
    ("Confucius's descendants in Quzhou alone number 30,000.", True),
])
def test_a_count_of_people_counts_people(sentence, answers):
    assert gives_count(sentence, asked_count("How many people live there?")) is answers
    assert gives_count(sentence, asked_count("How many companies joined?"))  # any count counts things


def test_a_date_counts_nothing():
    """Sixty-second session: "How many startup founders were convicted of fraud last year?" was
    answered (0.69) with a story's first sentence, whose only number is its dateline's day."""
    founders = asked_count("How many startup founders were convicted of fraud?")
    jars = asked_count("How many jars were found?")
    assert not gives_count("SAN FRANCISCO, March 14 (NewsWire) - A jury found the founder guilty.", founders)
    assert not gives_count("The jars were found on 14 May.", jars) and not gives_count("The jars were found in 2024.", jars)
    assert gives_count("In 2024, 312 jars were found.", jars)
    assert gives_count("It took three years, from 2019 to 2022.", asked_count("How many years did it take?"))


def test_people_counted_by_what_they_did():
    signed = asked_count("how many people have signed their petition")
    assert gives_count("Their group has collected more than 8,000 signatures on a petition.", signed)
    # the name after the thing counted is not what they did
    taking = asked_count("how many people were taking norvasta before the recall")
    assert not gives_count("In May, Veltrana recalled about 2.3 million bottles of Norvasta.", taking)


@pytest.mark.parametrize("line, answers", [
    ("Employees: 4,200 (2023)", True),
    ("Staff: about 300", True),
    ("Population: 12,400", True),
    ("Members: 120", True),
    ("Passengers (2023): 9.4 million", True),  # a year in the label
    ("Capacity: 32,000", False),  # seats, not people
    ("Founded: 1968", False),
    ("Revenue: $4 million", False),
])
def test_a_fact_sheet_line_counts_what_its_label_names(line, answers):
    """"How many employees does Umbrella have?" of "Employees: 30,000 (2002)" was refused: the
    number comes after its label, where a sentence writes it before ("30,000 employees")."""
    assert gives_count(line, asked_count("How many employees does Umbrella have?")) is answers
    assert gives_count("Capacity: 32,000", asked_count("How many seats does the stadium have?"))
