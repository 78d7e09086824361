"""The one spaCy component claimtrail adds: paragraph breaks always start a sentence.

News paragraphs often end without a full stop (headlines, standfirsts, truncated feeds); without this the
parser joins them with the next paragraph and attribution crosses paragraphs.
"""

from __future__ import annotations

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

PARAGRAPH_COMPONENT = "claimtrail_paragraphs"


@Language.component(PARAGRAPH_COMPONENT)
def mark_paragraph_starts(doc: Doc) -> Doc:
    # A token's trailing whitespace is at most one space (`Token.whitespace_`): line breaks are tokens of
    # their own. Only the space tokens, found in the Doc's array, are looked at.
    for i in doc.to_array(IS_SPACE)[:-1].nonzero()[0].tolist():
        if "\n" in doc[i].text:
            doc[i + 1].is_sent_start = True
    return doc
