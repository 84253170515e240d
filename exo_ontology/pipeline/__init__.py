"""The orchestrator: `documents` (Reader; documents -> findings) and `build` (the release)."""
