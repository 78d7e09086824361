"""Language guess: short snippets in each language, English news, and the English default."""

from __future__ import annotations

import pytest

from claimtrail.ingest.language import detect_language

SNIPPETS = [
    ("El presidente dijo que la economía del país está en crisis.", "es"),
    ("Le président a déclaré que le gouvernement ne reculera pas.", "fr"),
    ("Der Präsident sagte, dass die Regierung nicht zurücktreten wird.", "de"),
    ("O presidente disse que o governo não vai recuar.", "pt"),
    ("Il presidente ha detto che il governo non si dimetterà.", "it"),
    ("De minister zei dat het kabinet niet zal aftreden.", "nl"),
    ("Президент заявил, что правительство не уйдет в отставку.", "ru"),
    ("Президент заявив, що уряд не піде у відставку.", "uk"),
    ("قال الرئيس إن الحكومة لن تستقيل", "ar"),
    ("رئیس جمهور گفت که دولت استعفا نمی دهد", "fa"),
    ("总统说政府不会辞职。", "zh"),
    ("大統領は政府が辞任しないと述べた。", "ja"),
    ("대통령은 정부가 사임하지 않을 것이라고 말했다.", "ko"),
    ("Ο πρόεδρος είπε ότι η κυβέρνηση δεν θα παραιτηθεί.", "el"),
    ("הנשיא אמר שהממשלה לא תתפטר.", "he"),
    ("राष्ट्रपति ने कहा कि सरकार इस्तीफा नहीं देगी।", "hi"),
    ("The president said the government would not resign.", "en"),
]


@pytest.mark.parametrize(("text", "expected"), SNIPPETS)
def test_short_snippets(text: str, expected: str) -> None:
    assert detect_language(text) == expected


ENGLISH_NEWS = (
    "MOSCOW (Pakistan Point News / Sputnik - 28th January, 2019) Venezuelan Foreign Minister Jorge Arreaza "
    "refuted on Monday media reports suggesting that the country's president, Nicolas Maduro, had asked "
    "Moscow for military aid amid the escalating political crisis in Venezuela.\n\n"
    '"These are just rumors," Arreaza told the RT broadcaster. Maduro, in turn, has insisted that he is '
    "the country's constitutional president."
)


def test_english_news_with_foreign_names() -> None:
    assert detect_language(ENGLISH_NEWS) == "en"


def test_english_article_quoting_a_spanish_sentence_stays_english() -> None:
    text = ENGLISH_NEWS + ' He added: "El pueblo de Venezuela no se rinde."'
    assert detect_language(text) == "en"


@pytest.mark.parametrize("text", ["", "Hello", "Maduro", "Breaking news", "12345 678", "NATO"])
def test_thin_evidence_defaults_to_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_many_words_without_known_stopwords_are_undetermined() -> None:
    swahili = "Rais alisema kwamba serikali haitajiuzulu licha ya shinikizo kutoka kwa upinzani nchini " * 5
    assert detect_language(swahili) == "und"


def test_only_the_first_kilobytes_are_read() -> None:
    text = "The president said the government would not resign. " * 100 + "Le gouvernement a dit que " * 5000
    assert detect_language(text) == "en"
