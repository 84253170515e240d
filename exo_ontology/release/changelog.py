"""CHANGELOG.md from the diff of two releases: one section per release version, newest first.

Writing a section replaces the one of the same version (or puts a new one on top) and keeps every
other section as it is, so running it twice gives the same file. Builds never call this: the
changelog is a user file, written only by `exo changelog` / `exo diff --changelog`.
"""

from __future__ import annotations

import re
from pathlib import Path

from exo_ontology.errors import InputError
from exo_ontology.release.diff import EMPTY_RELEASE, Diff, Release, diff_releases
from exo_ontology.release.diff_render import change_sections, counts_table, md

TITLE = "# Changelog"
PREAMBLE = (f"{TITLE}\n\nOne section per EXOC release, newest first, written by `exo changelog OLD NEW` from the "
            "differences between two releases (`exo diff` gives the full lists).\n")
#: entities listed per kind and change before the rest are only counted
LIST_LIMIT = 25
_SECTION_HEAD = re.compile(r"^## \[([^\]]+)\]", re.MULTILINE)


def section_heading(version: str, date: str) -> str:
    """`## [version] - date` (Keep a Changelog style); the version is what identifies a section."""
    return f"## [{version}]" + (f" - {date}" if date and date != version else "")


def changelog_section(diff: Diff, version: str, date: str, limit: int = LIST_LIMIT) -> str:
    """The section of one release: what it is compared with, counts per kind, then the lists."""
    compared = "an empty release (the first release)" if diff.old == EMPTY_RELEASE else f"release {md(diff.old)}"
    lines = [section_heading(version, date), "", f"Compared with {compared}.", ""]
    if not diff.changes:
        lines += ["No changes.", ""]
    else:
        lines += [*counts_table(diff.changes), "", *change_sections(diff, level=3, limit=limit)]
    return "\n".join(lines).rstrip("\n") + "\n"


def split_sections(text: str) -> tuple[str, dict[str, str], list[str]]:
    """(preamble, version -> section text, versions in file order) of an existing changelog."""
    starts = [m.start() for m in _SECTION_HEAD.finditer(text)]
    preamble = text[: starts[0]] if starts else text
    sections: dict[str, str] = {}
    order: list[str] = []
    for begin, end in zip(starts, [*starts[1:], len(text)][: len(starts)], strict=True):
        chunk = text[begin:end]
        match = _SECTION_HEAD.match(chunk)
        assert match is not None
        if match.group(1) not in sections:
            order.append(match.group(1))
        sections[match.group(1)] = chunk.rstrip("\n") + "\n"
    return preamble, sections, order


def with_section(text: str, version: str, section: str) -> str:
    """`text` with the section of `version` replaced, or added on top of the older ones."""
    preamble, sections, order = split_sections(text)
    if version not in sections:
        order.insert(0, version)
    sections[version] = section
    head = preamble.rstrip("\n") + "\n" if preamble.strip() else PREAMBLE
    return "\n".join([head, *(sections[v] for v in order)])


def write_changelog(path: Path, old: Release, new: Release, limit: int = LIST_LIMIT) -> Path:
    """Write or replace NEW's section of the changelog at `path` (created with a preamble if missing)."""
    if not new.version:
        raise InputError(f"{new.name}: no version found (manifest.json or owl:versionInfo); "
                         "the changelog names each section by its release version")
    section = changelog_section(diff_releases(old, new), new.version, new.date, limit)
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(with_section(text, new.version, section), encoding="utf-8")
    return path
