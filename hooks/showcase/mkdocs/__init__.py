"""Layer 7: the only layer that imports MkDocs. The session hooks/site.py holds, one build's
event handlers, the template API, narrative embeds on pages, incremental rebuilds, the
problem preview and the offline edition."""
