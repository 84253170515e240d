"""The miRNA name grammar and its resolution against the human miRBase 22 tables.

Expected accessions and genes come from ../shared/reference (pinned rows in tests/fixtures), never typed
from memory.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from exo_ontology.grounding.grounder import Grounder
from exo_ontology.grounding.mirna import MirnaName, find_mirnas, parse
from exo_ontology.grounding.mirna_resolver import FLAG_SCORE, MirnaResolver
from exo_ontology.paths import Paths
from tests.reference import one_row

ROOT = Path(__file__).resolve().parents[1]


def mature(name: str) -> dict[str, str]:
    """The row of mirbase_v22_mature.tsv.gz for a mature name."""
    return one_row("mirbase_v22_mature.tsv.gz", "name", name)


def genes(name: str) -> set[str]:
    return {f"NCBIGene:{g}" for g in mature(name)["ncbi_gene_ids"].split("|") if g}


def acc(name: str) -> str:
    return f"mirbase.mature:{mature(name)['mature_acc']}"


@pytest.fixture(scope="module")
def resolver() -> MirnaResolver:
    return Grounder.from_paths(Paths(ROOT)).mirna


# ---- grammar -------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "canonical", "extra"), [
    ("miR-21", ["hsa-miR-21"], {}),
    ("miRNA-107", ["hsa-miR-107"], {}),
    ("microRNA-200b-3p", ["hsa-miR-200b-3p"], {"letter": "b", "arm": "3p"}),
    ("MicroRNA-155-5p", ["hsa-miR-155-5p"], {"arm": "5p"}),
    ("hsa-miR-24-3p", ["hsa-miR-24-3p"], {"species": "hsa"}),
    ("miR 17-5p", ["hsa-miR-17-5p"], {}),
    ("miR-30c-5p", ["hsa-miR-30c-5p"], {"letter": "c"}),
    ("let-7c", ["hsa-let-7c"], {"kind": "let"}),
    ("hsa-let-7c", ["hsa-let-7c"], {"kind": "let", "species": "hsa"}),
    ("miR-21i", ["hsa-miR-21i"], {"letter": "i"}),
    ("miR-199a-3p", ["hsa-miR-199a-3p"], {}),
    ("miR-1246", ["hsa-miR-1246"], {}),
    ("miR-181a/b", ["hsa-miR-181a", "hsa-miR-181b"], {}),
    ("miR-221/222", ["hsa-miR-221", "hsa-miR-222"], {}),
    ("miR-24-1-5p", ["hsa-miR-24-1-5p"], {"copy": "1"}),
    ("miR-21*", ["hsa-miR-21*"], {"arm": "*"}),
    ("MIR21", ["hsa-miR-21"], {"symbol": True}),
    ("MIRLET7C", ["hsa-let-7c"], {"symbol": True, "kind": "let"}),
    ("anti-miR-21", ["hsa-miR-21"], {"inhibitor": True}),
    ("miR-2993p", ["hsa-miR-2993p"], {"number": "2993", "letter": "p"}),
])
def test_grammar(text: str, canonical: list[str], extra: dict[str, object]) -> None:
    names = parse(text)
    assert [n.canonical() for n in names] == canonical
    for key, value in extra.items():
        assert getattr(names[0], key) == value, key


@pytest.mark.parametrize("text", ["MIR17HG", "let 5 ml", "mirror", "Let us", "miRNA", "TLR8"])
def test_not_mirna_names(text: str) -> None:
    assert parse(text) == []


def test_find_in_sentence_lists_and_neighbours() -> None:
    text = ("exosomal miR-21 and miR-3940-5p, miR-22-3p, miR-16-5p via miR-21/TLR8-NF-kB; "
            "the miR-17-92 cluster; let 5 ml")
    found = [(text[s:e], [n.canonical() for n in names]) for s, e, names in find_mirnas(text)]
    assert found[:4] == [("miR-21", ["hsa-miR-21"]), ("miR-3940-5p", ["hsa-miR-3940-5p"]),
                         ("miR-22-3p", ["hsa-miR-22-3p"]), ("miR-16-5p", ["hsa-miR-16-5p"])]
    assert found[4] == ("miR-21", ["hsa-miR-21"])             # "/TLR8" is not a list member
    assert found[5][0] == "miR-17-92" and len(found) == 6      # a cluster, and "let 5" is no miRNA


# ---- resolution ----------------------------------------------------------------------------
def resolve(resolver: MirnaResolver, text: str) -> list:
    return [c for name in parse(text) for c in resolver.resolve(name)]


def test_arm_name_gives_mature_then_genes(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "hsa-miR-24-3p")
    assert cands[0].curie == acc("hsa-miR-24-3p") and cands[0].status == "label"
    assert {c.curie for c in cands[1:]} == genes("hsa-miR-24-3p")      # MIR24-1 and MIR24-2
    assert len(genes("hsa-miR-24-3p")) == 2


def test_armless_name_gives_the_gene_first_then_both_arms(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "miR-21")
    assert cands[0].curie in genes("hsa-miR-21-5p") and cands[0].type == "gene"
    assert {acc("hsa-miR-21-5p"), acc("hsa-miR-21-3p")} <= {c.curie for c in cands[1:]}
    # history: 'hsa-miR-21' was the old name of the 5p arm, so it ranks above the 3p arm
    arms = [c.curie for c in cands if c.type == "mirna"]
    assert arms.index(acc("hsa-miR-21-5p")) < arms.index(acc("hsa-miR-21-3p"))


@pytest.mark.parametrize("name", ["hsa-miR-107", "hsa-miR-934", "hsa-miR-1246"])
def test_names_armless_in_mirbase_resolve_to_the_mature(resolver: MirnaResolver, name: str) -> None:
    cands = resolve(resolver, name.removeprefix("hsa-"))
    assert cands[0].curie == acc(name) and cands[0].score == 1.0


def test_old_names_resolve_through_history(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "miR-21*")
    assert cands[0].curie == acc("hsa-miR-21-3p") and cands[0].status == "former"
    assert "former miRBase name" in cands[0].note


def test_old_armless_name_gives_the_gene_first(resolver: MirnaResolver) -> None:
    """"miR-103" (now hsa-miR-103a-3p) names no arm: like "miR-21", its MIR gene(s) come first."""
    cands = resolve(resolver, "miR-103")
    assert cands[0].type == "gene" and cands[0].note == "MIR gene of hsa-miR-103a-3p"
    mature = next(c for c in cands if c.curie == acc("hsa-miR-103a-3p"))
    assert mature.score < cands[0].score
    star = resolve(resolver, "miR-21*")                  # a star name stays the mature arm
    assert star[0].type == "mirna"


def test_capitalised_mirna_prefix() -> None:
    assert [n.canonical() for n in parse("MiRNA-155")] == ["hsa-miR-155"]


def test_list_form_reports_both(resolver: MirnaResolver) -> None:
    curies = {c.curie for c in resolve(resolver, "miR-181a/b")}
    assert genes("hsa-miR-181a-5p") | genes("hsa-miR-181b-5p") <= curies


def test_inhibitor_is_flagged(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "miR-21i")
    assert cands and all(c.note.startswith("inhibitor of hsa-miR-21") for c in cands)
    assert cands[0].curie in genes("hsa-miR-21-5p")


def test_real_letter_i_is_not_an_inhibitor(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "miR-378i")
    assert cands[0].curie == acc("hsa-miR-378i") and "inhibitor" not in cands[0].note


def test_implausible_name_is_flagged_not_guessed(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "miR-2993p")
    assert cands, "the flag must say what the name might be"
    assert all(c.status == "flagged" and c.score < FLAG_SCORE for c in cands)
    assert "possible typo" in cands[0].note and "hsa-miR-299-3p" in cands[0].note
    assert cands[0].curie == acc("hsa-miR-299-3p")


def test_gene_symbol_resolves_to_its_gene(resolver: MirnaResolver) -> None:
    cands = resolve(resolver, "MIR21")
    assert cands[0].curie in genes("hsa-miR-21-5p") and cands[0].score == 1.0


def test_other_species_and_clusters_give_nothing(resolver: MirnaResolver) -> None:
    assert resolve(resolver, "mmu-miR-21a-5p") == []
    assert resolver.resolve(MirnaName(text="miR-17-92", number="17", cluster="92")) == []
