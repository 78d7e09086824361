"""Query parameters and request bodies, checked at the edge (pydantic) before any library call.

Each bad value becomes one entry of the error's `errors` list ({"param", "message", "value"}), and the
request fails with CT-E080 (400): a bad date, an unknown sort, a limit out of range never reach SQL.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any, Literal, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from claimtrail.errors import BadParameter

__all__ = ["MAX_LIMIT", "ActorsQuery", "ArticleSubmission", "ClaimsQuery", "parse"]

MAX_LIMIT = 100
MAX_OFFSET = 10_000  # deep offsets cost a scan; search or a date range gets there faster
MAX_TEXT = 200
MAX_ARTICLE_CHARS = 1_000_000
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def _iso_date(value: str | None) -> str | None:
    """YYYY, YYYY-MM or YYYY-MM-DD, a real date; returned as given."""
    if value is None:
        return None
    if not _DATE.fullmatch(value):
        raise ValueError("not a date: use YYYY-MM-DD (or YYYY-MM, YYYY)")
    year, month, day = ([*map(int, value.split("-")), 1, 1])[:3]
    try:
        dt.date(year, month, day)
    except ValueError as error:
        raise ValueError(f"not a date: {error}") from error
    return value


class _Query(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blank_is_absent(cls, data: Any) -> Any:
        """An empty form field means "no filter", not an empty string to match."""
        if isinstance(data, Mapping):
            return {k: v for k, v in data.items() if not (isinstance(v, str) and not v.strip())}
        return data


class ClaimsQuery(_Query):
    q: str | None = Field(None, max_length=MAX_TEXT, description="full-text search in claims")
    actor: str | None = Field(None, max_length=MAX_TEXT, description="an actor id or name")
    outlet: str | None = Field(None, max_length=MAX_TEXT, description="an outlet id or name")
    since: str | None = Field(None, description="first seen on or after (YYYY-MM-DD, YYYY-MM or YYYY)")
    until: str | None = Field(None, description="last seen on or before (YYYY-MM-DD, YYYY-MM or YYYY)")
    disputed: bool | None = Field(None, description="only trails someone questioned or denied (or not)")
    sort: Literal["recent", "activity"] = Field("recent", description="newest first, or most articles first")
    limit: int = Field(25, ge=1, le=MAX_LIMIT, description="page size")
    offset: int = Field(0, ge=0, le=MAX_OFFSET, description="trails to skip")

    _since = field_validator("since")(_iso_date)

    @field_validator("until")
    @classmethod
    def _until_after_since(cls, value: str | None, info: ValidationInfo) -> str | None:
        until, since = _iso_date(value), info.data.get("since")
        if until and since and since[: len(until)] > until:
            raise ValueError(f"until ({until}) is before since ({since})")
        return until

    def filters(self) -> dict[str, Any]:
        """The keyword arguments of `search_claims`."""
        return {
            "search": self.q,
            "actor": self.actor,
            "outlet": self.outlet,
            "since": self.since,
            "until": self.until,
            "disputed": self.disputed,
            "sort": self.sort,
            "limit": self.limit,
            "offset": self.offset,
        }


class ActorsQuery(_Query):
    q: str | None = Field(None, max_length=MAX_TEXT, description="part of an actor's name")
    limit: int = Field(20, ge=1, le=MAX_LIMIT, description="page size")


class ArticleSubmission(_Query):
    """The body of POST /api/articles: one article, as a JSONL line of `claimtrail ingest` would hold it."""

    text: str = Field(min_length=1, max_length=MAX_ARTICLE_CHARS, description="the article body")
    headline: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=40, description="publication date (ISO 8601)")
    outlet: str | None = Field(None, max_length=MAX_TEXT)


_QueryT = TypeVar("_QueryT", bound=_Query)


def parse(model: type[_QueryT], data: Mapping[str, Any]) -> _QueryT:
    """`data` checked against `model`; BadParameter listing every bad parameter otherwise."""
    try:
        return model.model_validate(dict(data))
    except ValidationError as error:
        problems = [_problem(detail) for detail in error.errors(include_url=False)]
        names = ", ".join(sorted({p["param"] for p in problems}))
        message = f"bad parameter {names}: " + "; ".join(p["message"] for p in problems)
        raise BadParameter(message, errors=problems) from None


def _problem(detail: Mapping[str, Any]) -> dict[str, Any]:
    param = ".".join(str(part) for part in detail.get("loc", ())) or "query"
    message = str(detail.get("msg", "invalid")).removeprefix("Value error, ")
    value = detail.get("input")
    return {"param": param, "message": message, "value": value if isinstance(value, str | int) else None}
