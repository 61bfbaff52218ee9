"""The one facade the CLI and the page share: ``Engine(corpus, index).ask(question, history, doc)``.

>>> engine = Engine("corpus", "index")
>>> answer = engine.ask("What system did Huawei launch at the conference?")
>>> answer.citations[0].sentence  # doctest: +SKIP
'Huawei took centre stage at the conference with the launch of its CloudMatrix 384 system, ...'
"""
from __future__ import annotations

import logging
import re
import threading
import time
import unicodedata
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import replace
from pathlib import Path

import numpy as np

from . import answer as answering
from .bert import release_freed_memory
from .embed import get_embedder
from .countries import countries_asked_in, country_paraphrases
from .crosslingual import has_cjk
from .features import NAMES as FEATURE_NAMES
from .index import CorpusWatch, is_fresh, open_index, read_manifest
from .intent import (about_a_named_text, author_request, date_request, documents_list, documents_request, ending_request,
                     expansion_request, gist_request, headline_request, mentions_request, more_request, named_document,
                     nothing_more, quoted_request, recipient_request, reply, said_nothing_more, small_talk,
                     speakers_request, which_document)
from .kinds import kinds_request
from .lexical import naming_words, tokenize, zipf
from .offtopic import BACKGROUND_MARGIN, CHINESE_MARGIN, NEAREST_MARGIN, OFF_TOPIC_FACTOR, closer_to_background, pulls_away
from .question import (MAX_QUESTION_CHARS, has_words, language, last_question, names, parse, person_names, refers_to_person, typed_word,
                       refers_to_thing, two_questions, with_names, without_preamble, words_language)
from .rank import answer_features, confidence, load_models
from .recase import read_name_words, recased
from .rerank import context_of, get_reranker
from .retrieve import Retriever
from .segment import field_line, first_turns, search_text, signer
from .languages import foreign_words, language_model
from .lexicon import english_lexicon
from .naming import lacks_name
from .spanish import in_the_documents_words
from .spelling import english_words
from .types import Answer, Hit
from .units import unit_paraphrases

log = logging.getLogger(__name__)

MAX_HISTORY = 20  # only the latest questions of a conversation matter
CORPUS_LOOK_SECONDS = 2.0  # how often a running engine looks for corpus files that changed
CORPUS_RETRY_SECONDS = 60.0  # after an update that could not take the corpus as it is
E5_COLUMN = FEATURE_NAMES.index("e5")


class QuestionError(ValueError):
    """A question the engine cannot take (empty, too long, unknown document): the message says why."""


def _e5_vector(text: str) -> np.ndarray:
    return get_embedder("e5").encode_queries([text])[0]


def _ready_for_other_languages() -> None:
    language_model()
    foreign_words()
    english_lexicon().prepare()


class RecentVectors:
    """The last few questions' vectors in both spaces, by the texts encoded. A follow-up encodes
    the question it follows again (to find where that was answered), "tell me more" asks it
    again, and the page's example questions are asked over and over: each is a dictionary
    lookup instead of two encodes. Only finished, successful encodes are kept."""

    def __init__(self, size: int = 256) -> None:
        self._size, self._items, self._lock = size, OrderedDict(), threading.Lock()

    def get(self, key: tuple[str, str]) -> tuple[np.ndarray, np.ndarray] | None:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        return None

    def put(self, key: tuple[str, str], vectors: tuple[np.ndarray, np.ndarray]) -> None:
        with self._lock:
            self._items[key] = vectors
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


def _known_id(doc: str, index) -> str:
    """The document id meant by ``doc`` as typed: itself, or the one id it matches once Unicode
    is composed alike ("Zu\u0308rich" is "Zürich"), case is ignored or a .txt/.md ending dropped
    ("rhine", "Rhine.txt"); as typed when none or several match (then it is unknown)."""
    if doc in index.doc_rows:
        return doc

    def key(s: str) -> str:
        return re.sub(r"\.(txt|md)$", "", unicodedata.normalize("NFC", s).strip(), flags=re.I).casefold()

    same = [d.id for d in index.documents if key(d.id) == key(doc)]
    return same[0] if len(same) == 1 else doc


class Engine:
    def __init__(self, corpus: str | Path = "corpus", index: str | Path = "index", progress: bool = True,
                 remember: int = 256) -> None:
        """`remember`: how many recent questions' vectors to keep (0 in benchmarks, which ask the
        same questions again and must time each as new)."""
        self.corpus, self.index_dir = Path(corpus), Path(index)
        self.progress = progress
        self._lock = threading.Lock()
        self._retriever: Retriever | None = None
        self._watch: CorpusWatch | None = None  # against the files the index was built from
        self._next_look = 0.0
        self._updating = threading.Lock()  # one corpus update at a time; other questions do not wait
        # e5 encodes a question beside MiniLM; the pool starts its thread on first use
        self._e5_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5-query")
        self._recent = RecentVectors(remember)

    # -------------------------------------------------------------- lifecycle
    def load(self) -> "Engine":
        """Open (building if needed) the index and load the models; later calls are free."""
        with self._lock:
            if self._retriever is None:
                index = open_index(self.corpus, self.index_dir, progress=self.progress)
                e5 = self._e5_pool.submit(get_embedder, "e5")  # both models load at once
                get_embedder("minilm")
                get_reranker()
                e5.result()
                release_freed_memory()
                self._retriever = Retriever(index, load_models())
                self._watch, self._next_look = self._watch_of(index), time.monotonic() + CORPUS_LOOK_SECONDS
        return self

    def _watch_of(self, index) -> CorpusWatch | None:
        try:
            return CorpusWatch.of_index(self.corpus, index.manifest)
        except OSError:  # the corpus folder is gone: keep answering from the index, look again later
            return None

    def follow_corpus(self) -> None:
        """Re-open the index when a corpus file was added, removed or edited under a running
        engine (the page; a long `qa ask --jsonl`): answers then cite the text the files hold
        now, never offsets into text that has moved. Looked at every CORPUS_LOOK_SECONDS at
        most, against the files the index was built from; the look is cheap (CorpusWatch), the
        update incremental (only changed documents are embedded again). The question that
        notices a change waits for the update; questions asked meanwhile go on with the index
        they have."""
        r = self._retriever
        if r is None or time.monotonic() < self._next_look or not self._updating.acquire(blocking=False):
            return
        try:
            if self._retriever is r and time.monotonic() >= self._next_look:
                self._follow(r)
        finally:
            self._updating.release()

    def _follow(self, r: Retriever) -> None:
        self._next_look = time.monotonic() + CORPUS_LOOK_SECONDS
        try:
            self._watch = self._watch or self._watch_of(r.index)
            if self._watch is None or not self._watch.changed():
                return
            current = read_manifest(self.index_dir)
            if (current or {}).get("generation") == r.index.manifest.get("generation") and is_fresh(current, self.corpus):
                self._watch = CorpusWatch(self.corpus)  # touched, not changed: what is there is what was indexed
                return
            log.info("a corpus file changed: updating the index")
            index = open_index(self.corpus, self.index_dir, progress=self.progress)
        except Exception as exc:  # noqa: BLE001  (the index as it was beats no answer)
            log.warning("could not update the index after a corpus change (%s): answering from the index "
                        "as it was; trying again in %.0f s", exc, CORPUS_RETRY_SECONDS)
            self._watch, self._next_look = None, time.monotonic() + CORPUS_RETRY_SECONDS
            return
        with self._lock:
            self._retriever = Retriever(index, r.models)
        self._watch = self._watch_of(index)
        if self._watch is None or self._watch.changed():
            # the index still differs from the files (a read-only index folder, an unreadable
            # file): try again later rather than at every look
            self._watch, self._next_look = None, time.monotonic() + CORPUS_RETRY_SECONDS

    def warm_up(self) -> "Engine":
        """Load, and read the corpus's words too (Retriever.read_words): what a server does
        before it says it is ready, so its first answer takes no longer than the next."""
        self.load()._retriever.read_words()
        unit_paraphrases("")  # the table of units (~20 ms, qa/units.py), read once
        country_paraphrases(""), countries_asked_in("")  # and of countries (~100 ms, qa/countries.py)
        english_words()  # and the common English words a typo is read as (~150 ms, qa/spelling.py)
        read_name_words()  # and the words that read as names, for a name typed in lower case (~50 ms, qa/recase.py)
        # and py3langid's, for a question in another language (~1.3 s, qa/languages.py), and the
        # English words such a question's words are translated into (~3 s, qa/lexicon.py): in the
        # background, as an English question needs neither
        threading.Thread(target=_ready_for_other_languages, name="other-languages", daemon=True).start()
        return self

    @property
    def index(self):
        return self.load()._retriever.index

    @property
    def documents(self):
        return self.index.documents

    # -------------------------------------------------------------- asking
    def validate(self, question, history, doc, index=None) -> tuple[str, list[str], str | None]:
        index = self.index if index is None else index
        if not isinstance(question, str):
            raise QuestionError("question must be a string")
        if len(question) > MAX_QUESTION_CHARS:
            raise QuestionError(f"question is too long ({len(question):,} characters; the limit is {MAX_QUESTION_CHARS:,})")
        if not question.strip():
            raise QuestionError("question is empty")
        if not has_words(question):
            raise QuestionError("question has no words to search for (only symbols, emoji or control characters)")
        if not index.sentences:
            raise QuestionError("there is nothing to search: the corpus has no usable documents")
        if history is None:
            history = []
        if not isinstance(history, (list, tuple)) or not all(isinstance(h, str) for h in history):
            raise QuestionError("history must be a list of strings")
        history = [h[:MAX_QUESTION_CHARS] for h in list(history)[-MAX_HISTORY:]]
        if doc is not None:
            if not isinstance(doc, str):
                raise QuestionError("doc must be a string")
            doc = _known_id(doc, index)
            if doc not in index.doc_rows:
                why = index.skipped(doc)  # "copy.txt was left out of the index: duplicate of a.txt"
                ids = [d.id for d in index.documents]
                known = ", ".join(repr(i) for i in ids[:5]) + (f" and {len(ids) - 5} more" if len(ids) > 5 else "")
                raise QuestionError(f"unknown document: {doc[:100]!r}" + (f" ({why})" if why else f"; documents are {known}"))
        return question, history, doc

    def ask(self, question: str, history: list[str] | None = None, doc: str | None = None) -> Answer:
        self.follow_corpus()
        # one index for the whole question, even if a corpus edit swaps in another meanwhile
        ans = self._ask(self.load()._retriever, question, history, doc)
        return answering.in_language(ans, words_language(question))

    def _ask(self, r: Retriever, question, history, doc) -> Answer:
        question, history, doc = self.validate(question, history, doc, r.index)
        talk = small_talk(question)
        if talk is None:  # "hey, quick question: …" asks what follows; "hey, thanks!" is thanks
            question = without_preamble(question)
            talk = small_talk(question)
        if talk is not None:  # "thanks", 你是谁？: a reply, not a search
            return answering.chat(question, reply(*talk, **self._what(r, doc)))
        lang = more_request(question)
        if lang is not None:  # "tell me more": read on after the previous answer
            return self._more(r, question, history, doc, lang)
        about_corpus = self._about_corpus(r, question, doc)
        if about_corpus is not None:  # "What documents do you have?", "Which documents mention Li Na?"
            return about_corpus
        named = named_document(question, r.index.documents) if len(r.index.documents) > 1 else None
        if named is not None and doc in (None, named[0]):  # "In the N1 article, how many ...?"
            doc, question = named
        about = about_a_named_text(question)
        if about is not None:  # "Who wrote the Hub Devices article?" is "Who wrote the article?" of it
            words, asked, surely = about
            docs = self._gist_documents(r, tuple(tokenize([words])[0]), doc)
            # "When was the Beveridge Report published?" of a text about that report asks about it
            if len(docs) == 1 and (surely or not answering.writes_of(r.index, docs[0].id, words)):
                doc, question = docs[0].id, asked
        parts = two_questions(question)
        if parts is not None:  # "How big is the dividend and when does it get paid?": each part, the second after the first
            first = self._ask(r, parts[0], history, doc)
            second = self._ask(r, parts[1], [*history, parts[0]], doc)
            return answering.both(question, parts, first, second, language(question))
        q = self._understand(question, history, doc, r)
        read = self._read_as_asked(r, q, history, doc)
        if read is not None:  # the gist, the date line, a section: read out, not searched
            return read
        ans = self._search(r, q, doc, history)
        if q.fragment:  # "Which chips?" asks on the earlier question, "How much milk?" after "How many
            # eggs?" stands alone: read both ways, the reading the documents answer surely wins
            # (for a longer one with no subject of its own, the reading alone whenever it is answered)
            alone = self._search(r, self._understand(question, (), doc, r), doc, history)  # still in it
            stands = alone.answerable if q.alone_first else alone.confidence > ans.confidence
            ans = alone if stands else ans
        return ans

    @staticmethod
    def _about_corpus(r: Retriever, question: str, doc: str | None) -> Answer | None:
        """A question about the documents themselves: which there are, which mention a name."""
        if documents_request(question):
            return answering.chat(question, documents_list(r.index.documents, searching=doc))
        mentioned = mentions_request(question)
        return answering.mentions(r.index, parse(question), [d.id for d in r.in_scope(doc)], mentioned) if mentioned else None

    def _read_as_asked(self, r: Retriever, q, history: list[str], doc: str | None) -> Answer | None:
        """What a question asks to be read out rather than searched for: the opening paragraph
        ("What is this article about?"), the date line ("When was this written?", "When was the
        Orion X article published?"), a section by its heading ("What are the requirements?");
        in a corpus of several documents, of the one the question or the conversation points
        to, or a reply asking which. None for any other question."""
        conversation = bool(q.context) or any(h.strip() for h in history)
        several = len(r.in_scope(doc)) > 1
        asked_gist = gist_request(q.text, followup=conversation)
        if asked_gist is not None:
            docs = self._gist_documents(r, asked_gist, doc)
            if asked_gist == () and len(docs) > 1:  # "this article": the one the conversation is about, if any
                docs = self._earlier_document(r, history, doc) or docs
            if len(docs) == 1:
                return answering.gist(r.index, q, docs[0].id)
            if len(docs) > 1:
                return answering.chat(q.text, which_document(docs, lang=words_language(q.text)))
        if date_request(q.text, followup=conversation):
            docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
            ans = answering.dated(r.index, q, docs[0].id) if len(docs) == 1 else None
            if ans is not None:
                return ans
            if sum(bool(d.date) for d in docs) > 1:  # of which document? (undated ones: the text may say)
                return answering.chat(q.text, which_document(docs, ask="When was the <title> article published?"))
        if author_request(q.text):  # "Who wrote the article?" of a news agency's story: its byline
            docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
            ans = answering.byline(r.index, q, docs[0].id) if len(docs) == 1 else None
            if ans is not None:
                return ans
        if key := recipient_request(q.text):  # "Who is the memo addressed to?": its To line
            docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
            ans = answering.header_line(r.index, q, docs[0].id, key) if len(docs) == 1 else None
            if ans is not None:
                return ans
        for asks, read in ((speakers_request, answering.speakers), (quoted_request, answering.quoted),
                           (ending_request, answering.ending), (headline_request, answering.headline)):
            # "Who is in this chat?", "Who is quoted in the story?", "How does the story end?", "What is the headline?"
            if asks(q.text):
                docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
                if asks is speakers_request and len(docs) > 1:  # "Who is in this chat?" of the transcripts among them
                    talks = [d for d in docs if len(first_turns(d)) > 1]
                    if len(talks) > 1:
                        return answering.chat(q.text, which_document(talks, ask="Who are the speakers in the <title> document?"))
                    docs = talks or docs
                ans = read(r.index, q, docs[0].id) if len(docs) == 1 else None
                if ans is not None:
                    return ans
                if asks is headline_request:  # no sentence of any document says it: of which document?
                    return answering.chat(q.text, which_document(docs, ask="What is the headline of the <title> article?"))
        asked_kinds = kinds_request(q.text)
        if asked_kinds is not None:  # "Which companies are mentioned in the article?": the sentences naming them
            docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
            if len(docs) > 1:
                kinds = " or ".join(asked_kinds[0])
                return answering.chat(q.text, which_document(docs, ask=f"Which {kinds} are mentioned in the <title> article?"))
            ans = answering.kinds_named(r.index, q, docs[0].id, *asked_kinds)
            if ans is not None:
                return ans
        acronym = expansion_request(q.text)
        if acronym is not None:  # "What does LLM stand for?": the words it abbreviates, where the text spells them
            docs = self._earlier_document(r, history, doc) or r.in_scope(doc)
            ans = answering.expansion(r.index, q, [d.id for d in docs], acronym, r.acronym_name(acronym, doc))
            if ans is not None:
                return ans
        asked_section = None if q.followup else r.section_asked(q, doc)  # "Why?" after it asks something else
        if asked_section is not None and conversation and several:
            # "What is the price?" after a question about Vega's phone is Vega's price, not the
            # "Price" section of another document
            earlier = self._earlier_document(r, history, doc)
            if not earlier or earlier[0].id != r.index.sentences[asked_section[1][0]].doc:
                asked_section = None
        return answering.section(r.index, q, *asked_section) if asked_section is not None else None

    def _search(self, r: Retriever, q, doc: str | None, history=()) -> Answer:
        """The answer to an understood question: rank, judge, re-read, cite."""
        prior_rows, prior_top = self._prior(r, q, doc, history) if q.followup else (None, None)
        people, after = self._people_meant(r, q, prior_top)
        q = with_names(q, people)
        qvec, e5vec = self._encode(q)
        hits, F, logits = r.rank(q, qvec, doc=doc, e5_qvec=e5vec, prior_rows=prior_rows)
        several = len(r.in_scope(doc)) > 1
        if not hits:
            return answering.build(r.index, q, [], 0.0, False, r.models.cite_ratio, several=several)
        evidence = answer_features(F, logits)
        conf = confidence(r.models, evidence, english=q.english)
        if self._held_to_topic(q, history) and r.index.e5 is not None and self._off_topic(r, q, hits, F, e5vec):
            conf *= OFF_TOPIC_FACTOR  # "Hola", "2022年世界杯谁赢了？": general text fits it better than the document
        if answering.lacks_metadata(r.index, hits, q):  # "Who wrote the article?" of one with a date and no author line
            conf *= OFF_TOPIC_FACTOR
        # "How much does it cost?" of a text that names no price; a question line of the text ("How
        # much does it cost?" over "For all other adults, the cost is $25") is read as its answer
        if answering.lacks_measure(answering.answers_not_questions(r.index, hits[:answering.MEASURE_WINDOW], q), q, r.index):
            conf *= OFF_TOPIC_FACTOR
        if answering.lacks_saying(hits, q, r.index):  # "What did Marcus Bell say?" of a story where he only scores
            conf *= OFF_TOPIC_FACTOR
        if (answering.lacks_role(hits, q, r.index) or answering.office_unwritten(r.index, hits, q)
                or answering.title_held_elsewhere(r.index, hits, q)):
            # "Who manages Valebridge Cycling?" of a text giving no one that job; "Who is the chairman of …?" of one never
            # writing "chair"; "Who is the CEO of Huawei?" of one whose only CEO is Enflame's
            conf *= OFF_TOPIC_FACTOR
        if answering.names_someone_else(r.index, hits, q):  # "Ruth Nandakumar" of a story about Priya Nandakumar
            conf *= OFF_TOPIC_FACTOR
        if answering.subject_unwritten(r.index, hits, q):  # "What did Google show at WAIC?" of a text never naming Google
            conf *= OFF_TOPIC_FACTOR
        followed = prior_top is not None and not q.switched and refers_to_thing(q.text) and not refers_to_person(q.text)
        earlier_names = self._asked_names(r, q.context, doc) if followed else []
        if followed and answering.followed_first(r.index, hits, q, prior_rows, earlier_names) is None:
            conf *= OFF_TOPIC_FACTOR  # "it" was Huawei's system; the best sentences are about Alibaba's glasses
        elif followed and answering.asks_another_of_its_kind(hits, q, prior_top):
            conf *= OFF_TOPIC_FACTOR  # "What model powers it?" of the sentence naming "it", the World Model
        if conf < r.models.threshold and answering.asks_who_someone_is(q, hits[0]):
            conf = max(conf, confidence(r.models, evidence, english=False))
        # "Who runs Brightwater?" of a story about it naming its chief executive; "Who is leading the project?" of
        # "project director Ivana Radic"; "What counts as close family?" of '"close family member" means …';
        # "What was the vote on the second speed sign?" of minutes' "Votes: 4 in favour, 1 against" under the item
        given = (answering.subject_holder(r.index, hits, q) or answering.leader_given(hits, q)
                 or answering.defined_asked(hits, q) or answering.outcome_asked(r.index, hits, q))
        if given is not None:
            conf = max(conf, r.models.threshold)
        conversation = any(h.strip() for h in history)
        if conf < r.models.threshold and answering.item_asked(r.index, q, hits, conversation):  # "and the second one?"
            conf = r.models.threshold
        answerable = conf >= r.models.threshold
        if answerable:
            hits = answering.next_item(r.index, q, self._rerank(r.index, q, hits, logits), conversation)
            if followed:  # "it" is the earlier question's thing, not the one the best sentence is about
                hits = answering.followed_first(r.index, hits, q, prior_rows, earlier_names) or hits
        # "No leaving fee is payable if you:" answers "do I still pay it if I move?" by an item of its list
        hits = answering.answers_not_questions(r.index, answering.list_as_asked(r.index, answering.metadata_as_asked(hits, q), q), q)
        if answerable:
            # the best few re-read for what is asked (an age, who holds a title, the earlier answer's sum)
            hits = answering.next_step(r.index, answering.newest_first(r.index, hits, q), q)  # a reply's answer, the step after
            hits = answering.earlier_first(answering.role_first(answering.ability_first(answering.measure_first(answering.label_first(r.index, hits, q), q), q), q), q, prior_top)
            hits = answering.own_words_first(answering.asked_anew_first(answering.holder_first(hits, given), q, prior_top), q, prior_top)
            if after:  # "she" is someone the sentence after the earlier answer names
                hits = answering.named_first(hits, prior_top, people)
            hits = answering.announced_read_on(r.index, q, answering.list_read_on(r.index, q, answering.reason_read_on(r.index, q, hits, prior_top)))
            hits = answering.named_kind_first(hits, q)  # "Which model …?": the next sentence names the Qwen model
            # "How many people attended?" of "the three-day conference"; "What is the name of the hiker?" of "a hiker"
            # and "What was the inflation rate in December?" of "… 4.6% in February from 4.1% in January"
            if (answering.lacks_count(hits, q) or answering.other_month(hits, q)
                    or (q.english and lacks_name(hits[0].sentence.text, q.text))):
                conf *= OFF_TOPIC_FACTOR
                answerable = conf >= r.models.threshold
        return answering.build(r.index, q, hits, conf, answerable, r.models.cite_ratio,
                               show_nearest=answerable or self._near_miss(r, q, hits, F, e5vec), several=several)

    @staticmethod
    def _near_miss(r: Retriever, q, hits: list[Hit], F: np.ndarray, e5vec: Future) -> bool:
        """Are the nearest passages worth showing with a refusal? For "What is the price of the
        glasses?" they are what the text says nearby; for "What is the capital of France?" they
        are noise that looks like an answer. Not worth it when none of them writes a word the
        question asks about and general text fits the question better than the documents do."""
        if answering.shares_a_word(q, hits[:answering.NEAREST_SHOWN]) or r.index.e5 is None:
            return True
        return not closer_to_background(e5vec.result(), float(F[:, E5_COLUMN].max()), margin=NEAREST_MARGIN)

    @staticmethod
    def _held_to_topic(q, history) -> bool:
        """Is a question checked for being about something else (`_off_topic`)? One in another
        language is, as its words cannot tell; in a conversation, a Chinese one only when it leaves
        its subject out and borrows the earlier question's words ("今天天气怎么样" after a question
        on the article): "那什么时候能恢复" is about the conversation, and the dictionary's rule (no
        gloss the text writes) judges it as before."""
        if q.english:
            return False
        return not has_cjk(q.text) or not any(h.strip() for h in history) or bool(q.context) and not q.refers_back

    @staticmethod
    def _off_topic(r: Retriever, q, hits: list[Hit], F: np.ndarray, e5vec: Future) -> bool:
        """Is a question in another language about something else than the documents? Asked
        alone, "¿Y la cuarta?" and "¿Quién le dio la asistencia?" read as general Spanish: a
        question of a conversation that points back in so many words ("¿Y por qué no se hizo?")
        is about it, and judged on coverage alone. A follow-up that only leaves out its subject
        ("¿Cuántos días duró?", and "¿Qué hora es?" too) is judged by what it adds to the
        conversation (qa/offtopic.py `pulls_away`); any other question by itself."""
        if q.refers_back:
            return False
        if not q.context:
            # a question in the documents' own words, or naming one of their rare words, needs
            # general text to fit it clearly better to be about something else, as a Chinese one does
            worded = not has_cjk(q.text) and in_the_documents_words(q.aligned, q.content_words, r.writes_as_name)
            margin = CHINESE_MARGIN if has_cjk(q.text) or worded else BACKGROUND_MARGIN
            return closer_to_background(e5vec.result(), float(F[:, E5_COLUMN].max()), margin=margin)
        sentences = np.asarray(r.index.e5[sorted(h.features["row"] for h in hits)], dtype=np.float32)
        earlier, both = get_embedder("e5").encode_queries([q.context, f"{q.context} {q.text}"])  # one pass
        return pulls_away(sentences, earlier, both)

    def _more(self, r: Retriever, question: str, history: list[str], doc: str | None, lang: str) -> Answer:
        """The previous answer (asked again: the engine keeps no state between calls), then the
        sentences after it; a reply when there is nothing to read on from."""
        k = last_question(history)
        previous = self._ask(r, history[k], history[:k], doc) if k is not None else None
        if previous is not None and previous.kind == "chat" and said_nothing_more(previous.answer):
            return answering.chat(question, nothing_more(lang))  # the article ended a "more" ago
        if previous is None or previous.kind == "chat":  # nothing asked yet (or only "tell me more"s)
            return answering.chat(question, reply("help", lang, **self._what(r, doc)))
        if not previous.answerable:  # nothing to read on from: the refusal again, with its nearest passages
            return replace(previous, question=question)
        q = parse(question)
        return answering.more(r.index, q, previous) or answering.chat(question, nothing_more(lang))

    def _understand(self, question: str, history, doc: str | None, r: Retriever | None = None):
        """The question parsed, its misspelt words read as the documents in scope spell them."""
        r = r or self.load()._retriever
        is_name = lambda word: r.writes_as_name(word, doc)  # noqa: E731
        question = r.in_their_spelling(question, doc)  # "ファーウェイは…": "Huaweiは…"
        history = [r.in_their_spelling(h, doc) if isinstance(h, str) else h for h in history]
        spellings = r.mid_sentence(doc) if not has_cjk(question) else None
        if spellings is not None:  # "what did xiaomi announce?" names Xiaomi (qa/recase.py)
            question = recased(question, spellings)
            history = [recased(h, spellings) for h in history]
        q = r.respell(parse(question, history, is_name=is_name), doc)
        misspelt = {typed: fixed for typed, fixed in q.respelt if fixed[:1].isupper() and typed_word(typed).search(question)}
        if misspelt and any(h.strip() for h in history):
            # "what about huawie?" after "What did Alibaba unveil?" names Huawei: read as typed, it
            # named nothing and asked the earlier question again with a word of its own
            fixed = re.sub("|".join(rf"(?<![\w'’-]){re.escape(t)}(?![\w'’-])" for t in misspelt),
                           lambda m: misspelt[m.group(0)], question)
            q = replace(r.respell(parse(fixed, history, is_name=is_name), doc), respelt=q.respelt)
        return r.in_english(q, doc)

    @staticmethod
    def _what(r: Retriever, doc: str | None) -> dict:
        """What small talk names: the one document in scope by its title, or "the documents"."""
        docs = r.in_scope(doc)
        return {"title": docs[0].title} if len(docs) == 1 else {"several": len(docs) > 1}

    @staticmethod
    def _gist_documents(r: Retriever, words: tuple[str, ...], doc: str | None) -> list:
        """The documents a gist request may mean: those in scope, or those whose title or file
        name holds all the request's own words ("What is the Normans article about?", "What is
        the README about?"); none when no title holds them (a question, then)."""
        docs = r.in_scope(doc)
        if not words:
            return docs
        return [d for d in docs if set(words) <= naming_words(d.title, d.id)]

    def _earlier_document(self, r: Retriever, history: list[str], doc: str | None) -> list:
        """[the document the previous question was answered from], for "What is this article
        about?" or "When was it published?" in a conversation over several documents; [] when
        there is one document in scope or no such answer."""
        k = last_question(history)
        if k is None or len(r.in_scope(doc)) == 1:
            return []
        previous = self._ask(r, history[k], history[:k], doc)
        if previous.kind == "chat" or not previous.answerable or not previous.citations:
            return []
        return [r.index.by_id[previous.citations[0].doc]]

    @staticmethod
    def _rerank(index, q, hits: list[Hit], logits: np.ndarray) -> list[Hit]:
        """The ranker's best few re-read by the cross-encoder, unless the ranker's first leads by
        a wide margin. MiniLM reads English: a question in Spanish (or another Latin-script
        language) is read as its search text, its words replaced by the documents' English
        (`Retriever.in_english`), a Chinese one as its `reading`, the documents' word for each of
        its words that has one and the dictionary's gloss for the others. A Chinese question
        without such words is left to the ranker: read as glosses alone, the article's translated
        questions went 6 better and 7 worse. Answerability stays the ranker's: it was calibrated
        on its features."""
        rr = get_reranker()
        if rr is None or (has_cjk(q.text) and not q.english and not q.reading) or len(hits) < 2 \
                or logits[0] - logits[1] > rr.skip_margin:
            return hits
        # a sentence the ranker marked down for another model's or another document's name keeps
        # its place: the network reads the words alone, and "Q: How much does the N2 cost?" reads
        # like "How much does it cost?" asked after "What is the N1?"
        places = [k for k, h in enumerate(hits[:rr.k]) if not h.features.get("penalty")]
        top = [hits[k] for k in places]
        contexts = [context_of(index, h.features["row"], rr.context) for h in top]
        if len({(h.sentence.text, c) for h, c in zip(top, contexts)}) < 2:  # copies of one passage: nothing to reorder
            return hits
        # a table row is read with its header's labels, and a fact sheet's line after its page's title, as searched
        docs = [index.by_id[h.sentence.doc] for h in top]
        texts = [search_text(h.sentence, d) if "|" in h.sentence.text or field_line(h.sentence, d) or signer(h.sentence, d)
                 else h.sentence.text
                 for h, d in zip(top, docs)]
        combined, probs = rr.rescore(q.reading or q.dense_text(q.search), texts, logits[places], contexts)
        order = np.argsort(-combined, kind="stable")
        out = list(hits)
        for k, j in zip(places, order.tolist()):
            out[k] = replace(top[j], score=float(probs[j]))
        return out

    def _encode(self, q) -> tuple[np.ndarray, Future]:
        """The question in both dense spaces: MiniLM reads the English search text (a translation
        for Chinese), e5 the words as asked (it is multilingual).

        e5 runs in a worker thread (its C engine or torch releases the GIL) and is the slower of
        the two, so its vector comes back as a Future: the retriever searches and computes every
        other feature with MiniLM's meanwhile, and waits for e5 only to fill its own columns.
        """
        e5_text = q.multilingual or (q.text if q.search == q.text or not q.english else q.search)
        key = (q.dense_text(q.search), q.dense_text(e5_text))
        known = self._recent.get(key)
        if known is not None:
            ready: Future = Future()
            ready.set_result(known[1])
            return known[0], ready
        e5_job = self._e5_pool.submit(_e5_vector, key[1])
        minilm = get_embedder("minilm").encode_queries([key[0]])[0]
        e5_job.add_done_callback(lambda job: job.exception() is None and self._recent.put(key, (minilm, job.result())))
        return minilm, e5_job

    @staticmethod
    def _asked_names(r: Retriever, question: str, doc: str | None) -> list[str]:
        """The names an earlier question asked about, typed in capitals or not ("what did
        tencent launch at waic": Tencent, as the documents write it; not "flu", an English word
        a leaflet's title writes in capitals)."""
        typed = [n for _, _, n in names(question)]
        lower = [w for w in re.findall(r"\b[a-z][\w’'-]*", question)
                 if zipf(w) < answering.RARE_ZIPF and r.writes_as_name(w, doc)]
        return list(dict.fromkeys(typed + lower))

    @staticmethod
    def _people_meant(r: Retriever, q, prior_top) -> tuple[list[str], bool]:
        """Whom "he" or "she" of a follow-up most likely means, and whether they were found after
        the earlier answer. "What company does he lead?" after "Who described the alliance
        ...?": the person the earlier answer named. An answer naming no one ("Not everyone in the
        field is convinced.") is read with the sentence after it, as the page shows it: "Where
        does she work?" asks about the sceptic it names ("Professor Ingrid Lund, …")."""
        if prior_top is None or not refers_to_person(q.text):
            return [], False
        named = person_names(prior_top.text)
        return (named, False) if named else (Engine._named_after(r, prior_top), True)

    @staticmethod
    def _named_after(r: Retriever, prior_top) -> list[str]:
        """The people the sentence after an earlier answer names, in its paragraph."""
        if prior_top.kind != "text":
            return []
        a, b = r.index.doc_rows[prior_top.doc]
        row = a + prior_top.i + 1
        after = r.index.sentences[row] if row < b else None
        return person_names(after.text) if after is not None and after.kind == "text" and after.para == prior_top.para else []

    def _prior(self, r: Retriever, q, doc, history=(), depth: int = 0):
        """Rows of the paragraph the previous question was answered from (follow-ups point
        there) and the sentence it was answered with. The previous question is read as it was
        asked, in its own conversation: "is his company sanctioned?" after "what company does
        he run?" after "Who described the alliance ...?" is about the man that answer named."""
        k = last_question(history)
        if k is None or depth >= 2:
            prev = self._understand(q.context, (), doc, r)
        else:
            prev = self._understand(history[k], history[:k], doc, r)
            if prev.followup and refers_to_person(prev.text):
                prev = with_names(prev, self._people_meant(r, prev, self._prior(r, prev, doc, history[:k], depth + 1)[1])[0])
        pvec, pe5 = self._encode(prev)
        hits, _, _ = r.rank(prev, pvec, doc=doc, e5_qvec=pe5)
        if not hits:
            return set(), None
        top = hits[0].sentence
        a, b = r.index.doc_rows[top.doc]
        return {i for i in range(a, b) if r.index.sentences[i].para == top.para}, top
