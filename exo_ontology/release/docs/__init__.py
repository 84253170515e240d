"""The release's HTML documentation (build/docs/), generated from the release graph at build time."""

from __future__ import annotations

from exo_ontology.release.docs.render import render_docs

__all__ = ["render_docs"]
