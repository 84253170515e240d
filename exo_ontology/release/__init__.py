"""Assemble the release graphs, write the release files, their metadata and documentation."""
