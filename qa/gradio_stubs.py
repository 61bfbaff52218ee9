"""Import Gradio without rewriting its type stubs.

Every time Gradio is imported, the metaclass of each of its ~80 component classes calls
``gradio.component_meta.create_or_modify_pyi``: it re-reads the class's source file, parses it
(twice), renders a Jinja template and rewrites the matching ``.pyi`` file in site-packages when it
differs. Those stubs are for type checkers; nothing at run time reads them. On this 2-core
machine that is about half of ``import gradio``, which is most of the time before the page is
served. ``import_gradio`` swaps the function for a no-op as its module loads, before any
component class is made. If a Gradio release renames or drops it, nothing is patched and Gradio
imports as it always did.
"""
from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from types import ModuleType

TARGET = "gradio.component_meta"
STUB_WRITER = "create_or_modify_pyi"


def _skip_stubs(*_args, **_kwargs) -> None:
    """Stands in for Gradio's stub writer."""


class _Patcher(importlib.abc.MetaPathFinder):
    """Finds gradio.component_meta as the other finders would, and runs its code with the stub
    writer replaced right after the module body has run."""

    def find_spec(self, name, path=None, target=None):
        if name != TARGET:
            return None
        sys.meta_path.remove(self)  # once only, and so the look-up below finds the real module
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        run_body = spec.loader.exec_module

        def exec_module(module: ModuleType) -> None:
            run_body(module)
            if callable(getattr(module, STUB_WRITER, None)):
                setattr(module, STUB_WRITER, _skip_stubs)

        spec.loader.exec_module = exec_module
        return spec


def import_gradio() -> ModuleType:
    """``import gradio``, minus the stub rewriting (when this is the first import of it)."""
    if "gradio" not in sys.modules and not any(isinstance(f, _Patcher) for f in sys.meta_path):
        sys.meta_path.insert(0, _Patcher())
    try:
        import gradio
    finally:
        sys.meta_path[:] = [f for f in sys.meta_path if not isinstance(f, _Patcher)]
    return gradio
