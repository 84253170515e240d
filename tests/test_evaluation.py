"""The evaluation against the gold set: how predictions are matched to gold claims, and what the
quality report says about the targets and the ceiling the Finding shape sets."""

from __future__ import annotations

from exo_ontology.evaluation.scoring import GoldFinding, quality_markdown, score_findings
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


def test_the_report_gives_verdicts_and_lists_the_misses() -> None:
    claims = [gold("g1", "promotes angiogenesis", effect="GO:0001525"),
              gold("g2", "promising biomarkers", application="EXOC:0004001")]
    report = quality_markdown([pred(FIRST, SECOND - 1, effect=("GO:0001525",))], claims, {"004_x": RAW},
                              {"gene": (19, 20, [])})
    assert "| precision | 100.0% | 90.0% | met |" in report
    assert "| recall | 50.0% | 90.0% | NOT met |" in report
    assert "| grounding gene (19/20) | 95.0% | 95.0% | met |" in report
    assert '- g2 (004): "promising biomarkers"' in report
