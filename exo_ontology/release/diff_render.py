"""Renderers of a `Diff`: Markdown for people (and the changelog), TSV for programs."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from itertools import groupby

from exo_ontology.release.diff import CHANGES, KINDS, Change, Diff
from exo_ontology.release.findings_table import escape

TSV_COLUMNS = ("change", "kind", "id", "label", "field", "old", "new")
LABEL_WIDTH = 100
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def md(text: str, width: int | None = None) -> str:
    """One line of Markdown-safe text (whitespace collapsed, long text cut with an ellipsis)."""
    flat = " ".join(text.split())
    if width is not None and len(flat) > width:
        flat = flat[: width - 1].rstrip() + "…"
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def counts_table(changes: tuple[Change, ...]) -> list[str]:
    """Entities added, removed and changed, one row per kind (a changed entity counts once)."""
    entities = {(c.change, c.kind, c.id) for c in changes}
    counts = Counter((change, kind) for change, kind, _ in entities)
    lines = ["| kind | added | removed | changed |", "|---|---:|---:|---:|"]
    for kind in KINDS:
        row = [counts[(change, kind)] for change in CHANGES]
        if any(row):
            lines.append(f"| {kind} | " + " | ".join(map(str, row)) + " |")
    return lines


def _field_line(change: Change) -> str:
    old, new = md(change.old, LABEL_WIDTH), md(change.new, LABEL_WIDTH)
    if old and new:
        return f"  - {change.field}: {old} → {new}"
    return f"  - {change.field}: " + (f"added {new}" if new else f"removed {old}")


def _entity_lines(group: list[Change]) -> list[str]:
    first = group[0]
    label = md(first.label, LABEL_WIDTH)
    head = f"- `{first.id}`" + (f" {label}" if label else "")
    if first.change != "changed":
        return [head]
    return [head, *(_field_line(c) for c in group)]


def change_sections(diff: Diff, level: int, limit: int | None = None) -> list[str]:
    """Markdown headed lists: change (at `level`), then kind, then one item per entity.

    With `limit`, a kind lists at most that many entities and says how many more there are.
    """
    lines: list[str] = []
    for change, of_change in groupby(diff.changes, key=lambda c: c.change):
        by_kind = [(kind, list(group)) for kind, group in groupby(of_change, key=lambda c: c.kind)]
        total = sum(len({c.id for c in group}) for _, group in by_kind)
        lines += ["#" * level + f" {change.capitalize()} ({total})", ""]
        for kind, group in by_kind:
            items = [list(g) for _, g in groupby(group, key=lambda c: c.id)]
            lines += ["#" * (level + 1) + f" {kind} ({len(items)})", ""]
            for item in items[:limit]:
                lines += _entity_lines(item)
            if limit is not None and len(items) > limit:
                lines.append(f"- … and {len(items) - limit} more (`exo diff` lists them all)")
            lines.append("")
    return lines


def render_markdown(diff: Diff) -> str:
    """The whole diff as a Markdown report."""
    lines = [f"# EXOC diff: {md(diff.old)} → {md(diff.new)}", ""]
    if not diff.changes:
        return "\n".join([*lines, "No differences.", ""])
    lines += [*counts_table(diff.changes), "", *change_sections(diff, level=2)]
    return "\n".join(lines).rstrip("\n") + "\n"


def render_tsv(diff: Diff) -> str:
    """One row per change; cells use the linear-TSV escapes of findings.tsv."""
    rows = ["\t".join(TSV_COLUMNS)]
    rows += ["\t".join(escape(getattr(change, column)) for column in TSV_COLUMNS) for change in diff.changes]
    return "\n".join(rows) + "\n"


#: --format name -> renderer
RENDERERS: dict[str, Callable[[Diff], str]] = {"markdown": render_markdown, "tsv": render_tsv}
