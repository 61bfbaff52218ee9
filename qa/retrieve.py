"""Hybrid retrieval: pick candidate sentences (dense + BM25), compute their features, rank them.

Within one document (or a small corpus) every sentence is a candidate, so nothing relevant
is lost before ranking; in a large corpus the union of the dense and BM25 top-k is.
"""
from __future__ import annotations

import atexit
import logging
import os
import pickle
import re
import subprocess
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

import numpy as np

from . import compounds, contrast, features, nearwords, spanish
from .crosslingual import has_cjk, translate_words
from .index import ANN_SHORTLIST, Index
from .languages import identify
from .lexical import naming_words, tokenize, zipf
from .lexicon import UNTRANSLATED, english_lexicon
from .question import NOUNS_CAPITALISED, Question, content_tokens, names
from .rank import Models
from .segment import search_text
from .spelling import Vocabulary, fold, respell
from .transliterate import in_another_script, in_their_spelling, names_by_sound
from .types import Hit

EXHAUSTIVE_LIMIT = 4000  # score every sentence of a scope up to this size
TOP_K = 100
EF_SEARCH = 1024  # HNSW breadth for the top 100: recall@10 0.990 after exact re-scoring at 1M (0.970 at 400)
HITS_KEPT = 50  # hits made per question: citations, the reranker and "each subject" look at the top 10
PRIOR_BONUS = 1.0  # logit added to the previous answer's paragraph for a follow-up question
SECTION_HEADING_WORDS = 6  # a heading a question can name in full ("Known issues", not a news subheading)
MENTIONS_REMEMBERED = 100_000  # (document, name) pairs
FOLDED_KEPT = 64  # documents whose case-folded text is kept for those checks
DOC_NAME_PENALTY = 2.0  # logit per name of the question its document never mentions, when another candidate's does
_SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})*\.?\s+")
SWITCH_PENALTY = 6.0  # logit per name a follow-up turns to that a candidate (or its paragraph before it) never writes
OTHER_CODE_PENALTY = 6.0  # logit taken from a sentence naming another model of the one asked about (N2 for N1)
VOCABULARY_WAIT_CHARS = 2_000_000  # a question waits for the words of a scope up to this size (0.6–0.8 s, once)

log = logging.getLogger(__name__)


@lru_cache(maxsize=1)
def _section_words() -> frozenset[str]:
    """Words that ask for a section without naming it ("What does the Background section say?")."""
    return frozenset(tokenize(["section sections part chapter heading say says said list steps step details detail "
                               "information info contents content points items under tell show give explain describe "
                               "article document page"])[0])


def _words_dropped(heading: str) -> frozenset[str]:
    """The words of a heading that say what it is about but are stop words to the tokenizer
    ("won" of "How the race was won"; not "how", "the", "was"): without them its one token
    left, "race", would fit "When did the race start?" as "What does the Race section say?"."""
    return frozenset(w for w in features.lower_words(heading) if zipf(w) < features.FRAMING_ZIPF and not tokenize([w])[0])


def _writes(folded: str, name: str) -> bool:
    """Whether case-folded ``folded`` writes case-folded ``name`` as a whole word: a plain
    substring test first (most names are in few texts), the word boundaries after."""
    return name in folded and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", folded) is not None


_CHILDREN: set[subprocess.Popen] = set()
atexit.register(lambda: [c.kill() for c in list(_CHILDREN)])  # a command that ends does not leave one behind


def read_apart(texts: list[str]) -> Vocabulary:
    """Vocabulary.of(texts) in a child process. Reading a large scope is pure Python (50 s for a
    million sentences); on a thread it holds the GIL, and every torch call or file read of a
    question answered meanwhile waits ~5 ms to get it back: answers took 3-5 s instead of 70 ms.
    A plain child interpreter (not multiprocessing, which would re-run the caller's script)."""
    package_root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in (package_root, os.environ.get("PYTHONPATH")) if p)}
    child = subprocess.Popen([sys.executable, "-c", "import qa.spelling as s; s.read_piped()"], env=env,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _CHILDREN.add(child)
    try:
        try:
            # one by one: no second copy of a large corpus in memory; as bytes, since pickling a
            # str keeps a UTF-8 copy inside every non-ASCII text for its life (150 MB at 1M)
            for text in texts:
                pickle.dump(text.encode(), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(None, child.stdin)
            child.stdin.close()
        except BrokenPipeError:
            pass  # the child failed early: its error is on stderr
        out, err = child.stdout.read(), child.stderr.read()  # it writes to stderr only to fail
        child.wait()
    finally:
        if child.poll() is None:  # left early (a text that would not encode): no idle child behind
            child.kill()
            child.wait()
        _CHILDREN.discard(child)
    if child.returncode != 0:
        raise RuntimeError(f"reading the documents' words failed: {err.decode(errors='replace')[-500:]}")
    return pickle.loads(out)


def _in_background(read, texts: list[str]) -> Future:
    """read(texts) on a daemon thread, so a command that ends meanwhile does not wait for it."""
    job: Future = Future()

    def run() -> None:
        job.set_running_or_notify_cancel()
        try:
            job.set_result(read(texts))
        except BaseException as exc:  # noqa: BLE001  (questions then go on as typed)
            log.warning("could not read the documents' words (%s): questions are read as typed", exc)
            job.set_exception(exc)

    threading.Thread(target=run, name="vocabulary", daemon=True).start()
    return job


def _ready(vector: "np.ndarray | Future") -> np.ndarray:
    return vector.result() if isinstance(vector, Future) else vector


def _top(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k highest positive scores, unordered. BM25 is zero for most sentences of
    a large corpus, so partitioning only the others is several times cheaper at a million."""
    nz = np.flatnonzero(scores > 0)
    if len(nz) <= k:
        return nz
    return nz[np.argpartition(-scores[nz], k)[:k]]


class Retriever:
    def __init__(self, index: Index, models: Models) -> None:
        self.index = index
        self.models = models
        self._dense = None
        self._shortlist = 1  # times k the dense index is read (its codes' ANN_SHORTLIST), re-scored exactly
        self._vocabularies: dict[str | None, tuple[Future, bool]] = {}  # the job, and whether no question waits for it
        self._vocabulary_lock = threading.Lock()
        self._sounded: dict[str | None, dict[str, str]] = {}  # names by how they sound (qa/transliterate.py)
        self._doc_stems: dict[str, frozenset[str]] = {}
        self._heading_tokens: list[frozenset[str]] | None = None  # each section heading's words, on first need
        self._heading_lost: list[frozenset[str]] = []  # and the words of it the tokenizer drops, that say something
        self._mentioned: OrderedDict[tuple[str, str], bool] = OrderedDict()  # (document, name) -> written there
        self._folded: OrderedDict[str, str] = OrderedDict()  # document id -> title, file name and text, case-folded
        self._near: nearwords.NearWords | None = None  # a small scope's words, in other words
        self._aligner: nearwords.NearWords | None = None  # the same words in the multilingual space

    def in_scope(self, doc: str | None) -> list:
        """The documents a question may be about: the one it names, else all of them."""
        return [self.index.by_id[doc]] if doc is not None else self.index.documents

    def respell(self, q: Question, doc: str | None = None) -> Question:
        """The question with its misspelt words read as the documents in scope spell them."""
        known = self.index.bm25.retriever.vocab_dict if doc is None else self._stems(doc)
        return respell(q, lambda: self._vocabulary(doc), known)

    def mid_sentence(self, doc: str | None = None) -> Callable[[str], str | None] | None:
        """How the documents in scope write a word in mid-sentence (`Vocabulary.in_mid_sentence`,
        read by qa/recase.py); None while a large scope's words are being read."""
        vocab = self._vocabulary(doc)
        return vocab.in_mid_sentence if vocab is not None else None

    def in_english(self, q: Question, doc: str | None = None) -> Question:
        """A question in Spanish or Chinese with its words read as the documents in scope write
        them in English (qa/spanish.py): a Spanish word becomes the document's word nearest to
        it, or its English translation when none is near (qa/lexicon.py), as over a corpus of
        too many documents to read their words; a Chinese word keeps its dictionary glosses and
        gains that word ("大会": "general assembly general meeting" and "conference"). An English
        question stays as it is."""
        if q.english and not has_cjk(q.text):
            return q
        docs = [doc] if doc is not None else [d.id for d in self.index.documents]
        many = len(docs) > nearwords.DOCUMENTS_KEPT  # too many to embed their words: translated only
        if has_cjk(q.text) and many:
            return q
        if has_cjk(q.text):
            pieces = translate_words(q.text)
            glossed = " ".join(e for _, e in pieces if e)  # what parse searched (crosslingual.to_english)
            words = [p for p, e in pieces if e and has_cjk(p) and not e[:1].isupper()]  # names are glossed well
            aligned = self._word_aligner().nearest(words, docs, spanish.ALIGN_COSINE) if words and glossed in q.search else {}
            if not aligned:
                return q
            search = q.search.replace(glossed, " ".join(f"{e} {aligned[p]}" if p in aligned else e for p, e in pieces if e), 1)
            reading = " ".join(aligned.get(p, e) for p, e in pieces if e)  # the nearest word, not every gloss
            return replace(q, search=search, tokens=tuple(content_tokens(search)), reading=reading)
        else:
            words = spanish.content_words(q.search, q.lang)
            aligned: dict[str, str] = {}

            def read_as(words: list[str]) -> dict[str, str]:
                """Words as the documents' words nearest them, else as their English translation
                ("fundó": "founded"), those read neither way left out."""
                near = self._word_aligner().nearest(words, docs, spanish.ALIGN_COSINE) if words and not many else {}
                aligned.update(near)
                translated = {} if q.lang in UNTRANSLATED else english_lexicon().translate([w for w in words if w not in near], q.lang)
                return translated | near

            def read_forms(forms: dict[str, str]) -> dict[str, str]:
                """Each word read as the form it is mapped to."""
                got = read_as(list(dict.fromkeys(forms.values()))) if forms else {}
                return {w: got[f] for w, f in forms.items() if f in got}

            def read(words: list[str]) -> dict[str, str]:
                """The same; German words as German writes them ("Zugang", "Brille"), since USE
                reads a German noun typed in lower case as something else ("zugang": launch,
                "brille": shine), a word typed in lower case tried capitalised too."""
                if q.lang not in NOUNS_CAPITALISED:
                    return read_as(words)
                as_typed = {w: typed.get(w, w) for w in words}
                done = read_forms(as_typed)
                return done | read_forms({w: w[:1].upper() + w[1:] for w, f in as_typed.items()
                                          if w not in done and f[:1].islower()})

            typed = {w.lower(): w for w in re.findall(r"[^\W\d_]+", q.text)} if q.lang in NOUNS_CAPITALISED else {}
            done = read(words)
            # a German compound neither reads is read by its parts ("Handelskammer": commerce chamber)
            done |= compounds.in_parts([w for w in words if w not in done], q.lang, read)
            if not done:
                return q
            search = spanish.in_english(q.search, done, q.lang)
            return replace(q, search=search, tokens=tuple(content_tokens(search)),
                           aligned=tuple(aligned.values()),
                           content_words=len(words))

    def in_their_spelling(self, text: str, doc: str | None = None) -> str:
        """The text with the names it writes in another script as the documents in scope spell
        them ("Что представила Алибаба?" -> "Что представила Alibaba?": qa/transliterate.py);
        as it was while their words are being read."""
        if text.isascii() or has_cjk(text) or not in_another_script(text):  # "¿Qué presentó …?" has none
            return text
        vocab = self._vocabulary(doc)
        if vocab is None:
            return text
        with self._vocabulary_lock:
            names = self._sounded.get(doc)
        if names is None:
            names = names_by_sound(vocab.spelling.values())
            with self._vocabulary_lock:
                self._sounded[doc] = names
        return in_their_spelling(text, names, identify(text))

    def writes_as_name(self, word: str, doc: str | None = None) -> bool:
        """Whether the documents in scope write ``word`` capitalised ("baidu" -> "Baidu"), once
        their words are read."""
        vocab = self._vocabulary(doc)
        spelt = vocab.spelling.get(fold(word)) if vocab is not None else None
        return bool(spelt) and spelt[:1].isupper()

    def acronym_name(self, acronym: str, doc: str | None = None) -> str | None:
        """The name in capitals the documents in scope write out for ``acronym`` ("WAIC" ->
        "World Artificial Intelligence Conference"), once their words are read."""
        vocab = self._vocabulary(doc)
        return vocab.expand(acronym) if vocab is not None else None

    def _stems(self, doc: str) -> frozenset[str]:
        """Every word stem of one document (a word another document uses may still be a typo here)."""
        if doc not in self._doc_stems:
            a, b = self.index.doc_rows[doc]
            texts = [search_text(self.index.sentences[i], self.index.by_id[doc]) for i in range(a, b)]
            self._doc_stems[doc] = frozenset(t for toks in tokenize(texts) for t in toks) if texts else frozenset()
        return self._doc_stems[doc]

    def read_words(self, doc: str | None = None) -> None:
        """Read the scope's words now instead of at the first question with a word they must
        judge: ~0.4 s even for one article (wordfreq's tables load with them), which the page
        spends while warming up rather than on its first answer. A large scope's go on in the
        background, as they would anyway."""
        self._vocabulary(doc)
        features.framing_tokens("How many")  # wordfreq's English table, which a large scope reads in another process
        # each document's words in the embedder's space (the article's: 0.2 s): a question asked of
        # one alone reads them (a scope of up to SCOPE_SENTENCES). Only for a corpus whose documents
        # the caches all hold: of a larger one, which 64 would be asked of is anyone's guess, and
        # theirs took ~100 MB at a million sentences; each is read at its first question instead
        if len(self.index.documents) > nearwords.DOCUMENTS_KEPT:
            return
        alone = []
        for d in self.in_scope(doc):
            first, end = self.index.doc_rows[d.id]
            if end - first <= nearwords.SCOPE_SENTENCES:
                alone.append(d.id)
        self._near_words().prepare(alone)
        self._word_aligner().prepare(alone)  # and in the multilingual space, for a Spanish or Chinese question

    def wait_for_words(self) -> None:
        """Block until every scope's words asked for so far are read (benchmarks: warm is after)."""
        with self._vocabulary_lock:
            jobs = [job for job, _ in self._vocabularies.values()]
        for job in jobs:
            job.exception()  # waits; a failed read leaves questions as typed, as when serving

    def _vocabulary(self, doc: str | None) -> Vocabulary | None:
        """The words of the documents in scope, read on first need; a large scope's (a second or
        more) are read by another process and are None until then, so no question waits for them."""
        with self._vocabulary_lock:
            if doc not in self._vocabularies:
                texts = [d.text for d in self.in_scope(doc)]
                large = sum(map(len, texts)) > VOCABULARY_WAIT_CHARS
                self._vocabularies[doc] = _in_background(read_apart if large else Vocabulary.of, texts), large
            job, large = self._vocabularies[doc]
        if large and not job.done():
            return None
        return None if job.exception() is not None else job.result()  # failed: the question as typed

    def _dense_search(self, qvec: np.ndarray, k: int) -> np.ndarray:
        """The k nearest sentences: the index's HNSW graph for a large corpus, else exact search."""
        import faiss

        if self._dense is None:
            if self.index.ann is not None:
                spec = self.index.manifest.get("ann")
                self._shortlist = ANN_SHORTLIST.get(spec.get("kind"), 1) if isinstance(spec, dict) else 1
                self._dense = self.index.ann
                self._dense.hnsw.efSearch = max(EF_SEARCH, k * self._shortlist)
            else:
                idx = faiss.IndexFlatIP(self.index.vectors.shape[1])
                idx.add(np.ascontiguousarray(self.index.vectors))
                self._shortlist, self._dense = 1, idx
        _, ids = self._dense.search(np.ascontiguousarray(qvec, dtype=np.float32).reshape(1, -1), k * self._shortlist)
        ids = ids[0][ids[0] >= 0]
        if len(ids) > k:  # coarse codes: their shortlist ordered by the exact vectors
            ids = np.sort(ids)
            ids = ids[np.argsort(-(self.index.vectors[ids] @ qvec), kind="stable")[:k]]
        return ids

    def candidates(self, q: Question, qvec: np.ndarray, bm25_all: np.ndarray, doc: str | None,
                   e5_qvec: "np.ndarray | Future | None" = None) -> np.ndarray:
        a, b = (0, len(self.index.sentences)) if doc is None else self.index.doc_rows[doc]
        if b - a <= EXHAUSTIVE_LIMIT:
            return np.arange(a, b)
        if doc is not None:  # a large single document: top-k inside it
            rows = np.arange(a, b)
            dense = self.index.vectors[rows] @ qvec
            return np.union1d(rows[np.argsort(-dense)[:TOP_K]], rows[_top(bm25_all[rows], TOP_K)])
        pick = np.union1d(self._dense_search(qvec, TOP_K), _top(bm25_all, TOP_K))
        if not q.english and e5_qvec is not None and self.index.e5 is not None and self.index.ann is None:
            # a question in another language shares no words with the text, and MiniLM reads
            # only its rough translation: the multilingual channel proposes candidates too
            e5 = np.asarray(self.index.e5 @ _ready(e5_qvec))
            pick = np.union1d(pick, np.argpartition(-e5, TOP_K)[:TOP_K])
        return pick

    def featurize(self, q: Question, qvec: np.ndarray, doc: str | None = None,
                  e5_qvec: "np.ndarray | Future | None" = None) -> tuple[np.ndarray, np.ndarray]:
        """Candidate rows (document order) and their feature matrix: what the ranker sees.

        `e5_qvec` may be a Future (the engine's e5 encode, still running on the other core):
        every other feature is computed first, and e5's two columns last, when it is ready.
        """
        bm25_all = self.index.bm25.scores(list(q.tokens))
        rows = np.sort(self.candidates(q, qvec, bm25_all, doc, e5_qvec))
        sents = [self.index.sentences[r] for r in rows.tolist()]
        dense = np.asarray(self.index.vectors[rows] @ qvec, dtype=np.float32)
        df = self.index.bm25.document_frequency(list(q.tokens))
        F = features.compute(q, sents, dense, bm25_all[rows], df, len(self.index.sentences), self.index.by_id,
                             near=self._near_reader(sents))
        if self.index.e5 is not None and e5_qvec is not None and len(rows):
            features.set_e5(F, np.asarray(self.index.e5[rows] @ _ready(e5_qvec), dtype=np.float32))
        return rows, F

    def _near_reader(self, sents) -> "Callable[[list[str]], set[str]] | None":
        """Which words the candidates' documents write in other words (qa/nearwords.py), for a
        scope small enough to read that way."""
        if len(sents) > nearwords.SCOPE_SENTENCES:
            return None
        docs = list(dict.fromkeys(s.doc for s in sents))
        return lambda words: self._near_words().written(words, docs)

    def _word_aligner(self) -> nearwords.NearWords:
        if self._aligner is None:
            from .embed import get_embedder

            self._aligner = nearwords.NearWords(lambda words: get_embedder("use").encode_queries(words),
                                                lambda doc: self.index.by_id[doc].text)
        return self._aligner

    def _near_words(self) -> nearwords.NearWords:
        if self._near is None:
            from .embed import get_embedder

            self._near = nearwords.NearWords(lambda words: get_embedder("minilm").encode_queries(words),
                                             lambda doc: self.index.by_id[doc].text)
        return self._near

    def section_asked(self, q: Question, doc: str | None) -> tuple[str, list[int]] | None:
        """(heading, its sentences' rows) when the question asks for what one section says:
        its words are the heading's ("What are the requirements?", "What does the Background
        section say?"), give or take words of the document's title ("How do I install
        Larkspur?" of "Installing Larkspur" and its "Installation" section); None when no
        heading, or several, fit."""
        words = set(q.tokens)
        asked = words - _section_words()  # "items" asks for a section, and names "Action Items" too
        framing = features.framing_tokens(q.search)  # "need" in "What ingredients do I need?" asks nothing more
        if not asked or not q.english:
            return None
        table = self.index.sentences
        if not hasattr(table, "sections") or not table.sections:
            return None
        if self._heading_tokens is None:
            # a section's number is no word of its name: "What does the Scope section say?" asks "2.1 Scope"
            self._heading_lost = [_words_dropped(h) for h in table.sections]  # first: another thread reads both once this is set
            self._heading_tokens = [frozenset(t) for t in tokenize([_SECTION_NUMBER.sub("", h) for h in table.sections])]
        written = features.lower_words(q.search)
        fits = [k for k, h in enumerate(self._heading_tokens)
                if h & asked and len(h) <= SECTION_HEADING_WORDS and h <= words and self._heading_lost[k] <= written]
        if not fits:
            return None
        scope = {self.index.documents.index(d) for d in self.in_scope(doc)} if doc is not None else None
        found = []
        for k in fits:
            for d in np.unique(table.rows["doc"][table.rows["section"] == k]).tolist():
                document = self.index.documents[d]
                title = naming_words(document.title, document.id)
                heading, beyond = self._heading_tokens[k], asked - self._heading_tokens[k] - framing
                if (scope is None or d in scope) and table.sections[k] != document.title and beyond <= title:
                    rows = np.flatnonzero((table.rows["section"] == k) & (table.rows["doc"] == d)).tolist()
                    rows = [r for r in rows if table[r].kind == "text"]
                    # a heading made of the title's words ("About Acme Robotics" under "Acme Robotics
                    # launches ...") is no answer to what the section never says: "What did Acme
                    # Robotics launch?" asks the story, "When was Acme Robotics founded?" the section
                    if heading <= title and beyond - set().union(*(features.sentence_tokens(table[r].text) for r in rows)):
                        continue
                    found.append((table.sections[k], rows))
        return found[0] if len(found) == 1 and found[0][1] else None

    def _names_unsaid(self, q: Question, rows: np.ndarray) -> np.ndarray:
        """Per candidate: how many of the question's names its document (text, title or file
        name) never mentions, counting only names another candidate's document does mention.
        A name picks the document out of several that say the same kind of thing (two meetings'
        notes, two launches); a sentence's own words need not repeat it ("It costs $6,000")."""
        asked = [n for _, _, n in names(q.search)]
        if not asked:
            return np.zeros(len(rows), dtype=np.float32)
        table = self.index.sentences
        if hasattr(table, "rows"):  # each candidate's document, read from the table's column
            docs, where = np.unique(table.rows["doc"][rows], return_inverse=True)
            docs = [table.docs[p].id for p in docs.tolist()]
        else:
            docs, where = np.unique([table[r].doc for r in rows.tolist()], return_inverse=True)
            docs = docs.tolist()
        said = [{n for n in asked if self._mentions(d, n)} for d in docs]
        somewhere = set().union(*said)
        missing = np.array([len(somewhere - names_said) for names_said in said], dtype=np.float32)
        return missing[where]

    def _names_unwritten(self, asked: tuple[str, ...], rows: np.ndarray) -> np.ndarray:
        """Per candidate: how many of ``asked`` (names, lower case) neither it nor an earlier
        sentence of its paragraph writes ("Its AI cloning tool ..." after "Baidu showcased ..."),
        counting only names its document writes somewhere among the candidates."""
        table = self.index.sentences
        order = rows.tolist()
        position = {r: k for k, r in enumerate(order)}

        def written(r: int) -> np.ndarray:
            text = search_text(table[r], self.index.by_id[table[r].doc]).casefold()
            return np.array([_writes(text, n) for n in asked], dtype=bool)

        writes = np.array([written(r) for r in order], dtype=bool).reshape(len(order), len(asked))
        docs = [table[r].doc for r in order]
        somewhere: dict[str, np.ndarray] = {}
        for k, d in enumerate(docs):
            somewhere[d] = somewhere.get(d, np.zeros(len(asked), dtype=bool)) | writes[k]
        out = np.zeros(len(order), dtype=np.float32)
        for k, r in enumerate(order):
            missing = somewhere[docs[k]] & ~writes[k]
            back, para = r - 1, table[r].para
            while missing.any() and back >= 0 and table[back].doc == docs[k] and table[back].para == para:
                missing &= ~(writes[position[back]] if back in position else written(back))
                back -= 1
            out[k] = missing.sum()
        return out

    def _mentions(self, doc_id: str, name: str) -> bool:
        """Whether a document's text, title or file name writes ``name`` (remembered: a large
        corpus's candidates come from many long documents, read once per name)."""
        key = (doc_id, name.casefold())
        known = self._mentioned.get(key)
        if known is None:
            folded = self._folded.get(doc_id)
            if folded is None:  # the last few documents' case-folded texts are kept (not a large corpus's all)
                document = self.index.by_id[doc_id]
                folded = self._folded[doc_id] = f"{document.title}\n{document.id}\n{document.text}".casefold()
                if len(self._folded) > FOLDED_KEPT:
                    self._folded.popitem(last=False)
            known = self._mentioned[key] = _writes(folded, key[1])
            if len(self._mentioned) > MENTIONS_REMEMBERED:
                self._mentioned.popitem(last=False)
        return known

    def rank(self, q: Question, qvec: np.ndarray, doc: str | None = None,
             e5_qvec: "np.ndarray | Future | None" = None, prior_rows: set[int] | None = None
             ) -> tuple[list[Hit], np.ndarray, np.ndarray]:
        """The best HITS_KEPT hits, best first, plus every candidate's features and logit in the
        same order (answerability reads them all)."""
        rows, F = self.featurize(q, qvec, doc, e5_qvec)
        logits = self.models.ranker.logit(F)
        if prior_rows:  # a follow-up most likely asks about where the last answer came from
            logits = logits + PRIOR_BONUS * np.isin(rows, list(prior_rows))
        penalty = np.zeros(len(rows), dtype=np.float32)  # what the features cannot see: the question's names and models
        if doc is None and len(self.index.documents) > 1:  # "Who chaired the Shenzhen meeting?" of two meeting notes
            penalty += DOC_NAME_PENALTY * self._names_unsaid(q, rows)
        if q.switched:  # "And Tencent?" after "When will Alibaba's glasses hit the market?": not the glasses
            penalty += SWITCH_PENALTY * self._names_unwritten(q.switched, rows)
        asked = contrast.codes(q.search)
        if asked:  # "How much does the N1 cost?" is not answered by what the N2 costs
            other = [contrast.other_code(asked, self.index.sentences[r].text) for r in rows.tolist()]
            penalty += OTHER_CODE_PENALTY * np.asarray(other, dtype=np.float32)
        logits = logits - penalty
        order = np.argsort(-logits, kind="stable")
        probs = 1.0 / (1.0 + np.exp(-logits))
        top = order[:HITS_KEPT]  # a corpus-wide question ranks thousands; nothing reads that far down
        sentences = self.index.sentences
        hits = [Hit(sentences[r], p, {"row": r, "penalty": float(x)})
                for r, p, x in zip(rows[top].tolist(), probs[top].tolist(), penalty[top].tolist())]
        return hits, F[order], logits[order]
