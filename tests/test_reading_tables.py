"""Re-alignment of column-flattened tables (reading.tables) on a synthetic table and on 004."""

from __future__ import annotations

from pathlib import Path

from exo_ontology.model import Sentence
from exo_ontology.reading.segmenting import segment
from exo_ontology.reading.tables import role

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = ROOT / "tests" / "fixtures" / "reading" / "flattened_table.txt"


def rows_of(sentences: list[Sentence]) -> list[dict[str, str]]:
    return [dict(s.context) | {"text": s.text} for s in sentences if s.kind == "table_row"]


def test_column_roles_are_read_from_the_headers() -> None:
    assert [role(h) for h in ("Origin of Exosome", "Cancer Cell", "Status", "Tumour type",
                              "Vesicle source", "Model", "Fold change")] == [
        "origin", "disease", "status", "disease", "origin", "status", "fold_change"]


def test_synthetic_table_is_rebuilt_row_by_row() -> None:
    raw = SYNTHETIC.read_text(encoding="utf-8")
    reading = segment("synthetic", raw)
    rows = rows_of(reading.sentences)
    assert [(r["origin"], r["disease"], r["status"]) for r in rows] == [
        ("Plasma EVs", "Glioblastoma", "Mouse xenograft"),
        ("Platelet microvesicles", "Hepatocellular carcinoma", "Patient cohort"),
        ("Exosomal GPC1", "Pancreatic cancer (early stage)", "Patient cohort"),
        ("Urinary vesicles", "Bladder cancer", "Cell culture"),
        ("Ascites-derived EVs", "High-grade serous carcinoma", "Patient cohort"),
    ]
    assert rows[0]["text"] == "Plasma EVs carried EGFRvIII transcripts detectable before relapse [12]."
    assert rows[4]["text"] == (
        "Ascites-derived vesicles from ovarian tumours induced mesothelial invasion [16].")
    assert all(r["table"] == "Table 1" for r in rows)
    assert rows[0]["caption"] == "Summary of vesicle sources and the tumours they were studied in."
    table_rows = [s for s in reading.sentences if s.kind == "table_row"]
    assert all(s.section == "2. Vesicles in tumour models" for s in table_rows)
    for sentence in table_rows:
        assert raw[sentence.raw_start:sentence.raw_end].startswith(sentence.text[:20])
    # the paragraph the table interrupted is whole again, and no cell became a sentence
    texts = [s.text for s in reading.sentences if s.kind == "text"]
    assert texts == [
        ("Several groups compared vesicle sources in animal models, and a recent survey by Lee "
         "et al. summarised how plasma vesicles could be sorted by the tumour type they came "
         "from, which informs biomarker choice [17]."),
        "Vesicle sources differ in what they reveal about a tumour."]


def test_table_that_does_not_line_up_is_left_as_text() -> None:
    raw = ("Caption of a broken table.\n\nSource\n\nFinding\n\nOne\nTwo\nThree\n\n"
           "The first finding is described here in a full sentence [1].\n")
    reading = segment("broken", raw)
    assert reading.tables == []
    assert not [s for s in reading.sentences if s.kind == "table_row"]


def test_table_1_of_004_gives_19_aligned_rows() -> None:
    path = next((ROOT / "sources").glob("004_*.txt"))
    raw = path.read_text(encoding="utf-8")
    reading = segment(path.stem, raw)
    rows = rows_of(reading.sentences)
    assert len(rows) == 19
    by_origin = {r["origin"]: r for r in rows}
    assert by_origin["MiRNA-107"]["disease"] == "Gastric cancer"
    assert "miR-107" in by_origin["MiRNA-107"]["text"]
    assert by_origin["CD44v6"]["disease"] == "Pancreatic and Colorectal cancer"
    assert by_origin["CD44v6"]["status"] == "In Vivo/In Vitro"
    assert by_origin["MicroRNA-200b-3p"]["disease"] == "Lung cancer (Breast cancer lung metastasis)"
    assert by_origin["miR-186"]["disease"] == "Neuroblastoma"
    assert "TGFβ1" in by_origin["miR-186"]["text"]
    assert by_origin["Exosomal PD-L1"]["disease"] == "Systemic anti-tumor immunity and memory"
    assert by_origin["miR-30c-5p"]["disease"] == "Clear cell renal cell carcinoma"
    assert by_origin["miR-30c-5p"]["text"] == (
        "Urinary exosomal miR-30c-5p characterizes clear cell renal cell carcinoma at early "
        "stages by regulating HSPA5 gene expression [60].")
    assert by_origin["miR-208a"]["status"] == "In Vitro"
    assert "S100A9" in by_origin["Exosomal S100A9"]["text"]
    assert {r["caption"] for r in rows} == {
        "The relationship between exosomes and the promotion and development of various cancer types."}
    assert all(r["text"].endswith("].") for r in rows)
    # no cell of the table appears as an ordinary sentence
    ordinary = " ".join(s.text for s in reading.sentences if s.kind != "table_row")
    for row in rows:
        assert row["text"] not in ordinary
    assert "In Vivo/In Vitro" not in ordinary and "Origin of Exosome" not in ordinary
    # the paragraph the table interrupted continues after it
    assert any(s.text.endswith("mannose receptors on the surface of DCs.")
               and s.text.startswith("A study that employed") for s in reading.sentences)


THREE_COLUMNS = """\
Vesicles differ between tumours.
Table 2. Cargo of vesicles from three tumours.

Cargo

Tumour

Effect

miR-9
PD-L1
circRNA-100338
Glioma
Melanoma
Hepatocellular
carcinoma
Exosomal miR-9 promoted angiogenesis of endothelial cells [21].
Exosomal PD-L1 suppressed CD8 T cells in draining lymph nodes [22].
Exosomal circRNA-100338 enhanced metastasis of hepatocellular carcinoma cells [23].

The next paragraph starts here and is ordinary text.
"""


def test_three_column_table_with_a_numbered_caption() -> None:
    reading = segment("three", THREE_COLUMNS)
    rows = rows_of(reading.sentences)
    assert [(r["table"], r["origin"], r["disease"]) for r in rows] == [
        ("Table 2", "miR-9", "Glioma"), ("Table 2", "PD-L1", "Melanoma"),
        ("Table 2", "circRNA-100338", "Hepatocellular carcinoma")]
    assert rows[2]["text"].startswith("Exosomal circRNA-100338 enhanced metastasis")
    assert [s.text for s in reading.sentences if s.kind == "text"] == [
        "Vesicles differ between tumours.", "The next paragraph starts here and is ordinary text."]


ROW_TABLE = """\
Table 3
Exosomal cargo in glioma.

Cargo\tSource\tEffect\tReference
miR-21\tU87 cells\tM2 polarization\t[6]
EGFRvIII\tpatient serum\tbiomarker\t[7]
After the table the text goes on.
"""


def test_table_that_kept_its_rows() -> None:
    reading = segment("rows", ROW_TABLE)
    rows = [s for s in reading.sentences if s.kind == "table_row"]
    assert [s.text for s in rows] == ["miR-21; U87 cells; M2 polarization; [6]",
                                      "EGFRvIII; patient serum; biomarker; [7]"]
    assert dict(rows[0].context) == {
        "table": "Table 3", "caption": "Table 3 Exosomal cargo in glioma.", "origin": "miR-21",
        "source": "U87 cells", "effect": "M2 polarization", "reference": "[6]"}
    assert ROW_TABLE[rows[1].raw_start:rows[1].raw_end] == "EGFRvIII\tpatient serum\tbiomarker\t[7]"
    assert [s.text for s in reading.sentences if s.kind == "text"] == [
        "After the table the text goes on."]
