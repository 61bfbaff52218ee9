"""The page imports Gradio without its per-import stub rewriting (qa/gradio_stubs.py)."""
from __future__ import annotations

import subprocess
import sys
import textwrap

from ui_server import ROOT


def run_fresh(code: str) -> str:
    """Python code in a new interpreter (Gradio must not be imported yet), from the repo root."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def test_page_module_imports_gradio_without_the_stub_writer():
    out = run_fresh("""
        import sys
        import qa.ui
        import gradio.component_meta as meta
        from qa.gradio_stubs import _Patcher, _skip_stubs
        print(meta.create_or_modify_pyi is _skip_stubs)
        print(any(isinstance(f, _Patcher) for f in sys.meta_path))
        print(qa.ui.gr.Blocks is not None, qa.ui.gr.Chatbot.__name__)
    """)
    assert out.split() == ["True", "False", "True", "Chatbot"]


def test_component_classes_are_made_without_reading_their_sources():
    """The stub writer read each component's source file and its stub (244 files here); with it
    skipped, importing Gradio opens none of its .py or .pyi files (imports load compiled code)."""
    out = run_fresh("""
        import builtins, pathlib
        opened = []
        real_open, real_read = builtins.open, pathlib.Path.read_text
        def spy_open(f, *a, **k):
            opened.append(str(f)); return real_open(f, *a, **k)
        def spy_read(self, *a, **k):
            opened.append(str(self)); return real_read(self, *a, **k)
        builtins.open, pathlib.Path.read_text = spy_open, spy_read
        from qa.gradio_stubs import import_gradio
        import_gradio()
        print(sum("/gradio/" in p and p.endswith((".py", ".pyi")) for p in opened))
    """)
    assert out.strip() == "0"
