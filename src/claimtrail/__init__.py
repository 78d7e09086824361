"""claimtrail: follow a claim through the news.

The public API: read articles, extract records, and the records themselves. Importing this package does
not load spaCy; the model is loaded on the first extraction.
"""

from claimtrail._version import __version__
from claimtrail.errors import ClaimtrailError
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.models import (
    Actor,
    ActorRef,
    ArticleRecord,
    Claim,
    Dateline,
    Failure,
    Quote,
    RawArticle,
    Stance,
    Timex,
)
from claimtrail.pipeline import extract_text, process, process_many
from claimtrail.serialize import record_to_dict, record_to_json

__all__ = [
    "Actor",
    "ActorRef",
    "ArticleRecord",
    "Claim",
    "ClaimtrailError",
    "Dateline",
    "Failure",
    "Quote",
    "RawArticle",
    "Stance",
    "Timex",
    "__version__",
    "extract_text",
    "iter_raw_articles",
    "process",
    "process_many",
    "record_to_dict",
    "record_to_json",
]
