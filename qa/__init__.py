"""Cited-answer question answering over a folder of documents.

Importing the package is cheap: torch, sentence-transformers and gradio load only when a
stage needs them. The environment below must be set before torch is imported anywhere.
"""
import os

# Offline, quiet, and no OpenMP spin-waiting on a shared 2-core machine (see docs/).
for _key, _value in {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "OMP_WAIT_POLICY": "PASSIVE",
    # numpy's OpenBLAS: the engine's small matrices gain nothing from a second thread, and
    # spinning threads slow the encoders running beside them
    "OPENBLAS_NUM_THREADS": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "HF_HUB_DISABLE_PROGRESS_BARS": "1",  # our own progress bars (indexing) are the ones that matter
    "TRANSFORMERS_VERBOSITY": "error",
}.items():
    os.environ.setdefault(_key, _value)


def _few_malloc_arenas() -> None:
    """glibc gives each thread that allocates an arena of its own (up to 8 a core), and each
    keeps what was freed in it: two serve the engine's few threads, ~20 MB less for the
    article's server after questions in nine languages. MALLOC_ARENA_MAX, when set, decides."""
    if "MALLOC_ARENA_MAX" in os.environ:
        return
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):  # another C library: its own allocator, left as it is
        pass


_few_malloc_arenas()

__version__ = "0.1.0"
