"""claimtrail: follow a claim through the news.

The public API: read articles, extract records, and the records themselves; open a store, ingest into it,
link its claims into trails and read them back (the same functions the CLI and the web app use). Importing
this package does not load spaCy or the embedding model; each is loaded on first use.
"""

from claimtrail._version import __version__
from claimtrail.errors import ClaimtrailError
from claimtrail.ingest.readers import iter_raw_articles
from claimtrail.ingest.run import ingest
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
from claimtrail.store import open_store
from claimtrail.trails.build import build_trails
from claimtrail.trails.query import get_actor, get_article, get_trail, search_actors, search_claims

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
    "build_trails",
    "extract_text",
    "get_actor",
    "get_article",
    "get_trail",
    "ingest",
    "iter_raw_articles",
    "open_store",
    "process",
    "process_many",
    "record_to_dict",
    "record_to_json",
    "search_actors",
    "search_claims",
]
