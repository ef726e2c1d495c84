"""Showcase data layer: YAML records → validated, immutable records → relations.

Nothing in this package imports MkDocs except :mod:`showcase.mkdocs_glue`, which the
hook file uses; everything else can be tested, and reused, without a site generator.
"""
