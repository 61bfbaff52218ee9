"""Which things of a kind a text names: "Which companies are mentioned in the article?"

Searched, such a question was refused (0.18): no sentence writes "companies", and what it asks for
is every sentence that names one. The kind decides what counts: people; organisations (a name a
word like "firm", "chipmakers" or "Ltd" stands next to, or that unveils or launches something);
places; dates, sums of money, numbers; and for any other kind ("Which streets are named in the
minutes?", "What restaurants come up?") a name its word stands next to ("Market Street",
"Saltgrass, a 40-seat restaurant"). The answer is the first sentence naming each, in reading order.
"""
from __future__ import annotations

import re

from .countries import country_named
from .features import entity_mentions
from .lexical import zipf
from .misnamed import given_words
from .span import person_spans

_TEXT = (r"(?:the |this |that )?(?:[\w']+ ){0,2}?(?:article|story|text|piece|report|document|post|page|web ?page|press release|release|"
         r"biography|profile|leaflet|brochure|guide|essay|review|paper|entry|memo|letter|e ?mail|newsletter|notice|"
         r"news|minutes|interview|transcript|announcement|passage|round ?up|recap|summary|bulletin|feature|listing|"
         r"site|website)")
_KIND = r"(?:[\w']+ ){0,3}?(?:[\w']+s|people)"
_MENTIONED = (r"(?:mentioned|named|listed|cited|referenced|referred to|featured|discussed|talked about|brought up|"
              r"given|noted|written about)")
_COMES_UP = r"(?:come up|comes up|came up|appear|appears|appeared|show up|shows up|showed up|turn up|feature)"
_MENTIONS = r"(?:mention|mentions|name|names|list|lists|cite|cites|reference|refer to|talk about|discuss|feature|bring up)"
_IN_TEXT = rf"(?: (?:in|on) {_TEXT}| here| in here)?"  # "… in the article", "… here", or nothing
_ASKED_EN = re.compile(
    rf"(?:which|what) {_KIND} (?:are|were|is|was|get|gets|got|have been|has been) {_MENTIONED}(?: by name)?{_IN_TEXT}|"
    rf"(?:which|what) {_KIND} {_COMES_UP}{_IN_TEXT}|"
    rf"(?:which|what) {_KIND} (?:does|did) {_TEXT} {_MENTIONS}|"
    rf"(?:which|what) {_KIND} (?:are|were) (?:there )?(?:in|on) {_TEXT}|"
    rf"(?:name|list)(?: all| every)?(?: of)? (?:the )?{_KIND}(?: (?:that are |which are )?{_MENTIONED})?{_IN_TEXT}|"
    rf"(?:name|list)(?: all| every)?(?: of)? (?:the )?{_KIND} (?:that |which )?{_TEXT} {_MENTIONS}|"  # "Name the regulators the article mentions"
    rf"how many {_KIND} (?:are|were|is|was|get|gets|got) {_MENTIONED}(?: by name)?{_IN_TEXT}|"
    rf"how many {_KIND} (?:does|did) {_TEXT} {_MENTIONS}")
# Spanish and Chinese: only the kinds whose English words the families below know
_TEXT_ES = r"(?:(?:el|la|este|esta) )?(?:art[ií]culo|noticia|texto|historia|reportaje|nota|documento|entrevista)"
_ASKED_ES = re.compile(
    rf"(?:qu[eé]|cu[aá]les|cu[aá]nt[oa]s) (?P<kind>[\w]+)(?: se)? (?:mencionan|nombran|citan|aparecen|salen|figuran)(?: en {_TEXT_ES})?|"
    rf"(?:qu[eé]|cu[aá]les|cu[aá]nt[oa]s) (?P<kind2>[\w]+) (?:menciona|nombra|cita) {_TEXT_ES}")
_ASKED_ZH = re.compile(r"(?:这篇|该|本)?(?:文章|文中|新闻|报道|文本)?(?:里|中)?(?:都)?(?:提到|提及|列出|出现|写到|说到)了?"
                       r"(?:哪些|哪几家|哪几个|哪几位|几家|几个|几位|多少家|多少个|多少位|多少)(?P<kind>公司|企业|人物|人|城市|地方|地点|国家|日期|产品)")
_KIND_ES = {"empresas": "companies", "compañías": "companies", "companias": "companies", "firmas": "companies",
            "personas": "people", "gente": "people", "ciudades": "places", "lugares": "places", "países": "places",
            "paises": "places", "sitios": "places", "fechas": "dates", "cantidades": "amounts", "precios": "prices",
            "cifras": "numbers", "números": "numbers", "numeros": "numbers"}
_KIND_ZH = {"公司": "companies", "企业": "companies", "人物": "people", "人": "people", "城市": "places", "地方": "places",
            "地点": "places", "国家": "places", "日期": "dates", "产品": "products"}
# kinds that ask for no named thing ("What topics are discussed?": the gist)
_NO_KIND = frozenset("things topics subjects issues themes points details facts ideas words aspects parts sections matters "
                     "questions others events changes problems reasons ways steps kinds types".split())


def _normal(text: str) -> str:
    text = re.split(r"[?？]", text)[0] or text
    text = re.sub(r"[^\w\s']", " ", text.lower())
    return re.sub(r"\s+", " ", text).strip()


def kinds_request(text: str) -> tuple[tuple[str, ...], bool] | None:
    """The kinds a message asks the text to name, and whether it asks how many ("Which
    companies are mentioned in the article?" -> (("companies",), False); "What streets or roads
    are named in the minutes?" -> (("streets", "roads"), False)), else None."""
    if re.search(r"[\u4e00-\u9fff]", text):
        m = _ASKED_ZH.search(text)
        return ((_KIND_ZH[m.group("kind")],), bool(re.search(r"几|多少", m.group(0)))) if m else None
    norm = re.sub(r"^(?:so|and|ok|okay|also|but|please|can you|could you) ", "", _normal(text))
    m = _ASKED_ES.fullmatch(norm)
    if m is not None:
        kind = _KIND_ES.get(m.group("kind") or m.group("kind2"))
        return ((kind,), norm.startswith("cu")) if kind else None
    if _ASKED_EN.fullmatch(norm) is None:
        return None
    kind = _kind_phrase(norm)
    # the last word says the kind ("chinese companies"), but a maker's says what it makes too ("car companies")
    # and a line of business says which companies ("law firms"; not "chinese companies", "other firms")
    kinds = tuple(dict.fromkeys(_kind_of(w) for w in re.split(r" (?:or|and) |, ", kind) if w.split()))  # once each
    if not kinds or any(k in _NO_KIND for k in kinds):
        return None
    return kinds, norm.startswith("how many")


def _kind_of(words: str) -> str:
    """The kind a request's words ask for: a maker's ("car companies"), public bodies ("government
    agencies", "federal bodies"), regulators ("watchdogs"), a line of business ("law firms"), else
    the last word ("chinese companies": companies)."""
    *line, head = words.split()
    if _makers_of(words):
        return words
    if head in _PUBLIC_BODIES and line and all(w in _GOVERNMENT for w in line):
        return "government bodies"
    if head in ("watchdogs", "regulators"):
        return "regulators"
    return _line_of(words) or head


# words before a kind that say nothing of the line of business ("other companies", "big firms")
_ANY_LINE = frozenset("other others major big biggest large larger largest small smaller smallest foreign local domestic "
                      "international global leading top main key new rival competing listed "
                      "western american european asian these those such two three several many".split())


def _line_of(kind: str) -> str | None:
    """A kind of companies or organisations by their line of business ("law firms", "chinese
    private equity firms" -> "private equity firms"), or None for one asked by its country or
    size alone ("chinese companies", "big firms")."""
    if kind in _NAME_SAYS:  # "government bodies": found by their names
        return None
    *line, head = kind.split()
    line = [w for w in line if w not in _ANY_LINE and not country_named(w)]
    trade = " ".join(line)
    if trade in _LINE_IS and (head in _COMPANIES or head in _ORGANISATIONS):  # "insurance companies" are insurers
        return _LINE_IS[trade]
    if len(line) == 1 and f"{line[0]}s" in _SAME_KIND and head in _COMPANIES:  # "airline companies" are airlines
        return f"{line[0]}s"
    return " ".join(line + [head]) if line and (head in _COMPANIES or head in _ORGANISATIONS) else None


def _kind_phrase(norm: str) -> str:
    """The kind words of a matched English request: what stands between its question word and
    its verb ("which *chinese companies* are mentioned")."""
    words = norm.split()
    start = 2 if words[0] == "how" else 1
    if words[0] in ("name", "list"):
        start = 1
        while start < len(words) and words[start] in ("all", "any", "every", "of", "the"):
            start += 1
    stop = start
    while stop < len(words) and words[stop] not in _VERBS:
        stop += 1
    kind = " ".join(words[start:stop]) or words[start]
    # "name the regulators the article mentions": the text and what it does are no kind
    return re.sub(r" (?:that |which )?(?:the|this|that) (?:[\w']+ )?(?:article|story|text|piece|report|document|post|page)\b.*$",
                  "", kind)


_VERBS = frozenset("are were is was get gets got have has does did come comes came appear appears appeared show shows "
                   "showed turn feature mentioned named listed cited referenced referred featured discussed talked "
                   "brought given noted written that which in".split())


# ------------------------------------------------------------------ what counts as one of a kind

_PEOPLE = frozenset("people persons individuals officials executives experts players characters politicians candidates "
                    "leaders scientists researchers witnesses speakers authors writers artists athletes coaches managers "
                    "ministers lawyers doctors victims residents councillors members staff".split())
# (a narrower kind, "chipmakers", "banks", is found by its own word: "chipmakers Metax and Iluvatar CoreX")
_COMPANIES = frozenset("companies firms businesses corporations brands enterprises".split())
_ORGANISATIONS = frozenset("organisations organizations agencies institutions groups bodies".split())
_PLACES = frozenset("places locations cities towns countries nations regions villages states provinces counties "
                    "destinations sites venues".split())
_STREETS = frozenset("streets roads lanes avenues addresses".split())
_TEAMS = frozenset("teams clubs sides".split())
_TEAM_NAME = re.compile(r"\s(?:FC|AFC|RFC|CC|United|City|Town|Athletic|Albion|Wanderers|Rovers|Rangers|Harriers|County|Villa|"
                        r"Ladies|Women|Juniors|Club|Hotspur|Dynamo|Olympic|Saints|Tigers|Lions|Eagles|Falcons|Sharks)\.?$")
# a kind readers name with one word and texts with others ("ships": "the steamer Albion Star", "the clipper …")
_SAME_KIND = {"ships": "ships|ship|vessels|vessel|steamers|steamer|clippers|clipper|schooners|schooner|barques|barque|"
                       "yachts|yacht|ferry|ferries|liners|liner|tankers|tanker|trawlers|trawler|boats|boat"}
_SAME_KIND.update({k: _SAME_KIND["ships"] for k in ("boats", "vessels")})
# what a maker makes, in the words texts use for it: a reader's "chipmakers" are a text's "GPU
# manufacturers", "semiconductor firm", "memory-chip producer", "Tallis Semiconductor"; each is
# (the thing's words, the last words of a maker's name that say it)
_MADE = ((r"chips?|semiconductors?|GPUs?|CPUs?|processors?|microchips?|memory[- ]chips?", r"Semiconductors?|Microelectronics|Chips?"),
         (r"cars?|autos?|vehicles?|automobiles?|EVs?|electric[- ](?:vehicles?|cars?)", r"Motors?|Automotive|Auto|Cars|Vehicles?"),
         (r"drugs?|pharmaceuticals?|pharma|medicines?", r"Pharmaceuticals?|Pharma|Therapeutics|Biosciences|Biotech|Laboratories"),
         (r"phones?|smartphones?|handsets?", r"Mobile|Phones?"),
         (r"planes?|aircraft|jets?|airplanes?|aeroplanes?|jetliners?", r"Aerospace|Aircraft|Aviation"))
_MAKER = r"makers?|manufacturers?|producers?|designers?|compan(?:y|ies)|firms?|suppliers?|giants?"
# a kind readers name with one word and texts with others, by what it does ("carrier Skyvale", "lender Harbury")
_SAME_KIND.update({"airlines": r"airlines?|(?i:budget |low[- ]cost |flag |national )?carriers?",
                   "banks": r"banks?|lenders?|(?i:investment|commercial|retail|central|savings) banks?",
                   "retailers": r"retailers?|(?i:supermarket|grocery|department[- ]store|discount|convenience[- ]store|fashion|"
                                r"clothing|electronics|online) (?:chains?|retailers?|sellers?|groups?)|supermarkets?|grocers?"})
_SAME_KIND.update({"carriers": _SAME_KIND["airlines"], "lenders": _SAME_KIND["banks"],
                   # "Bermuda-based reinsurer Ashgrove Re", "Insurance group Stanmore Holdings", "health insurer Bellmark"
                   "insurers": r"(?i:re)?insurers?|underwriters?|(?i:insurance) (?:compan(?:y|ies)|groups?|firms?|providers?)",
                   # "Credit rating agency Brightline Ratings", "ratings firm Moody's"
                   "raters": r"(?i:credit[- ])?(?:raters?|(?i:ratings?) (?:agenc(?:y|ies)|firms?|compan(?:y|ies)|services?))"})
# a line of business readers name by its trade and texts by who plies it ("insurance companies": insurers)
_LINE_IS = {"insurance": "insurers", "rating": "raters", "ratings": "raters", "credit rating": "raters",
            "credit ratings": "raters", "banking": "banks"}
# bodies whose names say what they are ("Lakeside University Medical Center", "the Vehicle Safety
# Administration", "the Nordic Pilots Association"): the kind, and the last words of its names
_WORKERS = (r"Workers|Autoworkers|Pilots|Teachers|Nurses|Doctors|Drivers|Employees|Engineers|Machinists|Miners|"
            r"Journalists|Officers|Firefighters|Dockworkers|Teamsters|Postal|Rail|Transport|Staff|Professionals")
# the last word of a public body's name
_BODY_END = r"Administration|Agency|Authority|Board|Bureau|Commission|Council|Department|Directorate|Executive|Institute|Ministry|Office|Service"
# (not "the Soviet Union", "the Bush Administration")
_NAME_SAYS = {"hospitals": r"Hospitals?|Medical Cent(?:er|re)|Infirmary|Clinic|Health(?:care)? System",
              "regulators": r"Authority|Commission|Regulator|Inspectorate|Ombudsman|[A-Z]\w+\s+(?:and\s+)?[A-Z]\w+\s+Administration|"
                            # "the Federal Competition Bureau", "the Ohio Health Facilities Review Board"
                            r"(?:Competition|Regulatory|Review|Safety|Standards|Oversight|Supervisory|Markets?|Conduct)\s+"
                            r"(?:Bureau|Board|Office|Agency|Service|Council|Directorate)",
              "unions": rf"(?:{_WORKERS}|Trades?|Labou?r)['’]?\s+(?:Union|Association|Federation|Guild|Alliance|Council|Brotherhood)"}
# "government agencies", "federal bodies": a public body's name says whose it is ("the Federal Labor Mediation
# Service", "the Department of Energy", "the Environment Agency"), or it is a regulator's
# (not a university's "Department of Philosophy", a club's "Ministry of Sound", "GEICO Insurance Agency")
_PORTFOLIO = (r"State|Defen[cs]e|Energy|Health|Education|Labou?r|Transport(?:ation)?|Justice|Agriculture|Commerce|Treasury|"
              r"Interior|Housing|Homeland|Veterans|Finance|Foreign|Environment|Home|Trade|Industry|Culture|Sanitation|"
              r"Forestry|Fisheries|Human|Homeless|City|Post|Employment|Social|Public|Economy|Economic|Internal|Immigration|"
              r"Revenue|Water|Natural|Infrastructure|Communications|Information|Science|Tourism|Youth|Sports?|Emergency")
_NAME_SAYS["government bodies"] = (_NAME_SAYS["regulators"] + rf"|(?:Department|Ministry)\s+of\s+(?:the\s+)?(?:{_PORTFOLIO})\b.*|"
                                   r"(?:Federal|National|State|Central|Royal|Public|U\.S\.|US|EU|European)\s+(?:[A-Z][\w&-]*\s+){0,4}"
                                   rf"(?:{_BODY_END})|(?:{_PORTFOLIO}|Space|Protection|Planning|Intelligence|Security|Food|Research|"
                                   r"Projects|Statistics|Border|Customs|Nuclear|Atomic|Maritime|Aviation|Highways?)\s+Agency")
_GOVERNMENT = frozenset("government governmental federal state public national official".split())
_PUBLIC_BODIES = frozenset("agencies bodies departments organisations organizations institutions authorities offices".split())
_STREET_NAME = re.compile(r"\s(?:Street|St|Road|Rd|Avenue|Ave|Lane|Close|Way|Crescent|Drive|Place|Terrace|Row|Boulevard|"
                          r"Highway|Mews|Parade)\.?$")
# kinds given by what a sentence writes, not by names: every sentence that gives one is cited
MEASURE_KINDS = {"dates": "date", "days": "date", "years": "date", "deadlines": "date",
                 "amounts": "money", "sums": "money", "prices": "money", "costs": "money", "fees": "money",
                 "numbers": "number", "figures": "number", "statistics": "number", "stats": "number",
                 "percentages": "percent"}
# words next to an organisation's name ("research firm SemiAnalysis", "CEO of Enflame", "Halvorsen Home Appliances Ltd")
_ORGANISATION_WORDS = (r"compan(?:y|ies)|firms?|business(?:es)?|corporations?|brands?|makers?|manufacturers?|chipmakers?|"
                       r"carmakers?|automakers?|developers?|start-?ups?|suppliers?|retailers?|giants?|rivals?|competitors?|"
                       r"banks?|lenders?|agenc(?:y|ies)|insurers?|operators?|publishers?|airlines?|chains?|subsidiar(?:y|ies)")
_COMPANY_SUFFIX = (r"Inc|Ltd|Corp|Co|plc|PLC|LLC|GmbH|AG|SA|Group|Holdings|Systems|Technologies|Industries|Labs|Partners|"
                   r"Bank|Motors|Airlines|Instruments|Appliances|Components|Electronics|Pharmaceuticals|Foods|Media|Energy|"
                   r"Capital|Research|Wire|News|Sons|Brothers|Bros|Hardware|Supplies|Stores|Services|Solutions|Logistics|"
                   r"Construction|Builders|Engineering|Consulting|Software|Coatings|Paints|Studios|Publishing|Insurance|"
                   r"Analytics|Robotics|Therapeutics|Biosciences|Ventures|Enterprises|Trading|Shipping|Freight|Paving")
_BODY_SUFFIX = (r"Club|Association|Society|Council|Committee|Foundation|Authority|Trust|University|College|Institute|"
                r"Agency|Alliance|Party|Union|Federation|League|Court")
_COMPANY_NAME = re.compile(rf"\b(?:{_COMPANY_SUFFIX})\b\.?$")
_ORGANISATION_SUFFIX = re.compile(rf"\b(?:{_COMPANY_SUFFIX}|{_BODY_SUFFIX})\b\.?$")
_HEADED = r"CEO|chief executive|founder|co-founder|chair(?:man|woman)?|spokes(?:person|man|woman)|owner|head"
_DOES = (r"unveil(?:s|ed)?|launch(?:es|ed)?|introduc(?:es|ed)|showcas(?:es|ed)|announc(?:es|ed)|releas(?:es|ed)|"
         r"report(?:s|ed)|post(?:s|ed)|acquir(?:es|ed)|bought|buys|recall(?:s|ed)|hir(?:es|ed)|employs|sells|sold|"
         r"manufactur(?:es|ed)|supplies|supplied|shipped|ships")
_OWNED = (r"chips|products|shares|stock|flagship|brand|factory|factories|plant|plants|headquarters|employees|staff|"
          r"revenue|profits?|sales|earnings|customers|shareholders|subsidiary|board|devices|phones|software|platform")
_NAME = (r"(?:[A-Z][\w’'&.-]*|[0-9][\w.-]*[A-Za-z][\w.-]*)(?:\s+(?:of\s+|de\s+|&\s+|"
         rf"and\s+(?=[A-Z][a-z]+\s+(?:{_BODY_END})\b))?[A-Z0-9][\w’'&.-]*)*")  # "the Food and Drug Administration"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_NAME})*"
_MONTHS_AND_DAYS = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
                              r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# a date as written: "28 July 2025", "July 28", "2025", "Monday", "2025-07-28" ("May" only with a day or a year)
_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b|(?:\b\d{1,2} )?\b(?:January|February|March|April|June|July|August|September|"
                   r"October|November|December|(?:May(?= \d)|(?<=\d )May))(?: \d{1,2})?(?:,? \d{4})?\b|\b(?:1[5-9]|20)\d{2}s?\b|"
                   r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_PLACE_AFTER = re.compile(rf"\b(?:in|at|from|near|outside|across|throughout) (?:the )?(?P<names>{_NAMES})")
_PLACE_WORDS = r"city|town|village|county|province|state|region|district|country|island|capital"
_PLACE_SUFFIX = re.compile(r"\b(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Park|River|Lake|Island|Bay|Bridge|County|"
                           r"Province|Valley|Mountains?|Hills?|Beach|Harbour|Harbor|Falls|Forest|Reef|Ward)\.?$")


def _split_names(names: str) -> list[str]:
    """The names of a list ("Huawei, Biren, Moore Threads, and Enflame"), each as written, a
    leading "The" and a possessive set aside; a capitalised common word alone is no name."""
    out = []
    # "Menon and Sons": the "and" is the name's own, as an ampersand always is ("Castell & Rowe")
    names = re.sub(r"\s+and\s+(Sons|Daughters|Brothers|Co|Company|Partners)\b", lambda m: "\u2040and\u2040" + m.group(1), names)
    # "the Food and Drug Administration", "the Fish and Wildlife Service": one word each side of a body's own "and"
    names = re.sub(rf"(?<=[A-Z][a-z])([a-z]*)\s+and\s+(?=[A-Z][a-z]+\s+(?:{_BODY_END})\b)", lambda m: m.group(1) + "\u2040and\u2040", names)
    for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", names):
        n = re.sub(r"^(?:The|the|A|An|All|Every|Both|Its|Their|His|Her|Our|Some)\s+", "", re.sub(r"[’']s$", "", n.strip(" .")))
        n = n.replace("\u2040and\u2040", " and ")
        if not n or _MONTHS_AND_DAYS.match(n) or (" " not in n and n.isalpha() and zipf(n.lower()) >= 4.5):
            continue
        if re.search(r"-(?:based|born|made|owned|listed|led|backed|headquartered)$", n):  # "the Seattle-based chipmaker"
            continue
        out.append(n)
    return out


def _word_forms(kind: str) -> str:
    """The kind's word, singular or plural ("streets" -> street|streets, "cities" -> city|cities)."""
    if kind.endswith("ies"):
        one = kind[:-3] + "y"
    elif re.search(r"(?:[sxz]|ch|sh)es$", kind):
        one = kind[:-2]
    else:
        one = kind.removesuffix("s")
    forms = {re.escape(one), re.escape(kind)}
    maker = re.fullmatch(r"(\w+?)-?makers?", kind)
    if maker:  # "chipmakers": chip makers, chip manufacturers
        forms.add(rf"{re.escape(maker.group(1))}[- ]?(?:makers?|manufacturers?)")
    return "|".join(sorted(forms, key=len, reverse=True))


def _makers_of(kind: str) -> tuple[str, str] | None:
    """The words of what a kind of maker makes, and its names' endings (`_MADE`), for "chipmakers",
    "car makers", "semiconductor companies", "drug firms"; None for any other kind."""
    m = re.fullmatch(rf"(?P<thing>[\w-]+?)-?(?:makers?)|(?P<thing2>[\w-]+) (?:{_MAKER})", kind)
    if m is None:
        return None
    thing = m.group("thing") or m.group("thing2")
    return next(((words, ends) for words, ends in _MADE if re.fullmatch(rf"(?i:{words})", thing)), None)


def _made_by(sentence: str, made: tuple[str, str]) -> list[str]:
    """Names the sentence gives as a maker of the thing: "GPU manufacturers including Huawei, …",
    "semiconductor firm Tallis", "Kestrel, a maker of processors", "Tallis Semiconductor"."""
    words, ends = made
    forms = rf"(?i:{words})[- ]?(?:{_MAKER})|(?:{_MAKER}) of (?:[\w-]+ )?(?i:{words})"
    found = _named_next_to(sentence, forms)
    # "Shares of Tallis Semiconductor rose": the name is after a common word's "of"
    ending = [re.sub(r"^[A-Z][a-z]+ of (?=[A-Z])", lambda m: "" if zipf(m.group(0).split()[0].lower()) >= 4.5 else m.group(0), n)
              for n in _names_ending(sentence, re.compile(rf"\s(?:{ends})$"))]
    return found + [n for n in ending if n not in found]


def _names_ending(sentence: str, ending: re.Pattern) -> list[str]:
    """The sentence's names whose last words say what they are ("Harlow Instruments Inc",
    "Market Street", "Ashby Rovers")."""
    return [n for m in re.finditer(_NAME, sentence) for n in _split_names(m.group(0)) if ending.search(n)]


def _named_next_to(sentence: str, words: str) -> list[str]:
    """Names a word of the kind stands next to: "chipmakers Metax and Iluvatar CoreX", "GPU
    manufacturers including Huawei, …", "lenders led by Castell & Rowe", "Saltgrass, a 40-seat restaurant", "Riverside ward",
    or ends ("Market Street" for streets). A short acronym before the word describes the kind
    ("AI chipmakers", "LLM developers") rather than naming one."""
    found = []
    for m in re.finditer(rf"\b(?:{words})\b,?\s+(?:(?:including|include|includes|such as|like|namely|called|named|is|are|was|"
                         rf"were|led by|headed by)\s+)?(?P<names>{_NAMES})", sentence):
        listed = _split_names(m.group("names"))
        if listed and re.fullmatch(r"[A-Z0-9]{1,4}", listed[-1]) and re.match(r"\s+[a-z]", sentence[m.end():]):
            listed.pop()  # "firm SenseTime, LLM developers StepFun": "LLM" describes the next ones
        found += listed
    for m in re.finditer(rf"(?P<names>{_NAMES}),?\s+(?:(?:is|was|are|were)\s+)?(?:a|an|the|its|their)\s+"
                         rf"(?:(?!(?:at|of|for|with|from|by|in|on|to|and)\b)[\w-]+\s+){{0,3}}?(?:{words})\b", sentence):
        found += _split_names(m.group("names"))[-1:]
    for m in re.finditer(rf"(?P<name>{_NAME})\s+(?P<kind>{words})\b", sentence):
        if _plural(m.group("kind"), words):  # "Rival automakers are watching", "Detroit carmakers": words about them
            continue
        found += [n for n in _split_names(m.group("name"))[-1:]
                  if not re.fullmatch(r"[A-Z0-9]{1,4}", n) and not _describes(n, sentence, m)]
    found += [n for n in _names_ending(sentence, re.compile(rf"\s(?:{_capitalised(words)})$")) if " " in n]
    return found


def _plural(word: str, words: str) -> bool:
    """Whether a word of the kind is written in the plural ("automakers" of automaker|automakers):
    one name before it describes them ("Rival automakers", "Japanese carmakers") rather than being
    one of them ("Saltgrass restaurant", "Riverside ward")."""
    ones = (word[:-3] + "y", word[:-2], word[:-1]) if word.endswith("s") else ()
    return any(re.fullmatch(rf"(?:{words})", one) for one in ones)


def _capitalised(words: str) -> str:
    """A pattern of alternatives with each alternative's first letter a capital ("street|road"
    -> "Street|Road"), its groups' own alternatives left as they are."""
    out, depth, start = [], 0, True
    for ch in words:
        out.append(ch.upper() if start and depth == 0 else ch)
        start = ch == "|" and depth == 0
        depth += (ch == "(") - (ch == ")")
    return "".join(out)


def _describes(word: str, sentence: str, m: re.Match) -> bool:
    """Whether a capitalised word before a word of the kind describes the thing rather than names
    it: the kind's name follows ("Supermarket chain Hadley Stores", "Low-cost operator SkyHop"),
    it comes after the name ("Kestrel Motors, the Detroit automaker"), or it is a people's
    adjective ("the Swiss maker")."""
    before = sentence[:m.start()]
    # the sentence's first word, or one after "the": "Riverside ward Councillor Amy Lee" names a ward
    named_after = re.match(r"\s+[A-Z0-9]", sentence[m.end():]) and re.fullmatch(r"\W*|.*\b(?:the|a|an)\s+", before)
    after_a_name = re.search(r",\s+(?:the|a|an)\s+$", before)
    country = country_named(word)
    return bool(named_after or after_a_name or country and country != word and " " not in word)


def _organisations(sentence: str) -> list[str]:
    """Names the sentence gives as an organisation's."""
    found = _named_next_to(sentence, _ORGANISATION_WORDS)
    found += [n for m in re.finditer(rf"\b(?:{_HEADED}) of (?P<names>{_NAMES})", sentence) for n in _split_names(m.group("names"))]
    found += _names_ending(sentence, _ORGANISATION_SUFFIX)
    m = re.match(rf"(?P<name>{_NAME})\s+(?:{_DOES})\b", sentence)  # "Alibaba unveiled its Quark AI Glasses"
    if m and not person_spans(m.group("name")):
        found += _split_names(m.group("name"))
    # what a business owns ("Nvidia's most advanced chips", "Harlow's shares"), a one-word source ("According to Reuters")
    found += [n for m in re.finditer(rf"(?P<name>{_NAME})['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_OWNED})\b", sentence)
              for n in _split_names(m.group("name")) if not person_spans(n)]
    found += [n for m in re.finditer(r"\b(?:[Aa]ccording to|[Aa]s per|reported by|told)\s+(?P<name>[A-Z][\w-]+)(?![\w’'-]|\s+[A-Z])", sentence)
              for n in _split_names(m.group("name"))]
    return found


def _companies(sentence: str) -> list[str]:
    """Organisations' names that are no alliance, council or club's."""
    return [n for n in _organisations(sentence) if _COMPANY_NAME.search(n) or not _ORGANISATION_SUFFIX.search(n)]


def _places(sentence: str) -> list[str]:
    found = [n for m in _PLACE_AFTER.finditer(sentence) for n in _split_names(m.group("names")) if n[:1].isupper()]
    found += _named_next_to(sentence, _PLACE_WORDS)
    found += _names_ending(sentence, _PLACE_SUFFIX)
    return [n for n in found if not _ORGANISATION_SUFFIX.search(n) and not re.match(r"(?:Mr|Mrs|Ms|Miss|Dr|Sir)\b", n)]


def _bodies(sentence: str, kind: str) -> list[str]:
    """Hospitals, regulators, unions: the names next to the kind's word ("the union FNV Havens",
    "the Allied Autoworkers union") and those whose last words say it, but not any name ending in
    the word ("the Soviet Union") nor a possessive ("the nurses' union")."""
    forms = _word_forms(kind)
    says = re.compile(rf"(?:^|\s)(?:{_NAME_SAYS[kind]})$")
    ending = re.compile(rf"\s(?:{_capitalised(forms)})$")
    found = [n for n in _named_next_to(sentence, forms) if not ending.search(n) or says.search(n)]
    found += [n for n in _names_ending(sentence, says) if " " in n]  # not "Hospitals" alone
    return [n for n in found if not n.endswith(("'", "’"))]


def _people(sentence: str) -> list[str]:
    """People's names without their titles ("Chief Executive Denise Okafor" is Denise Okafor)."""
    out = []
    for a, b in person_spans(sentence):
        words = given_words(sentence[a:b].split())
        if not _ORGANISATION_SUFFIX.search(sentence[a:b]) and words:
            out.append(" ".join(words))
    return out


def named(kinds: tuple[str, ...], sentences: list[str]) -> list[tuple[int, list[str]]]:
    """(sentence number, the names it is the first to give) for every sentence that first
    names a thing of the kinds, in reading order; for a date, a sum, a number, every sentence
    that gives one (and what it gives). A line of business ("law firms") names those written so
    ("law firm Whitcombe Lane"), else, as the text may call it otherwise, any of the kind."""
    lines = [k for k in kinds if _line_of(k)]
    if not lines:
        return _named(kinds, sentences)
    text = " ".join(sentences)
    # a text that never writes the line of business ("shipping") names none of it; one that does
    # may call its companies otherwise ("Which tech companies …?" of "Huawei", "Alibaba")
    written = any(re.search(rf"(?i)(?<![\w-]){re.escape(k.split()[0])}", text) for k in lines)
    heads = tuple(k.split()[-1] if k in lines else k for k in kinds)
    return _named(kinds, sentences) or (_named(heads, sentences) if written else [])


def _line_forms(kind: str) -> str:
    """A line of business as a text writes it, of any company or organisation: "private equity
    firms" -> "private-equity firm", "private equity group"; "cloud companies" -> "cloud-services
    group"."""
    *line, head = kind.split()
    heads = "|".join(_word_forms(h) for h in sorted(_COMPANIES | _ORGANISATIONS))
    return "(?i:" + r"[- ]".join(map(re.escape, line)) + rf")[\w-]*[- ](?:{heads})"


def _named(kinds: tuple[str, ...], sentences: list[str]) -> list[tuple[int, list[str]]]:
    finders = []
    for kind in kinds:
        made = _makers_of(kind)
        if made is not None:  # before the companies: "car companies" are makers of cars
            finders.append(lambda s, made=made: _made_by(s, made))
        elif _line_of(kind):
            finders.append(lambda s, forms=_line_forms(kind): _named_next_to(s, forms))
        elif kind in _PEOPLE:
            finders.append(_people)
        elif kind in _COMPANIES:
            finders.append(_companies)
        elif kind in _ORGANISATIONS:
            finders.append(_organisations)
        elif kind in _PLACES:
            finders.append(_places)
        elif kind in _TEAMS:  # "Ashby Rovers", "Kettleby Town Ladies"
            finders.append(lambda s: _names_ending(s, _TEAM_NAME))
        elif kind in _SAME_KIND:
            finders.append(lambda s, forms=_SAME_KIND[kind]: _named_next_to(s, forms))
        elif kind in _NAME_SAYS:  # "regulator Ofwat", "the Vehicle Safety Administration"
            finders.append(lambda s, kind=kind: _bodies(s, kind))
        elif kind in _STREETS:  # "Market Street", "Ashdown Close"
            finders.append(lambda s: _names_ending(s, _STREET_NAME))
        elif kind in MEASURE_KINDS:
            measure = MEASURE_KINDS[kind]
            finders.append(lambda s, measure=measure: _DATE.findall(s) if measure == "date"
                           else re.findall(r"\d[\d,.]*\d|\d", s) if measure == "number" else list(entity_mentions(measure, s)))
        else:
            forms = _word_forms(kind)
            finders.append(lambda s, forms=forms: _named_next_to(s, forms))
    found = [[n for find in finders for n in find(s)] for s in sentences]
    # a name given as one of the kind anywhere is one wherever it is written ("Huawei took centre stage …")
    known = {n for names in found for n in names}
    other = set()  # "Moore Threads" is one of the chipmakers, "New York" a place: no people
    if _people in finders:
        other |= {n for s in sentences for n in _organisations(s) + _places(s)}
    if _places in finders or _companies in finders:  # "Harlow Instruments" is no place, "Dunmore" no company
        other |= {n for s in sentences for n in (_organisations(s) if _places in finders else _places(s))}
    known -= other
    measures = any(k in MEASURE_KINDS for k in kinds)
    out, seen = [], set()
    for k, (s, names) in enumerate(zip(sentences, found)):
        here = [n for n in names if n not in other]
        if not measures:
            here += [n for n in known if re.search(rf"(?<![\w-]){re.escape(n)}(?![\w-])", s)]
        new = []
        for n in dict.fromkeys(here):
            # one per thing: per surname ("Mr Olumide" after "Gareth Olumide"), "Valtrix" after "Valtrix Inc."
            key = n.lower().split()[-1] if _people in finders else _COMPANY_NAME.sub("", n).strip().lower() or n.lower()
            if measures or key not in seen:
                new.append(n)
                seen.add(key)
        if new:
            out.append((k, new))
    return out
