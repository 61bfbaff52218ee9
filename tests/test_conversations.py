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
    ("Sorry, I meant protein, not fibre.", ["How much fibre is in each bowl?"], "How much protein is in each bowl?"),
    ("sorry i meant cordoba not seville", ["what has the mayor of seville done to help people"],
     "what has the mayor of cordoba done to help people"),
    ("sorry i meant the archaeologist not the minister, what did she say", ["and the cambodian minister?"],
     "the archaeologist, what did she say"),
    ("no, I meant Metax", ["What did Alibaba unveil?"], "What did unveil? Metax"),
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


# --- the thirty-sixth session's conversation hunts (tests/data/hunts/) -----------------------------

@pytest.mark.parametrize("text, history, asked", [
    ("unrelated, but are people getting their money back", ["how many of the flights were cancelled"],
     "are people getting their money back"),
    ("diff question - how much money is the island asking for", ["how many houses got wrecked"],
     "how much money is the island asking for"),
    ("ok different topic, does veltrana pay a dividend", ["whats glucavia"], "does veltrana pay a dividend"),
    ("On another note, who won the vote?", ["Where will the line run?"], "who won the vote?"),
])
def test_a_topic_switch_lead_is_dropped_and_the_question_stands_alone(text, history, asked):
    q = parse(text, history)
    assert (q.text, q.search, q.followup) == (asked, asked, False)


@pytest.mark.parametrize("text", ["Unrelated donors gave how much?", "Off topic remarks were made by whom?"])
def test_a_word_of_the_question_is_no_switch_lead(text):
    assert parse(text, ["Who gave the money?"]).text == text


def test_a_topic_switch_keeps_the_person_the_conversation_named():
    """"she" after "unrelated, but" is still the coach asked about."""
    q = parse("unrelated but how long had she been in the job", ["Why was the coach sacked?"])
    assert q.text == "how long had she been in the job" and q.followup


def test_a_correction_that_is_the_question_loses_its_lead():
    q = parse("sorry, I meant when do the negotiations start up again", ["when are the pilots going back to work"])
    assert (q.search, q.qtype, q.followup) == ("when do the negotiations start up again", "date", False)


@pytest.mark.parametrize("text", ["How come?", "how come?", "And how come?"])
def test_how_come_alone_asks_why_of_the_earlier_question(text):
    q = parse(text, ["how did the evacuation go"])
    assert q.followup and q.qtype == "reason" and q.search.startswith("how did the evacuation go")


@pytest.mark.parametrize("text, read", [("were is it heading", "where is it heading"),
                                        ("and were does she work?", "and where does she work?"),
                                        ("Were the talks held?", "Were the talks held?"),
                                        ("Were is the museum?", "Where is the museum?")])
def test_were_typed_for_where(text, read):
    assert parse(text).text == read


def test_how_much_did_a_company_make_asks_for_money():
    assert parse("how much did veltrana make last quarter").measure == "money"
    assert parse("How much bread did they make?").measure == ""


def test_a_follow_up_asking_a_new_kind_of_thing_moves_past_the_earlier_answer():
    """"When will they put it back?" after "Why was the diving board removed?": the earlier
    answer, which gives no date, is not cited first again when one of the next best does."""
    from qa.answer import asked_anew_first
    from qa.types import Hit, Sentence

    def hit(text, i):
        return Hit(Sentence(doc="d", i=i, start=0, end=len(text), text=text, para=0), 0.5, {"row": i})

    earlier = hit("The diving board was removed because it failed its safety inspection.", 0)
    dated = hit("A new board will be fitted in May.", 1)
    q = parse("When will they put it back?", ["Why was the diving board removed?"])
    assert [h.sentence.text for h in asked_anew_first([earlier, dated], q, earlier.sentence)][0] == dated.sentence.text
    alone = parse("When will they put a new board in?")  # not a follow-up: the ranking stands
    assert asked_anew_first([earlier, dated], alone, earlier.sentence)[0] is earlier


def test_a_topic_switch_on_the_page(pool):
    ans = pool.ask("unrelated, but when does the cafe open again?", ["Why was the old diving board not put back?"])
    assert ans.answerable and ans.citations[0].sentence == "The pool's cafe will reopen in May."


def test_a_correction_naming_the_one_meant():
    """"sorry, I meant the Groveport one": the earlier question asked of Groveport, its own place dropped."""
    q = parse("sorry, I meant the Groveport one", ["What is the starting pay at the Indianapolis warehouse?"])
    assert q.switched == ("groveport",) and "Indianapolis" not in q.search and "starting pay" in q.search


def test_where_someone_is_from_may_be_answered_by_a_nationality():
    """"¿De dónde es?" after "Who scored Caldera's goal?": "… through Dutch striker Joost van
    Aarle" answers it with no place in it, so the next best naming a place is not put first."""
    from qa.answer import asked_anew_first
    from qa.types import Hit, Sentence

    def hit(text, i):
        return Hit(Sentence(doc="d", i=i, start=0, end=len(text), text=text, para=0), 0.5, {"row": i})

    earlier = hit("Caldera had taken the lead through Dutch striker Joost van Aarle.", 0)
    placed = hit("Caldera will still play in the Continental Trophy next season.", 1)
    for asked in ("Where is he from?", "¿De dónde es?"):
        q = parse(asked, ["Who scored Caldera's goal?"])
        assert asked_anew_first([earlier, placed], q, earlier.sentence)[0] is earlier


@pytest.mark.parametrize("text, history, asked", [
    ("and the old one?", ["what was the new record temp"], "what was the old record temperature"),
    ("And the lower one?", ["How well did the higher dose work?"], "How well did the lower dose work?"),
    ("what about the second?", ["Who won the first race?"], "Who won the second race?"),
    ("and the union?", ["What pay rise is the company offering?"], "and the union?"),  # no contrast: asked as before
])
def test_a_follow_up_naming_the_other_one_swaps_the_word_it_contrasts_with(text, history, asked):
    """"and the old one?" after "what was the new record temp" was searched as it was typed, and
    refused (0.10): it asks the earlier question again, with "old" for "new"."""
    assert parse(text, history).text == asked


@pytest.mark.parametrize("text", ["and last year?", "what about the year before?", "and in 2021?"])
def test_a_follow_up_naming_another_time_asks_the_earlier_question_of_it(text):
    """"and last year?" after "how many runners finished" was searched alone and refused (0.09)."""
    q = parse(text, ["how many runners finished"])
    assert q.followup and q.search.startswith("how many runners finished")



@pytest.mark.parametrize("question", ["what about Huawei?", "what about huawie?", "and Huawei?", "huawie?"])
def test_a_follow_up_naming_another_company_asks_of_it_even_misspelt(engine, question):
    """"what about huawie?" after "What did Alibaba unveil?": the name was read only after the
    question was parsed, so it named nothing and the earlier question was asked again (the
    glasses); "what about" read with the name took the search to another sentence."""
    ans = engine.ask(question, ["What did Alibaba unveil?"])
    assert ans.answerable and "CloudMatrix 384" in ans.citations[0].sentence


def test_keyboard_mash_asks_nothing_of_the_earlier_question(engine):
    """"asdfgh" after a question about Metax was answered from Metax's sentence (0.34)."""
    from qa.question import keyboard_mash

    assert keyboard_mash("asdfgh") and keyboard_mash("Qzxv kjhg?") and not keyboard_mash("metax?", lambda w: w == "metax")
    assert not keyboard_mash("ok") and not keyboard_mash("华为呢？")
    assert not engine.ask("asdfgh", ["What chips did Metax show?"]).answerable


def test_a_follow_up_count_of_the_thing_asked_about_is_read_from_its_own_sentence(engine):
    """"it" is Metax's demonstration: Huawei's "384 of its … chips" matches the words best and is
    about something else; Metax's "128 of its C550 chips" is among the best few and answers."""
    ans = engine.ask("how many chips did it use?", ["what did metax show at the event?"])
    assert ans.answerable and ans.citations[0].sentence.startswith("Metax’s AI supernode demonstration featured 128")
    # a follow-up about the thing that none of the best sentences answers is still refused
    assert not engine.ask("When will it hit the market?", ["What did Tencent introduce at the conference?"]).answerable
    assert not engine.ask("what model powers it?", ["what did tencent launch at waic"]).answerable
    # its only model is the thing "it" is (answer.asks_another_of_its_kind), typed either way;
    # asked what the thing itself is, that sentence answers
    assert not engine.ask("What model powers it?", ["What did Tencent launch at WAIC?"]).answerable
    ans = engine.ask("What model is it?", ["What did Tencent launch at WAIC?"])
    assert ans.answerable and ans.citations[0].sentence.startswith("Tencent introduced its Hunyuan3D World Model")


@pytest.mark.parametrize("question", [
    "What will people be able to do with Alibaba's spectacles?", "what can you do with the quark glasses",
    "¿Qué se puede hacer con las gafas inteligentes de Alibaba?", "阿里巴巴的智能眼镜能做什么?",
])
def test_what_something_lets_people_do_is_read_from_the_sentence_saying_it(engine, question):
    """"Alibaba unveiled its Quark AI Glasses, …" names the glasses and was cited first; the next
    sentence says what they let users do (forty-seventh session, `answer.ability_first`)."""
    ans = engine.ask(question)
    assert ans.answerable and "will enable users to scan QR codes" in ans.citations[0].sentence


def test_a_question_not_about_what_something_lets_people_do_keeps_its_order():
    from qa.answer import _ASKS_ABILITY

    assert not _ASKS_ABILITY.search("What did Alibaba unveil?")
    assert not _ASKS_ABILITY.search("What can Baidu's AI cloning tool replicate?")  # what it does: its own sentence
    assert not _ASKS_ABILITY.search("商会那个组织到底想干什么?")  # what it wants to do


def test_a_pronoun_two_turns_on_still_means_the_name_asked_about_first(engine):
    """"What can it generate?" after "Is it open source?" after "What did Tencent launch at WAIC?":
    the second question searched with Tencent's name after its own question mark, where the third
    read "Tencent" as the first word of a sentence, searched without it and cited Baidu's
    "digital human" tool at 60% (the fourth audit). The names a follow-up borrowed go on."""
    history = ["What did Tencent launch at WAIC?", "Is it open source?"]
    assert "Tencent" in parse("What can it generate?", history).search
    assert "Tencent" in parse("Who made it?", [*history, "What can it generate?"]).search  # and on
    ans = engine.ask("What can it generate?", history)
    assert ans.answerable and "Tencent" in ans.citations[0].sentence
