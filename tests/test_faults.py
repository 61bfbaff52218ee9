"""Faults around the index: damaged index files, a manifest for another model, a corpus changed
behind the index, unusable corpus files, and `qa index` killed (-9) at random moments.

Every fault is detected, logged and repaired (rebuilt or updated), never a crash, and afterwards
every citation's offsets match its document as read from the corpus file. tests/test_index.py
already covers a truncated vectors.npy, a damaged documents.json, a missing/garbage manifest,
another embedder name, a missing generation and a failure injected in-process; this file covers
the other files of a generation, the manifest's dimension and channels, changes that keep a
file's size and mtime, odd corpus files at the index level, and a real process killed mid-build.
"""
from __future__ import annotations

import codecs
import hashlib
import json
import logging
import os
import random
import shutil
import subprocess
import time
from pathlib import Path

import numpy as np
import pytest

import qa.corpus
from qa.corpus import decode
from qa.engine import QuestionError
from qa.index import IndexError_, build_index, load_index, open_index, read_manifest
from test_contract import env, qa_command
from test_index import DOC_A, DOC_B, DOC_C, check_index, small  # noqa: F401  (small is a fixture)

pytestmark = pytest.mark.slow

QUESTIONS = ("Where did Alpha Corp build a new factory?", "What is the language model from Beta Labs called?")


# ---------------------------------------------------------------- helpers

def generation(folder: Path) -> Path:
    return folder / read_manifest(folder)["generation"]


def rewrite_checksums(gen: Path) -> None:
    """Make checksums.json agree with the files again (damage that checksums cannot see)."""
    sums = {str(p.relative_to(gen)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(gen.rglob("*")) if p.is_file() and p.name != "checksums.json"}
    (gen / "checksums.json").write_text(json.dumps(sums))


def flip_bytes(path: Path, count: int = 16) -> None:
    """Same size, different content: only a checksum can tell."""
    raw = bytearray(path.read_bytes())
    for k in range(count):
        pos = len(raw) - 1 - k * 7
        raw[pos] ^= 0x5A
    path.write_bytes(bytes(raw))


def truncate(path: Path) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(path.stat().st_size // 2)


def edit_manifest(folder: Path, change) -> None:
    m = read_manifest(folder)
    change(m)
    (folder / "manifest.json").write_text(json.dumps(m), encoding="utf-8")


def check_answers(engine, corpus: Path, questions=QUESTIONS) -> int:
    """Ask; every citation and nearest passage must sit at its offsets in the corpus file."""
    checked = 0
    for q in questions:
        ans = engine.ask(q)
        for c in list(ans.citations) + list(ans.nearest):
            text = file_text(corpus, engine.index.by_id[c.doc])
            assert text[c.start:c.end] == c.sentence, (q, c)
            assert 0 <= c.passage_start <= c.start < c.end <= c.passage_end <= len(text), (q, c)
            checked += 1
    return checked


def file_text(corpus: Path, doc) -> str:
    """A document's text read straight from its corpus file (the one the index says it came from)."""
    path = corpus / Path(doc.path).name
    assert path.stem == doc.id
    return decode(path.read_bytes())


def fresh_engine(corpus: Path, folder: Path):
    from qa.engine import Engine

    return Engine(corpus, folder, progress=False).load()


@pytest.fixture(scope="module")
def built_template(tmp_path_factory):
    """The two-document corpus of test_index.py and its index, built once per module."""
    root = tmp_path_factory.mktemp("faults-template")
    corpus = root / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(DOC_A, encoding="utf-8")
    (corpus / "b.md").write_text(DOC_B, encoding="utf-8")
    build_index(corpus, root / "index", progress=False)
    return corpus, root / "index"


@pytest.fixture
def built(built_template, tmp_path):
    """A private copy of the template corpus and its built index (copying beats re-embedding)."""
    corpus, folder = tmp_path / "corpus", tmp_path / "index"
    shutil.copytree(built_template[0], corpus)  # copy2: sizes and mtimes kept, the index is fresh
    shutil.copytree(built_template[1], folder)
    assert load_index(folder).documents
    return corpus, folder


def repair_messages(caplog) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "qa.index"
            and any(w in r.getMessage() for w in ("rebuilding", "updating", "building"))]


# ---------------------------------------------------------------- damaged index files

def _rows_outside_text(gen: Path) -> None:
    rows = np.load(gen / "sentences.npy")
    rows["end"][-1] = 10**6  # past the end of its document
    np.save(gen / "sentences.npy", rows)
    rewrite_checksums(gen)


def _rows_wrong_document(gen: Path) -> None:
    rows = np.load(gen / "sentences.npy")
    rows["doc"][0] = rows["doc"][-1]  # a row inside document 0's range now claims document 1
    np.save(gen / "sentences.npy", rows)
    rewrite_checksums(gen)


def _bm25_of_other_size(gen: Path) -> None:
    from qa.lexical import BM25

    shutil.rmtree(gen / "bm25")
    BM25.build(["only one sentence here"]).save(gen / "bm25")
    rewrite_checksums(gen)


def _garbage_bm25(gen: Path) -> None:
    for p in (gen / "bm25").iterdir():
        if p.is_file():
            p.write_bytes(b"\x00garbage" * 10)


GENERATION_DAMAGE = {
    "truncated-e5": lambda g: truncate(g / "e5.npy"),
    "truncated-sentences": lambda g: truncate(g / "sentences.npy"),
    "corrupted-vectors-same-size": lambda g: flip_bytes(g / "vectors.npy"),
    "corrupted-e5-same-size": lambda g: flip_bytes(g / "e5.npy"),
    "zeroed-vectors": lambda g: (g / "vectors.npy").write_bytes(
        (g / "vectors.npy").read_bytes()[:128] + bytes((g / "vectors.npy").stat().st_size - 128)),
    "garbage-bm25": _garbage_bm25,
    "bm25-of-other-size": _bm25_of_other_size,
    "missing-e5": lambda g: (g / "e5.npy").unlink(),
    "missing-vectors": lambda g: (g / "vectors.npy").unlink(),
    "missing-sentences": lambda g: (g / "sentences.npy").unlink(),
    "missing-sections": lambda g: (g / "sections.json").unlink(),
    "missing-documents": lambda g: (g / "documents.json").unlink(),
    "missing-bm25": lambda g: shutil.rmtree(g / "bm25"),
    "missing-checksums": lambda g: (g / "checksums.json").unlink(),
    "empty-checksums": lambda g: (g / "checksums.json").write_text("{}"),
    "garbage-checksums": lambda g: (g / "checksums.json").write_bytes(b"\xff\xfe not json"),
    "checksums-not-a-dict": lambda g: (g / "checksums.json").write_text("[1, 2, 3]"),
    "rows-outside-text": _rows_outside_text,
    "rows-of-wrong-document": _rows_wrong_document,
    "documents-not-documents": lambda g: ((g / "documents.json").write_text('[{"nonsense": 1}]'),
                                          rewrite_checksums(g)),
}


@pytest.mark.parametrize("damage", sorted(GENERATION_DAMAGE))
def test_damaged_generation_is_detected_and_rebuilt(built, damage, caplog):
    corpus, folder = built
    GENERATION_DAMAGE[damage](generation(folder))
    with pytest.raises(IndexError_):
        load_index(folder)
    with caplog.at_level(logging.INFO, logger="qa.index"):
        engine = fresh_engine(corpus, folder)  # Engine.load -> open_index: detects and rebuilds
    assert repair_messages(caplog), f"no log message about the repair: {caplog.text}"
    check_index(engine.index, corpus)
    check_index(load_index(folder), corpus)  # what is on disk now verifies too
    assert check_answers(engine, corpus) > 0


MANIFEST_DAMAGE = {
    "other-dimension": lambda m: m["embedder"].update(dim=768),
    "other-e5-model": lambda m: m["channels"]["e5"].update(model="intfloat/multilingual-e5-large"),
    "channel-files-swapped": lambda m: m["channels"].update(
        minilm={**m["channels"]["minilm"], "file": "e5.npy"}, e5={**m["channels"]["e5"], "file": "vectors.npy"}),
    "no-channels": lambda m: m.pop("channels"),
    "other-format-version": lambda m: m.update(format_version=1),
    "generation-outside-the-folder": lambda m: m.update(generation="../../etc"),
    "rows-out-of-range": lambda m: m["documents"][0].update(rows=[0, 10**6]),
    "rows-not-numbers": lambda m: m["documents"][0].update(rows=["a", None]),
    "documents-not-a-list": lambda m: m.update(documents="everything"),
    "embedder-not-a-dict": lambda m: m.update(embedder="minilm"),
}


@pytest.mark.parametrize("damage", sorted(MANIFEST_DAMAGE))
def test_manifest_for_another_model_or_shape_is_rebuilt(built, damage, caplog):
    corpus, folder = built
    edit_manifest(folder, MANIFEST_DAMAGE[damage])
    with pytest.raises(IndexError_):
        load_index(folder)
    with caplog.at_level(logging.INFO, logger="qa.index"):
        engine = fresh_engine(corpus, folder)
    assert repair_messages(caplog), caplog.text
    check_index(engine.index, corpus)
    m = read_manifest(folder)
    assert m["embedder"]["dim"] == 384 and m["channels"]["e5"]["model"] == qa.index.E5_NAME
    assert check_answers(engine, corpus) > 0


@pytest.mark.parametrize("damage", ["truncated-manifest", "empty-manifest", "manifest-not-utf8"])
def test_unreadable_manifest_bytes_are_rebuilt(built, damage, caplog):
    corpus, folder = built
    path = folder / "manifest.json"
    if damage == "truncated-manifest":
        path.write_bytes(path.read_bytes()[:50])
    elif damage == "empty-manifest":
        path.write_bytes(b"")
    else:
        path.write_bytes(b"\xff\xfe\x00{")
    with caplog.at_level(logging.INFO, logger="qa.index"):
        engine = fresh_engine(corpus, folder)
    assert repair_messages(caplog), caplog.text
    check_index(engine.index, corpus)
    assert check_answers(engine, corpus) > 0


def test_leftovers_of_a_killed_build_are_ignored_and_pruned(small):
    """A stale lock, a half-written generation and a temp manifest (what kill -9 leaves)."""
    corpus, folder = small
    good = open_index(corpus, folder, progress=False)
    (folder / ".tmp-g-20990101000000-deadbeef").mkdir()
    (folder / ".tmp-g-20990101000000-deadbeef" / "vectors.npy").write_bytes(b"half")
    (folder / ".manifest-g-20990101000000-deadbeef.json").write_text("{half")
    (folder / "g-20990101000000-cafebabe").mkdir()  # renamed into place, manifest never swapped
    (folder / ".lock").write_text("")
    again = load_index(folder)
    assert [s.text for s in again.sentences] == [s.text for s in good.sentences]
    (corpus / "c.txt").write_text(DOC_C, encoding="utf-8")
    idx = open_index(corpus, folder, progress=False)
    check_index(idx, corpus)
    left = sorted(p.name for p in folder.iterdir() if p.name not in ("manifest.json", ".lock"))
    assert left == [read_manifest(folder)["generation"]], left


# ---------------------------------------------------------------- corpus changed behind the index

def _same_size_same_mtime(corpus: Path) -> None:
    p = corpus / "a.txt"
    st = p.stat()
    new = DOC_A.replace("Lyon", "Nice")  # same length
    assert len(new.encode()) == st.st_size
    p.write_text(new, encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))


def _longer_same_mtime(corpus: Path) -> None:
    p = corpus / "a.txt"
    st = p.stat()
    p.write_text("Preface line added at the top. " + DOC_A, encoding="utf-8")
    os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))


def _swap_contents(corpus: Path) -> None:
    """a.txt and b.md exchange their text (a copy that keeps times, e.g. cp -p / rsync -t)."""
    a, b = corpus / "a.txt", corpus / "b.md"
    sa, sb = a.stat(), b.stat()
    ta, tb = a.read_bytes(), b.read_bytes()
    a.write_bytes(tb)
    b.write_bytes(ta)
    os.utime(a, ns=(sa.st_atime_ns, sa.st_mtime_ns))
    os.utime(b, ns=(sb.st_atime_ns, sb.st_mtime_ns))


CORPUS_CHANGES = {
    "same-size-and-mtime": _same_size_same_mtime,
    "longer-same-mtime": _longer_same_mtime,
    "contents-swapped-times-kept": _swap_contents,
    "file-deleted": lambda c: (c / "b.md").unlink(),
    "file-renamed": lambda c: (c / "b.md").rename(c / "beta.md"),
    "file-added": lambda c: (c / "c.txt").write_text(DOC_C, encoding="utf-8"),
    "file-emptied": lambda c: (c / "b.md").write_bytes(b""),
    "file-made-binary": lambda c: (c / "b.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256))),
}


@pytest.mark.parametrize("change", sorted(CORPUS_CHANGES))
def test_corpus_changed_behind_the_index_is_detected(built, change, caplog):
    corpus, folder = built
    CORPUS_CHANGES[change](corpus)
    with caplog.at_level(logging.INFO, logger="qa.index"):
        engine = fresh_engine(corpus, folder)
    assert repair_messages(caplog), f"the change went unnoticed: {caplog.text}"
    for d in engine.documents:  # the index holds the corpus as it is now
        assert d.text == file_text(corpus, d)
    assert check_answers(engine, corpus) > 0
    if change == "same-size-and-mtime":
        assert any("Nice" in s.text for s in engine.index.sentences)
        assert not any("Lyon" in s.text for s in engine.index.sentences)


# ---------------------------------------------------------------- corpus faults at the index level

ZORBLAT = "He said “the Zorblat museum in Tarnow opened in 1987” — and the café next door in 1990.\n"
ETOILE = "Le café Étoile à Genève ferme à minuit. Its façade is painted ochre.\n"
UTF16 = "The Quillon bridge over the Marne is 412 metres long. It opened to traffic in 2004.\n"
MIXED = "The Brunnhof café in Zürich sells Käsekuchen for 5 €. The owner is Jörg Albrecht.\n"


def _corpus_with_faults(corpus: Path) -> dict[str, str]:
    """Write the odd files; return file name -> expected skip-reason word (None: indexed)."""
    files = {
        "empty.txt": (b"", "empty"),
        "blank.md": (b" \n\t\n  \r\n", "empty"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
        "controls.txt": (bytes(range(1, 9)) * 200, "binary"),
        "cp1252.txt": (ZORBLAT.encode("cp1252"), None),
        "latin1.txt": (ETOILE.encode("latin-1"), None),
        "utf16.txt": (UTF16.encode("utf-16"), None),
        "mixed.txt": (MIXED.encode("utf-8").replace(b"sells", b"sells \xff"), None),
        "huge.txt": (("A very long report sentence about nothing in particular. " * 200).encode(), "limit"),
        "copy-of-a.txt": (DOC_A.encode(), "duplicate"),
        # the same id as the fixture's b.md: the .txt is indexed and b.md left out (checked below)
        "b.txt": ("A different text that has the same id as b.md.\n".encode(), None),
        "broken-utf16.txt": (codecs.BOM_UTF16_LE + b"x", "UTF-16"),
    }
    for name, (data, _) in files.items():
        (corpus / name).write_bytes(data)
    return {name: reason for name, (_, reason) in files.items()}


def test_corpus_faults_are_skipped_with_a_message_and_the_rest_indexed(small, monkeypatch, caplog):
    corpus, folder = small
    monkeypatch.setattr(qa.corpus, "MAX_FILE_BYTES", 4000)  # huge.txt is 11 KB; a 20 MB file is not needed
    expected = _corpus_with_faults(corpus)
    with caplog.at_level(logging.INFO):
        engine = fresh_engine(corpus, folder)
    indexed = {d.id for d in engine.documents}
    assert indexed == {"a", "b", "cp1252", "latin1", "utf16", "mixed"}
    files = {f["file"]: f for f in read_manifest(folder)["files"]}
    for name, reason in expected.items():
        if reason is None:
            assert "skipped" not in files[name], files[name]
            continue
        assert reason.lower() in files[name]["skipped"].lower(), (name, files[name])
        assert any(name in r.getMessage() and r.levelno >= logging.WARNING for r in caplog.records), \
            f"no warning names {name}"
    assert files["b.md"]["skipped"] == "the id 'b' is b.txt's", files["b.md"]
    # text decoded right, and offsets index it
    by_id = engine.index.by_id
    assert "“the Zorblat museum" in by_id["cp1252"].text
    assert by_id["latin1"].text.startswith("Le café Étoile à Genève")
    assert by_id["utf16"].text == UTF16
    assert "Zürich" in by_id["mixed"].text and "\ufffd" in by_id["mixed"].text
    for d in engine.documents:
        assert d.text == file_text(corpus, d)
        a, b = engine.index.doc_rows[d.id]
        for s in engine.index.sentences[a:b]:
            assert d.text[s.start:s.end] == s.text
    qs = ("When did the Zorblat museum in Tarnow open?", "How long is the Quillon bridge?",
          "What does the Brunnhof café in Zürich sell?", "When does the café Étoile close?") + QUESTIONS
    assert check_answers(engine, corpus, qs) > 0
    zorblat = engine.ask(qs[0])
    assert any(c.doc == "cp1252" for c in zorblat.citations + zorblat.nearest), zorblat
    # unchanged corpus with skipped files: the next open loads, it does not rebuild
    manifest = (folder / "manifest.json").read_bytes()
    open_index(corpus, folder, progress=False)
    assert (folder / "manifest.json").read_bytes() == manifest


def test_corpus_of_only_unusable_files_gives_an_empty_index_not_a_crash(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "image.txt").write_bytes(b"\x00\x01\x02" * 50)
    engine = fresh_engine(corpus, tmp_path / "index")
    assert engine.documents == []
    with pytest.raises(QuestionError, match="no usable documents"):
        engine.ask("What did Alpha Corp build?")
    assert load_index(tmp_path / "index").sentences == []  # a valid (empty) index on disk
    (corpus / "a.txt").write_text(DOC_A, encoding="utf-8")  # the first usable file is picked up
    engine = fresh_engine(corpus, tmp_path / "index")
    assert [d.id for d in engine.documents] == ["a"]
    assert check_answers(engine, corpus, QUESTIONS[:1]) > 0


# ---------------------------------------------------------------- kill -9 while indexing

CITIES = ("Lyon", "Oslo", "Porto", "Turin", "Gdansk", "Leeds", "Malmo", "Ghent", "Bilbao", "Graz")
PRODUCTS = ("solar panels", "bicycles", "ceramic tiles", "wind turbines", "glass bottles",
            "electric buses", "paper cups", "steel beams", "wool coats", "clay pots")


def crash_doc(k: int, version: int) -> str:
    """A small article; a new version changes the numbers in it."""
    city, product = CITIES[k % 10], PRODUCTS[(k * 3) % 10]
    return (f"Firm {k} report\n\n"
            f"The firm Vexa{k} opened a factory in {city} in {1950 + k}. The factory makes {product}. "
            f"Vexa{k} employs {100 + 7 * k + version} people at the site. "
            f"Its chief executive is called Ana Rossi{k}.\n\n"
            f"In {2000 + version} the firm reported revenue of {10 + k + version} million euros. "
            f"Vexa{k} plans to open a second site near {CITIES[(k + 3) % 10]} by {2030 + version % 5}. "
            f"The local council of {city} supports the expansion.\n")


DOCS, CHANGED = 40, 10  # each new version edits 10 of the 40 documents: builds re-embed only those


def write_version(corpus: Path, version: int, previous: dict[str, str] | None = None) -> dict[str, str]:
    texts = dict(previous or {})
    for k in range(DOCS):
        if previous is None or (k - CHANGED * version) % DOCS < CHANGED:
            texts[f"vexa-{k:02d}"] = crash_doc(k, version)
    corpus.mkdir(parents=True, exist_ok=True)
    for doc_id, text in texts.items():
        path = corpus / f"{doc_id}.txt"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return texts


def run_index(corpus: Path, folder: Path, log: Path) -> subprocess.Popen:
    cmd = qa_command() + ["index", "--corpus", str(corpus), "--index", str(folder)]
    with open(log, "ab") as fh:
        return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=fh, stderr=fh, env=env())


def wait_for_write(folder: Path, proc: subprocess.Popen, timeout: float) -> bool:
    """Poll until the build starts writing its new generation (a .tmp-g-* folder appears)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        if any(p.name.startswith(".tmp-g-") for p in folder.iterdir()):
            return True
        time.sleep(0.002)
    return False


def which_version(idx, versions: dict[int, dict[str, str]]) -> int:
    """The version of the corpus the loaded index holds, entirely (never a mix)."""
    got = {d.id: d.text for d in idx.documents}
    for v, texts in versions.items():
        if got == texts:
            return v
    raise AssertionError(f"index holds no complete corpus version: {sorted(got)[:5]}...")


def test_kill_9_while_indexing_keeps_a_complete_index(tmp_path):
    """`qa index` killed with SIGKILL at random moments: first twice at a random moment after it
    starts writing the new generation (which also measures how long a build takes to get
    there), then three times at random delays between 0.5 s and the build's duration (imports,
    model load, embedding, writing). After each kill the index loads (checksums verified) and is
    one complete corpus version, the previous or the new one, and an Engine answers from it with
    offsets that match that version's files."""
    seed = int(os.environ.get("QA_CRASH_SEED", time.time_ns() % 100_000))
    rng = random.Random(seed)
    corpus, folder, log = tmp_path / "corpus", tmp_path / "index", tmp_path / "index.log"
    snapshots = tmp_path / "snapshots"
    versions = {0: write_version(corpus, 0)}
    write_version(snapshots / "v0", 0)
    build_index(corpus, folder, progress=False)  # the previous index (in process: the model is loaded)

    outcomes, current, duration, kills = [], 0, None, 5
    for k in range(1, kills + 1):
        versions[k] = write_version(corpus, k, versions[k - 1])
        write_version(snapshots / f"v{k}", k, versions[k - 1])
        t0 = time.monotonic()
        proc = run_index(corpus, folder, log)
        if duration is None or k <= 2:  # kill while it writes
            when = "writing"
            seen = wait_for_write(folder, proc, 180)  # False: the write came and went between two polls
            assert seen or proc.poll() is not None, log.read_text(errors="replace")[-3000:]
            # how long a build takes (the write itself is a fraction of a second)
            duration = max(duration or 0.0, time.monotonic() - t0 + 0.5)
            delay = rng.uniform(0.0, 0.02) if k == 1 else rng.uniform(0.02, 0.1)
            time.sleep(delay)
        else:  # one random moment in each third of a build
            when = "random"
            delay = 0.5 + (duration - 0.5) * (k - 3 + rng.random()) / 3
            time.sleep(delay)
        finished = proc.poll() is not None
        if not finished:
            proc.kill()  # SIGKILL: no cleanup, no finally blocks
        proc.wait(30)
        assert not finished or proc.returncode == 0, log.read_text(errors="replace")[-3000:]
        where = f"seed {seed}, kill {k} ({when}, +{delay:.2f}s; a build takes {duration:.1f}s)"
        try:
            idx = load_index(folder)  # checksums verified
        except IndexError_ as exc:
            raise AssertionError(f"{where}: the index no longer loads: {exc}") from None
        v = which_version(idx, versions)
        assert v in (current, k), f"{where}: index holds v{v}, expected v{current} or v{k}"
        assert v == k or not finished, f"{where}: a finished build must leave the new index"
        outcomes.append((when, round(delay, 2), "finished" if finished else "killed", f"v{current}->v{v}"))
        current = v
        # an Engine over that index answers, with offsets that match that version's files
        manifest = (folder / "manifest.json").read_bytes()
        engine = fresh_engine(snapshots / f"v{v}", folder)
        assert (folder / "manifest.json").read_bytes() == manifest, f"{where}: the engine had to rebuild"
        changed = (CHANGED * k) % DOCS
        qs = (f"How many people does Vexa{changed} employ?", f"Where did Vexa{changed + 1} open a factory?")
        assert check_answers(engine, snapshots / f"v{v}", qs) > 0, where
        del engine

    # the next complete build brings the index up to date and clears what the kills left behind
    build_index(corpus, folder, progress=False)
    assert which_version(load_index(folder), versions) == kills
    left = sorted(p.name for p in folder.iterdir() if p.name not in ("manifest.json", ".lock"))
    assert left == [read_manifest(folder)["generation"]], left
    print(f"\nkill -9 while indexing (seed {seed}, a build takes {duration:.1f}s): {outcomes}")
