"""Seconds from `python app.py` to the page being served (HTTP 200 on /) and to the first answer.

    .venv/bin/python scripts/time_page.py            # index already built (warm start)
    .venv/bin/python scripts/time_page.py --fresh    # a temp index: the first run builds it

Runs the server over a temp copy of corpus/ on a free port, asks one question through /ask
(gradio_client) as soon as the page is served, and stops the server.
"""
from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What system did Huawei launch at the conference?"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_served(url: str, proc: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"server exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.05)
    sys.exit(f"no page at {url} after {timeout}s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fresh", action="store_true", help="start with no index (first run)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="qa-time-"))
    shutil.copytree(ROOT / "corpus", work / "corpus")
    if not args.fresh and (ROOT / "index").is_dir():
        shutil.copytree(ROOT / "index", work / "index")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    cmd = [sys.executable, str(ROOT / "app.py"), "--port", str(port),
           "--corpus", str(work / "corpus"), "--index", str(work / "index")]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"})
    try:
        wait_served(url, proc)
        served = time.monotonic() - t0
        from gradio_client import Client

        out = Client(url, verbose=False).predict(question=QUESTION, history=[], api_name="/ask")
        answered = time.monotonic() - t0
    finally:
        proc.terminate()
        proc.wait(10)
        shutil.rmtree(work, ignore_errors=True)
    print(f"{'fresh index' if args.fresh else 'built index'}: page served after {served:.1f} s, "
          f"first answer after {answered:.1f} s ({'error' if 'error' in out else 'ok'})")


if __name__ == "__main__":
    main()
