"""Label every raw line (heading, caption, text, boilerplate ...) and group lines into blocks.

Works on the raw file's lines so that every block keeps exact raw spans; the text repairs of
`cleaning` come afterwards, block by block.
"""

from __future__ import annotations

import re

from exo_ontology.reading import boilerplate as bp
from exo_ontology.reading import structure
from exo_ontology.reading.lines import Block, Label, Line, split_lines, wrap_width
from exo_ontology.reading.sentences import ends_sentence

__all__ = ["Block", "Label", "Line", "build_blocks", "classify", "content_blocks", "split_lines"]

_MARKDOWN_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
_KNOWN_SECTIONS = re.compile(
    r"^(?:\d{1,2}\.?\s+)?(abstract|summary|background|introduction|methods|materials and methods|"
    r"results|discussion|conclusions?|conclusions? and (prospects|perspectives|outlook)|"
    r"highlights|graphical abstract|key findings|perspectives|outlook|future directions)\s*:?$",
    re.IGNORECASE)
_CAPTION = re.compile(r"^(?:Fig\.?|Figure|Scheme|Table)\s*\d+[A-Za-z]?\s*([.:|]\s*\S|[.:]?$)")
_KEYWORDS = re.compile(r"^(?:\*\*)?(?:key ?words|index terms)(?:\*\*)?\s*[:：]", re.IGNORECASE)
_BULLET = re.compile(r"^(?P<marker>[-*•‣▪]\s+)\S")
_LETTER_SPACED = re.compile(r"(?:[A-Za-z] ){3,}[A-Za-z](?:\s{2,}(?:[A-Za-z] )+[A-Za-z])*")
_ANNOTATION_ITEM = re.compile(r"^[-*]\s+\*\*[A-Z][\w ]*:\*\*.*(\[[A-Za-z ]+\d+\]|\([A-Z]+:\w+\))")


def _content(line: Line, offset: int = 0) -> tuple[int, int]:
    """Raw span of the line's text without surrounding white space."""
    text = line.text
    left = len(text) - len(text.lstrip())
    right = len(text.rstrip())
    return line.start + max(left, offset), line.start + max(right, max(left, offset))


def _norm(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "", text.lower())


def _first_pass(line: Line, title_key: str) -> Label:
    """Label a line on its own."""
    s = line.stripped
    start, end = _content(line)
    if not s:
        return Label("blank", start, end)
    md = _MARKDOWN_HEADING.match(s)
    if title_key and _norm(md.group("text") if md else s) == title_key:
        return Label("title", start + md.start("text") if md else start, end)
    if md:
        return Label("heading", start + md.start("text"), end)
    if _KEYWORDS.match(s):
        return Label("keywords", start, end)
    label = bp.meta_label(s)
    if label:
        return Label("keywords" if label.startswith("key") else "drop", start, end, "metadata")
    if _ANNOTATION_ITEM.match(s):
        return Label("annotation", start, end)
    bullet = _BULLET.match(s)
    marker = len(bullet.group("marker")) if bullet and not bp.is_running_head(s) else 0
    if _CAPTION.match(s):
        return Label("caption", start, end)
    if _KNOWN_SECTIONS.match(s) or _KNOWN_SECTIONS.match(heading_name(s)):
        return Label("heading", start, end)
    # the checks are pure: the heading name is checked only where it differs from the line
    body, name = s[marker:], heading_name(s)
    for reason, check in _DROP_CHECKS:
        if check(body) or (name != body and check(name)):
            return Label("drop", start, end, reason)
    if marker:
        return Label("bullet", start + marker, end)
    return Label("text", start, end)


_DROP_CHECKS = (
    ("navigation", bp.is_nav), ("citation style", bp.is_citation_style), ("notice", bp.is_notice),
    ("bibliographic", bp.is_bibliographic), ("author list", bp.is_author_list),
    ("running head", bp.is_running_head), ("author line", bp.is_author_line),
    ("link", bp.is_link_line), ("affiliation", bp.is_affiliation),
)


def heading_name(text: str) -> str:
    """ "a b s t r a c t" (a letter-spaced PDF heading) -> "Abstract"; other text unchanged."""
    if not _LETTER_SPACED.fullmatch(text):
        return text
    return " ".join(word.replace(" ", "") for word in re.split(r"\s{2,}", text)).capitalize()


def classify(lines: list[Line], title: str = "") -> list[Label]:
    """Label every line. `title` (from the manifest) marks the document's title line."""
    title_key = _norm(title)
    labels: list[Label] = []
    for line in lines:
        label = _first_pass(line, title_key)
        if label.kind == "title" and title_key and any(lab.kind == "title" for lab in labels):
            label = Label("drop", label.start, label.end, "repeated title")
        labels.append(label)
    if not title_key:
        for label, line in zip(labels, lines, strict=True):
            if label.kind == "heading" and line.stripped.startswith("# "):
                label.kind = "title"
                break
    structure.mark_captions(lines, labels, wrap_width(lines, labels))
    structure.mark_headings(lines, labels)
    structure.mark_context(lines, labels)
    structure.mark_zones(lines, labels)
    return labels


def _starts_new_paragraph(prev: str, line: str, width: float) -> bool:
    """Inside a run of text lines, does `line` start a new unit? (web text has one per line)"""
    first = line[:1]
    if not first or first.islower():
        return False
    if ends_sentence(prev):
        return True
    return len(prev) < 0.6 * width and not prev.endswith("-")


def build_blocks(lines: list[Line], labels: list[Label]) -> list[Block]:
    """Group labelled lines into blocks (paragraphs split at blank lines and unit boundaries)."""
    width = wrap_width(lines, labels)
    blocks: list[Block] = []
    previous: Label | None = None
    for line, label in zip(lines, labels, strict=True):
        if label.kind == "blank":
            previous = label
            continue
        current = blocks[-1] if blocks else None
        if current is not None and label.kind in ("caption", "heading", "keywords"):
            same = (current.kind == label.kind and current.group == label.group
                    and (label.group >= 0 or label.kind != "keywords"))
        else:
            same = (current is not None and previous is not None
                    and previous.kind == label.kind == current.kind
                    and label.kind not in ("bullet", "title", "keywords"))
        if same and label.kind == "text" and current is not None:
            same = not _starts_new_paragraph(lines[current.lines[-1]].stripped, line.stripped, width)
        if not same or current is None:
            current = Block(label.kind, reason=label.reason, group=label.group)
            blocks.append(current)
        current.lines.append(line.index)
        current.spans.append((label.start, label.end))
        previous = label
    return blocks


def content_blocks(raw: str, title: str = "") -> list[list[tuple[int, int]]]:
    """Raw line spans of each block that carries the document's own text (for `cleaning.clean`)."""
    lines = split_lines(raw)
    keep = ("title", "heading", "text", "caption", "keywords", "bullet")
    return [block.spans for block in build_blocks(lines, classify(lines, title))
            if block.kind in keep]
