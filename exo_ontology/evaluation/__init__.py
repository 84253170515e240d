"""Evaluation, a leaf stage: the machine's findings and groundings against the hand-annotated gold splits."""
