"""bench/results.md is written by more than one benchmark: each owns one marked section of it."""

from __future__ import annotations

from pathlib import Path

HEADING = "# Benchmark results\n"


def replace_section(path: Path, name: str, body: str) -> None:
    """Put `body` between `<!-- begin NAME -->` and `<!-- end NAME -->`, keeping every other section."""
    begin, end = f"<!-- begin {name} -->\n", f"<!-- end {name} -->\n"
    block = f"{begin}{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADING
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    path.write_text(text, encoding="utf-8")
