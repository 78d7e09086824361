"""Dependency-free language guess: is this article English?

Two signals, read from the first few KB only (articles are long; the lede settles it):

1. script: when most letters are Cyrillic, Arabic, Han, Hangul, ... the script names the language
   (ru, uk, ar, fa, zh, ja, ko, el, he, hi, th);
2. Latin script: the language whose stopwords occur most often (en, es, fr, de, pt, it, nl).

English is the default whenever evidence is thin (a short text, a tie), since claimtrail analyses English
news and must not drop a short English article. "und" means many Latin-script words but almost no
stopwords of any profile (a language we have no profile for, or no prose at all).
"""

from __future__ import annotations

import bisect
import re
import string
from collections import Counter

__all__ = ["LANGUAGE_NAMES", "detect_language"]

_SAMPLE_CHARS = 4000
_MIN_EVIDENCE = 2  # stopword hits below this are no evidence: keep the English default
_UND_MIN_WORDS = 40
_UND_MAX_RATIO = 0.03  # English prose runs at 30-45% stopwords; below 3% it is no prose we know

_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to in is that for it with was on said he by as at from his be has have are an "
        "this which not were but had will they their who been would its after also she her",
        "es": "el los las del que y en un una por con para es se su al lo como más pero sus le ha fue "
        "este esta dijo entre sobre también según muy",
        "fr": "le les des du et est une que qui dans pour pas sur au aux avec ce il elle sont été par ne "
        "se plus leur cette selon mais ont",
        "de": "der die das und ist nicht ein eine zu den dem mit von sich des auf für im auch es dass wird "
        "wurde hat sie bei nach aus oder werden",
        "pt": "o os do da dos das que em um uma para com não é no na por mais foi ao pelo pela também "
        "seu sua disse ainda",
        "it": "il lo gli di del della che è un una per con non sono nel nella da si ha anche alla come "
        "più ma questo detto",
        "nl": "het een en van is dat niet op te zijn voor met die hij aan er maar om ook werd naar bij "
        "worden",
    }.items()
}

LANGUAGE_NAMES = {
    "ar": "Arabic",
    "de": "German",
    "el": "Greek",
    "en": "English",
    "es": "Spanish",
    "fa": "Persian",
    "fr": "French",
    "he": "Hebrew",
    "hi": "Hindi",
    "it": "Italian",
    "ja": "Japanese",
    "ko": "Korean",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "th": "Thai",
    "uk": "Ukrainian",
    "und": "an undetermined language",
    "zh": "Chinese",
}

# (first code point, last code point, script), sorted by first code point for bisect.
_SCRIPT_RANGES = (
    (0x0370, 0x03FF, "el"),
    (0x0400, 0x052F, "cyrillic"),
    (0x0590, 0x05FF, "he"),
    (0x0600, 0x06FF, "arabic"),
    (0x0750, 0x077F, "arabic"),
    (0x0900, 0x097F, "hi"),
    (0x0E00, 0x0E7F, "th"),
    (0x1100, 0x11FF, "ko"),
    (0x3040, 0x30FF, "kana"),
    (0x3400, 0x4DBF, "han"),
    (0x4E00, 0x9FFF, "han"),
    (0xAC00, 0xD7AF, "ko"),
)
_RANGE_STARTS = [start for start, _, _ in _SCRIPT_RANGES]
_UKRAINIAN_LETTERS = frozenset("іїєґІЇЄҐ")
_PERSIAN_LETTERS = frozenset("پچژگ")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_ASCII_LETTERS = dict.fromkeys(map(ord, string.ascii_letters))
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, "en" when unsure, "und" when no profile fits."""
    sample = text[:_SAMPLE_CHARS]
    by_script = _language_by_script(sample)
    if by_script is not None:
        return by_script
    return _language_by_stopwords(sample)


def _language_by_script(sample: str) -> str | None:
    # ASCII letters are all Latin: count them in one C-level pass and look only at the other characters
    # one by one (in English news, a few curly quotes and dashes).
    ascii_letters = len(sample) - len(sample.translate(_ASCII_LETTERS))
    scripts = Counter(_script_of(char) for char in _NON_ASCII.findall(sample) if char.isalpha())
    if ascii_letters:
        scripts["latin"] += ascii_letters
    letters = sum(scripts.values())
    latin = scripts.pop("latin", 0)
    if not scripts or latin >= letters / 2:
        return None
    script = scripts.most_common(1)[0][0]
    return _language_of_script(script, sample, scripts)


def _script_of(char: str) -> str:
    point = ord(char)
    index = bisect.bisect_right(_RANGE_STARTS, point) - 1
    if index >= 0 and point <= _SCRIPT_RANGES[index][1]:
        return _SCRIPT_RANGES[index][2]
    return "latin" if point < 0x0250 else "other"


def _language_of_script(script: str, sample: str, scripts: Counter[str]) -> str:
    if script in ("han", "kana"):
        return "ja" if scripts["kana"] >= 0.1 * (scripts["kana"] + scripts["han"]) else "zh"
    if script == "cyrillic":
        return "uk" if _UKRAINIAN_LETTERS.intersection(sample) else "ru"
    if script == "arabic":
        return "fa" if _PERSIAN_LETTERS.intersection(sample) else "ar"
    return "und" if script == "other" else script


def _language_by_stopwords(sample: str) -> str:
    words = Counter(word.casefold() for word in _WORD.findall(sample))
    hits = {lang: sum(words[word] for word in stopwords) for lang, stopwords in _STOPWORDS.items()}
    n_words = words.total()
    best = max(hits, key=lambda lang: (hits[lang], lang == "en"))  # ties go to English
    if n_words >= _UND_MIN_WORDS and hits[best] < _UND_MAX_RATIO * n_words:
        return "und"
    if hits[best] < _MIN_EVIDENCE or hits[best] <= hits["en"]:
        return "en"
    return best
