"""The on-disk index: open data with a manifest, built incrementally and swapped in atomically.

Layout of an index folder (readable with numpy/json/faiss alone)::

    manifest.json        format version, embedder name and dimension, the generation folder,
                         "channels" (dense channel -> its file and model), per document: id,
                         file, sha256, rows, sentence count; and per corpus file ("files"):
                         size, mtime, sha256 and, for a file left out, "skipped": the reason
    g-<id>/documents.json    id, title, date, path and full text of every document
    g-<id>/sentences.npy     one structured row per sentence: doc, start, end, para, section, kind
    g-<id>/sections.json     section headings referenced by sentences.npy
    g-<id>/vectors.npy       float32 (n, dim) L2-normalised MiniLM embeddings, row = sentence
    g-<id>/e5.npy            float32 (n, 384) multilingual-e5-small vectors, same rows
    g-<id>/bm25/             bm25s sparse matrices over the sentences (absent when there are none)
    g-<id>/minilm.hnsw       above ANN_LIMIT sentences only: a FAISS HNSW graph over 4-bit codes of
                             vectors.npy (faiss.read_index), so a question's dense candidates cost
                             milliseconds at a million sentences; features still use the exact vectors
    g-<id>/checksums.json    sha256 of every file above, to detect damage

A build writes a new generation folder, then replaces manifest.json (an atomic rename), then
removes older generations: a crash at any moment leaves the previous index whole.
Unchanged documents (same sha256) reuse their vectors, so editing one file re-embeds only it.
"""
from __future__ import annotations

import atexit
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path

import numpy as np

from .corpus import content_hash, corpus_files, load_document, shown
from .embed import E5_NAME, MINILM_NAME, get_embedder
from .lexical import BM25
from .minilm import MiniLM
from .segment import EMBED_TEXT, embed_text, search_text, segment, segmenter_id
from .types import Document, IndexFolderError, Sentence

log = logging.getLogger(__name__)

FORMAT_VERSION = 2  # 2: e5.npy and the "channels" manifest key
KINDS = ("text", "meta")
CHANNELS = {"minilm": "vectors.npy", "e5": "e5.npy"}  # dense channels: embedder -> file
CHANNEL_MODELS = {"minilm": MINILM_NAME, "e5": E5_NAME}
DIM = MiniLM.dim  # both embedders make 384-d vectors (E5.dim too); an index of another dimension is unusable
# files every generation must hold (and checksums.json must cover); bm25/ is checked by its loader
REQUIRED_FILES = ("documents.json", "sections.json", "sentences.npy", *CHANNELS.values())
# approximate dense search above this many sentences (exact search costs ~160 ms at 1M, HNSW ~1-2 ms)
ANN_LIMIT = 100_000
ANN_FILE = "minilm.hnsw"
# 4-bit codes: 192 MB at a million sentences where 8-bit ones took 384 (the graph's links take
# 256 more); with its top 300 re-scored exactly for the 100 (ANN_SHORTLIST), the engine at a
# million sentences cites as exact search does for 200 of 200 questions (8-bit codes: 199;
# docs/performance.md, sixty-fourth session)
ANN_PARAMS = {"kind": "hnsw_sq4", "M": 32, "ef_construction": 100}
_ANN_BITS = {"hnsw_sq8": "QT_8bit", "hnsw_sq4": "QT_4bit"}
# how many times k a search reads from the graph, re-scored with the exact vectors: 4-bit codes
# order the top 100 roughly (recall@100 against exact 0.845 at a million sentences, 8-bit codes
# 0.923); the top 300 re-scored give 0.923
ANN_SHORTLIST = {"hnsw_sq8": 1, "hnsw_sq4": 3}
PREAD_LIMIT = 200_000  # dense vectors memory-mapped up to this many sentences, read by row above
EAGER_LIMIT = 200_000  # sentences made into objects at load; above, made on access (memory)
SENTENCE_DTYPE = np.dtype([("doc", "<i4"), ("start", "<i8"), ("end", "<i8"), ("para", "<i4"),
                           ("section", "<i4"), ("kind", "i1")])


def _channels() -> dict:
    """Each dense channel's file, model and what it embeds: an index built otherwise is rebuilt."""
    return {ch: {"file": f, "model": CHANNEL_MODELS[ch], "text": EMBED_TEXT} for ch, f in CHANNELS.items()}


class IndexError_(RuntimeError):
    """The index on disk cannot be used (missing, damaged or built for another model)."""


@dataclass
class Index:
    """A loaded index: documents, sentences and the two search channels over them."""

    folder: Path
    manifest: dict
    documents: list[Document]
    sentences: "SentenceTable | list[Sentence]"
    vectors: np.ndarray
    bm25: BM25 | None  # None only for an index of no sentences (a corpus without usable files)
    doc_rows: dict[str, tuple[int, int]]
    e5: np.ndarray | None = None  # multilingual channel: questions in other languages
    ann: object | None = None  # faiss HNSW over `vectors` for a large corpus (None: search exactly)

    def skipped(self, doc_id: str) -> str | None:
        """Why the corpus file with this id was left out of the index, if it was."""
        for f in self.manifest.get("files", ()):
            if isinstance(f, dict) and f.get("skipped") and Path(str(f.get("file"))).stem == doc_id:
                return f"{shown(str(f['file']))} was left out of the index: {f['skipped']}"
        return None

    @cached_property
    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}


# ---------------------------------------------------------------- reading

def _sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def read_manifest(folder: Path) -> dict | None:
    """The manifest as a dict, or None when it is missing, unreadable or not a JSON object."""
    try:
        manifest = json.loads((Path(folder) / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return manifest if isinstance(manifest, dict) else None


def load_index(folder: str | Path, verify: bool = True) -> Index:
    """Open an index folder; raises IndexError_ with the reason when it cannot be used."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    if manifest is None:
        raise IndexError_(f"no readable manifest in {folder}")
    try:  # valid JSON of the wrong shape is as unusable as garbage
        if manifest.get("format_version") != FORMAT_VERSION or manifest.get("embedder", {}).get("name") != MINILM_NAME:
            raise IndexError_("index was built by another format or model")
        gen_name = manifest["generation"]
        if not isinstance(gen_name, str) or not gen_name or Path(gen_name).name != gen_name:
            raise ValueError(f"bad generation {gen_name!r}")
        gen = folder / gen_name
        dim = int(manifest["embedder"]["dim"])
        doc_rows = {d["id"]: tuple(int(x) for x in d["rows"]) for d in manifest["documents"]}
        channels = manifest["channels"]
    except (KeyError, TypeError, AttributeError, ValueError) as exc:
        raise IndexError_(f"manifest is malformed: {type(exc).__name__}: {exc}") from exc
    if dim != DIM:
        raise IndexError_(f"index vectors have dimension {dim}; the embedders make {DIM}")
    expected = _channels()
    if channels != expected:
        raise IndexError_(f"index channels were built by other models or files: {str(channels)[:200]}")
    try:
        if verify:
            checksums = json.loads((gen / "checksums.json").read_text())
            if not isinstance(checksums, dict) or not set(REQUIRED_FILES) <= set(checksums):
                raise IndexError_("checksums.json is damaged (it does not cover the index files)")
            for name, digest in checksums.items():
                if _sha256_file(gen / name) != digest:
                    raise IndexError_(f"index file {name} is damaged (checksum mismatch)")
        docs = [Document(**d) for d in json.loads((gen / "documents.json").read_text(encoding="utf-8"))]
        sections = json.loads((gen / "sections.json").read_text(encoding="utf-8"))
        rows = np.load(gen / "sentences.npy")
        vectors, e5 = (_open_rows(gen / CHANNELS[ch], len(rows)) for ch in ("minilm", "e5"))
        bm25 = BM25.load(gen / "bm25") if len(rows) else None
        ann = _load_ann(gen, manifest.get("ann"), len(rows))
    except IndexError_:
        raise
    except Exception as exc:  # damaged or missing files: the caller rebuilds
        raise IndexError_(f"index files unreadable: {exc}") from exc
    for name, v in (("vectors", vectors), ("e5", e5)):
        if v is not None and (v.ndim != 2 or v.shape != (len(rows), dim)):
            raise IndexError_(f"{name} have shape {v.shape}, expected ({len(rows)}, {dim})")
    try:
        bm25_rows = int(bm25.retriever.scores["num_docs"]) if bm25 is not None else 0
    except (AttributeError, KeyError, TypeError, ValueError) as exc:
        raise IndexError_(f"bm25 index unreadable: {exc}") from exc
    if bm25_rows != len(rows):
        raise IndexError_(f"bm25 index has {bm25_rows} rows, expected {len(rows)}")
    if set(doc_rows) != {d.id for d in docs} or any(
            len(r) != 2 or not 0 <= r[0] <= r[1] <= len(rows) for r in doc_rows.values()):
        raise IndexError_("manifest documents do not match the index files")
    try:
        sentences = SentenceTable(rows, docs, sections)
    except (IndexError, KeyError, TypeError, ValueError) as exc:  # rows that point nowhere
        raise IndexError_(f"sentence rows are damaged: {exc}") from exc
    for k, d in enumerate(docs):  # every row of a document's range belongs to it
        a, b = doc_rows[d.id]
        if (rows["doc"][a:b] != k).any():
            raise IndexError_(f"sentence rows of {d.id!r} do not match the manifest")
    return Index(folder, manifest, docs, sentences, vectors, bm25, doc_rows, e5, ann)


def _load_ann(gen: Path, spec, n_rows: int):
    if spec is None:
        return None
    import faiss

    if not isinstance(spec, dict) or spec.get("file") != ANN_FILE:
        raise IndexError_(f"manifest ann entry is malformed: {str(spec)[:100]}")
    ann = faiss.read_index(str(gen / ANN_FILE))
    if ann.ntotal != n_rows or ann.d != DIM:
        raise IndexError_(f"{ANN_FILE} holds {ann.ntotal} vectors of dimension {ann.d}, expected {n_rows} of {DIM}")
    return ann


def build_ann(vectors: np.ndarray):
    """HNSW over scalar-quantised vectors (ANN_PARAMS' bits): a fraction of the memory of
    HNSW-Flat, and only a candidate generator, since ranking re-reads exact vectors."""
    import faiss

    bits = getattr(faiss.ScalarQuantizer, _ANN_BITS[ANN_PARAMS["kind"]])
    ann = faiss.IndexHNSWSQ(vectors.shape[1], bits, ANN_PARAMS["M"], faiss.METRIC_INNER_PRODUCT)
    ann.hnsw.efConstruction = ANN_PARAMS["ef_construction"]
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    ann.train(x)
    ann.add(x)
    return ann


def _open_rows(path: Path, n_rows: int):
    """A dense channel's vectors: memory-mapped for a small index (a question may read them all),
    read row by row above PREAD_LIMIT (a question reads a few hundred rows, and a memory map would
    keep every page it touched, and its neighbours, resident: 3 GB after 200 questions at 1M)."""
    if n_rows <= PREAD_LIMIT:
        return np.load(path, mmap_mode="r")
    return RowFile(path)


class RowFile:
    """Rows of a 2-D float32 .npy file read with pread on demand: indexing gives numpy arrays,
    and nothing stays mapped."""

    ndim = 2

    def __init__(self, path: Path) -> None:
        with open(path, "rb") as fh:
            major, _ = np.lib.format.read_magic(fh)
            read_header = np.lib.format.read_array_header_1_0 if major == 1 else np.lib.format.read_array_header_2_0
            shape, fortran, dtype = read_header(fh)
            self.offset = fh.tell()
        if len(shape) != 2 or fortran or dtype != np.float32:
            raise ValueError(f"{path.name}: not a C-ordered float32 matrix")
        self.shape, self.dtype = shape, dtype
        self.row_bytes = shape[1] * dtype.itemsize
        if path.stat().st_size < self.offset + shape[0] * self.row_bytes:
            raise ValueError(f"{path.name} is truncated")
        self._fd = os.open(path, os.O_RDONLY)

    def __len__(self) -> int:
        return self.shape[0]

    def __getitem__(self, key) -> np.ndarray:
        if isinstance(key, slice):
            a, b, step = key.indices(len(self))
            if step == 1:
                buf = os.pread(self._fd, max(0, b - a) * self.row_bytes, self.offset + a * self.row_bytes)
                return np.frombuffer(buf, self.dtype).reshape(-1, self.shape[1])
            key = np.arange(a, b, step)
        if np.ndim(key) == 0:
            return self[[int(key)]][0]
        rows = np.asarray(key, dtype=np.int64)
        if len(rows) and (rows.min() < -len(self) or rows.max() >= len(self)):
            raise IndexError("vector row out of range")
        rows = np.where(rows < 0, rows + len(self), rows)
        out = np.empty((len(rows), self.shape[1]), self.dtype)
        for k, r in enumerate(rows.tolist()):
            out[k] = np.frombuffer(os.pread(self._fd, self.row_bytes, self.offset + r * self.row_bytes), self.dtype)
        return out

    def __array__(self, dtype=None, copy=None) -> np.ndarray:
        full = self[0:len(self)]
        return full.astype(dtype) if dtype is not None else full

    def __del__(self) -> None:
        try:
            os.close(self._fd)
        except (AttributeError, OSError):
            pass


class SentenceTable(Sequence):
    """The index's sentences as a read-only sequence over the stored rows.

    A corpus up to EAGER_LIMIT sentences is turned into Sentence objects once; above it they are
    made on access (a question reads a few hundred), since a million Python objects with their
    texts would cost about a gigabyte. Rows are validated up front either way: offsets outside
    their document raise ValueError, so a damaged index never yields a citation whose offsets
    do not match its text.
    """

    def __init__(self, rows: np.ndarray, docs: list[Document], sections: list[str]) -> None:
        self.rows, self.docs, self.sections = rows, docs, sections
        n = len(rows)
        d = rows["doc"].astype(np.int64)
        bad = np.flatnonzero((d < 0) | (d >= len(docs)))
        if len(bad):
            raise ValueError(f"row {bad[0]} names document {d[bad[0]]} of {len(docs)}")
        lengths = np.array([len(doc.text) for doc in docs], dtype=np.int64)
        start, end, sec, kind = rows["start"], rows["end"], rows["section"], rows["kind"]
        bad = np.flatnonzero((start < 0) | (start >= end) | (end > lengths[d]) | (sec < -1) |
                             (sec >= len(sections)) | (kind < 0) | (kind >= len(KINDS)))
        if len(bad):
            raise ValueError(f"row {bad[0]} ({start[bad[0]]}, {end[bad[0]]}) does not fit document {docs[d[bad[0]]].id!r}")
        first = np.ones(n, dtype=bool)
        first[1:] = d[1:] != d[:-1]
        run_start = np.maximum.accumulate(np.where(first, np.arange(n), 0)) if n else np.zeros(0, np.int64)
        self._i = np.arange(n) - run_start  # position within its document
        self._n = n
        self._list = [self._make(k) for k in range(n)] if n <= EAGER_LIMIT else None

    def _make(self, k: int) -> Sentence:
        d, start, end, para, sec, kind = self.rows[k].item()
        doc = self.docs[d]
        return Sentence(doc.id, int(self._i[k]), start, end, doc.text[start:end], para,
                        self.sections[sec] if sec >= 0 else "", KINDS[kind])

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, k):
        if self._list is not None:
            return self._list[k]
        if isinstance(k, slice):
            return [self._make(j) for j in range(*k.indices(len(self)))]
        k = int(k)
        if k < 0:
            k += self._n
        if not 0 <= k < self._n:
            raise IndexError("sentence row out of range")
        return self._make(k)

    def __eq__(self, other) -> bool:
        return isinstance(other, (list, tuple, Sequence)) and list(self) == list(other)


# ---------------------------------------------------------------- freshness

def corpus_state(corpus: Path) -> dict[str, dict]:
    """file name -> size and mtime of each corpus file (cheap: no reading)."""
    out = {}
    for p in corpus_files(corpus):
        st = p.stat()
        out[p.name] = {"size": st.st_size, "mtime_ns": st.st_mtime_ns}
    return out


class CorpusWatch:
    """Notices a corpus file added, removed or edited since a snapshot, by file size and
    modification time, at little cost whatever the corpus's size: the folder is listed again
    only when its own modification time moved (a file added, removed or renamed), and at most
    ``per_look`` files are stat'ed a look, in turn (an edit among 5,770 files is noticed within
    23 looks)."""

    def __init__(self, corpus: Path, files: dict[str, tuple] | None = None, per_look: int = 256) -> None:
        """A watch against ``files`` (name -> (size, mtime_ns)) or, by default, the files as they
        are now. Raises OSError without the folder."""
        self.corpus, self.per_look, self._next = Path(corpus), per_look, 0
        folder = self.corpus.stat().st_mtime_ns
        # listed now, the folder is listed again when its time moves; given files, at the first look
        self._folder = folder if files is None else None
        if files is None:
            files = {name: self._stat(name) for name in self._names()}
        self.names = sorted(files)
        self.known = [files[name] for name in self.names]

    @classmethod
    def of_index(cls, corpus: Path, manifest: dict, per_look: int = 256) -> "CorpusWatch":
        """A watch against the files as an index was built from them (its manifest), so an edit
        made while the index was loading counts as a change. Raises OSError without the folder."""
        files = {f["file"]: (f.get("size"), f.get("mtime_ns")) for f in manifest.get("files", ())
                 if isinstance(f, dict) and isinstance(f.get("file"), str)}
        return cls(corpus, files, per_look)

    def _names(self) -> list[str]:
        return [p.name for p in corpus_files(self.corpus)]

    def _stat(self, name: str) -> tuple[int, int] | None:
        try:
            st = os.stat(os.path.join(self.corpus, name))
        except OSError:
            return None
        return st.st_size, st.st_mtime_ns

    def changed(self) -> bool:
        folder = self.corpus.stat().st_mtime_ns
        if folder != self._folder:
            if self._names() != self.names:
                return True
            self._folder = folder  # same files (an editor's save by rename): their stats tell
        n = len(self.names)
        turn = [(self._next + k) % n for k in range(min(self.per_look, n))]
        self._next = (self._next + len(turn)) % max(n, 1)
        return any(self._stat(self.names[k]) != self.known[k] for k in turn)


def is_fresh(manifest: dict | None, corpus: Path) -> bool:
    """True when the manifest describes exactly the corpus files as they are now, including
    the files the build skipped (empty, binary, duplicate...), split by this code's splitter;
    False for a malformed manifest."""
    if not isinstance(manifest, dict) or not manifest:
        return False
    try:
        if set(manifest.get("channels", {})) != set(CHANNELS):
            return False
        if manifest.get("segmenter") != segmenter_id():  # a new splitter: the sentences may differ
            return False
        known = {}
        for f in manifest.get("files", []):
            if not isinstance(f, dict) or not isinstance(f.get("file"), str):
                return False
            known[f["file"]] = f
        state = corpus_state(corpus)
        if set(state) != set(known):
            return False
        for name, st in state.items():
            f = known[name]
            # the content hash decides: a file can change and keep its size and mtime (an edit
            # within the clock's resolution, a copy that preserves times, a restored backup);
            # touched but unchanged is fine. Hashing the corpus costs far less than loading the index.
            if f.get("size") != st["size"] or _sha256_file(corpus / name) != f.get("sha256"):
                return False
        return True
    except (OSError, KeyError, TypeError, AttributeError, ValueError):
        return False


# ---------------------------------------------------------------- building

@contextmanager
def _build_lock(folder: Path):
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


@dataclass
class _Previous:
    """A document of the previous index: its rows there and the Document they were made from."""

    rows: tuple[int, int]
    doc: Document


def _reusable(folder: Path) -> tuple[dict[str, _Previous], dict[str, np.ndarray], Index | None]:
    """sha256 -> that document in the previous index, its vectors per channel, and the index
    itself, so unchanged documents skip the embedders and the sentence splitter."""
    try:
        old = load_index(folder, verify=True)
    except IndexError_:
        return {}, {}, None
    vectors = {"minilm": old.vectors, "e5": old.e5}
    previous = {d["sha256"]: _Previous(tuple(d["rows"]), old.by_id[d["id"]]) for d in old.manifest["documents"]}
    return previous, vectors, old


def _segment(doc, prev: _Previous | None, old: Index | None) -> list[Sentence]:
    """The document's sentences; an unchanged document's come from the previous index (pysbd is
    most of a re-index), if the same splitter made them from the same text."""
    if prev is not None and old.manifest.get("segmenter") == segmenter_id() and prev.doc.text == doc.text:
        return [replace(old.sentences[i], doc=doc.id) for i in range(*prev.rows)]
    return segment(doc)


def build_index(corpus: str | Path, folder: str | Path, progress: bool = True,
                reuse: str | Path | None = None) -> Index:
    """(Re)build the index of ``corpus`` into ``folder``, re-embedding only changed documents
    (unchanged ones keep their vectors from the index in ``folder``, or in ``reuse``)."""
    corpus, folder = Path(corpus), Path(folder)
    t0 = time.perf_counter()
    corpus_files(corpus)  # a missing corpus folder says so before anything is created
    _check_index_folder(corpus, folder)
    with _build_lock(folder):
        previous, old_vectors, old = _reusable(Path(reuse) if reuse is not None else folder)
        docs, files, doc_meta, seen, file_of = [], [], [], {}, {}  # seen: digest -> file; file_of: id -> file
        all_sentences: list[Sentence] = []
        for path in corpus_files(corpus):
            # every corpus file is listed in "files", skipped ones too (with the reason), so that
            # is_fresh() can tell an unchanged corpus from a changed one
            try:
                st = path.stat()
                data = path.read_bytes()
            except OSError as exc:
                log.warning("skipping %s: %s", shown(path.name), exc)
                continue  # unreadable: not listed, so the next open tries again
            digest = content_hash(data)
            entry = {"file": path.name, "size": st.st_size, "mtime_ns": st.st_mtime_ns, "sha256": digest}
            try:
                doc = load_document(path, data)
            except ValueError as exc:
                files.append(_skipped(entry, str(exc)))
                continue
            if digest in seen:
                files.append(_skipped(entry, f"duplicate of {seen[digest]}"))
                continue
            if doc.id in file_of:  # "notes.md" beside "notes.txt": one id, two texts
                files.append(_skipped(entry, f"the id {doc.id!r} is {file_of[doc.id]}'s"))
                continue
            seen[digest] = path.name
            sents = _segment(doc, previous.get(digest), old)
            if not sents:
                files.append(_skipped(entry, "no sentences found"))
                continue
            files.append(entry)
            doc_meta.append({"id": doc.id, "file": path.name, "sha256": digest,
                             "rows": [len(all_sentences), len(all_sentences) + len(sents)],
                             "sentences": len(sents)})
            docs.append(doc)
            file_of[doc.id] = path.name
            all_sentences.extend(sents)
        kept = _same_embedded_texts(docs, doc_meta, all_sentences, previous, old)
        vectors = {ch: _embed_changed(ch, docs, doc_meta, all_sentences, kept, old_vectors.get(ch), progress)
                   for ch in CHANNELS}
        gen = _write_generation(folder, docs, doc_meta, files, all_sentences, vectors)
        _prune_generations(folder, keep=gen)
    n = len(all_sentences)
    log.info("indexed %d document%s, %d sentences in %.1fs", len(docs), "" if len(docs) == 1 else "s", n, time.perf_counter() - t0)
    return load_index(folder, verify=False)


def _check_index_folder(corpus: Path, folder: Path) -> None:
    """Refuse a folder a build would damage: a build writes manifest.json and generation folders
    there and removes old generations, so it must be a folder of its own."""
    if folder.exists() and not folder.is_dir():
        raise IndexFolderError(f"the index folder {folder} is a file; give a folder (--index DIR)")
    if folder.exists() and corpus.resolve() == folder.resolve():
        raise IndexFolderError(f"the index folder {folder} is the corpus folder; give another one (--index DIR)")
    manifest = folder / "manifest.json"
    if manifest.exists() and not _looks_like_index(folder):
        raise IndexFolderError(f"{folder} holds a manifest.json that is not a qa index's; "
                               "give a folder of its own (--index DIR)")


def _looks_like_index(folder: Path) -> bool:
    """A manifest naming a generation, or a generation folder (a damaged manifest of ours)."""
    m = read_manifest(folder)
    if isinstance(m, dict) and "format_version" in m and "generation" in m:
        return True
    return any(p.is_dir() and _GENERATION.fullmatch(p.name) for p in folder.iterdir())


def _skipped(entry: dict, reason: str) -> dict:
    log.warning("skipping %s: %s", shown(entry["file"]), reason)
    return {**entry, "skipped": reason}


def _same_embedded_texts(docs, doc_meta, sentences, previous, old) -> dict[str, tuple[int, int]]:
    """Document id -> its rows in the previous index, for each document whose embedded texts are
    the same there, sentence for sentence (a new splitter can move a boundary and keep the count;
    the title, embedded with every sentence, can come from the file name). Every channel reuses
    exactly these."""
    by_id = {d.id: d for d in docs}
    kept = {}
    for meta in doc_meta:
        a, b = meta["rows"]
        prev = previous.get(meta["sha256"])
        if prev is not None and prev.rows[1] - prev.rows[0] == b - a and \
                [embed_text(s, prev.doc) for s in old.sentences[slice(*prev.rows)]] == \
                [embed_text(s, by_id[meta["id"]]) for s in sentences[a:b]]:
            kept[meta["id"]] = prev.rows
    return kept


def _embed_changed(channel, docs, doc_meta, sentences, kept, old_vectors, progress) -> np.ndarray:
    """The channel's vectors: the documents in ``kept`` keep their old ones, the rest are embedded."""
    vectors = np.zeros((len(sentences), 384), dtype=np.float32)
    todo: list[int] = []
    by_id = {d.id: d for d in docs}
    reused = 0
    for meta in doc_meta:
        a, b = meta["rows"]
        if meta["id"] in kept and old_vectors is not None:
            vectors[a:b] = old_vectors[slice(*kept[meta["id"]])]
            reused += 1
        else:
            todo.extend(range(a, b))
    if todo:
        log.info("%s: embedding %d sentences (%d documents unchanged)", channel, len(todo), reused)
        texts = [embed_text(sentences[i], by_id[sentences[i].doc]) for i in todo]
        vectors[todo] = get_embedder(channel).encode_documents(texts, progress=progress)
    return vectors


_GENERATION = re.compile(r"g-\d{14}-[0-9a-f]{8}")  # the names _write_generation gives


def _write_generation(folder, docs, doc_meta, files, sentences, vectors) -> str:
    gen_name = f"g-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = folder / f".tmp-{gen_name}"
    tmp.mkdir(parents=True)
    try:
        doc_index = {d.id: k for k, d in enumerate(docs)}
        sections = sorted({s.section for s in sentences if s.section})
        sec_index = {s: k for k, s in enumerate(sections)}
        rows = np.array([(doc_index[s.doc], s.start, s.end, s.para,
                          sec_index.get(s.section, -1), KINDS.index(s.kind)) for s in sentences],
                        dtype=SENTENCE_DTYPE)
        # the path is only shown and read for its suffix; a corpus folder whose name is not UTF-8
        # would leave lone surrogates in it, which a UTF-8 file cannot hold
        (tmp / "documents.json").write_text(json.dumps(
            [{"id": d.id, "title": d.title, "date": d.date, "path": shown(d.path), "text": d.text} for d in docs],
            ensure_ascii=False), encoding="utf-8")
        (tmp / "sections.json").write_text(json.dumps(sections, ensure_ascii=False), encoding="utf-8")
        np.save(tmp / "sentences.npy", rows)
        for channel, file_name in CHANNELS.items():
            np.save(tmp / file_name, vectors[channel])
        texts = [search_text(s, docs[doc_index[s.doc]]) for s in sentences]
        if texts:  # bm25s cannot index nothing; an empty corpus gives an index of no sentences
            BM25.build(texts).save(tmp / "bm25")
        ann = None
        if len(sentences) > ANN_LIMIT:
            import faiss

            log.info("building the HNSW graph over %d vectors", len(sentences))
            faiss.write_index(build_ann(vectors["minilm"]), str(tmp / ANN_FILE))
            ann = {"file": ANN_FILE, **ANN_PARAMS}
        checksums = {str(p.relative_to(tmp)): _sha256_file(p) for p in sorted(tmp.rglob("*")) if p.is_file()}
        (tmp / "checksums.json").write_text(json.dumps(checksums, indent=1))
        _fsync_tree(tmp)
        os.rename(tmp, folder / gen_name)
        manifest = {"format_version": FORMAT_VERSION, "generation": gen_name,
                    "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                    "embedder": {"name": MINILM_NAME, "dim": int(vectors["minilm"].shape[1])},
                    "channels": _channels(),
                    "segmenter": segmenter_id(), "sentences": len(sentences), "documents": doc_meta, "files": files, "ann": ann}
        tmp_manifest = folder / f".manifest-{gen_name}.json"
        # ASCII escapes: a skipped file whose name is not valid UTF-8 is listed too
        tmp_manifest.write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        with open(tmp_manifest, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp_manifest, folder / "manifest.json")  # the moment the new index goes live
        return gen_name
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _fsync_tree(folder: Path) -> None:
    for p in folder.rglob("*"):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())


def _prune_generations(folder: Path, keep: str) -> None:
    """Remove earlier builds' generations, their temporary folders and manifests: only names
    _write_generation gives, so a user's "g-photos" next to the index is never touched."""
    for p in folder.iterdir():
        name = p.name
        if name == keep or p.is_symlink():
            continue
        if p.is_dir() and _GENERATION.fullmatch(name.removeprefix(".tmp-")):
            shutil.rmtree(p, ignore_errors=True)
        elif p.is_file() and name.startswith(".manifest-") and name.endswith(".json") \
                and _GENERATION.fullmatch(name[len(".manifest-"):-len(".json")]):
            p.unlink(missing_ok=True)


def open_index(corpus: str | Path, folder: str | Path, progress: bool = True) -> Index:
    """The index for ``corpus``: loaded when fresh, otherwise (re)built first, with a message."""
    corpus, folder = Path(corpus), Path(folder)
    manifest = read_manifest(folder)
    if is_fresh(manifest, corpus):
        try:
            return load_index(folder)
        except IndexError_ as exc:
            log.warning("index unusable (%s): rebuilding", exc)
    elif manifest:
        log.info("corpus changed since the index was built: updating it")
    else:
        log.info("no index yet in %s: building it", folder)
    try:
        return build_index(corpus, folder, progress=progress)
    except PermissionError as exc:  # also a read-only file system's EROFS, below
        return _updated_elsewhere(corpus, folder, exc, progress)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError) or exc.errno != errno.EROFS:
            raise
        return _updated_elsewhere(corpus, folder, exc, progress)


def _updated_elsewhere(corpus: Path, folder: Path, exc: OSError, progress: bool) -> Index:
    """When the folder cannot be written (read-only media, another user's folder): the index
    brought up to date in a temporary folder for this process, only the changed documents
    embedded again. An answer from the index as last built would cite offsets into text the
    files no longer hold, so that is only the fallback when the copy cannot be made."""
    try:
        load_index(folder)
    except IndexError_:
        raise IndexFolderError(f"cannot write the index folder {folder} ({exc.strerror or exc}) "
                               "and there is no usable index in it") from exc
    scratch = Path(tempfile.mkdtemp(prefix="qa-index-"))
    atexit.register(shutil.rmtree, scratch, True)
    try:
        index = build_index(corpus, scratch, progress=progress, reuse=folder)
    except OSError as again:
        log.warning("cannot write the index folder %s (%s), nor a temporary one (%s): answering from the "
                    "index as it was last built, without the corpus's latest changes",
                    folder, exc.strerror or exc, again.strerror or again)
        return load_index(folder)
    log.warning("cannot write the index folder %s (%s): the corpus's changes are indexed in %s for this "
                "process only", folder, exc.strerror or exc, scratch)
    return index
