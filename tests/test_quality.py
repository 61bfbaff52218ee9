"""Small, fast quality guards on the article (refusals are deliberately not tested here)."""
from pathlib import Path

import numpy as np
import pytest

from qa.evaluate import read_questions

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data"


def first_citation(engine, question, **kw):
    ans = engine.ask(question, **kw)
    assert ans.answerable, f"{question!r} was refused (confidence {ans.confidence:.3f})"
    assert ans.citations
    return ans, ans.citations[0]


def test_huawei_system_cites_cloudmatrix_first(engine):
    ans, c = first_citation(engine, "What system did Huawei launch at the conference?")
    assert "launch of its CloudMatrix 384 system" in c.sentence
    assert "CloudMatrix 384" in ans.answer


def test_publication_date_from_metadata(engine):
    ans, c = first_citation(engine, "When was the article published?")
    assert c.sentence == "date 2025-07-28"
    assert "2025-07-28" in ans.answer


@pytest.mark.parametrize("question", ["Where is this article from?", "¿Cuándo estarán disponibles?", "When is it?"])
def test_the_date_line_answers_only_questions_about_the_article_itself(engine, question):
    ans = engine.ask(question)
    assert all(c.sentence != "date 2025-07-28" for c in ans.citations + ans.nearest), ans.answer


@pytest.mark.parametrize("question", ["Who wrote the article?", "Where is this article from?", "What is the source?"])
def test_a_field_the_article_lacks_is_not_answered_by_another(engine, question):
    ans = engine.ask(question)  # a date line, no author or source line ("open-source" is no source)
    assert not ans.answerable and ans.confidence < 0.1


def test_metax_chip_count(engine):
    ans, c = first_citation(engine, "How many chips did Metax's supernode use?")
    assert "128 of its C550 chips" in c.sentence
    assert "128" in ans.answer


@pytest.mark.parametrize("question", [
    "How many people attended the World Artificial Intelligence Conference?",
    "¿Cuántas personas asistieron a la conferencia?",
    "有多少人参加了这次大会？",
])
def test_a_count_the_article_never_gives_is_refused(question, engine):
    # the sentence that comes nearest counts days ("the three-day … Conference"), not people
    ans = engine.ask(question)
    assert not ans.answerable and ans.confidence < 0.26, ans.confidence


@pytest.mark.parametrize("question, cited", [
    ("How many chips is the CloudMatrix 384 built from?", "384 of its self-developed 910C AI chips"),
    ("How many days did the conference last?", "three-day"),  # counting time, a duration answers
    ("¿Cuántos chips usa el CloudMatrix 384?", "384 of its self-developed 910C AI chips"),
])
def test_a_count_the_article_gives_is_answered(question, cited, engine):
    ans, c = first_citation(engine, question)
    assert ans.answerable and cited in c.sentence


@pytest.mark.parametrize("question", [
    "Which model powers Alibaba's glasses?",
    "which AI model runs the alibaba glasses",
    "¿Qué modelo hace funcionar las gafas de Alibaba?",
    "阿里巴巴的眼镜由哪个模型驱动？",
])
def test_which_thing_of_a_kind_cites_the_sentence_naming_one(question, engine):
    # the sentence before it names Alibaba and the glasses; this one names the model
    ans, c = first_citation(engine, question)
    assert ans.answerable and c.sentence.startswith("Powered by the company’s Qwen model")


def test_a_kind_named_is_a_name_before_its_word():
    from qa.answer import _names_one_of
    assert _names_one_of("model", "Powered by the company’s Qwen model, the smart glasses will enable users.")
    assert not _names_one_of("investor", "Existing investor Harbourline Partners also increased its stake.")
    assert not _names_one_of("result", "The result lifts Ashcombe to fourth place.")
    assert _names_one_of("model", "It uses the Hunyuan3D World Model 1.0 for its scenes.")


def test_a_kind_named_is_read_in_linear_time():
    # a pasted table of names: read back from each "model", not every run of capitalised words
    import time
    from qa.answer import _names_one_of
    for text in ("Alpha" + " Beta" * 8000 + " done", "model " * 8000, "x" + " Beta" * 8000 + " model"):
        t = time.perf_counter()
        _names_one_of("model", text)
        assert time.perf_counter() - t < 1.0


def test_headings_never_cited(engine):
    headings = {"Huawei unveils Nvidia rival as China clusters chip power",
                "Tech giants pivot to AI wearables, digital avatars",
                "Strategic shift amid US tech sanctions"}
    for q in ("Did Huawei unveil an Nvidia rival?", "Which tech giants pivoted to AI wearables?",
              "What was the strategic shift amid US tech sanctions?"):
        ans = engine.ask(q)
        for c in list(ans.citations) + list(ans.nearest):
            assert c.sentence not in headings, (q, c.sentence)


def _hits(engine, questions) -> list[str]:
    """Ids of the questions whose first citation holds one of their gold strings."""
    from qa.evaluate import norm

    ok = []
    for q in questions:
        ans = engine.ask(q["question"], q.get("history") or [])
        if ans.citations and any(norm(g) in norm(ans.citations[0].sentence) for g in q["gold"]):
            ok.append(q["id"])
    return ok


def test_chinese_and_spanish_questions_find_the_english_sentence(engine):
    questions = read_questions(DATA / "multilingual.jsonl")
    ok = _hits(engine, questions)
    assert len(ok) >= 10, f"only {len(ok)}/{len(questions)} right: {sorted(set(q['id'] for q in questions) - set(ok))}"


def test_followups_resolve_with_history(engine):
    ans, c = first_citation(engine, "Which model powers it?", history=["What did Alibaba unveil?"])
    assert "Qwen model" in c.sentence
    ans, c = first_citation(engine, "How did he describe the alliance?", history=["Who is Zhao Lidong?"])
    assert "innovative ecosystem" in c.sentence


def test_a_followup_reuses_the_vectors_of_the_question_it_follows(engine, monkeypatch):
    """The page asked the earlier question just before: a follow-up must not encode it again,
    and must answer exactly as with both encoded afresh."""
    from qa.embed import get_embedder
    from qa.engine import RecentVectors

    earlier, question = "What did Alibaba unveil?", "Which model powers it?"
    monkeypatch.setattr(engine, "_recent", RecentVectors())
    fresh = engine.ask(question, [earlier])  # both encoded here (and kept)
    minilm = get_embedder("minilm")
    encoded = []
    original = minilm.encode_queries
    monkeypatch.setattr(minilm, "encode_queries", lambda texts: encoded.append(texts) or original(texts))
    again = engine.ask(question, [earlier])
    assert encoded == [] and again == fresh
    engine.ask("What did Tencent introduce?")
    assert len(encoded) == 1  # a new question is encoded


def test_recent_vectors_keep_the_latest_and_none_when_told():
    from qa.engine import RecentVectors

    v = (np.zeros(2), np.ones(2))
    recent = RecentVectors(2)
    for text in "abc":
        recent.put((text, text), v)
        recent.get(("b", "b"))  # used: kept over "a" and "c"
    assert recent.get(("a", "a")) is None and recent.get(("b", "b")) is v and recent.get(("c", "c")) is v
    off = RecentVectors(0)  # benchmarks: every ask timed as new
    off.put(("a", "a"), v)
    assert off.get(("a", "a")) is None


@pytest.mark.parametrize("question, earlier, cited", [
    # a new name in a bare follow-up: the earlier question, asked of it
    ("What about Metax?", "How many chips did Huawei use?", "128 of its C550 chips"),
    ("And Tencent?", "What did Alibaba unveil?", "Tencent introduced its Hunyuan3D"),
    # the same in Chinese: 百度 is a name of its translation (it cited Huawei's launch, 0.91)
    ("那百度呢？", "华为在大会上发布了什么？", "Baidu showcased a new"),
    ("那腾讯呢？", "阿里巴巴在大会上发布了什么？", "Tencent introduced its Hunyuan3D"),
    # a pronoun: the earlier question's names join the search
    ("How many chips does it use?", "What did Huawei launch?", "CloudMatrix 384 system"),
    # "he": the person the earlier answer named
    ("What company does he lead?", "Who described the alliance as an innovative ecosystem?", "Zhao Lidong, CEO of Enflame"),
])
def test_followups_that_change_the_subject_or_lean_on_a_name(engine, question, earlier, cited):
    ans, c = first_citation(engine, question, history=[earlier])
    assert cited in c.sentence


@pytest.mark.parametrize("question, earlier", [
    ("Which model powers it?", "What system did Huawei launch at the conference?"),  # the Qwen model is the glasses'
    ("When will it hit the market?", "What did Tencent introduce at the conference?"),  # it is Alibaba's glasses that do
    ("what model powers it?", "what did tencent launch at waic"),  # a name typed in lower case
])
def test_a_followup_is_not_answered_about_another_thing(engine, question, earlier):
    """"It" is what the earlier question asked about; a sentence in a paragraph that never names
    it answers for another thing."""
    ans = engine.ask(question, [earlier])
    assert not ans.answerable, (ans.confidence, [c.sentence for c in ans.citations])


@pytest.mark.parametrize("question, history, cited", [
    # a question with its own question word and subject stands alone after any earlier one
    ("Where was the conference held?", ["Who is the CEO of Enflame?"], "Conference in Shanghai"),
    ("What did Baidu showcase?", ["How many chips did Huawei use?"], "Baidu showcased"),
    # a name typed in lower case after "what about"
    ("what about baidu?", ["What did Tencent introduce?"], "Baidu showcased"),
    # "their": the earlier question's name, not the whole earlier question
    ("Who is their CEO?", ["What did Enflame join?"], "CEO of Enflame"),
    # a chain: "it" two questions back is Alibaba's glasses
    ("When will it be available?", ["What did Alibaba unveil?", "Which model powers it?"], "by end-2025"),
    # Spanish: "¿Y ...?" asks the earlier question of a new name
    ("¿Y Baidu?", ["¿Qué presentó Tencent?"], "Baidu showcased"),
    ("¿Y Metax?", ["¿Cuántos chips usó Huawei?"], "128 of its C550 chips"),  # "Cuántos" is no name
    # a fragment with no verb of its own asks something of the earlier question
    ("Which chips?", ["What did Huawei launch?"], "910C AI chips"),
    ("According to which firm?", ["What does the system outperform?"], "SemiAnalysis"),
])
def test_followups_only_lean_on_the_conversation_when_they_need_it(engine, question, history, cited):
    ans, c = first_citation(engine, question, history=history)
    assert ans.answerable and cited in c.sentence


def test_what_a_follow_up_borrows():
    from qa.question import parse

    alone = parse("Where was the conference held?", ["Who is the CEO of Enflame?"])
    assert not alone.followup and alone.search == "Where was the conference held?"
    why = parse("Why?", ["Why are Chinese firms forming alliances?"])
    assert why.followup and why.search.startswith("Why are Chinese firms forming alliances?")
    capitalised = parse("According to whom?", ["Does CloudMatrix beat Nvidia?"])  # "According" names nothing
    assert capitalised.followup and "CloudMatrix" in capitalised.search
    pointing = parse("Which model powers it?", ["What did Alibaba unveil?"])  # a pronoun borrows the names
    assert pointing.followup and pointing.search == "Which model powers it? Alibaba"
    two = parse("Which model powers it?", ["What did Alibaba unveil? What did Huawei launch?"])
    assert "What" not in two.search.split("?")[-1]  # "What" opening a second sentence is no name
    spanish = parse("¿Por qué?", ["¿Por qué forman alianzas las empresas chinas?"])
    assert spanish.multilingual == "¿Por qué forman alianzas las empresas chinas? ¿Por qué?"
    pronoun = parse("¿Qué modelo lo impulsa?", ["¿Qué presentó Alibaba?"])  # e5 reads the names too
    assert pronoun.followup and pronoun.multilingual == "¿Qué modelo lo impulsa? Alibaba"
    # an opener and a word or two of no name ask the earlier question again of what they add
    mode = parse("And in reading mode?", ["How bright does the LumaPod get?"])
    assert mode.followup and mode.search == "How bright does the LumaPod get? And in reading mode?"
    children = parse("What about for children?", ["How much does the flu jab cost?"])
    assert children.measure == "money"  # and what it asked for: a price the text may not give
    assert parse("And Tencent?", ["What did Alibaba unveil?"]).switched == ("tencent",)  # a name: switched
    other = parse("And the return period?", ["How long is the LumaPod warranty?"])  # another thing, not "in ..."
    assert other.search == "And the return period?"  # (a regression hunt caught it asked about the warranty)


def test_a_spanish_follow_up_with_a_pronoun_is_answered(engine):
    ans = engine.ask("¿Qué modelo lo impulsa?", ["¿Qué presentó Alibaba?"])  # was refused: 0.07, about nothing
    assert ans.answerable and ("Quark AI Glasses" in ans.citations[0].sentence or "Qwen" in ans.citations[0].sentence)


@pytest.mark.parametrize("question, history", [
    ("¿Qué modelo las impulsa?", ["¿Qué presentó Alibaba?"]),  # "las": the glasses (was refused, 0.07)
    ("它由哪个模型驱动？", ["阿里巴巴发布了什么？"]),  # was the glasses sentence again, at 0.94
    ("Which model powers it?", ["What did Alibaba unveil?"]),
])
def test_a_follow_up_in_any_language_cites_what_it_asks_not_the_earlier_answer(engine, question, history):
    ans = engine.ask(question, history)
    assert ans.answerable and "Qwen" in ans.citations[0].sentence


def test_names_and_what_a_question_asks_without_them():
    from qa.question import names, without_names

    assert [n for _, _, n in names("Did Huawei and Metax show clusters?")] == ["Huawei", "Metax"]
    assert [n for _, _, n in names("What did the Shanghai General Chamber say?")] == ["Shanghai General Chamber"]
    assert names("Why?") == [] and names("What about it?") == []
    assert without_names("How many chips did Huawei use?") == "How many chips did use?"
    assert without_names("Who leads Enflame and Biren?") == "Who leads and ?"


def test_person_names_and_pronouns():
    from qa.question import parse, person_names, refers_to_person, with_names

    assert person_names("Zhao Lidong, CEO of Enflame, described the alliance") == ["Zhao Lidong"]
    assert refers_to_person("What did he say?") and not refers_to_person("What did they say?")
    q = with_names(parse("What company does he lead?"), ["Zhao Lidong"])
    assert q.search.endswith("Zhao Lidong") and "zhao" in q.tokens


def test_short_answer_span_marks_the_number(engine, article_text):
    ans, c = first_citation(engine, "How many chips did Metax's supernode use?")
    assert c.answer_start is not None and article_text[c.answer_start:c.answer_end] == "128"
    assert c.start <= c.answer_start < c.answer_end <= c.end


@pytest.mark.parametrize("question, name", [
    ("What system did Huawei launch at the conference?", "CloudMatrix 384"),
    ("Which model powers Alibaba's glasses?", "Qwen"),
])
def test_short_answer_span_marks_the_name_a_what_question_asks_for(engine, article_text, question, name):
    ans, c = first_citation(engine, question)
    assert c.answer_start is not None and article_text[c.answer_start:c.answer_end] == name


def test_no_span_without_a_name_of_the_asked_kind():
    from qa.question import parse
    from qa.span import find_span, head_noun

    assert head_noun("What system did Huawei launch?") == "system" and head_noun("Why did it fail?") is None
    sentence = "Notable alumni include a judge. The system failed."
    assert find_span(parse("What alumni became a judge?"), sentence) is None  # a first word is no name
    assert find_span(parse("What system did Huawei launch?"), "Huawei launched a system.") is None


def test_out_of_article_questions_are_refused(engine):
    for q in ("What is the capital of France?", "Who won the football match?", "Who is the president of Brazil?"):
        ans = engine.ask(q)
        assert not ans.answerable and ans.answer == "The article doesn't say.", (q, ans.confidence)
        assert ans.citations == ()


@pytest.mark.parametrize("question", [
    "What did Google show at WAIC?",       # answered (0.39) beside the conference's long name
    "Did Tesla attend WAIC?",              # 0.27
    "What did Meta announce at WAIC?",     # "Meta" is no "Metax"
    "What is ByteDance's new model?",
    "Who is Jensen Huang?",
])
def test_a_question_about_someone_the_article_never_names_is_refused(engine, question):
    ans = engine.ask(question)
    assert not ans.answerable, (question, ans.confidence)


@pytest.mark.parametrize("question, cited", [
    ("What did Baidu show?", "digital human"),
    ("What did Tencent introduce at WAIC?", "Hunyuan3D"),
    ("What did Huawai launch at the conference?", "CloudMatrix 384"),  # mistyped, still Huawei
    ("Who is Zhao Lidong?", "CEO of Enflame"),
])
def test_a_question_about_someone_the_article_names_is_still_answered(engine, question, cited):
    ans = engine.ask(question)
    assert ans.answerable and cited in ans.citations[0].sentence, (question, ans.confidence)


def test_chinese_questions_sharing_no_word_with_the_article_are_refused(engine):
    # hello; what's the weather today; what did Apple release: their dictionary translations
    # ("hello hi", "today present time weather how", "Apple company firm release issue what")
    # share no word with the article
    for q in ("你好", "今天天气怎么样？", "苹果公司发布了什么？"):
        ans = engine.ask(q)
        assert not ans.answerable and ans.citations == (), (q, ans.confidence)
    ans, c = first_citation(engine, "腾讯发布了什么？")  # what did Tencent release: still answered
    assert "Hunyuan3D" in c.sentence


@pytest.mark.parametrize("question", [
    "¿Cuánto cuestan las gafas de Alibaba?",   # the article names no price
    "阿里巴巴的眼镜多少钱？",
    "¿En qué año se fundó Baidu?",            # nor a founding year
    "英伟达的市值是多少？",                    # nor a market value
    "¿DeepSeek formó parte de alguna de las nuevas alianzas?",  # nor DeepSeek
    "¿Qué anunció Xiaomi?",                    # nor Xiaomi
])
def test_questions_in_other_languages_about_what_the_article_does_not_say_are_refused(engine, question):
    ans = engine.ask(question)
    assert not ans.answerable and ans.citations == (), (question, ans.confidence)


def test_a_measure_is_looked_for_in_the_sentences_about_the_name_asked(engine):
    """The founding year of Tencent is not "end-2025" of the Alibaba sentence among the best three
    (fifty-third session); the cloning tool's footage is in the sentence after the one naming
    Baidu ("Its AI cloning tool …"), which counts as about Baidu."""
    refused = engine.ask("¿En qué año se fundó Tencent?")
    assert not refused.answerable, refused.confidence
    answered = engine.ask("¿Cuánto video de muestra necesita la herramienta de clonación de Baidu?")
    assert answered.answerable and "10 minutes of sample footage" in answered.citations[0].sentence


@pytest.mark.parametrize("question, cited", [
    ("¿Cuántos chips usa el sistema de Huawei?", "384 of its self-developed 910C"),
    ("¿Cuándo estarán a la venta las gafas de Alibaba?", "by end-2025"),
    ("华为的超级节点用了多少芯片？", "384 of its self-developed 910C"),
    ("¿Qué presentó Tencent?", "Hunyuan3D"),
    # from a bug hunt of these rules: each was refused or misread on the way
    ("华为的系统用了多少块芯片?", "384 of its self-developed 910C"),
    ("¿Qué dijo Zhao Lidong en cuanto a la alianza?", "an innovative ecosystem"),
    ("据路透社报道,发布了几个联盟?", "two major industry alliances"),
    ("阿里的眼镜什么时候上市?", "by end-2025"),
    ("¿Qué mostró Baidú?", "Baidu showcased"),
    ("¿Qué presentó Tencén?", "Tencent introduced"),
    ("¿Que presento Huawei?", "CloudMatrix 384 system"),
    ("¿Por qué Pekin está impulsando su industria de IA?", "in response to ongoing US export"),
])
def test_their_answerable_kin_are_still_answered(engine, question, cited):
    ans, c = first_citation(engine, question)
    assert cited in c.sentence


@pytest.mark.parametrize("text, names", [
    ("What did Tencent and Baidu each launch?", ("Tencent", "Baidu")),
    ("What did Alibaba, Tencent, and Baidu unveil?", ("Alibaba", "Tencent", "Baidu")),
    ("Did Huawei and Metax show clusters?", ("Huawei", "Metax")),  # not "Did Huawei"
    ("What did the Normans and the Franks do?", ("Normans", "Franks")),
    ("How do AT&T and Verizon compare?", ("AT&T", "Verizon")),
    ("¿Qué presentaron Alibaba, Tencent y Baidu?", ("Alibaba", "Tencent", "Baidu")),
    ("What did Huawei launch?", ()),
    ("Which companies are members of the Shanghai General Chamber of Commerce AI Committee?", ()),
    # a choice between two things, named or not
    ("Which system uses more chips, Huawei's or Metax's?", ("Huawei", "Metax")),
    ("Who is older, the driver or the cyclist?", ("driver", "cyclist")),
    ("Which came first, her MBE or setting up the summer school?", ("MBE", "setting up the summer school")),
    ("Is it efficient or not?", ()),
    ("What, if anything, did he say or do?", ()),
])
def test_subjects_are_the_names_a_question_lists(text, names):
    from qa.question import subjects

    assert subjects(text) == names


def test_each_listed_name_gets_its_own_citation(engine):
    ans = engine.ask("What did Tencent and Baidu each launch?")
    assert ans.answerable
    cited = [c.sentence for c in ans.citations]
    assert any(s.startswith("Tencent introduced its Hunyuan3D") for s in cited), cited
    assert any("Baidu showcased a new" in s for s in cited), cited
    assert len(cited) == len(set(cited))
    # one sentence naming both serves both: no second citation needed
    ans = engine.ask("Who are SenseTime and MiniMax?")
    assert [c.sentence[:16] for c in ans.citations] == ["Members include "]
    for question in ("¿Qué lanzaron Tencent y Baidu?", "腾讯和百度分别发布了什么？"):
        cited = [c.sentence for c in engine.ask(question).citations]
        assert any("Hunyuan3D" in s for s in cited) and any("Baidu showcased" in s for s in cited), (question, cited)
    # each name has its sentence: one that names neither is filler
    cited = [c.sentence[:20] for c in engine.ask("What did Alibaba and Tencent each launch?").citations]
    assert sorted(cited) == ["Alibaba unveiled its", "Tencent introduced i"], cited


def test_each_of_two_things_to_choose_between_gets_its_sentence(engine):
    """"Which is older, the Penrake bottle or the Ashcombe Punch Bowl?" cited the bowl's sentence
    alone: the reader must see both dates to choose."""
    cited = [c.sentence for c in engine.ask("Which uses more chips, Huawei's CloudMatrix or Metax's supernode?").citations]
    assert any("384 of its self-developed" in s for s in cited) and any("128 of its C550" in s for s in cited), cited


def test_a_thing_is_told_of_by_most_of_its_words():
    from qa.answer import _says

    assert _says("setting up the summer school")("She founded the Bridge the Gap summer school in 1991.")
    assert _says("hip and knee replacements")("The median wait for a hip or knee replacement is 41 weeks.")
    assert _says("cataract operations")("The median wait for cataract surgery has fallen.")
    assert not _says("cataract operations")("Operations were cancelled.")  # its one common word alone
    assert _says("Huawei's CloudMatrix")("Huawei launched its CloudMatrix 384 system.")  # a name: every word
    assert not _says("Ashcombe Punch Bowl")("The Ashcombe bowl is the largest piece.")


def test_a_question_in_another_language_cites_its_best_sentence_only(engine):
    # its ranker probabilities are not calibrated (every sentence reads ~0.001): no "nearly as strong"
    ans, c = first_citation(engine, "腾讯发布了什么？")
    assert [x.sentence[:24] for x in ans.citations] == ["Tencent introduced its H"]
    ans, c = first_citation(engine, "腾讯和百度分别发布了什么？")  # listed names still get one each
    assert len(ans.citations) == 2


def test_off_topic_questions_in_other_languages_are_refused(engine):
    # what's the weather today; tell me a joke: encyclopedia text fits them better than the article
    for q in ("¿Qué tiempo hace hoy?", "Cuéntame un chiste"):
        ans = engine.ask(q)
        assert not ans.answerable and ans.citations == (), (q, ans.confidence)
    ans, c = first_citation(engine, "¿Qué sistema lanzó Huawei en la conferencia?")
    assert "CloudMatrix 384" in c.sentence


def test_thirty_off_topic_spanish_questions_of_the_article_are_refused(engine):
    """General knowledge, chat and requests in Spanish (tests/data/offtopic_es.txt, written for
    the off-topic check's margin in the twenty-fifth session): none is about the article."""
    from pathlib import Path

    lines = [x for x in (Path(__file__).parent / "data" / "offtopic_es.txt").read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) == 30
    answered = [(x, round(a.confidence, 2)) for x in lines if (a := engine.ask(x)).answerable]
    assert not answered, answered


def test_off_topic_chinese_questions_are_refused_more_often_than_not(data_engine):
    """tests/data/offtopic_zh.txt (fortieth session: tests/data/offtopic_es.txt in Chinese), asked
    of each of five short documents: 66 of 150 were answered ("晚饭我该吃什么？" from the recipe),
    as a Chinese question was judged only by whether it shares a dictionary gloss with the text.
    Judged by e5 against general text too (qa/offtopic.py CHINESE_MARGIN), 21 are."""
    engine = data_engine(Path(__file__).parent / "data" / "short_documents_b" / "corpus")
    lines = [x for x in (Path(__file__).parent / "data" / "offtopic_zh.txt").read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) == 30
    answered = [(x, d.id) for d in engine.documents for x in lines if engine.ask(x, doc=d.id).answerable]
    assert len(answered) <= 25, answered


@pytest.mark.parametrize("earlier", ["¿Dónde se celebró la conferencia?", "¿Qué lanzó Huawei?", "¿Quién es Zhao Lidong?"])
def test_off_topic_spanish_questions_after_an_article_question_are_refused(engine, earlier):
    """A short Spanish question may lean on the conversation for its subject ("¿Cuántos días
    duró?"), so it was read with the earlier question, and "Cuéntame un chiste" or "¿Me
    recomiendas una película?" read as on-topic as that: 3 of the 30 were answered after each of
    these (0.73-0.91). Now it is judged by what it adds to the conversation. After the first,
    "¿Qué hora es?" still reads as a question about the conference's time."""
    from pathlib import Path

    lines = [x for x in (Path(__file__).parent / "data" / "offtopic_es.txt").read_text(encoding="utf-8").splitlines() if x]
    answered = [(x, round(a.confidence, 2)) for x in lines if (a := engine.ask(x, history=[earlier])).answerable]
    assert len(answered) <= 1, answered


@pytest.mark.parametrize("question, history, cited", [
    ("¿Dónde fue eso?", ["¿Cuándo se lanzaron las alianzas?"], "World Artificial Intelligence Conference in Shanghai"),
    ("¿Cuántos días duró?", ["¿Dónde se celebró la conferencia?"], "three-day World Artificial Intelligence Conference"),
    ("¿Y qué más lanzó?", ["¿Qué lanzó Huawei?"], "CloudMatrix 384"),
])
def test_a_spanish_follow_up_that_points_back_is_about_the_conversation(engine, question, history, cited):
    """Alone, "¿Dónde fue eso?" reads as general Spanish and the off-topic check refused it (0.08);
    it points back ("eso"), so it is about what the conversation is about."""
    ans, c = first_citation(engine, question, history=history)
    assert cited in c.sentence


def test_a_spanish_question_opening_with_y_leans_on_the_conversation(data_engine):
    """"¿Y …?" points back even with a verb and a noun of its own: alone, these read as general
    Spanish and were refused as off-topic (0.03, 0.05) of the flood story."""
    engine = data_engine(Path(__file__).parent / "data" / "news_articles" / "corpus")
    for question, earlier, cited in (
            ("¿Y cuándo fue el récord anterior?", "¿Hasta qué altura subió el río en Harrowby?", "previous record set in 1987"),
            ("¿Y cuánta gente sigue desaparecida?", "¿Cuántas personas murieron en las inundaciones?", "At least 11 people were missing")):
        ans = engine.ask(question, history=[earlier], doc="kessel-river-floods-westmarch-province")
        assert ans.answerable and cited in ans.citations[0].sentence, (question, ans.confidence)


@pytest.mark.parametrize("question, earlier, cited", [
    ("¿es de código abierto?", "¿Qué presentó Tencent?", "Hunyuan3D World Model 1.0, an open-source tool"),
    ("¿cuándo llegan a las tiendas?", "¿Qué presentó Alibaba?", "expected to hit the Chinese market"),
])
def test_a_spanish_follow_up_that_drops_its_subject_leans_on_the_conversation(engine, question, earlier, cited):
    """Spanish leaves out a subject the conversation has named. Its function words ("es", "de",
    "a", "las") are no English stop words, so these read as four-word questions of their own, and
    alone they read as general Spanish: refused as off-topic (0.07)."""
    ans = engine.ask(question, history=[earlier])
    assert ans.answerable and cited in ans.citations[0].sentence, ans.confidence
    assert not engine.ask(question).answerable  # alone, nothing says what "it" is
    # a question with a subject of its own stands alone, and is about something else
    assert not engine.ask("cual es la capital de peru", history=[earlier]).answerable


@pytest.mark.parametrize("question, earlier, cited", [
    ("由什么模型驱动？", "阿里巴巴发布了什么？", "Qwen model"),  # alone: Tencent's "World Model"
    ("是开源的吗？", "腾讯在WAIC上发布了什么？", "open-source tool"),
])
def test_a_chinese_follow_up_that_drops_its_subject_leans_on_the_conversation(engine, question, earlier, cited):
    """Chinese leaves out a subject the conversation has named, with no pronoun to say so."""
    ans = engine.ask(question, history=[earlier])
    assert ans.answerable and cited in ans.citations[0].sentence, ans.confidence
    # small talk after it borrows the earlier question's words too, and is judged by what it adds
    assert not engine.ask("今天天气怎么样", history=[earlier]).answerable


def test_who_someone_is_is_answered_by_the_sentence_naming_them_after_a_quote(data_engine):
    """"Who is Priya Natarajan?" of a story that names her once, after a long quote ("“…,” said
    Priya Natarajan, an analyst at Halden & Co."), was refused (0.14): the embedders put a bare
    name far from a sentence that is mostly quote. Asked for no more than who someone is or what
    they said, and with the name written in full, it is judged on whether the text covers it."""
    engine = data_engine(Path(__file__).parent / "data" / "news_articles" / "corpus")
    doc = "brightwater-appliances-dayton-job-cuts"
    for question in ("Who is Priya Natarajan?", "What did Priya Natarajan say?"):
        ans = engine.ask(question, doc=doc)
        assert ans.answerable and "said Priya Natarajan, an analyst" in ans.citations[0].sentence, (question, ans.confidence)
    assert not engine.ask("How old is Priya Natarajan?", doc=doc).answerable  # what the text doesn't say
    assert not engine.ask("What did Huawei say?", doc=doc).answerable  # a name the story never writes
    # a regression hunt: what someone said, of a story where he scores and says nothing (answered, 0.5)
    assert not engine.ask("What did Marcus Bell say?", doc="redmarsh-rovers-win-northern-cup").answerable


@pytest.mark.parametrize("question, answered", [
    ("what did nvidia say in response to huawei's launch?", False),  # answered from SemiAnalysis's words (0.68)
    ("What did Nvidia say about the CloudMatrix?", False),
    ("what did semianalysis say", True),  # "According to US-based research firm SemiAnalysis, …"
    ("What did Zhao Lidong say?", True),
])
def test_what_a_company_said_is_its_own_words_not_words_about_it(engine, question, answered):
    """"According to research firm SemiAnalysis, the system outperforms Nvidia's flagship …" names
    Nvidia and reports speech, but SemiAnalysis's (a blind review of the page)."""
    assert engine.ask(question).answerable is answered


def test_what_someone_promised_or_how_they_reacted(data_engine):
    """A reaction, a promise or a view is asked in words the text rarely writes ("pledge" for
    "promised", "react" for "called the vote …"): a sentence reporting speech covers them
    (qa/sayings.py). Asked of someone the text never quotes, it is refused: "What was the WHO's
    view of the trial?" of a story naming the WHO for its figures only."""
    engine = data_engine(Path(__file__).parent / "data" / "news_articles" / "corpus")
    ans = engine.ask("What did the mayor promise?", doc="port-calloway-congestion-charge")  # refused (0.17)
    assert ans.answerable and ans.citations[0].sentence.startswith("Mayor Elena Voss"), ans.confidence
    assert not engine.ask("What was the WHO's view of the trial?", doc="trv-204-malaria-antibody-trial-mali").answerable
    # a month is asked by name: a year is no answer ("The plant, which opened in 1958, …")
    assert not engine.ask("What month was the Dayton plant opened?", doc="brightwater-appliances-dayton-job-cuts").answerable


def test_background_sentences_ship_and_fail_safe(monkeypatch, tmp_path, caplog):
    from qa import offtopic

    bg = offtopic.background()
    assert bg is not None and bg.ndim == 2 and bg.shape[1] == 384 and len(bg) >= 1000
    q = bg[0] / np.linalg.norm(bg[0])
    assert offtopic.closer_to_background(q, best_in_scope=0.5)      # a background sentence itself
    assert not offtopic.closer_to_background(q, best_in_scope=1.01)
    # it must fit clearly better: a document a hair below the background is still the topic
    assert not offtopic.closer_to_background(q, best_in_scope=float(bg[0] @ q) - offtopic.BACKGROUND_MARGIN / 2)
    # a follow-up: what it adds to the conversation. Nothing added pulls nowhere; a background
    # sentence itself pulls a conversation about a document sentence away
    doc = np.random.default_rng(0).standard_normal((1, bg.shape[1])).astype(np.float32)
    doc /= np.linalg.norm(doc)
    assert not offtopic.pulls_away(doc, doc[0], doc[0])
    both = (doc[0] + q) / np.linalg.norm(doc[0] + q)
    assert offtopic.pulls_away(doc, doc[0], both) and not offtopic.pulls_away(doc, both, doc[0])
    assert not offtopic.pulls_away(doc[:0], doc[0], both)  # no sentences found: no veto
    bad = tmp_path / "e5_background.npy"
    bad.write_bytes(b"not an array")
    monkeypatch.setattr(offtopic, "BACKGROUND_PATH", bad)
    offtopic.background.cache_clear()
    try:
        assert offtopic.background() is None and "background sentences unusable" in caplog.text
        assert not offtopic.closer_to_background(q, best_in_scope=0.0)  # no file: never a veto
        assert not offtopic.pulls_away(doc, doc[0], both)
    finally:
        offtopic.background.cache_clear()


def test_a_light_verb_ending_a_question_is_no_evidence(engine):
    from qa.question import content_tokens

    assert content_tokens("Where was the conference held?") == ["confer"]
    assert "last" in content_tokens("Who was the last emperor?")  # not at the end: a word of its own
    for question, cited in (("Where was the conference held?", "World Artificial Intelligence Conference in Shanghai"),
                            ("How long did the conference last?", "three-day")):
        ans = engine.ask(question)
        assert ans.answerable and cited in ans.citations[0].sentence, question


def test_a_question_the_article_contradicts_is_far_less_sure(engine):
    # negated, an opposite, a number the sentence does not give: same words, another question
    for asked, contradicted in (
            ("What system did Huawei launch at the conference?", "What system did Huawei not launch at the conference?"),
            ("Who is the CEO of Enflame?", "Who was never the CEO of Enflame?"),
            ("How does the CloudMatrix platform compensate for lower chip-level performance?",
             "How does the CloudMatrix platform compensate for higher chip-level performance?"),
            ("How many chips did Metax's supernode demonstration feature?",
             "How many chips did Metax's 2019 supernode demonstration feature?")):
        sure, unsure = engine.ask(asked).confidence, engine.ask(contradicted).confidence
        assert unsure < 0.75 * sure, (contradicted, unsure, sure)


@pytest.mark.parametrize("question, cited", [
    ("What did Baidu show?", "Baidu showcased a new “digital human” technology"),       # refused, 0.24
    ("What might the alliances serve as?", "may serve as a launchpad"),                 # refused, 0.24
    ("How many firms showcased similar architectures?", "At least six other Chinese firms"),  # refused, 0.13
])
def test_a_common_word_the_article_never_writes_does_not_refuse(engine, question, cited):
    """"show", "might", "many": the article never writes them, but such common words frame a
    question; they are not what it asks about."""
    ans, c = first_citation(engine, question)
    assert cited in c.sentence


def test_a_word_the_article_writes_in_other_words_does_not_refuse(engine):
    """"spectacles": the article says "glasses" (qa/nearwords.py). Refused before, 0.25."""
    ans, c = first_citation(engine, "When do Alibaba's spectacles come out?")
    assert "Alibaba unveiled its Quark AI Glasses" in c.sentence


@pytest.mark.parametrize("question", ["What is the revenue of Huawei?", "Did Apple attend the conference?"])
def test_a_topical_word_the_article_never_writes_still_refuses(engine, question):
    ans = engine.ask(question)
    assert not ans.answerable, (question, ans.confidence)


def test_a_negated_question_the_article_answers_in_other_words(engine):
    ans, c = first_citation(engine, "Which chips can China not access?")
    assert "barred China’s access to Nvidia’s H100" in c.sentence


def test_fresh_article_questions_cited_right_when_answered(engine):
    """120 questions about the article written for this check by writers who read only the
    article (tests/data/article_probe_*.jsonl; none is the dev set's). A guard, not a target:
    an answered question cites its gold sentence first (91% today), real paraphrases are
    refused no more often than 20% (12% today; 20% before common words stopped counting as
    missing), and at least 40% of the unanswerable ones are refused (50% today, 11 of 22, since
    a measure the article never gives is refused; 36% before; 50% before common words stopped
    counting as missing, 59% before acronyms were read, docs/results.md)."""
    from qa.evaluate import run, score

    questions = [q for path in sorted(DATA.glob("article_probe_*.jsonl")) for q in read_questions(path)]
    assert len(questions) == 120
    answers, _ = run(engine, questions)
    summary, _, _ = score(questions, answers)  # score.py's definitions
    right_when_answered = summary["cite_top1"] / (1 - summary["false_abstain"])
    assert right_when_answered >= 0.88, summary
    assert summary["false_abstain"] <= 0.20, summary
    assert summary["abstain_correct"] >= 0.8, summary  # 0.909 since the sixtieth session (0.773 before)


def test_invisible_characters_in_a_question_change_nothing(engine):
    """Text pasted from the web carries zero-width spaces and joiners, soft hyphens."""
    plain = engine.ask("What system did Huawei launch at the conference?")
    pasted = engine.ask("What system did Hua\u200bwei la\u200dunch at the con\u00adference?")
    assert pasted.answerable and pasted.citations[0].sentence == plain.citations[0].sentence
    assert pasted.confidence == pytest.approx(plain.confidence, abs=1e-6)


def test_accents_match_however_they_are_composed(tmp_path):
    """A document stored decomposed (NFD, as some tools save it) is searched as the same text
    stored composed (NFC), for a question typed either way; citations keep the file's characters."""
    import unicodedata

    from qa.engine import Engine

    text = ("Pastry notes\n\nChef Amélie Durand described the crème brûlée as the café's best dessert. "
            "The café opened in Lyon in 1998. It serves forty tables.\n")
    answers = {}
    for form in ("NFC", "NFD"):
        corpus = tmp_path / form / "corpus"
        corpus.mkdir(parents=True)
        (corpus / "cafe.txt").write_text(unicodedata.normalize(form, text), encoding="utf-8")
        engine = Engine(corpus, tmp_path / form / "index", progress=False)
        for q_form in ("NFC", "NFD"):
            ans = engine.ask(unicodedata.normalize(q_form, "Who described the crème brûlée?"))
            stored = (corpus / "cafe.txt").read_text(encoding="utf-8")
            assert ans.answerable and stored[ans.citations[0].start:ans.citations[0].end] == ans.citations[0].sentence
            answers[form, q_form] = (ans.citations[0].start, round(ans.confidence, 3))
    assert len(set(answers.values())) == 1, answers


def test_metadata_questions_cite_the_line_that_says(tmp_path):
    """A front-matter title shares the question's words; a date or author question still cites
    the date or author line, and each line is spelt out as what it is."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "zub.md").write_text("---\ntitle: Zubrowka Report\ndate: 2024-03-05\nauthor: Agnes Varga\n---\n\n"
                                   "The Zubrowka reactor was shut down in 2020 after an inspection. "
                                   "It had run for forty years.\n", encoding="utf-8")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    for question, answer, line in [
        ("When was the Zubrowka report published?", "The article is dated 2024-03-05. [1]", "date: 2024-03-05"),
        ("Who wrote the Zubrowka report?", "The article's author is Agnes Varga. [1]", "author: Agnes Varga"),
        ("What is the title of the Zubrowka report?", "The article's title is Zubrowka Report. [1]", "title: Zubrowka Report"),
    ]:
        ans = engine.ask(question)
        assert ans.answer == answer and ans.citations[0].sentence == line, (question, ans.answer, ans.citations)


def test_tell_me_more_at_the_end_and_after_a_refusal(engine):
    """Reading on past the article's end keeps saying it has ended (it fell back to the help
    text); after a refusal it shows that refusal's nearest passages again (it was a bare refusal)."""
    history = ["What did Alibaba unveil?"]
    replies = []
    for _ in range(8):
        replies.append(engine.ask("Tell me more", history))
        history = history + ["Tell me more"]
    ended = [a for a in replies if a.kind == "chat"]
    assert ended and all("article ends" in a.answer for a in ended), [a.answer[:60] for a in replies]
    refused = engine.ask("What did the US block?")
    more = engine.ask("Tell me more", ["What did the US block?"])
    if not refused.answerable:
        assert not more.answerable and more.nearest == refused.nearest and more.nearest


@pytest.mark.parametrize("question, shown", [
    ("What is the capital of France?", False),   # about something else: nothing near it
    ("How do I bake bread?", False),
    ("¿Quién pintó la Mona Lisa?", False),
    ("How much do the Quark glasses cost?", True),  # a near miss: what the text says about them
    ("Who founded Metax?", True),
])
def test_a_refusal_shows_nearest_passages_only_for_a_near_miss(engine, question, shown):
    """The nearest passages under a refusal help when the question is about the text ("the
    glasses' price is not given, but here is what it says of them"); for a question about
    something else they are noise that reads like an answer."""
    ans = engine.ask(question)
    assert not ans.answerable and bool(ans.nearest) == shown, (ans.confidence, [c.sentence[:40] for c in ans.nearest])


def test_thirty_off_topic_english_questions_are_refused_mostly_with_nothing_near(engine):
    """tests/data/offtopic_en.txt: tests/data/offtopic_es.txt in English (twenty-ninth session).
    None is about the article; 25 of the 29 refusals show no nearest passages (4 share a word
    with one, or fit the article about as well as general text: "Who won the 2022 World Cup?")."""
    from pathlib import Path

    lines = [x for x in (Path(__file__).parent / "data" / "offtopic_en.txt").read_text(encoding="utf-8").splitlines() if x]
    assert len(lines) == 30
    answers = [(x, engine.ask(x)) for x in lines]
    assert not [(x, round(a.confidence, 2)) for x, a in answers if a.answerable]
    shown = [x for x, a in answers if a.nearest]
    assert len(shown) <= 6, shown


def test_everyday_documents_wrapped_faq_and_markdown(tmp_path):
    """Documents as people write them: prose hard-wrapped at 72 columns with CRLF line ends, a
    FAQ whose questions match better than their answers, Markdown release notes."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "manual.txt").write_bytes(
        b"Product Manual\r\n\r\nThe X200 blender has three speeds and a pulse button. The jug holds\r\n"
        b"1.5 litres and is dishwasher safe.\r\n\r\nWarning: never run the blender empty for more than 10\r\n"
        b"seconds, as this can damage the motor.\r\n\r\nThe warranty lasts two years from the date of purchase\r\n")
    (corpus / "faq.txt").write_text("Frequently asked questions\n\nQ: How do I reset my password?\n"
                                    "A: Open Settings, choose Security and press Reset password.\n\n"
                                    "Q: Can I export my data?\nA: Yes. Go to Settings > Export and choose CSV or JSON.\n\n"
                                    "Q: Which browsers are supported\nA: Chrome, Firefox and Safari.\n\n"
                                    "Q: How long is the free trial?\nA: The free trial lasts 14 days.\n")
    (corpus / "notes.md").write_text("# Larkspur release notes\n\n## 3.1.0\n\n"
                                     "* Added support for **single sign-on** via _OpenID Connect_.\n"
                                     "* Fixed a crash when importing\n  very large spreadsheets.\n\n"
                                     "```\nlarkspur --version  # prints 3.1.0. Requires root.\n```\n")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    for question, cited in [
        ("How many speeds does the X200 blender have?", "three speeds"),
        ("How long is the warranty?", "two years"),
        ("How long can the blender run empty?", "more than 10\r\nseconds"),
        ("How do I reset my password?", "A: Open Settings"),
        ("How long is the free trial?", "lasts 14 days"),
        ("Which browsers are supported?", "Chrome, Firefox"),  # a "Q:" line without its "?"
        ("Which protocol does Larkspur use for single sign-on?", "_OpenID Connect_"),
    ]:
        ans = engine.ask(question)
        assert ans.answerable and cited in ans.citations[0].sentence, (question, ans.answer)
        text = (corpus / f"{ans.citations[0].doc}.{'md' if ans.citations[0].doc == 'notes' else 'txt'}").read_bytes().decode()
        assert text[ans.citations[0].start:ans.citations[0].end] == ans.citations[0].sentence
    assert all("Requires root" not in s.text for s in engine.index.sentences)  # code is no text
    formats = engine.ask("What formats can I export to?")  # a bare "Yes." and what follows it
    assert formats.answerable and any("CSV or JSON" in c.sentence for c in formats.citations)


def test_a_fragment_is_read_both_ways_and_a_sign_off_is_no_answer(tmp_path):
    """"How much milk?" after "How many eggs?" stands alone, though it has no verb; a question
    in an e-mail keeps its place when what follows it is a sign-off."""
    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "pancakes.md").write_text("# Fluffy Pancakes\n\n## Ingredients\n\n- 200 g plain flour\n- 2 eggs\n"
                                        "- 300 ml milk\n- 25 g melted butter\n\n## Method\n\n"
                                        "1. Beat the eggs with the milk.\n2. Cook each pancake for 2 minutes per side.\n")
    (corpus / "mail.txt").write_text("Hi Sam,\n\nI booked the Lakeside Lodge for the offsite on 12 September.\n\n"
                                     "Can you send the agenda by Friday?\n\nBest,\nDana\n")
    engine = Engine(corpus, tmp_path / "index", progress=False)
    milk = engine.ask("How much milk?", ["How many eggs?"])
    assert milk.answerable and "300 ml milk" in milk.citations[0].sentence
    agenda = engine.ask("When should the agenda be sent?")
    assert agenda.citations and agenda.citations[0].sentence != "Best,"


def test_a_common_word_after_what_about_asks_on_the_same_subject(engine):
    ans, c = first_citation(engine, "what about availability?", history=["What did Alibaba unveil?"])
    assert ans.answerable and "Alibaba" in c.sentence


def test_a_follow_up_turning_to_another_company_is_about_that_company(engine):
    """"And Tencent?" after a question about Alibaba's glasses cited Alibaba's glasses (0.63)."""
    ans = engine.ask("and Tencent?", ["When will Alibaba's glasses hit the market?"])
    assert not ans.citations or "Alibaba" not in ans.citations[0].sentence, ans.answer
    ans, c = first_citation(engine, "what about Baidu?", history=["What did Tencent introduce?", "is it open source?"])
    assert "Baidu showcased" in c.sentence


@pytest.mark.parametrize("correction", ["no, I meant Metax", "sorry, I mean Metax", "No, Metax"])
def test_a_correction_asks_the_earlier_question_of_the_name_it_gives(engine, correction):
    ans, c = first_citation(engine, correction, history=["How many chips did Huawei's system use?"])  # refused, 0.12
    assert "128 of its C550 chips" in c.sentence


def test_a_third_turn_keeps_the_person_the_conversation_found(engine):
    """"his company" is Zhao Lidong's Enflame, named by the first answer (it cited SenseTime's)."""
    history = ["Who described the alliance as an innovative ecosystem?", "what company does he run?"]
    ans, c = first_citation(engine, "is his company sanctioned?", history=history)
    assert "Enflame" in c.sentence


def test_an_abbreviation_in_chinese_reads_as_what_it_abbreviates(engine):
    ans, c = first_citation(engine, "哪个工具是开源的？")  # 开源 read "expand one's financial resources"
    assert "open-source tool" in c.sentence


@pytest.mark.parametrize("question, history, cited", [
    ("¿Cuántos días duró?", ["¿Dónde se celebró la conferencia?"], "three-day World Artificial Intelligence Conference"),
    ("¿Y qué dijo?", ["Who is Zhao Lidong?"], "Zhao Lidong, CEO of Enflame"),
    ("¿Dónde se celebró la conferencia?", ["¿Qué lanzó Huawei?"], "three-day World Artificial Intelligence Conference"),
])
def test_a_spanish_question_without_its_subject_leans_on_the_conversation(engine, question, history, cited):
    """Spanish drops a subject the conversation named: the first two were refused (0.07, alone
    they read as general Spanish); a complete one still stands alone."""
    ans, c = first_citation(engine, question, history=history)
    assert cited in c.sentence


@pytest.mark.parametrize("question", ["How much do Alibaba's glasses cost?", "What time does the conference open?",
                                      "What percentage of the market does Huawei hold?"])
def test_a_measure_the_article_never_gives_is_refused(engine, question):
    ans = engine.ask(question)
    assert not ans.answerable, (question, ans.confidence, [c.sentence for c in ans.citations])


def test_a_measure_the_article_gives_is_answered(engine):
    ans = engine.ask("What year will the glasses hit the market?")
    assert ans.answerable and "end-2025" in ans.citations[0].sentence


@pytest.mark.parametrize("question, history", [
    ("What is the second alliance?", []),
    ("And the second?", ["What is the first alliance called?"]),
    ("What is the other alliance called?", []),
])
def test_the_second_of_an_enumeration_is_the_item_after_the_first(engine, question, history):
    """"The first, called the Model-Chip Ecosystem Innovation Alliance …" then "Another consortium,
    the Shanghai General Chamber of Commerce AI Committee …": the second alliance is the
    consortium, though the question says "alliance" and the first item's sentence does."""
    ans = engine.ask(question, history)
    assert ans.answerable and ans.citations[0].sentence.startswith("Another consortium"), ans.citations
    assert not any(c.sentence.startswith(("The first, called", "Zhao Lidong")) for c in ans.citations)
    first = engine.ask("What is the first alliance called?")
    assert first.citations[0].sentence.startswith("The first, called")


@pytest.mark.parametrize("question", ["Which companies are in the Shanghai General Chamber of Commerce AI Committee?",
                                      "Who is in the Shanghai General Chamber of Commerce AI Committee?"])
def test_who_is_in_a_body_is_answered_by_its_member_list(engine, question):
    """"in" a committee is its membership: the list after the sentence naming it comes first."""
    ans = engine.ask(question)
    assert [c.sentence[:16] for c in ans.citations[:2]] == ["Members include ", "Another consorti"]


def test_who_is_in_charge_asks_for_no_members():
    from qa.answer import _ASKS_MEMBERS

    assert not _ASKS_MEMBERS.search("Who is in charge of the union?")
    assert _ASKS_MEMBERS.search("Which companies are in the union?")
