"""A small HTML fragment (a feed entry's content) to plain text: no boilerplate removal, no guessing.

Whole pages go through `claimtrail.ingest.html` (main-text extraction); a feed entry's content is already
the article, so it only needs its tags dropped. Block elements (p, div, li, h1-h6, blockquote, br, tr)
become paragraph breaks, entities are unescaped, script and style content is dropped, runs of spaces within
a paragraph collapse to one.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["fragment_text"]

_BLOCKS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "br", "tr", "table"}
    | {"section", "article", "header", "footer", "pre"}
)
_DROPPED = frozenset({"script", "style", "noscript"})
_SPACES = re.compile(r"\s+")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[]]
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS:
            self.paragraphs.append([])

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.paragraphs[-1].append(data)


def fragment_text(fragment: str) -> str:
    """The text of `fragment`, one paragraph per block element, paragraphs separated by a blank line."""
    if "<" not in fragment:
        return fragment.strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    paragraphs = (_SPACES.sub(" ", "".join(parts)).strip() for parts in collector.paragraphs)
    return "\n\n".join(p for p in paragraphs if p)
