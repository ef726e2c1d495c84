"""The few tests that check the example's own content run only while data/ is the example.

A unit that adopts the product replaces data/, docs/ and mkdocs.yml; its CI must stay green.
Tests that check what the example says (its standard's eight items, its narratives' embeds)
read data/site.yml and skip themselves for any other unit; every other test builds its own
fixtures or works from whatever data the project has.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_UNIT = "示例市工商业联合会"


def is_the_example() -> bool:
    try:
        settings = yaml.safe_load((REPO / "data" / "site.yml").read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError):
        return False
    return isinstance(settings, dict) and (settings.get("unit") or {}).get("name") == EXAMPLE_UNIT


example_only = pytest.mark.skipif(not is_the_example(), reason="checks the example's own content; data/ is another unit's")
