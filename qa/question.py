"""Understand a question before searching: its expected answer type, its key words, and
whether it leans on the conversation ("How did he describe it?").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Callable

from . import abbreviations
from .compounds import is_compound
from .contrast import OPPOSITES
from .corpus import plain
from .crosslingual import has_cjk, latin_names, listed_names, to_english, translate_words
from .intent import TEXT_KINDS, small_talk
from .languages import SPANISH_WORDS, identify, latin_apart, stop_words
from .lexical import UNSPLIT_LANGUAGES, stopwords, tokenize, zipf
from .spanish import SPANISH_MARGIN, an_opening_word, as_written, is_common_word
from .sports import ASKS_SCORE
from .types import REFUSALS

MAX_QUESTION_CHARS = 2000
MAX_RESOLVED_TURNS = 4  # how far back a chain of follow-ups is read

_PRONOUN = re.compile(r"\b(he|she|it|its|they|them|their|his|her|hers|him|this|that|these|those|"
                      r"the company|the firm|the system|there|then|"
                      r"él|ella|ellos|ellas|lo|le|les|su|sus|eso|esto|ese|esa|este|esta|al respecto|allí|ahí|allá)\b|[它他她]", re.I)
# Spanish object pronouns that are also articles: "¿Qué modelo las impulsa?" (them) but "¿Cuándo
# salen las gafas?" (the). An article's noun agrees with it, so "las"/"los" before a word not in -s
# is the pronoun before its verb ("las impulsa", "los venden"); "la" is read as one only before a
# verb's ending no singular noun has ("la lanzaron", "la venderán", "la presentó")
_CLITIC = re.compile(r"\b(?:las|los)\s+(?!(?:que|cuales|cuáles|de|del|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|"
                     r"diez|cien|mil|más|mas|demás|demas)\b)[^\W\d_]*[^\W\d_s]\b"
                     r"|\bla\s+[^\W\d_]+(?:aron|ieron|ará|erá|irá|arán|erán|irán|aban|ían|ó)\b", re.I)
# what opens an elliptical follow-up: "And Tencent?", "What about the price?", "¿Y Baidu?"
_OPENER = r"and|but|also|what about|how about|what of|y|y qué hay de|qué hay de"
# ... or a time: "and last year?" after "how many runners finished" asks it of last year
_QUALIFYING_TAIL = re.compile(rf"^\W*(?:{_OPENER})\s+(?:in|on|at|for|during|after|before|with|without|by|from|under|"
                              r"over|inside|outside|within|en|para|con|sin|durante|antes|después|"
                              r"(?:the\s+)?(?:last|previous|prior|next|following)\s+(?:year|season|quarter|month|week|time|one)|"
                              r"the\s+(?:year|season|quarter|month|week|day)\s+before|a\s+year\s+(?:ago|earlier|before)|"
                              r"(?:19|20)\d\d|yesterday|tomorrow|el\s+año\s+pasado)\b", re.I)
_OPENING = re.compile(rf"^\W*(?:{_OPENER})\s+", re.I)
_ELLIPSIS = re.compile(rf"^\W*(?:{_OPENER}|so|和|那)\b|呢\W*$", re.I)  # ... and "百度呢？"
# a question that asks something of its own: a question word or an auxiliary opens it (any word
# of a Chinese one): "What did Baidu showcase?" stands alone after any earlier question
_ASKS = re.compile(r"^\W*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                   r"will|would|should|has|have|had|qué|que|quién|quien|quiénes|cuál|cuáles|cuándo|dónde|"
                   r"cómo|cuánto|cuántos|cuántas|por qué)\b|什么|谁|哪|多少|几|何时|怎么|如何|吗", re.I)
# what a question's frame adds to its words without saying what it is about ("How many?")
_HOW_COME = re.compile(r"\bhow\s+come\b", re.I)  # "How come?" asks why: "come" is frame there
_FRAME = {"mani", "much", "els", "realli", "exactli", "again", "long", "kind", "type", "sort", "one", "on"}
# after "what about" and the like, a lower-case word with no article before it is most likely a
# name typed in lower case ("what about baidu?"), not a thing of the earlier answer ("and the price?")
_ELLIPTICAL_NAME = re.compile(rf"^\W*(?:{_OPENER})\s+"
                              r"(?!(?:the|a|an|its|their|his|her|el|la|los|las|un|una|su|sus)\b)(\w[\w-]*(?:\s+\w[\w-]*)?)\W*$",
                              re.I)
# a question word and at most two words after it: what a fragment can be ("Which chips?", "How
# much milk?", "According to which firm?")
_FRAGMENT = re.compile(r"\W*(?:which|what|whose|how (?:many|much|long|far|often|old)|according to (?:whom|which|what))"
                       r"((?:\s+[\w'’-]+){0,2})\W*", re.I)
# how a correction opens: "no, I meant", "sorry, I mean", "Sorry, I got the sites mixed up, I meant"
_CORRECTING = r"^\W*(?:(?:no|nope|sorry|oops|actually|my\s+bad|my\s+mistake)\b(?:[^.?!]{0,60}?[\s,.!])?[\s,.!]*)?i\s+(?:meant|mean)\s+"
# a correction of the earlier question's subject: "no, I meant Metax", "sorry, I mean Baidu", "No, Alibaba",
# "sorry, I meant the Groveport one"
_CORRECTION = re.compile(_CORRECTING +
                         r"(?!(?:the|a|an|its|his|her|their|this|that)\b(?!\s+(?-i:[A-Z])))(?=(?:[\w'’-]+\s*){1,4}\W*$)"
                         r"|^\W*(?:no|nope|sorry|oops|actually)\b[\s,.!]+"
                         r"(?=(?:the\s+)?(?-i:[A-Z][\w'’-]*(?:\s+[A-Z0-9][\w'’-]*){0,3})(?:\s+\w+)?\W*$)", re.I)
# a correction followed by the question it corrects: "Sorry, I meant the Crispa. How big is that
# one?", "No, I meant for the national team. How many games?": what it names is kept, the lead dropped
# ("Sorry, I got the sites mixed up, I meant the Birmingham one. What's happening there?"); what
# it sets aside goes ("Sorry, I meant protein, not fibre.")
# a question word after a comma ends a correction too ("sorry i meant the archaeologist not the minister, what did she say")
_THEN_ASKS = r",\s*(?:what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)\b"
_CORRECTION_LEAD = re.compile(rf"{_CORRECTING}(?!(?:it|that|this|so|well)\W*[.?!])(?=[^.?!]+(?:(?:[.?!]|\s[-–—])\s+\S|{_THEN_ASKS}))", re.I)  # not "I mean it."
# how a reader says the next question is about something else ("unrelated, but …", "diff question -
# …", "ok different topic, …", "on another note, …"): the lead goes and the question stands alone,
# unless "he" or "she" in it is someone the conversation named
_SWITCH_LEAD = re.compile(r"^\W*(?:(?:ok(?:ay)?|so|alright|right|anyway)\W+)?"
                          r"(?:(?:a\s+|on\s+(?:a|an)\s+|on\s+)?(?:(?:totally|completely)\s+)?"
                          r"(?:diff(?:erent)?|unrelated|separate|other|another|new)\s+(?:question|topic|subject|thing|note|matter)"
                          r"|(?:unrelated|off[\s-]topic|(?:changing|change\s+of)\s+(?:the\s+)?(?:subject|topic)"
                          r"|switching\s+(?:gears|topics?)|moving\s+on)(?=\s*(?:,?\s*but\b|[,.:;!–—-])))"  # not "Unrelated donors gave …"
                          r"\b(?:\s*,?\s*but\b)?[\s,.:;!–—-]*(?=\w)", re.I)
_NOT_THAT = r"(?:not|rather\s+than|instead\s+of)"
_SET_ASIDE = re.compile(rf"(?i:({_CORRECTING}[^.?!,]+?),?\s+{_NOT_THAT}\s+[^.?!,]+?(\W*)$)")
# what the correction sets aside before the question it opens ("their product plans, not staff - is
# anything delayed?")
_SET_ASIDE_BEFORE = re.compile(rf",?\s+{_NOT_THAT}\s+[^.?!,–—-]+?(?=\s*(?:[.?!]\s|\s[-–—]\s|{_THEN_ASKS}))", re.I)
# a correction that swaps one word of the earlier question for another ("sorry i meant cordoba not
# seville" after "what has the mayor of seville done?"): the earlier question, with the swap made
_INSTEAD = re.compile(rf"(?i:{_CORRECTING}(?:the\s+|a\s+|an\s+)?(?P<new>[^.?!,]+?),?\s+{_NOT_THAT}\s+(?:the\s+|a\s+|an\s+)?(?P<old>[^.?!,]+?)\W*$)")


# "And the lower one?" after "How well did the higher dose work?", "and the old one?" after "what was
# the new record temp": the earlier question asked again with the word it contrasts with swapped
_OTHER_ONE = re.compile(r"^\W*(?:and|but|what about|how about|what of)\s+(?:the\s+)?(?P<new>[a-z]+)(?:\s+ones?)?\W*$", re.I)
_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "last", "next", "previous")
_CONTRASTS = {**{w: set(o) for w, o in OPPOSITES.items()}, "new": {"old", "previous", "former"},
              "old": {"new", "current"}, "previous": {"new", "current", "latest"}, "former": {"new", "current"},
              "current": {"old", "previous", "former"}, "latest": {"previous"}, "home": {"away"}, "away": {"home"},
              "winning": {"losing"}, "losing": {"winning"}}
for _w in _ORDINALS:
    _CONTRASTS[_w] = _CONTRASTS.get(_w, set()) | (set(_ORDINALS) - {_w})


def _contrasted(text: str, earlier: str) -> str | None:
    """The earlier question with the word ``text`` contrasts swapped for it ("and the old one?"
    after "what was the new record?": "what was the old record?"), or None."""
    m = _OTHER_ONE.match(text)
    if m is None:
        return None
    earlier, new = written_out(clean(earlier)), m["new"].lower()
    for old in sorted(_CONTRASTS.get(new, ())):
        said = re.compile(rf"(?<![\w'’-]){re.escape(old)}(?![\w'’-])", re.I)
        if said.search(earlier):
            return said.sub(new, earlier, count=1)
    return None


def _swapped(text: str, earlier: str) -> str | None:
    """The earlier question with the word or words a correction sets aside replaced by the ones it
    means, or None when the earlier question doesn't write them."""
    m = _INSTEAD.match(text)
    if m is None:
        return None
    said = re.compile(rf"(?<![\w'’-]){re.escape(m['old'].strip())}(?![\w'’-])", re.I)
    return said.sub(lambda _: m["new"].strip(), earlier, count=1) if said.search(earlier) else None


POSSESSIVE = re.compile(r"['’]s?$")  # "Metax's", "Mercers’": the name without it
_VERB_ENDING = re.compile(r"\w(?:s|ed)\W*$")  # "Which law applies?": a verb of its own
# a verb a question asks with: "Where was the conference held?" has one, "Which chips?" none
_AUXILIARY = re.compile(r"\b(is|are|was|were|be|been|being|do|does|did|done|has|have|had|can|could|will|would|"
                        r"should|may|might|must|shall|es|son|fue|fueron|está|están|hay|se|ha|han)\b|['’](s|re|ve|ll|d)\b",
                        re.I)
_TYPES = [
    ("number", re.compile(r"\b(how (many|much|long|far|old|big|large|tall|high|often|fast|hot|cold|warm|deep|wide|heavy|thick|steep)|what (number|percentage|percent|amount|size)|which year|what year)\b", re.I)),
    ("date", re.compile(r"\b(when|what (date|day|month|time|century|decade|period)|since when|which (date|day|month|century|decade))\b", re.I)),
    ("person", re.compile(r"\b(who|whom|whose|which person|what person|what is the name of the (ceo|founder|president|leader))\b", re.I)),
    ("place", re.compile(r"\b(where|which (city|country|place|region|state|town|continent)|what (city|country|place|region|state|town|continent))\b", re.I)),
    ("reason", re.compile(r"\b(why|what (caused|causes|led to)|for what reason|how come)\b", re.I)),
    ("list", re.compile(r"\b(which|what) (\w+ ){0,2}(are|were)\b|\b(list|name (the|all)|each|both)\b", re.I)),
]
# The same types asked in Spanish: its question words carry an accent, which a hurried typist may
# leave off at the start ("cuantos chips ...")
_OPENS_ES = r"(?:^|[¿¡]|[.?!]\s+)\W*"
_TYPES_ES = [
    ("number", re.compile(r"(?<!\ben )\bcu[aá]nt[oa]s?\b(?! a\b)|\b(qu[eé]|cu[aá]l) (año|número|porcentaje|cantidad|tamaño|edad)\b", re.I)),
    ("date", re.compile(rf"\bcu[aá]ndo\b|\bqu[eé] (fecha|d[ií]a|mes|hora|siglo|d[eé]cada)\b|{_OPENS_ES}cuando\b", re.I)),
    ("person", re.compile(rf"\bqui[eé]n(es)?\b|{_OPENS_ES}quien(es)?\b", re.I)),
    ("place", re.compile(r"\b(a|de)?d[oó]nde\b|\b(qu[eé]|cu[aá]l) (ciudad|pa[ií]s|lugar|regi[oó]n|estado|pueblo|continente)\b", re.I)),
    ("reason", re.compile(r"\bpor qu[eé]\b|\bqu[eé] (caus[oó]|motiv[oó]|llev[oó] a)\b|\bpara qu[eé]\b|\bcu[aá]l (es|fue) (la raz[oó]n|el motivo)\b", re.I)),
    ("list", re.compile(r"\bcu[aá]les\b|\bqu[eé] (\w+ ){0,2}(son|eran|fueron)\b|\b(enumera|nombra|cada uno|ambos|ambas)\b", re.I)),
]
# The same types in French, German, Italian and Portuguese: their question words only (the
# engine reads these languages through the multilingual models; a type lets the ranker favour a
# sentence with a number, a date or a name, and a "how many" with no number in its answer be refused)
_TYPES_OTHER = {
    "fr": [("number", re.compile(r"\bcombien\b|\bquel(le)?s? (année|nombre|pourcentage|âge|taille)\b", re.I)),
           ("date", re.compile(r"\bquand\b|\bquel(le)? (date|jour|mois|heure|siècle)\b|\bdepuis quand\b", re.I)),
           ("person", re.compile(r"(?<!est-ce )\bqui\b", re.I)),
           ("place", re.compile(r"(?:^|\W)o[uù]\b|\bquel(le)? (ville|pays|lieu|région)\b", re.I)),
           ("reason", re.compile(r"\bpourquoi\b", re.I))],
    "de": [("number", re.compile(r"\bwie (viele?|lange|weit|alt|groß|hoch|oft)\b|\bwelche[rsmn]? (jahr|zahl|anteil)\b", re.I)),
           ("date", re.compile(r"\bwann\b|\bseit wann\b|\ban welchem (tag|datum)\b", re.I)),
           ("person", re.compile(r"\bwer\b|\bwe[nm]\b", re.I)),
           ("place", re.compile(r"\bwo(hin|her)?\b|\bin welche[rm]? (stadt|land|region)\b", re.I)),
           ("reason", re.compile(r"\bwarum\b|\bweshalb\b|\bwieso\b", re.I))],
    "it": [("number", re.compile(r"\bquant[aieo]\b|\bquale (anno|numero|percentuale|età)\b|\bin che anno\b", re.I)),
           ("date", re.compile(r"\bquando\b|\bin che (data|giorno|mese)\b|\bda quando\b", re.I)),
           ("person", re.compile(r"\bchi\b", re.I)),
           ("place", re.compile(r"\bdove\b|\bin quale (città|paese|regione)\b", re.I)),
           ("reason", re.compile(r"\bperch[eé]\b|\bcome mai\b", re.I))],
    "pt": [("number", re.compile(r"\bquant[ao]s?\b|\b(qual|que) (ano|número|percentagem|porcentagem|idade)\b", re.I)),
           ("date", re.compile(r"\bquando\b|\b(em )?que (data|dia|mês)\b|\bdesde quando\b", re.I)),
           ("person", re.compile(r"\bquem\b", re.I)),
           ("place", re.compile(r"\bonde\b|\b(qual|que) (cidade|país|lugar|região)\b", re.I)),
           ("reason", re.compile(r"\bpor ?que\b|\bpor quê\b", re.I))],
    # Russian; Japanese and Korean join their particles to a word, so no word boundaries there
    # (a bare どこ/어디 "where" also asks which firm: "調査会社はどこですか", so only "where at")
    "ru": [("number", re.compile(r"\bскольк\w*\b|\bв каком году\b|\bкакой процент\b", re.I)),
           ("date", re.compile(r"\bкогда\b|\bкакого числа\b|\bв какой день\b|\bс каких пор\b", re.I)),
           ("person", re.compile(r"\b(кто|кого|кому|кем|чей|чья|чь[её]|чьи)\b|\bо ком\b", re.I)),
           ("place", re.compile(r"\b(где|куда|откуда)\b|\bв каком (городе|месте|регионе)\b|\bв какой стране\b", re.I)),
           ("reason", re.compile(r"\b(почему|зачем|отчего)\b|\bпо какой причине\b", re.I))],
    "ja": [("number", re.compile(r"いくつ|幾つ|いくら|どれ(くらい|ぐらい|だけ)|どの(くらい|ぐらい)|何(人|名|個|台|回|社|枚|件|本|種類|"
                                 r"[かカヶヵ]国|倍|割|パーセント|[%％]|千|百|万|億|年|[かカヶヵ]月|日間|時間|分|秒)")),
           ("date", re.compile(r"いつ(?![もか])|何月|何日|何曜日")),
           ("person", re.compile(r"誰|だれ|どなた|何者")),
           ("place", re.compile(r"どこ(で(?!す|しょ)|に|へ|から)|どこの(国|都市|町|街)|どの(国|都市|町|場所|地域)")),
           ("reason", re.compile(r"なぜ|何故|どうして|なんで(?!も)"))],
    "ko": [("number", re.compile(r"몇|얼마(?!나)|얼마나\s*(많|오래|걸|자주|크|길)")),
           ("date", re.compile(r"언제|며칠")),
           ("person", re.compile(r"누구|누가|누군")),
           ("place", re.compile(r"어디\s*(서|에서|에|로)|어느\s*(나라|도시|곳|지역|국가)")),
           ("reason", re.compile(r"(?<![가-힣])왜(?!곡)|어째서|무슨\s*이유"))],
}
# and the measures a question in French, German, Italian, Portuguese, Russian, Japanese or Korean
# asks for (each a price first: "Combien vont coûter …", "Wie viel kostet …")
_MEASURES_OTHER = {
    "fr": [("money", re.compile(r"\bcombien\b(?=.*\b(co[uû]t\w*|pa(y|i)\w*|prix|vend\w*)\b)|\bquel(le)? est le (prix|co[uû]t)\b", re.I)),
           ("year", re.compile(r"\b(en|de) quelle année\b|\bquelle année\b", re.I)),
           ("month", re.compile(r"\ben quel mois\b|\bquel mois\b", re.I)),
           ("percent", re.compile(r"\bquel pourcentage\b|\bcombien de pour ?cent\b", re.I)),
           ("clock", re.compile(r"\bà quelle heure\b", re.I)),
           ("age", re.compile(r"\bquel âge\b", re.I)),
           ("duration", re.compile(r"\bcombien de temps\b", re.I)),
           ("weight", re.compile(r"\bcombien (?:p[eè]s\w*)\b|\bquel (?:est (?:le |son )?)?poids\b", re.I)),
           ("length", re.compile(r"\bquelle (?:est (?:la |sa )?)?(?:hauteur|profondeur|largeur|altitude|distance)\b|\bà quelle distance\b", re.I)),
           ("temperature", re.compile(r"\bquelle (?:est (?:la )?)?temp[ée]rature\b|\bcombien de degr[ée]s\b", re.I))],
    "de": [("money", re.compile(r"\bwie ?viel\b(?=.*\b(kost\w*|zahl\w*|preis\w*|verkauf\w*)\b)|\bwas kostet\b|\bwelchen preis\b", re.I)),
           ("year", re.compile(r"\b(in|seit) welchem jahr\b|\bwelches jahr\b", re.I)),
           ("month", re.compile(r"\bin welchem monat\b", re.I)),
           ("percent", re.compile(r"\bwie ?viel prozent\b|\bwelchen? (prozentsatz|prozentanteil)\b", re.I)),
           ("clock", re.compile(r"\bum wie ?viel uhr\b|\bum welche uhrzeit\b", re.I)),
           ("age", re.compile(r"\bwie alt\b", re.I)),
           ("duration", re.compile(r"\bwie lange\b", re.I)),
           ("weight", re.compile(r"\bwie schwer\b|\bwie ?viel wieg\w*|\bwelches gewicht\b", re.I)),
           ("length", re.compile(r"\bwie (?:tief|breit|dick|weit entfernt)\b|\bwie hoch (?:ist|sind|war|waren) (?:der|die|das) (?:berg|turm|gebäude|rakete)\b", re.I)),
           ("temperature", re.compile(r"\bwie (?:heiß|heiss|kalt|warm)\b|\bwelche temperatur\b|\bwie ?viel grad\b", re.I))],
    "it": [("money", re.compile(r"\bquanto\b(?=.*\b(cost\w*|pag\w*|prezzo|vend\w*)\b)|\bqual è il (prezzo|costo)\b", re.I)),
           ("year", re.compile(r"\bin (che|quale) anno\b|\bche anno\b", re.I)),
           ("month", re.compile(r"\bin (che|quale) mese\b", re.I)),
           ("percent", re.compile(r"\b(quale|che) percentuale\b|\bquanti per ?cento\b", re.I)),
           ("clock", re.compile(r"\ba che ora\b|\ba quale ora\b", re.I)),
           ("age", re.compile(r"\bquanti anni ha\w*\b|\bche età\b", re.I)),
           ("duration", re.compile(r"\b(per )?quanto tempo\b|\bquanto dur\w*", re.I)),
           ("weight", re.compile(r"\bquanto pes\w*|\b(?:qual|che) (?:è )?(?:il )?peso\b", re.I)),
           ("length", re.compile(r"\bquanto (?:è|sono) (?:alt|profond|larg)\w*|\b(?:quale|che) (?:è )?(?:l[a'’] ?)?(?:altezza|profondità|larghezza|distanza)\b|\bquanto dista\b", re.I)),
           ("temperature", re.compile(r"\b(?:quale|che) temperatura\b|\bquanti gradi\b", re.I))],
    "pt": [("money", re.compile(r"\bquanto\b(?=.*\b(cust\w*|pag\w*|preço|vend\w*)\b)|\bqual (é|o) (o )?(preço|custo)\b", re.I)),
           ("year", re.compile(r"\bem (que|qual) ano\b|\bque ano\b", re.I)),
           ("month", re.compile(r"\bem (que|qual) mês\b", re.I)),
           ("percent", re.compile(r"\b(que|qual)( é| e)?( a| o)? (porcentagem|percentual)\b|\bquantos por ?cento\b", re.I)),
           ("clock", re.compile(r"\b(a|às) que horas\b", re.I)),
           ("age", re.compile(r"\bquantos anos tem\b|\bqual (é )?a idade\b", re.I)),
           ("duration", re.compile(r"\b(por )?quanto tempo\b|\bquanto dur\w*", re.I)),
           ("weight", re.compile(r"\bquanto pes\w*|\bqual (?:é )?o peso\b", re.I)),
           ("length", re.compile(r"\bqual (?:é )?a (?:altura|profundidade|largura|distância)\b|\ba que distância\b", re.I)),
           ("temperature", re.compile(r"\bqual (?:é )?a temperatura\b|\bquantos graus\b", re.I))],
    "ru": [("money", re.compile(r"\b(сколько|почём|почем)\b(?=.*\b(сто[иія]\w*|плат\w*|заплат\w*|денег|долларов|юаней|рублей|евро)\b)"
                                r"|\b(цен[аыу]|стоимост[ьи])\b", re.I)),
           ("year", re.compile(r"\bв (каком|котором) году\b|\bкакого года\b", re.I)),
           ("month", re.compile(r"\bв каком месяце\b", re.I)),
           ("percent", re.compile(r"\bкакой процент\b|\bсколько процентов\b|\bкакая доля\b", re.I)),
           ("clock", re.compile(r"\bво сколько\b|\bв котором часу\b", re.I)),
           ("duration", re.compile(r"\bкак долго\b|\bсколько (времени|дней|лет|часов|минут|недель|месяцев)\b", re.I)),
           ("weight", re.compile(r"\bсколько вес\w*|\bкакой вес\b|\bкаков вес\b", re.I)),
           ("length", re.compile(r"\bкакой (?:высоты|глубины|ширины|длины)\b|\bкакова (?:высота|глубина|ширина)\b|\bна каком расстоянии\b", re.I)),
           ("temperature", re.compile(r"\bкакая температура\b|\bсколько градусов\b", re.I))],
    "ja": [("money", re.compile(r"いくら|何(円|ドル|元)|(値段|価格|費用|料金|コスト|売価|定価|給料|報酬)(は|が|って|を)")),
           ("year", re.compile(r"何年(?!間|前|後|ぶり|目|生)|何年度")),
           ("month", re.compile(r"何月")),
           ("percent", re.compile(r"何(パーセント|[%％]|割)|割合|比率")),
           ("clock", re.compile(r"何時(?!間)")),
           ("age", re.compile(r"何歳|年齢")),
           ("duration", re.compile(r"何(日|年|時|週|か月|ヶ月|カ月)間|どれ(くらい|ぐらい)の期間|どの(くらい|ぐらい)の期間|"
                                   r"(どれ|どの)(くらい|ぐらい)(続|かか)")),
           ("weight", re.compile(r"重さ|重量|何(グラム|キロ|トン)")),
           ("length", re.compile(r"高さ|深さ|距離|何(メートル|キロメートル|センチ)")),
           ("temperature", re.compile(r"温度|気温|何度"))],
    "ko": [("money", re.compile(r"얼마(?!나)|가격|비용|요금|값(은|이)")),
           ("year", re.compile(r"몇\s*년(?!\s*(간|동안|전|후))|몇\s*년도|어느\s*해")),
           ("month", re.compile(r"몇\s*월")),
           ("percent", re.compile(r"몇\s*(%|퍼센트|프로)|비율")),
           ("clock", re.compile(r"몇\s*시(?!간)")),
           ("age", re.compile(r"몇\s*살|나이")),
           ("duration", re.compile(r"얼마나\s*(오래|걸)|몇\s*(년|시간|일|달|개월|주)\s*(간|동안)|기간")),
           ("weight", re.compile(r"무게|얼마나\s*무거|몇\s*(그램|킬로|톤)")),
           ("length", re.compile(r"높이|깊이|거리|몇\s*(미터|킬로미터|센티)")),
           ("temperature", re.compile(r"온도|기온|몇\s*도"))],
}
# whether something costs nothing: "Is Baidu's tool free to use?", "Is there free parking?", "Do members
# get in free?" (not "free to leave", "free from bugs": a liberty, a lack); a price answers it, and so
# does a sentence saying it is paid for ("Satellite messaging requires a subscription plan")
ASKS_FREE = re.compile(r"^\W*(?:is|are|was|were|will|would|does|do|did|can|could)\b[^?]*?\b(?:free(?=\s*(?:\?|$|to\s+(?:use|enter|"
                       r"attend|visit|download|watch|play|stream|try)\b|for\b|of\s+charge\b|on\b|at\b|with\b|"
                       r"(?:parking|entry|admission|shipping|delivery|returns?|wi-?fi|tickets?|shuttle|trials?|tier|version|"
                       r"access|tours?)\b))|cost\s+anything\b|charge\s+(?:anything|for)\b)", re.I)
PAID = re.compile(r"\b(?:subscriptions?|paid|pay|pays|charged?|charges|fees?|costs?|priced?|premium|free)\b", re.I)

# The measure a question asks for, finer than its type (Li and Roth's 2002 answer types NUM:money,
# NUM:period, NUM:perc): "How much does the LumaPod cost?" is not answered by "320 lux", nor "What
# time does the session start?" by "April 2", nor "What year ...?" by "one of the best".
_MEASURES = [
    ("year", re.compile(r"\b(what|which) year\b(?! (group|level|olds?)\b)", re.I)),  # "Year 9" is a school class
    ("month", re.compile(r"\b(what|which) month\b|\bin what month\b", re.I)),  # not answered by "in 1974"
    ("percent", re.compile(r"\b(what|which) (percent|percentage|proportion|fraction)\b|\bwhat share\b", re.I)),
    ("clock", re.compile(r"\bwhat time of (the )?day\b|\b(what|which) (time|hour) (does|do|did|will|is|are|was|were)\b.*"
                         r"\b(start|begin|open|close|end|leave|depart|arrive|finish|kick off|run)s?\b", re.I)),
    # money: "how much" with a word of paying ("How much time do they spend?" asks for time), "what is the
    # price/cost/fee ..." ("the cost of living", "the human cost" are no price), "what does ... cost"
    ("money", re.compile(r"\bhow much\b(?! time\b)(?!\s+of\b)(?=.*\b(costs?|charge[sd]?|pa(y|ys|id)|spen(d|ds|t)|priced?|fees?|fares?|worth|"
                         r"earn(s|ed)?|rais(e|es|ed)|money|budget|salary|rent|tickets?|admission|bid|profits?|revenues?|income)\b"
                         # "How much did Veltrana make last quarter?" (no thing named after "how much")
                         r"|\s+(?:did|does|do|will|would|has|have|had|can|could)\s+(?:[\w'’-]+\s+){1,3}(?:make|makes|made|making)\b"
                         # "How much is she selling it for?", "How much did it go for?"
                         r"|.*\b(?:sell(?:s|ing)?|sold|buy(?:s|ing)?|bought|go(?:es)?|went|going)\s+(?:\w+\s+){0,2}for\b)"
                         r"|\bwhat(?: is|['’]s| was| are| were)? (?:the |a |an |its |their )?"
                         r"(?:(?!human |social |environmental |emotional |political |moral |opportunity |personal )\w+ )?"
                         r"(price|cost|fee|fare|salary)(?:s(?! and))?\b(?! of living)"
                         r"|\bwhat (?:does|did|do|will|would) .+ cost\b"
                         rf"|{ASKS_FREE.pattern}", re.I)),
    # a person's age: "How old is Daniel Okafor?", "… was she", "… were the victims" (not "How old are
    # the gravestones?", "At what age do immune responses decline?": SQuAD's answers are spans of time)
    ("age", re.compile(r"\b[Hh]ow old (?:is|was|were|are)\b[^?]*\bwhen (?:he|she|they|I|you|we)\b|"
                       r"\b[Hh]ow old (?:is|was|were|are|will|would|does|did|do)\s+(?:"
                       r"(?:(?:[Cc]EO|[Mm]ayor|[Dd]r\.?|[Mm]rs?\.?|[Mm]s\.?|[Pp]rofessor|[Pp]resident)\s+"  # a name ("Joost van Aarle")
                       r"|(?:the|a|an)\s+(?:[a-z-]+\s+){1,2})?"  # after what the person does ("the fisherman Nikola Zuanic")
                       r"[A-Z][\w’'-]+(?:\s+(?:van|von|de|der|da|di|du|la|le|bin|al))*\s+[A-Z]|(?:he|she|they|I|you|we)\b|"
                       r"(?:(?:the|a|an|my|your|his|her|their|our|this|that)\s+)?(?:[a-z]+\s+)?"  # "the three people"
                       r"(?:baby|babies|child|children|kids?|boy|girl|man|woman|men|women|people|person|writer|author|"
                       r"players?|victims?|patients?|students?|founder|owner|chef|coach|manager|pilot|driver)\b)")),
    ("score", ASKS_SCORE),  # "What was the final score?" (qa/sports.py)
    ("duration", re.compile(r"\bhow long\b", re.I)),
    # a physical size, asked by the adjective of its dimension ("How heavy are the glasses?": "weigh
    # 68 grams", not "too heavy"); "how high" and "how far" only of a thing's place or height ("How
    # far is Fresno from Los Angeles?", "How high is Mount Bogong?"), as "How far did shares fall?"
    # and "How high did prices climb?" ask for a share or a sum
    ("weight", re.compile(r"\bhow heavy\b|\bhow much (?:does|do|did|will|would|can|could) (?:[\w'’-]+ ){1,4}weigh\b"
                          r"|\bwhat(?: is|['’]s| was| are| were)? (?:the |its |their |his |her )?weight\b", re.I)),
    ("length", re.compile(r"\bhow (?:tall|deep|wide|thick)\b|\bhow high (?:is|are|was|were)\b(?!.*\b(?:rate|price|prices|cost|costs|"
                          r"inflation|unemployment|share|shares|stock|index|tax|taxes|score|rank|ranked|ranking)\b)"
                          r"|\bhow far (?:is|are|was|were)\b.*\bfrom\b|\bhow far (?:away )?(?:is|are|was|were)\b(?!.*\b(?:behind|ahead)\b)"
                          r"|\bhow far (?:away )?from\b"
                          r"|\bwhat(?: is|['’]s| was| are| were)? (?:the |its |their )?(?:height|width|depth|altitude|elevation|"
                          r"wingspan|diameter)\b", re.I)),
    ("temperature", re.compile(r"\bhow (?:hot|cold|warm)\b|\bwhat(?: is|['’]s| was| are| were)? (?:the |its )?"
                               r"(?:(?:average|mean|maximum|minimum|highest|lowest|record) )?temperatures?\b", re.I)),
]
# The same measures asked in Spanish and Chinese (the text answering is English either way): a
# translated question's glosses come in Chinese word order, so the question itself is read
_MEASURES_ES = [
    ("year", re.compile(r"\b(qu[eé]|cu[aá]l) año\b", re.I)),
    ("month", re.compile(r"\b(qu[eé]|cu[aá]l) mes\b", re.I)),
    ("percent", re.compile(r"\bqu[eé] (porcentaje|proporci[oó]n)\b|\bcu[aá]l es el porcentaje\b", re.I)),
    ("clock", re.compile(r"\b(a|para) qu[eé] hora\b", re.I)),
    # "¿Cuánto van a costar?", "¿Cuánta financiación ha conseguido?" ("cuánto tiempo" asks for time);
    # "¿Cuánto ganó?" is earnings, "¿Por cuánto ganó?" a margin ("4-2")
    ("money", re.compile(r"(?<!\ben )\bcu[aá]nt[oa]\b(?! tiempo\b)(?! a\b)(?=.*\b(dinero|cuesta|cuestan|cost[oó]|costaron|costar[aá]?n?|"
                         r"vale|valen|val[ií]a|pag(a|an|ar|[oó]|aron)|cobr(a|an|ar|[oó])|recaud\w*|"
                         r"precio|financiaci[oó]n|inversi[oó]n|invirti\w*|invierte|salario|sueldo|tarifa|entradas?|billetes?)\b)"
                         r"|(?<!\bpor )(?<!\ben )\bcu[aá]nt[oa]\b(?! tiempo\b)(?! a\b)(?=.*\bgan(a|an|[oó])\b)"
                         r"|\b(cu[aá]l|qu[eé]) (es|era|fue|ser[aá]) (el|la|su) (precio|costo|coste|tarifa|salario|sueldo|"
                         r"cotizaci[oó]n|valor de mercado|valoraci[oó]n)\b|\bqu[eé] (precio|costo|coste|tarifa)\b", re.I)),
    ("age", re.compile(r"\b(?:a )?[Qq]u[eé] edad\b|\b[Cc]u[aá]ntos años (?:tiene|ten[ií]a|tienen|ten[ií]an|tendr[aá]|cumpli[oó])"
                       r"\s+(?:[A-Z]|él\b|ella\b)")),
    ("duration", re.compile(r"\bcu[aá]nto (tiempo|dura|duran|dur[oó]|duraron|durar[aá]|tarda|tardan|tard[oó])\b", re.I)),
    ("weight", re.compile(r"\bcu[aá]nto (pesa|pesan|pesaba|pesaban|pes[oó])\b|\b(qu[eé]|cu[aá]l es el) peso\b", re.I)),
    ("length", re.compile(r"\bqu[eé] (altura|profundidad|anchura|distancia)\b|\bcu[aá]l es (la|su) (altura|profundidad|anchura|distancia)\b"
                          r"|\ba qu[eé] distancia\b|\bqu[eé] tan (alt|profund|lej)[oa]s?\b|\bcu[aá]n (alt|profund|lej)[oa]s?\b", re.I)),
    ("temperature", re.compile(r"\bqu[eé] temperatura\b|\bcu[aá]ntos grados\b", re.I)),
]
_MEASURES_ZH = [
    ("year", re.compile(r"哪一?年|什么年份|哪个年份|何年")),
    ("month", re.compile(r"哪个月|几月|什么月份|哪一个月")),
    ("percent", re.compile(r"百分之(多少|几)|百分比|(多大|什么|多少)比例|比例是多少|占比多少")),
    ("clock", re.compile(r"几点|(什么|哪个)时间(开始|结束|开门|关门|营业|出发|到达|开放)")),
    ("money", re.compile(r"多少钱|几块钱|(价格|价钱|售价|定价|股价|费用|花费|成本|票价|门票|工资|薪水|薪资|收费|市值|估值|报价)"
                         r"(是|为|有)?(多少|几|什么|多高|怎样|如何)|(多少|什么|哪个)(价格|价钱|价位)|多贵|"
                         # not 多少块芯片 (块 also counts chips and batteries), nor 花多少分钟 (time spent)
                         r"(花|付|融资|筹集|筹得|募集|赚|挣)了?多少(?!\s*(个|秒|分|小时|钟头|天|周|星期|个月|月|年|时间))|"
                         r"(多少|几)(美元|美金|元|块钱|英镑|欧元|人民币)")),
    ("age", re.compile(r"几岁|多少岁|年龄|年纪|岁数")),  # not 多大 (also "how big")
    ("duration", re.compile(r"多久|多长时间|多少时间|(持续|进行|举办|举行)了?(多长|几天|多少天)")),
    ("weight", re.compile(r"多重|重量|多少(公斤|千克|克|吨|磅)")),  # not 多高 alone: "有效率有多高" asks a share
    ("length", re.compile(r"多远|多深|多宽|多厚|(身高|高度|海拔|距离|深度|宽度)(是|为|有)?多少|多少(米|公里|千米|英里|厘米)")),
    ("temperature", re.compile(r"多少度|温度|气温|多热|多冷")),
]
# a name: capitalised words in a row ("Shanghai General Chamber", "Hunyuan3D World Model 1.0")
NAME = re.compile(r"[A-Z][\w’'.&-]*(?:\s+[A-Z0-9][\w’'.&-]*)*")  # qa/span.py reads it too
# what may stand between two names of one list: "X and Y", "X, Y", "X, Y, and Z", "X & Y", "X y Y"
_LIST_JOIN = re.compile(r"(?:\s*,\s*(?:(?:and|y|e)\s+)?|\s+(?:and|y|e)\s+|\s*&\s*)(?:the\s+)?")  # Spanish "y"/"e" too
# question and helper words that start a question capitalised but name nothing
_LEADING_WORD = re.compile(r"(?i)what|which|who|whom|whose|when|where|why|how|is|are|was|were|do|does|did|can|could|"
                           r"will|would|should|has|have|had|and|but|so|tell|name|list|give|explain|describe|"
                           # a conversation's openers and fillers ("Anything else they have to do?", "OK, what …")
                           r"any(?:thing|one|body|where)?|some(?:thing|one|body)|every(?:thing|one|body)|nothing|nobody|"
                           r"please|also|ok|okay|then|now|sorry|just|different|another|yes|yeah|no|nope|right|well|oh|"
                           r"hmm|hey|wait|actually|besides|plus|finally|lastly|next|according|many|"
                           r"qué|quién|quiénes|cuál|cuáles|cuándo|dónde|cómo|cuánto|cuánta|cuántos|cuántas|"
                           r"que|quien|cual|cuando|donde|como|cuanto|cuanta|cuantos|cuantas|por|para|en|y")
_PERSON_PRONOUN = re.compile(r"\b(he|she|him|his|her|hers)\b", re.I)
# the upper- and lower-case letters of Latin-1 ("É", "ñ"), as names are written (qa/span.py reads them too)
LATIN_UPPER, LATIN_LOWER = "A-ZÀ-ÖØ-Þ", "a-zß-öø-ÿ"
# a person's name as written: two or more capitalised words ("Zhao Lidong"); qa/features.py reads it too
PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:(?:\s+[A-Z]\.)*\s+[A-Z][a-z]+)+\b")  # "Charles W. Eliot" too
# words about the document itself ("Which chipmakers are mentioned in the article?"): never evidence
_DOC_WORDS = {"articl", "mention", "passag", "document", "paragraph"}
# what a text does ("What does the article say about Huawei?"): no evidence either, when the
# question is about the text; "What did Zhao Lidong say?" keeps its "say"
_TEXT_VERBS = {"say", "said", "tell", "told", "write", "wrote", "written", "report", "describ", "discuss",
               "cover", "state", "claim", "explain"}
_ABOUT_THE_TEXT = {"articl", "passag", "paragraph"}


@dataclass(frozen=True)
class Question:
    text: str            # as asked (cleaned); the multilingual embedder reads this
    search: str          # what is searched: the text, or for a bare follow-up ("Why?") the earlier question too
    tokens: tuple[str, ...]
    qtype: str           # number, date, person, place, reason, list or other
    english: bool
    followup: bool
    lang: str = "en"     # the language asked in (qa/languages.py): how its words are read
    context: str = ""    # the earlier question a follow-up leans on
    subjects: tuple[str, ...] = ()  # names joined by "and"/commas: each gets its own citation
    respelt: tuple[tuple[str, str], ...] = ()  # (as typed, as read): qa/spelling.py
    aliases: tuple[tuple[str, str], ...] = ()  # (an acronym as typed, the name the text writes out)
    # what the multilingual embedder reads of a question not in English that borrows the earlier
    # one ("¿Por qué?"): both as asked, untranslated; "" for the question as asked
    multilingual: str = ""
    fragment: bool = False  # a follow-up with no verb ("Which chips?"): it may also stand alone
    alone_first: bool = False  # a fragment that stands alone when it can ("¿Dónde se celebró la conferencia?")
    # the names a follow-up turns to ("And Tencent?" after a question about Alibaba's glasses):
    # what it asks is about them, not about what the earlier question's words match
    switched: tuple[str, ...] = ()
    borrowed: tuple[str, ...] = ()  # the earlier question's names a follow-up's pronoun searches with
    measure: str = ""  # money, clock, year, month, percent, duration or a size: what a typed answer must be
    # a question in another language: the names it asks about as English writes them, which
    # the text must write for it to answer ("¿Qué anunció Xiaomi?" of a text that never names it)
    names: tuple[str, ...] = ()
    # a Chinese question in the documents' English words where it has them ("华为在大会上发布了
    # 什么系统" -> "Huawei conference launch what system"): what the reranker reads (qa/engine.py)
    reading: str = ""
    # a question of a conversation that points back in so many words (a pronoun, "And …?",
    # "Why?"), not only by leaving out a subject the conversation named
    refers_back: bool = False
    # a Spanish question: the documents' words its content words read as, and how many content
    # words it has (qa/spanish.py): one mostly in the documents' own words is about them
    aligned: tuple[str, ...] = ()
    content_words: int = 0

    def dense_text(self, text: str) -> str:
        """What the embedders and the re-reading network read of ``text`` (the question or its
        search text): no opening request ("Háblame de Tencent" is about Tencent; e5 put it nearer
        general Spanish text than the article), and the question's acronyms written out as the
        documents write them ("WAIC" means nothing to MiniLM). Word features keep the acronym as
        one word, found in the sentences that write the name out (qa/features.py)."""
        text = without_request(text) or text
        for typed, name in self.aliases:
            text = typed_word(typed).sub(lambda m: name, text)
        return text


def typed_word(word: str) -> re.Pattern:
    """``word`` as a whole word of a text in any script: no Latin letter, digit, apostrophe or
    hyphen either side ("WAIC" in "WAIC在哪里举行", not in "WAICs")."""
    return re.compile(rf"(?<![A-Za-z0-9'’-]){re.escape(word)}(?![A-Za-z0-9'’-])")


# full-width Latin letters and digits (a Chinese keyboard's "ＤｅｅｐＳｅｅｋ", "Ｈ２０") as the
# ASCII the documents write; full-width punctuation stays, as the Chinese rules read it
_FULL_WIDTH = {0xFF10 + k: 0x30 + k for k in range(10)} | {0xFF21 + k: 0x41 + k for k in range(26)} | {
    0xFF41 + k: 0x61 + k for k in range(26)}


def clean(text: str) -> str:
    """Drop control and invisible format characters and collapse whitespace; keep every script."""
    text = plain(text).translate(_FULL_WIDTH)
    text = "".join(ch if ch.isprintable() or ch in "\t\n" else " " for ch in text)
    text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates
    return re.sub(r"\s+", " ", text).strip()


# chat shorthand, typed in lower case, and the words it stands for ("how many ppl were at the game")
_SHORTHAND = {"ppl": "people", "u": "you", "ur": "your", "r": "are", "w": "with", "pls": "please", "plz": "please",
              "bc": "because", "cuz": "because", "coz": "because", "abt": "about", "govt": "government", "biz": "business",
              "stuff": "things",
              "b4": "before", "tho": "though", "hows": "how is", "whats": "what is", "wheres": "where is",
              "whos": "who is", "whens": "when is", "yrs": "years", "yr": "year", "wat": "what", "wut": "what",
              "wot": "what", "qtr": "quarter", "wanna": "want to", "gonna": "going to", "gotta": "have to",
              "rn": "now", "tmrw": "tomorrow", "tmr": "tomorrow", "thru": "through", "hrs": "hours", "mins": "minutes",
              "dept": "department", "bout": "about", "smth": "something", "sth": "something", "kinda": "kind of",
              "prolly": "probably", "rly": "really", "ppls": "people's", "pic": "picture", "pics": "pictures",
              "rep": "representative", "reps": "representatives",
              "wen": "when", "nite": "night", "tonite": "tonight", "stn": "station",
              # question words and "the" with their letters slipped, which no text writes ("wich companies
              # joined …", "how long had she been in teh job"), capitalised as a question opens too
              **{typo: word for word, typos in {"which": "wich whcih wihch whihc", "what": "waht whta",
                                                "how": "hwo", "where": "wehre whree", "the": "teh hte"}.items()
                 for typo in typos.split() + [t.capitalize() for t in typos.split() if word != "the"]}}
# a sum of money a job pays: "£38,249", "$24.95", "€13.20 an hour", "32k", "per annum", "p/h"
_A_SUM = r"[£$€]\s?\d|\b\d[\d,.]*\s?k\b|\bper\s+(?:annum|hour|year|day|week|month)\b|\bp/h\b|\ban\s+hour\b|\bday\s+rate\b"
# everyday words for what a text names formally: a sentence writing the latter counts as writing
# the former, for the word features (qa/features.py), as a title does for "runs" (qa/roles.py)
_EVERYDAY = {word: re.compile(written, re.I) for word, written in {
    "kid": r"\bchild", "kids": r"\bchild(?:ren)?", "kiddies": r"\bchild(?:ren)?", "cop": r"\bpolice",
    "cops": r"\bpolice", "mum": r"\bmother", "mom": r"\bmother", "dad": r"\bfather",
    "telly": r"\btelevision|\bTV\b", "bucks": r"\bdollars?\b|\$\s?\d", "quid": r"\bpounds?\b|£\s?\d",
    # and the other words of one word's family, which stem apart ("Has anyone died?" of "No deaths had
    # been reported", "Was anyone injured?" of "no injuries", "How many houses?" of "46 homes")
    **dict.fromkeys(("die", "died", "dies", "dying"), r"\bdeaths?\b|\bdead\b|\bfatalit(?:y|ies)\b"),
    "death": r"\bd(?:ie[sd]?|ying)\b|\bdead\b|\bfatalit(?:y|ies)\b", "deaths": r"\bd(?:ie[sd]?|ying)\b|\bdead\b|\bfatalit(?:y|ies)\b",
    **dict.fromkeys(("injured", "injure", "injures", "hurt"), r"\binjur(?:y|ies|ed|ing)\b|\bwounded\b"),
    **dict.fromkeys(("injury", "injuries"), r"\binjur(?:e|ed|es|ing)\b|\bhurt\b|\bwounded\b"),
    "house": r"\bhomes?\b", "houses": r"\bhomes?\b", "home": r"\bhous(?:e|es)\b", "homes": r"\bhous(?:e|es)\b",
    **dict.fromkeys(("destroyed", "destroy", "destroys"), r"\bdestruction\b"), "destruction": r"\bdestroy(?:s|ed|ing)?\b",
    # and one thing in two words (sixty-first session: "Which road was shut?" of "the A7 highway was closed", "Which
    # firm did the council hire?" of "consultancy Marlowe & Finch Inc.", "Did sales beat Wall Street forecasts?" of "the
    # $2.27 billion analysts had expected")
    **dict.fromkeys(("shut", "shuts", "shutting", "shutdown"), r"\bclos(?:e|es|ed|ing|ures?)\b"),
    **dict.fromkeys(("close", "closes", "closed", "closing", "closure", "closures"), r"\bshut(?:s|ting|down)?\b|\bseal(?:s|ed)\b"),
    # (not "company" for "firm": "is his company sanctioned?" of Enflame's boss is not "sanctioned … firm SenseTime")
    **dict.fromkeys(("firm", "firms"), r"\bcompan(?:y|ies)\b"),
    **dict.fromkeys(("forecast", "forecasts", "expectations", "estimates", "predicted"),
                    r"\bexpect(?:ed|ations?)\b|\bforecasts?\b|\bestimates?\b|\bconsensus\b|\bpredicted\b"),
    "wall street": r"\banalysts?\b",
    # an idiom and the plain words a text writes ("When does the charge kick in?" of "take effect on Jan. 5", "How
    # long could the ruling hold up construction?" of "delay construction", "Who should reporters get in touch with?"
    # of "Media contact: …")
    **dict.fromkeys(("kick in", "kicks in", "kicked in"), r"\btak(?:e|es|ing)\s+effect\b|\btook\s+effect\b|\bcom(?:e|es|ing)\s+into\s+"
                    r"(?:force|effect)\b|\bstart(?:s|ed|ing)?\b|\bbegin(?:s|ning)?\b|\bbegan\b"),
    **dict.fromkeys(("hold up", "holds up", "held up", "holding up"), r"\bdelay(?:s|ed|ing)?\b"),
    "in touch": r"\bcontact(?:s|ed)?\b",  # not "touch" alone: "Does the screen respond to touch?"
    # words of one family that stem apart, and the same thing's everyday and formal names
    **dict.fromkeys(("evacuee", "evacuees"), r"\bevacuat(?:e|es|ed|ing|ion|ions)\b"),
    **dict.fromkeys(("charger", "chargers"), r"\bcharging\b"),
    **dict.fromkeys(("manufacturer", "manufacturers"), r"\bmakers?\b"), **dict.fromkeys(("maker", "makers"), r"\bmanufacturers?\b"),
    **dict.fromkeys(("stock", "stocks"), r"\bshares\b"),
    "phd": r"\bdoctora(?:l|te|tes)\b", **dict.fromkeys(("ev", "evs"), r"\belectric[\s-]+vehicles?\b"),
    **dict.fromkeys(("normal", "normally"), r"\btypical(?:ly)?\b|\busual(?:ly)?\b"),
    **dict.fromkeys(("typical", "typically"), r"\bnormal(?:ly)?\b|\busual(?:ly)?\b"),
    **dict.fromkeys(("tough", "tougher", "toughest"), r"\bhard(?:er|est)?\b|\bdifficult\b"),
    **dict.fromkeys(("concern", "concerns"), r"\bproblems?\b|\bissues?\b|\bworr(?:y|ies|ied)\b"),
    **dict.fromkeys(("needle", "needles"), r"\binjections?\b|\bjabs?\b"),
    **dict.fromkeys(("surcharge", "surcharges"), r"\bextra\b|\badditional\b"),
    "ac": r"\bair[\s-]+condition(?:ing|ers?)\b",
    **dict.fromkeys(("feed", "feeds"), r"\bserv(?:e|es|ings?)\b"),  # "How many people does this recipe feed?"
    # what a job pays, and its range, written as the sums ("What's the salary range for the grade 7 post?" of
    # "Grade 7: £38,249 to £45,163 per annum"), and when applications close (seventy-first session: job postings)
    **dict.fromkeys(("salary", "salaries", "wage", "wages"), _A_SUM),
    "range": r"\d\s*(?:–|—|-|to)\s*[£$€]?\s?\d",
    "deadline": r"\bclos(?:es|ing)\b|\bno\s+later\s+than\b|\bapply\s+by\b",
    **dict.fromkeys(("attend", "attended", "attends", "attending", "attendance"), r"\bcrowds?\b|\bturnout\b|\bspectators\b"),
    **dict.fromkeys(("shrink", "shrinks", "shrank", "shrunk"), r"\bnarrow(?:s|ed)?\b|\bcontract(?:s|ed)\b|\bdeclin(?:e|es|ed)\b"),
    # (sixty-second session, from six news stories written blind: "Where is the airline headquartered?" of "The
    # Copenhagen-based carrier", "How many economists had predicted a reduction?" of "8 a cut", "Who is leading the
    # project?" of "project director Ivana Radic", "Who spotted the fire first?" of "first reported by a hiker")
    **dict.fromkeys(("headquartered", "headquarters", "hq"), r"\b[\w-]+-based\b|\bbased\s+in\b|\bhead\s+office\b|\bheadquarter(?:s|ed)\b"),
    "head office": r"\bheadquarter(?:s|ed)\b|\b[\w-]+-based\b|\bbased\s+in\b",
    **dict.fromkeys(("reduction", "reductions", "reduce", "reduces", "reduced"), r"\bcut(?:s|ting)?\b|\blower(?:s|ed|ing)?\b"),
    **dict.fromkeys(("predict", "predicts", "prediction", "predictions"),
                    r"\bexpect(?:s|ed|ations?)?\b|\bforecasts?\b|\bestimates?\b|\bprojects?\b|\bprojected\b"),
    **dict.fromkeys(("release", "releases", "released"), r"\bpublish(?:es|ed|ing)?\b|\bpublication\b"),
    **dict.fromkeys(("publish", "publishes", "published"), r"\breleas(?:e|es|ed|ing)\b"),
    **dict.fromkeys(("expansion", "expand", "expands", "expanding"), r"\bgrowth\b|\bgrow(?:s|ing|n)?\b|\bgrew\b"),
    **dict.fromkeys(("earn", "earns", "earned", "earning"), r"\bprofits?\b|\bearnings\b|\bnet\s+income\b"),
    **dict.fromkeys(("arrive", "arrives", "arrived", "arrival", "arrivals"), r"\bdeliver(?:s|ed|y|ies|ing)?\b"),
    **dict.fromkeys(("permission", "permissions"), r"\bpermits?\b|\bpermitted\b"),
    **dict.fromkeys(("permit", "permits"), r"\bpermission\b"),
    **dict.fromkeys(("hire", "hires", "hired", "hiring"), r"\bcommission(?:s|ed)?\b|\bappoint(?:s|ed)?\b|\bretain(?:s|ed)?\b|\brecruit(?:s|ed)?\b"),
    **dict.fromkeys(("lead", "leads", "leading", "co-lead", "co-leads", "co-leading", "head", "heads", "headed", "heading"),
                    r"\bled\b|\bleader\b|\b(?:co-)?directors?\b|\bchief\b|\bin\s+charge\b"),
    **dict.fromkeys(("spot", "spots", "spotted", "notice", "notices", "noticed"),
                    r"\breport(?:s|ed)?\b|\bdetect(?:s|ed)?\b|\bdiscover(?:s|ed|y)?\b|\bfound\b|\bseen\b|\bsaw\b"),
    **dict.fromkeys(("tip off", "tipped off", "tips off", "tipping off"), r"\breport(?:s|ed)?\b|\balert(?:s|ed)?\b|\binform(?:s|ed)?\b"),
    **dict.fromkeys(("turn up", "turns up", "turned up", "turning up"), r"\bfound\b|\bdiscover(?:s|ed)?\b|\brecover(?:s|ed)?\b|\bunearth(?:s|ed)?\b"),
    **dict.fromkeys(("chip in", "chips in", "chipped in"), r"\bcontribut(?:e|es|ed|ion)\b|\bprovid(?:e|es|ed)\b|\bdonat(?:e|es|ed|ion)\b|\bgave\b"),
    **dict.fromkeys(("dig", "digs"), r"\bexcavat(?:e|es|ed|ing|ion|ions)\b"),
    **dict.fromkeys(("sceptical", "skeptical", "sceptic", "sceptics", "skeptic", "skeptics"),
                    r"\bdoubts?\b|\bdoubtful\b|\bcauti(?:on|oned|ous)\b|\bwarn(?:s|ed|ing)?\b"),
    **dict.fromkeys(("rally", "rallies", "rallied"), r"\bstrengthen(?:s|ed)?\b|\bgain(?:s|ed)\b|\brose\b|\bjump(?:s|ed)\b|\bclimb(?:s|ed)\b"),
    **dict.fromkeys(("clear", "cleared"), r"\bacquit(?:s|ted|tal)\b"),
    "behind bars": r"\bjail(?:ed)?\b|\bprison\b|\bcustody\b|\bbail\b|\bremains?\s+free\b",
    "press": r"\breporters\b|\bjournalists\b|\bmedia\b",
    **dict.fromkeys(("victim", "victims"), r"\bdead\b|\bkilled\b|\bdied\b"),
    # a measure asked by its adjective, written by its noun ("How deep is the wreck?" of "at a depth of 47 metres")
    "how deep": r"\bdepths?\b", "how wide": r"\bwidths?\b|\bacross\b", "how tall": r"\bheights?\b|\btall\b",
    "how high": r"\bheights?\b|\baltitudes?\b|\belevations?\b", "how heavy": r"\bweigh(?:s|ed|ing|t|ts)?\b",
    "how far": r"\bdistances?\b|\baway\b", "how fast": r"\bspeeds?\b|\bmph\b|\bkm/h\b",
    "how old": r"\baged?\b|\b\d+-year-old\b|\bborn\b", **dict.fromkeys(("how big", "how large"), r"\bsizes?\b|\barea\b"),
    **dict.fromkeys(("spoke to", "spoke with", "speak to", "speaks to", "speaking to", "talked to", "talk to", "talking to"),
                    r"\bsaid\b|\bsays\b|\btold\b|\btells\b"),
    **dict.fromkeys(("traveller", "travellers", "traveler", "travelers"), r"\bpassengers?\b"),
    **dict.fromkeys(("lost their lives", "lose their lives", "lost his life", "lost her life"), r"\bdie[ds]?\b|\bkilled\b|\bdead\b|\bdeaths?\b"),
    **dict.fromkeys(("bend", "bends"), r"\bcurves?\b"), **dict.fromkeys(("packed", "crowded"), r"\bfull\b|\bcapacity\b"),
    **dict.fromkeys(("goes around", "go around", "going around", "goes round", "go round"), r"\borbit(?:s|ed|ing)?\b|\bcircl(?:e|es|ed|ing)\b"),
    **dict.fromkeys(("retire", "retires", "retired", "retiring"), r"\breplac(?:e|es|ed|ing)\b|\bphas(?:e|es|ed|ing)\s+out\b|\bdecommission(?:s|ed)?\b"),
    **dict.fromkeys(("organisation", "organisations", "organization", "organizations"),
                    r"\bgroups?\b|\bassociations?\b|\bagenc(?:y|ies)\b|\bcharit(?:y|ies)\b|\bfoundations?\b|\binstitut(?:e|es|ion|ions)\b"),
    # words of one family a stemmer splits, irregular verbs ("How much money did investors end up losing?" of
    # "Investors lost about $240 million")
    **dict.fromkeys(("lose", "loses", "losing"), r"\blost\b|\blosses\b|\bloss\b"),
    **dict.fromkeys(("pay", "pays", "paying"), r"\bpaid\b"), **dict.fromkeys(("buy", "buys", "buying"), r"\bbought\b"),
    **dict.fromkeys(("sell", "sells", "selling"), r"\bsold\b"), **dict.fromkeys(("sink", "sinks", "sank", "sunk"), r"\bs[aiu]nk(?:ing)?\b"),
    **dict.fromkeys(("drive", "drives", "driving", "drove", "driven"), r"\bdrivers?\b"),
    **dict.fromkeys(("spend", "spends", "spending"), r"\bspent\b"), **dict.fromkeys(("build", "builds"), r"\bbuilt\b"),
    # (sixty-third session, from six more news stories written blind: "How big is the organisation's workforce?" of
    # "employs 9,200 people", "Why did the company switch off most of its network?" of "took systems offline", "Was the
    # board's decision unanimous?" of "voted 5-2")
    "workforce": r"\bemploy(?:s|ed|ees?)\b|\bstaff\b|\bworkers\b",
    **dict.fromkeys(("switch off", "switched off", "switches off", "switching off", "turn off", "turned off", "turns off"),
                    r"\bshut(?:s|ting)?\b|\bshutdown\b|\boffline\b|\bdisconnect(?:s|ed|ing)?\b|\bpower(?:s|ed)?\s+down\b"),
    **dict.fromkeys(("discover", "discovers", "discovered", "discovery"),
                    r"\bdetect(?:s|ed|ion)?\b|\bfound\b|\bspotted\b|\bnoticed\b|\bidentified\b|\buncovered\b"),
    **dict.fromkeys(("penalty", "penalties"), r"\bfines?\b|\bfined\b|\bsanctions?\b"),
    **dict.fromkeys(("slim", "slimmer", "slimmest"), r"\bthin(?:ner|nest)?\b"), **dict.fromkeys(("thinner", "thinnest"), r"\bslim(?:mer|mest)?\b"),
    **dict.fromkeys(("agreement", "agreements"), r"\bdeals?\b|\bcontracts?\b|\bpartnerships?\b"),
    **dict.fromkeys(("inside", "internal", "interior"), r"\binner\b|\binside\b|\binternal\b|\binterior\b"),
    **dict.fromkeys(("extra", "extras"), r"\badditional\b|\bfurther\b|\bbonus\b|\badded\b"),
    **dict.fromkeys(("walk away", "walks away", "walked away", "back out", "pull out", "pulls out", "pulled out"),
                    r"\bexit(?:s|ed)?\b|\bterminat(?:e|es|ed|ion)\b|\bwithdraw(?:s|n|al)?\b|\bwithdrew\b|\bcancel(?:s|led|lation)?\b"),
    "aimed at": r"\btarget(?:s|ed|ing)?\b|\bintended\b|\breserved\b|\bdesigned\s+for\b|\bmeant\s+for\b",
    **dict.fromkeys(("grab", "grabbed", "grabs"), r"\bst(?:ole|olen|eal|eals|ealing)\b|\btook\b|\btaken\b|\bcopied\b|\bobtained\b|\bexfiltrat\w*"),
    **dict.fromkeys(("hacker", "hackers"), r"\battackers?\b|\bgang\b|\bcriminals?\b|\bransomware\b|\bcyber"),
    **dict.fromkeys(("medicine", "medicines"), r"\bdrugs\b|\bmedications?\b|\bprescriptions?\b"),
    **dict.fromkeys(("unanimous", "unanimously"), r"\bvot(?:e|es|ed)\b|\bdissent\w*|\b\d+[-–]\d+\b"),
    **dict.fromkeys(("allowed", "allow", "allows"), r"\bpermitted\b|\bbann?(?:ed|s)?\b|\bprohibit(?:s|ed)?\b|\bbarred\b|\bforbid(?:s|den)?\b"),
    **dict.fromkeys(("price tag", "price-tag"), r"\bcost(?:s|ing)?\b|\bpriced\b|\bworth\b|[$£€]\s?\d"),
    **dict.fromkeys(("how hot", "how cold", "how warm", "hottest", "coldest"), r"\btemperatures?\b|\bdegrees\b|°|\b\d+(?:\.\d+)?\s?C\b"),
    # (and from the next six: "Was anyone killed in the fire?" of "No deaths were reported", "Who was tipped to win?" of
    # "pre-race favourite Julien Marchetti", "Which watchdog approved it?" of "the environmental regulator")
    **dict.fromkeys(("kill", "kills", "killed", "killing"), r"\bdeaths?\b|\bdead\b|\bdie[ds]?\b|\bfatalit(?:y|ies)\b"),
    **dict.fromkeys(("on purpose", "intentionally", "intentional"), r"\bdeliberate(?:ly)?\b|\barson\b|\bintentional(?:ly)?\b"),
    **dict.fromkeys(("watchdog", "watchdogs"), r"\bregulators?\b|\bauthorit(?:y|ies)\b|\bcommission\b|\bombudsman\b|\bagency\b"),
    **dict.fromkeys(("inquiry", "inquiries", "probe", "probes", "probing"), r"\binvestigat(?:e|es|ed|ing|ion|ions|ors?)\b|\binquir(?:y|ies)\b|\bprobe\b"),
    **dict.fromkeys(("lawmaker", "lawmakers", "legislator", "legislators"), r"\bparliament\w*|\blegislat\w*|\bcongress\w*|\bsenat\w*|\bdeputies\b|\bMPs?\b"),
    **dict.fromkeys(("publication", "publications"), r"\bjournals?\b|\bmagazines?\b|\bnewspapers?\b"),
    **dict.fromkeys(("tipped", "favourite", "favourites", "favorite", "favorites"), r"\bfavou?rites?\b|\btipped\b"),
    **dict.fromkeys(("necessary", "needed"), r"\bneed(?:s|ed)?\b|\bnecessary\b|\brequired?\b|\bessential\b"),
    **dict.fromkeys(("quit", "quits", "dropout", "dropouts"), r"\bdropp(?:ed|ing)\s+out\b|\bwithdr(?:ew|awn|aw|awal)\b|\bleft\b|\bresign(?:s|ed)?\b"),
    **dict.fromkeys(("proportion", "proportions"), r"%|\bper\s?cent\b|\bshare\b|\bhalf\b|\bthird\b|\bquarter\b|\bmajority\b"),
    **dict.fromkeys(("on the table", "put on the table"), r"\boffer(?:s|ed)?\b|\bbids?\b|\bproposals?\b"),
    **dict.fromkeys(("enrol", "enroll", "enrols", "enrolls", "enrolled", "sign up", "signing up", "signed up"),
                    r"\bparticipants?\b|\brecruit(?:s|ed|ing|ment)?\b|\bvolunteers?\b|\bregist(?:er|ered|ration)\b"),
    # a title written for a man, a woman or anyone ("Who is the spokesperson …?" of "A department spokeswoman, …")
    **dict.fromkeys(("spokesperson", "spokespersons", "spokespeople", "spokesman", "spokesmen", "spokeswoman", "spokeswomen"),
                    r"\bspokes(?:person|persons|people|man|men|woman|women)\b")}.items()}
_EVERYDAY_WORD = re.compile(r"(?i)\b(?:%s)\b" % "|".join(_EVERYDAY))


# a verb asking what something is owed to ("What does the firm credit for its growth?", "What was
# the delay blamed on?"), and the ways a text writes a cause ("… thanks to its new chips")
_CAUSE_ASKED = re.compile(r"(?i)\b(?:credit(?:s|ed|ing)?(?=\b.*\b(?:for|with)\b)|attribut(?:e|es|ed|ing)(?=\b.*\bto\W*$)"
                          r"|blam(?:e|es|ed|ing)(?=\b.*\b(?:for|on)\b))\b")
_WHO = re.compile(r"(?i)^\W*who(?:m|se|['’]s)?\b")
# a result asked against what was expected ("Did sales beat Wall Street forecasts?", "did the profit beat what
# analysts expected"), and the ways a text compares the two ("below the $2.27 billion analysts had expected")
_BEAT_ASKED = re.compile(r"(?i)\b(?:beat|beats|beaten|top|topped|exceed(?:s|ed)?|miss(?:es|ed)?|surpass(?:es|ed)?)\b"
                         r"(?=.*\b(?:forecasts?|expectations?|estimates?|expected|predicted|wall\s+street|analysts?|consensus)\b)")
_BEAT_WRITTEN = re.compile(r"(?i)\b(?:above|below|short\s+of|ahead\s+of|exceed(?:s|ed|ing)?|beat(?:s|ing)?|top(?:s|ped)|"
                           r"miss(?:es|ed)?|surpass(?:es|ed)?|expected|forecast|estimated?)\b")
_CAUSE_WRITTEN = re.compile(r"(?i)\b(?:thanks to|due to|because|owing to|as a result of|result(?:s|ed)? from|caused by"
                            r"|driven by|credit(?:s|ed)?|attribut(?:e|es|ed)|blam(?:e|es|ed))\b")


def everyday_paraphrases(text: str) -> list[tuple[str, re.Pattern]]:
    """(an everyday word of the question, a pattern of the word a text writes for it): "Do kids
    have to pay?" of "Children under 16 enter free", "What does she credit for …?" of "… thanks to"."""
    # (not who is credited or blamed: "Who is credited with inventing the telephone?" asks for a person)
    cause = [] if _WHO.match(text) else [m.group(0) for m in _CAUSE_ASKED.finditer(text)]
    return ([(m.group(0), _EVERYDAY[m.group(0).lower()]) for m in _EVERYDAY_WORD.finditer(text)]
            + [(word, _CAUSE_WRITTEN) for word in cause] + [(m.group(0), _BEAT_WRITTEN) for m in _BEAT_ASKED.finditer(text)])


# interjections and tags that carry no meaning ("… lol", "wait what did …", "… or nah")
_CHAT_FILLER = re.compile(r"\b(?:lol|lmao|lmfao|rofl|haha+|hmm+|umm*|uh|tbh|imo|imho|idk|btw|ngl|smh)\b|^\s*wait\b,?")
_CHAT_TAG = re.compile(r",?\s*\bor (?:nah|what)\s*(?=[?!.]*$)")  # not "or not": "efficient or not" may be content
# "what was the record temp" (not "a temp job", "temp staff")
_TEMP = re.compile(r"(?<![\w'’-])temp(?![\w'’-])(?!\s+(?:staff|workers?|jobs?|agency|agencies|positions?|posts?|contracts?|"
                   r"roles?|employees?|work|help|hires?)\b)")
_SHORT_WORD = re.compile(r"(?<![\w/.'’-])(?:%s)(?![\w/'’-]|\.\w)" % "|".join(sorted(_SHORTHAND, key=len, reverse=True)))


# dying said gently, as a text about a death rarely writes it ("how old was she when she passed"
# of an obituary that says "has died at the age of 84")
_PASSED = re.compile(r"(?i)\b(?P<verb>pass(?:ed|es)?|passing)\s+away\b"
                     r"|\b(?P<who>(?:when|before|after|since|until)\s+(?:he|she|they))\s+passed(?:\s+on)?(?=\s*[?!.]*\s*$)")
_DIED = {"pass": "die", "passes": "dies", "passed": "died", "passing": "dying"}


def _plainly(m: re.Match) -> str:
    return f"{m['who']} died" if m["who"] else _DIED[m["verb"].lower()]


# "were is it heading": "were" never opens a question before "is" or "does"; "where" was meant
_WERE_FOR_WHERE = re.compile(r"(?i)^(\W*(?:(?:and|so|but|ok|okay)\W+)?)(w)ere(?=\s+(?:is|are|was|does|do|did|can|could|will|would|should|has|have|had)\b)")


# what opens a message before its question and asks nothing itself: a greeting, thanks, an "ok",
# or word that a question follows ("hey, quick question: which …", "Hola, una pregunta: ¿…?",
# "你好，我想问一下，…"); with it the words a question shares with the text are a smaller share
_PREAMBLE = re.compile(
    r"^[\s¡¿]*(?:"
    r"(?:hi|hello|hey|hiya|howdy|greetings|good\s+(?:morning|afternoon|evening|day)|ok(?:ay)?|alright|"
    r"thanks|thank\s+you|thx|cheers|hola|buenas|buenos\s+d[ií]as|buenas\s+(?:tardes|noches)|oye|oiga|vale|gracias)"
    r"(?:\s+(?:there|again|so\s+much|a\s+lot))?"
    r"|(?:(?:i\s+(?:have|['’]ve\s+got|got)|i['’]ve\s+got|got|just)\s+)?(?:(?:a|one|another)\s+)?(?:more\s+)?"
    r"(?:(?:quick|small|simple|short)\s+)?question(?:\s+for\s+you)?"
    r"|(?:tengo\s+)?(?:una|otra)\s+(?:pregunta|duda)(?:\s+r[aá]pida)?|pregunta\s+r[aá]pida"
    r"|(?:i\s+was|i['’]m|i\s+am|just)\s+(?:wondering|curious)|out\s+of\s+curiosity"
    r")\s*[,.:;!?–—-]+\s*"
    r"|^\s*(?:你好|您好|嗨|哈喽|哈啰|谢谢|我?想?(?:问|请教)(?:一下|个问题)|我?有(?:一)?个问题)[，,：:！!。\s]*"
    # a question asked inside a request to tell: "Can you tell me which agency reported it?",
    # "¿Sabes quién dirige Enflame?", "你知道华为发布了什么吗？" ask what follows
    r"|^[\s¡¿]*(?:please\s+)?(?:(?:(?:can|could|would|will)\s+you\s+(?:please\s+)?)?(?:tell|show)\s+me|do\s+you\s+know|"
    r"i(?:['’]d|\s+would)\s+like\s+to\s+know|i\s+want\s+to\s+know|i\s+wonder|i['’]m\s+wondering|i\s+was\s+wondering|"
    r"(?:me\s+)?(?:puedes|podr[ií]as?)\s+decir(?:me)?|d[ií]me|sabes|sabe\s+usted|quisiera\s+saber|me\s+gustar[ií]a\s+saber)"
    r"\s*,?\s*(?=(?:what|which|who|whom|whose|when|where|why|how|qu[eé]|qui[eé]n(?:es)?|cu[aá]ndo|d[oó]nde|por\s+qu[eé]|"
    r"c[oó]mo|cu[aá]l(?:es)?|cu[aá]nt[oa]s?)\b)"
    r"|^\s*(?:请|你能|你可以|能不能|可以)?告诉我|^\s*(?:你知道|我想知道)", re.I)


def without_preamble(text: str) -> str:
    """The question without what opens it and asks nothing (`_PREAMBLE`): "hey, quick question:
    What system did Huawei launch?" is "What system did Huawei launch?". A message that is only
    that ("hey, thanks!") is left as typed, for the small talk it is."""
    out = text
    for _ in range(3):  # "hey, quick question: …" opens twice
        m = _PREAMBLE.match(out)
        if m is None or not m.end() or not has_words(out[m.end():]):
            break
        out = out[m.end():]
    if out is not text and re.match(r"\s*¿", text) and not out.startswith("¿"):
        out = "¿" + out  # "¿Sabes qué lanzó Huawei?" is still asked in Spanish
    if out is not text and re.match(r"\s*(?:你|我想)知道", text):
        out = re.sub(r"吗(\s*[？?]?\s*)$", r"\1", out)  # "你知道…吗？" asks what, not whether
    return out


def written_out(text: str) -> str:
    """A question typed as chat, in words: shorthand written out ("ppl" -> "people"), fillers
    dropped ("lol"), "passed away" said plainly. Only lower case: "U" and "R" may be names, "W"
    a letter of a list."""
    out = _SHORT_WORD.sub(lambda m: _SHORTHAND[m.group(0)], _PASSED.sub(_plainly, _WERE_FOR_WHERE.sub(r"\1\2here", text)))
    out = _TEMP.sub("temperature", out)
    out = _CHAT_TAG.sub("", _CHAT_FILLER.sub("", out).strip())
    if out == text:  # typed as words: left exactly as typed
        return text
    out = re.sub(r"\s+([?!.,])", r"\1", re.sub(r"\s+", " ", out)).strip(" ,")
    return out if has_words(out) else text


# a question's opening words: a question word, or a verb that asks
_ASKING_EN = (r"(?:what|which|who|whom|whose|when|where|why|how)(?:['’]s|['’]re)?"
              r"|(?:is|are|was|were|do|does|did|can|could|will|would|has|have|had|should)"
              r"\s+(?:it|they|he|she|the|there|you|we|i|this|that|these|those|any)")
_ASKING_ES = r"qu[eé]|cu[aá]l(?:es)?|qui[eé]n(?:es)?|cu[aá]ndo|d[oó]nde|c[oó]mo|cu[aá]nt[oa]s?|por qu[eé]"
# after "y", only as a question is written ("y qué", "y cuándo"): "y que me reembolsen" is a clause
_ASKING_ES_ACCENTED = r"qué|cuál(?:es)?|quién(?:es)?|cuándo|dónde|cómo|cuánt[oa]s?|por qué"
_OPENS_A_QUESTION = re.compile(rf"(?i)^\W*(?:{_ASKING_EN}|{_ASKING_ES}|(?:is|are|was|were|do|does|did|can|could|will|would|has|"
                               rf"have|had|should)\s+\w)")  # "Did Huawei …", "Have both boards …"
# "sorry, I meant when do the talks start again": the question itself follows the correction; its
# lead goes and the question is read as any other (a pronoun in it still points back)
_CORRECTED_QUESTION = re.compile(rf"{_CORRECTING}(?=(?:{_ASKING_EN})\b)", re.I)
# "…, and when does it get paid?", "… and for how long?", "… y cuándo?": a second question joined on;
# "What did Huawei unveil? When will it ship?", "… — when did it open?": one written after the first
_SECOND_QUESTION = re.compile(
    rf"(?i)(?:,\s*|\s+)(?:and\s+(?=(?:(?:for|since|in|at|on|by|from|to|with|until)\s+)?(?:{_ASKING_EN})\b)"
    rf"|[ye]\s+(?=(?:(?:para|desde|en|con|hasta|a|de)\s+)?(?:{_ASKING_ES_ACCENTED})\b))"
    rf"|(?:[?？]|\s+[—–-]+|\s*;)\s*(?=¿?(?:{_ASKING_EN}|{_ASKING_ES_ACCENTED})\b)")
# asks one thing of two ("What is the difference between what X said and what Y said?")
_ONE_OF_TWO = re.compile(r"(?i)\b(?:between|whether|differ\w*|compar\w*|entre|diferencia)\b")
# an English first part with a verb of its own ("how big *is* the dividend", "who *runs* the pub"), not
# "How many flats" of "How many flats and how many parking spaces are proposed?"
_HAS_A_VERB = re.compile(r"(?i)\b(?:is|are|was|were|be|been|do|does|did|has|have|had|will|would|can|could|should|may|might|"
                         r"must|shall)\b|['’](?:s|re|ll|d|ve)\b|\b\w{2,}ed\b|^\W*(?:who|what|which)\s+\w+s\b|"
                         r"\b(?:won|lost|died|left|went|came|said|wrote|made|ran|got|took|gave|began|grew|fell|rose|sold|bought|"
                         r"paid|built|found|met|held|led|kept|told|knew|thought|brought|spent|chose|became|broke|drove|flew)\b")
# a two-word question with a verb ("Who scored", "Who won"), not a question word's noun ("What year")
_TWO_WORD_QUESTION = re.compile(r"(?i)^\W*\w+\s+(?:\w+ed|won|lost|died|left|went|came|said|wrote|made|ran|is|was|are|were|"
                                r"\w+s|ganó|perdió|murió|marcó|dijo|es|fue|era)\W*$")


MAX_QUESTIONS_IN_ONE = 4  # each is a search of its own: a pasted list of sixty took 1.8 s


def two_questions(text: str) -> tuple[str, str] | None:
    """A question that asks two ("How big is the dividend and when does it get paid?", "Who
    scored and when?"), as the two questions it joins, else None. Each is answered on its own,
    the second as a follow-up of the first ("it" is the dividend): asked as one, the sentence
    that answers either shares only half the question's words and the pair was refused. "Where
    and when is the hearing?" and "What year and where …?" ask one question."""
    if not _OPENS_A_QUESTION.match(text):
        return None
    joins = list(_SECOND_QUESTION.finditer(text))
    if not joins or len(joins) >= MAX_QUESTIONS_IN_ONE:  # a message of many questions is searched as one
        return None
    m = joins[0]
    first, second = text[:m.start()].strip(" ,;—–-"), text[m.end():].strip()
    if len(first.split()) < 3 and not _TWO_WORD_QUESTION.match(first):
        return None
    if re.match(rf"(?i)^\W*(?:{_ASKING_EN})\b", first) and not _HAS_A_VERB.search(first):
        return None  # "How many flats and how many parking spaces are proposed?" shares its verb
    if _ONE_OF_TWO.search(first) or not has_words(second):
        return None
    end = re.search(r"[?？]\s*$", text)
    return first + ("?" if end else ""), ("¿" if first.startswith("¿") and not second.startswith("¿") else "") + second


def has_words(text: str) -> bool:
    """Something to search for: not only symbols, emoji or control characters."""
    return any(c.isalnum() for c in text)


def last_question(history: list[str] | tuple[str, ...]) -> int | None:
    """Where the latest earlier question is in the history: "thanks" or "hi" in between, or a
    line of symbols, is no question to lean on."""
    for k in range(len(history) - 1, -1, -1):
        h = history[k]
        if isinstance(h, str) and has_words(clean(h)) and small_talk(clean(h)) is None:
            return k
    return None


def asked_measure(text: str) -> str:
    """The measure a question (English, Spanish, Chinese, French, German, Italian, Portuguese,
    Russian, Japanese or Korean) asks for ("money", "clock", "year", "month", "percent", "age",
    "duration", "weight", "length", "temperature"), or "" when it asks for none more precise than
    its type."""
    lang = identify(text)
    table = _MEASURES_ZH if has_cjk(text) else _MEASURES if lang == "en" else _MEASURES_ES if lang == "es" \
        else _MEASURES_OTHER.get(lang, ())
    for name, rx in table:
        if rx.search(text):
            return name
    return ""


_CLAUSE_TYPES = ("date", "person", "place", "reason")  # "when", "who", "where", "why" also open a clause


def answer_type(text: str, ordered: bool = True) -> str:
    """The coarse type of answer a question asks for, by its question words in English, Spanish,
    French, German, Italian, Portuguese, Russian, Japanese or Korean (a Chinese one is read
    through its English glosses, which are not ``ordered`` as its words are); "other" in any other
    language. Of an English or Spanish question's "when", "who", "where" and "why", the first
    asks and a later one opens a clause: "Who's taking over as CFO when Fiona Lockhart retires?"
    asks for a person, "Where was the man who built it born?" for a place. A number asked comes
    first wherever it stands ("The area where Jacksonville sits has been inhabited for how many
    years?")."""
    lang = identify(text)
    types = _TYPES if lang == "en" else _TYPES_ES if lang == "es" else _TYPES_OTHER.get(lang, ())
    found = [(name, m) for name, rx in types if (m := rx.search(text))]
    if ordered and lang in ("en", "es") and found and found[0][0] != "number":
        clauses = [(m.start(), name) for name, m in found if name in _CLAUSE_TYPES]
        if clauses:
            return min(clauses)[1]
    return found[0][0] if found else "other"


def is_english(text: str) -> bool:
    """English-only channels can be trusted (qa/languages.py)."""
    return identify(text) == "en"


def language(text: str) -> str:
    """The language to answer in: "zh" for a question mostly in Chinese characters, "es" for one
    in Spanish, else "en" (the page's words and refusals exist in these three). A name in Chinese
    inside an English question ("What did 华为 launch?") leaves it English."""
    lang = identify(text)
    return lang if lang in ("zh", "es") else "en"


def words_language(text: str) -> str:
    """The language of the page's words around the answer to ``text`` (its bubble, the pending
    message, the sources panel): the one asked in where the page has words for it, which are the
    refusals' languages (qa/types.py REFUSALS, qa/render.py WORDS), else English."""
    lang = identify(text)
    return lang if lang in REFUSALS else "en"


_DEMONSTRATIVES = frozenset("this that these those este esta estos estas ese esa esos esas".split())


def _points_back(text: str) -> bool:
    """A pronoun that stands for something said before: not a demonstrative before its noun
    ("¿Qué libros me recomiendas este verano?", "this summer")."""
    return any(not (m.group(0).lower() in _DEMONSTRATIVES and re.match(r"\s+\w", text[m.end():]))
               for m in _PRONOUN.finditer(text)) or not is_english(text) and bool(_CLITIC.search(text))


_LATIN_WORD = re.compile(r"[A-Za-z\u00c0-\u024f]+")


def keyboard_mash(text: str, is_name: Callable[[str], bool] = lambda word: False) -> bool:
    """Letters that are no word of English or Spanish nor a name the documents write ("asdfgh",
    "qwerty?"): nothing to read with the conversation, so it asks nothing of the earlier question.
    Read of Latin letters only: "チップは何個？", "А сколько чипов?" are words of other languages."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(_LATIN_WORD.fullmatch(w) for w in words) and all(
        zipf(w.lower()) == 0 and zipf(w.lower(), "es") == 0 and not is_name(w.lower()) for w in words)


def parse(text: str, history: list[str] | tuple[str, ...] = (), _depth: int = 0,
          is_name: Callable[[str], bool] = lambda word: False) -> Question:
    """A Question from raw text and the earlier user questions of the conversation.
    ``is_name`` says whether the documents write a word typed in lower case as a name
    ("baidu" -> "Baidu")."""
    text = without_preamble(written_out(clean(text)))
    switching = _SWITCH_LEAD.match(text)
    if switching:
        text = text[switching.end():]
    k = last_question(history)
    swapped = _swapped(text, clean(history[k])) if k is not None else None
    contrasted = _contrasted(text, history[k]) if k is not None and swapped is None else None
    if contrasted is not None:  # a question of its own, still read with the conversation ("it")
        text = contrasted
    # "Sorry, I meant the security guy. What did he say?" names its subject anew: it stands alone,
    # as does "unrelated, but are people getting their money back" (but "unrelated, but how long
    # had she been in the job?" still means the woman asked about)
    corrected = k is not None and (swapped is not None or switching is not None and not refers_to_person(text)
                                   or _CORRECTION_LEAD.match(text) is not None)
    if swapped is not None:
        text = swapped
    elif corrected:
        text = _SET_ASIDE_BEFORE.sub("", _CORRECTION_LEAD.sub("", text, count=1), count=1)
    elif k is not None and _CORRECTED_QUESTION.match(text):
        text = _CORRECTED_QUESTION.sub("", text, count=1)
    elif k is not None:  # "no, I meant Metax" asks the earlier question of Metax
        text = _CORRECTION.sub("what about ", _SET_ASIDE.sub(r"\1\2", text), count=1)
    lang = identify(text)
    english = lang == "en"
    # Chinese is translated word by word (CC-CEDICT) so names and keywords match the English text;
    # another language has its abbreviations read as English writes them ("IA", "KI": AI), while
    # e5 reads it as typed
    read = text if english else abbreviations.in_english(text, lang)
    words = (to_english(text) or text) if has_cjk(text) else latin_apart(text) if lang in _UNSPACED else read
    tokens = content_tokens(words)
    earlier = None
    if k is not None:  # the earlier question as it was understood: "When will it ship?" after
        # "Which model powers it?" after "What did Alibaba unveil?" still means Alibaba's glasses
        earlier = parse(history[k], history[:k] if _depth < MAX_RESOLVED_TURNS else (), _depth + 1, is_name)
    prior = earlier.search if earlier is not None else ""
    pronoun = bool(_PRONOUN.search(text)) or not english and bool(_CLITIC.search(text))
    # its own names; a capitalised first word only when that is all it says ("Baidu?", not "According to whom?")
    own = {n.lower() for begin, _, n in names(text) if text[:begin].strip(" ¿¡\"“'")
           or len(re.findall(r"\w+", text)) == len(re.findall(r"\w+", n))}
    if has_cjk(text):  # a Chinese question's names are its translation's ("那百度呢？": Baidu)
        own |= {n.lower() for _, _, n in names(words)}
    lower = _ELLIPTICAL_NAME.match(text)
    if lower and not has_cjk(text) and all(is_name(w) for w in lower.group(1).split()):
        own.add(lower.group(1).lower())  # "what about baidu?"; "what about availability?" asks on
    switched: tuple[str, ...] = ()
    borrowed: tuple[str, ...] = ()
    elliptical = len(tokens) <= 2 and not keyboard_mash(text, is_name) and (bool(_ELLIPSIS.search(text)) or not _ASKS.search(text)
                                       and not (tokens and _REQUEST.match(text)))
    frame = _FRAME | {"come"} if _HOW_COME.search(text) else _FRAME
    bare = not [t for t in tokens if t not in frame and t not in SPANISH_WORDS]  # "Why?", "How come?", "How many?", "¿Por qué?"
    # a fragment: a question word and a word or two, no verb, no name of its own ("Which chips?",
    # "What kind?", "According to which firm?"): it asks something of what was asked before
    tail = _FRAGMENT.fullmatch(text)
    fragment = (tail is not None and not own and not _AUXILIARY.search(text)
                and not (len(tail.group(1).split()) > 1 and _VERB_ENDING.search(tail.group(1))))
    # A question with its own question word, verb and subject ("Where was the conference held?")
    # stands alone after any earlier one; "Tell me about Huawei" too. One that points back
    # ("How did he describe it?"), trails off ("And Tencent?", "Which ones?") or asks only
    # "Why?" leans on it.
    # Spanish drops the subject a conversation has named ("¿Cuántos días duró?" after "¿Dónde se
    # celebró la conferencia?"): a short question with no name of its own may lean on the
    # earlier one, and is read both ways, like a fragment (it may also stand alone). Short: three
    # words the English stop list keeps ("¿Cuántos días duró?"), or two besides Spanish function
    # words in five at most ("¿es de código abierto?" after "¿Qué presentó Tencent?"; not "cual es
    # la capital de peru"); the longer ones lean on the conversation only when alone they are
    # refused ("¿Dónde se celebró la conferencia?" after "¿Qué lanzó Huawei?" stands alone).
    # Chinese drops it too ("是开源的吗？" after "腾讯发布了什么？"): two dictionary words at most that
    # say something (a word's glosses list its synonyms, so their English words are no measure)
    subjectless = bool(prior) and not english and not own and not pronoun
    in_spanish = subjectless and not has_cjk(text)
    dropped = in_spanish and len(tokens) <= 3
    dropped_longer = in_spanish and not dropped and not fragment and len(text.split()) <= 5 \
        and len([t for t in tokens if t not in SPANISH_WORDS]) <= 2
    dropped_zh = subjectless and has_cjk(text) and not fragment and len(
        [word for word, gloss in translate_words(text) if gloss and has_cjk(word) and content_tokens(gloss)]) <= 2
    dropped = dropped or dropped_longer or dropped_zh
    # what points back in so many words ("it", "¿Y qué más lanzó?", "Why?", "Which chips?"), unlike a
    # dropped subject, which "¿Qué hora es?" after a question about the article has too
    refers_back = bool(prior) and (_points_back(text) or elliptical or bare or fragment or bool(_ELLIPSIS.search(text)))
    fragment = fragment or dropped
    followup = bool(prior) and not corrected and (pronoun or elliptical or bare or fragment)
    before = [n for _, _, n in names(prior)] if prior else []
    # the names the earlier question borrowed from the one before it: its search ends with them
    # after its question mark, where `names` reads a capitalised word as a sentence's first ("Is
    # it open source? Tencent WAIC" names only WAIC), so "What can it generate?" after it was
    # searched without Tencent and cited Baidu's tool (the fourth audit)
    before += [n for n in (earlier.borrowed if earlier is not None else ()) if not any(n.lower() in b.lower() for b in before)]
    # a follow-up keeps its own words (the engine favours the earlier answer's paragraph); one
    # too bare to search on its own ("Why?", "Which chips?") borrows the earlier question (the
    # engine asks a fragment alone too: "How much milk?" after "How many eggs?"), and so does a
    # pronoun with nothing else when the earlier question named nothing ("When does it end?"
    # after "Where was the conference held?"; "their CEO" needs only the names)
    # "And in reading mode?" after "How bright does the LumaPod get?" (an opener, then a phrase of
    # a word or two that qualifies, no name) asks the earlier question again of what it adds, as
    # "And in winter?" does; "And the return period?" after a question on the warranty asks the
    # same of another thing, and is searched as it is
    trails = elliptical and not own and bool(_QUALIFYING_TAIL.match(text))
    borrows = followup and (bare or dropped or (fragment or len(tokens) <= 1 or trails) and not (pronoun and before))
    search = f"{prior} {without_request(words)}" if borrows else words
    multilingual = f"{earlier.multilingual or earlier.text} {text}" if borrows and not english else ""
    if followup and not pronoun and own and elliptical and not own & {n.lower() for n in before}:
        # "What about Metax?" after "How many chips did Huawei use?": the earlier question asked
        # of the new name, a question of its own (the earlier answer's paragraph is about Huawei)
        # (the name alone: "what about" read with it took "What did Alibaba unveil?" to another sentence)
        search, followup = f"{without_names(prior, is_name)} {_OPENING.sub('', words, count=1)}", False
        switched = tuple(sorted({POSSESSIVE.sub("", n) for n in own - {n.lower() for n in before}} - {"i", ""}))
        said = earlier.search if has_cjk(earlier.text) else earlier.multilingual or earlier.text  # 华为 is no Latin name
        multilingual = f"{without_names(said)} {text}" if not english else ""
    elif followup and pronoun:
        # "How did he describe it?" after "Who is Zhao Lidong?": "he" is most likely a name asked
        # about before, so the earlier question's names join the search
        borrowed = tuple(n for n in before if n.lower() not in search.lower())
        search = " ".join([search, *borrowed])
        if not english and not multilingual and not own:  # e5 reads them too: "¿Qué modelo lo impulsa?" alone is
            # about nothing; one naming its own subject ("¿Qué lanzó Huawei en ella?") keeps e5 on it
            multilingual = " ".join([text, *(n for n in before if n.lower() not in text.lower())])
    return Question(text=text, search=search, tokens=tuple(content_tokens(search)), borrowed=borrowed,
                    qtype=answer_type(words, ordered=not has_cjk(text)), english=english, followup=followup, lang=lang,
                    context=prior if followup else "",
                    subjects=listed_names(text) if has_cjk(text) else subjects(text),
                    multilingual=multilingual, fragment=followup and fragment, switched=switched,
                    alone_first=followup and dropped_longer,
                    measure=asked_measure(text) or (earlier.measure if borrows and earlier is not None else ""),
                    names=() if english else foreign_names(read, lang), refers_back=refers_back)


def names(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the capitalised names in a question; its first word is capitalised
    anyway, so "Did Huawei" is "Huawei" and a lone "What" at the start is no name (nor at the
    start of a second sentence: "What did Alibaba unveil? What did Huawei launch?")."""
    out = []
    for m in NAME.finditer(text):
        name, begin = m.group(0), m.start()
        if not text[:begin].strip(" ¿¡\"“'") or re.search(r"[.?!。？！]\s*[¿¡\"“']?\s*$", text[:begin]):
            first, _, rest = name.partition(" ")
            if not rest and (_LEADING_WORD.fullmatch(first) or first.lower() in stopwords()):  # "In", "They"
                continue
            name, begin = (rest, begin + len(first) + 1) if rest else (name, begin)
        out.append((begin, m.end(), name))
    return out


_CODE = re.compile(r"(?=.*\d)[A-Z][A-Za-z\d-]*")  # letters and digits: a name in any language
_OPENING_WORD = re.compile(r"[\s¿¡\"“'«]*([^\W\d_]+)")  # a question's first word
COMMON_NAME_ZIPF = 5.0  # London, China, United States: written in other ways too (UK, PRC, US)
TRANSLATED_NAME_ZIPF = 5.0  # in a name translated word by word, a word this common in its language is one of its words
NOUNS_CAPITALISED = frozenset({"de"})  # languages that capitalise every noun


# Japanese writes no spaces and Korean joins its particles to a word: read them `latin_apart`
_UNSPACED = frozenset({"ja", "ko"})


def foreign_names(text: str, lang: str = "es") -> tuple[str, ...]:
    """The names a question in Chinese, Spanish or another language asks about, as English would
    write them. A capitalised word is a name unless it is clearly a word of that language
    ("Conferencia Mundial" is the conference's name translated, "¿Qué presentó 華為?" opens with
    a question word, German capitalises its nouns; "Xiaomi", "Helena" are names)."""
    if lang in _UNSPACED:
        text = latin_apart(text)
    opening = _OPENING_WORD.match(text)
    if opening and not has_cjk(text) and an_opening_word(opening.group(1), lang):  # "Comment s'appelle …?"
        text = text[:opening.start(1)] + opening.group(1).lower() + text[opening.end(1):]
    if lang in UNSPLIT_LANGUAGES:  # Latin words in Chinese, Japanese or Korean: a Spanish question
        lang = "es"               # word is no name ("¿Qué presentó 華為?"); wordfreq can't split these
    runs = [] if has_cjk(text) else names(text)
    translated = _translated_words(text, runs, lang, opening.start(1) if opening else -1)
    words = latin_names(text) if has_cjk(text) else (w for _, _, n in runs
                                                           for w in _named_part(re.findall(r"[^\W\d_][\w-]*", n), lang))
    found = tuple(w for w in words if w not in translated and (_CODE.fullmatch(w) or len(w) >= 3)  # a model's code ("N3", "X5") however short
                  and zipf(as_written(w.lower(), lang), lang) < zipf(w.lower()) + SPANISH_MARGIN  # "Pekin": Pekín
                  and not is_compound(w, lang))  # "Handelskammer": German's words joined
    # a name made of common English words may be written otherwise ("United States" as "US")
    return tuple(n for n in found if any(zipf(w.lower()) < COMMON_NAME_ZIPF for w in n.split()))


def _translated_words(text: str, runs: list[tuple[int, int, str]], lang: str, first: int) -> set[str]:
    """The words of a name translated word by word ("la Camera di Commercio": the Chamber of
    Commerce) that English writes too ("camera"), which would otherwise pass for a name the text
    must write: in capitalised words joined by the language's function words, when one of them is
    clearly the language's ("Commercio"), those it uses at TRANSLATED_NAME_ZIPF or more. The
    question's first word (at ``first``), capitalised whatever it is, joins no name ("Qual è la Roma?")."""
    if lang in NOUNS_CAPITALISED:  # "die USA China den Zugang": names next to nouns, not one name
        return set()
    found: set[str] = set()
    phrase: list[str] = []
    for k, (start, end, name) in enumerate(runs):
        if start == first:
            continue  # the opening word (`an_opening_word` judges it)
        phrase += re.findall(r"[^\W\d_]+", name)
        between = text[end:runs[k + 1][0]] if k + 1 < len(runs) else "."
        if all(w.lower() in stop_words(lang) for w in re.findall(r"\S+", between)):
            continue  # "Camera di Commercio": one name, its runs joined by "di"
        if any(is_common_word(w.lower(), lang) for w in phrase):
            found |= {w for w in phrase if zipf(as_written(w.lower(), lang), lang) >= TRANSLATED_NAME_ZIPF}
        phrase = []
    return found


_NOT_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F\u1E00-\u1EFF]")  # a letter of another script than Latin


def _named_part(words: list[str], lang: str) -> list[str]:
    """Hyphenated words without their parts that are common words of ``lang``: "C550-Prozessoren"
    names C550, not the processors; "Nvidia-Produkt" Nvidia. A name's own parts stay joined
    ("Supernode-Demo", "Coca-Cola"). A part in another script than a Latin one beside it is the
    language's word too ("LLM-стартапы": LLM startups), however rare the language's lists find it."""
    kept = []
    for w in words:
        parts = [p for p in w.split("-") if p]
        latin = any(p[:1].isalpha() and not _NOT_LATIN.search(p) for p in parts)
        kept.append("-".join(p for p in parts if not is_common_word(p.lower(), lang)
                             and not (latin and _NOT_LATIN.search(p))))
    return [w for w in kept if w]


# "Which is older, the Penrake bottle or the Ashcombe Punch Bowl?", "Who is older, the driver or
# the cyclist?": a choice between two things, each of which the text tells of in its own sentence
_ALTERNATIVES = re.compile(r"(?i)^\W*(?:which|who|what)\b[^,?]*,\s*(?:(?:the|a|an|her|his|their|its)\s+)?(?P<a>[^,?]+?),?"
                           r"\s+or\s+(?:(?:the|a|an|her|his|their|its)\s+)?(?P<b>[^,?]+?)\s*[?.!]*\s*$")


def alternatives(text: str) -> tuple[str, ...]:
    """The two things a question asks to choose between ("Which came first, her MBE or setting
    up the summer school?" -> "MBE", "setting up the summer school"); () for any other."""
    m = _ALTERNATIVES.match(text)
    return tuple(POSSESSIVE.sub("", m[k].strip()) for k in "ab") if m else ()


def subjects(text: str) -> tuple[str, ...]:
    """The longest run of names the question lists ("What did Tencent and Baidu each launch?" ->
    Tencent, Baidu), or the two things it asks to choose between (`alternatives`); () when it
    names fewer than two."""
    chosen = alternatives(text)
    if chosen:
        return chosen
    best: list[tuple[int, int, str]] = []
    run: list[tuple[int, int, str]] = []
    for span in names(text):
        run = run + [span] if run and _LIST_JOIN.fullmatch(text[run[-1][1]:span[0]]) else [span]
        if len(run) > len(best):
            best = run
    return tuple(dict.fromkeys(name.rstrip(".") for _, _, name in best)) if len(best) >= 2 else ()


RARE_NAME_ZIPF = 3.5  # a word typed in lower case is a name only if English rarely writes it ("starting" is no name)


def without_names(text: str, is_name: Callable[[str], bool] = lambda word: False) -> str:
    """The question with its names taken out: "How many chips did Huawei use?" -> "How many
    chips did use?", what it asks of whichever name comes next; with ``is_name``, names typed in
    lower case too ("the indianapolis warehouse")."""
    spans = names(text)
    kept = [text[(spans[k - 1][1] if k else 0):(spans[k][0] if k < len(spans) else len(text))]
            for k in range(len(spans) + 1)]
    out = re.sub(r"\s+", " ", " ".join(kept)).strip()
    lower = re.sub(r"\b[a-z][\w'’-]+", lambda m: "" if zipf(m.group(0)) < RARE_NAME_ZIPF and is_name(m.group(0)) else m.group(0), out)
    return re.sub(r"\s+", " ", lower).strip()


def refers_to_person(text: str) -> bool:
    return bool(_PERSON_PRONOUN.search(text))


_THING_PRONOUN = re.compile(r"\b(it|its|they|them|their|theirs)\b", re.I)


def refers_to_thing(text: str) -> bool:
    """"Which model powers it?", "How much do they cost?": a pronoun that stands for a thing."""
    return bool(_THING_PRONOUN.search(text))


# the same with the accented letters of European names, Latin-1 and Latin Extended-A ("Tomás
# Ebrima", "Zoë Müller", "Łukasz Wiśniewski"), for whom "he" or "she" of a follow-up means (the
# features keep PERSON_NAME, as the models learnt it)
_ANY_PERSON_NAME = re.compile(rf"\b[{LATIN_UPPER}Ā-ž][{LATIN_LOWER}Ā-ž]+(?:\s+[{LATIN_UPPER}Ā-ž][{LATIN_LOWER}Ā-ž]+)+\b")


def person_names(text: str) -> list[str]:
    """Two or more capitalised words in a row, as people's names are written ("Zhao Lidong",
    "Tomás Ebrima")."""
    return list(dict.fromkeys(_ANY_PERSON_NAME.findall(text)))


def with_names(q: Question, extra: list[str]) -> Question:
    """The question searched with names it leans on but does not say."""
    add = [n for n in extra if n.lower() not in q.search.lower()]
    if not add:
        return q
    search = " ".join([q.search, *add])
    return replace(q, search=search, tokens=tuple(content_tokens(search)))


# a light verb ending a question ("Where was the conference held?", "How long did it last?") says
# what kind of fact is asked, not what it is about: the text may well not use it ("during the
# three-day conference in Shanghai"), so it is no evidence, present or missing
_FINAL_LIGHT_VERB = re.compile(r"\b(held|hold|happen(s|ed)?|occur(s|red)?|last(s|ed)?|take place|took place|takes place|"
                               r"located|situated|based)(?=\W*$)", re.I)


# a request that opens a question ("Tell me about Huawei", "Can you explain the strategic shift?",
# "What do you know about Tencent?") says how to answer, not what about: the text need not use it
_REQUEST = re.compile(r"^\W*(?:please\s+)?(?:(?:what\s+)?(?:can|could|would|will|do)\s+you\s+)?(?:please\s+)?"
                      r"(?:(?:tell|show|give)\s+me|talk|explain|describe|summari[sz]e|discuss|name|list|define|compare|contrast|"
                      r"know|i\s+(?:want|would\s+like|'d\s+like)\s+to\s+know)\b"
                      r"(?:\s+(?:something|anything|more|a\s+bit|a\s+little))?(?:\s+(?:about|on|of|regarding))?", re.I)


_REQUEST_ES = re.compile(r"^\W*(?:por favor,?\s+)?(?:(?:me\s+)?(?:puedes|podr[ií]as)\s+)?"
                         r"(?:h[aá]blame|cu[eé]ntame|dime|expl[ií]came|descr[ií]beme|expl[ií]ca(?:me)?|describe|compara|"
                         r"qu[eé] (?:sabes|me puedes decir))\b(?:\s+(?:algo|m[aá]s))?"
                         r"(?:\s+(?:sobre|de|del|acerca de|respecto a))?", re.I)


def without_request(text: str) -> str:
    """The question without the request that opens it, in English or Spanish: "Tell me about
    Huawei" -> "Huawei"; and without the document named as its source."""
    return without_framing(_REQUEST_ES.sub("", _REQUEST.sub("", text, count=1), count=1).strip())


# the document named as the source of what is asked ("Which chipmakers are mentioned in the
# article?", "What kind of company is SenseTime, according to the story?"): it says where to
# look, not what about, and the embedders put "Which chipmakers?" nearer its sentence
_DOCUMENT = (rf"(?:(?:the|this)\s+(?:news\s+)?(?:{TEXT_KINDS}|passage)"
             r"|(?:el|este|la|esta)\s+(?:art[ií]culo|texto|noticia|reportaje|documento|nota))")
_SOURCE = re.compile(rf"^\W*(?:according\s+to|in|from|seg[uú]n|en|de\s+acuerdo\s+con)\s+{_DOCUMENT}\s*,\s*"
                     rf"|,?\s*\b(?:according\s+to|in|from|within|as\s+(?:per|stated\s+in|reported\s+in|described\s+in)|"
                     rf"seg[uú]n|en|de\s+acuerdo\s+con)\s+{_DOCUMENT}(?=\s*(?:[?.!,]|$))", re.I)
# "Which chipmakers are mentioned?", "Which chip is specifically mentioned as barred?" (a
# wh-question: "Is Biren mentioned?" asks whether it is)
_MENTIONED = re.compile(r"(?:\s+(?P<be>is|are|was|were))?(?:\s+(?:specifically|explicitly|also|ever))?\s+mentioned"
                        r"(?:\s+as\b|(?=\s*(?:[?.!]|$)))"
                        r"|\s+se\s+(?:mencionan|menciona|nombran|nombra)(?:\s+(?:espec[ií]ficamente|expresamente))?(?:\s+como\b)?", re.I)
_WH = re.compile(r"^\W*(?:what|which|who|whom|whose|how many|how much|qu[eé]|cu[aá]l(?:es)?|qui[eé]n(?:es)?|"
                 r"cu[aá]nt[oa]s?)\b", re.I)


def without_framing(text: str) -> str:
    """A question without the words that name the document as its source: "Which chipmakers
    are mentioned in the article?" -> "Which chipmakers?" ("Según el artículo, ¿…?" too); as typed
    when nothing would be left to search for ("What is in the article?")."""
    bare = _SOURCE.sub("", text)
    if _WH.match(bare):
        bare = _MENTIONED.sub(lambda m: f" {m.group('be')}" if m.group(0).rstrip().endswith(" as") and m.group("be") else "", bare)
    if bare == text:  # nothing named the document: left exactly as typed
        return text
    bare = re.sub(r"\s+(?=[?.!]|$)", "", bare).strip()
    if not [t for t in tokenize([bare])[0] if t not in _DOC_WORDS]:
        return text
    return bare[:1].upper() + bare[1:] if text[:1].isupper() else bare


def content_tokens(text: str) -> list[str]:
    text = _FINAL_LIGHT_VERB.sub("", _REQUEST.sub("", without_framing(text), count=1))
    tokens = tokenize([text])[0]
    drop = _DOC_WORDS | _TEXT_VERBS if _ABOUT_THE_TEXT.intersection(tokens) else _DOC_WORDS
    return [t for t in tokens if t not in drop]
