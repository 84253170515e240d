"""Plain text files: the whole file is one article, its text exactly the file's characters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from exo_ontology.errors import InputError
from exo_ontology.reading.formats.article import Article, Format

#: Share of control characters above which a file is called binary rather than text.
_BINARY_SHARE = 0.10
_TEXT_CONTROLS = {"\n", "\r", "\t", "\f", "\v"}


def decode_text(path: Path, data: bytes) -> str:
    """The bytes as UTF-8 text, or an InputError naming the file: empty, binary, not UTF-8, blank."""
    if not data:
        raise InputError(f"{path}: file is empty")
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}: binary file (contains NUL bytes); give a plain-text (UTF-8) file")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 (byte 0x{data[exc.start]:02x} at byte offset "
                         f"{exc.start}); convert the file to UTF-8") from None
    if not text.strip():
        raise InputError(f"{path}: file holds only white space")
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    if controls > _BINARY_SHARE * len(sample):
        raise InputError(f"{path}: binary file ({controls} control characters in the first "
                         f"{len(sample)}); give a plain-text file")
    return text


def read_text(path: Path) -> Iterator[Article]:
    """The one article of a text file (no newline translation: offsets are into the file's text)."""
    yield Article(key="", text=decode_text(path, path.read_bytes()))


def _never(_head: str) -> bool:
    # text is what a file is when no other format claims it
    return False


FORMAT = Format("text", "text", (".txt", ".text"), _never, read_text, container=False)
