"""The one spaCy component claimtrail adds: paragraph breaks always start a sentence.

News paragraphs often end without a full stop (headlines, standfirsts, truncated feeds); without this the
parser joins them with the next paragraph and attribution crosses paragraphs.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "claimtrail_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if (token.is_space and "\n" in token.text) or ("\n" in token.whitespace_ and not token.is_space):
            doc[token.i + 1].is_sent_start = True
    return doc
