"""build/findings.tsv: one row per finding, produced from the RDF graph by ontology/sparql/findings.rq."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

import pyoxigraph as ox

from exo_ontology.model import SLOTS
from exo_ontology.namespaces import SOURCE, compress
from exo_ontology.query.engine import run_query
from exo_ontology.release.assembly import SLOT_PROPERTIES

_SLOT_OF = {str(prop): slot for slot, prop in SLOT_PROPERTIES.items()}
_KNOWLEDGE = {"EXOC:0007001": "text_mining", "EXOC:0007002": "curated", "EXOC:0007003": "manual"}


def columns() -> list[str]:
    """finding, document, then each identifier slot followed by its _label column, then evidence and
    the extraction rule (the reading unit and the names of the cues that fired)."""
    cols = ["finding", "document"]
    for slot in SLOTS:
        cols += [slot, f"{slot}_label"]
    return [*cols, "evidence", "char_start", "char_end", "knowledge_source", "extraction_rule"]


def findings_rows(store: ox.Store, query: str) -> list[dict[str, str]]:
    """Pivot the query's (finding, slot, value) rows into one dict per finding."""
    result = run_query(store, query)
    return pivot(result.variables, result.rows)


def pivot(variables: Sequence[str], solutions: Iterable[Sequence[str | None]]) -> list[dict[str, str]]:
    """One dict per finding from the solutions of findings.rq (or rows made like them), sorted."""
    index = {name: i for i, name in enumerate(variables)}
    rows: dict[str, dict[str, object]] = {}
    for raw in solutions:

        def get(name: str, raw: Sequence[str | None] = raw) -> str | None:
            return raw[index[name]]

        fid = compress(get("finding") or "")
        row = rows.setdefault(fid, {
            "finding": fid,
            "document": (get("document") or "").removeprefix(str(SOURCE)),
            "evidence": get("quote") or "", "char_start": get("start") or "",
            "char_end": get("end") or "",
            "knowledge_source": _KNOWLEDGE.get(compress(get("knowledge_source") or ""), ""),
            "extraction_rule": get("rule") or "",
            "pathway_text": get("pathway_text") or "",
            "values": {},
        })
        slot = _SLOT_OF.get(get("slot") or "")
        if slot:
            values = row["values"]
            assert isinstance(values, dict)
            values.setdefault(slot, {})[compress(get("value") or "")] = get("label") or ""
    return [_flatten(row) for _, row in sorted(rows.items(), key=lambda kv: _sort_key(kv[1]))]


def _sort_key(row: dict[str, object]) -> tuple[str, int, str]:
    start = str(row["char_start"])
    return (str(row["document"]), int(start) if start.isdigit() else 0, str(row["finding"]))


def _flatten(row: dict[str, object]) -> dict[str, str]:
    values = row.pop("values")
    pathway_text = str(row.pop("pathway_text"))
    assert isinstance(values, dict)
    out = {k: str(v) for k, v in row.items()}
    for slot in SLOTS:
        pairs = sorted(values.get(slot, {}).items())
        out[slot] = "|".join(curie for curie, _ in pairs)
        out[f"{slot}_label"] = "|".join(label for _, label in pairs)
    if not out["pathway"] and pathway_text:
        out["pathway_label"] = pathway_text
    return out


def escape(cell: str) -> str:
    """Linear-TSV escaping: backslash, tab, newline and carriage return become \\\\, \\t, \\n, \\r.

    Quotes keep their line breaks this way, so `unescape(evidence)` is byte-for-byte the raw text.
    """
    return (cell.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
            .replace("\r", "\\r"))


def unescape(cell: str) -> str:
    """Inverse of `escape`."""
    out, i = [], 0
    while i < len(cell):
        if cell[i] == "\\" and i + 1 < len(cell):
            out.append({"t": "\t", "n": "\n", "r": "\r", "\\": "\\"}.get(cell[i + 1], cell[i + 1]))
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def to_tsv(rows: list[dict[str, str]]) -> str:
    """Tab-separated text with a header; cells escaped with `escape`."""
    cols = columns()
    lines = ["\t".join(cols)]
    lines += ["\t".join(escape(row.get(c, "")) for c in cols) for row in rows]
    return "\n".join(lines) + "\n"


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Read findings.tsv back (cells unescaped)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    return [dict(zip(header, map(unescape, line.split("\t")), strict=True)) for line in lines[1:]]


def write_findings_tsv(store: ox.Store, query_file: Path, out: Path) -> int:
    """Write findings.tsv; returns the number of findings."""
    rows = findings_rows(store, query_file.read_text(encoding="utf-8"))
    out.write_text(to_tsv(rows), encoding="utf-8")
    return len(rows)
