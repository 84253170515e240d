"""The curation overlay: reviewers' accept/reject/edit rows and grounding overrides."""
