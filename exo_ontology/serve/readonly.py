"""Read-only checks on SPARQL text: is it an UPDATE, does it reach out through SERVICE."""

from __future__ import annotations

import re

from exo_ontology.query.engine import uses_service

__all__ = ["is_update", "uses_service"]

# Strings, comments and IRIs hide keywords ("INSERT" inside a literal is not an operation).
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"|'
                     r"'(?:\\.|[^'\\\n])*'|#[^\n]*|<[^<>\"{}|^`\\\s]*>")
_PROLOGUE = re.compile(r"\s*(?:PREFIX\s+[^\s:]*:\s*IRI|BASE\s+IRI)", re.IGNORECASE)
#: the first keyword of every SPARQL 1.1 Update operation (WITH starts a DELETE/INSERT ... WHERE)
UPDATE_KEYWORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


def is_update(text: str) -> bool:
    """True when the text is a SPARQL Update request: its first keyword after the prologue starts an
    update operation. Checked before any parsing, so an update is refused even when malformed."""
    body = _OPAQUE.sub(lambda m: " IRI " if m.group().startswith("<") else " ", text)
    while True:
        prologue = _PROLOGUE.match(body)
        if prologue is None:
            break
        body = body[prologue.end():]
    first = re.match(r"\s*([A-Za-z]+)", body)
    return first is not None and first.group(1).upper() in UPDATE_KEYWORDS
