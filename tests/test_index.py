"""The on-disk index: manifest, incremental re-embedding, damage detection, atomic builds.

These need the embedding model (loaded once per session, shared with the session Engine).
"""
import dataclasses
import hashlib
import json
import os
import shutil

import numpy as np
import pytest

import qa.index
from qa.embed import MINILM_NAME, get_embedder
from qa.index import FORMAT_VERSION, IndexError_, build_index, load_index, open_index, read_manifest
from qa.corpus import load_corpus
from qa.segment import embed_text, segment

pytestmark = pytest.mark.slow

DOC_A = ("date 2024-05-01 Alpha Corp built a new factory in Lyon. The factory makes solar panels.\n\n"
         "Production starts in March. About 300 people will work there.\n")
DOC_B = ("Beta Labs\n\nBeta Labs released a language model called Bolt. Bolt runs on a laptop.\n"
         "The model was trained on 2.5 trillion tokens.\n")
DOC_C = "Gamma Foods opened a bakery in Oslo. It sells rye bread.\n"


class Spy:
    """Records what reaches ``get_embedder(kind).encode_documents`` inside qa.index, per embedder kind.

    ``texts`` is the main (MiniLM) channel; any other dense channel must embed the same rows.
    """

    def __init__(self):
        self.by_kind: dict[str, list[str]] = {}
        self.calls = 0

    @property
    def texts(self) -> list[str]:
        return self.by_kind.get("minilm", [])

    def reset(self):
        self.by_kind.clear()
        self.calls = 0

    def check_channels_agree(self):
        for kind, texts in self.by_kind.items():
            assert len(texts) == len(self.texts), f"channel {kind} embedded {len(texts)} rows, minilm {len(self.texts)}"


class _SpyEmbedder:
    def __init__(self, real, kind, spy):
        self._real, self._kind, self._spy = real, kind, spy

    def __getattr__(self, name):
        return getattr(self._real, name)

    def encode_documents(self, texts, *args, **kwargs):
        self._spy.calls += 1
        self._spy.by_kind.setdefault(self._kind, []).extend(texts)
        kwargs.pop("progress", None)
        return self._real.encode_documents(texts, *args, **kwargs)


@pytest.fixture(scope="session")
def embedder():
    return get_embedder("minilm")


@pytest.fixture
def spy(embedder, monkeypatch):
    s = Spy()
    real_get = qa.index.get_embedder

    def get(kind="minilm", *args, **kwargs):
        return _SpyEmbedder(real_get(kind, *args, **kwargs), kind, s)

    monkeypatch.setattr(qa.index, "get_embedder", get)
    return s


@pytest.fixture
def small(tmp_path):
    """A two-document corpus and an empty index folder."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC_A, encoding="utf-8")
    (corpus / "b.md").write_text(DOC_B, encoding="utf-8")
    return corpus, tmp_path / "index"


def expected_texts(corpus, doc_id):
    doc = next(d for d in load_corpus(corpus) if d.id == doc_id)
    return [embed_text(s, doc) for s in segment(doc)]


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def generations(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(("g-", ".tmp-", ".manifest-")))


def check_index(idx, corpus):
    """Every sentence of a loaded index matches a fresh segmentation of the corpus, offsets exact."""
    docs = load_corpus(corpus)
    assert sorted(d.id for d in idx.documents) == sorted(d.id for d in docs)
    for d in docs:
        a, b = idx.doc_rows[d.id]
        got = idx.sentences[a:b]
        want = segment(d)
        assert [(s.start, s.end, s.text, s.kind, s.section, s.para) for s in got] == \
               [(s.start, s.end, s.text, s.kind, s.section, s.para) for s in want]
        for s in got:
            assert idx.by_id[s.doc].text[s.start:s.end] == s.text == d.text[s.start:s.end]
    assert idx.vectors.shape == (len(idx.sentences), 384)
    assert np.allclose(np.linalg.norm(idx.vectors, axis=1), 1.0, atol=1e-3)
    for name in ("e5",):  # optional extra dense channels cover the same rows
        extra = getattr(idx, name, None)
        if extra is not None:
            assert extra.shape[0] == len(idx.sentences)


def test_build_writes_manifest_and_open_data(small, spy):
    corpus, folder = small
    idx = open_index(corpus, folder, progress=False)
    m = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert m["format_version"] == FORMAT_VERSION
    assert m["embedder"] == {"name": MINILM_NAME, "dim": 384}
    docs = {d["id"]: d for d in m["documents"]}
    assert set(docs) == {"a", "b"}
    assert docs["a"]["sha256"] == sha256(corpus / "a.txt")
    assert docs["b"]["sha256"] == sha256(corpus / "b.md")
    files = {f["file"]: f for f in m["files"]}
    assert set(files) == {"a.txt", "b.md"}
    assert files["a.txt"]["sha256"] == sha256(corpus / "a.txt")
    gen = folder / m["generation"]
    for name in ("documents.json", "sentences.npy", "vectors.npy", "sections.json", "checksums.json"):
        assert (gen / name).is_file(), name
    # open data: readable with numpy/json alone
    vectors = np.load(gen / "vectors.npy")
    rows = np.load(gen / "sentences.npy")
    assert vectors.shape == (len(rows), 384) and vectors.dtype == np.float32
    assert m["sentences"] == len(rows) == len(idx.sentences)
    stored = json.loads((gen / "documents.json").read_text(encoding="utf-8"))
    assert {d["id"]: d["date"] for d in stored} == {"a": "2024-05-01", "b": None}
    # every sentence was embedded once, and the meta line is spelt out for the embedder
    assert spy.texts == expected_texts(corpus, "a") + expected_texts(corpus, "b")
    assert any("2024-05-01" in t and "published" in t for t in spy.texts)
    spy.check_channels_agree()
    check_index(idx, corpus)
    assert generations(folder) == [m["generation"]]


def test_reopen_unchanged_does_not_embed(small, embedder, spy):
    corpus, folder = small
    first = open_index(corpus, folder, progress=False)
    spy.reset()
    manifest_before = (folder / "manifest.json").read_bytes()
    again = open_index(corpus, folder, progress=False)
    assert spy.calls == 0 and spy.by_kind == {}
    assert (folder / "manifest.json").read_bytes() == manifest_before, "unchanged corpus: no rebuild"
    assert np.array_equal(np.asarray(first.vectors), np.asarray(again.vectors))
    # touched (new mtime) but unchanged content: still nothing to embed
    st = os.stat(corpus / "a.txt")
    os.utime(corpus / "a.txt", ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    open_index(corpus, folder, progress=False)
    # a forced rebuild of an unchanged corpus reuses every vector
    rebuilt = build_index(corpus, folder, progress=False)
    assert spy.calls == 0 and spy.by_kind == {}
    assert np.array_equal(np.asarray(first.vectors), np.asarray(rebuilt.vectors))


def test_edit_one_document_reembeds_only_it(small, spy):
    corpus, folder = small
    before = open_index(corpus, folder, progress=False)
    a0, a1 = before.doc_rows["a"]
    vec_a = np.array(before.vectors[a0:a1])
    spy.reset()
    (corpus / "b.md").write_text(DOC_B + "Bolt costs nothing to download.\n", encoding="utf-8")
    after = open_index(corpus, folder, progress=False)
    assert spy.texts == expected_texts(corpus, "b")
    spy.check_channels_agree()
    b0, b1 = after.doc_rows["b"]
    assert b1 - b0 == len(spy.texts)
    a0, a1 = after.doc_rows["a"]
    assert np.array_equal(np.array(after.vectors[a0:a1]), vec_a), "unchanged document keeps its vectors"
    assert any(s.text == "Bolt costs nothing to download." for s in after.sentences)
    m = read_manifest(folder)
    assert {d["id"]: d["sha256"] for d in m["documents"]}["b"] == sha256(corpus / "b.md")
    check_index(load_index(folder), corpus)
    assert generations(folder) == [m["generation"]], "older generations are pruned"


def segment_spy(monkeypatch) -> list[str]:
    """Ids of the documents qa.index sends to the sentence splitter."""
    seen: list[str] = []

    def spying(doc):
        seen.append(doc.id)
        return segment(doc)

    monkeypatch.setattr(qa.index, "segment", spying)
    return seen


def test_edit_one_document_resegments_only_it(small, monkeypatch):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    seen = segment_spy(monkeypatch)
    (corpus / "b.md").write_text(DOC_B + "Bolt costs nothing to download.\n", encoding="utf-8")
    check_index(open_index(corpus, folder, progress=False), corpus)
    assert seen == ["b"]


def test_renamed_document_reuses_its_sentences_under_the_new_id(small, monkeypatch):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    seen = segment_spy(monkeypatch)
    (corpus / "a.txt").rename(corpus / "renamed.txt")
    idx = open_index(corpus, folder, progress=False)
    check_index(idx, corpus)
    assert seen == []
    a, b = idx.doc_rows["renamed"]
    assert {s.doc for s in idx.sentences[a:b]} == {"renamed"}


def test_renamed_document_titled_by_its_file_name_is_embedded_again(small, spy):
    """Its title (from the file name) is embedded with every sentence, so its vectors change;
    a document titled by its own heading keeps them."""
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    spy.reset()
    (corpus / "a.txt").rename(corpus / "alpha-factory.txt")  # titled by its name
    (corpus / "b.md").rename(corpus / "beta.md")  # titled "Beta Labs" by its heading
    idx = open_index(corpus, folder, progress=False)
    assert spy.texts == expected_texts(corpus, "alpha-factory")
    assert any(t.startswith("Alpha Factory: ") for t in spy.texts)
    check_index(idx, corpus)


def test_sentences_are_embedded_after_their_document_title(small, spy):
    corpus, folder = small
    idx = open_index(corpus, folder, progress=False)
    a, b = idx.doc_rows["b"]
    texts = spy.by_kind["minilm"]
    assert [t for t in texts if t.startswith("Beta Labs: ")] == \
           ["Beta Labs: " + s.text for s in idx.sentences[a:b]]
    assert "Beta Labs" not in [s.text for s in idx.sentences], "the heading itself is never a sentence"


def test_another_splitter_resegments_everything(small, monkeypatch):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    seen = segment_spy(monkeypatch)
    monkeypatch.setattr(qa.index, "segmenter_id", lambda: "another splitter")
    (corpus / "b.md").write_text(DOC_B + "Bolt costs nothing to download.\n", encoding="utf-8")
    check_index(open_index(corpus, folder, progress=False), corpus)
    assert sorted(seen) == ["a", "b"]


def test_remove_and_add_documents(small, spy):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    spy.reset()
    (corpus / "a.txt").unlink()
    idx = open_index(corpus, folder, progress=False)
    assert spy.by_kind == {}
    assert [d.id for d in idx.documents] == ["b"]
    assert [d["id"] for d in read_manifest(folder)["documents"]] == ["b"]
    check_index(idx, corpus)

    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    idx = open_index(corpus, folder, progress=False)
    assert spy.texts == expected_texts(corpus, "c")
    spy.check_channels_agree()
    assert sorted(d.id for d in idx.documents) == ["b", "c"]
    check_index(idx, corpus)
    # vectors of the added document are what the embedder makes of its sentences
    c0, c1 = idx.doc_rows["c"]
    fresh = get_embedder("minilm").encode_documents(expected_texts(corpus, "c"))
    assert np.allclose(np.asarray(idx.vectors[c0:c1]), fresh, atol=1e-4)


def test_truncated_vectors_detected_and_rebuilt(small, spy):
    corpus, folder = small
    good = open_index(corpus, folder, progress=False)
    n = len(good.sentences)
    gen = folder / read_manifest(folder)["generation"]
    vec_file = gen / "vectors.npy"
    with open(vec_file, "r+b") as fh:
        fh.truncate(vec_file.stat().st_size // 2)
    with pytest.raises(IndexError_):
        load_index(folder)
    with pytest.raises(IndexError_):
        load_index(folder, verify=False)  # even without checksums the damage is caught
    spy.reset()
    idx = open_index(corpus, folder, progress=False)
    assert len(spy.texts) == n, "damaged vectors cannot be reused: everything is re-embedded"
    check_index(idx, corpus)
    check_index(load_index(folder), corpus)


def test_damaged_file_detected_by_checksum(small):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    gen = folder / read_manifest(folder)["generation"]
    raw = bytearray((gen / "documents.json").read_bytes())
    raw[-5] = ord("X") if raw[-5] != ord("X") else ord("Y")
    (gen / "documents.json").write_bytes(bytes(raw))
    with pytest.raises(IndexError_):
        load_index(folder)
    check_index(open_index(corpus, folder, progress=False), corpus)


@pytest.mark.parametrize("damage", ["missing-manifest", "garbage-manifest", "other-model", "missing-generation"])
def test_unusable_index_is_rebuilt(small, damage):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    m = read_manifest(folder)
    if damage == "missing-manifest":
        (folder / "manifest.json").unlink()
    elif damage == "garbage-manifest":
        (folder / "manifest.json").write_text("{not json", encoding="utf-8")
    elif damage == "other-model":
        m["embedder"]["name"] = "some/other-model"
        (folder / "manifest.json").write_text(json.dumps(m), encoding="utf-8")
    else:
        shutil.rmtree(folder / m["generation"])
    if damage != "missing-manifest":
        with pytest.raises(IndexError_):
            load_index(folder)
    idx = open_index(corpus, folder, progress=False)
    check_index(idx, corpus)
    assert read_manifest(folder)["embedder"]["name"] == MINILM_NAME


@pytest.mark.parametrize("shape", [
    "json-list",
    "no-generation",
    "no-documents",
    "bad-file-entry",
    "empty-object",
])
def test_malformed_manifest_is_rebuilt(small, shape):
    corpus, folder = small
    open_index(corpus, folder, progress=False)
    m = read_manifest(folder)
    bad = {"json-list": [1, 2],
           "no-generation": {k: v for k, v in m.items() if k != "generation"},
           "no-documents": {k: v for k, v in m.items() if k != "documents"},
           "bad-file-entry": {**m, "files": [{"name": "a.txt"}] + m["files"][1:]},
           "empty-object": {}}[shape]
    (folder / "manifest.json").write_text(json.dumps(bad), encoding="utf-8")
    idx = open_index(corpus, folder, progress=False)
    check_index(idx, corpus)


def test_crash_during_build_keeps_previous_index(small, monkeypatch, spy):
    corpus, folder = small
    before = open_index(corpus, folder, progress=False)
    manifest_before = (folder / "manifest.json").read_bytes()
    gens_before = generations(folder)
    sentences_before = [(s.doc, s.start, s.end, s.text) for s in before.sentences]
    vectors_before = np.array(before.vectors)

    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    (corpus / "a.txt").write_text(DOC_A.replace("Lyon", "Lille"), encoding="utf-8")

    def boom(texts):
        raise RuntimeError("injected failure in the middle of a build")

    monkeypatch.setattr(qa.index.BM25, "build", boom)
    with pytest.raises(RuntimeError, match="injected"):
        build_index(corpus, folder, progress=False)
    with pytest.raises(RuntimeError, match="injected"):
        open_index(corpus, folder, progress=False)

    # the previous index is untouched and still loads (checksums verified)
    assert (folder / "manifest.json").read_bytes() == manifest_before
    assert generations(folder) == gens_before, "no half-written generation left behind"
    old = load_index(folder)
    assert [(s.doc, s.start, s.end, s.text) for s in old.sentences] == sentences_before
    assert np.array_equal(np.asarray(old.vectors), vectors_before)
    assert sorted(d.id for d in old.documents) == ["a", "b"]

    # once the fault is gone the next open brings the index up to date
    monkeypatch.undo()
    idx = open_index(corpus, folder, progress=False)
    assert sorted(d.id for d in idx.documents) == ["a", "b", "c"]
    check_index(idx, corpus)


def _add_unusable_files(corpus):
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (corpus / "copy.txt").write_text(DOC_A, encoding="utf-8")  # same content as a.txt
    (corpus / "notes.json").write_text("{}", encoding="utf-8")
    # a name that is not valid UTF-8 (a file copied from an old Latin-1 system): its id could
    # not be embedded or written as JSON
    (corpus / os.fsdecode(b"caf\xe9.txt")).write_text("The cafe opened in 1920.", encoding="utf-8")


def test_skips_unusable_files_when_building(small, spy):
    corpus, folder = small
    _add_unusable_files(corpus)
    idx = open_index(corpus, folder, progress=False)
    assert sorted(d.id for d in idx.documents) == ["a", "b"]
    check_index(idx, corpus)
    spy.reset()
    open_index(corpus, folder, progress=False)
    assert spy.by_kind == {}, "nothing changed: nothing is re-embedded"


def test_a_file_name_that_is_not_utf8_is_logged_as_text(small, caplog):
    """Its name reaches the log as "caf\\xe9.txt", not as a lone surrogate that a UTF-8 log file
    (or a test runner sending the log to another process) cannot write."""
    corpus, folder = small
    _add_unusable_files(corpus)
    with caplog.at_level("WARNING", logger="qa"):
        open_index(corpus, folder, progress=False)
        load_corpus(corpus)
    skipped = [r.getMessage() for r in caplog.records if "caf" in r.getMessage()]
    assert len(skipped) == 2, caplog.text
    for message in skipped:
        message.encode("utf-8")
        assert message.startswith("skipping caf\\xe9.txt: its file name is not valid UTF-8"), message


def test_unusable_files_do_not_force_a_rebuild_on_every_open(small):
    corpus, folder = small
    _add_unusable_files(corpus)
    open_index(corpus, folder, progress=False)
    m = (folder / "manifest.json").read_bytes()
    open_index(corpus, folder, progress=False)
    assert (folder / "manifest.json").read_bytes() == m, "unchanged corpus: the index is loaded, not rebuilt"


def test_a_question_about_a_left_out_file_says_why(small):
    from qa.engine import Engine, QuestionError

    corpus, folder = small
    _add_unusable_files(corpus)
    engine = Engine(corpus, folder, progress=False)
    with pytest.raises(QuestionError, match=r"unknown document: 'copy' \(copy.txt was left out of the index: duplicate of a.txt\)"):
        engine.ask("Where is the factory?", doc="copy")
    with pytest.raises(QuestionError, match=r"^unknown document: 'nothing'; documents are 'a', 'b'$"):
        engine.ask("Where is the factory?", doc="nothing")
    assert engine.ask("Where is the factory?", doc="A.TXT").citations[0].doc == "a"  # the id meant, as typed


def test_a_build_removes_only_what_builds_made(small):
    """Old generations go; a user's files next to the index stay, whatever their names."""
    corpus, folder = small
    build_index(corpus, folder, progress=False)
    mine = [folder / "g-photos" / "holiday.jpg", folder / "g-notes.txt", folder / ".manifest-mine.json",
            folder / ".tmp-g-drafts" / "a.txt", folder / "README.md"]
    for p in mine:
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("mine", encoding="utf-8")
    old = generations(folder)
    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    build_index(corpus, folder, progress=False)
    build_index(corpus, folder, progress=False)
    assert all(p.read_text(encoding="utf-8") == "mine" for p in mine)
    gens = [g for g in generations(folder) if g.startswith("g-2")]
    assert len(gens) == 1 and gens[0] not in old, "earlier generations are removed"


def test_refuses_a_folder_a_build_would_damage(small, tmp_path):
    from qa.types import IndexFolderError

    corpus, folder = small
    before = sorted((p.name, p.read_bytes()) for p in corpus.iterdir())
    with pytest.raises(IndexFolderError, match="is the corpus folder"):
        build_index(corpus, corpus, progress=False)
    assert sorted((p.name, p.read_bytes()) for p in corpus.iterdir()) == before
    a_file = tmp_path / "index.txt"
    a_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(IndexFolderError, match="is a file"):
        open_index(corpus, a_file, progress=False)
    webapp = tmp_path / "webapp"
    webapp.mkdir()
    (webapp / "manifest.json").write_text('{"name": "my web app"}', encoding="utf-8")
    with pytest.raises(IndexFolderError, match="not a qa index"):
        open_index(corpus, webapp, progress=False)
    assert (webapp / "manifest.json").read_text(encoding="utf-8") == '{"name": "my web app"}'
    assert sorted(p.name for p in webapp.iterdir()) == ["manifest.json"]


def test_an_unwritable_index_folder_is_brought_up_to_date_elsewhere(small, monkeypatch, caplog):
    """Read-only media or another user's folder: the changed corpus is indexed in a temporary
    folder for this process (offsets into the text as it is now, the unchanged documents'
    vectors reused), with a warning; the folder itself is untouched; with no index there yet,
    a clear error; with no temporary folder either, the index as last built."""
    from qa.types import IndexFolderError

    corpus, folder = small
    open_index(corpus, folder, progress=False)
    before = sorted(p.name for p in folder.rglob("*"))
    real = qa.index._build_lock

    def read_only(at):
        if at in (folder, folder.parent / "new-index"):
            raise OSError(30, "Read-only file system")
        return real(at)

    monkeypatch.setattr(qa.index, "_build_lock", read_only)
    (corpus / "a.txt").write_text("A new first line. " + DOC_A, encoding="utf-8")
    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    with caplog.at_level("WARNING", logger="qa.index"):
        idx = open_index(corpus, folder, progress=False)
    assert sorted(d.id for d in idx.documents) == ["a", "b", "c"] and idx.folder != folder
    text = (corpus / "a.txt").read_text(encoding="utf-8")
    assert all(text[s.start:s.end] == s.text for s in idx.sentences if s.doc == "a")
    assert "cannot write the index folder" in caplog.text and sorted(p.name for p in folder.rglob("*")) == before
    with pytest.raises(IndexFolderError, match="no usable index"):
        open_index(corpus, folder.parent / "new-index", progress=False)

    monkeypatch.setattr(qa.index, "_build_lock", lambda at: (_ for _ in ()).throw(OSError(30, "Read-only file system")))
    assert sorted(d.id for d in open_index(corpus, folder, progress=False).documents) == ["a", "b"]


def test_session_engine_index_is_outside_repo(engine, index_dir):
    from conftest import ROOT

    assert engine.index.folder == index_dir
    assert ROOT not in index_dir.parents


# ---------------------------------------------------------------- approximate search at scale

@pytest.fixture
def ann_small(small, monkeypatch):
    """The small corpus indexed as if it were large: an HNSW graph and top-k candidates."""
    import qa.retrieve

    monkeypatch.setattr(qa.index, "ANN_LIMIT", 3)
    monkeypatch.setattr(qa.retrieve, "EXHAUSTIVE_LIMIT", 2)
    monkeypatch.setattr(qa.retrieve, "TOP_K", 3)
    return small


def test_large_corpus_gets_an_hnsw_graph_covered_by_checksums(ann_small):
    corpus, folder = ann_small
    idx = build_index(corpus, folder, progress=False)
    manifest = read_manifest(folder)
    assert manifest["ann"]["file"] == qa.index.ANN_FILE
    gen = folder / manifest["generation"]
    checksums = json.loads((gen / "checksums.json").read_text())
    assert checksums[qa.index.ANN_FILE] == sha256(gen / qa.index.ANN_FILE)
    loaded = load_index(folder)
    assert loaded.ann is not None and loaded.ann.ntotal == len(loaded.sentences) == len(idx.sentences)


def test_damaged_hnsw_graph_is_rebuilt(ann_small):
    corpus, folder = ann_small
    build_index(corpus, folder, progress=False)
    gen = folder / read_manifest(folder)["generation"]
    (gen / qa.index.ANN_FILE).write_bytes(b"garbage")
    with pytest.raises(IndexError_):
        load_index(folder)
    idx = open_index(corpus, folder, progress=False)
    assert idx.ann is not None and idx.ann.ntotal == len(idx.sentences)


def test_engine_answers_through_the_hnsw_graph(ann_small, tmp_path):
    from qa.engine import Engine

    corpus, folder = ann_small
    engine = Engine(corpus, folder, progress=False).load()
    assert engine.index.ann is not None
    r = engine._retriever
    for s in engine.index.sentences:  # each sentence's own vector finds it first
        row = engine.index.sentences.index(s)
        assert r._dense_search(np.asarray(engine.index.vectors[row]), 1)[0] == row
    ans = engine.ask("Where did Alpha Corp build a new factory?")
    assert ans.answerable and "Lyon" in ans.citations[0].sentence


def test_a_search_over_4_bit_codes_reads_a_shortlist_ordered_by_the_exact_vectors(ann_small, monkeypatch):
    """The graph's codes order the nearest roughly: k * ANN_SHORTLIST rows are read from it and
    the k best by the exact vectors kept, best first."""
    from qa.engine import Engine

    corpus, folder = ann_small
    engine = Engine(corpus, folder, progress=False).load()
    assert engine.index.manifest["ann"]["kind"] == "hnsw_sq4" and qa.index.ANN_SHORTLIST["hnsw_sq4"] > 1
    r = engine._retriever
    asked = []
    search = engine.index.ann.search
    monkeypatch.setattr(engine.index.ann, "search", lambda q, n: (asked.append(n), search(q, n))[1], raising=False)
    qvec = np.asarray(engine.index.vectors[3]) + np.asarray(engine.index.vectors[7])
    qvec /= np.linalg.norm(qvec)
    got = r._dense_search(qvec, 4)
    exact = np.asarray(engine.index.vectors[np.arange(len(engine.index.sentences))]) @ qvec
    assert asked == [4 * qa.index.ANN_SHORTLIST["hnsw_sq4"]]
    assert list(got) == list(np.argsort(-exact)[:4])


def test_hnsw_recall_at_10_against_exact_search():
    """On clustered vectors like sentence embeddings, with queries near (not on) stored points;
    as the engine searches: the graph's top TOP_K (over 4-bit codes) re-scored exactly."""
    import faiss

    from qa.retrieve import EF_SEARCH, TOP_K

    rng = np.random.default_rng(0)
    centres = rng.normal(size=(200, 384))
    x = centres[rng.integers(0, 200, 20_000)] + 0.6 * rng.normal(size=(20_000, 384))
    x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
    q = x[rng.integers(0, len(x), 200)] + 0.05 * rng.normal(size=(200, 384)).astype(np.float32)
    q = (q / np.linalg.norm(q, axis=1, keepdims=True)).astype(np.float32)
    exact = faiss.IndexFlatIP(384)
    exact.add(x)
    _, want = exact.search(q, 10)
    ann = qa.index.build_ann(x)
    ann.hnsw.efSearch = EF_SEARCH
    _, shortlist = ann.search(q, TOP_K)
    got = [c[np.argsort(-(x[c] @ v))[:10]] for c, v in zip(shortlist, q)]
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(got, want)])
    assert recall >= 0.98, recall


def test_large_index_makes_sentences_on_access_with_the_same_content(small, monkeypatch):
    corpus, folder = small
    eager = build_index(corpus, folder, progress=False).sentences
    monkeypatch.setattr(qa.index, "EAGER_LIMIT", 0)
    lazy = load_index(folder).sentences
    assert lazy._list is None and len(lazy) == len(eager) > 0
    assert list(lazy) == list(eager) and lazy == list(eager)
    assert lazy[-1] == eager[-1] and lazy[1:3] == eager[1:3]
    with pytest.raises(IndexError):
        lazy[len(eager)]
    check_index(load_index(folder), corpus)


def test_large_index_reads_vectors_by_row_with_the_same_values(small, monkeypatch):
    corpus, folder = small
    build_index(corpus, folder, progress=False)
    mapped = load_index(folder)
    monkeypatch.setattr(qa.index, "PREAD_LIMIT", 0)
    idx = load_index(folder)
    for name in ("vectors", "e5"):
        rows, want = getattr(idx, name), np.asarray(getattr(mapped, name))
        assert isinstance(rows, qa.index.RowFile) and rows.shape == want.shape
        assert np.array_equal(rows[[2, 0, 1]], want[[2, 0, 1]]) and np.array_equal(rows[1], want[1])
        assert np.array_equal(rows[1:3], want[1:3]) and np.array_equal(np.asarray(rows), want)
        with pytest.raises(IndexError):
            rows[[len(want)]]
    check_index(idx, corpus)


def test_truncated_vectors_of_a_large_index_are_detected(small, monkeypatch):
    corpus, folder = small
    build_index(corpus, folder, progress=False)
    monkeypatch.setattr(qa.index, "PREAD_LIMIT", 0)
    gen = folder / read_manifest(folder)["generation"]
    path = gen / "vectors.npy"
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(IndexError_):
        load_index(folder, verify=False)
    assert open_index(corpus, folder, progress=False).vectors.shape[0] == len(load_index(folder).sentences)


def test_a_splitter_that_moves_a_boundary_re_embeds_that_document(small, monkeypatch, spy):
    """Same text, same number of sentences, other boundaries: the old vectors belong to other
    sentences, so that document is embedded again (and only it)."""
    corpus, folder = small
    before = open_index(corpus, folder, progress=False)
    c0, c1 = before.doc_rows["b"]
    vec_b = np.array(before.vectors[c0:c1])

    def moved(doc):
        sents = segment(doc)
        if doc.id != "a" or len(sents) < 3:
            return sents
        x, y = sents[-2], sents[-1]  # "Production starts in March." | "About 300 people ..."
        cut = y.start + y.text.index(" ") + 1  # "... March. About" | "300 people will work there."
        return sents[:-2] + [dataclasses.replace(x, end=cut - 1, text=doc.text[x.start:cut - 1]),
                             dataclasses.replace(y, start=cut, text=doc.text[cut:y.end])]

    monkeypatch.setattr(qa.index, "segment", moved)
    monkeypatch.setattr(qa.index, "segmenter_id", lambda: "a splitter that moves one boundary")
    spy.reset()
    after = build_index(corpus, folder, progress=False)
    a0, a1 = after.doc_rows["a"]
    assert a1 - a0 == before.doc_rows["a"][1] - before.doc_rows["a"][0]
    assert spy.texts == [embed_text(s, after.by_id["a"]) for s in after.sentences[a0:a1]]
    assert np.allclose(np.array(after.vectors[a0:a1]), get_embedder("minilm").encode_documents(spy.texts), atol=2e-2)
    c0, c1 = after.doc_rows["b"]
    assert np.array_equal(np.array(after.vectors[c0:c1]), vec_b), "an unchanged split keeps its vectors"


def test_a_running_engine_follows_an_edited_corpus(small, monkeypatch):
    """A file edited under a running engine (the page): the next question is answered from the
    new text, with offsets into it; a file only touched re-opens nothing."""
    import qa.engine
    from qa.engine import Engine

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    engine = Engine(corpus, folder, progress=False)
    assert "Lyon" in engine.ask("Where did Alpha Corp build a factory?").citations[0].sentence
    generation = engine.index.manifest["generation"]
    os.utime(corpus / "a.txt")  # touched, not changed
    engine.ask("Where did Alpha Corp build a factory?")
    assert engine.index.manifest["generation"] == generation
    edited = "A new first line about nothing much. " + DOC_A.replace("Lyon", "Turin")
    (corpus / "a.txt").write_text(edited, encoding="utf-8")
    ans = engine.ask("Where did Alpha Corp build a factory?")
    c = ans.citations[0]
    assert "Turin" in c.sentence and edited[c.start:c.end] == c.sentence
    assert engine.index.manifest["generation"] != generation


def test_the_page_highlights_the_edited_text(small, monkeypatch):
    """After a corpus edit the sources panel draws passages from the new text the citation's
    offsets point into (it kept the documents it read first)."""
    pytest.importorskip("gradio")
    import qa.engine
    from qa.engine import Engine
    from qa.ui import Page

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    page = Page(Engine(corpus, folder, progress=False))
    _, before = page._answer("Where did Alpha Corp build a factory?", [], None)
    assert "Lyon" in before
    (corpus / "a.txt").write_text("A new first line about nothing much. " + DOC_A.replace("Lyon", "Turin"), encoding="utf-8")
    _, after = page._answer("Where did Alpha Corp build a factory?", [], None)
    marked = after[after.index('<mark class="qa-hl"'):]
    assert "Turin" in marked[:marked.index("</mark>")], after


def test_the_pages_header_picker_and_status_follow_an_added_document(small, monkeypatch):
    pytest.importorskip("gradio")
    import qa.engine
    from qa.engine import Engine
    from qa.ui import Page

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    page = Page(Engine(corpus, folder, progress=False))
    page.warmup.start()
    page.warmup._thread.join()  # loaded as the page loads it (status() would start it again)
    assert "2 documents" in page.status()[0]
    shown = page.view()[3]
    header, picker, status, same, *examples = page.follow(shown)
    assert (header, picker, same) == ({"__type__": "update"}, {"__type__": "update"}, shown)  # nothing new: nothing sent
    assert all(e == {"__type__": "update"} for e in examples) and "2 documents" in status
    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    page._answer("Where did Gamma Foods open a bakery?", [], None)
    for header, picker, status, now, *examples in (page.follow(shown, "c"), page.view()):  # after the answer, and on a reload
        assert "3 documents" in header and "3 documents" in status
        assert "c" in [value for _, value in picker["choices"]] and picker["visible"] and len(now) == 3
        assert [e["value"] for e in examples if e["visible"]]  # the examples are the new corpus's
    assert page.follow(shown, "c")[1]["value"] == "c"  # the picked document stays picked
    (corpus / "c.txt").unlink()
    page._answer("Where did Gamma Foods open a bakery?", [], None)
    header, picker, status, _, *_ = page.follow(now, "c")
    assert "2 documents" in header and "c" not in [value for _, value in picker["choices"]]
    assert picker["value"] == "" and "2 documents" in status  # back on "All documents": "c" is no choice now


def test_a_question_in_a_picked_document_that_left_searches_them_all(small, monkeypatch):
    """The page still shows a document the corpus lost: its question is asked of every
    document, the answer says so, and the picker goes back to "All documents"."""
    pytest.importorskip("gradio")
    import qa.engine
    from qa.engine import Engine
    from qa.ui import Page

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    page = Page(Engine(corpus, folder, progress=False))
    page.warmup.start()
    page.warmup._thread.join()  # loaded as the page loads it (status() would start it again)
    shown = page.view()[3]
    (corpus / "c.txt").unlink()
    box, chat, asked, sources, _, header, picker, status, now, *_ = list(
        page.respond("Where did Alpha Corp build a factory?", [], [], "c", [], shown))[-1]
    assert asked == ["Where did Alpha Corp build a factory?"] and "Lyon" in sources
    assert "no longer in the corpus" in chat[-1]["content"] and picker["value"] == "" and len(now) == 2


def test_an_edit_made_while_the_engine_loads_is_followed(small, monkeypatch):
    """The index opens, then the models load for seconds: an edit in between is a change."""
    import qa.engine
    from qa.engine import Engine

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    real = qa.engine.get_reranker

    def edit_then_load():
        (corpus / "a.txt").write_text(DOC_A.replace("Lyon", "Turin"), encoding="utf-8")
        return real()

    monkeypatch.setattr(qa.engine, "get_reranker", edit_then_load)
    engine = Engine(corpus, folder, progress=False).load()
    monkeypatch.setattr(qa.engine, "get_reranker", real)
    assert "Turin" in engine.ask("Where did Alpha Corp build a factory?").citations[0].sentence


def test_a_corpus_folder_that_goes_and_comes_back_is_followed(small, monkeypatch, caplog):
    import qa.engine
    from qa.engine import Engine

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    monkeypatch.setattr(qa.engine, "CORPUS_RETRY_SECONDS", 0.0)
    engine = Engine(corpus, folder, progress=False)
    engine.ask("Where did Alpha Corp build a factory?")
    shutil.rmtree(corpus)
    with caplog.at_level("WARNING", logger="qa.engine"):
        assert "Lyon" in engine.ask("Where did Alpha Corp build a factory?").citations[0].sentence
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC_A.replace("Lyon", "Turin"), encoding="utf-8")
    (corpus / "b.md").write_text(DOC_B, encoding="utf-8")
    assert "Turin" in engine.ask("Where did Alpha Corp build a factory?").citations[0].sentence


def test_other_questions_do_not_wait_for_a_corpus_update(small, monkeypatch):
    import threading
    import time

    import qa.engine
    from qa.engine import Engine

    corpus, folder = small
    monkeypatch.setattr(qa.engine, "CORPUS_LOOK_SECONDS", 0.0)
    engine = Engine(corpus, folder, progress=False)
    question = "Where did Alpha Corp build a factory?"
    engine.ask(question)
    started, real = threading.Event(), qa.engine.open_index

    def slow_open(*args, **kw):
        started.set()
        time.sleep(1.5)
        return real(*args, **kw)

    monkeypatch.setattr(qa.engine, "open_index", slow_open)
    (corpus / "a.txt").write_text(DOC_A.replace("Lyon", "Turin"), encoding="utf-8")
    updating = threading.Thread(target=engine.ask, args=(question,))
    updating.start()
    assert started.wait(30)
    t0 = time.perf_counter()
    meanwhile = engine.ask(question)
    assert time.perf_counter() - t0 < 1.0 and "Lyon" in meanwhile.citations[0].sentence
    updating.join()
    assert "Turin" in engine.ask(question).citations[0].sentence


def test_the_corpus_watch_looks_at_a_bounded_number_of_files(tmp_path):
    from qa.index import CorpusWatch

    for k in range(5):
        (tmp_path / f"d{k}.txt").write_text(f"Document {k}.", encoding="utf-8")
    watch = CorpusWatch(tmp_path, per_look=2)
    assert not watch.changed()
    (tmp_path / "d4.txt").write_text("Document four, longer now.", encoding="utf-8")
    assert [watch.changed() for _ in range(3)].count(True) >= 1, "seen within ceil(5 / 2) looks"
    (tmp_path / "new.md").write_text("Added.", encoding="utf-8")
    assert CorpusWatch(tmp_path).changed() is False and watch.changed()


def test_an_index_split_by_another_splitter_is_brought_up_to_date(small, monkeypatch):
    """A new version of qa/segment.py may split the same files differently: an index built by
    the old one is updated when opened, not answered from as it is."""
    import qa.index as index_mod
    from qa.index import is_fresh

    corpus, folder = small
    build_index(corpus, folder, progress=False)
    assert is_fresh(read_manifest(folder), corpus)
    monkeypatch.setattr(index_mod, "segmenter_id", lambda: "another splitter")
    assert not is_fresh(read_manifest(folder), corpus)
    open_index(corpus, folder, progress=False)
    assert read_manifest(folder)["segmenter"] == "another splitter"
