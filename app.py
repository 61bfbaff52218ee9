"""Serve the page: ``python app.py [--host H] [--port P] [--corpus DIR] [--index DIR]``.

Same as ``qa serve``. The page is served within seconds; the engine warms up in the
background (the first run also builds the index, with progress on the console and the page).
"""
from __future__ import annotations

import argparse
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description="Serve the question-answering page.")
    ap.add_argument("--host", default="127.0.0.1", help="interface to bind (default: 127.0.0.1)")
    ap.add_argument("--port", type=int, default=7860, help="port (default: 7860)")
    ap.add_argument("--corpus", default=str(ROOT / "corpus"), help="folder of .txt/.md documents")
    ap.add_argument("--index", default=str(ROOT / "index"), help="index folder (built on first run)")
    args = ap.parse_args()
    from qa.interrupt import exit_on_ctrl_c

    exit_on_ctrl_c()  # Ctrl-C while the engine warms up must not crash the process (qa/interrupt.py)
    from qa.ui import serve  # after argparse, so --help is instant

    serve(corpus=args.corpus, index=args.index, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
