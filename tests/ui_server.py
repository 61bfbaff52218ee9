"""Page servers for the UI tests: ``python app.py`` in a subprocess over a temp corpus and index.

One server per corpus per test session (imports and the model cost ~10 s), shared by every
test module that asks for it; all are stopped at exit. Nothing touches the repo's index/.
"""
from __future__ import annotations

import atexit
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
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1", "GRADIO_ANALYTICS_ENABLED": "False",
              "OMP_WAIT_POLICY": "PASSIVE", "PYTHONUNBUFFERED": "1"}

# A corpus file that must show as text: script tags, an onerror handler, template bait.
HOSTILE_NAME = "zoo-notes.txt"
HOSTILE_TEXT = (
    "Zoo notes <script>window.__xss2=1</script>\n\n"
    "The zebra count at the zoo rose to seventeen in August, said the sign "
    "<script>window.__xss2=2</script><img src=x onerror=\"window.__xss2=3\">. "
    "Keepers wrote ${window.__xss3=1} and {{constructor.constructor('window.__xss3=2')()}} on the board.\n"
)

_servers: dict[str, "Server"] = {}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """``python app.py`` on a free port; ``url`` is set once ``/`` answers 200."""

    def __init__(self, corpus: Path, work: Path) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.work = work
        self.log_path = work / "server.log"
        self._log = open(self.log_path, "wb")
        cmd = [sys.executable, str(ROOT / "app.py"), "--port", str(self.port),
               "--corpus", str(corpus), "--index", str(work / "index")]
        self.started = time.monotonic()
        self.proc = subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **SERVER_ENV},
                                     stdout=self._log, stderr=subprocess.STDOUT)

    def wait(self, timeout: float = 120) -> "Server":
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited ({self.proc.returncode}):\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url, timeout=2) as r:
                    if r.status == 200:
                        self.served_after = time.monotonic() - self.started
                        return self
            except OSError:
                pass
            time.sleep(0.2)
        raise TimeoutError(f"no page at {self.url} after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self._log.close()
        shutil.rmtree(self.work, ignore_errors=True)


def _start(name: str, extra: dict[str, str]) -> Server:
    if name not in _servers:
        work = Path(tempfile.mkdtemp(prefix=f"qa-ui-{name}-"))
        corpus = work / "corpus"
        corpus.mkdir()
        for p in (ROOT / "corpus").iterdir():
            if p.is_file():
                shutil.copyfile(p, corpus / p.name)
        for fname, text in extra.items():
            (corpus / fname).write_text(text, encoding="utf-8")
        _servers[name] = Server(corpus, work).wait()
    return _servers[name]


def article_server() -> Server:
    """The page over a copy of corpus/ (the article alone)."""
    return _start("article", {})


def hostile_server() -> Server:
    """The page over the article plus a corpus file full of markup."""
    return _start("hostile", {HOSTILE_NAME: HOSTILE_TEXT})


@atexit.register
def _stop_all() -> None:
    for server in _servers.values():
        server.stop()
