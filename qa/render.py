"""HTML for the page: an Answer becomes a chat message and a sources panel.

Pure functions, no Gradio, so they are cheap to test. Every piece of text that came from a
question or a document goes through ``esc`` (html.escape) before it is placed in markup; the
only markup in the output is ours. Anchors (``href="#qa-t2-c1"``) let a citation marker bring
its passage into view (qa/ui.py's script only keeps the window still when the panel is beside it).
The words around an answer follow the asker's language (``Answer.lang``): in the chat, and the
sources panel's own words (its headings, a card's place and way back); the passages and their
sentences stay as the documents write them. The page's frame (header, status line, empty panel,
buttons, placeholders, the page's script's hints, why a question could not be asked) follows the
visitor's language, `frame_language` of the browser's: English, Spanish, Chinese, French, German,
Italian, Portuguese, Russian, Japanese or Korean, the languages the engine answers in. qa/ui.py
takes its words from the same table, ``WORDS``.
"""
from __future__ import annotations

import html
import re
from collections.abc import Callable

from . import markup
from .corpus import titles_told_apart, written_meta
from .segment import one_line
from .types import Answer, Citation, Document

NEAREST_LABEL = "Nearest passages (not an answer)"
NOTHING_NEAR = "No passage is close to this question."
EMPTY_SOURCES = ("Ask a question: the sentences the answer stands on appear here, "
                 "highlighted in their passages.")
MARKER = re.compile(r"\[(\d+)\]")
# The words around an answer, by the asker's language (qa/question.py `language`): the chat
# bubble's, and the sources panel's; and the page's frame, by the visitor's (`frame_language`).
# Every language has every key, with the same {fields}; "doc_sep" also joins the titles of "from"
# and the pairs of "read_as". NB keeps "Paragraph 3 of 8" whole where a phone's footer wraps.
NB = "\u00a0"  # a space the line does not break at
WORDS = {
    "en": {"nearest": NEAREST_LABEL, "from": "From {titles}", "confidence": "confidence {p}",
           "confidence_title": "How likely the article answers the question, as the engine judges it",
           "low_confidence": "low confidence · {p}", "hedge": "This may not answer your question exactly.",
           "gist": "its opening paragraph", "questions": "the questions it answers", "more": "what it says next",
           "date": "its date line", "mentions": "where it is named", "quoted": "the people it quotes", "speakers": "each speaker's first words",
           "ending": "its last paragraph", "headline": "its headline", "named": "the ones it names", "section": "its “{section}” section",
           "read_as": "Read {pairs}.", "pair": "“{typed}” as “{read}”", "show": "Show source {k}",
           "warming": "Warming up the model: your question will be answered in a moment…",
           "reading": "Reading the article…", "colon": ":",
           "sources": "Sources", "cited": "Sources · {n} cited", "nothing_near": NOTHING_NEAR,
           "paragraph": f"Paragraph{NB}{{i}}{NB}of{NB}{{n}}", "characters": "Characters {spans}",
           "back": "Back to the answer ↑", "earlier": "Earlier answers",
           "below": "See the source below ↓", "below_many": "See the sources below ↓",
           "below_nearest": "See the nearest passages below ↓",
           # the page's frame, in the visitor's language (`frame_language`): header, status line,
           # controls (qa/ui.py, through gr.I18n), and the page script's own words
           "title_article": "Ask the article", "title_documents": "Ask the documents",
           "subtitle": "Answers quote the exact sentences they stand on, from {names}.",
           "subtitle_none": "Answers quote the exact sentences they stand on, from no documents yet.",
           "doc_named": "“{title}”", "doc_dated": " ({date})", "doc_sep": ", ",
           "n_documents": "{n} documents: {shown}{more}", "and_more": " and {k} more",
           "empty_sources": EMPTY_SOURCES,
           "starting": "Starting…", "warming_up": "Warming up: loading the index and the model…",
           "phase_warming": "Warming up", "phase_building": "Building the index (first run)",
           "progress": "{phase}: {detail}…", "loading_models": "loading the language models",
           "reading_words": "reading the documents' words",
           "ready_one": "Ready · 1 document, {k} sentences indexed",
           "ready_many": "Ready · {n} documents, {k} sentences indexed",
           "failed": "The engine failed to load: {error}",
           "ask": "Ask", "clear": "Clear conversation", "your_question": "Your question",
           "conversation": "Conversation", "search_in": "Search in", "all_documents": "All documents",
           "box_article": "Ask about the article", "box_documents": "Ask about the documents",
           "chat_article": "Ask a question about the article, or pick an example below.",
           "chat_documents": "Ask a question about the documents, or pick an example below.",
           "type_first": "Type a question first.",
           "disconnected": "Disconnected from the server: the page reloads once it is back.",
           "gone": "The sources of this answer are no longer shown: the panel keeps the latest {kept} answers.",
           "question_label": "Question", "answer_label": "Answer",
           # a question that could not be asked (`error_message`): the engine's reasons (REASONS), as it
           # words them, then the page's own; a long question's length (`user_message`); a document
           # picked and gone since (qa/ui.py)
           "cant_ask": "Can't ask that: {reason}",
           "why_too_long": "it is {n} characters long, and a question can be at most {limit}.",
           "why_no_words": "it has no words to search for, only symbols, emoji or control characters.",
           "why_no_documents": "there is nothing to search: the corpus has no usable documents.",
           "why_engine_failed": "the engine failed ({error}); see the server log.",
           "question_chars": " ({n} characters)",
           "not_in_corpus": "“{title}” is no longer in the corpus: searched all documents."},
    "es": {"nearest": "Pasajes más cercanos (no son una respuesta)", "from": "De {titles}", "confidence": "confianza {p}",
           "confidence_title": "Probabilidad de que el artículo responda a la pregunta, según el sistema",
           "low_confidence": "confianza baja · {p}", "hedge": "Puede que esto no responda exactamente a tu pregunta.",
           "gist": "su primer párrafo", "questions": "las preguntas que responde", "more": "lo que dice a continuación",
           "date": "su línea de fecha", "mentions": "dónde se nombra", "quoted": "las personas que cita", "speakers": "las primeras palabras de cada interlocutor",
           "ending": "su último párrafo", "headline": "su titular", "named": "los que nombra", "section": "su sección «{section}»",
           "read_as": "Leído {pairs}.", "pair": "«{typed}» como «{read}»", "show": "Ver la fuente {k}",
           "warming": "Preparando el modelo: tu pregunta se responderá en un momento…",
           "reading": "Leyendo el artículo…", "colon": ":",
           "sources": "Fuentes", "cited": "Fuentes citadas: {n}", "nothing_near": "Ningún pasaje se acerca a esta pregunta.",
           "paragraph": f"Párrafo{NB}{{i}}{NB}de{NB}{{n}}", "characters": "Caracteres {spans}",
           "back": "Volver a la respuesta ↑", "earlier": "Respuestas anteriores",
           "below": "Ver la fuente abajo ↓", "below_many": "Ver las fuentes abajo ↓",
           "below_nearest": "Ver los pasajes más cercanos abajo ↓",
           "title_article": "Pregunta al artículo", "title_documents": "Pregunta a los documentos",
           "subtitle": "Las respuestas citan tal cual las frases en las que se basan, tomadas de {names}.",
           "subtitle_none": "Las respuestas citarán tal cual las frases en las que se basen; todavía no hay documentos.",
           "doc_named": "«{title}»", "doc_dated": " ({date})", "doc_sep": ", ",
           "n_documents": "{n} documentos: {shown}{more}", "and_more": " y {k} más",
           "empty_sources": "Haz una pregunta: aquí aparecerán las frases en las que se basa la respuesta, "
                            "resaltadas en sus pasajes.",
           "starting": "Iniciando…", "warming_up": "Preparando: cargando el índice y el modelo…",
           "phase_warming": "Preparando", "phase_building": "Creando el índice (primera ejecución)",
           "progress": "{phase}: {detail}…", "loading_models": "cargando los modelos de lenguaje",
           "reading_words": "leyendo las palabras de los documentos",
           "ready_one": "Listo · 1 documento, {k} frases indexadas",
           "ready_many": "Listo · {n} documentos, {k} frases indexadas",
           "failed": "No se pudo cargar el motor: {error}",
           "ask": "Preguntar", "clear": "Borrar la conversación", "your_question": "Tu pregunta",
           "conversation": "Conversación", "search_in": "Buscar en", "all_documents": "Todos los documentos",
           "box_article": "Pregunta sobre el artículo", "box_documents": "Pregunta sobre los documentos",
           "chat_article": "Haz una pregunta sobre el artículo o elige un ejemplo de abajo.",
           "chat_documents": "Haz una pregunta sobre los documentos o elige un ejemplo de abajo.",
           "type_first": "Escribe primero una pregunta.",
           "disconnected": "Se perdió la conexión con el servidor: la página se recargará cuando vuelva.",
           "gone": "Las fuentes de esta respuesta ya no se muestran: el panel guarda las de las últimas {kept} respuestas.",
           "question_label": "Pregunta", "answer_label": "Respuesta",
           "cant_ask": "No se puede hacer esa pregunta: {reason}",
           "why_too_long": "la pregunta es demasiado larga ({n} caracteres; el máximo es {limit}).",
           "why_no_words": "la pregunta no tiene palabras que buscar (solo símbolos, emojis o caracteres de control).",
           "why_no_documents": "no hay nada en lo que buscar: el corpus no tiene documentos utilizables.",
           "why_engine_failed": "el motor falló ({error}); consulta el registro del servidor.",
           "question_chars": " ({n} caracteres)",
           "not_in_corpus": "«{title}» ya no está en el corpus: se ha buscado en todos los documentos."},
    "zh": {"nearest": "最接近的段落（并非答案）", "from": "出自《{titles}》", "confidence": "置信度 {p}",
           "confidence_title": "系统判断文章能回答这个问题的可能性",
           "low_confidence": "置信度低 · {p}", "hedge": "这未必能准确回答你的问题。",
           "gist": "开头一段", "questions": "它回答的问题", "more": "接下来的内容", "date": "日期行",
           "mentions": "提到它的地方", "quoted": "它引用的人", "speakers": "每位发言人的第一句话", "ending": "最后一段", "headline": "标题", "named": "文中提到的", "section": "“{section}”一节", "read_as": "已将{pairs}。",
           "pair": "“{typed}”理解为“{read}”", "show": "查看来源 {k}",
           "warming": "模型正在加载：稍后回答你的问题…", "reading": "正在阅读文章…", "colon": "：",
           "sources": "来源", "cited": "来源 · 引用 {n} 处", "nothing_near": "没有与这个问题相近的段落。",
           "paragraph": f"第{NB}{{i}}{NB}段（共{NB}{{n}}{NB}段）", "characters": "字符位置 {spans}",
           "back": "返回回答 ↑", "earlier": "之前的回答",
           "below": "在下方查看来源 ↓", "below_many": "在下方查看来源 ↓", "below_nearest": "在下方查看最接近的段落 ↓",
           "title_article": "向文章提问", "title_documents": "向文档提问",
           "subtitle": "回答会原样引用所依据的句子，出自{names}。",
           "subtitle_none": "回答会原样引用所依据的句子；目前还没有文档。",
           "doc_named": "《{title}》", "doc_dated": "（{date}）", "doc_sep": "、",
           "n_documents": " {n} 篇文档：{shown}{more}", "and_more": "，另有 {k} 篇",
           "empty_sources": "提个问题：回答所依据的句子会显示在这里，并在其所在段落中高亮。",
           "starting": "正在启动…", "warming_up": "正在准备：加载索引和模型…",
           "phase_warming": "正在准备", "phase_building": "正在建立索引（首次运行）",
           "progress": "{phase}：{detail}…", "loading_models": "加载语言模型",
           "reading_words": "读取文档的词语",
           "ready_one": "就绪 · 1 篇文档，已索引 {k} 个句子",
           "ready_many": "就绪 · {n} 篇文档，已索引 {k} 个句子",
           "failed": "引擎加载失败：{error}",
           "ask": "提问", "clear": "清空对话", "your_question": "你的问题",
           "conversation": "对话", "search_in": "搜索范围", "all_documents": "全部文档",
           "box_article": "就这篇文章提问", "box_documents": "就这些文档提问",
           "chat_article": "就这篇文章提个问题，或从下面选一个示例。",
           "chat_documents": "就这些文档提个问题，或从下面选一个示例。",
           "type_first": "请先输入问题。",
           "disconnected": "与服务器的连接已断开：服务器恢复后页面会重新加载。",
           "gone": "这个回答的来源已不再显示：面板只保留最近 {kept} 个回答的来源。",
           "question_label": "问题", "answer_label": "回答",
           "cant_ask": "无法提问：{reason}",
           "why_too_long": "问题太长（{n} 个字符，上限为 {limit} 个）。",
           "why_no_words": "问题里没有可搜索的词（只有符号、表情或控制字符）。",
           "why_no_documents": "没有可搜索的内容：语料库里没有可用的文档。",
           "why_engine_failed": "引擎出错（{error}），详见服务器日志。",
           "question_chars": "（{n} 个字符）",
           "not_in_corpus": "《{title}》已不在语料库中：已在全部文档中搜索。"},
    # French: "vous"; a no-break space before the two-part marks (: ; « »), as French sets them
    "fr": {"nearest": "Passages les plus proches (ce n'est pas une réponse)", "from": "D'après {titles}",
           "confidence": "confiance {p}",
           "confidence_title": "Probabilité que l'article réponde à la question, selon le moteur",
           "low_confidence": "confiance faible · {p}",
           "hedge": "Cette réponse ne correspond peut-être pas exactement à votre question.",
           "gist": "son premier paragraphe", "questions": "les questions auxquelles il répond", "more": "la suite du texte",
           "date": "sa ligne de date", "mentions": "les passages où il en est question", "quoted": "les personnes qu'il cite", "speakers": "les premiers mots de chaque intervenant",
           "ending": "son dernier paragraphe", "headline": "son titre", "named": "ceux qu'il nomme",
           "section": f"sa section «{NB}{{section}}{NB}»",
           "read_as": "{pairs}.", "pair": f"«{NB}{{typed}}{NB}» interprété comme «{NB}{{read}}{NB}»",
           "show": "Afficher la source {k}",
           "warming": f"Préparation du modèle{NB}: la réponse à votre question arrive dans un instant…",
           "reading": "Lecture de l'article…", "colon": f"{NB}:",
           "sources": "Sources", "cited": f"Sources citées{NB}: {{n}}",
           "nothing_near": "Aucun passage n'est proche de cette question.",
           "paragraph": f"Paragraphe{NB}{{i}}{NB}sur{NB}{{n}}", "characters": "Caractères {spans}",
           "back": "Retour à la réponse ↑", "earlier": "Réponses précédentes",
           "below": "Voir la source ci-dessous ↓", "below_many": "Voir les sources ci-dessous ↓",
           "below_nearest": "Voir les passages les plus proches ci-dessous ↓",
           "title_article": "Interroger l'article", "title_documents": "Interroger les documents",
           "subtitle": "Les réponses citent mot pour mot les phrases sur lesquelles elles s'appuient, tirées de {names}.",
           "subtitle_none": f"Les réponses citent mot pour mot les phrases sur lesquelles elles s'appuient{NB}; "
                            "il n'y a pas encore de document.",
           "doc_named": f"«{NB}{{title}}{NB}»", "doc_dated": " ({date})", "doc_sep": ", ",
           # "de plus": right for one as for several ("et 1 autres" is not)
           "n_documents": f"{{n}} documents{NB}: {{shown}}{{more}}", "and_more": " et {k} de plus",
           "empty_sources": f"Posez une question{NB}: les phrases sur lesquelles s'appuie la réponse s'afficheront ici, "
                            "surlignées dans leurs passages.",
           "starting": "Démarrage…", "warming_up": f"Préparation{NB}: chargement de l'index et du modèle…",
           "phase_warming": "Préparation", "phase_building": "Création de l'index (premier lancement)",
           "progress": f"{{phase}}{NB}: {{detail}}…", "loading_models": "chargement des modèles de langue",
           "reading_words": "lecture des mots des documents",
           "ready_one": "Prêt · 1 document, {k} phrases indexées",
           "ready_many": "Prêt · {n} documents, {k} phrases indexées",
           "failed": f"Échec du chargement du moteur{NB}: {{error}}",
           "ask": "Demander", "clear": "Effacer la conversation", "your_question": "Votre question",
           "conversation": "Conversation", "search_in": "Rechercher dans", "all_documents": "Tous les documents",
           "box_article": "Posez une question sur l'article", "box_documents": "Posez une question sur les documents",
           "chat_article": "Posez une question sur l'article ou choisissez un exemple ci-dessous.",
           "chat_documents": "Posez une question sur les documents ou choisissez un exemple ci-dessous.",
           "type_first": "Saisissez d'abord une question.",
           "disconnected": f"La connexion au serveur a été perdue{NB}: la page se rechargera dès qu'il sera de nouveau disponible.",
           "gone": f"Les sources de cette réponse ne sont plus affichées{NB}: le panneau conserve celles des {{kept}} "
                   "dernières réponses.",
           "question_label": "Question", "answer_label": "Réponse",
           "cant_ask": f"Impossible de poser cette question{NB}: {{reason}}",
           "why_too_long": "elle fait {n} caractères, et une question ne peut pas en dépasser {limit}.",
           "why_no_words": "elle ne contient aucun mot à rechercher, seulement des symboles, des émojis ou des caractères de contrôle.",
           "why_no_documents": f"il n'y a rien à rechercher{NB}: le corpus ne contient aucun document utilisable.",
           "why_engine_failed": f"le moteur a rencontré une erreur ({{error}}){NB}; consultez le journal du serveur.",
           "question_chars": " ({n} caractères)",
           "not_in_corpus": f"«{NB}{{title}}{NB}» ne fait plus partie du corpus{NB}: la recherche a porté sur tous les documents."},
    # German: "Sie" where the page speaks to the reader, the infinitive on its controls, as German
    # software does; a whole sentence after a colon starts with a capital
    "de": {"nearest": "Nächstliegende Textstellen (keine Antwort)", "from": "Aus {titles}", "confidence": "Sicherheit {p}",
           "confidence_title": "Wie wahrscheinlich der Artikel die Frage beantwortet, nach Einschätzung des Systems",
           "low_confidence": "geringe Sicherheit · {p}", "hedge": "Das beantwortet Ihre Frage möglicherweise nicht genau.",
           "gist": "der erste Absatz", "questions": "die beantworteten Fragen", "more": "der weitere Text",
           "date": "die Datumszeile", "mentions": "die Erwähnungen", "quoted": "die zitierten Personen", "speakers": "die ersten Worte jeder sprechenden Person",
           "ending": "der letzte Absatz", "headline": "die Überschrift", "named": "was darin genannt wird",
           "section": "der Abschnitt „{section}“",
           "read_as": "{pairs} gelesen.", "pair": "„{typed}“ als „{read}“", "show": "Quelle {k} anzeigen",
           "warming": "Das Modell wird vorbereitet: Ihre Frage wird gleich beantwortet…",
           "reading": "Der Artikel wird gelesen…", "colon": ":",
           "sources": "Quellen", "cited": "Quellen · {n} zitiert", "nothing_near": "Keine Textstelle kommt dieser Frage nahe.",
           "paragraph": f"Absatz{NB}{{i}}{NB}von{NB}{{n}}", "characters": "Zeichen {spans}",
           "back": "Zurück zur Antwort ↑", "earlier": "Frühere Antworten",
           "below": "Quelle unten ansehen ↓", "below_many": "Quellen unten ansehen ↓",
           "below_nearest": "Nächstliegende Textstellen unten ansehen ↓",
           "title_article": "Fragen an den Artikel", "title_documents": "Fragen an die Dokumente",
           "subtitle": "Die Antworten zitieren wörtlich die Sätze, auf die sie sich stützen, aus {names}.",
           "subtitle_none": "Die Antworten zitieren wörtlich die Sätze, auf die sie sich stützen; noch sind keine Dokumente vorhanden.",
           "doc_named": "„{title}“", "doc_dated": " ({date})", "doc_sep": ", ",
           # after "aus": the dative
           "n_documents": "{n} Dokumenten: {shown}{more}", "and_more": " und {k} weiteren",
           "empty_sources": "Stellen Sie eine Frage: Hier erscheinen die Sätze, auf die sich die Antwort stützt, "
                            "markiert in ihren Textstellen.",
           "starting": "Wird gestartet…", "warming_up": "Vorbereitung: Index und Modell werden geladen…",
           "phase_warming": "Vorbereitung", "phase_building": "Index wird erstellt (erster Start)",
           "progress": "{phase}: {detail}…", "loading_models": "Sprachmodelle werden geladen",
           "reading_words": "Wörter der Dokumente werden gelesen",
           "ready_one": "Bereit · 1 Dokument, {k} Sätze indexiert",
           "ready_many": "Bereit · {n} Dokumente, {k} Sätze indexiert",
           "failed": "Die Engine konnte nicht geladen werden: {error}",
           "ask": "Fragen", "clear": "Unterhaltung löschen", "your_question": "Ihre Frage",
           "conversation": "Unterhaltung", "search_in": "Suchen in", "all_documents": "Alle Dokumente",
           "box_article": "Frage zum Artikel stellen", "box_documents": "Frage zu den Dokumenten stellen",
           "chat_article": "Stellen Sie eine Frage zum Artikel oder wählen Sie unten ein Beispiel.",
           "chat_documents": "Stellen Sie eine Frage zu den Dokumenten oder wählen Sie unten ein Beispiel.",
           "type_first": "Bitte geben Sie zuerst eine Frage ein.",
           "disconnected": "Die Verbindung zum Server ist unterbrochen: Die Seite wird neu geladen, sobald er wieder erreichbar ist.",
           "gone": "Die Quellen dieser Antwort werden nicht mehr angezeigt: Der Bereich behält die Quellen der letzten {kept} Antworten.",
           "question_label": "Frage", "answer_label": "Antwort",
           # the reasons follow a colon as whole sentences: capitalized, and never opening on an
           # ambiguous "Sie" (the question, or the reader?)
           "cant_ask": "Diese Frage kann nicht gestellt werden: {reason}",
           "why_too_long": "Mit {n} Zeichen ist sie zu lang; eine Frage darf höchstens {limit} Zeichen haben.",
           "why_no_words": "Darin stehen keine Wörter zum Suchen, nur Symbole, Emojis oder Steuerzeichen.",
           "why_no_documents": "Es gibt nichts zu durchsuchen: Das Korpus enthält keine verwendbaren Dokumente.",
           "why_engine_failed": "Die Engine hat einen Fehler gemeldet ({error}); Details stehen im Serverprotokoll.",
           "question_chars": " ({n} Zeichen)",
           "not_in_corpus": "„{title}“ ist nicht mehr im Korpus: Es wurden alle Dokumente durchsucht."},
    "it": {"nearest": "Passaggi più vicini (non sono una risposta)", "from": "Da {titles}", "confidence": "affidabilità {p}",
           "confidence_title": "Probabilità che l'articolo risponda alla domanda, secondo il sistema",
           "low_confidence": "affidabilità bassa · {p}", "hedge": "Potrebbe non essere la risposta esatta alla tua domanda.",
           "gist": "il primo paragrafo", "questions": "le domande a cui risponde", "more": "il seguito",
           "date": "la riga della data", "mentions": "i punti in cui se ne parla", "quoted": "le persone che cita", "speakers": "le prime parole di ogni interlocutore",
           "ending": "l'ultimo paragrafo", "headline": "il titolo", "named": "quelli che nomina", "section": "la sezione «{section}»",
           "read_as": "Interpretato {pairs}.", "pair": "«{typed}» come «{read}»", "show": "Mostra la fonte {k}",
           "warming": "Preparazione del modello: la risposta alla tua domanda arriverà tra un momento…",
           "reading": "Lettura dell'articolo…", "colon": ":",
           "sources": "Fonti", "cited": "Fonti citate: {n}", "nothing_near": "Nessun passaggio è vicino a questa domanda.",
           "paragraph": f"Paragrafo{NB}{{i}}{NB}di{NB}{{n}}", "characters": "Caratteri {spans}",
           "back": "Torna alla risposta ↑", "earlier": "Risposte precedenti",
           "below": "Vedi la fonte qui sotto ↓", "below_many": "Vedi le fonti qui sotto ↓",
           "below_nearest": "Vedi i passaggi più vicini qui sotto ↓",
           "title_article": "Chiedi all'articolo", "title_documents": "Chiedi ai documenti",
           "subtitle": "Le risposte citano alla lettera le frasi su cui si basano, tratte da {names}.",
           "subtitle_none": "Le risposte citano alla lettera le frasi su cui si basano; per ora non ci sono documenti.",
           "doc_named": "«{title}»", "doc_dated": " ({date})", "doc_sep": ", ",
           # "in più": right for one as for several ("e altri 1" is not)
           "n_documents": "{n} documenti: {shown}{more}", "and_more": " e {k} in più",
           "empty_sources": "Fai una domanda: qui compariranno le frasi su cui si basa la risposta, "
                            "evidenziate nei loro passaggi.",
           "starting": "Avvio…", "warming_up": "Preparazione: caricamento dell'indice e del modello…",
           "phase_warming": "Preparazione", "phase_building": "Creazione dell'indice (primo avvio)",
           "progress": "{phase}: {detail}…", "loading_models": "caricamento dei modelli linguistici",
           "reading_words": "lettura delle parole dei documenti",
           "ready_one": "Pronto · 1 documento, {k} frasi indicizzate",
           "ready_many": "Pronto · {n} documenti, {k} frasi indicizzate",
           "failed": "Impossibile caricare il motore: {error}",
           "ask": "Chiedi", "clear": "Cancella la conversazione", "your_question": "La tua domanda",
           "conversation": "Conversazione", "search_in": "Cerca in", "all_documents": "Tutti i documenti",
           "box_article": "Fai una domanda sull'articolo", "box_documents": "Fai una domanda sui documenti",
           "chat_article": "Fai una domanda sull'articolo o scegli un esempio qui sotto.",
           "chat_documents": "Fai una domanda sui documenti o scegli un esempio qui sotto.",
           "type_first": "Scrivi prima una domanda.",
           "disconnected": "Connessione al server persa: la pagina si ricaricherà quando sarà di nuovo disponibile.",
           "gone": "Le fonti di questa risposta non sono più visibili: il pannello conserva quelle delle ultime {kept} risposte.",
           "question_label": "Domanda", "answer_label": "Risposta",
           "cant_ask": "Impossibile fare questa domanda: {reason}",
           "why_too_long": "è lunga {n} caratteri, e una domanda può averne al massimo {limit}.",
           "why_no_words": "non contiene parole da cercare, solo simboli, emoji o caratteri di controllo.",
           "why_no_documents": "non c'è nulla in cui cercare: il corpus non ha documenti utilizzabili.",
           "why_engine_failed": "il motore ha avuto un errore ({error}); consulta il log del server.",
           "question_chars": " ({n} caratteri)",
           "not_in_corpus": "«{title}» non è più nel corpus: la ricerca è stata fatta in tutti i documenti."},
    # Portuguese as Brazil writes it ("você", “aspas”), the larger of the two audiences
    "pt": {"nearest": "Trechos mais próximos (não são uma resposta)", "from": "De {titles}", "confidence": "confiança {p}",
           "confidence_title": "Probabilidade de o artigo responder à pergunta, segundo o sistema",
           "low_confidence": "confiança baixa · {p}", "hedge": "Talvez isso não responda exatamente à sua pergunta.",
           "gist": "o primeiro parágrafo", "questions": "as perguntas que ele responde", "more": "a continuação",
           "date": "a linha da data", "mentions": "os trechos em que aparece", "quoted": "as pessoas que ele cita", "speakers": "as primeiras palavras de cada participante",
           "ending": "o último parágrafo", "headline": "o título", "named": "os que ele menciona", "section": "a seção “{section}”",
           "read_as": "{pairs}.", "pair": "“{typed}” interpretado como “{read}”", "show": "Ver a fonte {k}",
           "warming": "Preparando o modelo: sua pergunta será respondida em instantes…",
           "reading": "Lendo o artigo…", "colon": ":",
           "sources": "Fontes", "cited": "Fontes citadas: {n}", "nothing_near": "Nenhum trecho se aproxima desta pergunta.",
           "paragraph": f"Parágrafo{NB}{{i}}{NB}de{NB}{{n}}", "characters": "Caracteres {spans}",
           "back": "Voltar à resposta ↑", "earlier": "Respostas anteriores",
           "below": "Veja a fonte abaixo ↓", "below_many": "Veja as fontes abaixo ↓",
           "below_nearest": "Veja os trechos mais próximos abaixo ↓",
           "title_article": "Pergunte ao artigo", "title_documents": "Pergunte aos documentos",
           "subtitle": "As respostas citam literalmente as frases em que se baseiam, extraídas de {names}.",
           "subtitle_none": "As respostas citam literalmente as frases em que se baseiam; ainda não há documentos.",
           "doc_named": "“{title}”", "doc_dated": " ({date})", "doc_sep": ", ",
           "n_documents": "{n} documentos: {shown}{more}", "and_more": " e mais {k}",
           "empty_sources": "Faça uma pergunta: as frases em que a resposta se baseia aparecem aqui, "
                            "destacadas nos seus trechos.",
           "starting": "Iniciando…", "warming_up": "Preparando: carregando o índice e o modelo…",
           "phase_warming": "Preparando", "phase_building": "Criando o índice (primeira execução)",
           "progress": "{phase}: {detail}…", "loading_models": "carregando os modelos de linguagem",
           "reading_words": "lendo as palavras dos documentos",
           "ready_one": "Pronto · 1 documento, {k} frases indexadas",
           "ready_many": "Pronto · {n} documentos, {k} frases indexadas",
           "failed": "Não foi possível carregar o motor: {error}",
           "ask": "Perguntar", "clear": "Limpar conversa", "your_question": "Sua pergunta",
           "conversation": "Conversa", "search_in": "Pesquisar em", "all_documents": "Todos os documentos",
           "box_article": "Pergunte sobre o artigo", "box_documents": "Pergunte sobre os documentos",
           "chat_article": "Faça uma pergunta sobre o artigo ou escolha um exemplo abaixo.",
           "chat_documents": "Faça uma pergunta sobre os documentos ou escolha um exemplo abaixo.",
           "type_first": "Digite uma pergunta primeiro.",
           "disconnected": "A conexão com o servidor caiu: a página será recarregada quando ele voltar.",
           "gone": "As fontes desta resposta não são mais exibidas: o painel guarda as das últimas {kept} respostas.",
           "question_label": "Pergunta", "answer_label": "Resposta",
           "cant_ask": "Não é possível fazer essa pergunta: {reason}",
           "why_too_long": "ela tem {n} caracteres, e uma pergunta pode ter no máximo {limit}.",
           "why_no_words": "ela não tem palavras para pesquisar, só símbolos, emojis ou caracteres de controle.",
           "why_no_documents": "não há nada para pesquisar: o corpus não tem documentos utilizáveis.",
           "why_engine_failed": "o motor falhou ({error}); consulte o log do servidor.",
           "question_chars": " ({n} caracteres)",
           "not_in_corpus": "“{title}” não está mais no corpus: a pesquisa foi feita em todos os documentos."},
    # Russian: "вы"; a count after a colon ("документов: 5") where a noun after it would have to
    # agree with the number (1 документ, 2 документа, 5 документов), and no title after a preposition
    # (a title in quotes is not declined)
    "ru": {"nearest": "Ближайшие фрагменты (это не ответ)", "from": "Источник: {titles}", "confidence": "уверенность {p}",
           "confidence_title": "Насколько вероятно, что статья отвечает на вопрос, по оценке системы",
           "low_confidence": "низкая уверенность · {p}", "hedge": "Возможно, это не совсем точный ответ на ваш вопрос.",
           "gist": "первый абзац", "questions": "вопросы, на которые отвечает текст", "more": "продолжение",
           "date": "строка с датой", "mentions": "где это упоминается", "quoted": "цитируемые люди", "speakers": "первые слова каждого участника",
           "ending": "последний абзац", "headline": "заголовок", "named": "перечисленное в тексте",
           "section": "раздел «{section}»",
           "read_as": "Прочитано {pairs}.", "pair": "«{typed}» как «{read}»", "show": "Показать источник {k}",
           "warming": "Модель загружается: ответ на ваш вопрос появится через мгновение…",
           "reading": "Чтение статьи…", "colon": ":",
           "sources": "Источники", "cited": "Источники · процитировано: {n}",
           "nothing_near": "Нет фрагментов, близких к этому вопросу.",
           "paragraph": f"Абзац{NB}{{i}}{NB}из{NB}{{n}}", "characters": "Символы {spans}",
           "back": "Назад к ответу ↑", "earlier": "Предыдущие ответы",
           "below": "Источник ниже ↓", "below_many": "Источники ниже ↓", "below_nearest": "Ближайшие фрагменты ниже ↓",
           "title_article": "Вопросы к статье", "title_documents": "Вопросы к документам",
           "subtitle": "Ответы дословно цитируют предложения, на которые опираются. Источник: {names}.",
           "subtitle_none": "Ответы дословно цитируют предложения, на которые опираются; документов пока нет.",
           "doc_named": "«{title}»", "doc_dated": " ({date})", "doc_sep": ", ",
           "n_documents": "{shown}{more} (всего документов: {n})", "and_more": " и ещё {k}",
           "empty_sources": "Задайте вопрос: здесь появятся предложения, на которые опирается ответ, "
                            "выделенные в своих фрагментах.",
           "starting": "Запуск…", "warming_up": "Подготовка: загрузка индекса и модели…",
           "phase_warming": "Подготовка", "phase_building": "Построение индекса (первый запуск)",
           "progress": "{phase}: {detail}…", "loading_models": "загрузка языковых моделей",
           "reading_words": "чтение слов из документов",
           "ready_one": "Готово · 1 документ, проиндексировано предложений: {k}",
           "ready_many": "Готово · документов: {n}, проиндексировано предложений: {k}",
           "failed": "Не удалось загрузить движок: {error}",
           "ask": "Спросить", "clear": "Очистить диалог", "your_question": "Ваш вопрос",
           "conversation": "Диалог", "search_in": "Где искать", "all_documents": "Все документы",
           "box_article": "Задайте вопрос о статье", "box_documents": "Задайте вопрос о документах",
           "chat_article": "Задайте вопрос о статье или выберите пример ниже.",
           "chat_documents": "Задайте вопрос о документах или выберите пример ниже.",
           "type_first": "Сначала введите вопрос.",
           "disconnected": "Соединение с сервером потеряно: страница перезагрузится, когда он снова станет доступен.",
           "gone": "Источники этого ответа больше не показываются: на панели остаются источники только последних {kept} ответов.",
           "question_label": "Вопрос", "answer_label": "Ответ",
           "cant_ask": "Этот вопрос задать нельзя: {reason}",
           "why_too_long": "он слишком длинный (символов: {n}; можно не больше {limit}).",
           "why_no_words": "в нём нет слов для поиска — только символы, эмодзи или управляющие символы.",
           "why_no_documents": "искать не в чем: в корпусе нет пригодных документов.",
           "why_engine_failed": "в движке произошла ошибка ({error}); подробности в журнале сервера.",
           "question_chars": " (символов: {n})",
           "not_in_corpus": "«{title}» больше нет в корпусе: поиск выполнен по всем документам."},
    # Japanese: です/ます; 「」 and full-width marks, and a space about a number as the zh entry has
    "ja": {"nearest": "最も近い箇所（回答ではありません）", "from": "出典：{titles}", "confidence": "信頼度 {p}",
           "confidence_title": "この記事が質問に答えている可能性（システムの判定）",
           "low_confidence": "信頼度：低 · {p}", "hedge": "質問への正確な回答になっていない可能性があります。",
           "gist": "冒頭の段落", "questions": "答えている質問", "more": "続きの内容", "date": "日付の行",
           "mentions": "言及されている箇所", "quoted": "引用されている人物", "speakers": "各発言者の最初の発言", "ending": "最後の段落", "headline": "見出し",
           "named": "挙げられているもの", "section": "「{section}」のセクション",
           "read_as": "{pairs}と読み替えました。", "pair": "「{typed}」を「{read}」", "show": "出典 {k} を表示",
           "warming": "モデルを準備しています。まもなく質問にお答えします…", "reading": "記事を読んでいます…", "colon": "：",
           "sources": "出典", "cited": "出典 · 引用 {n} 件", "nothing_near": "この質問に近い箇所はありません。",
           "paragraph": f"第{NB}{{i}}{NB}段落（全{NB}{{n}}{NB}段落）", "characters": "文字位置 {spans}",
           "back": "回答に戻る ↑", "earlier": "以前の回答",
           "below": "下の出典を見る ↓", "below_many": "下の出典を見る ↓", "below_nearest": "下の最も近い箇所を見る ↓",
           "title_article": "記事に質問する", "title_documents": "文書に質問する",
           "subtitle": "回答は{names}から、根拠となる文をそのまま引用します。",
           "subtitle_none": "回答は根拠となる文をそのまま引用します。まだ文書がありません。",
           "doc_named": "「{title}」", "doc_dated": "（{date}）", "doc_sep": "、",
           "n_documents": " {n} 件の文書（{shown}{more}）", "and_more": "ほか {k} 件",
           "empty_sources": "質問してください。回答の根拠となる文が、その箇所の中で強調されてここに表示されます。",
           "starting": "起動しています…", "warming_up": "準備中：インデックスとモデルを読み込んでいます…",
           "phase_warming": "準備中", "phase_building": "インデックスを作成中（初回のみ）",
           "progress": "{phase}：{detail}…", "loading_models": "言語モデルを読み込んでいます",
           "reading_words": "文書の語を読み込んでいます",
           "ready_one": "準備完了 · 1 件の文書、{k} 文をインデックス済み",
           "ready_many": "準備完了 · {n} 件の文書、{k} 文をインデックス済み",
           "failed": "エンジンを読み込めませんでした：{error}",
           "ask": "質問する", "clear": "会話をクリア", "your_question": "質問",
           "conversation": "会話", "search_in": "検索対象", "all_documents": "すべての文書",
           "box_article": "記事について質問する", "box_documents": "文書について質問する",
           "chat_article": "記事について質問するか、下の例から選んでください。",
           "chat_documents": "文書について質問するか、下の例から選んでください。",
           "type_first": "先に質問を入力してください。",
           "disconnected": "サーバーとの接続が切れました。再接続されるとページが再読み込みされます。",
           "gone": "この回答の出典は表示されなくなりました。パネルには直近 {kept} 件の回答の出典だけが残ります。",
           "question_label": "質問", "answer_label": "回答",
           "cant_ask": "この質問はできません：{reason}",
           "why_too_long": "質問が長すぎます（{n} 文字、上限は {limit} 文字）。",
           "why_no_words": "検索できる語がありません（記号、絵文字、制御文字のみです）。",
           "why_no_documents": "検索できるものがありません：使用できる文書がコーパスにありません。",
           "why_engine_failed": "エンジンでエラーが発生しました（{error}）。詳しくはサーバーのログを確認してください。",
           "question_chars": "（{n} 文字）",
           "not_in_corpus": "「{title}」はもうコーパスにありません：すべての文書を検索しました。"},
    # Korean: 합니다 where the page tells, -세요 where it asks (as Korean software does); no particle
    # after a title or a typed word, whose form (을/를, 은/는) would depend on its last sound
    "ko": {"nearest": "가장 가까운 구절(답변 아님)", "from": "출처: {titles}", "confidence": "신뢰도 {p}",
           "confidence_title": "이 기사가 질문에 답할 가능성(시스템 판단)",
           "low_confidence": "낮은 신뢰도 · {p}", "hedge": "질문에 정확히 맞는 답변이 아닐 수 있습니다.",
           "gist": "첫 문단", "questions": "다루는 질문", "more": "이어지는 내용", "date": "날짜 줄",
           "mentions": "언급된 부분", "quoted": "인용된 사람들", "speakers": "각 발언자의 첫 발언", "ending": "마지막 문단", "headline": "제목",
           "named": "나열된 항목", "section": "‘{section}’ 섹션",
           "read_as": "문서에 적힌 대로 읽었습니다: {pairs}.", "pair": "‘{typed}’ → ‘{read}’", "show": "출처 {k} 보기",
           "warming": "모델을 준비하고 있습니다. 잠시 후 질문에 답변합니다…", "reading": "기사를 읽고 있습니다…", "colon": ":",
           "sources": "출처", "cited": "출처 · {n}개 인용", "nothing_near": "이 질문과 가까운 구절이 없습니다.",
           "paragraph": f"{{i}}번째{NB}문단{NB}(총{NB}{{n}}개)", "characters": "문자 위치 {spans}",
           "back": "답변으로 돌아가기 ↑", "earlier": "이전 답변",
           "below": "아래에서 출처 보기 ↓", "below_many": "아래에서 출처 보기 ↓",
           "below_nearest": "아래에서 가장 가까운 구절 보기 ↓",
           "title_article": "기사에 질문하기", "title_documents": "문서에 질문하기",
           "subtitle": "답변은 {names}에서 근거가 되는 문장을 그대로 인용합니다.",
           "subtitle_none": "답변은 근거가 되는 문장을 그대로 인용합니다. 아직 문서가 없습니다.",
           "doc_named": "‘{title}’", "doc_dated": "({date})", "doc_sep": ", ",
           "n_documents": "문서 {n}개({shown}{more})", "and_more": " 외 {k}개",
           "empty_sources": "질문을 입력하면 답변의 근거가 되는 문장이 해당 구절 안에 강조되어 여기에 표시됩니다.",
           "starting": "시작하는 중…", "warming_up": "준비 중: 색인과 모델을 불러오는 중…",
           "phase_warming": "준비 중", "phase_building": "색인 생성 중(첫 실행)",
           "progress": "{phase}: {detail}…", "loading_models": "언어 모델을 불러오는 중",
           "reading_words": "문서의 단어를 읽는 중",
           "ready_one": "준비 완료 · 문서 1개, 문장 {k}개 색인됨",
           "ready_many": "준비 완료 · 문서 {n}개, 문장 {k}개 색인됨",
           "failed": "엔진을 불러오지 못했습니다: {error}",
           "ask": "질문하기", "clear": "대화 지우기", "your_question": "질문",
           "conversation": "대화", "search_in": "검색 범위", "all_documents": "모든 문서",
           "box_article": "기사에 대해 질문하세요", "box_documents": "문서에 대해 질문하세요",
           "chat_article": "기사에 대해 질문하거나 아래 예시를 선택하세요.",
           "chat_documents": "문서에 대해 질문하거나 아래 예시를 선택하세요.",
           "type_first": "먼저 질문을 입력하세요.",
           "disconnected": "서버와 연결이 끊어졌습니다. 서버가 다시 연결되면 페이지가 새로고침됩니다.",
           "gone": "이 답변의 출처는 더 이상 표시되지 않습니다. 패널에는 최근 {kept}개 답변의 출처만 남습니다.",
           "question_label": "질문", "answer_label": "답변",
           "cant_ask": "이 질문은 할 수 없습니다: {reason}",
           "why_too_long": "질문이 너무 깁니다({n}자, 최대 {limit}자).",
           "why_no_words": "검색할 단어가 없습니다(기호, 이모지, 제어 문자만 있음).",
           "why_no_documents": "검색할 대상이 없습니다. 코퍼스에 사용할 수 있는 문서가 없습니다.",
           "why_engine_failed": "엔진에 오류가 발생했습니다({error}). 서버 로그를 확인하세요.",
           "question_chars": " ({n}자)",
           "not_in_corpus": "코퍼스에 더 이상 ‘{title}’ 문서가 없어 모든 문서에서 검색했습니다."},
}
# Below this confidence the engine itself rates an answer more likely wrong than right (it answers
# from its threshold up, 0.26 in qa/models/ranker.json): the chat says so, calmly.
LOW_CONFIDENCE = 0.5
# What a request reads ("its opening paragraph"): asked for, so no confidence is shown for it.
REQUESTS = ("gist", "questions", "more", "date", "mentions", "section", "quoted", "speakers", "ending", "headline", "named")
# Why a question could not be asked, as the engine words it (qa/engine.py `Engine.validate`; /ask
# and `qa ask --jsonl` keep these English words): each reason the page can meet, by the key of its
# words in WORDS, whose {fields} the pattern's groups fill (a count in the language's digits). A
# reason not here (the API's own: history, doc) is shown as it is. When the engine itself fails,
# qa/ui.py says so in WORDS' own "why_engine_failed".
REASONS = {key: re.compile(pattern) for key, pattern in {
    "why_too_long": r"question is too long \((?P<n>[\d,]+) characters; the limit is (?P<limit>[\d,]+)\)",
    "why_no_words": r"question has no words to search for \(only symbols, emoji or control characters\)",
    "why_no_documents": r"there is nothing to search: the corpus has no usable documents",
}.items()}


def words(lang: str) -> dict[str, str]:
    return WORDS.get(lang, WORDS["en"])


def frame_language(preferred: str | None) -> str:
    """The page's language (a language of ``WORDS``: "en", "es", "zh", "fr", "de", "it", "pt",
    "ru", "ja" or "ko") for a browser's: a language tag (``navigator.language``: "es-ES", "zh-CN",
    "pt-BR") or an Accept-Language header ("zh-CN,zh;q=0.9,en;q=0.8"), of which the entry with the
    highest q counts (the first of those tied; in practice the browser's first preference, which it
    sends with q=1); that language when the page has words for it (any region: "fr-CA", "de-CH";
    Chinese in Simplified characters, as the answers are), English otherwise. One language only, as
    Gradio's own translations (gr.I18n) choose theirs: an entry below the top one does not count."""
    best, top = "", -1.0
    for part in (preferred or "").split(","):
        tag, _, params = part.strip().partition(";")
        q = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        if tag.strip() and q > top:
            best, top = tag.strip(), q
    primary = best.replace("_", "-").split("-")[0].lower()
    return primary if primary in WORDS else "en"


# How a language groups a number's digits where a comma is its decimal mark (CLDR, as the
# browser's Intl.NumberFormat): the separator, and the least number grouped. In Spanish four
# digits stay whole (RAE); French groups with a narrow no-break space; Portuguese as Brazil does.
DIGIT_GROUPS = {"es": (NB, 10_000), "fr": ("\u202f", 1_000), "de": (".", 1_000), "it": (".", 1_000),
                "pt": (".", 1_000), "ru": (NB, 1_000)}


def number(n: int, lang: str = "en") -> str:
    """A count or an offset as the language groups its digits: "2,208" (also in Chinese, Japanese
    and Korean); in Spanish "2208" and "12 208", in German "2.208" (DIGIT_GROUPS)."""
    sep, least = DIGIT_GROUPS.get(lang, (",", 0))
    return f"{n:,}".replace(",", sep) if n >= least else str(n)


# explicit bidirectional embeddings, overrides and isolates: a document's unclosed U+202E would
# reverse the markers and the next sentences on the page ("Trojan Source"); Hebrew and Arabic
# still read right to left by the implicit algorithm, and the JSON keeps every character
_BIDI_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))


_LINE_ENDS = re.compile(r"\r\n|[\r\n]")


def esc(text: object) -> str:
    """Escape text for HTML, without explicit bidi controls; line ends read as spaces (a
    hard-wrapped paragraph flows in its card, and a message never holds a blank line, which
    would end an HTML block if a Markdown renderer ever saw it)."""
    text = str(text).translate(_BIDI_CONTROLS)
    return _LINE_ENDS.sub(" ", html.escape(text, quote=True))


def anchor(turn: int, k: int) -> str:
    """Element id of citation ``k`` of conversation turn ``turn`` (unique across turns, so a
    marker in an old message never scrolls to a newer answer's passage)."""
    return f"qa-t{turn}-c{k}"


# ------------------------------------------------------------------ chat messages
SHOWN_QUESTION_CHARS = 600  # a pasted page is not shown whole: the engine refuses it anyway (2,000)


def shortened(question: str, limit: int) -> str:
    """A question cut to ``limit`` characters where it is longer, with an ellipsis."""
    return question if len(question) <= limit else f"{question[:limit].rstrip()}…"


def user_message(question: str, lang: str = "en") -> str:
    """The question in the chat; a long one shortened, with its length in the page's language."""
    shown = shortened(question, SHOWN_QUESTION_CHARS)
    if shown != question:
        shown += words(lang)["question_chars"].format(n=number(len(question), lang))
    return f'<div class="qa-user">{esc(shown)}</div>'


def pending_message(warming: bool, lang: str = "en") -> str:
    text = words(lang)["warming" if warming else "reading"]
    return f'<div class="qa-msg qa-pending">{esc(text)}</div>'


def reason_in(reason: str, lang: str = "en") -> str:
    """Why a question could not be asked, in the page's words for it (REASONS), else as it is."""
    for key, pattern in REASONS.items():
        if m := pattern.fullmatch(reason):
            fields = {k: number(int(v.replace(",", "")), lang) if v.replace(",", "").isdigit() else v
                      for k, v in m.groupdict().items()}
            return words(lang)[key].format(**fields)
    return reason


def error_message(reason: str, lang: str = "en") -> str:
    """A question that could not be asked, and why, in the page's language ``lang``."""
    return f'<div class="qa-msg qa-error">{esc(words(lang)["cant_ask"].format(reason=reason_in(reason, lang)))}</div>'


def scope_note(text: str) -> str:
    """A line above an answer on what was searched ("… is no longer in the corpus")."""
    return f'<p class="qa-meta qa-scope">{esc(text)}</p>'


def _markers(text: str, sentences: list[str]) -> list[tuple[int, int, int]]:
    """(start, end, k) of the answer's own ``[k]`` markers: the one after citation k's sentence
    where the text quotes it, so a document's footnote "[1]" inside a sentence stays text."""
    out, pos = [], 0
    for k, sentence in enumerate(sentences, 1):
        at = text.find(f"{sentence} [{k}]", pos) if sentence else -1
        m = re.compile(rf"\[{k}\]").search(text, at + len(sentence) if at >= 0 else pos)
        if m is None:
            continue
        out.append((m.start(), m.end(), k))
        pos = m.end()
    return out


def _with_markers(text: str, turn: int, count: int, bold: tuple[int, int] | None = None,
                  sentences: list[str] | None = None, md: bool = False, lang: str = "en") -> str:
    """Escape the answer text and turn its ``[k]`` markers into links to the sources panel;
    ``bold`` (a range of the text) is the short answer, shown in bold as in the panel;
    ``sentences`` (the citations' sentences as the text quotes them) tell its markers from a
    document's own "[1]"; ``md``: the text quotes Markdown documents (qa/markup.py)."""
    def plain(a: int, b: int) -> str:
        # the text between two markers is one quoted sentence: its marks pair among themselves,
        # never with another sentence's stray "_"
        marks = markup.styles(text[a:b]) if md else None

        def shown(x: int, y: int) -> str:
            return markup.show(text, x, y, marks, esc, origin=a)

        if bold is None or bold[1] <= a or b <= bold[0]:
            return shown(a, b)
        x, y = max(a, bold[0]), min(b, bold[1])
        return shown(a, x) + f'<strong class="qa-span">{shown(x, y)}</strong>' + shown(y, b)

    if sentences is None:
        found = [(m.start(), m.end(), int(m.group(1))) for m in MARKER.finditer(text) if 1 <= int(m.group(1)) <= count]
    else:
        found = _markers(text, sentences)
    out, pos = [], 0
    for start, end, k in found:
        out.append(plain(pos, start))
        out.append(f'<a class="qa-marker" href="#{anchor(turn, k)}" title="{esc(words(lang)["show"].format(k=k))}">[{k}]</a>')
        pos = end
    out.append(plain(pos, len(text)))
    return "".join(out)


def _short_answer_in(ans: Answer) -> tuple[int, int] | None:
    """Where the first citation's short answer sits in the answer text (which quotes it)."""
    if not ans.citations:
        return None
    c = ans.citations[0]
    if c.answer_start is None or c.answer_end is None:
        return None
    at = ans.answer.find(c.sentence)  # a sentence across line ends reads otherwise: no bold then
    if at < 0 or not (c.start <= c.answer_start < c.answer_end <= c.end):
        return None
    return at + c.answer_start - c.start, at + c.answer_end - c.start


def answer_message(ans: Answer, turn: int, docs: dict[str, Document]) -> str:
    """The chat bubble: the short answer with linked markers, then each cited sentence
    (omitted when the answer text already quotes it verbatim)."""
    if ans.kind == "chat":
        return f'<div class="qa-msg qa-chat"><p class="qa-short">{esc(ans.answer)}</p></div>'
    if not ans.answerable:
        return refusal_message(ans, turn, docs)
    quoted = [one_line(c.sentence) if one_line(c.sentence) in ans.answer else "" for c in ans.citations]
    md = bool(ans.citations) and all(_is_markdown(docs, c.doc) for c in ans.citations)
    parts = [f'<div class="qa-msg qa-answer"><p class="qa-short">'
             f'{_with_markers(ans.answer, turn, len(ans.citations), _short_answer_in(ans), quoted, md, ans.lang)}</p>']
    extra = [(k, c) for k, c in enumerate(ans.citations, 1) if not _said(ans.answer, c.sentence)]
    if extra:
        parts.append('<ol class="qa-cited">')
        for k, c in extra:
            parts.append(f'<li><a class="qa-marker" href="#{anchor(turn, k)}">[{k}]</a> '
                         f'{_sentence(docs, c)}</li>')
        parts.append("</ol>")
    titles = list(dict.fromkeys(_title(docs, c.doc) for c in ans.citations))  # in the citations' order
    if _unsure(ans):
        parts.append(f'<p class="qa-meta qa-hedge">{esc(words(ans.lang)["hedge"])}</p>')
    parts.append(f'{_source_line(ans, titles)}{respelt_note(ans)}{_below(ans, turn)}</div>')
    return "".join(parts)


def _said(answer: str, sentence: str) -> bool:
    """Does the answer text already say the cited line: quoted as it is, or a metadata line
    spelt out with its value ("The article is dated 2025-07-28. [1]" for "date 2025-07-28"; its
    card shows the line as written)? A date written otherwise ("Published 14 May 2026") is
    listed: the answer gives it as a date, the line as the text wrote it."""
    line = one_line(sentence)
    if line in answer:
        return True
    value = written_meta(line)[1]
    return bool(value) and value in answer


def _below(ans: Answer, turn: int) -> str:
    """A link to the answer's first source card, for a phone (CSS shows it on a narrow screen
    only), where the sources panel is below the chat, out of view: the markers lead there too,
    but nothing said so. Nothing moves until it is tapped."""
    cites = ans.citations if ans.answerable else ans.nearest
    if not cites:
        return ""
    key = "below_nearest" if not ans.answerable else "below_many" if len(cites) > 1 else "below"
    return (f'<p class="qa-meta qa-below"><a class="qa-below-link" href="#{anchor(turn, 1)}">'
            f'{esc(words(ans.lang)[key])}</a></p>')


def _unsure(ans: Answer) -> bool:
    """An answer (not a request, a refusal or small talk) the engine is not sure of."""
    return ans.answerable and ans.kind not in (*REQUESTS, "chat") and ans.confidence < LOW_CONFIDENCE


def _source_line(ans: Answer, titles: list[str]) -> str:
    """Where the answer came from and how: "From <title> · confidence 80%" (the confidence
    explained on hover; "low confidence · 33%", in amber, below LOW_CONFIDENCE), or what was read
    for a request ("its opening paragraph")."""
    w = words(ans.lang)
    if ans.kind in REQUESTS:
        section = ans.citations[0].section if ans.citations else ""
        how = esc(w[ans.kind].format(section=section))
    else:
        low = _unsure(ans)
        how = (f'<span class="qa-confidence{" qa-low" if low else ""}" title="{esc(w["confidence_title"])}">'
               f'{esc(w["low_confidence" if low else "confidence"].format(p=f"{ans.confidence:.0%}"))}</span>')
    return f'<p class="qa-meta">{esc(w["from"].format(titles=w["doc_sep"].join(titles)))} · {how}</p>'


def _is_markdown(docs: dict[str, Document] | None, doc_id: str) -> bool:
    doc = (docs or {}).get(doc_id)
    return doc is not None and markup.is_markdown(doc.path)


def _sentence(docs: dict[str, Document] | None, c: Citation) -> str:
    """A cited sentence on one line, formatted when its document is Markdown."""
    text = one_line(c.sentence)
    return markup.show(text, 0, len(text), markup.styles(text) if _is_markdown(docs, c.doc) else None, esc)


def respelt_note(ans: Answer) -> str:
    """Which typed words were read as the document spells them, as a search engine says it."""
    if not ans.respelt:
        return ""
    w = words(ans.lang)
    note = w["read_as"].format(pairs=w["doc_sep"].join(w["pair"].format(typed=t, read=r) for t, r in ans.respelt))
    return f'<p class="qa-meta qa-respelt">{esc(note)}</p>'


def refusal_message(ans: Answer, turn: int, docs: dict[str, Document] | None = None) -> str:
    """A refusal looks different (muted amber) and points at the nearest passages, labelled."""
    parts = [f'<div class="qa-msg qa-refusal"><p class="qa-short">{esc(ans.answer)}</p>', respelt_note(ans)]
    if ans.nearest:
        w = words(ans.lang)
        parts.append(f'<p class="qa-meta">{esc(w["nearest"] + w["colon"])}</p><ul class="qa-cited">')
        for k, c in enumerate(ans.nearest, 1):
            parts.append(f'<li><a class="qa-marker" href="#{anchor(turn, k)}">[{k}]</a> '
                         f'{_sentence(docs, c)}</li>')
        parts.append("</ul>")
    parts.append(f"{_below(ans, turn)}</div>")
    return "".join(parts)


# ------------------------------------------------------------------ sources panel
def _title(docs: dict[str, Document], doc_id: str) -> str:
    return titles_told_apart(docs.values()).get(doc_id, doc_id) if doc_id in docs else doc_id


def _mark(doc_text: str, c: Citation, ident: str | None = None, n: int | None = None,
          shown: Callable[[int, int], str] | None = None) -> str:
    """One cited sentence in <mark> (numbered as its marker when its card holds several), its
    short answer span (if any) in <strong>; ``shown(a, b)`` escapes (and formats) a slice."""
    shown = shown or (lambda x, y: esc(doc_text[x:y]))
    start, end, a, b = c.start, c.end, c.answer_start, c.answer_end
    if a is None or b is None or not (start <= a < b <= end):
        inner = shown(start, end)
    else:
        inner = shown(start, a) + '<strong class="qa-span">' + shown(a, b) + "</strong>" + shown(b, end)
    id_attr = f' id="{ident}"' if ident else ""
    n_attr = f' data-n="{n}"' if n is not None else ""
    return f'<mark class="qa-hl"{id_attr}{n_attr}>{inner}</mark>'


def passage_html(doc_text: str, c: Citation, also: tuple[tuple[Citation, str], ...] = (),
                 numbers: tuple[int, ...] = (), md: bool = False) -> str:
    """The passage around a citation with its sentence in <mark> and, when the engine found
    one, the short answer span inside it in <strong>. ``also`` holds other citations of the same
    passage (with their anchors), marked too; ``numbers`` are the markers of ``c`` and ``also``,
    shown on their highlights when there are several; ``md``: a Markdown document, whose
    inline marks show as formatting (qa/markup.py). Bad bounds fall back to the sentence."""
    start, end = c.start, c.end
    p_start, p_end = c.passage_start, c.passage_end
    if not (0 <= p_start <= start <= end <= p_end <= len(doc_text)):
        p_start, p_end, also = start, end, ()
    nums = numbers if len(numbers) == 1 + len(also) and also else (None,) * (1 + len(also))
    marks = sorted([(c, None, nums[0]), *((o, i, n) for (o, i), n in zip(also, nums[1:])
                                          if p_start <= o.start <= o.end <= p_end)],
                   key=lambda m: m[0].start)
    styles = markup.styles(doc_text[p_start:p_end]) if md else None

    def shown(a: int, b: int) -> str:
        return markup.show(doc_text, a, b, styles, esc, origin=p_start)

    out, pos = [], p_start
    for cit, ident, n in marks:
        if cit.start < pos:  # overlaps the previous mark: already shown
            continue
        out.append(shown(pos, cit.start) + _mark(doc_text, cit, ident, n, shown))
        pos = cit.end
    return "".join(out) + shown(pos, p_end)


ParagraphOf = Callable[[Citation], tuple[int, int] | None]  # (paragraph, of how many) of a citation's document


def source_card(c: Citation, k: int, turn: int, docs: dict[str, Document],
                also: tuple[tuple[Citation, int], ...] = (), paragraph: ParagraphOf | None = None,
                lang: str = "en") -> str:
    """A card for a cited passage; citations ``also`` of the same passage share it (one card
    with several highlighted sentences, not the same paragraph repeated). Its footer says where
    in the document it is, in the asker's language ``lang``: the paragraph, when ``paragraph``
    knows it; the sentences' character offsets (the contract's start and end) are a developer's
    detail, shown on hover."""
    doc = docs.get(c.doc)
    text = doc.text if doc else c.sentence
    if not doc:  # keep the offsets meaningful for the fallback text
        c, also = Citation(c.doc, c.sentence, 0, len(c.sentence), c.score), ()
    nums = [f'<span class="qa-num">{n}</span>' for n in (k, *(j for _, j in also))]
    title = _title(docs, c.doc)
    head = [*nums, f'<span class="qa-title">{esc(title)}</span>']
    if doc and doc.date:
        head.append(f'<time>{esc(doc.date)}</time>')
    if c.section and c.section.casefold() not in (title.casefold(), doc.title.casefold() if doc else ""):
        # the text's title line heads the sentences under it: no second label saying the same
        head.append(f'<span class="qa-section">{esc(c.section)}</span>')
    w = words(lang)
    spans = ", ".join(f"{number(x.start, lang)}–{number(x.end, lang)}"
                      for x in sorted((c, *(o for o, _ in also)), key=lambda x: x.start))
    where = paragraph(c) if paragraph and doc else None
    place = w["paragraph"].format(i=number(where[0], lang), n=number(where[1], lang)) if where else ""
    marked = passage_html(text, c, tuple((o, anchor(turn, j)) for o, j in also), (k, *(j for _, j in also)),
                          md=_is_markdown(docs, c.doc))
    return (f'<article class="qa-source" id="{anchor(turn, k)}">'
            f'<header>{" ".join(head)}</header>'
            f'<p class="qa-passage">{marked}</p>'
            # no per-sentence score: the ranker's probabilities are not comparable across
            # questions (a list question's best sentence may read 0.01), the answer's confidence is
            f'<footer><span class="qa-where" title="{esc(w["characters"].format(spans=spans))}">{esc(place)}</span>'
            f'<a class="qa-back" href="#qa-chat">{esc(w["back"])}</a></footer></article>')


def _by_passage(cites) -> list[tuple[Citation, int, tuple[tuple[Citation, int], ...]]]:
    """Citations grouped by the passage they sit in, in order of each passage's first citation."""
    groups: dict[tuple, list[tuple[Citation, int]]] = {}
    for k, c in enumerate(cites, 1):
        groups.setdefault((c.doc, c.passage_start, c.passage_end), []).append((c, k))
    return [(g[0][0], g[0][1], tuple(g[1:])) for g in groups.values()]


def empty_panel(lang: str = "en") -> str:
    """The sources panel before an answer (and after a clear), in the page's language."""
    return f'<div class="qa-sources qa-empty"><p>{esc(words(lang)["empty_sources"])}</p></div>'


def sources_panel(ans: Answer | None, turn: int, docs: dict[str, Document], paragraph: ParagraphOf | None = None,
                  lang: str = "en") -> str:
    """The right-hand panel for the latest answer: cited passages, or the nearest ones
    (clearly labelled) when the engine refused; ``paragraph`` as for `source_card`. Before an
    answer it invites a question in the page's language ``lang`` (an answer's words follow its
    asker's, ``Answer.lang``)."""
    if ans is None or ans.kind == "chat":
        return empty_panel(lang)
    w = words(ans.lang)  # the panel's own words in the asker's language, the passages as written
    if ans.answerable:
        cites, label, cls = ans.citations, w["cited"].format(n=len(ans.citations)), "qa-cited-sources"
    else:
        cites, label, cls = ans.nearest, w["nearest"], "qa-nearest"
    if not cites:  # a refusal of a question about something else: nothing near it to show
        return f'<div class="qa-sources {cls}"><h2>{esc(w["sources"])}</h2><p>{esc(w["nothing_near"])}</p></div>'
    cards = "".join(source_card(c, k, turn, docs, also, paragraph, ans.lang) for c, k, also in _by_passage(cites))
    return f'<div class="qa-sources {cls}"><h2>{esc(label)}</h2>{cards}</div>'


FOLDED_QUESTION_CHARS = 120  # an earlier question over its folded sources: two lines of the panel


def _full(question: str) -> str:
    """The whole question on hover, where the fold shows only its start."""
    return f' title="{esc(question)}"' if len(question) > FOLDED_QUESTION_CHARS else ""


def with_earlier(latest: str, earlier: list[tuple[int, str, str]], lang: str = "en") -> str:
    """The latest answer's panel, then the panels of earlier answers (turn, question, panel),
    newest first, each folded under its question: a marker in an old message still has its
    passage to go to (a browser unfolds it), and the latest answer stays in view. Headed in the
    language of the latest question, ``lang``, as the panel above it."""
    if not earlier:
        return latest
    folds = "".join(f'<details class="qa-turn"><summary{_full(question)}>{esc(shortened(question, FOLDED_QUESTION_CHARS))}</summary>'
                    f'{panel}</details>' for _turn, question, panel in earlier)
    return f'{latest}<section class="qa-earlier"><h2>{esc(words(lang)["earlier"])}</h2>{folds}</section>'


# ------------------------------------------------------------------ header and status
def page_title(docs: list[Document], lang: str = "en") -> str:
    return words(lang)["title_documents" if len(docs) > 1 else "title_article"]


def header_html(docs: list[Document], lang: str = "en") -> str:
    """Title and a subtitle naming the document(s) the answers come from, in the page's language."""
    w = words(lang)

    def fill(key: str, **shown: str) -> str:  # our words escaped, with pieces already escaped
        return esc(w[key]).format(**shown)

    def named(title: str, date: str = "") -> str:
        return fill("doc_named", title=esc(title)) + (fill("doc_dated", date=esc(date)) if date else "")

    if len(docs) == 1:
        subtitle = fill("subtitle", names=named(docs[0].title, docs[0].date))
    elif docs:
        told = titles_told_apart(docs)
        shown = esc(w["doc_sep"]).join(named(told[d.id]) for d in docs[:3])
        more = fill("and_more", k=str(len(docs) - 3)) if len(docs) > 3 else ""
        subtitle = fill("subtitle", names=fill("n_documents", n=str(len(docs)), shown=shown, more=more))
    else:
        subtitle = fill("subtitle_none")
    return f'<div class="qa-header"><h1>{esc(page_title(docs, lang))}</h1><p>{subtitle}</p></div>'


def status_html(state: str, message: str) -> str:
    """One line under the header: warming up (with the latest progress message), ready, failed."""
    return f'<div class="qa-status qa-{esc(state)}"><span class="qa-dot"></span>{esc(message)}</div>'
