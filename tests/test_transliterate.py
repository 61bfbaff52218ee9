"""qa/transliterate.py: names a question writes in its own letters, read as the documents spell them."""
import pytest

from qa.languages import identify
from qa.transliterate import in_their_spelling, names_by_sound

ARTICLE_NAMES = names_by_sound("Huawei Nvidia Alibaba Tencent Baidu Metax Biren Quark Qwen SenseTime MiniMax "
                               "CloudMatrix Reuters Shanghai Model Chip Alliance The".split())


def _read(text: str, names=ARTICLE_NAMES) -> str:
    return in_their_spelling(text, names, identify(text))


def test_only_rare_capitalised_words_are_names():
    spelt = set(ARTICLE_NAMES.values())
    assert {"Huawei", "Alibaba", "Nvidia", "Metax"} <= spelt
    assert not spelt & {"Model", "Chip", "Alliance", "The", "Shanghai"}  # English writes these often


@pytest.mark.parametrize("question, read", [
    ("ファーウェイは会議で何を発表しましたか？", "Huaweiは会議で何を発表しましたか？"),
    ("テンセントは何を発表した？", "Tencentは何を発表した？"),
    ("メタックスのデモには何個のチップが使われましたか？", "Metaxのデモには何個のチップが使われましたか？"),
    ("화웨이는 회의에서 무엇을 발표했나요?", "Huawei는 회의에서 무엇을 발표했나요?"),  # the particle stays
    ("알리바바 안경은 언제 나와?", "Alibaba 안경은 언제 나와?"),
    ("엔비디아 칩이 뭐예요?", "Nvidia 칩이 뭐예요?"),
    ("Что Хуавэй представила на WAIC?", "Что Huawei представила на WAIC?"),
    ("что можно делать с очками алибабы", "что можно делать с очками Alibaba"),  # declined
    ("как называется новая модель тенсент", "как называется новая модель Tencent"),
])
def test_a_name_in_another_script_is_read_as_the_documents_spell_it(question, read):
    assert _read(question) == read


@pytest.mark.parametrize("question", [
    "モデルの名前は何ですか？",  # モデル is the word "model", common in Japanese
    "スマートグラスで何ができますか？",
    "Какая модель ИИ работает в очках?",
    "Почему компании создают новые альянсы?",  # "альянс" is a common word, declined
    "칩 말고 이번 컨퍼런스에서 조명받은 기술은 어떤 종류인가요?",  # a verb's ending, a particle on a common word
    "What did Huawei launch?",
    "华为发布了什么？",  # Chinese reads its names through its dictionary (qa/crosslingual.py)
])
def test_common_words_and_other_questions_stay_as_written(question):
    assert _read(question) == question


def test_a_large_corpus_names_no_common_word():
    """Among the thousands of names of a large corpus, common words still sound like none."""
    names = names_by_sound("Chippewa Castell Severus Kromme Moshe Linge Allegheny Simmer Nasdaq Giannina Huawei".split())
    for question in ("Какая частота у чипа Huawei 910C?", "Может ли рынке быть кроме этого?",
                     "Huawei 시스템이 엔비디아 것보다 낫다고 한 회사가 어디예요?"):
        assert _read(question, names) == question


@pytest.mark.parametrize("question, history, cited", [
    ("ファーウェイは何を発表しましたか？", [], "Huawei took centre stage"),
    ("화웨이는 회의에서 무엇을 발표했나요?", [], "Huawei took centre stage"),
    ("Что Хуавэй представила на WAIC?", [], "Huawei took centre stage"),
    ("Что представила Алибаба?", [], "Alibaba unveiled"),
    ("チップは何個？", ["ファーウェイは何を発表しましたか？"], "Huawei took centre stage"),  # its subject left out
    ("А сколько чипов?", ["Что Хуавэй представила на конференции?"], "Huawei took centre stage"),
])
def test_names_written_in_japanese_korean_or_russian_are_found(engine, question, history, cited):
    """Before, a Japanese question naming ファーウェイ was refused, the Korean and Russian ones
    cited the conference's opening sentence and "Алибаба" Tencent's launch; a Japanese follow-up
    read as a keyboard mash was refused."""
    ans = engine.ask(question, history)
    assert ans.answerable and ans.citations[0].sentence.startswith(cited), ans
