"""Question sets written blind: by a writer who read only the documents, never the code nor
the change they were first used to check (twenty-second session, docs/results.md). Guards, not
targets: each bound sits below today's figure by a question or two.

- tests/data/article_fresh.jsonl: 90 questions about the article (60 answerable, 30 not);
- tests/data/short_documents/: six short documents of everyday genres (a council notice, a
  product FAQ, a press release, a biography, a travel diary, a clinic leaflet) and 120
  questions about them (78 answerable, 42 not), each asked of its own document;
- tests/data/conversations.jsonl (twenty-third session): 60 follow-up questions with the earlier
  questions they lean on (40 answerable, 20 not), about the article and the six short documents;
  it shaped the rule that a follow-up about a thing is not answered from a paragraph about
  another (docs/results.md), so it is a guard, not a blind figure;
- tests/data/short_documents_b/ (twenty-third session): five more documents (a company's
  quarterly results and recall, a football match report, a recipe post, a museum exhibition
  notice, an encyclopedia-style river article) and 150 questions (100 answerable, 50 not).
- tests/data/news_articles/ (twenty-sixth session): six news-wire stories (job cuts, a malaria
  trial, a congestion charge, a cup final, smart glasses, a flood), each 500-600 words with a
  date line and section headings like the article, and 210 questions (138 answerable, 72 not)
  written by three helpers told to ask in their own words and to make most unanswerable
  questions reuse the story's names. Its first run is the session's blind figure.
- tests/data/conversations_news/ (thirty-sixth session): twelve more news stories and 60
  three-turn conversations about them (180 questions, 144 answerable), from three helpers.
- tests/data/news_articles_b/ (thirty-seventh session): four more news-wire stories (a court
  ruling, a wildfire, a museum's purchase, a rocket launch) and 120 questions (80 answerable,
  16 of them follow-ups; 40 not, 24 reusing the story's names).
- tests/data/attribution/ (thirty-seventh session): six short news stories and 48 questions
  asking what someone credits, blames or attributes an outcome to (30 answerable, 18 not),
  written to check a rule for such questions (not shipped: docs/results.md).
- tests/data/conversations_news_b/ (thirty-seventh session): four more news stories and 24
  three-turn conversations about them (72 questions, 56 answerable), written blind after the
  session's first rules.
- tests/data/conversations_multilingual/ (thirty-eighth session): eight of those news stories
  and 48 three-turn conversations in Spanish and Chinese (144 questions, 120 answerable), typed
  carefully and casually, leaning on the earlier turns with object pronouns, dropped subjects
  and ellipsis.
- tests/data/yes_no_and_counts/ (thirty-ninth session): five more documents (a company's
  expansion, a match report, a gadget's launch, a health study, a lantern walk) and 80
  questions, half yes/no and half "how many", half of each unanswerable (many "how many" traps:
  a duration, a list "including …", a count of another thing).
- tests/data/spanish_followups/ (fortieth session): the article and the four stories of
  news_articles_b, and 60 two-turn conversations in Spanish whose follow-up drops its subject
  ("¿es de código abierto?" after "¿Qué presentó Tencent?": 40, 28 of them answerable), stands
  alone (10) or is small talk (10).
- tests/data/chinese_followups/ (fortieth session): the same five documents and 60 two-turn
  conversations in Chinese, written the same way ("是开源的吗？" after "腾讯发布了什么？").
- tests/data/named_subjects/ (forty-first session): the article, the four stories of
  news_articles_b and the five short documents of short_documents_b, and 120 questions whose
  subject is a name: 60 the document never writes (a rival, an agency, a neighbouring town:
  "What did Xiaomi unveil at the World Artificial Intelligence Conference in Shanghai?") and 60
  it does, typed as people type them (possessives, surnames alone, lower case, misspellings).
- tests/data/countries/ (forty-third session): five news stories naming countries many ways (a
  wine tariff, a mackerel deal, a youth football final, a malaria vaccine, a tanker aground),
  some only by an adjective or initials ("British" and "UK", never "Britain"), and 60 questions:
  24 naming a country otherwise than the story does ("What access did Britain win?"), 12 as it
  does, 24 about a country it never names in any form ("What did Canada pledge?").
- tests/data/titles/ (forty-first session): the ten news stories of news_articles and
  news_articles_b, and 60 questions asking who holds an office by its title ("Who is the CEO of
  Brightwater Appliances?"): 30 the story answers, often in other words ("chief executive"), 30
  about an organisation it names but whose office-holder it never gives, many with the same
  office at another one nearby. Written to check a rule that was not shipped (docs/results.md).
- tests/data/counts_people/ (forty-sixth session): five news stories full of numbers (a ferry
  aground, a biscuit factory closing, a census, a marathon in the heat, a wildfire) and 40 "how
  many <people>" questions, 20 answerable (often in other words: "staff" for jobs, "hurt" for
  injured) and 20 whose nearest number counts something or someone else.
- tests/data/sports_reports/ (fifty-ninth session): five match and race reports (a basketball
  playoff game, a tennis final, a rugby semi-final, an ice-hockey game, a marathon) and 120
  questions (80 answerable, 20 of them follow-ups; 40 not, 20 reusing the report's names).
- tests/data/news_articles_c/ (sixty-second session): six more news-wire stories (a central
  bank's rate decision, a Roman shipwreck, an airline's results, a fraud verdict, a telescope's
  finding, a derailment report) and 210 questions (138 answerable, 18 of them follow-ups; 72 not,
  48 reusing the story's names), from three helpers; first run blind on the session-start code.
- tests/data/fact_sheets/ (sixty-eighth session): eight profile pages pasted as text (a company,
  a town, a biography, a stadium, an album, a university, an aircraft, a national park), each a
  title, a block of "Label: value" lines (an infobox) and prose, and 96 questions (48 about facts
  only the block gives, 24 about the prose, 24 not answered); it shaped the reading of such lines
  (docs/results.md), so it is a guard. tests/data/fact_sheets_b/: six more (a restaurant, a river,
  a video game, a hospital, a bridge, a football club) and 84 questions (42, 18, 24), written
  blind after that change; tests/data/fact_sheets_c/: six more (a museum, a school, a novel, a
  charity, a ferry, a festival) and 84 questions (42, 18, 24), written blind after its first
  changes; tests/data/fact_sheets_d/: six more (a politician, a lake, a phone, an airport, a
  concert hall, a brewery) and 84 questions (42, 18, 24), written blind before the last.
- tests/data/correspondence/ (sixty-ninth session): six letters, e-mails and memos as people
  paste them (an e-mail under its subject line, a memo under "MEMORANDUM", minutes with numbered
  items and action lines, a customer notice, a reply over a quoted message, a retirement notice)
  and 84 questions (42 about the text, 18 about a header, signature or action line, 24 not
  answered); it shaped that session's reading of such texts. tests/data/correspondence_b/: six
  more and 84 questions, written blind after its first changes. tests/data/guides/: six practical
  texts (a manual, a recipe, a FAQ, rules, a permit guide, a course sheet) and 84 questions (30
  about a list item, step or "Label: value" line, 30 about prose, 24 not answered);
  tests/data/guides_b/: six more, written blind after the first changes.
- tests/data/transcripts/ (seventieth session): six transcripts as people paste them (a magazine
  Q&A, a podcast with time stamps, a school board meeting, a press conference, a help-desk chat, a
  radio interview) and 84 questions (18 asking who said or asked something, 18 what someone said,
  24 facts, 24 not answered); it shaped that session's reading of turns. tests/data/transcripts_b/:
  six more (a newspaper interview, an auto-generated webinar, an inquiry hearing, an earnings
  call, a group chat export, a lecture), written blind before the changes and first run after.
- tests/data/policies/ (seventy-first session): six policies and contracts as people paste them
  (numbered clauses, lists under a line ending in a colon, defined terms, a form's blanks) and 84
  questions (24 what one may or must do, 18 numbers, 18 conditions, 24 not answered); it shaped
  that session's reading of lists and definitions. tests/data/policies_b/: six more, written
  blind before the changes. tests/data/job_postings/ and job_postings_b/: six job postings each,
  84 questions each (24 requirements, 18 pay, hours and dates, 18 details, 24 not answered),
  written blind; the second was first run on the session's first commit.
- tests/data/reports/ and reports_b/ (seventy-second session): six minutes and reports each
  (council, board, AGM and club minutes, results releases and trading updates, incident,
  inspection, recall and annual reports), 84 questions each (24 decisions and findings, 18
  numbers, 18 details, 24 not answered); tests/data/schedules/ and schedules_b/: six agendas,
  programmes, timetables, syllabuses, term dates and itineraries each, 84 questions each (24
  when and where, 18 numbers, 18 details, 24 not answered). All written blind; the first of each
  shaped that session's reading of list entries, field labels and minutes' outcomes, the second
  was first run on its changes.
- tests/data/article_blind.jsonl (forty-seventh session): 60 more questions about the article
  from a helper who read only it (41 English, 10 Spanish, 9 Chinese; 8 follow-ups; 42
  answerable, 18 not), typed the ways people type (terse, misspelt, long and polite).
"""
import re
from pathlib import Path

import pytest

from qa.evaluate import read_questions, run, score

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data"


def test_fresh_article_questions(engine):
    """Today 0.883 cite@1, false refusals 0.083 (0.183 before common and reworded words stopped
    counting as missing and acronyms were spelt out), correct refusals 0.467 (0.333 before a
    price, a time or a percentage the article never gives was refused)."""
    questions = read_questions(DATA / "article_fresh.jsonl")
    assert len(questions) == 90
    summary, _, _ = score(questions, run(engine, questions)[0])
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.9, summary  # right when answered: 0.96
    assert summary["false_abstain"] <= 0.04, summary  # 0.033 since the sixty-first session (0.050 before)
    assert summary["abstain_correct"] >= 0.7, summary  # 0.767 since the sixtieth session (0.533 before)


def test_more_blind_article_questions(engine):
    """First run, blind, on the forty-seventh session's start code: 0.714 cite@1, correct
    refusals 0.556, false refusals 0.048. Its misses then shaped three of that session's rules
    (a follow-up's count read from the sentence about its thing; a typo read as English; what
    something lets people do), so it is a guard, no longer a blind figure (docs/results.md)."""
    questions = read_questions(DATA / "article_blind.jsonl")
    assert len(questions) == 60 and sum(q["answerable"] for q in questions) == 42
    summary, _, _ = score(questions, run(engine, questions)[0])
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.78, summary  # 0.829
    assert summary["false_abstain"] <= 0.1, summary
    assert summary["abstain_correct"] >= 0.7, summary  # 0.778 since the sixtieth session (0.556 before)


def _as_typed(question: str, how: str) -> str:
    """The question as people type it: after a greeting, inside a request, with two letters of
    its longest lower-case word swapped (no randomness: the same word and letters each run), or
    all in lower case or in capitals."""
    if how == "lower":
        return question.lower()
    if how == "capitals":
        return question.upper()
    if how == "greeting":
        return "hey, quick question: " + question
    if how == "request":
        return "Can you tell me " + question[0].lower() + question[1:]
    words = question.split()
    k = max(range(len(words)), key=lambda i: (len(words[i]) if words[i].isalpha() and words[i].islower() else 0, -i))
    w = words[k]
    if len(w) < 6 or not w.isalpha():
        return question
    words[k] = w[:2] + w[3] + w[2] + w[4:]
    return " ".join(words)


@pytest.mark.parametrize("how", ["greeting", "request", "typo", "lower", "capitals"])
def test_the_article_questions_typed_as_people_type_them(engine, how):
    """The 90 blind article questions' English wh-questions after "hey, quick question:", inside
    "Can you tell me …", with a typo, in lower case and in capitals: cited and refused as the plain
    questions are (forty-seventh session; on its start code the greeting's cite@1 was 0.22 lower and
    its false refusals 0.25 higher; before qa/recase.py, forty-eighth session, the article's 226
    English questions in capitals were cited 0.27 less often, with 0.29 more false refusals)."""
    asked = [q for q in read_questions(DATA / "article_fresh.jsonl")
             if re.match(r"(?i)(what|which|who|when|where|why|how)\b", q["question"])]
    plain, _, _ = score(asked, run(engine, asked)[0])
    typed = [{**q, "question": _as_typed(q["question"], how)} for q in asked]
    summary, _, _ = score(typed, run(engine, typed)[0])
    assert summary["cite_top1"] >= plain["cite_top1"] - 0.05, (plain, summary)
    assert summary["false_abstain"] <= plain["false_abstain"] + 0.05, (plain, summary)
    assert summary["abstain_correct"] >= plain["abstain_correct"] - 0.1, (plain, summary)


def test_short_documents_of_everyday_genres(data_engine):
    """Today 0.679 cite@1, false refusals 0.192 (0.372 before), correct refusals 0.548 (0.571
    before the twenty-second session's changes, 0.405 after them, before the measure asked for
    was read): paraphrase is what these documents' questions do most, and the weakest spot."""
    summary = _each_asked_of_its_document("short_documents", data_engine, questions=120, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.78, summary  # 0.83
    assert summary["false_abstain"] <= 0.16, summary  # 0.141 since the sixty-first session (0.192 before)
    assert summary["abstain_correct"] >= 0.45, summary


def test_five_more_short_documents_written_blind(data_engine):
    """Written in the twenty-third session by a helper who read only a brief, never the code
    (a company's results and recall, a match report, a recipe post, an exhibition notice, an
    encyclopedia-style river article; 100 answerable, 50 not), and first run on that session's
    code: 0.66 cite@1, false refusals 0.23, correct refusals 0.32 (0.28 before the measure
    asked for was read). Its misses were not read while changing the code."""
    summary = _each_asked_of_its_document("short_documents_b", data_engine, questions=150, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.8, summary  # 0.86
    assert summary["false_abstain"] <= 0.18, summary  # 0.16 since the sixty-first session (0.20 before)
    assert summary["abstain_correct"] >= 0.26, summary


def test_six_news_stories_written_blind(data_engine):
    """First run (twenty-sixth session, before any change it shaped): 0.37 cite@1, false
    refusals 0.514, correct refusals 0.528. The confidence barely separates the answerable
    questions from the rest here (AUC 0.53; 0.74-0.76 on the article's blind sets): its writers
    reworded the answerable questions and reused the story's words in the unanswerable ones,
    the opposite of SQuAD, where the models learnt (docs/results.md)."""
    summary = _each_asked_of_its_document("news_articles", data_engine, questions=210, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.7, summary  # 0.76
    assert summary["false_abstain"] <= 0.36, summary  # 0.348 since the sixty-first session (0.406 before)
    assert summary["abstain_correct"] >= 0.48, summary


def test_follow_up_conversations(tmp_path):
    """Today 0.775 cite@1, false refusals 0.125, correct refusals 0.50 (0.35 before a follow-up
    about a thing stopped being answered from a paragraph about another)."""
    import shutil

    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*(DATA.parent.parent / "corpus").glob("*.txt"), *(DATA / "short_documents" / "corpus").glob("*.txt")]:
        shutil.copy(path, corpus / path.name)
    questions = read_questions(DATA / "conversations.jsonl")
    assert len(questions) == 60 and all(q["history"] for q in questions)
    summary, _, _ = score(questions, run(Engine(corpus, tmp_path / "index", progress=False), questions)[0])
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.84, summary  # 0.886
    assert summary["false_abstain"] <= 0.175, summary
    assert summary["abstain_correct"] >= 0.45, summary


def _each_asked_of_its_document(folder: str, data_engine, questions: int, documents: int) -> dict:
    """score.py's figures for a set whose questions each name their document (`doc`)."""
    engine = data_engine(DATA / folder / "corpus")
    asked = read_questions(DATA / folder / "questions.jsonl")
    assert len(asked) == questions and len({q["doc"] for q in asked}) == documents
    return score(asked, run(engine, asked)[0])[0]


def test_conversations_about_news_stories(data_engine):
    """Twelve news stories and 60 three-turn conversations about them (144 answerable questions,
    36 not), written by three helpers who never read the code (thirty-sixth session,
    docs/results.md): pronouns, bare "Why?" and "How come?", "What about …?", topic switches
    ("unrelated, but …"), corrections ("sorry, I meant …"), typos, the writer's own words. The
    first two shaped that session's rules; the third was first run after them (blind: 0.375 cite@1,
    false refusals 0.479, correct refusals 0.583, the same as before the rules). The weakest set:
    a reworded question is refused more often than any other kind. Today 0.431 cite@1, false
    refusals 0.326, correct refusals 0.528."""
    summary = _each_asked_of_its_document("conversations_news", data_engine, questions=180, documents=12)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.6, summary  # 0.639
    assert summary["false_abstain"] <= 0.295, summary  # 0.292 since the sixty-first session (0.299 before)
    assert summary["abstain_correct"] >= 0.47, summary


def test_more_news_stories(data_engine):
    """Four news stories and 120 questions written blind (thirty-seventh session, docs/results.md;
    first run 0.463 cite@1, false refusals 0.412, correct refusals 0.600). Today 0.475, 0.388, 0.600."""
    summary = _each_asked_of_its_document("news_articles_b", data_engine, questions=120, documents=4)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.73, summary  # 0.776
    assert summary["false_abstain"] <= 0.34, summary  # 0.325 since the sixty-first session (0.362 before)
    assert summary["abstain_correct"] >= 0.55, summary


def test_what_someone_credits_blames_or_attributes(data_engine):
    """"What did CloudLedger blame for Tuesday's outage?": six stories and 48 questions written
    blind (thirty-seventh session). Today 0.533 cite@1, false refusals 0.300, correct refusals 0.333."""
    summary = _each_asked_of_its_document("attribution", data_engine, questions=48, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.762
    assert summary["false_abstain"] <= 0.37, summary
    assert summary["abstain_correct"] >= 0.27, summary


def test_more_conversations_about_news_stories(data_engine):
    """Four news stories and 24 three-turn conversations (thirty-seventh session): first run, on
    the session's rules so far, 0.536 cite@1, false refusals 0.268, correct refusals 0.375 (the
    same as on the session-start code). Today 0.589, 0.232, 0.375."""
    summary = _each_asked_of_its_document("conversations_news_b", data_engine, questions=72, documents=4)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.744
    assert summary["false_abstain"] <= 0.27, summary
    assert summary["abstain_correct"] >= 0.31, summary



def test_conversations_in_spanish_and_chinese(data_engine):
    """Forty-eight three-turn conversations in Spanish and Chinese about eight English news
    stories (thirty-eighth session). First run, blind: 0.508 cite@1, false refusals 0.092,
    correct refusals 0.125. Today 0.500, 0.075, 0.125: refusing in another language is the weak
    point (the refusal features read English words)."""
    summary = _each_asked_of_its_document("conversations_multilingual", data_engine, questions=144, documents=8)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.52, summary  # 0.555
    assert summary["false_abstain"] <= 0.13, summary
    assert summary["abstain_correct"] >= 0.08, summary


def test_yes_no_and_how_many_questions(data_engine):
    """Forty yes/no and forty "how many" questions about five documents (thirty-ninth session),
    written blind to check the count rule (qa/counts.py). First run, on the session's code before
    that rule: 0.750 cite@1, false refusals 0.175, correct refusals 0.475; with its first form,
    blind, 0.750, 0.200, 0.575. Today 0.750, 0.200, 0.650 (its last refinements, times of day and
    numbers joined to a word, came from this set's misses)."""
    summary = _each_asked_of_its_document("yes_no_and_counts", data_engine, questions=80, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.88, summary  # 0.9375
    assert summary["false_abstain"] <= 0.25, summary
    assert summary["abstain_correct"] >= 0.58, summary


def test_spanish_follow_ups_that_drop_their_subject(data_engine):
    """Sixty two-turn Spanish conversations (fortieth session), written blind to check how short
    follow-ups that leave their subject out are read: "¿cuándo sale a la venta?" after "¿Qué
    presentó Alibaba?". First run, on the session's code before the rule that counts such a
    question's words without Spanish function words: 0.632 cite@1, false refusals 0.211, correct
    refusals 0.818; with the rule's first form, blind, 0.684, 0.105, 0.682. Today 0.711, 0.105,
    0.727: its five-word bound came from this set's one small-talk question answered ("cual es la
    capital de peru"), and reading such a question alone first when it is answered so, from a
    test of the article's ("¿Dónde se celebró la conferencia?" after "¿Qué lanzó Huawei?")."""
    summary = _each_asked_of_its_document("spanish_followups", data_engine, questions=60, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.75, summary  # 0.794
    assert summary["false_abstain"] <= 0.14, summary
    assert summary["abstain_correct"] >= 0.68, summary


def test_chinese_follow_ups_that_drop_their_subject(data_engine):
    """Sixty two-turn Chinese conversations (fortieth session), written blind like the Spanish
    ones: "由什么模型驱动？" after "阿里巴巴发布了什么？". First run, on the session's code before
    Chinese follow-ups could leave out their subject: 0.605 cite@1, false refusals 0.211, correct
    refusals 0.500; with the rule's first form, blind, 0.658, 0.053, 0.318 (small talk answered
    with the earlier question's words). Today 0.658, 0.105, 0.500: such a follow-up is judged by
    what it adds to the conversation, as a Spanish one is, and "你叫什么名字" is small talk. Three
    of the ten small-talk follow-ups are answered, as before the rule ("给我讲个笑话吧")."""
    summary = _each_asked_of_its_document("chinese_followups", data_engine, questions=60, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.735
    assert summary["false_abstain"] <= 0.14, summary
    assert summary["abstain_correct"] >= 0.45, summary


def test_questions_about_someone_the_document_never_names(data_engine):
    """Sixty questions about a name the document never writes and sixty about one it does
    (forty-first session), written blind to check the rule that refuses the first kind
    (qa/answer.py `subject_unwritten`). First run, on the session's code before the rule: 0.817
    cite@1, false refusals 0.083, correct refusals 0.733; with the rule's first form, blind,
    0.817, 0.083, 0.833. Today 0.817, 0.083, 0.900: "the" before the name, a name's telling word
    ("Zhipu" of "Zhipu AI") and a name read as a common word by the typo reader ("Currys") came
    from this set's misses."""
    summary = _each_asked_of_its_document("named_subjects", data_engine, questions=120, documents=10)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.85, summary  # 0.891
    assert summary["false_abstain"] <= 0.12, summary
    assert summary["abstain_correct"] >= 0.85, summary


def test_questions_naming_a_country_another_way(data_engine):
    """Sixty questions about countries (forty-third session), written blind after the
    forty-second session's table of countries' names (qa/countries.py) to check it. Before the
    table (59eaa2a): 0.611 cite@1, false refusals 0.361, correct refusals 0.917 (a country asked
    as "America" of a story writing "U.S." was a name the story never writes). First run, with
    the table, blind: 0.861, 0.111, 1.000. Today 0.917, 0.056, 1.000: what a country said is
    found under any of its names ("trawler operators in the Netherlands" of "Dutch trawler
    operators … said"), and "Cote d'Ivoire" is a name of Ivory Coast, from this set's misses."""
    summary = _each_asked_of_its_document("countries", data_engine, questions=60, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.93, summary  # 0.971
    assert summary["false_abstain"] <= 0.12, summary
    assert summary["abstain_correct"] >= 0.95, summary


def test_questions_asking_who_holds_an_office(data_engine):
    """Sixty questions asking who holds an office by its title (forty-first session), written
    blind to check a rule refusing one no best sentence gives to someone of what the question
    names: with it, correct refusals 0.667 -> 0.700 but false refusals 0.267 -> 0.433, and it was
    reverted. Today 0.467 cite@1, false refusals 0.300, correct refusals 0.700 (0.500 and 0.267
    before the forty-eighth session: "who's in charge of westmarch province", its names now read,
    is refused as its capitalised form always was, the governor not being "in charge" in so many
    words; its first run on the forty-first session's final code refused "Who is the CTO of
    Austral Launch Systems?" as a question about a name the story never writes, fixed)."""
    summary = _each_asked_of_its_document("titles", data_engine, questions=60, documents=10)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.64, summary  # 0.682
    assert summary["false_abstain"] <= 0.18, summary  # 0.167 since the sixty-first session (0.200 before)
    assert summary["abstain_correct"] >= 0.7, summary  # 0.733 since the sixtieth session (0.700 before)


def test_how_many_people_questions(data_engine):
    """Forty "how many <people>" questions about five news stories (forty-sixth session), written
    blind after the rule that a count of people must count people (qa/counts.py) was final. On
    the session-start code 0.550 cite@1, false refusals 0.200, correct refusals 0.350; with the
    rule 0.550, 0.200, 0.450."""
    summary = _each_asked_of_its_document("counts_people", data_engine, questions=40, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.62, summary  # 0.6875
    assert summary["false_abstain"] <= 0.25, summary
    assert summary["abstain_correct"] >= 0.40, summary


def test_six_more_news_stories(data_engine):
    """Six news stories and 210 questions written blind (sixty-second session, docs/results.md):
    first run on the session-start code 0.391 cite@1, false refusals 0.507, correct refusals
    0.556; with that session's rules, drawn from four of the stories, 0.514, 0.362, 0.625."""
    summary = _each_asked_of_its_document("news_articles_c", data_engine, questions=210, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.76, summary  # 0.806
    assert summary["false_abstain"] <= 0.38, summary
    assert summary["abstain_correct"] >= 0.58, summary


def test_six_news_stories_read_after_the_sixty_second_session(data_engine):
    """Six news stories and 210 questions written blind at the end of the sixty-second session
    (docs/results.md): 0.449 cite@1, false refusals 0.464, correct refusals 0.556 on that session's
    start code, 0.471, 0.449, 0.569 on its final code, measured before they were read; 0.536, 0.370,
    0.569 with the sixty-third session's word pairs, drawn from them."""
    summary = _each_asked_of_its_document("news_articles_d", data_engine, questions=210, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.80, summary  # 0.851
    assert summary["false_abstain"] <= 0.40, summary
    assert summary["abstain_correct"] >= 0.54, summary


@pytest.mark.parametrize("name, ratio, false_abstain, abstain_correct", [
    # sixty-third session, first run 0.435 cite@1, false refusals 0.435, correct refusals 0.625; with that
    # session's rules, some drawn from it, 0.486, 0.377, 0.625
    ("news_articles_e", 0.74, 0.41, 0.60),
    # sixty-third session, first run 0.391, 0.500, 0.569; never read: 0.399, 0.493, 0.569 on that session's final code
    ("news_articles_f", 0.75, 0.52, 0.54)])
def test_news_stories_written_blind_in_the_sixty_third_session(data_engine, name, ratio, false_abstain, abstain_correct):
    """Twice six news stories and 210 questions each, written blind in the sixty-third session: what
    the rules are worth on stories nobody tuned for. The first was read for its misses after it
    was measured; the second was never read (docs/results.md)."""
    summary = _each_asked_of_its_document(name, data_engine, questions=210, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= ratio, summary  # 0.780, 0.787
    assert summary["false_abstain"] <= false_abstain, summary
    assert summary["abstain_correct"] >= abstain_correct, summary


def test_sports_reports(data_engine):
    """Five match and race reports and 120 questions written blind (fifty-ninth session,
    docs/results.md): first run on the session-start code 0.375 cite@1, false refusals 0.275,
    correct refusals 0.700; with a reader's words for the game (qa/sports.py), written before the
    set was read, 0.400, 0.263, 0.700. Today 0.400, 0.275, 0.700."""
    summary = _each_asked_of_its_document("sports_reports", data_engine, questions=120, documents=5)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.50, summary  # 0.552
    assert summary["false_abstain"] <= 0.32, summary
    assert summary["abstain_correct"] >= 0.62, summary


def test_fact_sheets(data_engine):
    """A page's "Founder: Oswell Spencer" line answers "Who founded Umbrella?" (sixty-eighth
    session, docs/results.md). On the session-start code 0.486 cite@1 (16 of the 48 questions
    about the block's lines right), false refusals 0.153, correct refusals 0.458; today 0.778
    (37 of 48), 0.111, 0.375."""
    summary = _each_asked_of_its_document("fact_sheets", data_engine, questions=96, documents=8)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.83, summary  # 0.875
    assert summary["false_abstain"] <= 0.14, summary
    assert summary["abstain_correct"] >= 0.33, summary


def test_fact_sheets_written_blind(data_engine):
    """Six more pages, written after the change and first run on it (blind): 0.533 cite@1 (16 of
    the 42 questions about the block's lines right), false refusals 0.217, correct refusals 0.625;
    the session-start code 0.450 (11 of 42), 0.233, 0.583. Today, with the re-reading network
    reading a line after its page's title too, the job and office checks reading a line as one
    and a line whose label says what is asked put first (changes made after that run), 0.600 (21
    of 42), 0.183, 0.625."""
    summary = _each_asked_of_its_document("fact_sheets_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.735
    assert summary["false_abstain"] <= 0.22, summary
    assert summary["abstain_correct"] >= 0.58, summary


def test_fact_sheets_written_blind_after_every_change(data_engine):
    """Six more pages, written after the sixty-eighth session's first changes and first run on
    them (blind): 0.617 cite@1 (21 of the 42 questions about the block's lines right), false
    refusals 0.183, correct refusals 0.792; the session-start code 0.500 (14 of 42), 0.250, 0.833.
    Today, with a line whose label says what is asked put first, 0.683 (25 of 42), 0.183, 0.792."""
    summary = _each_asked_of_its_document("fact_sheets_c", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.79, summary  # 0.836
    assert summary["false_abstain"] <= 0.22, summary
    assert summary["abstain_correct"] >= 0.75, summary


def test_fact_sheets_written_blind_before_the_last_change(data_engine):
    """Six more pages, written blind before a line whose label says what is asked was put first
    (`answer.label_first`): 0.633 cite@1 (24 of the 42 questions about the block's lines right),
    false refusals 0.167, correct refusals 0.833 on the code before it; 0.667, 0.183, 0.833 with
    it; today, a label with a year in it read as counting ("Passengers (2023): 9.4 million"),
    0.683 (27 of 42), 0.167, 0.833. The session-start code 0.450 (13 of 42), 0.217, 0.833."""
    summary = _each_asked_of_its_document("fact_sheets_d", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.78, summary  # 0.820
    assert summary["false_abstain"] <= 0.20, summary
    assert summary["abstain_correct"] >= 0.79, summary


def test_letters_and_e_mails(data_engine):
    """Six pieces of correspondence (an e-mail with its subject line pasted above the header, a
    memo, minutes, a price-change notice, a reply over a quoted message, a retirement notice) and
    84 questions (42 about the text, 18 about a header, signature or action line, 24 not
    answered), written blind (sixty-ninth session). They shaped that session's reading of such
    texts, so this is a guard. The session-start code: 0.550 cite@1, false refusals 0.317,
    correct refusals 0.500; today 0.800, 0.133, 0.458 (0.767 before a reply's answer went before
    the quoted message's; 0.783 and 0.500 before the seventy-second session read minutes'
    "Decision:" lines as what was decided)."""
    summary = _each_asked_of_its_document("correspondence", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.86, summary  # 0.923 (0.805, then 0.904 before)
    assert summary["false_abstain"] <= 0.17, summary
    assert summary["abstain_correct"] >= 0.45, summary


def test_letters_and_e_mails_written_blind_after_the_change(data_engine):
    """Six more (a landlord's letter, an e-mail with a numbered list, committee minutes, a
    three-message thread, a memo, a customer-service reply), written blind after the sixty-ninth
    session's first changes and first run on them: 0.633 cite@1, false refusals 0.183, correct
    refusals 0.417; the session-start code 0.567, 0.233, 0.417. Today, with a signature's job
    line and a letter's signer read and a reply's answer before the quoted message's, 0.733,
    0.150, 0.417."""
    summary = _each_asked_of_its_document("correspondence_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.82, summary  # 0.863 (0.739 before)
    assert summary["false_abstain"] <= 0.19, summary
    assert summary["abstain_correct"] >= 0.375, summary


def test_guides_and_instructions(data_engine):
    """Six practical texts (a humidifier's manual, a recipe, a router's FAQ, a library's rules, a
    permit guide, a course's information sheet) and 84 questions (30 about a list item, step or
    "Label: value" line, 30 about prose, 24 not answered), written blind (sixty-ninth session);
    a guard since. The session-start code: 0.533 cite@1, false refusals 0.333, correct refusals
    0.625; today 0.583, 0.317, 0.625. The weak spot is refusal: eleven of the nineteen refused
    answerable questions have the right sentence first ("How many people does this recipe
    feed?" of "Serves: 4", 0.06)."""
    summary = _each_asked_of_its_document("guides", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.82, summary  # 0.854 (0.800 before)
    assert summary["false_abstain"] <= 0.34, summary
    assert summary["abstain_correct"] >= 0.58, summary


def test_guides_and_instructions_written_blind_after_the_change(data_engine):
    """Six more (an e-bike's quick start, a muffin recipe, a laundry service's FAQ, a climbing
    centre's rules, a boat registration guide, a three-day walk's itinerary), written blind
    after the sixty-ninth session's first changes and first run on them: 0.533 cite@1, false
    refusals 0.317, correct refusals 0.750; the session-start code 0.483, 0.317, 0.750. Today,
    with a schedule's next line read for "what happens after …", 0.550, 0.317, 0.750."""
    summary = _each_asked_of_its_document("guides_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.77, summary  # 0.805 (0.707 before)
    assert summary["false_abstain"] <= 0.34, summary
    assert summary["abstain_correct"] >= 0.7, summary


def test_transcripts(data_engine):
    """Six transcripts (a magazine Q&A, a podcast with time stamps, a school board meeting, a
    press conference, a help-desk chat, a radio interview) and 84 questions (18 who said or asked
    something, 18 what someone said, 24 facts, 24 not answered), written blind (seventieth
    session); they shaped that session's reading of turns, so this is a guard. The session-start
    code: 0.467 cite@1, false refusals 0.250, correct refusals 0.417; today 0.500, 0.233, 0.417."""
    summary = _each_asked_of_its_document("transcripts", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.635, summary  # 0.652 (0.622 before)
    assert summary["false_abstain"] <= 0.25, summary
    assert summary["abstain_correct"] >= 0.375, summary


def test_transcripts_written_blind(data_engine):
    """Six more (a newspaper interview, an auto-generated webinar, an inquiry hearing, an earnings
    call, a group chat export, a lecture), written blind before the seventieth session's changes
    and first run after them: 0.483 cite@1, false refusals 0.317, correct refusals 0.417; the
    session-start code 0.467, 0.283, 0.375."""
    summary = _each_asked_of_its_document("transcripts_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.68, summary  # 0.707 (0.651 before)
    assert summary["false_abstain"] <= 0.34, summary
    assert summary["abstain_correct"] >= 0.375, summary


def test_policies_and_contracts(data_engine):
    """Six policies and contracts (a returns policy, a tenancy agreement, an app's privacy policy,
    a warranty, a handbook's leave section, a gym membership agreement) and 84 questions (24 what
    one may or must do, 18 numbers, 18 conditions, 24 not answered), written blind (seventy-first
    session); they shaped that session's lists and definitions, so this is a guard. The
    session-start code: 0.533 cite@1, false refusals 0.233, correct refusals 0.583; today 0.567,
    0.233, 0.583."""
    summary = _each_asked_of_its_document("policies", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.739 (0.696 before)
    assert summary["false_abstain"] <= 0.27, summary
    assert summary["abstain_correct"] >= 0.54, summary


def test_policies_and_contracts_written_blind(data_engine):
    """Six more (car rental terms, a software subscription, a student conduct code, a home
    insurance summary, a building's house rules, a designer's contract), written blind before the
    seventy-first session's changes and first run on its first changes (0.467 cite@1, false
    refusals 0.367, correct refusals 0.667; 0.450 on daa3ad5); the session-start code and today's
    0.483, 0.350, 0.667."""
    summary = _each_asked_of_its_document("policies_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.743
    assert summary["false_abstain"] <= 0.39, summary
    assert summary["abstain_correct"] >= 0.62, summary


def test_job_postings(data_engine):
    """Six job postings (a start-up's engineer, a hospital nurse, a ski hotel's seasonal staff, a
    postdoc, an agency's drivers, a charity's coordinator) and 84 questions (24 requirements, 18
    pay, hours and dates, 18 details, 24 not answered), written blind (seventy-first session); they
    shaped its salary and deadline words. The session-start code: 0.517 cite@1, false refusals
    0.367, correct refusals 0.792; today 0.567, 0.317, 0.792."""
    summary = _each_asked_of_its_document("job_postings", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.78, summary  # 0.830 (0.816 before)
    assert summary["false_abstain"] <= 0.35, summary
    assert summary["abstain_correct"] >= 0.75, summary


def test_job_postings_written_blind(data_engine):
    """Six more (a marketing manager, a primary teacher, a supermarket assistant, a contract data
    analyst, a head chef, a graduate scheme), written blind; first run on daa3ad5 (0.533 cite@1,
    false refusals 0.300, correct refusals 0.542), whose list change they undid in part. The
    session-start code: 0.583, 0.283, 0.583; today 0.600, 0.267, 0.583."""
    summary = _each_asked_of_its_document("job_postings_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.77, summary  # 0.818 (0.813 before)
    assert summary["false_abstain"] <= 0.30, summary
    assert summary["abstain_correct"] >= 0.54, summary


def test_minutes_and_reports(data_engine):
    """Six minutes and reports (a parish council's minutes, a quarterly results release, an
    incident investigation, a school inspection summary, a charity's annual report, a residents'
    AGM) and 84 questions (24 decisions and findings, 18 numbers, 18 details, 24 not answered),
    written blind (seventy-second session); they shaped its reading of minutes' outcomes and of a
    results table's labels, so this is a guard. The session-start code: 0.367 cite@1, false
    refusals 0.367, correct refusals 0.583; today 0.450, 0.333, 0.583."""
    summary = _each_asked_of_its_document("reports", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.64, summary  # 0.675 (0.579 before)
    assert summary["false_abstain"] <= 0.36, summary
    assert summary["abstain_correct"] >= 0.54, summary


def test_minutes_and_reports_written_blind(data_engine):
    """Six more (a co-operative's board minutes, a water company's performance summary, a kettle
    recall, a research group's annual report, a rugby club's committee minutes, a retailer's
    trading update), written blind and first run on the seventy-second session's first changes:
    0.483 cite@1, false refusals 0.217, correct refusals 0.417, as on the session-start code."""
    summary = _each_asked_of_its_document("reports_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.58, summary  # 0.617
    assert summary["false_abstain"] <= 0.24, summary
    assert summary["abstain_correct"] >= 0.375, summary


def test_schedules_and_timetables(data_engine):
    """Six schedules (a conference agenda, an arts festival programme, a ferry timetable's notes,
    a course syllabus, a school's term dates, a walking tour's itinerary) and 84 questions (24 when
    and where, 18 numbers, 18 details, 24 not answered), written blind (seventy-second session);
    they shaped its reading of list and timetable entries. The session-start code: 0.400 cite@1,
    false refusals 0.417, correct refusals 0.458; today 0.433, 0.383, 0.500."""
    summary = _each_asked_of_its_document("schedules", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.67, summary  # 0.703 (0.686 before)
    assert summary["false_abstain"] <= 0.41, summary
    assert summary["abstain_correct"] >= 0.45, summary


def test_schedules_and_timetables_written_blind(data_engine):
    """Six more (a wedding weekend's schedule, a football league's season notice, a community
    centre's timetable, a hospital's visiting and clinic information, a bootcamp's programme, a
    marathon's runner guide), written blind; first run on the seventy-second session's first
    changes (0.583 cite@1, false refusals 0.183, correct refusals 0.625), whose heading rule it
    corrected: a timetable entry still counts as heading-like for the line above it. The
    session-start code: 0.617, 0.167, 0.583; today 0.617, 0.167, 0.625."""
    summary = _each_asked_of_its_document("schedules_b", data_engine, questions=84, documents=6)
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= 0.70, summary  # 0.740
    assert summary["false_abstain"] <= 0.20, summary
    assert summary["abstain_correct"] >= 0.58, summary
