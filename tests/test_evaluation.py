"""The evaluation against the gold sets: claim-level precision and recall, and the slot agreement of
earlier releases."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from exo_ontology.errors import InputError
from exo_ontology.evaluation.claims import found_leniently, found_strictly, score_claims
from exo_ontology.evaluation.gold import GoldFinding, alternatives, read_gold
from exo_ontology.evaluation.scoring import score_findings
from exo_ontology.model import SLOTS, Evidence, Finding

RAW = "Exosomal miR-21 promotes angiogenesis in glioma [1]. Exosomes are promising biomarkers of glioma [2]."
FIRST, SECOND = RAW.index("Exosomal"), RAW.index("Exosomes are")


def gold(gid: str, quote: str, doc: str = "004_x", **slots: str) -> GoldFinding:
    return GoldFinding(gid, doc, quote, {s: frozenset(filter(None, slots.get(s, "").split("|"))) for s in SLOTS})


def pred(start: int, end: int, doc: str = "004_x", **slots: tuple[str, ...]) -> Finding:
    return Finding(doc_id=doc, evidence=Evidence(doc, RAW[start:end], start, end), **slots)


def test_a_match_needs_an_overlapping_quote_and_a_shared_key_slot() -> None:
    claims = [gold("g1", "promotes angiogenesis", effect="GO:0001525"),
              gold("g2", "promising biomarkers", application="EXOC:0004001")]
    right = pred(FIRST, SECOND - 1, effect=("GO:0001525",))
    wrong_place = pred(SECOND, len(RAW), effect=("GO:0001525",))        # right slot, other sentence
    wrong_slot = pred(FIRST, SECOND - 1, disease=("MONDO:0018177",))    # disease is not a key slot
    scores = score_findings([right, wrong_place, wrong_slot], claims, {"004_x": RAW})
    assert scores.matched == 1
    assert [g.id for g in scores.misses] == ["g2"]
    assert len(scores.false_positives) == 2


def test_matching_is_one_to_one() -> None:
    claims = [gold("g1", "promotes angiogenesis", effect="GO:0001525")]
    twice = [pred(FIRST, SECOND - 1, effect=("GO:0001525",)), pred(FIRST, SECOND - 1, effect=("GO:0001525",))]
    scores = score_findings(twice, claims, {"004_x": RAW})
    assert (scores.matched, scores.precision, scores.recall) == (1, 0.5, 1.0)


def test_a_prediction_is_right_only_when_every_filled_slot_is_right() -> None:
    claims = [gold("g1", "promotes angiogenesis", effect="GO:0001525", effect_direction="EXOC:0006001",
                   cargo="mirbase.mature:MIMAT0000076", disease="MONDO:0018177")]
    right = pred(FIRST, SECOND - 1, effect=("GO:0001525",), effect_direction=("EXOC:0006001",))
    wrong_direction = pred(FIRST, SECOND - 1, effect=("GO:0001525",), effect_direction=("EXOC:0006002",))
    assert score_claims([right], claims, {"004_x": RAW}).right == 1
    scores = score_claims([wrong_direction], claims, {"004_x": RAW})
    assert scores.right == 0
    assert scores.wrong[0][1] == "wrong effect_direction"


def test_an_alternative_in_the_note_counts_as_right() -> None:
    claim = GoldFinding("g1", "004_x", "promotes angiogenesis",
                        {s: frozenset({"GO:0001525"} if s == "effect" else ()) for s in SLOTS},
                        alternatives("alt=EXOC:0003010 the author also accepts tumour growth"))
    other = pred(FIRST, SECOND - 1, effect=("EXOC:0003010",))
    assert score_claims([other], [claim], {"004_x": RAW}).right == 1


def test_lenient_recall_asks_cargo_or_source_and_effect_or_use_strict_the_disease_too() -> None:
    claim = gold("g1", "promotes angiogenesis", effect="GO:0001525", cargo="mirbase.mature:MIMAT0000076",
                 disease="MONDO:0018177")
    no_disease = pred(FIRST, SECOND - 1, effect=("GO:0001525",), cargo=("mirbase.mature:MIMAT0000076",))
    no_cargo = pred(FIRST, SECOND - 1, effect=("GO:0001525",), disease=("MONDO:0018177",))
    assert found_leniently(no_disease, claim) and not found_strictly(no_disease, claim)
    assert not found_leniently(no_cargo, claim)
    full = replace(no_disease, disease=("MONDO:0018177",))
    assert found_strictly(full, claim)
    scores = score_claims([no_disease], [claim], {"004_x": RAW})
    assert (scores.lenient, scores.strict, scores.lenient_recall) == (1, 0, 1.0)


def test_a_use_claim_is_found_by_its_application() -> None:
    claim = gold("g2", "promising biomarkers", application="EXOC:0004001", vesicle_type="GO:0070062")
    use = pred(SECOND, len(RAW), application=("EXOC:0004001",), vesicle_type=("GO:0070062",))
    assert found_leniently(use, claim)
    assert not found_leniently(replace(use, application=("EXOC:0004002",)), claim)


def test_a_finding_may_state_together_what_the_gold_splits_over_rows_of_its_sentence() -> None:
    claims = [gold("g1", "promotes angiogenesis", effect="GO:0001525", effect_direction="EXOC:0006001"),
              gold("g2", "Exosomal miR-21", effect="GO:0016477", effect_direction="EXOC:0006001")]
    both = pred(FIRST, SECOND - 1, effect=("GO:0001525", "GO:0016477"), effect_direction=("EXOC:0006001",))
    scores = score_claims([both], claims, {"004_x": RAW})
    assert (scores.right, scores.precision) == (1, 1.0)
    other = pred(FIRST, SECOND - 1, effect=("GO:0001525", "GO:0006915"), effect_direction=("EXOC:0006001",))
    assert score_claims([other], claims, {"004_x": RAW}).right == 0     # apoptosis is in neither row


def test_a_malformed_gold_file_is_a_one_line_error_naming_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "findings.tsv").write_text("id\tdoc_id\tquote\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"findings\.tsv line 1: header lacks columns"):
        read_gold(tmp_path)
    header = "\t".join(("id", "doc_id", "quote", *SLOTS))
    (tmp_path / "findings.tsv").write_text(f"{header}\ng1\t004_x\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"findings\.tsv line 2: row has fewer cells"):
        read_gold(tmp_path)
