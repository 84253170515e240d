""""release up to date": the key of every input of the last good build, kept in `build.cache/release.json`
beside the checksum of the `build/manifest.json` it produced. A build whose inputs have the same key, over
a complete build/ (every file of its manifest present with its size), has nothing to do.

The key is kept outside build/ so that the release's bytes (and manifest.json) stay what they were.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from exo_ontology.paths import Paths


def _record_file(paths: Paths) -> Path:
    return paths.root / "build.cache" / "release.json"


def _manifest_digest(build_dir: Path) -> str | None:
    try:
        return hashlib.sha256((build_dir / "manifest.json").read_bytes()).hexdigest()
    except OSError:
        return None


def is_up_to_date(paths: Paths, key: str) -> bool:
    """True when build/ was made from inputs of this key and nothing of it is missing."""
    try:
        record = json.loads(_record_file(paths).read_text(encoding="utf-8"))
        manifest = json.loads((paths.build_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if record.get("key") != key or record.get("manifest") != _manifest_digest(paths.build_dir):
        return False
    for name, entry in manifest.get("files", {}).items():
        path = paths.build_dir / name
        if not path.is_file() or path.stat().st_size != entry.get("bytes"):
            return False
    return True


def record(paths: Paths, key: str) -> None:
    """Remember that build/ is the release of inputs of this key."""
    target = _record_file(paths)
    target.parent.mkdir(parents=True, exist_ok=True)
    data = {"key": key, "manifest": _manifest_digest(paths.build_dir)}
    target.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def forget(paths: Paths) -> None:
    """Drop the record (before build/ is replaced, so a build that fails half-way is never trusted)."""
    _record_file(paths).unlink(missing_ok=True)
