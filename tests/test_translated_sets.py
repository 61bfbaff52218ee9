"""The blind question sets, asked in Spanish and in Chinese (twenty-fourth session): a helper who
read only the questions (and, for the short documents, the documents) translated each the way a
native speaker would type it, keeping its meaning, its gold sentences and whether the text
answers it. The article's 420 shaped the session's rules for questions in other languages (the
measure asked for, names the text never writes, an unanswered "how many", a Spanish question
read in the documents' English words); the short documents' 540 were held out, measured before
and after each change and their misses not read (but for two Chinese ones, which showed a
person's name read into 石桥 "stone bridge") Guards, not targets: each
bound sits a question or two below today's figure.
"""
from pathlib import Path

import pytest

from qa.evaluate import read_questions, run, score

pytestmark = pytest.mark.slow
DATA = Path(__file__).parent / "data"


def _by_language(engine, path: Path, count: int, languages: tuple[str, ...] = ("es", "zh")) -> dict[str, dict]:
    asked = read_questions(path)
    assert len(asked) == count and {q["lang"] for q in asked} == set(languages)
    answers = run(engine, asked)[0]
    return {lang: score([q for q in asked if q["lang"] == lang], answers)[0] for lang in languages}


def _holds(summary: dict, right: float, false: float, refused: float) -> None:
    assert summary["cite_top1"] / (1 - summary["false_abstain"]) >= right, summary
    assert summary["false_abstain"] <= false, summary
    assert summary["abstain_correct"] >= refused, summary


def test_article_questions_in_spanish_and_chinese(engine):
    """Spanish 0.759 cite@1, false refusals 0.076, correct refusals 0.308 (0.747 / 0.095 / 0.346
    before the off-topic check's margin, 0.709 before the reranker read Spanish questions; 0.646 /
    0.095 / 0.115 before the twenty-fourth session); Chinese 0.785, 0.019, 0.288 (0.753 / 0.019 / 0.135 before). English on the same questions refuses
    about half of the unanswerable ones."""
    got = _by_language(engine, DATA / "translated" / "article_es_zh.jsonl", 420)
    _holds(got["es"], right=0.80, false=0.09, refused=0.28)
    _holds(got["zh"], right=0.78, false=0.04, refused=0.25)


def test_short_document_questions_in_spanish_and_chinese(data_engine):
    """Held out: Spanish 0.756 / 0.051 / 0.143 (0.692 / 0.115 / 0.167 before the off-topic check's
    margin, 0.667 before the reranker read Spanish questions,
    0.513 / 0.115 / 0.071 before the twenty-fourth session), Chinese 0.821 / 0.000 / 0.119
    (0.795 before the reranker read Chinese questions, 0.744 / 0.026 / 0.071 before the
    twenty-fourth session)."""
    engine = data_engine(DATA / "short_documents" / "corpus")
    got = _by_language(engine, DATA / "translated" / "short_documents_es_zh.jsonl", 240)
    _holds(got["es"], right=0.76, false=0.08, refused=0.11)
    _holds(got["zh"], right=0.80, false=0.03, refused=0.07)


def test_five_more_short_documents_in_spanish_and_chinese(data_engine):
    """Held out: Spanish 0.55 / 0.15 / 0.18 (0.47 / 0.26 / 0.28 before the off-topic check's margin;
    0.44 / 0.26 / 0.24 before the twenty-fourth session), Chinese 0.69 / 0.02 /
    0.10 (0.68 before the reranker read Chinese questions; 0.67 / 0.02 / 0.04 before): these questions paraphrase most, and a Spanish word the
    text says another way finds no English word near it."""
    engine = data_engine(DATA / "short_documents_b" / "corpus")
    got = _by_language(engine, DATA / "translated" / "short_documents_b_es_zh.jsonl", 300)
    _holds(got["es"], right=0.62, false=0.18, refused=0.15)
    _holds(got["zh"], right=0.67, false=0.05, refused=0.06)


def test_six_news_stories_in_spanish_and_chinese(data_engine):
    """Written with the stories (twenty-sixth session): 8 answerable and 4 unanswerable questions
    of each story in each language. First run: Spanish 0.562 / 0.333 / 0.083, Chinese 0.729 /
    0.000 / 0.125. Spanish 0.625 / 0.229 / 0.083 once a follow-up that points back ("¿Y la
    cuarta?") was no longer judged off-topic alone; 0.688 / 0.167 / 0.250 once a question in the
    stories' own words ("¿Avisaron al sindicato antes de anunciar el cierre?") needed general
    Spanish to fit it by a wider margin (forty-third session, from these misses)."""
    engine = data_engine(DATA / "news_articles" / "corpus")
    got = _by_language(engine, DATA / "translated" / "news_articles_es_zh.jsonl", 144)
    _holds(got["es"], right=0.78, false=0.21, refused=0.20)  # 0.825
    _holds(got["zh"], right=0.68, false=0.05, refused=0.08)


def test_questions_about_names_in_spanish_and_chinese(data_engine):
    """tests/data/named_subjects' 120 questions (forty-first session), translated blind: half ask
    about a name the document never writes. Before the session's rule (qa/answer.py
    `subject_unwritten`): Spanish 0.683 / 0.067 / 0.550, Chinese 0.767 / 0.050 / 0.567; its
    first form, blind, 0.667 / 0.100 / 0.817 and 0.733 / 0.100 / 0.700 (each word of a name judged
    alone: "Jim Prat" lacked "Prat", "Biadu" was no Baidu). Today 0.683 / 0.067 / 0.783 and 0.767 /
    0.050 / 0.667."""
    engine = data_engine(DATA / "named_subjects" / "corpus")
    got = _by_language(engine, DATA / "translated" / "named_subjects_es_zh.jsonl", 240)
    _holds(got["es"], right=0.69, false=0.10, refused=0.72)  # 0.732
    _holds(got["zh"], right=0.77, false=0.09, refused=0.62)  # 0.807


def test_questions_about_countries_in_spanish_and_chinese(data_engine):
    """tests/data/countries' 60 questions (forty-third session), translated blind with each
    country in the words of the question's language ("Reino Unido", "EE. UU.", 英国). Before that
    session's rule (a country named in Spanish or Chinese must be written in some English form):
    Spanish 0.750 / 0.083 / 0.333, Chinese 0.944 / 0.000 / 0.083; with it, blind, 0.750 / 0.083 /
    0.625 and 0.944 / 0.000 / 1.000. Spanish adjectives ("los viticultores alemanes") are not
    read as countries."""
    engine = data_engine(DATA / "countries" / "corpus")
    got = _by_language(engine, DATA / "translated" / "countries_es_zh.jsonl", 120)
    _holds(got["es"], right=0.78, false=0.12, refused=0.58)  # 0.818
    _holds(got["zh"], right=0.90, false=0.04, refused=0.95)  # 0.944


def test_questions_written_in_spanish_about_the_countries_stories(data_engine):
    """tests/data/countries/spanish_questions.jsonl (forty-third session): 80 questions a helper
    wrote in Spanish, not translated, about the five stories of tests/data/countries, read only
    the stories: 40 answerable in the writer's own words (some typed casually), 20 about a detail
    the story never gives, 20 off-topic (half borrowing a word of the story: "¿Cómo se prepara un
    buen cuscús marroquí?"). First run, blind: 0.550 cite@1, false refusals 0.150, correct
    refusals 0.550 (16 of the 20 off-topic, 6 of the 20 others), the same before and after that
    session's wider off-topic margin for questions in the documents' words. Today 0.575 / 0.125 /
    0.550: "¿Por cuánto ganó Marruecos la tanda de penaltis?" asks for a margin, not money."""
    engine = data_engine(DATA / "countries" / "corpus")
    asked = read_questions(DATA / "countries" / "spanish_questions.jsonl")
    assert len(asked) == 80 and {q["lang"] for q in asked} == {"es"}
    _holds(score(asked, run(engine, asked)[0])[0], right=0.60, false=0.20, refused=0.50)  # 0.647


def test_spanish_conversations_written_blind(tmp_path):
    """80 two-turn Spanish conversations (twenty-sixth session, a helper who read only the
    stories): 56 follow-ups that lean on the first question ("¿Con cuántos niños?", "¿Y la baja?",
    "¿Por qué?") and 24 off-topic interjections after an on-topic question, over the article and
    the six news stories. First run: 0.500 cite@1, false refusals 0.250, all 24 interjections
    refused; 0.536 / 0.232 after a follow-up was first judged by what it adds to the
    conversation; 0.589 / 0.107 once any question opening "¿Y …?" or pointing back counted (that
    change was made after reading these misses, so this is a guard, not a blind figure)."""
    import shutil

    from qa.engine import Engine

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for path in [*(DATA.parent.parent / "corpus").glob("*.txt"), *(DATA / "news_articles" / "corpus").glob("*.txt")]:
        shutil.copy(path, corpus / path.name)
    asked = read_questions(DATA / "translated" / "conversations_es.jsonl")
    assert len(asked) == 80 and all(q["history"] for q in asked)
    summary = score(asked, run(Engine(corpus, tmp_path / "index", progress=False), asked)[0])[0]
    _holds(summary, right=0.6, false=0.16, refused=0.95)


def test_article_questions_in_six_more_languages(engine):
    """24 of the article's questions (16 answerable, 8 not) in French, German, Italian,
    Portuguese, Japanese and Russian (fifty-first session, written by the developer, not blind).
    Read as English or Spanish before: cite@1 fr 0.25, de 0.31, it 0.50, pt 0.44, ja 0.31, ru 0.81
    (false refusals up to 0.75); now fr 0.81, de 0.75, it 0.81, pt 0.88, ja 0.75, ru 0.88, no more
    than 2 of 16 refused. The unanswerable ones were refused less often than in English (3 to 5
    of 8; ru 2); with each language's question words, counts and measures (fifty-second session)
    5 to 7 of 8 are, and with "which" read (どの, какая, quel) cite@1 is fr 0.88, de 0.81, it
    0.88, pt 0.94, ja 0.75, ru 0.94. (Japanese read as words, qa/japanese.py, cites one fewer
    here: 発表 "announce" aligns to "announcements", which the opening sentence writes, as English
    "What did Huawei announce at WAIC?" cites it too; more on the larger sets.)"""
    asked = read_questions(DATA / "translated" / "article_six_languages.jsonl")
    assert len(asked) == 144
    answers = run(engine, asked)[0]
    for lang in ("fr", "de", "it", "pt", "ja", "ru"):
        got = score([q for q in asked if q["lang"] == lang], answers)[0]
        _holds(got, right=0.78, false=0.13, refused=0.5)


def test_article_questions_in_japanese_russian_and_portuguese_written_blind(engine):
    """70 of the article's questions (62 answerable, 8 not) translated by a helper who never saw
    the code (fifty-first session), measured once the rules were written, held out. Session-start
    code: cite@1 ja 0.419, ru 0.710, pt 0.435 (false refusals 0.484, 0.081, 0.484); now ja 0.597,
    ru 0.758, pt 0.774 (0.097, 0.065, 0.048); correct refusals fell (ja 0.50 → 0.25, pt 0.875 →
    0.50, ru 0.25), as nearly everything in Japanese and Portuguese had been refused. With each
    language's question words, counts and measures, names in Japanese, Korean or Russian letters
    and Japanese read as words (fifty-second session): ja 0.694, ru 0.742, pt 0.774 cite@1
    (false refusals 0.081, 0.081, 0.048), correct refusals 0.625, 0.625, 0.750; with their
    "which" read as English's: ja 0.694, ru 0.726, pt 0.790 (ru false refusals 0.065)."""
    asked = read_questions(DATA / "translated" / "article_ja_ru_pt_blind.jsonl")
    assert len(asked) == 210
    answers = run(engine, asked)[0]
    for lang in ("ja", "ru", "pt"):
        got = score([q for q in asked if q["lang"] == lang], answers)[0]
        _holds(got, right=0.62, false=0.12, refused=0.5)


def test_article_questions_in_french_and_german_written_blind(engine):
    """All 210 of the article's questions the Spanish and Chinese set holds (158 answerable, 52
    not), translated by a helper who never saw the code (fifty-first session), held out.
    Session-start code: cite@1 fr 0.380, de 0.209 (false refusals 0.557, 0.785); now fr 0.734,
    de 0.633 (0.101, 0.171); correct refusals fell (0.750 → 0.346, 0.827 → 0.327): before, most
    questions in either language were refused whatever they asked. With French and German counts
    ("combien de personnes", "wie viele Leute": fifty-second session) 0.462 and 0.385 are
    refused, cite@1 the same (de false refusals 0.177); with "quel", "welche" read as "which",
    fr 0.753, de 0.633; with German's "in" no vote for English, de 0.639 / 0.171 / 0.404; with
    words no document writes read in English (fifty-third session), fr 0.772 / 0.101 / 0.481, de
    0.665 / 0.165 / 0.442; with German compounds read by their parts ("Handelskammer", fifty-fourth
    session), de 0.734 / 0.095 / 0.442."""
    asked = read_questions(DATA / "translated" / "article_fr_de.jsonl")
    assert len(asked) == 420
    answers = run(engine, asked)[0]
    for lang in ("fr", "de"):
        got = score([q for q in asked if q["lang"] == lang], answers)[0]
        _holds(got, right=0.72, false=0.13, refused=0.38)


def test_article_questions_in_italian_and_portuguese_written_blind(engine):
    """The same 210 questions translated blind into Italian and Portuguese (fifty-first session),
    held out. Session-start code: cite@1 it 0.335, pt 0.487 (false refusals 0.633, 0.424); now
    it 0.810, pt 0.747 (0.076, 0.076); correct refusals 0.731 → 0.308, 0.692 → 0.269, and with
    Italian and Portuguese counts (fifty-second session) 0.442 and 0.365, cite@1 the same; with
    "quale", "qual" read as "which", it 0.804, pt 0.759; with Portuguese "do" no vote for
    English, pt 0.772 (false refusals 0.063)."""
    asked = read_questions(DATA / "translated" / "article_it_pt.jsonl")
    assert len(asked) == 420
    answers = run(engine, asked)[0]
    for lang in ("it", "pt"):
        got = score([q for q in asked if q["lang"] == lang], answers)[0]
        _holds(got, right=0.78, false=0.1, refused=0.33)


def test_article_questions_in_japanese_and_russian(engine):
    """140 of the article's questions (96 answerable, 44 not) in each language, translated by
    helpers (fifty-second session) and read while the Japanese, Russian and Korean rules were
    written: a development set, not a blind one. Session-start code: ja 0.583 cite@1, 0.115
    false refusals, 0.045 correct refusals; ru 0.792 / 0.062 / 0.114. Now ja 0.698 / 0.083 /
    0.295, ru 0.812 / 0.062 / 0.409; with question words read as English's, ja 0.708 / 0.083 / 0.273."""
    got = _by_language(engine, DATA / "translated" / "article_ja_ru.jsonl", 280, ("ja", "ru"))
    _holds(got["ja"], right=0.74, false=0.10, refused=0.25)
    _holds(got["ru"], right=0.84, false=0.08, refused=0.36)


def test_article_questions_in_korean(engine):
    """120 of the article's questions (98 answerable, 22 not) translated into Korean by a helper
    (fifty-second session); their misses were not read, though their words were seen while the
    name matcher was tuned (qa/transliterate.py). Session-start code 0.612 / 0.112 / 0.136; now
    0.663 / 0.071 / 0.455, and 0.684 with its question words read as English's."""
    got = _by_language(engine, DATA / "translated" / "article_ko.jsonl", 120, ("ko",))
    _holds(got["ko"], right=0.69, false=0.09, refused=0.40)
