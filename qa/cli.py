"""`qa`: index a corpus, ask questions (text, JSON, or the JSONL contract), evaluate, serve.

Only JSON goes to stdout in --json/--jsonl modes; logs and progress bars go to stderr.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path

from .interrupt import exit_on_ctrl_c
from .types import IndexFolderError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpus"
DEFAULT_INDEX = ROOT / "index"

log = logging.getLogger("qa")


def _paths(p: argparse.ArgumentParser) -> None:
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="folder of .txt/.md documents (default: corpus/)")
    p.add_argument("--index", default=str(DEFAULT_INDEX), help="index folder (default: index/)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="qa", description="Answer questions about documents with cited sentences.")
    ap.add_argument("-v", "--verbose", action="store_true", help="more log output on stderr")
    sub = ap.add_subparsers(dest="command", required=True)

    p = sub.add_parser("index", help="build or update the index (only changed documents are re-embedded)")
    _paths(p)

    p = sub.add_parser("ask", help="answer a question, or a JSONL stream of them (--jsonl)")
    _paths(p)
    p.add_argument("question", nargs="?", help="the question (omit with --jsonl)")
    p.add_argument("--history", action="append", default=[], help="an earlier question of the conversation (repeatable)")
    p.add_argument("--doc", help="only search this document (its id: file name without extension)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--json", action="store_true", help="print the answer object as JSON")
    mode.add_argument("--jsonl", action="store_true", help="read JSON question lines on stdin, write one answer line each")

    p = sub.add_parser("eval", help="score the engine on a question file (contract JSONL or SQuAD .json[.gz])")
    _paths(p)
    p.add_argument("questions", help="questions .jsonl (with gold) or a SQuAD-layout .json/.json.gz")
    p.add_argument("--skip", type=int, default=0, help="SQuAD: leave out the first N articles")
    p.add_argument("--articles", type=int, default=10**9, help="SQuAD: at most N articles")
    p.add_argument("--per-article", type=int, default=10**9, help="SQuAD: at most K questions per article")
    p.add_argument("--work", default=None, help="SQuAD: folder for the converted corpus and its index")
    p.add_argument("--misses", type=int, default=30, help="how many misses to list")

    p = sub.add_parser("serve", help="serve the page (same as python app.py)")
    _paths(p)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=7860)

    p = sub.add_parser("bench", help="measure speed and scale on this machine (table on stdout, JSON to --out)")
    p.add_argument("--corpus", default=str(DEFAULT_CORPUS), help="the article corpus to time (default: corpus/)")
    p.add_argument("--questions", default=None, help="warm-latency questions (default: ../shared/eval/article_dev.jsonl)")
    p.add_argument("--repeat", type=int, default=5, help="times each question is asked for warm latency (default 5)")
    p.add_argument("--cold-runs", type=int, default=3, help="fresh processes per cold-start figure (default 3)")
    p.add_argument("--scale", default="100000", type=_sizes,
                   help="synthetic corpus sizes, comma-separated; 0 skips (default 100000)")
    p.add_argument("--skip-squad", action="store_true", help="skip the 35 SQuAD articles (indexing, re-indexing)")
    p.add_argument("--skip-page", action="store_true", help="skip timing the page (app.py)")
    p.add_argument("--ef-construction", type=int, default=100, help="HNSW efConstruction for the synthetic runs (default 100)")
    p.add_argument("--ann", default=None, type=_ann_kinds,
                   help="approximate indexes the synthetic runs build, comma-separated, of hnsw, hnsw_sq8 and "
                        "hnsw_sq4 (exact search always; default: all three)")
    p.add_argument("--work", default=None, help="scratch folder (default: a temp folder, removed afterwards)")
    p.add_argument("--out", default=None, help="JSON results (default: docs/bench.json in the repo, else ./bench.json)")
    return ap


def _sizes(text: str) -> tuple[int, ...]:
    """`--scale 100_000,1000000`: the synthetic corpus sizes to build; 0 (or nothing) skips them."""
    try:
        sizes = tuple(int(part) for part in text.replace("_", "").split(",") if part.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a comma-separated list of sentence counts: {text!r}") from None
    if any(n < 0 for n in sizes):
        raise argparse.ArgumentTypeError(f"a corpus size cannot be negative: {text!r}")
    return tuple(n for n in sizes if n > 0)


def _ann_kinds(text: str) -> tuple[str, ...]:
    """`--ann hnsw,hnsw_sq4`: a name `qa bench` does not build is refused rather than dropped,
    so a typo cannot silently leave an index out of the run."""
    from .bench import ANN_KINDS  # standard library only: cheap at parse time

    kinds = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [k for k in kinds if k not in ANN_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown index kind{'s' if len(unknown) > 1 else ''} {', '.join(unknown) or repr(text)}; "
            f"choose from {', '.join(ANN_KINDS)}")
    return kinds


def main(argv: list[str] | None = None) -> int:
    stderr = sys.stderr
    sys.stderr = stderr if isinstance(stderr, _Unbreakable) else _Unbreakable(stderr)
    previous = exit_on_ctrl_c()
    try:
        return _run(parser().parse_args(argv))
    finally:
        sys.stderr.flush()  # a broken stderr's pending text fails here, where it is caught, not at exit
        sys.stderr = stderr
        if previous is not None:
            signal.signal(signal.SIGINT, previous)


def _run(args) -> int:
    if sys.stdout is None or (args.command == "ask" and args.jsonl and sys.stdin is None):
        # started with stdout (or --jsonl's stdin) closed: `qa ask ... >&-`
        print(f"qa: {'stdout' if sys.stdout is None else 'stdin'} is closed", file=sys.stderr)
        return 2
    _utf8_stdout(json_out=args.command == "ask" and (args.json or args.jsonl))
    logging.basicConfig(level=logging.INFO if args.verbose or args.command in ("index", "serve") else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    try:
        return {"index": cmd_index, "ask": cmd_ask, "eval": cmd_eval, "serve": cmd_serve,
                "bench": cmd_bench}[args.command](args)
    except FileNotFoundError as exc:
        print(f"qa: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `qa ask --jsonl ... | head -1`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except (IndexFolderError, OSError) as exc:  # the index folder is a file, read-only, ...
        print(f"qa: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # off the main thread, where `exit_on_ctrl_c` could not set its handler
        return 130


class _Unbreakable:
    """stderr for logs and progress bars that can never end the command: closed at start
    (`2>&-`) or its reader gone (`2>&1 | head -c1`), what is written there goes nowhere, and
    only stdout's own broken pipe is `main`'s to handle."""

    def __init__(self, stream) -> None:
        self._stream = stream if stream is not None else open(os.devnull, "w")

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except (OSError, ValueError):  # BrokenPipeError; ValueError: closed
            self._give_up()
            return len(text)

    def flush(self) -> None:
        try:
            self._stream.flush()
        except (OSError, ValueError):
            self._give_up()

    def _give_up(self) -> None:
        """Write nowhere from now on. The broken stream keeps the text it could not flush and
        Python flushes it again at exit, which failing makes the exit status 120: its descriptor
        is pointed at /dev/null, so that last flush succeeds."""
        try:
            os.dup2(os.open(os.devnull, os.O_WRONLY), self._stream.fileno())
        except (OSError, ValueError, AttributeError):  # closed, or no descriptor
            pass
        self._stream = open(os.devnull, "w")

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


def _utf8_stdout(json_out: bool) -> None:
    """JSON goes out as UTF-8 whatever the locale says (the contract is UTF-8); text that the
    terminal's encoding cannot show is replaced rather than crashing the command."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(**({"encoding": "utf-8"} if json_out else {"errors": "replace"}))


def cmd_index(args) -> int:
    from .index import build_index

    idx = build_index(args.corpus, args.index, progress=True)
    print(f"indexed {len(idx.documents)} document{'' if len(idx.documents) == 1 else 's'}, {len(idx.sentences)} sentences into {args.index}", file=sys.stderr)
    if not idx.sentences:
        print(f"qa index: nothing to search: {args.corpus} has no usable .txt or .md document "
              "(the warnings above say why each file was left out)", file=sys.stderr)
    return 0


def _engine(args):
    from .engine import Engine

    return Engine(args.corpus, args.index, progress=True)


def format_answer(ans) -> str:
    """An answer for a terminal: a hard-wrapped sentence's line ends read as spaces (the JSON
    keeps the document's characters)."""
    from .segment import one_line

    lines = [ans.answer, ""]
    if ans.answerable:
        for k, c in enumerate(ans.citations, 1):
            lines.append(f"[{k}] {c.doc} {c.start}-{c.end} (score {c.score:.2f}): {one_line(c.sentence)}")
    elif ans.nearest:
        lines.append("Nearest passages (not an answer):")
        for c in ans.nearest:
            lines.append(f"  - {c.doc} {c.start}-{c.end}: {one_line(c.sentence)}")
    lines.append(f"confidence {ans.confidence:.2f}")
    if ans.respelt:
        lines.append(ans.read_as())
    return "\n".join(lines)


def cmd_ask(args) -> int:
    from .engine import QuestionError

    if args.jsonl:
        if args.question:
            print("qa ask: --jsonl reads its questions from stdin; drop the question argument", file=sys.stderr)
            return 2
        # a corpus or index that cannot be opened fails the command once, with its reason,
        # rather than every line with an internal error
        return ask_jsonl(_engine(args).load(), sys.stdin.buffer, sys.stdout)
    if args.question is None:  # an empty one ("") is the engine's to refuse, in JSON with --json
        print("qa ask: give a question, or use --jsonl", file=sys.stderr)
        return 2
    try:
        ans = _engine(args).ask(args.question, args.history, args.doc)
    except QuestionError as exc:
        if args.json:
            print(json.dumps({"error": str(exc)}))
        else:
            print(f"qa ask: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(ans.contract(), ensure_ascii=False) if args.json else format_answer(ans))
    return 0


MAX_LINE_BYTES = 8_000_000  # one JSONL line; longer lines get an error (the 2000-character question limit is far below)


def _json_type(value) -> str:
    """A value's type as JSON names it (for error messages)."""
    import math

    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, float) and not math.isfinite(value):
        return repr(value)
    return {dict: "an object", list: "an array", str: "a string", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _usable_id(qid) -> bool:
    """An id is echoed back as given: a string or a finite number (the contract says string)."""
    import math

    if isinstance(qid, str):
        return True
    if isinstance(qid, bool) or not isinstance(qid, (int, float)):
        return False
    return isinstance(qid, int) or math.isfinite(qid)  # an int of any size is finite (and too big for a float)


def _answer_line(engine, raw: bytes) -> dict:
    """One input line -> one output object; never raises."""
    from .engine import QuestionError

    if raw.startswith(b"\xef\xbb\xbf"):  # a UTF-8 byte-order mark (files saved by some editors)
        raw = raw[3:]
    if not raw.strip():
        return {"error": "empty line (expected a JSON object)"}
    try:
        text, bad_utf8 = raw.decode("utf-8"), False
    except UnicodeDecodeError:  # still parse it (with U+FFFD) so the answer keeps its id
        text, bad_utf8 = raw.decode("utf-8", errors="replace"), True
    try:
        obj = json.loads(text)
    except (ValueError, RecursionError) as exc:  # RecursionError: absurdly deep nesting
        if bad_utf8:
            return {"error": "line is not valid UTF-8"}
        if isinstance(exc, RecursionError):
            return {"error": "not valid JSON: nested too deeply"}
        return {"error": f"not valid JSON: {str(exc)[:200]}"}
    if not isinstance(obj, dict):
        return {"error": "line is not valid UTF-8" if bad_utf8 else f"line must be a JSON object, not {_json_type(obj)}"}
    qid = obj.get("id")
    if qid is not None and not _usable_id(qid):
        return {"error": f"id must be a string or a finite number, not {_json_type(qid)}"}
    out = {"id": qid} if qid is not None else {}
    if bad_utf8:
        return {**out, "error": "line is not valid UTF-8"}
    if "question" not in obj:
        return {**out, "error": "missing 'question'"}
    try:
        ans = engine.ask(obj["question"], obj.get("history"), obj.get("doc"))
        return {"id": qid, **ans.contract()}  # an answer always has its id field: null for a line without one
    except QuestionError as exc:
        return {**out, "error": str(exc)}
    except Exception as exc:  # the batch goes on whatever one line does
        log.exception("failed on a line")
        return {**out, "error": f"internal error: {type(exc).__name__}"}


def _read_line(stdin) -> tuple[bytes, bool] | None:
    """The next line (without its end) and whether it was cut at MAX_LINE_BYTES (the rest of
    an over-long line is read and dropped); None at the end of input."""
    raw = stdin.readline(MAX_LINE_BYTES + 1)
    if not raw:
        return None
    if len(raw) <= MAX_LINE_BYTES or raw.endswith(b"\n"):
        return raw.rstrip(b"\r\n"), False
    while True:  # skip to the end of this line without holding it in memory
        rest = stdin.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return b"", True


def ask_jsonl(engine, stdin, stdout) -> int:
    """The JSONL contract: one answer object per input line (blank and broken lines get an
    error object), in order, flushed per line; only those lines reach stdout."""
    real_out = stdout
    sys.stdout = sys.stderr  # nothing but answer lines may reach the real stdout
    try:
        while (got := _read_line(stdin)) is not None:
            raw, too_long = got
            if too_long:
                obj = {"error": f"line is longer than the limit of {MAX_LINE_BYTES:,} bytes"}
            else:
                try:
                    obj = _answer_line(engine, raw)
                except Exception as exc:  # noqa: BLE001  (a bug in reading one line must not end the batch)
                    log.exception("failed on a line")
                    obj = {"error": f"internal error: {type(exc).__name__}"}
            try:
                line = json.dumps(obj, ensure_ascii=False, allow_nan=False)
            except (TypeError, ValueError):  # never print invalid JSON (NaN, Infinity)
                log.error("answer not serialisable: %r", obj)
                line = json.dumps({**({"id": obj["id"]} if "id" in obj else {}),
                                   "error": "internal error: answer is not serialisable"}, ensure_ascii=False)
            # lone surrogates (from \ud800 escapes) cannot be UTF-8: they become "?"
            data = (line + "\n").encode("utf-8", "replace")
            if hasattr(real_out, "buffer"):  # UTF-8 bytes whatever the locale's encoding
                real_out.flush()
                real_out.buffer.write(data)
                real_out.buffer.flush()
            else:
                real_out.write(data.decode("utf-8"))
                real_out.flush()
    finally:
        sys.stdout = real_out
    return 0


def cmd_eval(args) -> int:
    from . import evaluate

    try:
        questions, corpus, index = _eval_questions(args)
    except ValueError as exc:  # FileNotFoundError is main's
        print(f"qa eval: {exc}", file=sys.stderr)
        return 2
    from .engine import Engine

    engine = Engine(corpus, index).load()
    answers, times = evaluate.run(engine, questions)
    summary, by_kind, misses = evaluate.score(questions, answers)
    times.sort()
    summary["p50_ms"] = round(1000 * times[len(times) // 2], 1) if times else None
    print(evaluate.report(summary, by_kind, misses, args.misses))
    return 0


def _eval_questions(args) -> tuple[list[dict], str, str]:
    """The questions to score and the corpus and index they are asked of."""
    from . import evaluate

    src, corpus, index = Path(args.questions), args.corpus, args.index
    if src.name.endswith((".json", ".json.gz")):
        import tempfile

        work = Path(args.work or tempfile.mkdtemp(prefix="qa-eval-"))
        questions = evaluate.squad_to_corpus(src, work, args.skip, args.articles, args.per_article)
        corpus, index = str(work / "corpus"), str(work / "index")
        print(f"SQuAD: {len(questions)} questions, corpus in {work}", file=sys.stderr)
    else:
        questions = evaluate.read_questions(src)
    return questions, corpus, index


def cmd_serve(args) -> int:
    from .ui import serve

    serve(corpus=args.corpus, index=args.index, host=args.host, port=args.port)
    return 0


def cmd_bench(args) -> int:
    from . import bench

    if args.questions is None:
        args.questions = str(bench.DEV_QUESTIONS)
    return bench.main(args)


if __name__ == "__main__":
    sys.exit(main())
