"""Shared fixtures: a temp copy of the corpus and one Engine (one model load) per test session.

Nothing here writes into the repository's corpus/ or index/.
"""
import os

# Before anything imports torch / transformers / gradio: offline, quiet, no OpenMP spinning.
for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "OMP_WAIT_POLICY": "PASSIVE",
    "TOKENIZERS_PARALLELISM": "false",
    "HF_HUB_DISABLE_TELEMETRY": "1",
}.items():
    os.environ.setdefault(_key, _value)

import shutil  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from qa.evaluate import DEV_QUESTIONS, SQUAD as SQUAD_DEV, read_questions  # noqa: E402,F401  (../shared, found once)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
ARTICLE_ID = "2025-07-28-china-ai-alliances-waic"
ARTICLE = CORPUS / f"{ARTICLE_ID}.txt"


def copy_corpus(dest: Path) -> Path:
    """A writable copy of corpus/ (the repo copy of the article is read-only)."""
    dest.mkdir(parents=True, exist_ok=True)
    for p in CORPUS.iterdir():
        if p.is_file():
            shutil.copyfile(p, dest / p.name)
    return dest


def read_doc_text(corpus: Path, doc_id: str) -> str:
    """A document's text read straight from its corpus file, as the contract's offsets index it."""
    from qa.corpus import decode

    matches = [p for p in corpus.iterdir() if p.stem == doc_id and p.suffix.lower() in (".txt", ".md")]
    assert len(matches) == 1, f"no single corpus file for doc {doc_id!r}: {matches}"
    return decode(matches[0].read_bytes())


@pytest.fixture(scope="session")
def corpus_dir(tmp_path_factory) -> Path:
    """A temp copy of the repository's corpus/; tests must not modify it."""
    return copy_corpus(tmp_path_factory.mktemp("corpus"))


@pytest.fixture(scope="session")
def index_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("index")


@pytest.fixture(scope="session")
def engine(corpus_dir, index_dir):
    """The one Engine of the session, built over the temp corpus into a temp index (loads the model)."""
    from qa.engine import Engine

    return Engine(corpus_dir, index_dir, progress=False).load()


@pytest.fixture(scope="session")
def article_text() -> str:
    from qa.corpus import decode

    return decode(ARTICLE.read_bytes())


@pytest.fixture(scope="session")
def dev_questions() -> list[dict]:
    if not DEV_QUESTIONS.exists():
        pytest.skip(f"{DEV_QUESTIONS} not present")
    return read_questions(DEV_QUESTIONS)


@pytest.fixture(scope="session")
def data_engine(tmp_path_factory):
    """``data_engine(corpus)``: a new Engine over one of tests/data's corpora, whose index is
    built at the corpus's first use and shared by the session's later tests of it. Several tests
    ask the same documents, and each build embeds every sentence again (2-5 s); asking only reads
    an index, never writes it, and each test still gets an engine of its own."""
    from qa.engine import Engine

    root = tmp_path_factory.mktemp("data-indexes")
    built: dict[Path, Path] = {}

    def engine_of(corpus: Path) -> Engine:
        corpus = Path(corpus).resolve()
        if corpus not in built:
            built[corpus] = root / f"{len(built)}-{corpus.parent.name}"
        return Engine(corpus, built[corpus], progress=False)

    return engine_of
