"""The small vocabulary every stage speaks: Document -> Sentence -> Hit -> Citation -> Answer.

Offsets are born in `segment` and travel unchanged to the page, so
``document.text[s.start:s.end] == s.text`` holds for every sentence and citation.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

REFUSAL = "The article doesn't say."
# The refusal in the asker's language (qa/languages.py `identify`): the citations stay English; the
# page has its own words in each of these languages (qa/render.py WORDS)
REFUSALS = {"en": REFUSAL, "es": "El artículo no lo dice.", "zh": "文章没有提到。",
            "fr": "L'article ne le dit pas.", "de": "Der Artikel sagt das nicht.", "it": "L'articolo non lo dice.",
            "pt": "O artigo não diz.", "ru": "В статье об этом не говорится.", "ja": "記事には書かれていません。",
            "ko": "기사에는 나와 있지 않습니다."}
# and when the question searched several documents
REFUSAL_DOCUMENTS = "The documents don't say."
REFUSALS_DOCUMENTS = {"en": REFUSAL_DOCUMENTS, "es": "Los documentos no lo dicen.", "zh": "这些文档都没有提到。",
                      "fr": "Les documents ne le disent pas.", "de": "Die Dokumente sagen das nicht.",
                      "it": "I documenti non lo dicono.", "pt": "Os documentos não dizem.",
                      "ru": "В документах об этом не говорится.", "ja": "文書には書かれていません。",
                      "ko": "문서에는 나와 있지 않습니다."}


@dataclass(frozen=True)
class Document:
    """One corpus file: its id (file name without extension), metadata and full text."""

    id: str
    title: str
    text: str
    date: str | None = None
    path: str = ""


@dataclass(frozen=True)
class Sentence:
    """A citable span of a document.

    ``kind`` is "text" for a sentence of the story and "meta" for a metadata line
    (``date 2025-07-28``); headings are never sentences, they live on as ``section``.
    ``para`` numbers the paragraph, so neighbours and passages can be found.
    """

    doc: str
    i: int
    start: int
    end: int
    text: str
    para: int
    section: str = ""
    kind: str = "text"


@dataclass
class Hit:
    """A candidate sentence with the features and score the ranker gave it."""

    sentence: Sentence
    score: float = 0.0
    features: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Citation:
    """A sentence an answer stands on, with the passage around it for display.

    ``answer_start``/``answer_end`` (document offsets) mark the short answer inside
    the sentence when one was found; ``passage_start``/``passage_end`` bound its paragraph.
    """

    doc: str
    sentence: str
    start: int
    end: int
    score: float
    answer_start: int | None = None
    answer_end: int | None = None
    passage_start: int = 0
    passage_end: int = 0
    section: str = ""

    def contract(self) -> dict:
        """The citation as the JSONL contract spells it."""
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start,
                "end": self.end, "score": round(float(self.score), 4)}


@dataclass(frozen=True)
class Answer:
    """What the engine returns: short text, citations best first, and how sure it is."""

    question: str
    answer: str
    answerable: bool
    confidence: float
    citations: tuple[Citation, ...] = ()
    nearest: tuple[Citation, ...] = ()  # shown, labelled, when the engine refuses
    query: str = ""  # the question as searched, after follow-up resolution
    respelt: tuple[tuple[str, str], ...] = ()  # misspelt words read as the documents spell them
    kind: str = "search"  # "search"; "gist" (the lead paragraph, asked for; "questions" for a FAQ's); "more" (the sentences after
    # the previous answer, "tell me more"); "date" (the date line, "when was this written?"); "mentions" (where a name is written); "section" (a section asked for by its heading); "quoted" (who a story quotes); "ending" (its last paragraph); "headline" (its title line); "named" (the things of a kind it names); "chat" (small talk, a reply)
    lang: str = "en"  # the asker's, one of REFUSALS': the refusal and the page's words around an answer follow it

    def read_as(self) -> str:
        """How misspelt words were read, as a search engine says it ("" if none were)."""
        if not self.respelt:
            return ""
        return "Read " + ", ".join(f"“{typed}” as “{read}”" for typed, read in self.respelt) + "."

    def contract(self, qid: str | None = None) -> dict:
        """The answer object of the JSONL contract (and of the HTTP /ask endpoint)."""
        out: dict = {} if qid is None else {"id": qid}
        citations = [c.contract() for c in self.citations]
        # best first, and no score above the one before it: a citation placed lower (by the
        # re-reading network, which rescored only the best few, or for a name the question
        # lists) is no stronger than the one above it
        for above, below in zip(citations, citations[1:]):
            below["score"] = min(below["score"], above["score"])
        out.update(answer=self.answer, answerable=self.answerable,
                   confidence=round(float(self.confidence), 4), citations=citations)
        return out

    def to_dict(self) -> dict:
        return asdict(self)


class IndexFolderError(RuntimeError):
    """The index folder cannot hold an index: it is a file, the corpus itself, another tool's
    folder, or not writable. Nothing in it is touched."""
