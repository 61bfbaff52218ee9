"""Small talk and "tell me more" in French, German, Italian, Portuguese, Russian, Japanese and
Korean get a reply in their own language (qa.intent). Pure: no model is loaded."""
from __future__ import annotations

import pytest

from qa import intent
from qa.intent import more_request, nothing_more, reply, said_nothing_more, small_talk

NEW = ("fr", "de", "it", "pt", "ru", "ja", "ko")
KINDS = ("greeting", "thanks", "goodbye", "ack", "help")

SAID = {  # language -> kind -> messages as people type them
    "fr": {"greeting": ["Bonjour", "Salut !", "Bonsoir", "Coucou", "Bonjour, comment allez-vous ?"],
           "thanks": ["Merci", "Merci beaucoup !", "merci bien", "Ok, merci", "Je vous remercie"],
           "goodbye": ["Au revoir", "À bientôt !", "a bientot", "Bonne journée"],
           "ack": ["D'accord", "D’accord", "Parfait", "Compris", "Super", "Très bien"],
           "help": ["Aide", "Qui es-tu ?", "Que peux-tu faire ?", "Comment ça marche ?",
                    "Qu’est-ce que vous pouvez faire ?", "Qui êtes-vous ?"]},
    "de": {"greeting": ["Hallo", "Guten Tag!", "Guten Morgen", "Wie geht's?", "Wie geht’s?",
                        "Hallo, wie geht es Ihnen?", "Hallo zusammen"],
           "thanks": ["Danke", "Danke schön!", "Vielen Dank", "Dankeschön", "Super, danke!"],
           "goodbye": ["Tschüss", "Auf Wiedersehen", "Bis bald!"],
           "ack": ["Alles klar", "Verstanden", "Perfekt", "In Ordnung"],
           "help": ["Hilfe", "Wer bist du?", "Wer sind Sie?", "Was können Sie?", "Wie funktioniert das?"]},
    "it": {"greeting": ["Ciao", "Buongiorno!", "Salve", "Ciao, come stai?"],
           "thanks": ["Grazie", "Grazie mille!", "Molte grazie", "Ti ringrazio"],
           "goodbye": ["Arrivederci", "A presto!", "Ci vediamo"],
           "ack": ["Va bene", "Perfetto", "Capito", "D'accordo", "Ottimo"],
           "help": ["Aiuto", "Chi sei?", "Cosa puoi fare?", "Come ti chiami?", "Come si usa?"]},
    "pt": {"greeting": ["Olá", "Oi, tudo bem?", "Bom dia!", "Boa tarde"],
           "thanks": ["Obrigado", "Muito obrigada!", "Valeu", "Obrigado pela ajuda"],
           "goodbye": ["Tchau", "Até logo!", "Até mais"],
           "ack": ["Beleza", "Tá bom", "Entendi", "Perfeito", "Combinado"],
           "help": ["Ajuda", "Quem é você?", "O que você pode fazer?", "Como funciona isso?"]},
    "ru": {"greeting": ["Привет", "Здравствуйте!", "Добрый день", "Привет, как дела?"],
           "thanks": ["Спасибо", "Спасибо большое!", "Благодарю"],
           "goodbye": ["Пока", "До свидания!", "До встречи"],
           "ack": ["Хорошо", "Понятно", "Ясно", "Отлично", "Ок"],
           "help": ["Помощь", "Кто ты?", "Кто вы?", "Что ты умеешь?", "Как это работает?"]},
    "ja": {"greeting": ["こんにちは", "おはようございます", "こんばんは！"],
           "thanks": ["ありがとう", "ありがとうございます！", "どうもありがとうございます"],
           "goodbye": ["さようなら", "またね", "じゃあね"],
           "ack": ["了解です", "わかりました", "なるほど"],
           "help": ["ヘルプ", "あなたは誰ですか？", "何ができますか？", "使い方を教えてください", "お名前は？"]},
    "ko": {"greeting": ["안녕하세요", "안녕", "반갑습니다!"],
           "thanks": ["감사합니다", "고마워요", "정말 감사합니다!"],
           "goodbye": ["안녕히 계세요", "잘 가요", "다음에 봐요"],
           "ack": ["알겠습니다", "네", "좋아요"],
           "help": ["도움말", "누구세요?", "뭘 할 수 있어요?", "어떻게 사용하나요?", "도와주세요"]},
}

MORE = {
    "fr": ["Dis-m'en plus", "Dites-m’en plus", "La suite", "Et après ?", "Encore", "Quoi d'autre ?"],
    "de": ["Erzähl mir mehr", "Erzählen Sie mir mehr", "Weiter", "Was noch?", "Mehr bitte"],
    "it": ["Dimmi di più", "Raccontami di più", "E poi?", "Ancora", "Cos'altro?"],
    "pt": ["Me conta mais", "Conte mais", "E depois?", "O que mais?", "Mais"],
    "ru": ["Расскажи подробнее", "Расскажите мне больше", "Ещё", "Дальше", "А что дальше?"],
    "ja": ["もっと教えて", "もっと詳しく教えてください", "続けて", "他には？", "続きは？"],
    "ko": ["더 알려줘", "더 알려주세요", "계속해 주세요", "더 자세히", "그 다음은요?"],
}


@pytest.mark.parametrize("lang, kind, text", [(lang, kind, text) for lang, by_kind in SAID.items()
                                              for kind, texts in by_kind.items() for text in texts])
def test_small_talk_in_its_language(lang, kind, text):
    assert small_talk(text) == (kind, lang)


def test_every_new_language_has_every_kind():
    assert set(SAID) == set(NEW) and all(set(SAID[lang]) == set(KINDS) for lang in NEW)


@pytest.mark.parametrize("lang, text", [(lang, text) for lang, texts in MORE.items() for text in texts])
def test_tell_me_more_in_its_language(lang, text):
    assert more_request(text) == lang
    assert small_talk(text) is None


@pytest.mark.parametrize("text", [
    "Qui a fondé Biren ?", "Wer hat Biren gegründet?", "Chi ha fondato Biren?", "Quem fundou a Biren?",
    "Кто основал Biren?", "Birenを設立したのは誰ですか？", "Biren은 누가 설립했나요?",
    "Merci de me dire qui a fondé Biren", "How did the alliance help chipmakers?",
    "Danke für den Artikel über Biren, wer hat es gegründet?", "Qui est le fondateur ?", "Wer?", "誰ですか？",
    "名前は？", "누구야?", "Bonjour, qui a fondé Biren ?", "Grazie, e chi l'ha fondata?",
])
def test_questions_are_not_small_talk(text):
    assert small_talk(text) is None
    assert more_request(text) is None


@pytest.mark.parametrize("text, expected", [
    ("ok", ("ack", "en")), ("OK!", ("ack", "en")), ("thanks", ("thanks", "en")), ("hola", ("greeting", "es")),
    ("谢谢", ("thanks", "zh")), ("你好", ("greeting", "zh")), ("Muchas gracias", ("thanks", "es")),
    ("hello", ("greeting", "en")), ("bye", ("goodbye", "en")),
])
def test_english_spanish_and_chinese_keep_their_languages(text, expected):
    assert small_talk(text) == expected


@pytest.mark.parametrize("text, lang", [("Bonjour", "fr"), ("salut", "fr"), ("Merci", "fr"), ("Hallo", "de"),
                                        ("Guten Tag", "de"), ("Danke", "de"), ("Ciao", "it")])
def test_words_once_read_as_english_are_their_own_language(text, lang):
    assert small_talk(text)[1] == lang


def test_decomposed_accents_and_typographic_apostrophes():
    assert small_talk("A\u0300 bientot") == ("goodbye", "fr")  # "À" typed as A + combining grave
    assert small_talk("Qu\u2019est-ce que tu peux faire ?") == ("help", "fr")
    assert small_talk("ЗДРАВСТВУЙТЕ") == ("greeting", "ru")


def test_the_tables_have_the_same_languages():
    langs = set(intent._WHAT)
    assert langs == {"en", "es", "zh", *NEW}
    assert set(intent._WHAT_SEVERAL) == langs and set(intent._NOTHING_MORE) == langs and set(intent._MORE) == langs
    assert set(intent._REPLIES) == set(KINDS) == set(intent._SMALL_TALK)
    for kind in KINDS:
        assert set(intent._REPLIES[kind]) == langs, kind
        assert set(intent._SMALL_TALK[kind]) == langs, kind
    assert list(intent._SMALL_TALK["ack"])[0] == "en"  # "ok" is English first


@pytest.mark.parametrize("lang", NEW)
@pytest.mark.parametrize("kind", KINDS)
def test_replies_are_in_the_language_and_name_the_text(kind, lang):
    english = reply(kind, "en")
    one, several, titled = reply(kind, lang), reply(kind, lang, several=True), reply(kind, lang, title="Biren")
    for text in (one, several, titled):
        assert text and "{" not in text and "}" not in text
        assert text != english and text != reply(kind, "en", several=True)
    if "{what}" in intent._REPLIES[kind][lang]:
        assert intent._WHAT[lang] in one and intent._WHAT_SEVERAL[lang] in several and "Biren" in titled
        assert intent._WHAT["en"] not in one


@pytest.mark.parametrize("lang", NEW)
def test_replies_name_the_text_when_english_does(lang):
    for kind in KINDS:
        assert ("{what}" in intent._REPLIES[kind]["en"]) == ("{what}" in intent._REPLIES[kind][lang]), kind


def test_replies_are_written_in_their_script():
    assert all(any("\u0400" <= c <= "\u04ff" for c in reply(k, "ru")) for k in KINDS)
    assert all(any("\u3040" <= c <= "\u30ff" for c in reply(k, "ja")) for k in KINDS)
    assert all(any("\uac00" <= c <= "\ud7a3" for c in reply(k, "ko")) for k in KINDS)
    assert "Bonjour" in reply("greeting", "fr") and "Hallo" in reply("greeting", "de")
    assert "Ciao" in reply("greeting", "it") and "Olá" in reply("greeting", "pt")


def test_help_names_the_languages_questions_may_be_asked_in():
    assert all(w in reply("help", "en") for w in ("Spanish", "Chinese", "French", "German", "Italian",
                                                   "Portuguese", "Russian", "Japanese", "Korean"))
    assert all(w in reply("help", "es") for w in ("chino", "francés", "alemán", "japonés", "coreano"))
    assert all(w in reply("help", "zh") for w in ("西班牙文", "法文", "德文", "日文", "韩文"))
    assert "anglais" in reply("help", "fr") and "Englisch" in reply("help", "de") and "inglese" in reply("help", "it")
    assert "inglês" in reply("help", "pt") and "по-английски" in reply("help", "ru")
    assert "英語" in reply("help", "ja") and "영어" in reply("help", "ko")


@pytest.mark.parametrize("lang", NEW)
def test_nothing_more_is_said_in_the_language(lang):
    said = nothing_more(lang)
    assert said and said != nothing_more("en") and said_nothing_more(said)
