"""HTTP content negotiation: the Accept header against the media types a response can take."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    """One media range of an Accept header with its quality."""

    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> int:
        """How specifically this range matches (2 exact, 1 type/*, 0 */*); -1 when it does not."""
        main, _, sub = media_type.partition("/")
        if self.type == "*" and self.subtype == "*":
            return 0
        if self.type != main:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


def parse_accept(header: str | None) -> list[Range]:
    """The ranges of an Accept header; a missing or empty header accepts anything."""
    ranges = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        main, _, sub = fields[0].lower().partition("/")
        if not main:
            continue
        q = 1.0
        for param in fields[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append(Range(main, sub or "*", q))
    return ranges or [Range("*", "*", 1.0)]


def choose(header: str | None, offers: Sequence[str]) -> str | None:
    """The offer the client prefers: highest quality of its most specific matching range, ties broken by
    the server's order of `offers`; None when nothing acceptable is offered (406)."""
    ranges = parse_accept(header)
    best: tuple[float, int] | None = None
    chosen = None
    for index, offer in enumerate(offers):
        matching = [(r.matches(offer), r.q) for r in ranges if r.matches(offer) >= 0]
        if not matching:
            continue
        quality = max(matching)[1]
        if quality <= 0:
            continue
        key = (quality, -index)
        if best is None or key > best:
            best, chosen = key, offer
    return chosen
