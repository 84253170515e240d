"""Line labels that depend on neighbouring lines: captions and their extent, numbered headings
(which may wrap), notices that run over several lines, links to other articles, cited-article
titles, and sections that are back matter or machine-made annotations."""

from __future__ import annotations

import re

from exo_ontology.reading import boilerplate as bp
from exo_ontology.reading.lines import Label, Line, next_nonblank
from exo_ontology.reading.sentences import ends_sentence

_NUMBERED_HEADING = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})(?P<dot>\.?)\s+(?P<text>[A-Z].*)$")
_CREDIT = re.compile(r"\b(Copyright|Reproduced|Reprinted|Adapted)\b|©")
_CAPTION_LABEL = re.compile(r"^(?:Fig\.?|Figure|Scheme|Table)\s*\d+[A-Za-z]?\s*[.:]?$")


def mark_captions(lines: list[Line], labels: list[Label], width: float) -> None:
    """Extend each caption over its wrapped lines: wide lines, a hyphen-broken word, a credit."""
    def wide(i: int) -> bool:
        return len(lines[i].stripped) > 1.25 * width

    group = 0
    for i, label in enumerate(labels):
        if label.kind != "caption" or label.group >= 0:
            continue
        before = labels[i - 1] if i else None
        if (before is not None and before.kind == "text" and not wide(i)
                and not ends_sentence(lines[i - 1].stripped)):
            label.kind = "text"     # "... as shown in\nFigure 2. The cells ..." is running text
            continue
        group += 1
        current = i
        while True:
            labels[current].kind, labels[current].group = "caption", group
            text = lines[current].stripped
            if _CREDIT.search(text):
                break
            j = next_nonblank(labels, current)
            if j is None or labels[j].kind in ("heading", "title"):
                break
            if current == i and _CAPTION_LABEL.match(text) and labels[j].kind == "text":
                current = j      # a bare "Figure 1" line: the caption text is the next line
                continue
            gap = j - current - 1
            if gap == 0 and wide(current) and labels[j].kind != "caption":
                current = j
                continue
            unfinished = not ends_sentence(text)
            credit_next = bool(_CREDIT.search(lines[j].stripped))
            if gap and labels[j].kind != "caption" and (
                    text.endswith("-") or (unfinished and (wide(j) or credit_next))):
                current = j
                continue
            break


def mark_headings(lines: list[Line], labels: list[Label]) -> None:
    """Numbered headings ("2. Exosomes and drug delivery system in cancer"), which may wrap."""
    for i, line in enumerate(lines):
        match = _NUMBERED_HEADING.match(line.stripped)
        if labels[i].kind != "text" or not match or int(match.group("num").split(".")[0]) > 40:
            continue
        text = match.group("text")
        if len(text.split()) > 15 or ends_sentence(text) or text.endswith((",", ";")):
            continue
        prev = labels[i - 1] if i else None
        if prev is not None and prev.kind == "text" and not ends_sentence(lines[i - 1].stripped):
            continue
        j = i + 1
        while (j < len(lines) and j - i <= 2 and labels[j].kind == "text"
               and lines[j].stripped[:1].islower() and len(lines[j].stripped.split()) <= 8):
            j += 1
        # a heading stands before a blank line, or (web text) before a line that starts anew
        starts_anew = (j == i + 1 and bool(match.group("dot")) and len(text.split()) <= 12
                       and lines[j].stripped[:1].isalnum()
                       and not lines[j].stripped[:1].islower() if j < len(lines) else True)
        if j < len(lines) and labels[j].kind != "blank" and not starts_anew:
            continue
        if not match.group("dot") and (prev is not None and prev.kind != "blank"):
            continue
        for k in range(i, j):
            labels[k].kind, labels[k].group = "heading", i


def mark_context(lines: list[Line], labels: list[Label]) -> None:
    """Rules that need neighbours: notices that wrap, links to other articles, cited titles."""
    for i, label in enumerate(labels):
        text = lines[i].stripped
        if label.reason == "author line" and not (
                (i == 0 or labels[i - 1].kind in ("blank", "drop"))
                and (i + 1 == len(labels) or labels[i + 1].kind in ("blank", "drop"))):
            label.kind, label.reason = "text", ""
        if label.kind == "drop" and label.reason in ("notice", "citation style"):
            j = i + 1
            wraps = label.reason == "citation style" or bp.is_copyright(text)
            while wraps and j < len(lines) and labels[j].kind in ("text", "drop") and (
                    label.reason == "citation style" or not ends_sentence(lines[j - 1].stripped)):
                labels[j].kind, labels[j].reason = "drop", label.reason
                j += 1
        if label.kind == "keywords" and text.rstrip("*").endswith((":", "：")):
            label.group = i
            j = i + 1       # "Keywords:" alone: one keyword per following line
            while (j < len(lines) and labels[j].kind == "text" and len(lines[j].stripped.split()) <= 5
                   and not ends_sentence(lines[j].stripped)):
                labels[j].kind, labels[j].group = "keywords", i
                j += 1
        if label.kind == "drop" and bp.is_next_link(text):
            link = next_nonblank(labels, i)
            if link is not None and labels[link].kind == "text":
                labels[link].kind, labels[link].reason = "drop", "link to another article"
        if label.kind == "drop" and bp.is_author_list(text) and i and labels[i - 1].kind == "text":
            labels[i - 1].kind, labels[i - 1].reason = "drop", "cited article title"


def mark_zones(lines: list[Line], labels: list[Label]) -> None:
    """Back-matter sections and a summary site's paraphrase are dropped whole; entity-annotation
    sections are set apart."""
    zone = ""
    for i, label in enumerate(labels):
        text = lines[i].stripped.lstrip("#").strip()
        if label.kind in ("heading", "text") or label.reason == "navigation":
            dropped = "back matter" if bp.is_back_matter(text) else (
                "provider summary" if label.kind == "heading" and bp.is_provider_summary(text) else "")
            if dropped:
                zone = dropped
                label.kind, label.reason = "drop", dropped
                continue
            if label.kind == "heading":
                zone = "annotation" if bp.is_annotation_heading(text) else ""
                if zone:
                    label.kind = "annotation"
                continue
        if zone in ("back matter", "provider summary") and label.kind != "blank":
            label.kind, label.reason = "drop", zone
        elif zone == "annotation" and label.kind != "blank":
            label.kind = "annotation"
