"""The human curation overlay: ontology/curation/*.tsv, validated with located errors, applied purely.

findings.tsv    action (accept | reject | amend | add), finding, doc_id, quote, char_start, the slot
                columns of build/findings.tsv, curator, reason
groundings.tsv  text, type, curie, curator, reason: a surface text always means `curie`
                ("-" = never ground it)

The build reads these files and never writes them.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field, replace
from pathlib import Path

from exo_ontology import vocabulary as V
from exo_ontology.errors import InputError, ValidationFailed, located
from exo_ontology.extraction.ids import finding_id
from exo_ontology.lexicon.io import Lexicon
from exo_ontology.model import SLOTS, Candidate, Evidence, Finding, Mention
from exo_ontology.namespaces import compress
from exo_ontology.release.findings_table import unescape

FINDING_COLUMNS = ("action", "finding", "doc_id", "quote", "char_start", *SLOTS, "curator", "reason")
GROUNDING_COLUMNS = ("text", "type", "curie", "curator", "reason")
ACTIONS = ("accept", "reject", "amend", "add")
EXOC_VALUES = {
    "direction": {V.PROMOTES, V.INHIBITS, V.UPREGULATES, V.DOWNREGULATES},
    "effect_direction": {V.PROMOTES, V.INHIBITS},
    "study_type": {V.IN_VITRO, V.IN_VIVO, V.CLINICAL},
    "application": {V.BIOMARKER, V.DRUG_DELIVERY_VEHICLE, V.THERAPEUTIC_TARGET, V.CANCER_VACCINE,
                    V.THERAPEUTIC_AGENT},
    "cargo_type": set(V.CARGO_TYPES.values()),
}
#: slot -> CURIE prefixes allowed in it (EXOC terms are checked against EXOC_VALUES or the edit file)
SLOT_PREFIXES: dict[str, tuple[str, ...]] = {
    "vesicle_type": ("GO", "EXOC"), "source_cell": ("CL",), "recipient_cell": ("CL",),
    "cargo": ("NCBIGene", "mirbase.mature", "mirbase", "CHEBI", "EXOC"),
    "target": ("NCBIGene", "mirbase.mature", "mirbase"), "effect": ("GO", "EXOC"), "pathway": ("GO",),
    "disease": ("MONDO",), "direction": ("EXOC",), "effect_direction": ("EXOC",),
    "study_type": ("EXOC",), "application": ("EXOC",), "cargo_type": ("EXOC",),
}


@dataclass
class Overlay:
    """Validated curation rows."""

    findings: list[dict[str, str]] = field(default_factory=list)
    groundings: dict[tuple[str, str], str] = field(default_factory=dict)   # (text, type) -> curie


def _rows(path: Path, columns: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader((line for line in handle if not line.startswith("#")), delimiter="\t")
        missing = [c for c in columns if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(located(path, f"missing column(s) {', '.join(missing)}; "
                                           f"expected {', '.join(columns)}", line=1))
        # cells use linear-TSV escapes, as build/findings.tsv does: a quote copied from there keeps
        # its line breaks ("exo-\\nsomes") and so stays verbatim
        return [(i, {k: unescape((v or "").strip()) for k, v in row.items() if k}) for i, row in enumerate(reader, 2)]


def _check_curie(curie: str, slot: str, lexicon: Lexicon, exoc_terms: set[str]) -> str | None:
    prefix = curie.split(":", 1)[0]
    allowed = SLOT_PREFIXES[slot]
    if ":" not in curie or prefix not in allowed:
        return f"{curie} is not a {' or '.join(allowed)} identifier"
    if prefix == "EXOC":
        allowed_values = {compress(str(v)) for v in EXOC_VALUES.get(slot, set())}
        if (allowed_values and curie not in allowed_values) or curie not in exoc_terms:
            return f"{curie} is not an EXOC term allowed here"
        return None
    term = lexicon.term(curie)
    if term is None:
        return f"{curie} is not a {prefix} term"
    if term.obsolete:
        return f"{curie} is obsolete" + (f"; use {term.replaced_by}" if term.replaced_by else "")
    return None


def _validate_finding_row(path: Path, line: int, row: dict[str, str], known: set[str],
                          texts: dict[str, str], lexicon: Lexicon, exoc_terms: set[str]) -> list[str]:
    errors = []
    name = f"curation/{path.name}"
    action = row.get("action", "")
    if action not in ACTIONS:
        errors.append(located(name, f"{action!r} is not one of {', '.join(ACTIONS)}", line, "action"))
    for col in ("curator", "reason"):
        if not row.get(col):
            errors.append(located(name, "must not be empty (who decided, and why)", line, col))
    if action in ("accept", "reject", "amend") and row.get("finding") not in known:
        errors.append(located(name, f"{row.get('finding')!r} is not a finding of this build", line, "finding"))
    if action == "add":
        doc = row.get("doc_id", "")
        if doc not in texts:
            errors.append(located(name, f"{doc!r} is not a document in sources/manifest.tsv", line, "doc_id"))
        elif not row.get("quote") or row["quote"] not in texts[doc]:
            errors.append(located(name, "quote is not verbatim in the document", line, "quote"))
    for slot in SLOTS:
        for curie in filter(None, row.get(slot, "").split("|")):
            problem = _check_curie(curie.strip(), slot, lexicon, exoc_terms)
            if problem:
                errors.append(located(name, problem, line, slot))
    return errors


def load_overlay(curation_dir: Path, lexicon: Lexicon, texts: dict[str, str],
                 known_findings: set[str] | None = None, exoc_terms: set[str] | None = None) -> Overlay:
    """Read and validate the overlay; all row errors are raised together (exit 1)."""
    overlay, errors = Overlay(), []
    path = curation_dir / "findings.tsv"
    for line, row in _rows(path, FINDING_COLUMNS):
        errs = _validate_finding_row(path, line, row, known_findings or set(), texts, lexicon, exoc_terms or set())
        errors += errs
        if not errs:
            overlay.findings.append(row)
    if errors:
        raise ValidationFailed("curation overlay invalid:\n" + "\n".join(errors))
    overlay.groundings = load_grounding_overrides(curation_dir, lexicon)
    return overlay


def load_grounding_overrides(curation_dir: Path, lexicon: Lexicon) -> dict[tuple[str, str], str]:
    """(text, type) -> curie from groundings.tsv, validated; type "" matches any entity type."""
    overrides, errors = {}, []
    gpath = curation_dir / "groundings.tsv"
    for line, row in _rows(gpath, GROUNDING_COLUMNS):
        if not row["text"] or not row["curator"] or not row["reason"]:
            errors.append(located(f"curation/{gpath.name}", "text, curator and reason are required", line))
        elif row["curie"] != "-" and lexicon.term(row["curie"]) is None:
            errors.append(located(f"curation/{gpath.name}", f"{row['curie']} is not a known term", line, "curie"))
        else:
            overrides[(row["text"], row["type"])] = row["curie"]
    if errors:
        raise ValidationFailed("curation overlay invalid:\n" + "\n".join(errors))
    return overrides


def override_mentions(mentions: dict[int, list[Mention]], overrides: dict[tuple[str, str], str],
                      lexicon: Lexicon) -> dict[int, list[Mention]]:
    """Apply curated groundings to recognised mentions: replace their candidates, or drop them ("-")."""
    if not overrides:
        return mentions
    out: dict[int, list[Mention]] = {}
    for index, found in mentions.items():
        kept = []
        for mention in found:
            curie = overrides.get((mention.text, mention.type), overrides.get((mention.text, "")))
            if curie is None:
                kept.append(mention)
            elif curie != "-":
                term = lexicon.term(curie)
                label = term.label if term else curie
                kind = term.type if term else mention.type
                kept.append(replace(mention, candidates=(Candidate(curie, label, kind, 1.0, mention.text,
                                                                   "curated", "curation/groundings.tsv"),)))
        out[index] = kept
    return out


def _slots_from_row(row: dict[str, str]) -> dict[str, tuple[str, ...]]:
    return {slot: tuple(sorted(filter(None, (c.strip() for c in row[slot].split("|")))))
            for slot in SLOTS if row.get(slot)}


def _note(row: dict[str, str]) -> str:
    return f"{row['action']} by {row['curator']}: {row['reason']}"


def apply_overlay(findings: list[Finding], overlay: Overlay, texts: dict[str, str]) -> list[Finding]:
    """Accepted/amended findings become `curated`, rejected ones go, added ones are `manual`."""
    by_id = {f.finding_id: f for f in findings}
    for row in overlay.findings:
        fid, action = row["finding"], row["action"]
        if action == "reject":
            by_id.pop(fid, None)
        elif action in ("accept", "amend") and fid in by_id:
            changes = _slots_from_row(row) if action == "amend" else {}
            by_id[fid] = replace(by_id[fid], **changes, knowledge_source="curated",  # type: ignore[arg-type]
                                 curation_note=_note(row))
        elif action == "add":
            added = _added_finding(row, texts[row["doc_id"]])
            by_id[added.finding_id] = added
    return sorted(by_id.values(), key=lambda f: (f.doc_id, f.evidence.char_start, f.finding_id))


def _added_finding(row: dict[str, str], raw: str) -> Finding:
    quote = row["quote"]
    start = int(row["char_start"]) if row.get("char_start", "").isdigit() else raw.find(quote)
    if raw[start:start + len(quote)] != quote:
        start = raw.find(quote)
    evidence = Evidence(doc_id=row["doc_id"], quote=quote, char_start=start, char_end=start + len(quote),
                        rule="manual")
    finding = Finding(doc_id=row["doc_id"], evidence=evidence, knowledge_source="manual",
                      curation_note=_note(row), **_slots_from_row(row))  # type: ignore[arg-type]
    return replace(finding, finding_id=finding_id(finding))
