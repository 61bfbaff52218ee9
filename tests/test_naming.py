"""qa/naming.py: a question asking for a name, of a sentence that gives none."""
import pytest

from qa.naming import NAME_ASKED, gives_name, lacks_name


@pytest.mark.parametrize("question", [
    "What is the name of Baidu's AI cloning tool?",
    "what's the name of the hiker who reported the fire",
    "And what was the name of the ship?",
    "What are the names of the other firms besides Metax?",
    "What is the full name of the alliance?",
])
def test_a_name_asked(question):
    assert NAME_ASKED.match(question)


@pytest.mark.parametrize("question", [
    "Who named the ship?", "What did they name the ship?", "Which name did the firm choose?",
    "What is the ship called?",  # a term, often a common noun: "is called primality"
])
def test_other_questions_ask_no_name_this_way(question):
    assert not NAME_ASKED.match(question)


@pytest.mark.parametrize("sentence, question", [
    ("Huawei launched its CloudMatrix 384 system.", "What is the name of Huawei's new system?"),
    ("The first, called the Model-Chip Ecosystem Innovation Alliance, brings together developers.",
     "What is the name of the first alliance?"),
    ("The property of being prime (or not) is called primality.", "What is the name of the property?"),  # lower case after "called"
    ("The states are divided into smaller regions, called counties in all but two states.", "What is the name of the regions?"),
    ("Huawei built it from 384 of its 910C chips.", "What is the name of Huawei's chip?"),  # letters and digits
    ("Baidu showed a “digital human” tool.", "What is the name of Baidu's tool?"),  # words in quotes
    ("Photosynthesis is how plants make food.", "What is the name of the process plants use?"),  # a rare first word
])
def test_a_sentence_giving_a_name(sentence, question):
    assert gives_name(sentence, question) and not lacks_name(sentence, question)


@pytest.mark.parametrize("sentence, question", [
    ("Its AI cloning tool can replicate a person’s voice using just 10 minutes of footage.",
     "What is the name of Baidu's AI cloning tool?"),
    ("Meanwhile, Baidu showcased a new “digital human” technology.", "What is the name of Baidu's digital human product?"),
    ("At least six other Chinese firms, including Metax, showcased similar systems.",
     "What are the names of the other Chinese firms besides Metax?"),  # the only name is the question's
    # sixty-second session: a number joined to what it measures is no name
    ("The driver, a 51-year-old with 23 years of experience, survived.", "What is the name of the train's driver?"),
])
def test_a_sentence_naming_nothing_new(sentence, question):
    assert lacks_name(sentence, question)


def test_a_name_the_text_says_it_does_not_give():
    """The sentence names places, but says the buyer was not identified."""
    sentence = ("The work was sold at auction in London to a private collector in the United States, whom the auction house "
                "did not identify.")
    assert gives_name(sentence, "What is the name of the American collector?")
    assert lacks_name(sentence, "What is the name of the American collector?")
    assert not lacks_name(sentence, "Where was the work sold?")  # no name asked


@pytest.mark.slow
def test_engine_refuses_a_name_the_article_does_not_give(engine):
    """Baidu's cloning tool is unnamed in the article; Huawei's system is named."""
    assert not engine.ask("What is the name of Baidu's AI cloning tool?").answerable
    ans = engine.ask("What is the name of Huawei's new system?")
    assert ans.answerable and "CloudMatrix 384" in ans.citations[0].sentence


@pytest.mark.parametrize("question, asks", [
    ("Which analyst at Pennick & Rowe commented on the results?", True),
    ("Which Chinese livestreamers are already using Baidu's virtual hosts?", True),
    ("which company is going to build it?", True),
    ("Which organ makes insulin?", False),   # a kind not always known by name
    ("Which officials spoke?", False),       # often unnamed: "city officials said"
])
def test_which_one_of_a_kind_known_by_name(question, asks):
    from qa.naming import WHICH_NAMED

    assert bool(WHICH_NAMED.match(question)) is asks


def test_a_quotation_names_no_company_or_person():
    """"Analysts at Pennick & Rowe described the results as "solid beneath the noise"": the quoted
    words are what they said, not who they are; for a product, quoted words are its name."""
    sentence = 'Analysts at Pennick & Rowe described the results as "solid beneath the noise".'
    assert lacks_name(sentence, "Which analyst at Pennick & Rowe commented on the results?")
    assert not lacks_name("Analyst Joan Reyes at Pennick & Rowe called them solid.",
                          "Which analyst at Pennick & Rowe commented on the results?")
    assert not lacks_name('Baidu showed a "digital human" tool.', "What is the name of Baidu's tool?")
