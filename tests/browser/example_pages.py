"""One page of each kind in this project's own site (the example, or the unit's data that
replaced it), shared by the browser tests: found from the data, never from fixed ids."""

from pagekinds import page_kinds

from .conftest import REPO

EXAMPLE_PAGES = page_kinds(REPO)
