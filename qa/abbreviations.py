"""Abbreviations another language writes otherwise than English: "IA" and "KI" for AI, "ONU" for
the UN, "PIB" for GDP, "США" for the US.

The word aligner (qa/spanish.py) leaves a word in capitals as typed, since it is most often a
name ("Huawei", "LLM"), and so "¿Cómo se llama el chip de IA propio de Huawei?" searched for "IA",
which the article never writes, and "Warum treibt Peking seine KI-Industrie voran?" counted "KI"
as a name the text never mentions. These few are no names but words each language abbreviates in
its own letters, so they are read as English writes them before anything else reads the question.
"""
from __future__ import annotations

import re
from functools import lru_cache

# English's abbreviation: each language's own (French, Spanish, Italian, Portuguese, German, Russian)
_BY_ENGLISH = {
    "AI": {"es": ("IA",), "fr": ("IA",), "it": ("IA",), "pt": ("IA",), "de": ("KI",), "ru": ("ИИ",)},
    "UN": {"es": ("ONU",), "fr": ("ONU",), "it": ("ONU",), "pt": ("ONU",), "de": ("UNO",), "ru": ("ООН",)},
    "EU": {"es": ("UE",), "fr": ("UE",), "it": ("UE",), "pt": ("UE",), "ru": ("ЕС",)},
    "NATO": {"es": ("OTAN",), "fr": ("OTAN",), "pt": ("OTAN",), "ru": ("НАТО",)},
    "WHO": {"es": ("OMS",), "fr": ("OMS",), "it": ("OMS",), "pt": ("OMS",), "ru": ("ВОЗ",)},
    "GDP": {"es": ("PIB",), "fr": ("PIB",), "pt": ("PIB",), "it": ("PIL",), "de": ("BIP",), "ru": ("ВВП",)},
    "IMF": {"es": ("FMI",), "fr": ("FMI",), "it": ("FMI",), "pt": ("FMI",), "de": ("IWF",), "ru": ("МВФ",)},
    "OECD": {"es": ("OCDE",), "fr": ("OCDE",), "pt": ("OCDE",), "it": ("OCSE",), "ru": ("ОЭСР",)},
    "NGO": {"es": ("ONG",), "fr": ("ONG",), "it": ("ONG",), "pt": ("ONG",), "ru": ("НКО",)},
    "DNA": {"es": ("ADN",), "fr": ("ADN",), "ru": ("ДНК",)},
    "HIV": {"es": ("VIH",), "fr": ("VIH",), "pt": ("VIH",), "ru": ("ВИЧ",)},
    "AIDS": {"es": ("SIDA",), "fr": ("SIDA",), "pt": ("SIDA",), "ru": ("СПИД",)},
    "IPCC": {"fr": ("GIEC",), "ru": ("МГЭИК",)},
    "USSR": {"es": ("URSS",), "fr": ("URSS",), "it": ("URSS",), "pt": ("URSS",), "de": ("UdSSR",), "ru": ("СССР",)},
    "US": {"pt": ("EUA",), "ru": ("США",)},  # Spanish's "EE. UU." is a country's name (qa/countries.py)
}
# typed in lower case, an abbreviation that is also a word of the language stays a word
# (Portuguese "ia", "was going"; Spanish and Italian "uno", "one")
_WORDS_TOO = {"pt": {"ia"}, "es": {"uno"}, "it": {"uno"}}


@lru_cache(maxsize=16)
def _pattern(lang: str) -> tuple[re.Pattern, dict[str, str]] | None:
    """One pattern of the language's abbreviations, whole words only ("l'IA", "KI-Industrie")."""
    english = {own: en for en, langs in _BY_ENGLISH.items() for own in langs.get(lang, ())}
    if not english:
        return None
    alternatives = "|".join(map(re.escape, sorted(english, key=len, reverse=True)))
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.I), english


def in_english(text: str, lang: str) -> str:
    """The question with each abbreviation its language writes otherwise as English writes it.
    As typed in capitals; in lower case only when the whole question is ("que es la ia"), and
    not where the lower-case form is a word too."""
    found = _pattern(lang)
    if found is None:
        return text
    pattern, english = found
    lower = text == text.lower()

    def swap(m: re.Match) -> str:
        typed = m.group(0)
        if typed in english:
            return english[typed]
        if lower and typed not in _WORDS_TOO.get(lang, ()):
            return next((en for own, en in english.items() if own.lower() == typed), typed)
        return typed
    return pattern.sub(swap, text)
