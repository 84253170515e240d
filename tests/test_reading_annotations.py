"""Machine-made entity annotation lists (reading.annotations)."""

from __future__ import annotations

from pathlib import Path

from exo_ontology.reading import parse_annotations

ROOT = Path(__file__).resolve().parents[1]

SAMPLE = """\
# A paper

## Linked entities

- **Diseases:** tumor (MONDO:0005070)

## Full-text entities

- **Genes:** HSPA1A (heat shock protein family A (Hsp70) member 1A) [NCBI Gene 3303] \
{aka HSP70, HSP70-1}, PBX3 (PBX homeobox 3) [NCBI Gene 5090]
- **Diseases:** hypoxic (MESH:D002534), CRC (MESH:D015179)
- **Chemicals:** CAR-T (-), cisplatin (MESH:D002945)
- **Species:** Mus musculus (house mouse, species) [taxon 10090]
"""


def test_items_are_parsed_with_identifiers_aliases_and_offsets() -> None:
    found = parse_annotations(SAMPLE)
    assert [(a.text, a.type) for a in found] == [
        ("tumor", "disease"), ("HSPA1A", "gene"), ("PBX3", "gene"), ("hypoxic", "disease"),
        ("CRC", "disease"), ("CAR-T", "chemical"), ("cisplatin", "chemical"),
        ("Mus musculus", "species")]
    by_text = {a.text: a for a in found}
    assert by_text["tumor"].identifiers == ("MONDO:0005070",)
    assert by_text["tumor"].scope == "Linked entities"
    hspa = by_text["HSPA1A"]
    assert hspa.identifiers == ("NCBIGene:3303",)
    assert hspa.name == "heat shock protein family A (Hsp70) member 1A"
    assert hspa.aliases == ("HSP70", "HSP70-1")
    assert hspa.scope == "Full-text entities"
    assert by_text["PBX3"].aliases == ()
    assert by_text["CAR-T"].identifiers == ()
    assert by_text["Mus musculus"].identifiers == ("NCBITaxon:10090",)
    assert by_text["Mus musculus"].name == "house mouse"
    for a in found:
        assert SAMPLE[a.raw_start:a.raw_end].startswith(a.text)


def test_no_annotations_in_plain_text() -> None:
    assert parse_annotations("Exosomes carry **cargo**.\n- a bullet\n") == []


def test_annotations_of_document_001() -> None:
    path = next((ROOT / "sources").glob("001_*.txt"))
    raw = path.read_text(encoding="utf-8")
    found = parse_annotations(raw)
    types = {a.type for a in found}
    assert types == {"gene", "disease", "chemical", "species"}
    genes = {a.text: a for a in found if a.type == "gene"}
    assert genes["RET"].identifiers == ("NCBIGene:5979",)
    assert "PD-L1" in genes["CD274"].aliases
    diseases = {a.text: a.identifiers for a in found if a.type == "disease"}
    assert diseases["B-lymphocytic leukemia"] == ("MESH:D015448",)
    assert all(a.identifiers for a in found if a.type in ("gene", "species"))
    assert len(genes) == raw.count("[NCBI Gene ")
