"""Who does a job, asked in other words than the text's: "Who runs Northvale Rail?" of a text
that says "Northvale Rail's managing director, Priya Castellan", "Who led the research?" of
"Dr. Aminata Coulibaly, the trial's lead investigator", "Who spoke for the agency?" of "a
department spokeswoman, Priya Nandakumar".

A reader names a role by what its holder does (runs, heads, leads, speaks for); a text names
it by its title; a maker, by "by" before a name ("Who made the film?": "a short film by the
artist Tomasz Wilk"). The word vectors do not join the two ("runs" and "executive" are 0.24 apart
in MiniLM's space, a title's words are near each other, not near the verbs), and the
answerability model learnt on SQuAD that a question word the text never writes means it
cannot answer. So a sentence that writes a title counts, for the word features, as writing
the question's word for what that title's holder does (qa/features.py reads it as it reads an
acronym written out). The searches and the embedders keep the question as asked. A source is
read the same way: "Which news agency reported the alliances?" of "According to Reuters, two
major industry alliances were launched …".

qa/answer.py then cites first, among the best three, the sentence giving the title to someone
of what the question names (`role_first`), and refuses when none of them gives it or says the
job in the question's words (`lacks_role`: a text writing other titles is no answer to "Who
manages Valebridge Cycling?").
"""
from __future__ import annotations

import re

from .lexical import zipf

# what a question calls the job -> the titles a text gives whoever does it
_LEADING = (r"chief\s+executive|CEO|chief|president|chair(?:man|woman|person)?|head(?:teacher|master|mistress)|"
            r"head\s+(?:of|coach|chef|teacher|nurse|curator|keeper|librarian|gardener)|"
            r"director|leader|manager|boss|principal|superintendent|commissioner|governor|mayor|captain|"
            r"(?:managing|executive|artistic|general)\s+(?:director|manager)|secretary[\s-]general|dean|rector|"
            r"chief\s+constable|commander|lead\s+(?:investigator|researcher|author|scientist|engineer)|"
            r"general\s+secretary|(?:led|headed|run|chaired|directed|managed)\s+by|founder|editor|owner|proprietor|landlord|landlady|"
            # or says what the holder does ("is leading the trip", "who co-ordinates the counts", "is
            # going to run it")
            r"leads|leading|heads|heading|in\s+charge|oversees|overseeing|co-?ordinat(?:es|ing|or)|organi[sz](?:es|ing|er)|"
            r"run|runs|running|manages|managing|chairs|chairing|directs|directing")
_TRADES = (r"teacher|engineer|doctor|surgeon|nurse|lawyer|solicitor|barrister|judge|officer|inspector|detective|"
           r"sergeant|constable|reporter|journalist|writer|author|novelist|poet|artist|painter|sculptor|designer|"
           r"architect|scientist|researcher|professor|lecturer|analyst|economist|consultant|actor|actress|singer|"
           r"musician|composer|conductor|dancer|player|coach|farmer|builder|driver|pilot|chef|cook|volunteer|curator|"
           r"librarian|historian|folklorist|archaeologist|biologist|ecologist|physicist|chemist|pharmacist|accountant|"
           r"banker|broker|trader|owner|shopkeeper|landlord|landlady|clerk|secretary|councillor|councilor|minister|"
           r"spokes(?:man|woman|person)|photographer|film-?maker|producer|glassblower|blacksmith|carpenter|"
           r"electrician|plumber|mechanic|technician|worked\s+as|works\s+as|by\s+trade")
_JOB = _LEADING + "|" + _TRADES
_SPEAKING = r"spokes(?:man|woman|person|people)|press\s+(?:officer|secretary)|representative|on\s+behalf\s+of"
_COACHING = r"(?:head\s+)?coach|manager|trainer|coached\s+by|managed\s+by"
_OWNING = r"owner|proprietor|owned\s+by|co-?owner|landlord|landlady"


def _titles(pattern: str, plural: bool = False) -> re.Pattern:
    """A title as a word, after a prefix too ("co-chair", "vice-president"); in the plural only
    for a trade ("graphic designers include Wolfgang Weingart"): "owners" and "managers" are
    rarely one holder."""
    return re.compile(rf"(?<!\w)(?:{pattern}){'(?:e?s)?' if plural else ''}(?![\w-])", re.I)


JOB_TITLES = _titles(_JOB, plural=True)

# the source a report names: "According to Reuters, …", "data from research firm Corvane show",
# "first reported by the Harbour Ledger", "a spokesperson told the Financial Post"; no person needed
SOURCE_TITLES = re.compile(r"(?i:\b(?:according\s+to|as\s+per)\s+(?!whom\b)\w)"
                           r"|(?i:\breported\s+by|\bdata\s+from|\bfigures\s+from|\bcited\s+by|\btold)"
                           r"\s+(?:(?:the|a|an)\s+)?(?:[\w-]+\s+){0,4}[A-Z][\w’'&-]*"
                           r"|\b[A-Z][\w’'&.-]+(?:\s+(?:and\s+)?[A-Z][\w’'&.-]+)*\s+(?:has\s+|have\s+|had\s+)?(?:first\s+)?"
                           r"(?:reported|reports|said|says|argued|argues|wrote|writes|found|estimated|estimates|claimed|"
                           r"claims|stated|states|noted|notes)\b")

# a maker's verb ("Who made the film?", "Who first wrote it?"), asked right after "who" (not "Who
# called for an agency to be created?", "Who can question the statements ministers make?")
_MAKER_VERBS = (r"made|make|makes|wrote|written|write|writes|built|build|builds|designed|design|designs|painted|composed|"
                r"directed|created|create|creates|produced|photographed|sculpted|tested|reviewed")
_MAKING = re.compile(rf"(?i)(?<![\w-])(?:{_MAKER_VERBS})(?![\w-])")
_WHO_MAKES = re.compile(rf"(?i)^\W*(?:(?:and|so|but|ok|okay|wait)\W+)*who(?:['’]s)?\s+(?:\w+\s+)?(?:{_MAKER_VERBS})(?![\w-])")

_LEADERS = _titles(_LEADING)
# a boss is a leader in any question ("How did Enflame's boss describe it?"), not only in "Who …?"
_BOSS = re.compile(r"(?i)(?<![\w-])boss(?:es)?(?![\w-])")

_ROLES = (
    # "Who runs the company?", "Who's in charge of the inquiry?", "Who is the boss of Calder Brightworks?"
    (re.compile(r"(?i)\b(?:run|runs|running|ran|head|heads|headed|heading|lead|leads|leading|led|manage|manages|managed|"
                r"chair|chairs|chaired|direct|directs|directed|oversee|oversees|oversaw|boss|bosses|in\s+charge|"
                r"at\s+the\s+helm|organi[sz]es|organi[sz]ed|co-?ordinates|co-?ordinated)\b"), _LEADERS),
    # "What's Simone Lachance's job?", "What does she do for a living?": her title, or her trade
    (re.compile(r"(?i)\b(?:job|role|position|post|occupation|profession|career|for\s+a\s+living)\b"), JOB_TITLES),
    # "Who speaks for the police?", "Who represented the families?"
    (re.compile(r"(?i)\b(?:speaks?|spoke|spoken|speaking)\s+for\b|\brepresent(?:s|ed|ing)?\b"), _titles(_SPEAKING)),
    # "Who coaches the team?", "Who trains them?"
    (re.compile(r"(?i)\b(?:coach|coaches|coached|coaching|trains|trained)\b"), _titles(_COACHING)),
    # "Who owns the pub?"
    (re.compile(r"(?i)\b(?:own|owns|owned)\b"), _titles(_OWNING)),
    # "Which news agency reported the alliances?", "According to whom did prices rise?"
    (re.compile(r"(?i)(?<![\w-])(?:report|reports|reported|reporting|broke|source|sources|according\s+to\s+whom)(?![\w-])"
                r"|^\W*which\s+(?:news\s+)?(?:agency|outlet|newspaper|paper|wire|publication|broadcaster)\b"),
     SOURCE_TITLES),
    # "Who made the film?", "Who wrote the review?": "a short film by the artist Tomasz Wilk", "By
    # Marcus Hale" (a name after "by", not "by the end of June")
    (_MAKING, re.compile(r"\b[Bb]y\s+(?:(?:the|a|an)\s+)?(?:(?!of\b)[a-z]+\s+){0,2}[A-Z][\w’'-]+")),
)
_WHO = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay|wait)\W+)*(?:who(?:['’]s|m)?|whose|which\s+(?:\w+\s+)?"
                  r"(?:person|people|man|woman|officer|official|executive|leader|manager|member|company|firm|group|"
                  r"organi[sz]ation|agency|body|team|club|union|department|minister|councillor|player|detective|"
                  r"doctor|teacher|outlet|newspaper|paper|wire|source|publication|broadcaster|station|channel|one)s?)\b"
                  r"|\baccording\s+to\s+whom\b"
                  # "What's the source for the $150 million?", "… of the figure": not "the source of the river"
                  r"|^\W*what(?:['’]s|\s+is|\s+was)\s+the\s+source\s+(?:for|of\s+(?:the\s+|these\s+|this\s+)?"
                  r"(?:figures?|numbers?|data|claims?|estimates?|reports?|story|information|quotes?|statistics?))\b")
# "What's Simone Lachance's job?", "What does she do for a living?": a job asked of someone (not
# "What type of role does Islamism seek?")
_WHAT = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay|wait)\W+)*what\b")
_NAMED = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z]\.)?\s+[A-Z][a-z'’-]+|\b(?:[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im)\b")


_ASKED_AS = {titles: asks for asks, titles in _ROLES}
# the jobs a text names by a title or a source's words, closed sets; a maker is said in many more
# ways ("the Van Nelle fabriek (… Brinkman en Van der Vlugt)"), so a question about one is not
# refused for want of "by" and a name
TITLED = frozenset(titles for asks, titles in _ROLES if asks is not _MAKING)


_NAME_BEFORE = re.compile(r"(?P<name>[A-Z][\w’'-]*)\s+(?:\S+\s+){0,3}$")


def says_the_job(roles: list[tuple[str, re.Pattern]], text: str) -> bool:
    """Whether ``text`` says one of the jobs in the question's kind of words, in any form, of
    someone it names just before ("LeGrande writes that …" for "Who wrote that …?", "Huguenots
    led by Jessé de Forest" for "Who led …?"; not "Only 38 services ran on Northvale Rail routes",
    whose capital is the sentence's first word)."""
    for _, titles in roles:
        for m in _ASKED_AS[titles].finditer(text):
            name = _NAME_BEFORE.search(text[:m.start()])
            if name and (name.start() > 0 or zipf(name["name"].lower()) < 4.0):
                return True
    return False


def role_paraphrases(question: str) -> list[tuple[str, re.Pattern]]:
    """(the question's words for a job, a pattern of the titles a text gives its holder) for a
    question asking who does it ("Who runs …?", "Which firm's boss …?", "Who's in charge of
    …?"); [] for any other question ("How long does the Kestrel run?" asks no one)."""
    out = []
    for asks, titles in _ROLES:
        opener = _WHO_MAKES if asks is _MAKING else _WHO
        if not (_WHAT.search(question) and _NAMED.search(question) if titles is JOB_TITLES else opener.search(question)):
            continue
        typed = [m.group(0) for m in asks.finditer(question)]
        if typed:
            out.append((" ".join(typed), titles))
    if _BOSS.search(question) and not any(titles is _LEADERS for _, titles in out):
        out.append((" ".join(m.group(0) for m in _BOSS.finditer(question)), _LEADERS))
    return out


# a title a question abbreviates and a text writes out ("Did the CEO say anything?" of "said
# Parcelwise chief executive Tom Reinholt")
# (case scoped to the pattern, so that it can stand inside another: answer._naming)
_ABBREVIATED = {short: re.compile(rf"\b(?i:{spelt})") for short, spelt in {
    "CEO": r"chief\s+executive", "CFO": r"chief\s+financial\s+officer|finance\s+chief",
    "COO": r"chief\s+operating\s+officer", "CTO": r"chief\s+technology\s+officer",
    "VP": r"vice[\s-]+president", "MP": r"member\s+of\s+parliament"}.items()}
_ABBREVIATION = re.compile(rf"\b(?:{'|'.join(_ABBREVIATED)})s?\b")


def title_abbreviations(question: str) -> list[tuple[str, re.Pattern]]:
    """(a title as the question abbreviates it, a pattern of the title written out)."""
    return [(m.group(0), _ABBREVIATED[m.group(0).rstrip("s")]) for m in _ABBREVIATION.finditer(question)]


# an office asked by its title ("Who is the chairman of Calder Brightworks?", "who's the mayor of
# harrowby") -> the words a text holding it writes, in any form ("Chairwoman", "chaired", "the chair")
_OFFICE_WORDS = {"chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "chair": "chair",
                 "captain": "captain|skipper", "skipper": "captain|skipper", "mayor": "mayor", "president": "president",
                 "governor": "governor", "coach": "coach|manager", "treasurer": "treasurer", "sheriff": "sheriff",
                 "spokesperson": "spokes", "spokesman": "spokes", "spokeswoman": "spokes", "editor": "editor",
                 "principal": "principal|head", "founder": "found", "architect": "architect|design"}
_WHO_HOLDS = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?"
                        r"(?:current\s+|new\s+|former\s+|team\s+)?(?:[\w.&’'-]+['’]s\s+)?"
                        rf"(?P<title>{'|'.join(sorted(_OFFICE_WORDS, key=len, reverse=True))})\b")


# or by what its holder does now ("Who chairs the committee?"; "Who chaired the meeting?" asks of an
# event, which a text tells as "led" or "presided over")
_WHO_CHAIRS = re.compile(r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?who\s+(?:currently\s+)?chairs\b")


def office_asked(question: str) -> re.Pattern | None:
    """What a text that names the holder of an office asked by its title must write somewhere
    ("chair" for "Who is the chairman of …?" and "Who chairs …?"), or None for any other question.
    Titles read another way by most texts (CEO, chief, head, director, leader) are not asked here."""
    if _WHO_CHAIRS.match(question):
        return re.compile(r"(?i)\bchair")
    m = _WHO_HOLDS.match(question)
    return re.compile(rf"(?i)\b(?:{_OFFICE_WORDS[m.group('title').lower()]})") if m else None


# who holds a title at an organisation, asked by the title ("Who is the governor of Westmarch
# Province?", "who's the curator at the royal caledonian gallery", "who's brightwater's finance
# chief") or by what its leader does ("Who runs Brightwater?", "Who is the boss of Calder
# Brightworks?", "who's in charge of westmarch province"): the organisation and the title
_WHO_IS = r"(?i)^\W*(?:(?:and|so|but|ok|okay)\W+)?who(?:['’]s|\s+is|\s+was|\s+will\s+be)?\s+"
_ORG = r"(?P<org>[\w&’'.-]+(?:\s+[\w&’'.-]+){0,4}?)"
_LEADER_ASKED = re.compile(_WHO_IS + r"(?:the\s+)?(?:current\s+|new\s+)?(?:runs?|running|heads?|leads?|boss|in\s+charge)\s+"
                           rf"(?:of\s+|at\s+|for\s+)?(?:the\s+)?{_ORG}\W*$")
# who leads a group or an undertaking named in lower case ("Who is leading the project?", "Who headed the research
# team?"): a story names its leader by the role ("project director Ivana Radic") or writes "led by", not a title at a firm
_LEAD_ASKED = re.compile(_WHO_IS + r"(?:currently\s+|now\s+)?(?:(?:co-)?lead(?:s|ing)?|led|(?:co-)?head(?:s|ed|ing)?|in\s+charge\s+of|"
                         r"direct(?:s|ed|ing)?)\s+(?:the\s+|this\s+|that\s+)?(?P<what>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                         r"(?:\s+(?:now|currently|today|these\s+days))?\W*$")


def lead_asked(question: str) -> str | None:
    """The last word of what a question asks the leader of, when it names it in lower case ("team" of "Who
    headed the research team?"); None for any other question ("Who runs Brightwater?": `holder_asked`)."""
    m = _LEAD_ASKED.match(question)
    if m is None or not m.group("what").islower():
        return None
    return m.group("what").split()[-1]


_TITLE_OF = re.compile(_WHO_IS + r"(?:the\s+)?(?:current\s+|new\s+)?(?P<title>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\s+"
                       rf"(?:of|at|for)\s+(?:the\s+)?{_ORG}\W*$")
_ORGS_TITLE = re.compile(_WHO_IS + r"(?:the\s+)?" + _ORG + r"['’]s?\s+(?P<title>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)\W*$")
# the top title of an organisation: a firm's chief executive, a province's governor, a city's mayor
# (not a deputy's, a former or future one's, a vice-president's)
_NOT_THE_HOLDER = r"(?<![Vv]ice[\s-])(?<![Dd]eputy\s)(?<![Ff]ormer\s)(?<![Ff]uture\s)(?<![Aa]ssistant\s)(?<![Ii]nterim\s)(?<![Aa]cting\s)"
_CEO = r"chief\s+executive(?:\s+officer)?|CEO"
_CHAIR = r"chair(?:man|woman|person)?"
_SPOKES = r"spokes(?:man|woman|person)"
_COACH = r"coach|manager"
_TOP = rf"{_CEO}|managing\s+director|president|{_CHAIR}|governor|mayor|premier|director[\s-]general"
# a title a question names and the other ways a text writes it
_SAME_TITLE = {"manager": _COACH, "coach": _COACH, "boss": _TOP, "head": _TOP, "leader": _TOP, "chief": _TOP,
               "spokesperson": _SPOKES, "spokesman": _SPOKES, "spokeswoman": _SPOKES,
               "chairman": _CHAIR, "chairwoman": _CHAIR, "chair": _CHAIR}


# a person named by surname, then the title given them after a comma: "Bellamy, the company's chief
# technology officer" (qa/answer.py for whoever holds a title asked, qa/span.py for the person marked)
SURNAME = r"[A-Z][a-z’'-]+(?:\s+[A-Z][a-z’'-]+)*"


def titled_after(title: str, words_between: int) -> str:
    """A pattern of a surname (group "surname"), a comma, then ``title`` as its own ("the
    company's", "its") after up to ``words_between`` lower-case words ("lead", "chief")."""
    return (rf"(?P<surname>{SURNAME}),\s+(?:(?:the|a|an)\s+)?(?:[\w’'-]+['’]s\s+|its\s+|their\s+)?"
            rf"(?:[a-z-]+\s+){{0,{words_between}}}{title}")


def _holder_title(forms: str) -> re.Pattern:
    """A title in any of its forms, as a word, not a deputy's or a former holder's."""
    return re.compile(rf"{_NOT_THE_HOLDER}(?<![\w-])(?i:{forms})(?![\w-])")


def holder_asked(question: str) -> tuple[str, re.Pattern] | None:
    """(the organisation, its title as a text writes it) for a question asking who holds a title
    there; None for any other question ("Who runs the bakery in Pell Crossing mentioned …?" asks
    no title a story would give) or a title the roles do not know."""
    m = _LEADER_ASKED.match(question)
    if m:
        return m.group("org"), _holder_title(_TOP)
    m = _TITLE_OF.match(question) or _ORGS_TITLE.match(question)
    forms = m and _written_forms(m.group("title").lower())
    if not forms:
        return None
    return m.group("org"), _holder_title(forms)


# what a leader is called when the question names no title: a text often names one without any
# ("Kim Il-sung" for "Who was the leader of North Korea?")
_LEADING_WORDS = frozenset({"leader", "head", "boss", "chief"})


def title_named(question: str) -> tuple[str, re.Pattern] | None:
    """`holder_asked` for a question naming the title itself ("Who is the CEO of Huawei?",
    "Who is Valtrix's chief executive?"), None for one asking who leads or heads a body: a
    text names a leader without a title as often as with one."""
    m = _TITLE_OF.match(question) or _ORGS_TITLE.match(question)
    if m is None or m.group("title").lower() in _LEADING_WORDS:
        return None
    forms = _written_forms(m.group("title").lower())
    return (m.group("org"), _holder_title(forms)) if forms else None


def _written_forms(title: str) -> str | None:
    """The ways a text writes a title a question names: "CTO" and "chief technology officer"
    either way, a club's "manager" as its "coach" too, a boss as the top title; None for no title."""
    for short, spelt in _ABBREVIATED.items():
        if title.upper() == short or spelt.fullmatch(title):
            return rf"{spelt.pattern}|{short}"
    if title in _SAME_TITLE:
        return _SAME_TITLE[title]
    if JOB_TITLES.fullmatch(title):
        return r"\s+".join(map(re.escape, title.split()))
    return None


# the same titles asked in other languages ("¿Quién es el jefe de Calder Brightworks?", "Calder
# Brightworks 的老板是谁？", "Wer leitet Austral Launch Systems?"): the English forms a text writes
_HOLDERS_ASKED_OTHER = [
    (re.compile(r"(?i)director[ae]?\s+ejecutiv[oa]|consejer[oa]\s+delegad[oa]|\bPDG\b|directeur\s+g[ée]n[ée]ral|"
                r"gesch[äa]ftsf[üu]hrer|vorstandschef|amministratore\s+delegato|diretor[a]?\s+execut\w+|генеральн\w+\s+директор|"
                r"首席执行官|执行长|最高経営責任者|최고경영자|\bCEO\b"), _CEO),
    (re.compile(r"(?i)\b(?:jef[ea]|patr[oó]n|patronne|chef|capo|chefe|босс|руководител\w*|dirige|leitet|f[üu]hrt|guida|"
                r"руководит|возглавляет)\b|老板|负责人|领导|掌管|社長|トップ|사장|대표|이끄"), _TOP),
    (re.compile(r"(?i)\b(?:gobernador[a]?|gouverneur|governatore|governador[a]?|губернатор\w*)\b|州长|省长|知事|지사"), r"governor"),
    (re.compile(r"(?i)\b(?:alcalde(?:sa)?|maire|b[üu]rgermeister\w*|sindaco|prefeit[oa]|мэр\w*)\b|市长|市長|시장"), r"mayor"),
    (re.compile(r"(?i)\b(?:portavoz|porte-parole|sprecher\w*|portavoce|porta-voz|пресс-секретар\w*)\b|发言人|広報|대변인"),
     _SPOKES),
    (re.compile(r"(?i)\b(?:entrenador[a]?|entra[îi]neur|trainer\w*|allenatore|treinador[a]?|тренер\w*)\b|教练|監督|감독"), _COACH),
    (re.compile(r"(?i)\b(?:director[a]?|directeur|directrice|direktor\w*|direttor[ea]|diretor[a]?|директор\w*)\b|馆长|館長|관장"), r"director"),
]


# a name in Latin letters, as the English text writes it ("Calder Brightworks", "Valtrix"), and the
# question words that open a question capitalised ("Wer leitet …", "Quem é …")
_LATIN_NAME = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z&’'.-]*(?:\s+[A-Z0-9][A-Za-z0-9&’'.-]*)*")
_OPENING = re.compile(r"(?i)(?:wer|wie|was|quem|qui[eé]n(?:es)?|qui|chi|quale)\s+")


def holder_asked_other(question: str) -> tuple[str, re.Pattern] | None:
    """`holder_asked` for a question in another language: (the organisation's name, as the
    question writes it in Latin letters, the title's English forms), or None."""
    opened = _OPENING.sub("", question.lstrip(" ¿¡\"“'"), count=1)
    for asks, forms in _HOLDERS_ASKED_OTHER:
        if asks.search(opened):
            named = " ".join(_LATIN_NAME.findall(asks.sub(" ", opened)))  # "Quem é o CEO da Huawei?": Huawei
            return (named, _holder_title(forms)) if named else None
    return None
