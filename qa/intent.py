"""Messages that are not questions about the text's details: small talk ("thanks", "who are
you?") and requests for the gist ("What is this article about?", 这篇文章讲了什么？).

Searching for them cites nothing useful: "thanks" was refused, 谢谢 was answered with an
unrelated sentence, and "What is this article about?" cited the date line. A small talk message
gets a short reply in its own language; a gist request gets the document's lead paragraph, which
is what a news story (and an encyclopedia article) puts first for that reason.

The same goes for questions about the documents themselves rather than what they say: when one
was written ("When was this written?": its date line), which document a question names ("In the
N1 article, ..."), which documents there are, and which of them mention a name. The engine
(qa/engine.py) answers each from the documents as they are, and searches the rest.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .corpus import titles_told_apart
from .lexical import naming_words, tokenize

# ------------------------------------------------------------------ small talk
# whole messages only, matched after lower-casing and dropping punctuation, so "help" is small
# talk and "How did the alliance help chipmakers?" is a question. Languages are tried in this
# order, kind by kind: a word two languages share goes to the first ("ok" is English, "super"
# French, "continua" Spanish); Chinese, Japanese and Korean are matched with spaces removed.
# An apostrophe typed as ’ is dropped by `_normal`, and a hyphen too: "d'accord" may arrive as
# "d accord", "qu'est-ce" as "qu est ce".
_Q = r"[' ]?"  # an apostrophe, as typed or dropped: qu'est, qu est, quest
_SMALL_TALK = {
    "greeting": {
        "en": r"(hi|hello|hey|hiya|howdy|yo|greetings|good (morning|afternoon|evening|day)|how are you( doing)?|"
              r"(hi|hello|hey)( there| bot)?( how are you( doing)?)?)",
        "es": r"(hola|buenas|buenos d[ií]as|buenas (tardes|noches)|qu[eé] tal|c[oó]mo est[aá]s|hola qu[eé] tal)",
        "zh": r"(你好|您好|嗨|哈喽|哈啰|早上好|下午好|晚上好|你好吗)",
        "fr": r"((bonjour|salut|bonsoir|coucou|hello)( [aà] tous| tout le monde)?( [cç]a va| comment [cç]a va| comment allez vous)?|"
              r"[cç]a va|comment [cç]a va|comment allez vous|comment vas tu)",
        "de": r"((hallo|guten (tag|morgen|abend)|servus|moin( moin)?|gr[uü](ß|ss) gott|gr[uü]ezi|sch[oö]nen guten tag)"
              r"( zusammen)?( wie geht[' ]?s| wie geht es (ihnen|dir))?|wie geht (es )?(ihnen|dir)|wie geht[' ]?s)",
        "it": r"((ciao|salve|buongiorno|buon giorno|buonasera|buona sera)( a tutti)?( come (stai|sta|va))?|come (stai|sta|va))",
        "pt": r"((ol[aá]|oi|bom dia|boa tarde|boa noite)( tudo (bem|bom))?( como vai( voc[eê])?)?|tudo (bem|bom)|"
              r"como vai( voc[eê])?|como voc[eê] est[aá]|e a[ií])",
        "ru": r"((привет|здравствуйте|здравствуй|добрый (день|вечер)|доброе утро|приветствую)( как дела)?|как дела|"
              r"как (вы|ты|у вас дела|у тебя дела))",
        "ja": r"(こんにちは|こんにちわ|こんばんは|こんばんわ|おはよう(ございます)?|はじめまして|やあ|もしもし|"
              r"お元気ですか|元気(ですか)?)",
        "ko": r"(안녕|안녕하세요|안녕하십니까|반가워요|반갑습니다|처음뵙겠습니다|좋은아침(입니다|이에요)?|잘지내(요|세요|셨어요)?)",
    },
    "thanks": {
        "en": r"((ok|okay|great|perfect|awesome|cool|nice|got it|good) )*(thanks|thank you|thank u|thx|ty|cheers|"
              r"many thanks)( (a lot|so much|very much|for (the|your) help|for (that|this|everything)))*",
        "es": r"((muchas|mil) )?gracias",
        "zh": r"(谢谢|谢谢你|谢谢您|多谢|感谢|非常感谢|谢了)",
        "fr": rf"((ok|d{_Q}accord|super|parfait|tr[eè]s bien|g[eé]nial|top) )*(merci|mille mercis|je vous remercie|je te remercie)"
              rf"( beaucoup| bien| infiniment| mille fois| encore| pour (tout|[cç]a|l{_Q}aide|votre aide|ton aide))*",
        "de": r"((ok|okay|super|prima|perfekt|gut|alles klar|toll) )*(danke|dankesch[oö]n|vielen dank|besten dank|herzlichen dank|"
              r"ich danke (ihnen|dir))( sch[oö]n| sehr| vielmals| f[uü]r (die|ihre|deine) hilfe| f[uü]r alles)*",
        "it": rf"((ok|va bene|perfetto|ottimo|benissimo) )*(grazie|molte grazie|ti ringrazio|la ringrazio)"
              rf"( mille| tante| molte| infinite| davvero| per (l{_Q}aiuto|tutto))*",
        "pt": r"((ok|beleza|perfeito|[oó]timo|legal) )*(obrigad[oa]|muito obrigad[oa]|brigad[oa]|valeu|agrade[cç]o)"
              r"( mesmo| demais| pela ajuda| por tudo)*",
        "ru": r"((хорошо|отлично|понятно|ок|окей|супер) )*(спасибо|благодарю|большое спасибо|огромное спасибо)"
              r"( большое| огромное| вам| тебе| за помощь| за всё| за все)*",
        "ja": r"((了解|わかりました|分かりました|なるほど)(です)?)?(ありがとう(ございます|ございました)?|どうもありがとう(ございます)?|"
              r"感謝します|サンキュー|助かりました|助かります)",
        "ko": r"(감사합니다|감사해요|고맙습니다|고마워요|고마워|정말감사합니다|대단히감사합니다|정말고마워요|땡큐)",
    },
    "goodbye": {
        "en": r"(bye|goodbye|good bye|bye bye|see you|see ya|cya)",
        "es": r"(adi[oó]s|hasta luego|chao|nos vemos)",
        "zh": r"(再见|拜拜|回头见)",
        "fr": r"(au revoir|[aà] bient[oô]t|[aà] plus|[aà] la prochaine|bonne (journ[eé]e|soir[eé]e|nuit)|adieu)",
        "de": r"(tsch[uü]ss?|auf wiedersehen|bis (bald|sp[aä]ter|dann|zum n[aä]chsten mal)|sch[oö]nen tag( noch)?|gute nacht)",
        "it": r"(arrivederci|a presto|a dopo|ci vediamo|addio|buona (giornata|serata|notte)|buonanotte)",
        "pt": r"(tchau|adeus|at[eé] (logo|mais|breve|a pr[oó]xima)|falou)",
        "ru": r"(пока|до свидания|до встречи|всего (доброго|хорошего)|до скорого|прощай(те)?)",
        "ja": r"(さようなら|さよなら|じゃあね|またね|ではまた|また今度|失礼します|バイバイ|おやすみ(なさい)?)",
        "ko": r"(안녕히(계세요|가세요|계십시오)|잘가(요)?|또봐요|다음에봐요|바이바이|수고하세요)",
    },
    "ack": {
        "en": r"((ok|okay|k|cool|great|nice|got it|i see|alright|all right|sure|awesome|perfect|good|fine|"
              r"lol|haha+|hah|wow|interesting|makes sense)( |$))+",
        "es": r"(vale|genial|de acuerdo|perfecto|entendido|bien|ok)",
        "zh": r"(好的|好|明白了|知道了|懂了|行|嗯)",
        "fr": rf"((d{_Q}accord|d{_Q}ac|super|parfait|compris|entendu|tr[eè]s bien|g[eé]nial|[cç]a marche|je vois|int[eé]ressant|top|"
              rf"ok|mdr)( |$))+",
        "de": r"((alles klar|verstanden|genau|prima|toll|perfekt|einverstanden|in ordnung|klar|gut|sehr gut|interessant|"
              r"ich verstehe|ok)( |$))+",
        "it": rf"((va bene|d{_Q}accordo|perfetto|capito|ho capito|ottimo|benissimo|certo|chiaro|interessante|fantastico|ok)( |$))+",
        "pt": r"((beleza|t[aá] bom|t[aá] certo|est[aá] bem|entendi|perfeito|[oó]timo|legal|combinado|show|interessante|"
              r"blz|ok)( |$))+",
        "ru": r"((хорошо|ок|окей|понятно|ясно|отлично|ладно|договорились|супер|понял|поняла|ага|интересно|круто)( |$))+",
        "ja": r"(了解(です|しました)?|わかりました|分かりました|わかった|なるほど(です)?|はい|オーケー|オッケー|いいね|"
              r"承知しました|かしこまりました)",
        "ko": r"(네|넵|응|알겠습니다|알겠어요|알았어(요)?|좋아요|좋습니다|그렇군요|오케이|완벽해요|이해했습니다|이해했어요)",
    },
    "help": {
        "en": r"((who|what) are you|what is this|what can you do|what do you do|how does this work|"
              r"how do (i|you) use (this|it|you)|help|help me|what can i ask( you)?|what should i ask|"
              r"are you a (bot|robot|human|person)|what( is|['’]?s) your name)",
        "es": r"(qui[eé]n eres|qu[eé] eres|qu[eé] puedes hacer|ayuda|ay[uú]dame|c[oó]mo funciona( esto)?|"
              r"qu[eé] (puedo|debo) preguntar|c[oó]mo te llamas|cu[aá]l es tu nombre)",
        "zh": r"(你是谁|你是什么|你能做什么|你会做什么|你会什么|你可以做什么|帮助|帮帮我|怎么用|如何使用|"
              r"你叫什么(名字)?|你的名字是什么|你叫啥(名字)?)",
        "fr": rf"((de l{_Q})?aide|[aà] l{_Q}aide|aide[zr]? moi|qui es tu|tu es qui|qui [eê]tes vous|vous [eê]tes qui|"
              rf"que (peux tu|pouvez vous|sais tu) faire|qu{_Q}est ce que (tu peux|vous pouvez|tu sais) faire|"
              rf"comment [cç]a (marche|fonctionne)|comment (t{_Q}appelles tu|vous appelez vous)|tu t{_Q}appelles comment|"
              rf"quel est (ton|votre) nom|que (puis je|peut on) (demander|poser comme question)|"
              rf"qu{_Q}est ce que (je peux|on peut) (te |vous )?demander|comment (on )?(t{_Q}|l{_Q}|vous )?utilise(r|z)?( vous)?)",
        "de": r"(hilfe|hilf mir|helfen sie mir|wer bist du|wer sind sie|was bist du|was sind sie|"
              r"was (kannst du|k[oö]nnen sie)( tun| machen)?|wie funktioniert (das|es)|wie (benutze|verwende) ich (das|dich|sie)|"
              r"was kann ich (dich |sie )?fragen|wie hei(ß|ss)(t du|en sie)|wie ist (dein|ihr) name)",
        "it": r"(aiuto|aiutami|chi sei|cosa sei|che cosa sei|(che )?cosa (puoi|sai) fare|cosa fai|come funziona|come si usa|"
              r"come (ti )?uso|(che )?cosa posso chiederti|cosa posso chiedere|come ti chiami|qual [eè] il tuo nome)",
        "pt": r"(ajuda|me ajuda|me ajude|ajude me|socorro|quem [eé] voc[eê]|o que voc[eê] [eé]|"
              r"o que voc[eê] (pode|sabe) fazer|o que voc[eê] faz|como (isso )?funciona( isso)?|como (eu )?(uso|usar) (isso|voc[eê])|"
              r"o que (eu )?(posso|devo) perguntar|qual [eé] o seu nome|qual (o )?seu nome|como voc[eê] se chama)",
        "ru": r"(помощь|помоги(те)?( мне)?|справка|кто ты|кто вы|ты кто|вы кто|что ты (умеешь|можешь)|что вы (умеете|можете)|"
              r"как это работает|как (тобой|вами|этим) пользоваться|что (можно|мне) (спросить|спрашивать)|"
              r"как тебя зовут|как вас зовут)",
        # not "誰ですか？" or "名前は？" alone: a follow-up asks them of what was just said
        "ja": r"(ヘルプ|助けて(ください)?|手伝って(ください)?|(あなた|君|きみ)は(誰|だれ|何者|なに|何)(ですか|なの)?|"
              r"何ができ(ますか|るの)|何ができるんですか|使い方(は|を教えて(ください)?)?|どうやって使(う|います)(の|んですか|か)?|"
              r"どう使えばいいですか|何を(聞けば|質問すれば)いい(ですか|の)?|お名前は(何ですか)?|(あなた|君|きみ)の名前は(何ですか)?)",
        "ko": r"(도움말|도움|도와줘(요)?|도와주세요|누구세요|(넌|너는)누구(야|니)|당신은누구(세요|입니까|예요)?|"
              r"(뭘|무엇을|뭐)할수있(어|어요|나요|니)|어떻게(사용|써)(해요|하나요|하죠|요)?|사용법|"
              r"(뭘|무엇을)물어볼수있(어|어요|나요)|이름이뭐(예요|에요|야)|이름이무엇입니까)",
    },
}
_SMALL_TALK_RX = {(kind, lang): re.compile(rx) for kind, by_lang in _SMALL_TALK.items() for lang, rx in by_lang.items()}

_NB = "\u00a0"  # French puts a no-break space before ! ? : ; (as qa/render.py WORDS do)
_LANGUAGES = {  # the languages questions may be asked in, for "help"
    "fr": "espagnol, chinois, allemand, italien, portugais, russe, japonais, coréen",
    "de": "Spanisch, Chinesisch, Französisch, Italienisch, Portugiesisch, Russisch, Japanisch, Koreanisch",
    "it": "spagnolo, cinese, francese, tedesco, portoghese, russo, giapponese, coreano",
    "pt": "espanhol, chinês, francês, alemão, italiano, russo, japonês, coreano",
    "ru": "испанском, китайском, французском, немецком, итальянском, португальском, японском, корейском",
    "ja": "スペイン語、中国語、フランス語、ドイツ語、イタリア語、ポルトガル語、ロシア語、韓国語",
    "ko": "스페인어, 중국어, 프랑스어, 독일어, 이탈리아어, 포르투갈어, 러시아어, 일본어",
}
_REPLIES = {
    "greeting": {
        "en": "Hello! Ask me anything about {what}: I answer with its own sentences, cited, or tell you when it doesn't say.",
        "es": "¡Hola! Pregúntame lo que quieras sobre {what}: respondo con sus propias frases, citadas, o te digo si no lo dice.",
        "zh": "你好！可以问我关于{what}的任何问题：我用原文的句子回答并注明出处，原文没有提到的我会直说。",
        "fr": (f"Bonjour{_NB}! Posez-moi n'importe quelle question sur {{what}}{_NB}: je réponds en citant mot pour mot "
               "les phrases du texte, ou je vous dis quand il n'en parle pas."),
        "de": ("Hallo! Fragen Sie mich alles zu {what}: Ich antworte mit wörtlich zitierten Sätzen aus dem Text "
               "oder sage Ihnen, wenn dort nichts dazu steht."),
        "it": ("Ciao! Chiedimi qualsiasi cosa su {what}: rispondo citando alla lettera le frasi del testo, "
               "o ti dico quando non ne parla."),
        "pt": ("Olá! Pergunte o que quiser sobre {what}: respondo com as próprias frases do texto, citadas, "
               "ou digo quando ele não fala disso."),
        "ru": ("Здравствуйте! Задавайте любые вопросы по {what}: я отвечаю дословными цитатами из текста "
               "или говорю, если в нём об этом ничего нет."),
        "ja": "こんにちは！{what}について何でも質問してください。本文の文をそのまま引用して答え、書かれていないことはそうお伝えします。",
        "ko": "안녕하세요! {what}에 대해 무엇이든 물어보세요. 본문의 문장을 그대로 인용해 답하고, 본문에 없는 내용은 없다고 말씀드립니다.",
    },
    "thanks": {
        "en": "You're welcome. Ask another question about {what} whenever you like.",
        "es": "De nada. Pregunta lo que quieras sobre {what} cuando quieras.",
        "zh": "不客气。随时可以继续问关于{what}的问题。",
        "fr": "Je vous en prie. Posez une autre question sur {what} quand vous voulez.",
        "de": "Gern geschehen. Stellen Sie jederzeit eine weitere Frage zu {what}.",
        "it": "Prego. Fammi un'altra domanda su {what} quando vuoi.",
        "pt": "De nada. Faça outra pergunta sobre {what} quando quiser.",
        "ru": "Пожалуйста. Задавайте новые вопросы по {what} в любое время.",
        "ja": "どういたしまして。{what}について、いつでも続けて質問してください。",
        "ko": "천만에요. {what}에 대해 언제든지 더 물어보세요.",
    },
    "goodbye": {
        "en": "Goodbye!",
        "es": "¡Adiós!",
        "zh": "再见！",
        "fr": f"Au revoir{_NB}!",
        "de": "Auf Wiedersehen!",
        "it": "Arrivederci!",
        "pt": "Tchau!",
        "ru": "До свидания!",
        "ja": "さようなら！",
        "ko": "안녕히 가세요!",
    },
    "ack": {
        "en": "Ask another question about {what} whenever you like.",
        "es": "Pregunta lo que quieras sobre {what} cuando quieras.",
        "zh": "随时可以继续问关于{what}的问题。",
        "fr": "Posez une autre question sur {what} quand vous voulez.",
        "de": "Stellen Sie jederzeit eine weitere Frage zu {what}.",
        "it": "Fammi un'altra domanda su {what} quando vuoi.",
        "pt": "Faça outra pergunta sobre {what} quando quiser.",
        "ru": "Задавайте новые вопросы по {what} в любое время.",
        "ja": "{what}について、いつでも続けて質問してください。",
        "ko": "{what}에 대해 언제든지 더 물어보세요.",
    },
    "help": {
        "en": ("I answer questions about {what}. Each answer quotes the exact sentences it stands on, "
               "highlighted in their passage, and I say so when the text doesn't cover something. "
               "Ask who, what, when, where, why or how many, in English, Spanish, Chinese, French, German, "
               "Italian, Portuguese, Russian, Japanese or Korean; "
               "follow-up questions work, and \"What is it about?\" gives the gist."),
        "es": ("Respondo preguntas sobre {what}. Cada respuesta cita las frases exactas en que se basa, "
               "resaltadas en su pasaje, y digo cuándo el texto no lo cubre. Pregunta quién, qué, cuándo, "
               "dónde, por qué o cuántos, en español, inglés, chino, francés, alemán, italiano, portugués, ruso, "
               "japonés o coreano; \"¿De qué trata?\" da la idea general."),
        "zh": ("我回答关于{what}的问题。每个回答都引用所依据的原句，并在段落中高亮；原文没有涉及的我会直说。"
               "可以用中文、英文、西班牙文、法文、德文、意大利文、葡萄牙文、俄文、日文或韩文提问，也可以追问；"
               "问“讲了什么？”可以得到概要。"),
        "fr": ("Je réponds aux questions sur {what}. Chaque réponse cite mot pour mot les phrases sur lesquelles elle "
               "s'appuie, surlignées dans leur passage, et je vous dis quand le texte n'en parle pas. Demandez qui, quoi, "
               f"quand, où, pourquoi ou combien, en français, en anglais ou dans une autre langue ({_LANGUAGES['fr']}){_NB}; "
               f"vous pouvez aussi poser des questions de suivi, et «{_NB}De quoi parle l'article{_NB}?{_NB}» en donne l'essentiel."),
        "de": ("Ich beantworte Fragen zu {what}. Jede Antwort zitiert wörtlich die Sätze, auf die sie sich stützt, "
               "hervorgehoben in ihrem Abschnitt, und ich sage Ihnen, wenn der Text etwas nicht behandelt. Fragen Sie, "
               "wer, was, wann, wo, warum oder wie viele, auf Deutsch, Englisch oder in einer anderen Sprache "
               f"({_LANGUAGES['de']}); auch Anschlussfragen sind möglich, und „Worum geht es im Artikel?“ gibt einen Überblick."),
        "it": ("Rispondo a domande su {what}. Ogni risposta cita alla lettera le frasi su cui si basa, evidenziate nel "
               "loro passaggio, e ti dico quando il testo non tratta qualcosa. Chiedi chi, cosa, quando, dove, perché o "
               f"quanti, in italiano, in inglese o in un'altra lingua ({_LANGUAGES['it']}); puoi anche fare domande di seguito, "
               "e «Di cosa parla l'articolo?» ne dà il succo."),
        "pt": ("Respondo a perguntas sobre {what}. Cada resposta cita as frases exatas em que se baseia, destacadas no "
               "trecho, e digo quando o texto não trata de algo. Pergunte quem, o quê, quando, onde, por que ou quantos, "
               f"em português, inglês ou outro idioma ({_LANGUAGES['pt']}); perguntas de acompanhamento também funcionam, "
               "e “Sobre o que é o artigo?” dá o resumo."),
        "ru": ("Я отвечаю на вопросы по {what}. Каждый ответ дословно цитирует предложения, на которых он основан, "
               "с выделением в их фрагменте, и я говорю, если в тексте об этом ничего нет. Спрашивайте, кто, что, когда, "
               f"где, почему или сколько, по-русски, по-английски или на другом языке ({_LANGUAGES['ru']}); "
               "уточняющие вопросы тоже работают, а на «О чём эта статья?» я отвечу кратким содержанием."),
        "ja": ("{what}についての質問に答えます。回答はそれぞれ根拠となる文をそのまま引用し、該当箇所で強調表示します。"
               "本文に書かれていないことはそうお伝えします。誰が、何を、いつ、どこで、なぜ、いくつかなどを、日本語、英語、"
               f"またはほかの言語（{_LANGUAGES['ja']}）で質問できます。続けて質問することもできます。"
               "「この記事は何について書かれていますか？」と聞くと概要がわかります。"),
        "ko": ("{what}에 대한 질문에 답합니다. 각 답변은 근거가 되는 문장을 그대로 인용하고 해당 구절에서 강조해 보여 주며, "
               "본문에서 다루지 않는 내용은 그렇다고 말씀드립니다. 누가, 무엇을, 언제, 어디서, 왜, 몇 개인지 한국어, 영어 "
               f"또는 다른 언어({_LANGUAGES['ko']})로 물어보세요. 이어서 질문할 수도 있고, "
               "‘이 기사는 무엇에 관한 것인가요?’라고 물으면 요약을 볼 수 있습니다."),
    },
}
# the text as a reply's {what} names it, in the case the reply puts it in ("zu dem Artikel", "по статье")
_WHAT = {"en": "the article", "es": "el artículo", "zh": "这篇文章", "fr": "l'article", "de": "dem Artikel",
         "it": "questo articolo", "pt": "o artigo", "ru": "статье", "ja": "この記事", "ko": "이 기사"}
_WHAT_SEVERAL = {"en": "the documents", "es": "los documentos", "zh": "这些文档", "fr": "les documents",
                 "de": "den Dokumenten", "it": "questi documenti", "pt": "os documentos", "ru": "документам",
                 "ja": "これらの文書", "ko": "이 문서들"}
# a title in a reply, quoted as the language quotes (qa/render.py WORDS "doc_named"); others “…”
_TITLE_QUOTES = {"fr": f"«{_NB}{{}}{_NB}»", "de": "„{}“", "ru": "«{}»", "ja": "「{}」", "ko": "‘{}’"}
_SPACELESS = ("zh", "ja", "ko")  # matched with spaces removed


def _normal(text: str) -> str:
    """Lower case, punctuation and emoji dropped, spaces collapsed: "Thanks!! 🙏" -> "thanks".
    Accents composed first (NFC), so a decomposed "é" stays one letter."""
    text = re.sub(r"[^\w\s']", " ", unicodedata.normalize("NFC", text).lower())
    return re.sub(r"\s+", " ", text).strip()


def _whole(rx: re.Pattern, lang: str, norm: str) -> bool:
    """Does the pattern match the whole normalised message? Chinese, Japanese and Korean are
    matched without spaces."""
    return rx.fullmatch(norm.replace(" ", "") if lang in _SPACELESS else norm) is not None


def small_talk(text: str) -> tuple[str, str] | None:
    """(kind, language) when the whole message is small talk, else None."""
    norm = _normal(text)
    if not norm:
        return None
    for (kind, lang), rx in _SMALL_TALK_RX.items():
        if _whole(rx, lang, norm):
            return kind, lang
    return None


def reply(kind: str, lang: str, title: str | None = None, several: bool = False) -> str:
    """The reply to a small talk message, naming the document when there is only one."""
    what = _TITLE_QUOTES.get(lang, "“{}”").format(title) if title else (_WHAT_SEVERAL if several else _WHAT)[lang]
    return _REPLIES[kind][lang].format(what=what)


# ------------------------------------------------------------------ "tell me more"
_MORE = {
    "en": r"((tell|show) me more( about (it|that|this|them))?|more( please)?|go on|continue|keep going|what else|"
          r"anything else|and then|what happened next|what comes next|more details?|elaborate|can you elaborate|"
          r"what else does (it|the article) say)",
    "es": r"(m[aá]s|cu[eé]ntame m[aá]s|dime m[aá]s|sigue|contin[uú]a|algo m[aá]s|qu[eé] m[aá]s|y qu[eé] m[aá]s)",
    "zh": r"(还有呢|还有吗|还有什么|继续|继续说|详细一点|详细点|详细说说|多说一点|再说说|更多|然后呢|"
          r"(请)?(告诉我|给我讲讲|讲讲|说说)(更多|多一点|多一些)?(吧)?)",
    "fr": rf"((dis|dites|racontez|raconte) (m{_Q}en|moi) plus|(dis|dites) m{_Q}en davantage|en savoir plus|encore|la suite|"
          rf"et (ensuite|apr[eè]s|alors)|continuez|continue[zr]? s{_Q}il (te|vous) pla[iî]t|quoi d{_Q}autre|(et )?autre chose|"
          rf"plus de d[eé]tails|(et )?ensuite|vas y|allez y|d[eé]veloppe[zr]?|la suite s{_Q}il (te|vous) pla[iî]t)",
    "de": r"((erz[aä]hl|erz[aä]hlen sie|sag|sagen sie) (mir )?mehr( dar[uü]ber)?|(noch )?mehr( bitte)?|weiter( bitte)?|"
          r"bitte weiter|mach weiter|machen sie weiter|was noch|was sonst( noch)?|und (dann|weiter|sonst)|"
          r"(noch )?mehr details|genauer|sonst noch etwas|und was noch)",
    "it": rf"((dimmi|raccontami|mi dica) (di )?pi[uù]|di pi[uù]|vai avanti|e poi|e dopo|(che )?altro|cos{_Q}altro|"
          rf"qualcos{_Q}altro|ancora|(pi[uù]|altri) dettagli|continua pure|prosegui)",
    "pt": r"((me )?(conta|conte|fala|fale|diga|diz) mais|mais( detalhes| por favor)?|e depois|o que mais|que mais|"
          r"mais alguma coisa|continue por favor|prossiga|vai em frente|e ent[aã]o)",
    "ru": r"((расскажи|расскажите|скажи|скажите)( мне)? (ещё|еще|больше|подробнее)|(ещё|еще)( что нибудь)?|дальше|"
          r"продолжай(те)?|подробнее|(а |и )?что (ещё|еще|дальше)|(а|и) дальше|больше( подробностей)?|а (ещё|еще))",
    "ja": r"(もっと(教えて|詳しく(教えて)?)?(ください)?|続けて(ください)?|続き(は|を(教えて|お願いします)(ください)?)?|"
          r"(他|ほか)に(は|何か(ありますか)?)|それで|それから|詳しく(教えて)?(ください)?|その後は)",
    "ko": r"(더(알려|말해|이야기해)(줘|주세요|줘요)|더|더요|계속(해|해줘|해주세요|해요|하세요)?|그리고(요)?|그다음은(요)?|"
          r"다른건(요)?|또(요|있어요)?|(더)?자세히(요|알려주세요|말해주세요)?|그래서(요)?)",
}
_MORE_RX = {lang: re.compile(rx) for lang, rx in _MORE.items()}
_NOTHING_MORE = {"en": "That is where the article ends: it says nothing more after that.",
                 "es": "Ahí termina el artículo: no dice nada más después.",
                 "zh": "文章到这里就结束了，后面没有更多内容。",
                 "fr": f"L'article s'arrête là{_NB}: il ne dit rien de plus ensuite.",
                 "de": "Hier endet der Artikel: Danach steht nichts mehr.",
                 "it": "L'articolo finisce qui: dopo non dice nient'altro.",
                 "pt": "O artigo termina aí: não diz mais nada depois disso.",
                 "ru": "На этом статья заканчивается: дальше в ней ничего нет.",
                 "ja": "記事はここで終わりです。この後には何も書かれていません。",
                 "ko": "기사는 여기서 끝납니다. 그 뒤로는 더 이상 내용이 없습니다."}


def more_request(text: str) -> str | None:
    """The language of "tell me more" (the text that follows the last answer is wanted), else None."""
    norm = _normal(text)
    for lang, rx in _MORE_RX.items():
        if _whole(rx, lang, norm):
            return lang
    return None


def nothing_more(lang: str) -> str:
    return _NOTHING_MORE[lang]


def said_nothing_more(reply_text: str) -> bool:
    """Whether a reply was "that is where the article ends", in any language."""
    return reply_text in _NOTHING_MORE.values()


# ------------------------------------------------------------------ the gist
# words that ask for the gist and words that name the text itself; a request made only of these
# (after stop words) asks for the gist, one with any other word ("What does the article say about
# Huawei?") is an ordinary question
_GIST_CUE = re.compile(r"\b(summar\w*|sum (it )?up|recap|gist|overview|tl ?;? ?dr|main (points?|ideas?|topics?|takeaways?|message|story)|"
                       r"key (points?|takeaways?|facts)|what('s| is| was)\b.*\babout|what (are|were) (the |these |those )?(\w+ )?"
                       r"(notes|documents|docs|articles|files|texts|minutes|pages|reports|stories|posts)\b.*\babout|what (does|did)\b.*\b(say|cover|discuss|talk about|tell)|"
                       r"central (idea|point|message|theme)|(tell|talk)( me| us)? about|what (do|can) you (know|tell( me)?) about)\b", re.I)
_GIST_TEXT = ("summary summarize summarise summarized summarizing sum recap gist overview tldr tl dr "
              "main key central point points idea ideas topic topics takeaway takeaways message theme "
              "facts say says cover covers discuss discusses talk talks tell tells brief briefly short "
              "nutshell whole mainly mostly basically generally general please give quick story know")
_TEXT_TEXT = ("article articles story stories text texts document documents doc docs piece news report reports page "
              "pages passage paragraph post posts notes file files minutes email emails")


@lru_cache(maxsize=1)
def _gist_and_text_words() -> frozenset[str]:
    """Stemmed like question tokens; made on first use (the tokenizer imports bm25s, ~0.4 s,
    which must not delay the page)."""
    return frozenset(tokenize([_GIST_TEXT + " " + _TEXT_TEXT])[0])


@lru_cache(maxsize=1)
def _text_words() -> frozenset[str]:
    """The words for a text ("article", "notes"...), stemmed like question tokens."""
    return frozenset(tokenize([_TEXT_TEXT])[0])


_NAMES_THE_TEXT = re.compile(r"\b(article|story|text|document|piece|news|report|page|passage|post|e-?mail)\b", re.I)
_GIST_ES = re.compile(
    r"(de qu[eé] (trata|habla|va|se trata)|sobre qu[eé] (es|trata)|qu[eé] dice|"
    r"(resume|res[uú]meme|resumir|resumen|resume me)|(idea|tema|punto) principal|puntos clave)"
    r"( (el|este|la|esta|del|de la|de este|de esta|de) (art[ií]culo|texto|documento|noticia|nota|reportaje))?"
    r"( por favor)?", re.I)
_GIST_ES_PREFIX = re.compile(r"^((me )?(puedes|podr[ií]as) |hazme |haz |dame |cu[aá]l es (la |el )?|cu[aá]les son (los )?|por favor )*")
_GIST_ZH = re.compile(
    r"(请)?((这|该|本|此)(篇|个|则)?)?(文章|新闻|报道|文本|文)?(主要|大概|都)?"
    r"((讲|说|写|谈|介绍|报道|关于)(了|的是|的)?(些)?(什么|啥)(内容|事情|事)?(的)?"
    r"|(的)?(主要内容|大意|要点|主旨|中心思想|主题|概要|摘要)(是什么|是啥)?"
    r"|(总结|概括|概述|归纳)(一下)?((这|该|本|此)(篇|个)?)?(文章|新闻|报道)?(的)?(内容|要点)?)(吗|呢)?")


# asking for the gist in the other languages the engine reads, whole messages naming the text or
# asking for a summary ("De quoi parle l'article ?", "Worum geht es im Artikel?", "О чём эта статья?")
_TEXT_FR = rf"(l{_Q}article|le texte|le document|cet article|ce texte|ce document)"
_TEXT_IT = rf"(l{_Q}articolo|il testo|il documento|questo articolo|questo testo)"
_TEXT_PT = r"(o artigo|o texto|o documento|esse artigo|este artigo|a mat[eé]ria|a not[ií]cia)"
_GIST_OTHER = {lang: re.compile(rx) for lang, rx in {
    "fr": rf"((de quoi|sur quoi) (parle|traite|porte) {_TEXT_FR}|{_TEXT_FR} parle de quoi|que dit {_TEXT_FR}|"
          rf"(quel est|c{_Q}est quoi) le (sujet|th[eè]me|r[eé]sum[eé]) (de l{_Q}article|du texte|de cet article|du document)|"
          rf"r[eé]sum(e|ez|er)( moi| nous)?( {_TEXT_FR})?|(un |le )?r[eé]sum[eé]( de l{_Q}article| du texte| de cet article)?)"
          rf"( s{_Q}il (te|vous) pla[iî]t)?",
    "de": r"(worum geht es( in (dem|diesem) (artikel|text|dokument)| im (artikel|text|dokument))?|worum geht[' ]?s( im artikel)?|"
          r"was (steht|sagt) (in )?(dem|diesem|der|im) (artikel|text)|wovon (handelt|spricht) (der|dieser) (artikel|text)|"
          r"(fasse|fassen sie) (den|diesen) (artikel|text) zusammen|(eine )?zusammenfassung( des (artikels|textes))?( bitte)?|"
          r"was ist (das thema|der inhalt) (des|dieses) (artikels|textes))",
    "it": rf"((di )?(cosa|che cosa|che) (parla|tratta) {_TEXT_IT}|{_TEXT_IT} (di cosa parla|parla di cosa)|cosa dice {_TEXT_IT}|"
          rf"riassumi( {_TEXT_IT})?|(fammi )?(un )?riassunto( dell{_Q}articolo| del testo)?)( per favore)?",
    "pt": rf"((do que|sobre o que|de que) (fala|trata|[eé]) {_TEXT_PT}|{_TEXT_PT} (fala|trata) (de|sobre) (o )?qu[eê]|"
          rf"o que diz {_TEXT_PT}|resum(a|e|ir)( {_TEXT_PT})?|(um )?resumo( do artigo| do texto| da mat[eé]ria)?)( por favor)?",
    "ru": r"(о ч[её]м (эта |этот )?(статья|текст|документ)|о ч[её]м (говорится|рассказывается|пишут) в (этой )?(статье|тексте)|"
          r"что (говорится|написано) в (этой )?(статье|тексте)|(кратко )?перескажи(те)?( (эту )?статью| текст)?|"
          r"(краткое )?(содержание|резюме)( статьи| текста)?)( пожалуйста)?",
    "ja": r"((この)?(記事|文章)(は|って)(何|なに)(について|の話)(ですか|書かれていますか|書かれているの|書いてありますか|の記事ですか)?|"
          r"(この)?(記事|文章)の(要約|概要|要点|内容)(を教えて(ください)?|は(何ですか)?)?|(この)?(記事|文章)を要約して(ください)?)",
    "ko": r"((이)?(기사|글|문서)(는|은)?(무엇|뭐)에관한(것인가요|거야|건가요|거예요|글인가요|기사인가요|것입니까)|"
          r"(이)?(기사|글)(는|은)?무슨내용(이야|인가요|이에요|입니까)|(이)?(기사|글)(내용)?(을|를)?요약(해줘|해주세요|해줄래요?))",
}.items()}


# "Which document?" in the asker's language. Only the gist is asked for in these languages, and
# its request names no title (_GIST_OTHER, _GIST_ES, _GIST_ZH are whole messages), so the reply
# points to the page's document picker (its label, qa/render.py WORDS "search_in") instead of
# suggesting an English question that names one.
_WHICH_DOCUMENT = {
    "es": ("Hay {n} documentos aquí: {titles}{more}. Elige uno en «{picker}» y vuelve a preguntar.", " y {k} más"),
    "zh": ("这里有{n}篇文档：{titles}{more}。请在“{picker}”中选择一篇，再问一次。", "，以及另外{k}篇"),
    "fr": (f"Il y a {{n}} documents ici{_NB}: {{titles}}{{more}}. Choisissez-en un dans «{_NB}{{picker}}{_NB}», "
           "puis posez de nouveau la question.", " et {k} autres"),
    "de": ("Hier gibt es {n} Dokumente: {titles}{more}. Wählen Sie unter „{picker}“ eines aus und fragen Sie noch einmal.",
           " und {k} weitere"),
    "it": ("Ci sono {n} documenti: {titles}{more}. Scegline uno in «{picker}» e chiedi di nuovo.", " e altri {k}"),
    "pt": ("Há {n} documentos aqui: {titles}{more}. Escolha um em “{picker}” e pergunte de novo.", " e mais {k}"),
    "ru": ("Документов здесь: {n} — {titles}{more}. Выберите один в поле «{picker}» и спросите ещё раз.", " и ещё {k}"),
    "ja": ("ここには{n}件の文書があります：{titles}{more}。「{picker}」で1件を選んで、もう一度質問してください。", "ほか{k}件"),
    "ko": ("여기에는 문서가 {n}개 있습니다: {titles}{more}. ‘{picker}’에서 하나를 골라 다시 질문해 주세요.", " 외 {k}개"),
}


def which_document(documents, shown: int = 5, ask: str = "What is the <title> article about?", lang: str = "en") -> str:
    """The reply to "What is this article about?" (or ``ask``) when several documents could be
    meant, in ``lang`` where there are words for it (else English)."""
    from .render import words  # the page's picker label and title quotes; not loaded for every `qa ask`

    told = titles_told_apart(documents)
    extra = len(documents) - shown
    if lang in _WHICH_DOCUMENT:
        said, more = _WHICH_DOCUMENT[lang]
        w = words(lang)
        titles = w["doc_sep"].join(w["doc_named"].format(title=told[d.id]) for d in documents[:shown])
        return said.format(n=len(documents), titles=titles, more=more.format(k=extra) if extra > 0 else "",
                           picker=w["search_in"])
    titles = [f"“{told[d.id]}”" for d in documents[:shown]]
    more = f" and {extra} more" if extra > 0 else ""
    return (f"There are {len(documents)} documents here: {', '.join(titles)}{more}. "
            f"Pick one, or name it: \"{ask}\"")


def gist_request(text: str, followup: bool = False) -> tuple[str, ...] | None:
    """The request's own words (what is left once gist and text words go: a title, perhaps)
    when it asks for the gist; None when it is an ordinary question.

    In a conversation "What is it about?" may mean the thing asked about last, so a follow-up
    must name the text ("the article") or ask for a summary in so many words.
    """
    norm = _normal(text)
    if any(_whole(rx, lang, norm) for lang, rx in _GIST_OTHER.items()):
        return ()
    if re.search(r"[\u4e00-\u9fff]", text):
        return () if _whole(_GIST_ZH, "zh", norm) else None
    es = _GIST_ES_PREFIX.sub("", norm)
    if _GIST_ES.fullmatch(es):
        return ()
    if not _GIST_CUE.search(norm):
        return None
    left = tuple(t for t in tokenize([text])[0] if t not in _gist_and_text_words())
    if followup and not _NAMES_THE_TEXT.search(text) and not re.search(r"summar|gist|overview|tl ?;? ?dr|recap", norm):
        return None
    return left


# ------------------------------------------------------------------ when it was written
# "When was this written?" asks for the text's own date: its words ("written", "come out") are
# not the date line's ("published on"), and searching it was refused (0.04). Whole messages only;
# "it" is the text only at the start of a conversation (later it is the thing asked about last:
# "When was it released?" after "What did Alibaba unveil?").
_TEXT_EN = (r"(article|story|piece|report|text|news( story| item)?|post|document|write ?up|item|e-?mail|press release|"
            r"memo|memorandum|letter|message|notice|announcement|newsletter|circular|bulletin)")
# "this match report", "this news article": the kind of text, said after "this" or "that" only ("the
# police report" may be one the text tells of)
_TEXT_KIND = re.compile(rf"\b(this|that) (?:match|game|race|news|press|police|weather|research|company|opinion|feature|"
                        rf"magazine|newspaper|wire|blog|local|sports?) (?={_TEXT_EN}\b)")
_WHEN_EN = r"(when|what day|what date|on what date|on which date|which day)"
_DATE_EN = re.compile(
    rf"({_WHEN_EN} (was|were|is) (this|that|the) (e-?mail|memo|letter|message|notice|newsletter) sent"  # not "a probe"
    rf"|{_WHEN_EN} (was|were|is) (this|that|the|it)( {_TEXT_EN})? (written|published|posted|put out|put online|"
    rf"issued|dated|from|out|released|written up|filed)( on)?"
    rf"|when did (this|that|it|the {_TEXT_EN})( {_TEXT_EN})? (come out|appear|run|go (up|online|out)|get (published|posted))"
    rf"|when is (this|that|it|the {_TEXT_EN})( {_TEXT_EN})? (from|dated)"
    rf"|how (old|recent|new) is (this|that|it|the {_TEXT_EN})( {_TEXT_EN})?"
    rf"|(what|which) (is|was|s) the (publication |publishing |publish |release )?date( of (this|that|the) {_TEXT_EN})?"
    rf"|(what|which) date (is|was) (on )?(this|that|it|the {_TEXT_EN})( {_TEXT_EN})?"
    rf"|(the )?(publication|publishing|publish) date( of (this|that|the) {_TEXT_EN})?)( please)?")
_TEXT_ES = (r"(el|este|esta|la|esa|ese) (art[ií]culo|noticia|texto|nota|reportaje|documento|informe|correo( electr[oó]nico)?|"
            r"e-?mail|mensaje|carta|memor[aá]ndum|memo|aviso|comunicado|circular)")
_DATE_ES = re.compile(
    rf"((cu[aá]ndo|en qu[eé] fecha|qu[eé] d[ií]a) (se )?(public[oó]|escribi[oó]|sali[oó]|envi[oó]|mand[oó]"
    rf"|fue (publicad[oa]|escrit[oa]|enviad[oa]|mandad[oa]))( {_TEXT_ES})?"
    rf"|(de qu[eé] fecha|de cu[aá]ndo) es( {_TEXT_ES})?"
    rf"|qu[eé] fecha (tiene|lleva)( {_TEXT_ES})?"
    rf"|(cu[aá]l es )?la fecha( de publicaci[oó]n)?( de(l| {_TEXT_ES}| art[ií]culo))?)( por favor)?")
_TEXT_ZH = r"((这|该|本|此)(篇|则|个|封|份)?)?(文章|新闻|报道|文本|稿子|文|邮件|电邮|信件|信|备忘录|通知)"
_DATE_ZH = re.compile(
    rf"(请问)?({_TEXT_ZH})?(是)?(什么时候|何时|哪天|哪一天|几号|什么日期)(发表|发布|写|撰写|刊登|刊出|发出|出版|登出|发送|寄出|发|寄)(的)?(吗|呢)?"
    rf"|(请问)?({_TEXT_ZH}(的)?(发表|发布|刊登|出版)?|(发表|发布|刊登|出版))(日期|时间)(是)?(什么|哪天|何时|多少)?(时候)?(呢)?")


_NAMED_TEXT = rf"(?:the|this|that) (?:(?P<x>.+?) (?P<kind>{_TEXT_EN})|(?P<kind2>{_TEXT_EN}) (?:about|on|from) (?P<y>.+?))"
# "When was the Orion X article published?", "Who wrote the Hub Devices article?", "When was the
# gazette published?" (a document's own name, without "article", only with a verb no product
# takes: "When was the CloudMatrix released?" asks about the system)
_ABOUT_A_NAMED_TEXT = [
    (re.compile(rf"^\W*(?P<ask>(?:when|on what date|what day) (?:was|were)) {_NAMED_TEXT} "
                r"(?P<verb>written|published|posted|put out|issued|dated|released)\W*$", re.I), "the article"),
    (re.compile(r"^\W*(?P<ask>(?:when|on what date|what day) (?:was|were)) (?:the|this|that) (?P<z>[^?]+?) "
                r"(?P<verb>written|published|posted)\W*$", re.I), "the article"),
    (re.compile(rf"^\W*(?P<ask>who (?:wrote|authored|reported|edited)) {_NAMED_TEXT}\W*$", re.I), "the article"),
    (re.compile(rf"^\W*(?P<ask>(?:who|what) (?:is|was) the (?:author|writer|reporter|byline) of) {_NAMED_TEXT}\W*$", re.I),
     "the article"),
    (re.compile(rf"^\W*(?P<ask>what(?: is|'s| was) the (?:headline|title) of) {_NAMED_TEXT}\W*$", re.I), "the article"),
]


_THING_OR_TEXT = {"report", "document"}  # "the Beveridge Report" may be what a text is about; "the X article" is a text


def about_a_named_text(text: str) -> tuple[str, str, bool] | None:
    """(the words naming a document, the question asked of "the article", whether the words
    surely name a text) when the question asks when a named text was written or who wrote it:
    "Who wrote the Hub Devices article?" -> ("Hub Devices", "Who wrote the article?", True);
    None otherwise. "The Beveridge Report" or "the gazette" may name the document or a thing
    its text is about (False): the engine checks the corpus."""
    text = text.strip()
    for rx, article in _ABOUT_A_NAMED_TEXT:
        m = rx.match(text)
        if m:
            g = m.groupdict()
            words = g.get("x") or g.get("y") or g.get("z")
            kind = (g.get("kind") or g.get("kind2") or "").lower()
            verb = f" {m.group('verb')}" if "verb" in rx.groupindex else ""
            surely = bool(kind) and kind not in _THING_OR_TEXT
            return words, f"{m.group('ask')[:1].upper()}{m.group('ask')[1:]} {article}{verb}?", surely
    return None


_OPENER = re.compile(r"^(?:so|and|ok|okay|also|but) ", re.I)  # "So when was it written?": no part of what is asked


def date_request(text: str, followup: bool = False) -> bool:
    """Whether the whole message asks when the text itself was written or published."""
    norm = _normal(text)
    if re.search(r"[\u4e00-\u9fff]", text):
        if not _whole(_DATE_ZH, "zh", norm):
            return False
        return not followup or re.search(rf"{_TEXT_ZH}|发表|写|刊登|刊出", text) is not None  # 发布 also releases products
    norm = _TEXT_KIND.sub(r"\1 ", _OPENER.sub("", norm))
    if _DATE_ES.fullmatch(norm):
        return not followup or re.search(rf"{_TEXT_ES}|public|escri", norm) is not None  # "salió" may be a product
    if not _DATE_EN.fullmatch(norm.replace("'", " ").replace("  ", " ")):
        return False
    # in a conversation "it" and "this" are the thing asked about ("When was this released?"
    # after "What did Vega release?"), unless the text is named or what was done to it is what
    # is done to a text ("When was it published?")
    return not followup or re.search(rf"\b((this|that|the) {_TEXT_EN}|publication|publish\w*|written|posted)\b", norm) is not None


# not "report": "Who wrote the report?" may ask the text
_BYLINED = (r"(article|story|piece|text|news( story| item)?|post|document|e-?mail|review|blog( post)?|column|essay|newsletter|"
            r"recipe|write-?up|memo|memorandum|letter|message|notice|announcement|circular|bulletin)")
_AUTHOR_EN = re.compile(
    rf"(who (wrote|authored|reported|edited) (this|that|the|it)( {_BYLINED})?( for (us|you))?|"
    rf"who (sent|posted|issued) (this|that|the)( {_BYLINED})|who (sent|posted) (this|it)|"
    rf"who (is|was|s) (this|that|the) {_BYLINED} from|"
    rf"who (is|was|are|were) the (author|writer|reporter|journalist|editor)s?( of (this|that|the|it)( {_BYLINED})?)?|"
    rf"(who is|what is the name of) the (author|writer|reporter)( of (this|the) {_BYLINED})?|"
    rf"(by whom|written by whom) (was|is) (this|that|the|it)( {_BYLINED})? written)")


_ACRONYM = r"[\"“'‘]?(?P<{}>[A-Za-z][A-Za-z0-9&]{{1,9}})(?:['’]s)?[\"”'’]?"
_EXPANSION_EN = re.compile(
    rf"what (?:does|do|did) (?:the )?(?:acronym |abbreviation |initials )?{_ACRONYM.format('a')} (?:stand|stands) for|"
    rf"what (?:is|was) (?:the )?(?:acronym |abbreviation )?{_ACRONYM.format('b')} (?:short|an abbreviation|an acronym) for|"
    rf"what (?:is|was) the (?:full (?:name|form)|long form|expansion) of (?:the )?(?:acronym |abbreviation )?{_ACRONYM.format('c')}|"
    rf"what does (?:the )?(?:acronym |abbreviation ){_ACRONYM.format('d')} mean", re.I)


# the same in other languages, the acronym in capitals as typed ("Was bedeutet das?" asks no
# acronym), "in the article" allowed: Spanish, French, German, Italian, Portuguese, Russian, and
# Chinese, Japanese and Korean, which put the acronym first ("LLM是什么意思", "LLMって何の略")
_CAPS = r"[\"“'‘«]?(?P<{}>[A-Z][A-Z0-9&]{{1,9}})s?[\"”'’»]?"
_EXPANSION_OTHER = re.compile("|".join([
    rf"qu[eé] (?:significa|significan|quiere decir|quieren decir|son las siglas(?: de)?) (?:la sigla |las siglas "
    rf"|el acr[oó]nimo )?{_CAPS.format('es')}(?: en (?:el|este) (?:art[ií]culo|texto))?",
    rf"(?:que|qu['’]est-ce que) (?:signifie|veut dire) (?:le sigle |l['’]acronyme )?{_CAPS.format('fr')}"
    rf"(?: dans (?:l['’]article|le texte))?",
    rf"qu['’]est-ce que {_CAPS.format('fr2')} (?:signifie|veut dire)(?: dans (?:l['’]article|le texte))?",
    rf"(?:was (?:bedeutet|heißt|heisst)|wof(?:ü|ue)r steht) (?:die Abkürzung |das Kürzel )?{_CAPS.format('de')}"
    rf"(?: im (?:Artikel|Text))?",
    rf"(?:(?:che )?cosa|che) (?:significa|vuol dire|sta per) (?:la sigla |l['’]acronimo )?{_CAPS.format('it')}"
    rf"(?: nell['’]articolo| nel testo)?",
    rf"per (?:che )?cosa sta {_CAPS.format('it2')}(?: nell['’]articolo| nel testo)?",
    rf"o que (?:significa|quer dizer) (?:a sigla |o acr[oô]nimo )?{_CAPS.format('pt')}(?: no (?:artigo|texto))?",
    rf"(?:что (?:означает|значит|обозначает)|как(?: в (?:статье|тексте))? расшифровывается)(?: в (?:статье|тексте))?"
    rf" (?:аббревиатура )?{_CAPS.format('ru')}(?: в (?:статье|тексте))?",
    rf"(?:(?:文章|記事|记事|기사).{{0,6}}?)?{_CAPS.format('cjk')}\s*(?:是什么意思|是什麼意思|指的是什么|指的是什麼|代表什么|"
    rf"代表什麼|是什么的缩写|是什麼的縮寫|的全称是什么|って何の略|とは何の略|は何の略|とはどういう意味|[은는이가] 뭐의 약자|"
    rf"[은는이가] 무슨 뜻)[^\s]{{0,4}}",
]), re.I)
_CAPS_TYPED = re.compile(r"[A-Z][A-Z0-9&]+")


def expansion_request(text: str) -> str | None:
    """The acronym a message asks to be spelt out ("What does LLM stand for?", "What is WAIC
    short for?", "What does the acronym GPU mean?", "¿Qué significa LLM en el artículo?",
    "文章里的LLM是什么意思?"), in capitals; None for any other message."""
    norm = re.sub(r"[?!.。？！\s]+$", "", re.sub(r"\s+", " ", text.strip()))
    norm = re.sub(r"\s+(?:in|according to) (?:the|this) (?:article|text|story|document|piece)$", "", norm, flags=re.I)
    m = _EXPANSION_EN.fullmatch(_OPENER.sub("", norm))
    other = m is None
    if other:
        m = _EXPANSION_OTHER.fullmatch(norm.lstrip("¿¡ "))
    if m is None:
        return None
    word = next(g for g in m.groups() if g)
    if other and not _CAPS_TYPED.fullmatch(word.rstrip("s")):
        return None
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():  # "LLMs"
        word = word[:-1]
    if not word.isalpha() or not 2 <= len(word) <= 8 or word.lower() in _NOT_ACRONYMS:
        return None
    return word.upper()


_NOT_ACRONYMS = frozenset("it its this that these those they them he she we you one".split())  # "What does it stand for?"


def author_request(text: str) -> bool:
    """Whether the whole message asks who wrote (reported, edited, sent) the text itself: "Who
    wrote the article?", "Who is the author?", "¿Quién envió este correo?", "这封邮件是谁发的？";
    not "Who reported the two alliances?"."""
    norm = _OPENER.sub("", _normal(text))
    if re.search(r"[\u4e00-\u9fff]", text):
        return _whole(_AUTHOR_ZH, "zh", norm)
    return _AUTHOR_EN.fullmatch(norm) is not None or _AUTHOR_ES.fullmatch(norm) is not None


_LETTER = r"(e-?mail|memo|memorandum|letter|message|note|notice|thread|mail)"
_ON_IT = rf"( (on|in) (this|that|the|it)( (latest|last|first|original|newest|new|older|earlier|reply))?( {_LETTER})?)?"
_RECIPIENT_EN = re.compile(
    rf"(who (is|was|s) (this|that|it|the {_LETTER}|this {_LETTER}) (addressed|sent|written) to"
    rf"|to whom (is|was) (this|that|it|the {_LETTER}|this {_LETTER}) (addressed|sent|written)"
    rf"|who (are|were) the recipients( of (this|that|the) {_LETTER})?|who (got|received) (this|that|the) {_LETTER})")
_COPIED_EN = re.compile(
    rf"(who (is|was|s|has been|s been|have been|were|got|are) (cc ?d|bcc ?d|copied|copied in|cc ?ed|ccd){_ON_IT}"
    rf"|who (did|do) (they|you|he|she|we) (cc|copy|copy in|bcc){_ON_IT}|who else (got|received) (this|it|the {_LETTER}))")


# the same in Spanish and Chinese: "¿Quién envió este correo?", "¿A quién va dirigido el correo?",
# "¿Quién está en copia?", "这封邮件是谁发的？", "这封邮件是发给谁的？", "抄送给了谁？"
_LETTER_ES = (r"((el|la|este|esta|ese|esa) )?(correo( electr[oó]nico)?|e-?mail|mensaje|carta|memor[aá]ndum|memo|nota|aviso|"
              r"comunicado|circular|art[ií]culo|noticia|texto|reportaje)")
_AUTHOR_ES = re.compile(
    rf"qui[eé]n (envi[oó]|escribi[oó]|mand[oó]|redact[oó]|firm[oó]|public[oó]) {_LETTER_ES}|de qui[eé]n es {_LETTER_ES}"
    rf"|qui[eé]n (es|fue) el (autor|remitente)( (de|del) {_LETTER_ES})?|qui[eé]n (lo|la) (envi[oó]|escribi[oó]|mand[oó]|firm[oó])")
_LETTER_ZH = r"((这|该|此|本)(封|篇|份|条)?)?(邮件|电邮|信件|信|备忘录|通知|文章|新闻|报道)"
_AUTHOR_ZH = re.compile(rf"(请问)?({_LETTER_ZH})?(是)?谁(发|写|寄|发送|撰写|签|签发|发出)(的|了)?({_LETTER_ZH})?(呢|啊)?"
                        rf"|(请问)?({_LETTER_ZH}的?)?(发件人|作者|寄件人|撰稿人)(是谁|是哪位)(呢)?")
_RECIPIENT_ES = re.compile(
    rf"a qui[eé]n (va|iba|est[aá]|fue) (dirigid[oa]|enviad[oa]|mandad[oa]) {_LETTER_ES}|a qui[eé]n (se )?(envi[oó]|mand[oó]|dirigi[oó]) "
    rf"{_LETTER_ES}|a qui[eé]n va {_LETTER_ES}|qui[eé]n (es|fue) el destinatario( (de|del) {_LETTER_ES})?"
    rf"|qui[eé]n(es)? (recibi[oó]|recibieron) {_LETTER_ES}")
_RECIPIENT_ZH = re.compile(rf"(请问)?({_LETTER_ZH})?(是)?(发|寄|写|发送)给谁(的)?(呢)?|(请问)?({_LETTER_ZH}的?)?收件人(是谁|是哪位)(呢)?")
_COPIED_ES = re.compile(rf"qui[eé]n(es)? (est[aá]n?|va|van|iba|iban|fue|fueron) en copia( (en|de|del) {_LETTER_ES})?"
                        rf"|a qui[eé]n(es)? (se )?(puso|pusieron|pusiste|puse|pone|ponen) en copia( (en|de|del) {_LETTER_ES})?"
                        rf"|qui[eé]n(es)? (recibi[oó]|recibieron) (una )?copia( (de|del) {_LETTER_ES})?")
_COPIED_ZH = re.compile(rf"(请问)?({_LETTER_ZH})?(抄送|cc)(给)?(了)?(谁|哪些人)(了)?(呢)?|(请问)?谁(被)?抄送(了)?|(请问)?({_LETTER_ZH}的?)?抄送人(是谁|有谁)(呢)?")


def recipient_request(text: str) -> str | None:
    """The header line a whole message asks for, when it asks who a letter or e-mail went to:
    "to" ("Who is the memo addressed to?", "¿A quién va dirigido el correo?"), "cc" ("Who's
    been copied in on this thread?", "抄送给了谁？"); None for any other message."""
    norm = _OPENER.sub("", _normal(text)).replace("'", " ").replace("  ", " ")
    if re.search(r"[\u4e00-\u9fff]", text):
        return "to" if _whole(_RECIPIENT_ZH, "zh", norm) else "cc" if _whole(_COPIED_ZH, "zh", norm) else None
    if _RECIPIENT_EN.fullmatch(norm) or _RECIPIENT_ES.fullmatch(norm):
        return "to"
    return "cc" if _COPIED_EN.fullmatch(norm) or _COPIED_ES.fullmatch(norm) else None


# ------------------------------------------------------------------ who a story quotes, how it ends
# questions about a story as a story: searched, they were refused ("Who is quoted in the story?"
# 0.03, "How does the story end?" 0.10), since no sentence says "quoted" or "end"
_STORY = r"(the |this |that )?(article|story|text|piece|report|news|document|post)"
# a transcript as a reader calls it: "Who is in this chat?", "Who took part in the call?"
_TALK = (r"(the |this |that )?(transcript|interview|conversation|chat|call|meeting|podcast|episode|show|hearing|"
         r"discussion|debate|press conference|webinar|session|thread|exchange)")
_QUOTED_EN = re.compile(
    rf"(who|which (people|persons|experts|officials|sources|analysts|executives|individuals)|"
    rf"how many (people|persons|sources|experts|officials))"
    rf" (is|are|was|were|gets?|got|has been|have been) (quoted|cited|interviewed)( (in|by) {_STORY})?|"
    rf"who (speaks|spoke|talks|talked|comments|commented|is speaking)( in {_STORY})?|"
    rf"whose (words|quotes|comments) (are|were) (quoted|cited|used)( in {_STORY})?|"
    rf"(list|name) (the |all )?(people|sources|speakers|experts) (quoted|cited)( in {_STORY})?|"
    rf"who (does|did) {_STORY} quote")
# who takes part in a transcript ("Who is in this chat?", "Who are the speakers?"): its speakers' labels
_SPEAKERS_EN = re.compile(
    rf"who (speaks|spoke|talks|talked|is speaking|is talking|takes part|took part|participates|participated|was|is|were|are)"
    rf" (in|on) {_TALK}|who (are|were) the (speakers|participants|people talking)( (in|on) {_TALK})?|"
    rf"(list|name) (the |all )?(speakers|participants)( (in|on) {_TALK})?|who (is|was|are|were) (speaking|talking)|"
    rf"how many (people|persons|speakers|participants) (are |were )?(there |speaking |talking |taking part )?"
    rf"(speak |spoke |talk |talked |take part |took part )?(in|on) {_TALK}")
_ENDING_EN = re.compile(
    rf"how (does|did) {_STORY} (end|finish|conclude|close)|"  # not "How does it end?" (the match, in a conversation)
    rf"what (is|was) (the )?(last|final|closing|concluding) (sentence|line|paragraph|part|bit)( of {_STORY})?|"
    rf"what (does|did) {_STORY} (end|finish|conclude|close) (with|on)|how (is|was) {_STORY} (concluded|wrapped up)")


# what a reader may call a text by ("the title of this page", "according to the press release");
# qa/question.py names the document as a question's source with these words too
TEXT_KINDS = (r"article|story|text|piece|report|document|post|page|web\s?page|press\s+release|release|biography|profile|"
              r"leaflet|brochure|guide|essay|review|paper|entry|memo|letter|e-?mail|newsletter|notice|faq")
_TITLED = (r"(the |this |that )?((?!(?:who|which|that|this|the|of|in|on|about|by|wrote|written)\b)[\w’'&.-]+ ){0,4}?"
           rf"({TEXT_KINDS}|news|blog post|announcement|chapter|readme)")
_HEADLINE_EN = re.compile(
    rf"what(?: is|'s| was) (the )?(headline|title|heading)( of {_TITLED})?|what(?: is|'s| was) the name of {_TITLED}|"
    rf"what(?: is|'s| was) {_TITLED}(?:'s)? (headline|title)|what(?: is|'s| was) {_TITLED} (called|titled|named|headlined)|"
    rf"(what|how) (does|did) the (headline|title) (say|read|go)|((give|tell|show) me )?(the )?(headline|title)( of {_TITLED})?")


_STORY_ES = r"((el|la|este|esta) )?(art[ií]culo|noticia|texto|historia|reportaje|nota|documento)"
_HEADLINE_ES = re.compile(rf"(cu[aá]l|qu[eé]) (es|era|fue) (el )?(t[ií]tulo|titular)( del? {_STORY_ES})?|"
                          rf"c[oó]mo se (llama|titula|titulaba|llamaba) {_STORY_ES}|qu[eé] dice el (t[ií]tulo|titular)|"
                          rf"(el )?(t[ií]tulo|titular)( del? {_STORY_ES})?")
_HEADLINE_ZH = re.compile(r"(这篇|该|本)?(文章|新闻|报道)?的?(标题|题目)(是什么|叫什么|是啥)?|(这篇|该|本)?(文章|新闻|报道)叫什么(名字)?")
_QUOTED_ES = re.compile(rf"(a )?qui[eé]n(es)? (es|son|fue|fueron|est[aá]n?) (citad[oa]s?|entrevistad[oa]s?)( en {_STORY_ES})?|"
                        rf"(a )?qui[eé]n(es)? cita {_STORY_ES}|cu[aá]ntas personas (son|est[aá]n|fueron) citadas( en {_STORY_ES})?|"
                        rf"qui[eé]n(es)? habla(n)? en {_STORY_ES}")
_SPEAKERS_ES = re.compile(r"qui[eé]n(es)? (habla(n)?|participa(n)?|particip[oó]|hablaron|est[aá]n?) en (la |el |esta |este )?"
                          r"(transcripci[oó]n|entrevista|conversaci[oó]n|chat|llamada|reuni[oó]n|podcast|episodio|debate)|"
                          r"qui[eé]nes son los (participantes|interlocutores|oradores)")
_ENDING_ES = re.compile(rf"c[oó]mo (termina|acaba|concluye|finaliza) {_STORY_ES}|"
                        rf"(cu[aá]l es|qu[eé] dice) (el|la) ([uú]ltim[oa] (frase|p[aá]rrafo|parte)|final)( del? {_STORY_ES})?")
_QUOTED_ZH = re.compile(r"(这篇|该|本)?(文章|新闻|报道)?(里|中)?(引用|引述)了?(谁|哪些人|哪几个人)(的话)?|谁(的话)?被(引用|引述)了?|(有)?几个人被(引用|引述)")
_SPEAKERS_ZH = re.compile(r"(这次|这场|这段|这个|本次)?(对话|访谈|采访|会议|聊天|通话|播客|节目)?(里|中)?(有)?(谁|哪些人|哪几个人)(在)?(发言|说话|参加|参与)(了)?|"
                          r"(发言人|参与者|参加者)(有|是)(谁|哪些人)")
_ENDING_ZH = re.compile(r"(这篇|该|本)?(文章|新闻|报道)?(是)?(怎么|如何)(结尾|结束)的?|(这篇|该|本)?(文章|新闻|报道)?的?(结尾|最后一段|最后一句)(是什么|说了什么|讲了什么|写了什么)")


def quoted_request(text: str) -> bool:
    """Whether the whole message asks who the story quotes ("Who is quoted in the story?",
    "How many people are quoted?", "¿A quién cita el artículo?", 文章引用了谁的话？); not "Who was
    quoted as saying the alliance was vital?"."""
    return _asks(text, _QUOTED_EN, _QUOTED_ES, _QUOTED_ZH)


def speakers_request(text: str) -> bool:
    """Whether the whole message asks who takes part in a transcript ("Who is in this chat?",
    "Who are the speakers?", "¿Quiénes son los participantes?", 参与者有谁？)."""
    return _asks(text, _SPEAKERS_EN, _SPEAKERS_ES, _SPEAKERS_ZH)


def ending_request(text: str) -> bool:
    """Whether the whole message asks how the text ends ("How does the story end?", "What is
    the last paragraph?", "¿Cómo termina el artículo?", 文章是怎么结尾的？)."""
    return _asks(text, _ENDING_EN, _ENDING_ES, _ENDING_ZH)


def headline_request(text: str) -> bool:
    """Whether the whole message asks for the text's headline ("What is the headline?", "What's
    this story called?", "¿Cuál es el titular?", 这篇文章的标题是什么？): searched, it was refused,
    since a heading is no sentence of the story. Not "What is the title of the 2019 report?": a
    report (paper, document) named by more than "the"/"this" may be what the text is about."""
    if _A_NAMED_THING.search(text):
        return False
    return _asks(text, _HEADLINE_EN, _HEADLINE_ES, _HEADLINE_ZH)


_A_NAMED_THING = re.compile(r"\b(?:the|a|an)\s+(?:(?!(?:of|the|this|that)\b)[\w’'&.-]+\s+){1,4}(?:report|document|paper)s?\b"
                            r"(?!\s+(?:page|web))", re.I)


def _asks(text: str, en: re.Pattern, es: re.Pattern, zh: re.Pattern) -> bool:
    # up to its question mark: a document named in the question leaves its name after it
    # ("In the Brightwater story, who is quoted?" is read as "Who is quoted? Brightwater")
    text = re.split(r"[?？]", text)[0] or text
    norm = _OPENER.sub("", _normal(text))
    if re.search(r"[\u4e00-\u9fff]", text):
        return _whole(zh, "zh", norm)
    return en.fullmatch(norm) is not None or es.fullmatch(norm) is not None


# ------------------------------------------------------------------ a document named in the question
# "In the N1 article, how many people does Nimbus employ?", "According to the README, ...",
# "How much does the N2 cost according to the <title> article?": the words naming the document
# are no evidence (they matched the title's echo in its first sentence, and the answer fell from
# 33 to 25 of 43 questions of one article when each was prefixed so); the document they name is
# the scope.
_FOLLOW_WORDS = frozenset({"same"})  # asks nothing of its own: "Same in the Vega article?"
_KIND_WORDS = r"(?:article|document|doc|file|text|story|report|page|notes|post|piece|faq|readme|wiki(?:pedia)? article)"
_NAMING_FIRST = re.compile(
    rf"^\W*(?P<how>in|from|according to|per|based on|as per)\s+(?:the|this|that)\s+(?P<x>[^,:;?]+?)(?P<kind>\s+{_KIND_WORDS})?\s*[,:;]\s*(?P<rest>\S.*)$"
    r"|^\W*(?:seg[uú]n|en)\s+(?:el|la|este|esta)\s+(?P<kind_es>art[ií]culo|documento|texto|noticia|nota)\s+(?:de|del|sobre)\s+"
    r"(?P<x_es>[^,:;?]+?)\s*[,:;]\s*(?P<rest_es>\S.*)$", re.I)
_NAMING_LAST = re.compile(
    rf"^(?P<rest>\S.*?)[,\s]+(?P<how>according to|in|from|per)\s+(?:the|this|that)\s+(?P<x>[^,:;?]+?)(?P<kind>\s+{_KIND_WORDS})?\s*\W*$", re.I)


def named_document(text: str, documents) -> tuple[str, str] | None:
    """(document id, the question to ask of it) when the question names one document:
    "the <words of one title or file name> article" (or document, README...), or "according to
    the <whole title or file name>" ("According to the FAQ"); None otherwise ("In the Nimbus
    article" of two Nimbus articles; "in the French and Indian War" is what the question asks
    about, not where).

    The words naming the document go when the question names its subject itself ("In the N1
    article, how many people does Nimbus employ?": they matched the title's echo in another
    article's first sentence); they stay when they are its subject ("In the Vega article, when
    was the company founded?" was refused without them), and so does a question with nothing
    else to ask ("And in the Vega article?" asks the previous question there)."""
    m = _NAMING_FIRST.match(text) or _NAMING_LAST.match(text)
    if m is None:
        return None
    g = {k: v for k, v in m.groupdict().items() if v}
    x, rest, kind = g.get("x") or g.get("x_es", ""), g.get("rest") or g.get("rest_es", ""), g.get("kind") or g.get("kind_es")
    words = set(tokenize([x])[0]) - _text_words()
    if not words or not re.search(r"\w", rest):
        return None
    if kind:
        named = [d for d in documents if words <= naming_words(d.title, d.id)]
    elif g.get("how", "").lower() != "according to":
        return None
    else:
        named = [d for d in documents if x.strip().casefold() in (d.title.casefold(), d.id.casefold())]
    if len(named) != 1:
        return None
    from .question import content_tokens, names  # question reads intent's words: import here

    rest = rest.strip()
    if not [t for t in content_tokens(rest) if t not in _FOLLOW_WORDS]:
        return named[0].id, text  # "And in the Vega article?": the previous question, asked there
    if text.lstrip().startswith("¿") and not rest.startswith("¿"):
        rest = "¿" + rest
    if text.rstrip().endswith(("?", "？")) and not rest.endswith(("?", "？")):
        rest += "?"
    rest = rest[:1].upper() + rest[1:]
    if kind and not names(rest):  # "When was the company founded?": the document's words say which company
        rest = f"{rest} {x.strip()}"
    return named[0].id, rest


# ------------------------------------------------------------------ the documents themselves
# "What documents do you have?" was answered from a FAQ line (0.30); "Which documents mention Li
# Na?" was refused though two do. Both are about the corpus, not a sentence's meaning.
_KINDS_EN = r"(documents|docs|articles|files|texts|sources|stories|reports)"
_LIST_KINDS = r"(documents|docs|articles|files|texts)"  # not "reports" or "stories": an IPCC corpus's reports are its content
_LIST_DOCS = re.compile(
    rf"(what|which) {_LIST_KINDS} (do you have|have you got|are (there|here|available|loaded|indexed)|can (i|you) (ask|search)( about)?|do you know( about)?)"
    rf"|(list|show)( me)?( (all|the|your))* {_LIST_KINDS}|how many {_LIST_KINDS} (are there|do you have)"
    rf"|(what|which) {_LIST_KINDS} are (in|on) (the )?(corpus|index|collection|library|folder)"
    r"|qu[eé] (documentos|art[ií]culos|textos) (tienes|hay)|(列出|有哪些|有什么)(文档|文章|文件)|(文档|文章|文件)(列表|有哪些|有什么)")
_KIND_EN = r"(?:document|doc|article|file|text|source|story|report)"
_MENTIONS = re.compile(
    rf"^\W*(?:which|what) (?:{_KINDS_EN} (?:mention|talk about|discuss|cover|name|refer to|say anything about)|"
    rf"{_KIND_EN} (?:mentions|talks about|discusses|covers|names|refers to|says anything about))\s+(?P<x>.+?)\W*$"
    rf"|^\W*(?:where|in which {_KINDS_EN}|in which {_KIND_EN}) (?:is|are) (?P<y>.+?) mentioned\W*$"
    r"|^\W*(?:is|are) (?P<z>.+?) mentioned( anywhere)?\W*$", re.I)
# what a mentions question can look for: a name or code as written, not a phrase ("Huawei's
# launch", "that the war ended in 1763"), a pronoun or a list (those are searched)
_NAME_LIKE = re.compile(r"(?:[A-Z0-9][\w’'.-]*)(?:\s+(?:[A-Z0-9][\w’'.-]*|of|de|la|van|von|du|der|and))*")


def documents_request(text: str) -> bool:
    """Whether the whole message asks which documents there are."""
    norm = _normal(text)
    return _whole(_LIST_DOCS, "zh" if re.search(r"[\u4e00-\u9fff]", text) else "en", norm)


def mentions_request(text: str) -> str | None:
    """What a "Which documents mention X?" message asks about (X as typed), else None."""
    m = _MENTIONS.match(text.strip())
    if m is None:
        return None
    x = re.sub(r"^(the|a|an)\s+", "", (m.group("x") or m.group("y") or m.group("z") or "").strip(" \"'“”‘’"), flags=re.I)
    if not _NAME_LIKE.fullmatch(x) or re.search(r"\s(and|or)\s|['’]s$", x):
        return None
    return x


def documents_list(documents, shown: int = 10, searching: str | None = None) -> str:
    """The documents here, by title and date; ``searching`` is the id of the one questions
    are asked of now (a page's picker), if any."""
    told = titles_told_apart(documents)
    items = [f"“{told[d.id]}”" + (f" ({d.date})" if d.date else "") for d in documents[:shown]]
    more = f" and {len(documents) - shown} more" if len(documents) > shown else ""
    if len(documents) == 1:
        return f"There is one document here: {items[0]}. Ask me anything about it."
    now = f" Questions go to “{told[searching]}” only for now." if searching in told else ""
    return f"There are {len(documents)} documents here: {', '.join(items)}{more}.{now}"
