"""Layer 5: what the data implies, computed once per build without MkDocs: relations and
backlinks, the dossier, the composed report, charts, narrative embeds, descriptions and the
completeness summary. Imports :mod:`showcase.core`, :mod:`showcase.schema`,
:mod:`showcase.model` and :mod:`showcase.load`."""
