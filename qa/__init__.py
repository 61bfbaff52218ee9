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

__version__ = "0.1.0"
