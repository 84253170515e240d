"""Small horizontal bar charts as SVG records (drawn by templates/bars.svg.j2): no JavaScript."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from exo_ontology.release.docs.findings import FindingPage
from exo_ontology.release.docs.links import Link

ROW = 22          # px per bar
LABEL_W = 250     # px for the labels left of the bars (labels are cut to LABEL_CHARS)
BAR_W = 190       # px of the longest bar
LABEL_CHARS = 32
NOT_STATED = "not stated"


@dataclass(frozen=True)
class Bar:
    label: str
    link: Link | None
    count: int
    y: int
    width: int


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    height: int
    label_width: int = LABEL_W
    bar_width: int = BAR_W
    label_chars: int = LABEL_CHARS

    @property
    def width(self) -> int:
        return self.label_width + self.bar_width + 50


def count_chart(title: str, findings: list[FindingPage], slot: str) -> BarChart:
    """Findings per value of a slot, most first; findings without a value counted as 'not stated'."""
    counts: Counter[str] = Counter()
    links: dict[str, Link] = {}
    for finding in findings:
        values = finding.values(slot)
        for link in values:
            counts[link.curie] += 1
            links[link.curie] = link
        if not values:
            counts[NOT_STATED] += 1
    order = sorted(counts, key=lambda c: (-counts[c], c == NOT_STATED, links[c].label.lower() if c in links else c))
    top = max(counts.values(), default=1)
    bars = tuple(Bar(links[c].label if c in links else c, links.get(c), counts[c], 8 + n * ROW,
                     max(2, round(BAR_W * counts[c] / top))) for n, c in enumerate(order))
    return BarChart(title, bars, 16 + ROW * len(bars))
