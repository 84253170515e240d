"""Grounding: names to ranked identifiers, and mentions recognised in sentences.

normalize → mirna → index → score → rewrites → grounder; recognize finds mentions with it.
"""
