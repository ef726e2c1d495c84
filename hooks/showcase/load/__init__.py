"""Layer 4: reading a project. YAML with line numbers, every record cleaned by its field
types, references linked, criteria and narrative citations checked, every problem
collected. Imports :mod:`showcase.core`, :mod:`showcase.schema` and :mod:`showcase.model`."""

from .loader import load_project, record_files
from .yamlfile import ParseCache

__all__ = ["ParseCache", "load_project", "record_files"]
