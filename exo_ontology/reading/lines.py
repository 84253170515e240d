"""Raw lines and their labels: the units the layout rules, tables and paragraphs work on."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Line:
    """One raw line: [start, end) excludes the line break."""

    index: int
    start: int
    end: int
    text: str

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass
class Label:
    """What a line is, and the raw span of its content (without markers such as "## " or "- ")."""

    kind: str          # blank drop title heading caption keywords bullet text annotation table
    start: int
    end: int
    reason: str = ""
    group: int = -1    # lines of one caption or one wrapped heading share a group


@dataclass
class Block:
    """Consecutive lines of one kind: a paragraph, a caption, a heading, a dropped run."""

    kind: str
    lines: list[int] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    reason: str = ""
    group: int = -1


def split_lines(raw: str) -> list[Line]:
    """The raw text's lines with their offsets ("\\r\\n" and "\\n" both end a line)."""
    lines: list[Line] = []
    for number, match in enumerate(re.finditer(r"[^\n]*(\n|$)", raw)):
        if match.start() >= len(raw) and number:
            break
        end = match.end(0) - len(match.group(1))
        stop = end - 1 if end > match.start() and raw[end - 1] == "\r" else end
        lines.append(Line(number, match.start(), stop, raw[match.start():stop]))
    return lines


def wrap_width(lines: list[Line], labels: list[Label]) -> float:
    """Typical length of a body text line (the PDF column width; long for web text)."""
    lengths = [len(ln.stripped) for ln, lab in zip(lines, labels, strict=True)
               if lab.kind == "text" and len(ln.stripped) >= 25]
    return float(statistics.median(lengths)) if lengths else 80.0


def next_nonblank(labels: list[Label], i: int) -> int | None:
    for j in range(i + 1, len(labels)):
        if labels[j].kind != "blank":
            return j
    return None
