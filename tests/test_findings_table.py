"""findings.tsv: linear-TSV escaping round-trips; the SPARQL pivot gives one row per finding."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from exo_ontology.extraction.ids import finding_id
from exo_ontology.model import Evidence, Finding, SourceDoc
from exo_ontology.release.assembly import findings_dataset, merge
from exo_ontology.release.findings_table import columns, escape, findings_rows, read_tsv, to_tsv, unescape
from exo_ontology.validation.run import to_store

ROOT = Path(__file__).resolve().parents[1]


@given(st.text())
def test_escape_round_trips(text: str) -> None:
    escaped = escape(text)
    assert "\t" not in escaped and "\n" not in escaped and "\r" not in escaped
    assert unescape(escaped) == text


def _finding(quote: str, start: int, **slots: tuple[str, ...]) -> Finding:
    f = Finding(doc_id="d1", evidence=Evidence("d1", quote, start, start + len(quote), rule="r"), **slots)
    return Finding(**{**f.__dict__, "finding_id": finding_id(f)})


def test_pivot_one_row_per_finding_with_sorted_multi_values(tmp_path: Path) -> None:
    doc = SourceDoc("d1", tmp_path / "d1.txt", title="T")
    f1 = _finding("exosomal miR-21\npromotes", 10, cargo=("NCBIGene:406991", "CHEBI:27899"),
                  effect=("GO:0001525",))
    f2 = _finding("second", 0, effect=("GO:0006915",))
    graph = merge(findings_dataset([doc], [f1, f2]))
    query = (ROOT / "ontology" / "sparql" / "findings.rq").read_text()
    rows = findings_rows(to_store(graph), query)
    assert [r["finding"] for r in rows] == [f"exoc.finding:{f2.finding_id}", f"exoc.finding:{f1.finding_id}"]
    assert rows[1]["cargo"] == "CHEBI:27899|NCBIGene:406991"
    assert rows[1]["evidence"] == "exosomal miR-21\npromotes" and rows[1]["char_start"] == "10"
    assert rows[1]["knowledge_source"] == "text_mining" and rows[1]["document"] == "d1"
    out = tmp_path / "findings.tsv"
    out.write_text(to_tsv(rows))
    back = read_tsv(out)
    assert back[1]["evidence"] == "exosomal miR-21\npromotes"
    assert list(back[0]) == columns()
