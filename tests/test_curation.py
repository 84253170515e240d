"""The curation overlay: located errors for bad rows; accept/amend/reject/add applied purely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

import pytest

from exo_ontology.curation.overlay import FINDING_COLUMNS, GROUNDING_COLUMNS, apply_overlay, load_overlay
from exo_ontology.errors import InputError, ValidationFailed
from exo_ontology.extraction.ids import finding_id
from exo_ontology.model import Evidence, Finding

RAW = "Exosomal miR-21 promotes angiogenesis in breast cancer [4]. Another sentence."


@dataclass(frozen=True)
class FakeTerm:
    label: str
    obsolete: bool = False
    replaced_by: str = ""
    type: str = "disease"


class FakeLexicon:
    terms: ClassVar[dict[str, FakeTerm]] = {
        "MONDO:0007254": FakeTerm("breast cancer"), "GO:0001525": FakeTerm("angiogenesis"),
             "MONDO:0000002": FakeTerm("obsolete x", True, "MONDO:0009299")}

    def term(self, curie: str) -> FakeTerm | None:
        return self.terms.get(curie)


def machine_finding() -> Finding:
    f = Finding(doc_id="d1", evidence=Evidence("d1", RAW[:58], 0, 58, rule="sentence-cue"),
                effect=("GO:0001525",), knowledge_source="text_mining")
    return Finding(**{**f.__dict__, "finding_id": finding_id(f)})


def write(path: Path, columns: tuple[str, ...], rows: list[dict[str, str]]) -> None:
    lines = ["\t".join(columns)] + ["\t".join(row.get(c, "") for c in columns) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def overlay(tmp_path: Path, rows: list[dict[str, str]], grounding_rows: list[dict[str, str]] | None = None):
    write(tmp_path / "findings.tsv", FINDING_COLUMNS, rows)
    write(tmp_path / "groundings.tsv", GROUNDING_COLUMNS, grounding_rows or [])
    f = machine_finding()
    return load_overlay(tmp_path, FakeLexicon(), {"d1": RAW}, {f.finding_id}, {"EXOC:0006001"}), f


def test_bad_rows_name_file_row_and_column(tmp_path: Path) -> None:
    rows = [{"action": "amend", "finding": machine_finding().finding_id, "disease": "MONDO:9999999",
             "curator": "orcid:0000-0001", "reason": "r"},
            {"action": "add", "doc_id": "d1", "quote": "not in the text", "effect": "GO:0001525",
             "curator": "c", "reason": "r"},
            {"action": "accept", "finding": "Fnope", "curator": "", "reason": "r"},
            {"action": "amend", "finding": machine_finding().finding_id, "disease": "MONDO:0000002",
             "effect_direction": "EXOC:0009999", "curator": "c", "reason": "r"}]
    with pytest.raises(ValidationFailed) as info:
        overlay(tmp_path, rows)
    message = str(info.value)
    assert "curation/findings.tsv row 2, column disease: MONDO:9999999 is not a MONDO term" in message
    assert "row 3, column quote" in message
    assert "row 4, column finding" in message and "row 4, column curator" in message
    assert "MONDO:0000002 is obsolete; use MONDO:0009299" in message
    assert "row 5, column effect_direction" in message


def test_missing_column_is_unusable_input(tmp_path: Path) -> None:
    (tmp_path / "findings.tsv").write_text("action\tfinding\naccept\tF1\n")
    with pytest.raises(InputError, match=r"findings\.tsv line 1: missing column"):
        load_overlay(tmp_path, FakeLexicon(), {}, set())


def test_accept_amend_reject_add(tmp_path: Path) -> None:
    fid = machine_finding().finding_id
    ov, f = overlay(tmp_path, [
        {"action": "amend", "finding": fid, "disease": "MONDO:0007254", "curator": "c", "reason": "says so"},
        {"action": "add", "doc_id": "d1", "quote": "Another sentence.", "effect": "GO:0001525",
         "curator": "c", "reason": "missed"}])
    out = apply_overlay([f], ov, {"d1": RAW})
    amended = next(x for x in out if x.finding_id == fid)
    assert amended.knowledge_source == "curated" and amended.disease == ("MONDO:0007254",)
    assert amended.effect == ("GO:0001525",)   # untouched slots stay
    added = next(x for x in out if x.knowledge_source == "manual")
    assert RAW[added.evidence.char_start:added.evidence.char_end] == "Another sentence."
    ov2, _ = overlay(tmp_path, [{"action": "reject", "finding": fid, "curator": "c", "reason": "wrong"}])
    assert apply_overlay([f], ov2, {"d1": RAW}) == []


def test_build_never_writes_curation_files(tmp_path: Path) -> None:
    fid = machine_finding().finding_id
    ov, f = overlay(tmp_path, [{"action": "accept", "finding": fid, "curator": "c", "reason": "ok"}])
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    apply_overlay([f], ov, {"d1": RAW})
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_grounding_overrides_replace_or_drop_mentions(tmp_path: Path) -> None:
    from exo_ontology.curation.overlay import load_grounding_overrides, override_mentions
    from exo_ontology.model import Candidate, Mention

    write(tmp_path / "groundings.tsv", GROUNDING_COLUMNS, [
        {"text": "BC", "type": "disease", "curie": "MONDO:0007254", "curator": "c", "reason": "defined in text"},
        {"text": "EV", "type": "", "curie": "-", "curator": "c", "reason": "never the nucleus"}])
    overrides = load_grounding_overrides(tmp_path, FakeLexicon())
    wrong = (Candidate("MONDO:0000002", "x", "disease", 0.9, "BC", "exact"),)
    mentions = {0: [Mention("BC", 0, 2, "disease", wrong), Mention("EV", 3, 5, "anatomy", wrong)]}
    [only] = override_mentions(mentions, overrides, FakeLexicon())[0]
    assert only.best is not None and only.best.curie == "MONDO:0007254" and only.best.label == "breast cancer"
    write(tmp_path / "groundings.tsv", GROUNDING_COLUMNS,
          [{"text": "BC", "type": "disease", "curie": "MONDO:9999999", "curator": "c", "reason": "r"}])
    with pytest.raises(ValidationFailed, match=r"groundings\.tsv row 2, column curie"):
        load_grounding_overrides(tmp_path, FakeLexicon())


def test_an_added_quote_may_span_lines_with_linear_tsv_escapes(tmp_path: Path) -> None:
    raw = "Exosomal miR-21 promotes exo-\nsome release in glioma."
    write(tmp_path / "findings.tsv", FINDING_COLUMNS, [
        {"action": "add", "doc_id": "d1", "quote": "promotes exo-\\nsome release", "effect": "GO:0001525",
         "curator": "c", "reason": "missed"}])
    ov = load_overlay(tmp_path, FakeLexicon(), {"d1": raw}, set(), {"EXOC:0006001"})
    [added] = apply_overlay([], ov, {"d1": raw})
    assert raw[added.evidence.char_start:added.evidence.char_end] == "promotes exo-\nsome release"
