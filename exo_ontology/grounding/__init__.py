"""Grounding: names to ranked identifiers, and mentions recognised in sentences.

normalize → mirna (grammar) → mirna_resolver → index → score → rewrite_* steps, cell_readings and
gene_names → rewrites (the rules table) → lookup → grounder; recognize finds mentions with it
(abbreviations, mention_guards).
"""
