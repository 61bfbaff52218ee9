"""Is a question in another language about the document at all?

The refusal features are lexical (words of the question the text never uses) and read English;
a Spanish "Hola" or "¿Qué tiempo hace hoy?" shares no words with an English text whatever it
asks. The multilingual embedder can still tell: when some sentence of general encyclopedia text
(models/e5_background.npy, scripts/build_background.py) fits the question better than every
sentence of the document, the question is about something else. On SQuAD 2.0's held-out
articles (English, same domain as the background: the hardest case) that is so for 1.3% of
answerable questions.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

BACKGROUND_PATH = Path(__file__).parent / "models" / "e5_background.npy"
OFF_TOPIC_FACTOR = 0.1  # an off-topic question keeps a tenth of its confidence


@lru_cache(maxsize=1)
def background() -> np.ndarray | None:
    """The background sentences' e5 vectors (float32), or None, with a warning, if unusable."""
    try:
        vectors = np.load(BACKGROUND_PATH).astype(np.float32)
        if vectors.ndim != 2 or not len(vectors):
            raise ValueError(f"shape {vectors.shape}")
        return vectors
    except (OSError, ValueError) as exc:
        log.warning("background sentences unusable (%s): questions in other languages are not checked", exc)
        return None


# how much better (e5 cosine) a background sentence must fit than the document's best. At 0 the
# check refused 50 of the 336 answerable translated questions of the three blind sets (and 21
# of their 144 unanswerable ones); at 0.01, 31 (and 13), while 30 off-topic questions asked of
# the article stay all refused (docs/results.md, twenty-fifth session)
BACKGROUND_MARGIN = 0.01
# the same for a Chinese question asked alone, which e5 puts further from English sentences,
# documents and background alike. Of 30 off-topic questions in Chinese (tests/data/offtopic_zh.txt)
# asked of the article, the six and five short documents and the six news stories, 253 of 540
# were answered; at 0.05, 133, and no answerable question of the four translated sets (366
# answered) was refused; at 0.035, 57, and 4 were (docs/results.md, fortieth session)
CHINESE_MARGIN = 0.05


def _background_lead(e5_text: np.ndarray, best_in_scope: float) -> float | None:
    """How much better the best background sentence fits than ``best_in_scope`` (e5 cosine);
    None when the background is unusable, which is never a veto."""
    bg = background()
    if bg is None or bg.shape[1] != e5_text.shape[-1]:
        return None
    return float(np.max(bg @ e5_text)) - best_in_scope


# the margin at which a refusal's nearest passages are not shown when none of them writes a word
# of the question (qa/engine.py `_near_miss`). Over the blind sets' refusals, 0.02 hid them for
# 79% of 719 off-topic questions ("What is the capital of France?", in English and Spanish, asked
# of the article, the short documents and the news stories) and for 2 of the 130 refused answerable
# questions whose nearest passages held the answer (0.01: 83%, and 6 of 130; docs/results.md)
NEAREST_MARGIN = 0.02


def closer_to_background(e5_question: np.ndarray, best_in_scope: float, margin: float = BACKGROUND_MARGIN) -> bool:
    """True when a background sentence fits the question clearly (by ``margin``) better than the
    document's best."""
    lead = _background_lead(e5_question, best_in_scope)
    return lead is not None and lead > margin


def pulls_away(sentences: np.ndarray, e5_earlier: np.ndarray, e5_both: np.ndarray) -> bool:
    """A follow-up judged by what it adds to the conversation: True when, with it, general text
    fits the conversation better (against the document's ``sentences``, e5 vectors) by the
    margin than without it. A short Spanish question may take its subject from the conversation
    ("¿Cuántos días duró?" after "¿Dónde se celebró la conferencia?"), so it is read with the
    earlier question; read that way "Cuéntame un chiste" was as on-topic as the earlier
    question, and 3 of tests/data/offtopic_es.txt's 30 were answered after each of three article
    questions (now 1, 0 and 0). Twelve such follow-ups written for the article pull by -0.022 to
    +0.015 (median -0.001), the off-topic ones by a median of 0.026 (docs/results.md)."""
    if not len(sentences):
        return False
    with_it = _background_lead(e5_both, float(np.max(sentences @ e5_both)))
    without = _background_lead(e5_earlier, float(np.max(sentences @ e5_earlier)))
    return with_it is not None and without is not None and with_it - without > BACKGROUND_MARGIN
